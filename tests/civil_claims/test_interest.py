"""Interest worked out to the penny, in Decimal and integer pence, never float."""

import datetime as dt
from decimal import Decimal

import pytest

from civil_claims.interest import (
    ContinuingKind,
    InterestAnswers,
    InterestEnd,
    InterestKind,
    InterestStart,
    interest_daily,
    interest_simple,
    interest_work_out,
)

ISSUE = dt.date(2026, 12, 1)


def test_daily_interest_on_1000_pounds_at_8_percent_is_about_22p():
    daily = interest_daily(100000, Decimal("8"))
    assert daily == Decimal("21.9178082192")
    assert interest_simple(100000, Decimal(8), start=ISSUE, end=ISSUE).daily_pence_rounded() == 22


def test_a_year_of_interest_is_8_percent():
    worked = interest_simple(
        100000, Decimal("8"), start=dt.date(2025, 1, 1), end=dt.date(2026, 1, 1)
    )
    assert worked.days == 365
    assert worked.total_pence == 8000


def test_across_a_leap_year_every_day_counts_at_a_365th():
    # 29 February 2028 is in the period: 366 days at 1/365 of the yearly rate.
    worked = interest_simple(
        100000, Decimal("8"), start=dt.date(2027, 6, 1), end=dt.date(2028, 6, 1)
    )
    assert worked.days == 366
    assert worked.total_pence == 8022  # 21.9178082192 × 366 = 8021.9178… → 8022


def test_total_rounds_half_up_to_the_penny():
    # 365p at 10% → 0.1p a day; 5 days = 0.5p → 1p (half up), 4 days = 0.4p → 0p.
    assert (
        interest_simple(365, Decimal(10), start=ISSUE, end=ISSUE + dt.timedelta(5)).total_pence == 1
    )
    assert (
        interest_simple(365, Decimal(10), start=ISSUE, end=ISSUE + dt.timedelta(4)).total_pence == 0
    )


def test_float_rate_is_refused():
    with pytest.raises(ValueError):
        interest_daily(100000, 8.0)


def test_no_interest_is_zero():
    assert (
        interest_work_out(InterestAnswers(), principal_pence=100000, issue_date=ISSUE).total_pence
        == 0
    )


def test_same_rate_from_a_date_runs_to_the_issue_date_not_the_draft_date():
    answers = InterestAnswers(
        kind=InterestKind.SAME_RATE,
        rate=Decimal("8"),
        start=InterestStart.CUSTOM,
        start_date=dt.date(2026, 6, 1),
        start_reason="The invoice was due then",
        end=InterestEnd.SUBMISSION,
    )
    worked = interest_work_out(answers, principal_pence=250000, issue_date=ISSUE)
    assert worked.days == 183
    assert worked.total_pence == 10027  # 54.7945205479 × 183 = 10027.397… → 10027
    assert not worked.continues
    later = interest_work_out(answers, principal_pence=250000, issue_date=ISSUE + dt.timedelta(1))
    assert later.days == 184


def test_same_rate_until_judgment_keeps_accruing_after_issue():
    answers = InterestAnswers(
        kind=InterestKind.SAME_RATE,
        rate=Decimal("8"),
        start=InterestStart.CUSTOM,
        start_date=dt.date(2026, 11, 1),
        end=InterestEnd.SETTLED,
    )
    worked = interest_work_out(answers, principal_pence=100000, issue_date=ISSUE)
    assert worked.days == 30
    assert worked.total_pence == 658  # 21.9178082192 × 30 = 657.53… → 658
    assert worked.continues
    assert worked.total_on(ISSUE + dt.timedelta(10)) == 658 + 219  # 219.178… → 219


def test_same_rate_from_submission_has_nothing_to_date_and_continues():
    answers = InterestAnswers(kind=InterestKind.SAME_RATE, rate=Decimal("8"))
    worked = interest_work_out(answers, principal_pence=100000, issue_date=ISSUE)
    assert (worked.days, worked.total_pence) == (0, 0)
    assert worked.total_on(ISSUE + dt.timedelta(365)) == 8000


def test_custom_start_after_issue_is_refused():
    answers = InterestAnswers(
        kind=InterestKind.SAME_RATE, start=InterestStart.CUSTOM, start_date=ISSUE + dt.timedelta(1)
    )
    with pytest.raises(ValueError):
        interest_work_out(answers, principal_pence=100000, issue_date=ISSUE)


def test_breakdown_with_a_fixed_daily_amount_after():
    answers = InterestAnswers(
        kind=InterestKind.BREAKDOWN,
        breakdown_total_pence=4550,
        breakdown_explanation="8% on each invoice from its due date",
        continuing=ContinuingKind.DAILY,
        continuing_daily_pence=Decimal("12.5"),
    )
    worked = interest_work_out(answers, principal_pence=100000, issue_date=ISSUE)
    assert worked.total_pence == 4550
    assert worked.total_on(ISSUE + dt.timedelta(3)) == 4550 + 38  # 37.5 → 38


def test_breakdown_continuing_at_a_rate_uses_the_claim_amount():
    answers = InterestAnswers(
        kind=InterestKind.BREAKDOWN,
        breakdown_total_pence=100,
        continuing=ContinuingKind.RATE,
        continuing_rate=Decimal("8"),
    )
    worked = interest_work_out(answers, principal_pence=100000, issue_date=ISSUE)
    assert worked.continuing_daily_pence == Decimal("21.9178082192")


def test_breakdown_without_continuing_stops():
    answers = InterestAnswers(kind=InterestKind.BREAKDOWN, breakdown_total_pence=100)
    worked = interest_work_out(answers, principal_pence=100000, issue_date=ISSUE)
    assert worked.total_on(ISSUE + dt.timedelta(100)) == 100
