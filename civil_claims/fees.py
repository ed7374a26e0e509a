"""The court fee to issue a money claim, from the dated ``IssueFeeBand`` table.

The fee is worked out on the claim plus interest to date (the caller adds them).
The band in force on the date given applies, so the same claim gets the same
fee however the table changes later. All money is integer pence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext

from digital_services.core.dates import date_format
from digital_services.core.memo import request_memo
from digital_services.core.money import pence_format
from digital_services.core.queries import shaped_rows


class FeeNotFound(Exception):
    """No issue fee band covers this amount on this date (a gap in the table)."""


class AmbiguousFee(Exception):
    """More than one band covers this amount on this date: the table overlaps."""


@dataclass(frozen=True)
class IssueFee:
    """The issue fee on an amount, with the band it came from (kept on the claim)."""

    amount_pence: int  # what the fee was worked out on: claim + interest to date
    fee_pence: int
    band_id: int
    on: dt.date
    percent_basis_points: int | None = None
    code: str = ""

    @property
    def explanation(self) -> str:
        values = {
            "fee": pence_format(self.fee_pence),
            "amount": pence_format(self.amount_pence),
            "on": date_format(self.on),
        }
        if self.percent_basis_points is not None:
            values["percent"] = f"{self.percent_basis_points / 100:g}%"
            return (
                gettext(
                    "%(fee)s: %(percent)s of %(amount)s, rounded down to the penny, in force on "
                    "%(on)s."
                )
                % values
            )
        return gettext("%(fee)s: the fee for a claim of %(amount)s, in force on %(on)s.") % values


def issue_fee_quote(amount_pence: int, *, on: dt.date) -> IssueFee:
    """The issue fee in force on ``on`` for a claim (amount plus interest) of ``amount_pence``.

    Raises ``ValueError`` for an amount that is not a whole number of pence or is below
    1p, ``FeeNotFound`` when no band covers it and ``AmbiguousFee`` when bands overlap.
    """
    from .models import IssueFeeBand

    if isinstance(amount_pence, bool) or not isinstance(amount_pence, int):
        raise ValueError(f"Not an amount in pence: {amount_pence!r}")
    if amount_pence < 1:
        raise ValueError("A claim is for at least 1p")
    bands = request_memo(  # read once a request: the check page quotes the fee 4 times
        ("civil_claims.issue_fee_bands", amount_pence, on),
        lambda: shaped_rows(
            IssueFeeBand.objects.filter(
                Q(valid_to__isnull=True) | Q(valid_to__gte=on),
                Q(upper_pence__isnull=True) | Q(upper_pence__gte=amount_pence),
                valid_from__lte=on,
                lower_pence__lte=amount_pence,
            )[:2]
        ),
    )
    if not bands:
        raise FeeNotFound(
            f"No issue fee for a claim of {pence_format(amount_pence)} on {date_format(on)}"
        )
    if len(bands) > 1:
        raise AmbiguousFee(
            f"More than one issue fee band covers {pence_format(amount_pence)} on "
            f"{date_format(on)}: fix the overlapping bands"
        )
    band = bands[0]
    return IssueFee(
        amount_pence=amount_pence,
        fee_pence=band.fee_for(amount_pence),
        band_id=band.pk,
        on=on,
        percent_basis_points=band.percent_basis_points,
        code=band.code,
    )


def issue_fee_for(amount_pence: int, *, on: dt.date) -> int:
    """The issue fee in pence on ``amount_pence`` (claim plus interest) on ``on``.

    Raises as ``issue_fee_quote``.
    """
    return issue_fee_quote(amount_pence, on=on).fee_pence


def fee_changed(*, quoted_pence: int, amount_pence: int, on: dt.date) -> bool:
    """Whether the fee on ``amount_pence`` on ``on`` differs from ``quoted_pence``: the
    "your fee has changed" page is shown when accrued interest moved the claim into
    another band between the quote and payment."""
    return issue_fee_for(amount_pence, on=on) != quoted_pence
