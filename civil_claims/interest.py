"""Interest on a money claim, worked out on the server to the penny (never in float).

Simple interest only. The daily amount is principal × rate / 100 ÷ 365 (kept to 10
decimal places of a penny, a 365-day year even in a leap year); interest for a
period is the daily amount × the number of days, rounded half up to the penny.
Interest runs to the claim's issue date (not the day the draft was started), and
"continuing" interest keeps accruing at the daily amount until judgment or payment.

The claimant's answers arrive as an ``InterestAnswers``; ``interest_work_out``
turns them into an ``InterestCalculation`` the pages, the claim form and the fee
use. All money is integer pence or ``Decimal`` pence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

DAYS_IN_YEAR = Decimal(365)
DAILY_PLACES = Decimal("1E-10")
STATUTORY_RATE = Decimal("8")


class InterestKind:
    """How the claimant claims interest (the first interest question)."""

    NONE = "none"
    SAME_RATE = "same_rate"  # one rate for the whole period
    BREAKDOWN = "breakdown"  # a total the claimant worked out
    CHOICES = [
        (NONE, "No interest"),
        (SAME_RATE, "The same rate for the whole period"),
        (BREAKDOWN, "A total I have worked out"),
    ]


class InterestStart:
    """When one-rate interest starts."""

    SUBMISSION = "submission"  # from the date the claim is issued
    CUSTOM = "custom"  # from an earlier date the claimant gives, with a reason
    CHOICES = [(SUBMISSION, "From the date I submit the claim"), (CUSTOM, "From a particular date")]


class InterestEnd:
    """Until when interest is claimed."""

    SUBMISSION = "submission"  # until the claim is issued, then no more
    SETTLED = "settled"  # keeps accruing until judgment or payment
    CHOICES = [
        (SUBMISSION, "To the date I submit the claim"),
        (SETTLED, "Until the claim is settled or judgment is made"),
    ]


class ContinuingKind:
    """After a breakdown total: whether, and how, interest keeps accruing."""

    NONE = "none"
    RATE = "rate"  # at a yearly rate on the claim amount
    DAILY = "daily"  # a fixed amount each day
    CHOICES = [
        (NONE, "No more interest"),
        (RATE, "At the same rate"),
        (DAILY, "A fixed amount a day"),
    ]


@dataclass(frozen=True)
class InterestAnswers:
    """The claimant's interest answers, as plain data (what the journey collected).

    ``kind`` is an ``InterestKind``. For ``SAME_RATE``: ``rate`` (a yearly percentage;
    8 is the statutory rate, another needs ``rate_reason``), ``start`` with
    ``start_date`` and ``start_reason`` for a custom start, and ``end``. For
    ``BREAKDOWN``: ``breakdown_total_pence`` and ``breakdown_explanation``, then
    ``continuing`` with ``continuing_rate`` or ``continuing_daily_pence``.
    """

    kind: str = InterestKind.NONE
    rate: Decimal | None = None
    rate_reason: str = ""
    start: str = InterestStart.SUBMISSION
    start_date: dt.date | None = None
    start_reason: str = ""
    end: str = InterestEnd.SETTLED
    breakdown_total_pence: int = 0
    breakdown_explanation: str = ""
    continuing: str = ContinuingKind.NONE
    continuing_rate: Decimal | None = None
    continuing_daily_pence: Decimal | None = None


@dataclass(frozen=True)
class InterestCalculation:
    """Interest worked out: the daily amount (pence, to 10 places), the days counted,
    the total to date (whole pence) and the daily amount that keeps accruing after
    (``None`` when interest stops at issue)."""

    daily_pence: Decimal
    days: int
    total_pence: int
    continuing_daily_pence: Decimal | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    rate: Decimal | None = None

    @property
    def continues(self) -> bool:
        return self.continuing_daily_pence is not None and self.continuing_daily_pence > 0

    def daily_pence_rounded(self) -> int:
        """The daily amount to show ("22p a day"), rounded half up to the penny."""
        return pence_round(self.daily_pence)

    def total_on(self, day: dt.date) -> int:
        """Interest to ``day``: the total to the end date plus the continuing daily
        amount for each day after it (``day`` before the end date gives the total)."""
        if not self.continues or self.end_date is None or day <= self.end_date:
            return self.total_pence
        extra = (day - self.end_date).days
        return self.total_pence + pence_round(self.continuing_daily_pence * extra)


NO_INTEREST = InterestCalculation(daily_pence=Decimal(0), days=0, total_pence=0)


def pence_round(amount: Decimal) -> int:
    """A ``Decimal`` amount of pence rounded half up to a whole penny."""
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def interest_daily(principal_pence: int, rate: Decimal) -> Decimal:
    """The daily interest in pence on ``principal_pence`` at ``rate`` % a year (10 places).

    Raises ``ValueError`` for a float rate or a negative principal or rate.
    """
    rate = _decimal(rate)
    if principal_pence < 0 or rate < 0:
        raise ValueError("The principal and the rate must not be negative")
    return (Decimal(principal_pence) * rate / 100 / DAYS_IN_YEAR).quantize(DAILY_PLACES)


def interest_simple(
    principal_pence: int, rate: Decimal, *, start: dt.date, end: dt.date
) -> InterestCalculation:
    """Simple interest on ``principal_pence`` at ``rate`` % a year from ``start`` to ``end``.

    The days counted are ``end - start`` (the start day does not count, the end day
    does); 0 when ``end`` is not after ``start``. Raises as ``interest_daily``.
    """
    daily = interest_daily(principal_pence, rate)
    days = max((end - start).days, 0)
    return InterestCalculation(
        daily_pence=daily,
        days=days,
        total_pence=pence_round(daily * days),
        start_date=start,
        end_date=end,
        rate=_decimal(rate),
    )


def interest_work_out(
    answers: InterestAnswers, *, principal_pence: int, issue_date: dt.date
) -> InterestCalculation:
    """The interest the claimant claims, worked out to ``issue_date``.

    ``principal_pence`` is the total of the amount rows. For one rate: from the
    chosen date (or the issue date) to the issue date, then at the same daily amount
    until judgment if the claimant chose that. For a breakdown: the claimant's total,
    then the continuing rate or daily amount if any. Raises ``ValueError`` for answers
    that are incomplete (a custom start without a date, a start after the issue date,
    a breakdown without a total).
    """
    if answers.kind == InterestKind.NONE:
        return NO_INTEREST
    if answers.kind == InterestKind.SAME_RATE:
        rate = answers.rate if answers.rate is not None else STATUTORY_RATE
        if answers.start == InterestStart.CUSTOM:
            if answers.start_date is None:
                raise ValueError("A particular start date is needed")
            if answers.start_date > issue_date:
                raise ValueError("Interest cannot start after the claim is issued")
            start = answers.start_date
        else:
            start = issue_date
        worked = interest_simple(principal_pence, rate, start=start, end=issue_date)
        continuing = worked.daily_pence if answers.end == InterestEnd.SETTLED else None
        return InterestCalculation(
            daily_pence=worked.daily_pence,
            days=worked.days,
            total_pence=worked.total_pence,
            continuing_daily_pence=continuing,
            start_date=start,
            end_date=issue_date,
            rate=worked.rate,
        )
    if answers.kind == InterestKind.BREAKDOWN:
        if answers.breakdown_total_pence < 1:
            raise ValueError("A breakdown needs a total of at least 1p")
        continuing = None
        rate = None
        if answers.continuing == ContinuingKind.RATE:
            if answers.continuing_rate is None:
                raise ValueError("A continuing rate is needed")
            rate = _decimal(answers.continuing_rate)
            continuing = interest_daily(principal_pence, rate)
        elif answers.continuing == ContinuingKind.DAILY:
            if answers.continuing_daily_pence is None:
                raise ValueError("A continuing daily amount is needed")
            continuing = _decimal(answers.continuing_daily_pence)
        return InterestCalculation(
            daily_pence=continuing if continuing is not None else Decimal(0),
            days=0,
            total_pence=answers.breakdown_total_pence,
            continuing_daily_pence=continuing,
            end_date=issue_date,
            rate=rate,
        )
    raise ValueError(f"Unknown interest kind {answers.kind!r}")


def _decimal(value) -> Decimal:
    if isinstance(value, float | bool):
        raise ValueError(f"Not an exact number: {value!r}")
    return value if isinstance(value, Decimal) else Decimal(str(value))
