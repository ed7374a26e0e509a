"""Help with Fees, both schemes, worked by hand at every threshold (boundary ±1p)."""

import datetime as dt

import pytest

from tribunal_fees.remission import (
    SCHEMES,
    age_on,
    hwf_assess,
    hwf_capital_test,
    hwf_scheme_for,
)

OLD = dt.date(2016, 1, 4)  # October 2013 scheme
NEW = dt.date(2024, 1, 8)  # November 2023 scheme
BORN = dt.date(1980, 1, 1)  # 36 in 2016, 44 in 2024


def assess(**overrides):
    kwargs = {
        "fee_pence": 570000,
        "on_date": OLD,
        "applicant_date_of_birth": BORN,
        "has_partner": False,
        "capital_pence": 0,
        "gross_monthly_income_pence": 0,
    }
    kwargs.update(overrides)
    return hwf_assess(**kwargs)


def test_the_scheme_is_chosen_by_the_date_of_the_fee():
    assert hwf_scheme_for(dt.date(2023, 11, 26)).scheme == "2013"
    assert hwf_scheme_for(dt.date(2023, 11, 27)).scheme == "2023"
    assert hwf_scheme_for(dt.date(2013, 10, 7)).scheme == "2013"


def test_age_on_counts_whole_years_to_the_birthday():
    assert age_on(dt.date(1955, 3, 10), dt.date(2016, 3, 9)) == 60
    assert age_on(dt.date(1955, 3, 10), dt.date(2016, 3, 10)) == 61


# October 2013 scheme: capital must be below the limit for the fee.
OLD_CAPITAL = [
    (100000, 300000),
    (100001, 400000),
    (133500, 400000),
    (133501, 500000),
    (166500, 500000),
    (166501, 600000),
    (200000, 600000),
    (200001, 700000),
    (233000, 700000),
    (233001, 800000),
    (400000, 800000),
    (400001, 1000000),
    (500000, 1000000),
    (500001, 1200000),
    (600000, 1200000),
    (600001, 1400000),
    (700000, 1400000),
    (700001, 1600000),
]


@pytest.mark.parametrize(("fee", "limit"), OLD_CAPITAL)
def test_2013_capital_passes_a_penny_under_the_limit_and_fails_at_it(fee, limit):
    figures = SCHEMES["2013"]

    def test(capital):
        return hwf_capital_test(
            figures=figures,
            fee_pence=fee,
            capital_pence=capital,
            applicant_date_of_birth=BORN,
            partner_date_of_birth=None,
            on_date=OLD,
        )

    assert test(limit - 1).passed
    assert not test(limit).passed
    assert test(limit).limit_pence == limit


def test_2013_failing_the_capital_test_means_no_remission_even_on_benefits():
    result = assess(fee_pence=16000, capital_pence=300000, benefit="jsa")
    assert (result.outcome, result.amount_to_pay_pence, result.route) == ("none", 16000, "capital")


@pytest.mark.parametrize(
    ("applicant", "partner", "passes"),
    [
        (dt.date(1955, 1, 4), None, True),  # 61 on the day
        (dt.date(1955, 1, 5), None, False),  # 60, 61 tomorrow
        (BORN, dt.date(1955, 1, 4), True),  # the partner is 61
        (BORN, dt.date(1955, 1, 5), False),
    ],
)
def test_2013_age_exception_raises_the_limit_to_16000_at_61(applicant, partner, passes):
    result = assess(
        fee_pence=16000,
        capital_pence=1599999,
        applicant_date_of_birth=applicant,
        has_partner=partner is not None,
        partner_date_of_birth=partner,
    )
    assert (result.outcome != "none") is passes


def test_2013_age_exception_limit_is_below_16000():
    result = assess(
        fee_pence=16000, capital_pence=1600000, applicant_date_of_birth=dt.date(1950, 1, 1)
    )
    assert result.outcome == "none"


def test_a_partners_age_is_ignored_without_a_partner():
    result = assess(
        fee_pence=16000,
        capital_pence=1000000,
        has_partner=False,
        partner_date_of_birth=dt.date(1940, 1, 1),
    )
    assert result.outcome == "none"


@pytest.mark.parametrize(
    "benefit",
    ["jsa", "esa", "income_support", "universal_credit", "pension_credit", "scottish_legal_aid"],
)
def test_a_qualifying_benefit_gives_full_remission_once_capital_passes(benefit):
    result = assess(
        fee_pence=25000, capital_pence=299999, benefit=benefit, gross_monthly_income_pence=None
    )
    assert (result.outcome, result.amount_to_pay_pence, result.route) == ("full", 0, "benefits")


@pytest.mark.parametrize(
    ("income", "outcome", "to_pay"),
    [
        (108500, "full", 0),  # at the threshold
        (108501, "full", 0),  # 1p over rounds down to £0
        (109499, "full", 0),  # £9.99 over
        (109500, "part", 500),  # £10 over: pay £5
        (118500, "part", 5000),  # £100 over: pay £50
        (508500, "part", 200000),  # at the upper limit (£4,000 over)
        (508501, "none", 570000),  # over the upper limit
    ],
)
def test_2013_income_single_person(income, outcome, to_pay):
    result = assess(gross_monthly_income_pence=income)
    assert (result.outcome, result.amount_to_pay_pence) == (outcome, to_pay)
    assert result.remission_pence == 570000 - to_pay


@pytest.mark.parametrize(
    ("has_partner", "young", "older", "threshold"),
    [
        (True, 0, 0, 124500),
        (False, 1, 0, 133000),
        (False, 0, 2, 157500),
        (True, 1, 1, 173500),
    ],
)
def test_2013_income_threshold_with_partner_and_children(has_partner, young, older, threshold):
    kwargs = {
        "has_partner": has_partner,
        "partner_date_of_birth": BORN if has_partner else None,
        "children_0_13": young,
        "children_14_plus": older,
    }
    assert assess(gross_monthly_income_pence=threshold, **kwargs).outcome == "full"
    assert assess(gross_monthly_income_pence=threshold + 999, **kwargs).outcome == "full"
    over = assess(gross_monthly_income_pence=threshold + 1000, **kwargs)
    assert (over.outcome, over.amount_to_pay_pence) == ("part", 500)
    assert over.income_threshold_pence == threshold


@pytest.mark.parametrize(
    ("excess", "outcome", "to_pay"),
    [(45999, "part", 22500), (46000, "none", 23000), (50000, "none", 23000)],
)
def test_2013_a_contribution_of_the_whole_fee_is_no_remission(excess, outcome, to_pay):
    result = assess(fee_pence=23000, gross_monthly_income_pence=108500 + excess)
    assert (result.outcome, result.amount_to_pay_pence) == (outcome, to_pay)


# November 2023 scheme.


@pytest.mark.parametrize(
    ("fee", "passes_at", "fails_at"),
    [
        (142000, 424999, 425000),  # less than £4,250: exactly £4,250 fails
        (16000, 424999, 425000),
        (1, 424999, 425000),
        (142001, 426002, 426003),  # under 3 × £1,420.01
        (500000, 1499999, 1500000),  # under 3 × £5,000
        (500001, 1599999, 1600000),  # under £16,000
    ],
)
def test_2023_capital_limits_by_fee(fee, passes_at, fails_at):
    figures = SCHEMES["2023"]

    def test(capital):
        return hwf_capital_test(
            figures=figures,
            fee_pence=fee,
            capital_pence=capital,
            applicant_date_of_birth=BORN,
            partner_date_of_birth=None,
            on_date=NEW,
        ).passed

    assert test(passes_at)
    assert not test(fails_at)


@pytest.mark.parametrize(
    ("fee", "capital", "passes"),
    [
        # The fee band edges, with the same savings either side of each.
        (142000, 425000, False),  # fee up to £1,420: less than £4,250
        (142001, 425000, True),  # fee £1,420.01: less than 3 × the fee (£4,260.03)
        (500000, 1500000, False),  # fee £5,000: less than £15,000
        (500001, 1500000, True),  # fee over £5,000: less than £16,000
    ],
)
def test_2023_capital_on_each_side_of_each_fee_band_edge(fee, capital, passes):
    result = hwf_capital_test(
        figures=SCHEMES["2023"],
        fee_pence=fee,
        capital_pence=capital,
        applicant_date_of_birth=BORN,
        partner_date_of_birth=None,
        on_date=NEW,
    )
    assert result.passed is passes
    assert result.inclusive is False


@pytest.mark.parametrize(
    ("applicant", "partner", "passes"),
    [
        (dt.date(1958, 1, 8), None, True),  # 66 on the day
        (dt.date(1958, 1, 9), None, False),  # 65
        (BORN, dt.date(1958, 1, 8), True),
        (BORN, dt.date(1958, 1, 9), False),
    ],
)
def test_2023_age_exception_at_66(applicant, partner, passes):
    result = assess(
        on_date=NEW,
        fee_pence=16000,
        capital_pence=1599999,
        applicant_date_of_birth=applicant,
        has_partner=partner is not None,
        partner_date_of_birth=partner,
    )
    assert (result.outcome != "none") is passes


@pytest.mark.parametrize(
    ("income", "outcome", "to_pay"),
    [
        (142000, "full", 0),
        (142999, "full", 0),  # £9.99 over rounds to £0
        (143000, "part", 500),  # £10 over at 50%
        (242000, "part", 50000),  # £1,000 over: 50% band full
        (242999, "part", 50000),
        (243000, "part", 50700),  # first £10 of the 70% band
        (342000, "part", 120000),  # £2,000 over: 500 + 700
        (343000, "part", 120900),  # first £10 of the 90% band
        (442000, "part", 210000),  # £3,000 over: 500 + 700 + 900
        (442001, "none", 570000),  # over £3,000 over: no remission
    ],
)
def test_2023_income_steps_for_a_single_person(income, outcome, to_pay):
    result = assess(on_date=NEW, gross_monthly_income_pence=income)
    assert (result.outcome, result.amount_to_pay_pence) == (outcome, to_pay)


@pytest.mark.parametrize(
    ("has_partner", "young", "older", "threshold"),
    [
        (True, 0, 0, 213000),
        (False, 1, 0, 184500),
        (False, 0, 1, 213000),
        (True, 1, 1, 326500),
        (True, 2, 0, 298000),
    ],
)
def test_2023_income_threshold_with_partner_and_children(has_partner, young, older, threshold):
    kwargs = {
        "on_date": NEW,
        "has_partner": has_partner,
        "partner_date_of_birth": BORN if has_partner else None,
        "children_0_13": young,
        "children_14_plus": older,
    }
    assert assess(gross_monthly_income_pence=threshold, **kwargs).outcome == "full"
    over = assess(gross_monthly_income_pence=threshold + 1000, **kwargs)
    assert (over.outcome, over.amount_to_pay_pence) == ("part", 500)


@pytest.mark.parametrize(
    ("excess", "outcome", "to_pay"),
    [(31999, "part", 15500), (32000, "none", 16000)],
)
def test_2023_a_contribution_of_the_whole_fee_is_no_remission(excess, outcome, to_pay):
    result = assess(on_date=NEW, fee_pence=16000, gross_monthly_income_pence=142000 + excess)
    assert (result.outcome, result.amount_to_pay_pence) == (outcome, to_pay)


def test_2023_benefits_passport_gives_full_remission():
    result = assess(on_date=NEW, fee_pence=16000, capital_pence=424999, benefit="universal_credit")
    assert (result.outcome, result.route) == ("full", "benefits")


def test_2023_benefits_do_not_help_with_savings_of_exactly_4250():
    result = assess(on_date=NEW, fee_pence=16000, capital_pence=425000, benefit="universal_credit")
    assert (result.outcome, result.route, result.amount_to_pay_pence) == ("none", "capital", 16000)


@pytest.mark.parametrize(
    ("income", "outcome", "to_pay"),
    [
        # A couple with a child of 5 and a child of 15, on a £140 immigration appeal fee:
        # £1,420 + £710 (partner) + £425 (0 to 13) + £710 (14 or over) = £3,265.
        (326500, "full", 0),
        (327499, "full", 0),  # £9.99 over: rounds down to £0
        (327500, "part", 500),  # £10 over: 50% is £5
        (354500, "none", 14000),  # £280 over: £140 is the whole fee
        (354499, "part", 13500),  # £279.99 over: £270 counts, 50% is £135
    ],
)
def test_2023_a_couple_with_two_children_on_an_appeal_fee(income, outcome, to_pay):
    result = assess(
        on_date=NEW,
        fee_pence=14000,
        capital_pence=0,
        has_partner=True,
        partner_date_of_birth=BORN,
        children_0_13=1,
        children_14_plus=1,
        gross_monthly_income_pence=income,
    )
    assert result.income_threshold_pence == 326500
    assert (result.outcome, result.amount_to_pay_pence) == (outcome, to_pay)


def test_income_is_needed_without_a_benefit():
    with pytest.raises(ValueError):
        assess(gross_monthly_income_pence=None)


def test_amounts_are_whole_pence():
    with pytest.raises(ValueError):
        assess(capital_pence=10.5)
    result = assess(on_date=NEW, gross_monthly_income_pence=243000)
    assert isinstance(result.amount_to_pay_pence, int)
