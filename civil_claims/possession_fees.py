"""The possession fees: to issue a claim for possession, and for a warrant of possession.

The amounts are dated rows of the ``PossessionFee`` table (seeded by the migration that
made it), one row per change of fee, so a claim sent before a change keeps the fee of
its day and no amount appears in code. ``possession_fee_for`` is pure when given
``rates``; without, it reads the table. The date is always passed in. Integer pence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from digital_services.core.memo import request_memo
from digital_services.core.queries import shaped_rows


class PossessionFeeNotFound(Exception):
    """No fee of this kind was in force on this date."""


@dataclass(frozen=True)
class PossessionFeeRate:
    kind: str
    effective_from: dt.date
    fee_pence: int
    code: str = ""
    fee_id: int | None = None


def possession_fee_rates(kind: str) -> tuple[PossessionFeeRate, ...]:
    """The dated rows of one kind of fee, oldest first (read once a request: the check pages
    of the possession claim and the response each work the fee out twice, for the step that
    shows it and for what you pay)."""
    from .models import PossessionFee

    return request_memo(
        ("civil_claims.possession_fee_rates", kind),
        lambda: tuple(
            PossessionFeeRate(
                kind=row.kind,
                effective_from=row.effective_from,
                fee_pence=row.fee_pence,
                code=row.code,
                fee_id=row.pk,
            )
            for row in shaped_rows(
                PossessionFee.objects.filter(kind=kind).order_by("effective_from")
            )
        ),
    )


def possession_fee_for(
    kind: str, *, on: dt.date, rates: Iterable[PossessionFeeRate] | None = None
) -> PossessionFeeRate:
    """The fee of ``kind`` ("claim" or "warrant") in force on ``on``: the row with the
    latest first day on or before it. Raises ``PossessionFeeNotFound`` before the first."""
    rows = [r for r in (possession_fee_rates(kind) if rates is None else rates) if r.kind == kind]
    in_force = [r for r in rows if r.effective_from <= on]
    if not in_force:
        raise PossessionFeeNotFound(f"No {kind} fee in force on {on:%d %B %Y}")
    return max(in_force, key=lambda r: r.effective_from)
