"""The LPA fee: every combination of type, repeat, income and benefit, and the dates
either side of each change of fee."""

import datetime as dt
import itertools
import zoneinfo

import pytest

from lasting_power.fees import (
    QUALIFYING_BENEFITS,
    Benefit,
    FeeNotFound,
    FeeRate,
    FeeReduction,
    fee_rate_on,
    fee_rates,
    fee_reduction_decide,
    lpa_fee_for,
)
from lasting_power.models import LpaFeeRate

# The amounts are rows of the LpaFeeRate table, as migration 0003 seeds them.
pytestmark = pytest.mark.django_db

NOW = dt.date(2026, 3, 2)
TYPES = ("property-and-financial", "health-and-welfare")
NON_QUALIFYING = sorted(set(Benefit.values) - QUALIFYING_BENEFITS - {Benefit.UNIVERSAL_CREDIT})


def _fee(*, benefits=(), damages=False, low_income=False, repeat=False, on=NOW):
    reduction = fee_reduction_decide(
        benefits=benefits, damages_over_limit=damages, income_under_limit=low_income
    )
    return lpa_fee_for(on=on, repeat=repeat, reduction=reduction)


# Every combination: each LPA type is its own application and pays the same fee on
# the same answers, so the type is a parameter whose outcome must not change.
@pytest.mark.parametrize(
    ("lpa_type", "repeat", "low_income", "expected_pence"),
    [
        (lpa_type, repeat, low_income, amount)
        for lpa_type in TYPES
        for (repeat, low_income), amount in {
            (False, False): 9200,
            (True, False): 4600,
            (False, True): 4600,
            (True, True): 2300,
        }.items()
    ],
)
def test_fee_without_benefits_is_full_repeat_or_half(lpa_type, repeat, low_income, expected_pence):
    outcome = _fee(repeat=repeat, low_income=low_income)
    assert outcome.amount_pence == expected_pence
    assert outcome.needs_caseworker_decision is False
    assert outcome.reduction_asked is low_income
    assert f"£{expected_pence // 100}." in outcome.reason


@pytest.mark.parametrize(
    ("benefit", "repeat", "low_income", "lpa_type"),
    list(itertools.product(sorted(QUALIFYING_BENEFITS), (False, True), (False, True), TYPES)),
)
def test_a_qualifying_benefit_without_large_damages_exempts_the_donor(
    benefit, repeat, low_income, lpa_type
):
    outcome = _fee(benefits=[benefit], repeat=repeat, low_income=low_income)
    assert outcome.amount_pence == 0
    assert outcome.reduction == FeeReduction.BENEFITS
    assert outcome.needs_caseworker_decision is False
    assert outcome.to_pay_now is False
    assert outcome.reason.startswith("No fee")


@pytest.mark.parametrize(
    ("benefit", "repeat", "low_income"),
    list(itertools.product(sorted(QUALIFYING_BENEFITS), (False, True), (False, True))),
)
def test_damages_over_16000_take_away_the_exemption(benefit, repeat, low_income):
    outcome = _fee(benefits=[benefit], damages=True, repeat=repeat, low_income=low_income)
    expected = {(False, False): 9200, (True, False): 4600, (False, True): 4600, (True, True): 2300}
    assert outcome.amount_pence == expected[(repeat, low_income)]
    assert outcome.reduction != FeeReduction.BENEFITS


@pytest.mark.parametrize(
    ("benefit", "repeat", "low_income"),
    list(itertools.product(NON_QUALIFYING, (False, True), (False, True))),
)
def test_benefits_that_do_not_qualify_change_nothing(benefit, repeat, low_income):
    outcome = _fee(benefits=[benefit], repeat=repeat, low_income=low_income)
    without = _fee(repeat=repeat, low_income=low_income)
    assert outcome.amount_pence == without.amount_pence
    assert outcome.reduction == without.reduction


@pytest.mark.parametrize(
    ("repeat", "low_income", "damages", "lpa_type"),
    list(itertools.product((False, True), (False, True), (False, True), TYPES)),
)
def test_universal_credit_is_decided_later_by_a_caseworker(repeat, low_income, damages, lpa_type):
    outcome = _fee(
        benefits=[Benefit.UNIVERSAL_CREDIT], repeat=repeat, low_income=low_income, damages=damages
    )
    assert outcome.amount_pence is None
    assert outcome.needs_caseworker_decision is True
    assert outcome.reduction == FeeReduction.UNIVERSAL_CREDIT
    assert outcome.reduction_asked is True
    assert outcome.reason.startswith("To be decided")


def test_a_qualifying_benefit_with_universal_credit_is_still_an_exemption():
    outcome = _fee(benefits=[Benefit.UNIVERSAL_CREDIT, Benefit.HOUSING_BENEFIT])
    assert outcome.amount_pence == 0


def test_universal_credit_with_large_damages_still_goes_to_a_caseworker():
    outcome = _fee(benefits=[Benefit.UNIVERSAL_CREDIT, Benefit.INCOME_SUPPORT], damages=True)
    assert outcome.needs_caseworker_decision is True


def test_qualifying_benefits_are_exactly_the_listed_ones():
    assert {Benefit(value).label for value in QUALIFYING_BENEFITS} == {
        "Income Support",
        "Income-based Employment and Support Allowance",
        "Income-based Jobseeker's Allowance",
        "Guarantee Credit of Pension Credit",
        "Working Tax Credit with Child Tax Credit or a disability element",
        "Housing Benefit",
        "Council Tax Support",
        "Local Housing Allowance",
    }


def test_fee_reduction_decide_refuses_an_unknown_benefit():
    with pytest.raises(ValueError, match="Unknown benefits"):
        fee_reduction_decide(
            benefits=["lottery"], damages_over_limit=False, income_under_limit=False
        )


def test_lpa_fee_for_refuses_an_unknown_reduction():
    with pytest.raises(ValueError, match="Unknown fee reduction"):
        lpa_fee_for(on=NOW, repeat=False, reduction="half")


@pytest.mark.parametrize(
    ("day", "full", "repeat", "low", "low_repeat"),
    [
        (dt.date(2013, 10, 1), 11000, 5500, 5500, 2750),
        (dt.date(2017, 3, 31), 11000, 5500, 5500, 2750),
        (dt.date(2017, 4, 1), 8200, 4100, 4100, 2050),
        (dt.date(2025, 11, 16), 8200, 4100, 4100, 2050),
        (dt.date(2025, 11, 17), 9200, 4600, 4600, 2300),
    ],
)
def test_the_fee_is_the_one_in_force_on_the_day(day, full, repeat, low, low_repeat):
    none, low_income = FeeReduction.NONE, FeeReduction.LOW_INCOME
    assert lpa_fee_for(on=day, repeat=False, reduction=none).amount_pence == full
    assert lpa_fee_for(on=day, repeat=True, reduction=none).amount_pence == repeat
    assert lpa_fee_for(on=day, repeat=False, reduction=low_income).amount_pence == low
    assert lpa_fee_for(on=day, repeat=True, reduction=low_income).amount_pence == low_repeat


def test_the_92_pound_fee_starts_at_midnight_uk_time_not_utc():
    london = zoneinfo.ZoneInfo("Europe/London")
    before = dt.datetime(2025, 11, 16, 23, 59, tzinfo=london)
    after = dt.datetime(2025, 11, 17, 0, 0, tzinfo=london)
    assert lpa_fee_for(on=before, repeat=False, reduction="none").amount_pence == 8200
    assert lpa_fee_for(on=after, repeat=False, reduction="none").amount_pence == 9200
    # In summer 00:30 in London is 23:30 UTC the day before.
    summer_utc = dt.datetime(2017, 3, 31, 23, 30, tzinfo=dt.UTC)
    assert fee_rate_on(summer_utc).effective_from == dt.date(2017, 4, 1)


def test_a_naive_time_is_refused():
    with pytest.raises(ValueError, match="time zone"):
        fee_rate_on(dt.datetime(2026, 1, 1, 12, 0))


def test_no_fee_before_the_first_recorded_one():
    with pytest.raises(FeeNotFound):
        lpa_fee_for(on=dt.date(2013, 9, 30), repeat=False, reduction="none")


def test_the_reason_names_the_full_fee_and_its_start_for_universal_credit():
    outcome = lpa_fee_for(on=NOW, repeat=True, reduction=FeeReduction.UNIVERSAL_CREDIT)
    assert "£46.00 from 17 November 2025" in outcome.reason


def test_fee_rates_are_in_date_order_and_each_reduction_is_half():
    rates = fee_rates()
    days = [rate.effective_from for rate in rates]
    assert days == sorted(days) and len(set(days)) == len(days) == 3
    for rate in rates:
        assert rate.low_income_pence * 2 == rate.full_pence
        assert rate.low_income_repeat_pence * 2 == rate.repeat_pence


def test_a_new_row_in_the_table_changes_the_fee_from_its_first_day_only():
    LpaFeeRate.objects.create(
        effective_from=dt.date(2027, 4, 1),
        full_pence=10000,
        repeat_pence=5000,
        low_income_pence=5000,
        low_income_repeat_pence=2500,
    )
    assert lpa_fee_for(on=dt.date(2027, 3, 31), repeat=False, reduction="none").amount_pence == 9200
    assert lpa_fee_for(on=dt.date(2027, 4, 1), repeat=False, reduction="none").amount_pence == 10000
    assert (
        lpa_fee_for(on=dt.date(2027, 4, 1), repeat=True, reduction="low-income").amount_pence
        == 2500
    )


def test_rates_given_to_the_rules_are_used_instead_of_the_table():
    rates = [FeeRate(dt.date(2000, 1, 1), 1000, 500, 500, 250, "test")]
    assert lpa_fee_for(on=NOW, repeat=True, reduction="none", rates=rates).amount_pence == 500


@pytest.mark.django_db(transaction=True)
def test_the_fee_table_comes_back_after_a_flush():
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    assert lpa_fee_for(on=NOW, repeat=False, reduction="none").amount_pence == 9200
