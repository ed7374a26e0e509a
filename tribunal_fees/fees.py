"""Working out a fee: claim type, claimant band, the fee in force on a date, group remission.

``claim_type_decide``, ``claimant_band_for`` and ``group_fee_after_remission`` are
pure functions. ``fee_lookup`` reads the dated ``FeeSchedule`` table: the fee is
the one in force on the date given (the date the claim was presented), so a
change to the table never changes an old case. All money is integer pence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext

from digital_services.core.dates import date_format
from digital_services.core.memo import request_memo
from digital_services.core.queries import shaped_rows

from .constants import (
    BAND_REMISSION_DIVISOR,
    BANDED_KINDS,
    TYPE_A_PERIODS,
    ClaimantBand,
    ClaimElement,
    ClaimType,
    FeeKind,
    Jurisdiction,
)


class FeeNotFound(Exception):
    """No fee in the schedule for this jurisdiction, kind, claim type and date
    (for example a date after fees were abolished on 26 July 2017)."""


class AmbiguousFee(Exception):
    """More than one schedule row applies: the table has overlapping periods."""


class ClaimTypeNeeded(ValueError):
    """The fee in force depends on the claim type (Type A or B), and none was given."""


def claim_fee_exempt(*, claim_elements: Iterable[str]) -> bool:
    """True for a claim only for a payment from the National Insurance Fund: no fee was
    payable for it. Any other complaint in the claim brings the fee back."""
    return set(claim_elements) == {ClaimElement.NI_FUND}


def claim_type_decide(*, claim_elements: Iterable[str], on_date: dt.date) -> str:
    """Type A if every element was a Type A complaint on ``on_date``, otherwise Type B.

    The Type A list is dated data (``TYPE_A_PERIODS``): from 6 April 2014 (SI 2014/590)
    equal pay, TUPE failure to consult, Working Time compensatory rest and time off for
    training are Type B. A payment from the National Insurance Fund decides nothing (it
    pays no fee). A claim that mixes types pays the Type B fee once. Raises
    ``ValueError`` for an empty claim, a claim only for the National Insurance Fund
    (``claim_fee_exempt``), or an element we do not know.
    """
    elements = set(claim_elements)
    if not elements:
        raise ValueError("A claim must be about at least one thing")
    unknown = elements - set(ClaimElement.values)
    if unknown:
        raise ValueError(f"Unknown claim elements: {', '.join(sorted(unknown))}")
    elements.discard(ClaimElement.NI_FUND)
    if not elements:
        raise ValueError("A claim only for a National Insurance Fund payment pays no fee")
    return ClaimType.A if elements <= type_a_elements_on(on_date) else ClaimType.B


def type_a_elements_on(on_date: dt.date) -> frozenset[str]:
    """The complaints that were Type A for a claim presented on ``on_date``."""
    return frozenset(
        element
        for element, first, last in TYPE_A_PERIODS
        if first <= on_date and (last is None or on_date <= last)
    )


def claimant_band_for(count: int) -> str:
    """The group fee band for ``count`` claimants named on the claim (1, 2–10, 11–200, 201+).

    Raises ``ValueError`` for fewer than 1 claimant.
    """
    if isinstance(count, bool) or not isinstance(count, int):
        raise ValueError("The number of claimants must be a whole number")
    if count < 1:
        raise ValueError("A claim has at least 1 claimant")
    if count == 1:
        return ClaimantBand.ONE
    if count <= 10:
        return ClaimantBand.TWO_TO_TEN
    if count <= 200:
        return ClaimantBand.ELEVEN_TO_200
    return ClaimantBand.OVER_200


def group_fee_after_remission(*, group_fee_pence: int, claimants: int, remitted: int) -> int:
    """What a group still pays when ``remitted`` of its ``claimants`` have full remission.

    The rule of the ET1 service: the group fee divided by the band divisor (1 for one
    claimant, 2 for 2–10, 4 for 11–200, 6 for 201+) times the number of claimants
    *not* remitted, capped at the group fee. Multiplies before dividing and rounds
    down to the penny (the 2013 fees all divide exactly). A lone claimant with
    remission pays nothing up front. Raises ``ValueError`` for impossible counts.
    """
    if remitted < 0 or remitted > claimants:
        raise ValueError("The claimants with remission must be between 0 and the claimants")
    if group_fee_pence < 0:
        raise ValueError("A fee cannot be negative")
    divisor = BAND_REMISSION_DIVISOR[claimant_band_for(claimants)]
    return min(group_fee_pence, group_fee_pence * (claimants - remitted) // divisor)


@dataclass(frozen=True)
class FeeQuote:
    """A fee, with why it is that amount (for the "your fee" page and the case record)."""

    amount_pence: int
    schedule_id: int | None
    jurisdiction: str
    kind: str
    claim_type: str
    band: str
    on_date: dt.date
    effective_from: dt.date | None = None
    source: str = ""  # the statutory instrument the schedule row cites

    @property
    def explanation(self) -> str:
        """ "The issue fee for a Type B claim with 1 claimant, in force on 5 March 2016.",
        a whole sentence per case so that each translates."""
        values = {
            "fee": str(FeeKind(self.kind).label).lower(),
            "type": ClaimType(self.claim_type).label if self.claim_type else "",
            "band": ClaimantBand(self.band).label if self.band else "",
            "date": date_format(self.on_date),
        }
        typed = self.claim_type in (ClaimType.A, ClaimType.B)
        banded = self.band not in ("", ClaimantBand.ANY)
        if typed and banded:
            text = gettext("The %(fee)s for a %(type)s claim with %(band)s, in force on %(date)s.")
        elif typed:
            text = gettext("The %(fee)s for a %(type)s claim, in force on %(date)s.")
        elif banded:
            text = gettext("The %(fee)s with %(band)s, in force on %(date)s.")
        else:
            text = gettext("The %(fee)s, in force on %(date)s.")
        return text % values


def _rows_in_force(*, jurisdiction: str, kind: str, band: str, on_date: dt.date):
    """The schedule's rows for this fee on ``on_date``, read once a request (a journey's
    check page asks for the same fee for each step that shows or checks it)."""
    from .models import FeeSchedule

    def read():
        return shaped_rows(
            FeeSchedule.objects.filter(
                Q(effective_to__isnull=True) | Q(effective_to__gte=on_date),
                jurisdiction=jurisdiction,
                kind=kind,
                claimant_band__in=[band, ClaimantBand.ANY],
                effective_from__lte=on_date,
            )
        )

    key = ("tribunal_fees.fee_rows", jurisdiction, kind, band, on_date)
    return list(request_memo(key, read))


def fee_varies_by_claim_type(*, jurisdiction: str, kind: str, on_date: dt.date) -> bool:
    """True when the schedule in force on ``on_date`` has a Type A or Type B row for this
    fee, so the claim type must be asked. An appeal fee (EAT), a fee for any claim type,
    a current tribunal's fee or a day with no fee in force: False."""
    # Band "1" also brings the rows for any number of claimants.
    rows = _rows_in_force(
        jurisdiction=jurisdiction, kind=kind, band=ClaimantBand.ONE, on_date=on_date
    )
    return any(row.claim_type != ClaimType.ANY for row in rows)


def fee_first_in_force(*, kind: str) -> dt.date | None:
    """The first day the schedule has any row for this fee kind (None: no row at all)."""
    from .models import FeeSchedule

    row = FeeSchedule.objects.filter(kind=kind).order_by("effective_from").first()
    return row.effective_from if row is not None else None


def fee_lookup(
    *,
    jurisdiction: str,
    kind: str,
    claim_type: str = "",
    claimants: int = 1,
    on_date: dt.date,
) -> FeeQuote:
    """The fee in force on ``on_date`` for this claim.

    Issue and hearing fees depend on the claimant band; other fees apply to any
    number of claimants, and some to any claim type. A row for the exact claim
    type or band wins over an "any" row. ``claim_type`` may be empty when the fee
    does not depend on it (``fee_varies_by_claim_type`` is False). Raises
    ``FeeNotFound`` (nothing in force, or a kind that does not exist for this claim
    type), ``ClaimTypeNeeded`` (the fee depends on a claim type that was not given)
    and ``AmbiguousFee``.
    """
    if jurisdiction not in Jurisdiction.values:
        raise ValueError(f"Unknown jurisdiction {jurisdiction!r}")
    if kind not in FeeKind.values:
        raise ValueError(f"Unknown fee kind {kind!r}")
    if claim_type not in (ClaimType.A, ClaimType.B, ClaimType.ANY, "", None):
        raise ValueError("The claim type must be A, B or not given")
    typed = claim_type in (ClaimType.A, ClaimType.B)
    band = claimant_band_for(claimants) if kind in BANDED_KINDS else ClaimantBand.ANY
    rows = _rows_in_force(jurisdiction=jurisdiction, kind=kind, band=band, on_date=on_date)
    if not typed and any(row.claim_type != ClaimType.ANY for row in rows):
        raise ClaimTypeNeeded(
            f"The {FeeKind(kind).label.lower()} on {date_format(on_date)} depends on the claim type"
        )
    rows = [row for row in rows if row.claim_type in (claim_type, ClaimType.ANY)]
    if not rows:
        for_type = f" for a {ClaimType(claim_type).label} claim" if typed else ""
        raise FeeNotFound(
            f"No {FeeKind(kind).label.lower()} in force on {date_format(on_date)}{for_type}"
        )
    # The most specific row wins: exact type and band beat "any".
    rows.sort(key=lambda r: (r.claim_type == ClaimType.ANY, r.claimant_band == ClaimantBand.ANY))
    best = rows[0]
    ties = [
        r for r in rows if (r.claim_type, r.claimant_band) == (best.claim_type, best.claimant_band)
    ]
    if len(ties) > 1:
        raise AmbiguousFee(f"{len(ties)} fee schedule rows apply: fix the overlapping periods")
    return FeeQuote(
        amount_pence=best.amount_pence,
        schedule_id=best.pk,
        jurisdiction=jurisdiction,
        kind=kind,
        claim_type=claim_type if typed else "",
        band=band,
        on_date=on_date,
        effective_from=best.effective_from,
        source=best.notes,
    )
