"""The 2017 fee refund scheme, as pure functions: interest, bank details, payment months.

Fees paid between 29 July 2013 and 26 July 2017 are refunded with simple interest
at ``TRIBUNAL_FEES_REFUND_INTEREST_RATE_BASIS_POINTS`` a year (50 = 0.5%) from the
date paid to the date refunded. Integer pence throughout.
"""

from __future__ import annotations

import datetime as dt
import re

from .constants import REFUND_MONTH_FIRST, REFUND_MONTH_LAST

DAYS_IN_YEAR = 365
SORT_CODE = re.compile(r"^\d{6}$")
ACCOUNT_NUMBER = re.compile(r"^\d{8}$")


def refund_interest_pence(
    *, amount_pence: int, paid_on: dt.date, refunded_on: dt.date, rate_basis_points: int
) -> int:
    """Simple interest on ``amount_pence`` from ``paid_on`` to ``refunded_on``.

    interest = amount × rate × days ÷ (10,000 × 365), where days is the number of
    days between the two dates (the payment day counts, the refund day does not)
    and every year counts as 365 days, leap years included. Rounded to the nearest
    penny, a half penny up, in integer arithmetic. A refund on or before the
    payment date earns nothing. Raises ``ValueError`` for a negative amount or rate.
    """
    if amount_pence < 0 or rate_basis_points < 0:
        raise ValueError("The amount and the rate cannot be negative")
    days = (refunded_on - paid_on).days
    if days <= 0:
        return 0
    numerator = amount_pence * rate_basis_points * days
    denominator = 10_000 * DAYS_IN_YEAR
    return (2 * numerator + denominator) // (2 * denominator)


def refund_paid_on(*, month: int, year: int) -> dt.date:
    """The date interest runs from when only the month of payment is known: its first
    day (the earliest the fee can have been paid, so the applicant is not short-changed)."""
    return dt.date(year, month, 1)


def refund_month_in_scheme(*, month: int, year: int) -> bool:
    """True when a payment month is one the scheme covers (July 2013 to August 2017)."""
    return REFUND_MONTH_FIRST <= (year, month) <= REFUND_MONTH_LAST


def sort_code_normalise(value: str) -> str:
    """ "12-34-56" or "12 34 56" → "123456". Does not validate (see ``sort_code_valid``)."""
    return re.sub(r"[\s\-–]", "", value or "")


def sort_code_valid(value: str) -> bool:
    """6 digits once spaces and dashes are taken out. Format only: the notes ask for no
    modulus check, and a wrong account is caught when the bank rejects the transfer."""
    return bool(SORT_CODE.match(sort_code_normalise(value)))


def account_number_normalise(value: str) -> str:
    return re.sub(r"[\s\-]", "", value or "")


def account_number_valid(value: str) -> bool:
    """8 digits once spaces are taken out."""
    return bool(ACCOUNT_NUMBER.match(account_number_normalise(value)))


def sort_code_display(value: str) -> str:
    digits = sort_code_normalise(value)
    return f"{digits[0:2]}-{digits[2:4]}-{digits[4:6]}" if len(digits) == 6 else value


def rate_display(basis_points: int) -> str:
    """50 → "0.5%", 125 → "1.25%", 300 → "3%"."""
    whole, fraction = divmod(basis_points, 100)
    text = f"{whole}.{fraction:02d}".rstrip("0").rstrip(".")
    return f"{text}%"
