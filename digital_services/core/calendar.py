"""Working days for England and Wales: weekends and bank holidays are not working days.

Deadlines that depend on working days (a prison's lead time, "we will reply
by") use this one helper. Bank holidays come from the ``govuk-bank-holidays``
package's own copy of https://www.gov.uk/bank-holidays.json, read from the
package, never fetched over the network: a page must not wait on GOV.UK, and
tests must give the same answer offline. Upgrading the package refreshes the list
(its copy runs several years ahead).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from govuk_bank_holidays.bank_holidays import BankHolidays

DIVISION = BankHolidays.ENGLAND_AND_WALES
ONE_DAY = timedelta(days=1)


@cache
def _bank_holidays() -> BankHolidays:
    # use_cached_holidays=True reads the copy shipped with the package (no HTTP request).
    return BankHolidays(use_cached_holidays=True)


@cache
def bank_holidays() -> frozenset[date]:
    """Every known England and Wales bank holiday."""
    return frozenset(h["date"] for h in _bank_holidays().get_holidays(division=DIVISION))


def is_bank_holiday(day: date) -> bool:
    return day in bank_holidays()


def is_working_day(day: date, *, weekends: bool = False) -> bool:
    """True from Monday to Friday (every day with ``weekends``), except England and Wales
    bank holidays."""
    return (weekends or day.weekday() < 5) and day not in bank_holidays()


def working_days_add(day: date, n: int, *, weekends: bool = False) -> date:
    """The ``n``-th working day after ``day`` (``day`` itself never counts).

    ``working_days_add(friday, 1)`` is the next Monday (or Tuesday after a bank
    holiday Monday); with ``weekends`` (an office that works them) it is the Saturday.
    ``n`` of 0 gives ``day`` back unchanged. Raises ValueError for a negative ``n``.
    """
    if n < 0:
        raise ValueError("n must be 0 or more")
    current = day
    counted = 0
    while counted < n:
        current += ONE_DAY
        if is_working_day(current, weekends=weekends):
            counted += 1
    return current


def working_days_between(start: date, end: date) -> int:
    """How many working days fall after ``start`` up to and including ``end`` (0 if end <= start)."""
    count = 0
    current = start
    while current < end:
        current += ONE_DAY
        if is_working_day(current):
            count += 1
    return count
