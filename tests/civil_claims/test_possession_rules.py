"""Possession claims: the pure rules (daily rent, tenancy types, grounds, notices, arrears)
and the dated fees."""

import datetime as dt

import pytest

from civil_claims.possession_fees import (
    PossessionFeeNotFound,
    PossessionFeeRate,
    possession_fee_for,
)
from civil_claims.possession_rules import (
    ArrearsRow,
    ClaimantType,
    Country,
    NoticeType,
    RentFrequency,
    TenancyType,
    arrears_grounds_chosen,
    arrears_statement,
    arrears_statement_start,
    arrears_total_pence,
    claimant_types_for,
    daily_rent_pence,
    grounds_for,
    notice_types_for,
    tenancy_types_for,
)


@pytest.mark.parametrize(
    "rent, frequency, daily",
    [
        (70000, RentFrequency.WEEKLY, 10000),  # £700 a week: £100.00 a day exactly
        (15000, RentFrequency.WEEKLY, 2143),  # £21.428571 → £21.43
        (10000, RentFrequency.WEEKLY, 1429),  # £14.285714 → £14.29
        (35, RentFrequency.WEEKLY, 5),  # 5p exactly
        (3, RentFrequency.WEEKLY, 0),  # 0.43p → 0p
        (28000, RentFrequency.FORTNIGHTLY, 2000),
        (30000, RentFrequency.FORTNIGHTLY, 2143),  # 2142.857 → 2143
        (7, RentFrequency.FORTNIGHTLY, 1),  # 0.5p: half up → 1p
        (100000, RentFrequency.MONTHLY, 3285),  # £1,000 ÷ 30.44 = £32.8515 → £32.85
        (95000, RentFrequency.MONTHLY, 3121),  # 3120.893 → 3121
        (3044, RentFrequency.MONTHLY, 100),
        (1522, RentFrequency.MONTHLY, 50),  # exactly 50p
        (76110, RentFrequency.MONTHLY, 2500),  # 2500.3285 → 2500
        (0, RentFrequency.MONTHLY, 0),
    ],
)
def test_daily_rent_divides_by_the_period_and_rounds_half_up_to_the_penny(rent, frequency, daily):
    assert daily_rent_pence(rent, frequency) == daily


def test_daily_rent_rounds_an_exact_half_penny_up():
    # 1.5p a day (a fortnightly rent of 21p) → 2p; 2.5p (35p) → 3p, never to even
    assert daily_rent_pence(21, RentFrequency.FORTNIGHTLY) == 2
    assert daily_rent_pence(35, RentFrequency.FORTNIGHTLY) == 3


def test_daily_rent_is_not_worked_out_for_another_frequency():
    assert daily_rent_pence(50000, RentFrequency.OTHER) is None


@pytest.mark.parametrize("bad", [1.5, -1, True, "100"])
def test_daily_rent_refuses_what_is_not_whole_pence(bad):
    with pytest.raises(ValueError):
        daily_rent_pence(bad, RentFrequency.WEEKLY)


def test_tenancy_types_by_country():
    assert tenancy_types_for("england") == (
        TenancyType.ASSURED,
        TenancyType.SECURE,
        TenancyType.INTRODUCTORY,
        TenancyType.FLEXIBLE,
        TenancyType.DEMOTED,
        TenancyType.OTHER,
    )
    assert tenancy_types_for("wales") == (
        TenancyType.SECURE_CONTRACT,
        TenancyType.STANDARD_CONTRACT,
        TenancyType.OTHER,
    )
    with pytest.raises(ValueError):
        tenancy_types_for("scotland")


def test_claimant_types_by_country():
    assert ClaimantType.SOCIAL_LANDLORD in claimant_types_for(Country.ENGLAND)
    assert ClaimantType.COMMUNITY_LANDLORD not in claimant_types_for(Country.ENGLAND)
    assert ClaimantType.COMMUNITY_LANDLORD in claimant_types_for(Country.WALES)
    assert ClaimantType.SOCIAL_LANDLORD not in claimant_types_for(Country.WALES)
    for country in Country:
        assert {
            ClaimantType.PRIVATE_LANDLORD,
            ClaimantType.MORTGAGE_LENDER,
            ClaimantType.OTHER,
        } <= set(claimant_types_for(country))


def _codes(country, tenancy):
    return [g.code for g in grounds_for(country, tenancy)]


def _arrears(country, tenancy):
    return {g.code for g in grounds_for(country, tenancy) if g.arrears}


def test_assured_grounds_are_the_housing_act_1988_schedule_with_8_10_11_for_arrears():
    codes = _codes("england", "assured")
    assert codes[:10] == ["1", "2", "3", "4", "5", "6", "7", "7A", "7B", "8"]
    assert {"9", "10", "11", "12", "13", "14", "14ZA", "14A", "15", "16", "17"} <= set(codes)
    assert len(codes) == len(set(codes)) == 21
    assert _arrears("england", "assured") == {"8", "10", "11"}
    mandatory = {g.code for g in grounds_for("england", "assured") if g.kind == "mandatory"}
    assert mandatory == {"1", "2", "3", "4", "5", "6", "7", "7A", "7B", "8"}


def test_secure_and_flexible_grounds_have_ground_1_for_arrears_and_flexible_ends_its_term():
    assert _arrears("england", "secure") == {"1"}
    assert _arrears("england", "flexible") == {"1"}
    assert "84A" in _codes("england", "secure")
    assert "107D" in _codes("england", "flexible")
    assert "107D" not in _codes("england", "secure")


@pytest.mark.parametrize("tenancy", ["introductory", "demoted", "other"])
def test_introductory_demoted_and_other_english_tenancies_give_a_reason(tenancy):
    assert _codes("england", tenancy) == [
        "rent_arrears",
        "antisocial",
        "breach",
        "absolute",
        "other",
    ]
    assert _arrears("england", tenancy) == {"rent_arrears"}


def test_wales_grounds_are_by_occupation_contract():
    assert _arrears("wales", "secure_contract") == {"s157_arrears"}
    assert _arrears("wales", "standard_contract") == {"s157_arrears", "s181", "s187"}
    assert "s173" in _codes("wales", "standard_contract")
    assert "s173" not in _codes("wales", "secure_contract")
    assert "s160_estate" in _codes("wales", "other")


@pytest.mark.parametrize(
    "country, tenancy",
    [("wales", "assured"), ("wales", "secure"), ("england", "secure_contract")],
)
def test_a_tenancy_type_of_the_other_country_has_no_grounds(country, tenancy):
    with pytest.raises(ValueError):
        grounds_for(country, tenancy)


def test_arrears_pages_follow_an_arrears_ground():
    assert arrears_grounds_chosen("england", "assured", ["1", "10"])
    assert not arrears_grounds_chosen("england", "assured", ["1", "14"])
    assert arrears_grounds_chosen("england", "secure", ["1"])
    # "1" is not an arrears ground for an assured tenancy: codes are read in their list
    assert not arrears_grounds_chosen("england", "assured", ["1"])
    assert not arrears_grounds_chosen("wales", "standard_contract", ["s173"])
    assert arrears_grounds_chosen("wales", "standard_contract", ["s181"])


def test_notice_types_change_with_the_country():
    assert NoticeType.SECTION_8 in notice_types_for("england")
    assert NoticeType.SECTION_8 not in notice_types_for("wales")
    assert NoticeType.WALES_LANDLORD in notice_types_for("wales")
    assert NoticeType.WALES_LANDLORD not in notice_types_for("england")


ROWS = [
    ArrearsRow(dt.date(2026, 9, 1), 95000, 95000, dt.date(2026, 9, 1)),
    ArrearsRow(dt.date(2026, 11, 1), 95000, 0),
    ArrearsRow(dt.date(2026, 10, 1), 95000, 40000, dt.date(2026, 10, 3)),
]


def test_arrears_total_is_rent_due_less_rent_paid():
    assert arrears_total_pence(ROWS) == 150000
    assert arrears_total_pence([]) == 0
    assert arrears_total_pence([ArrearsRow(dt.date(2026, 1, 1), 1000, 1500)]) == -500


def test_arrears_statement_runs_its_total_in_due_date_order():
    lines = arrears_statement(ROWS)
    assert [line.row.due_on.month for line in lines] == [9, 10, 11]
    assert [line.running_total_pence for line in lines] == [0, 55000, 150000]


def test_a_rent_statement_starts_at_the_first_missed_payment_or_two_years_back():
    today = dt.date(2026, 12, 5)
    assert arrears_statement_start(first_missed=dt.date(2026, 3, 1), today=today) == dt.date(
        2026, 3, 1
    )
    assert arrears_statement_start(first_missed=dt.date(2020, 3, 1), today=today) == dt.date(
        2024, 12, 5
    )
    assert arrears_statement_start(
        first_missed=dt.date(2020, 1, 1), today=dt.date(2028, 2, 29)
    ) == dt.date(2026, 2, 28)


RATES = (
    PossessionFeeRate("claim", dt.date(2024, 5, 1), 39100),
    PossessionFeeRate("claim", dt.date(2025, 4, 8), 40400),
    PossessionFeeRate("warrant", dt.date(2025, 4, 8), 14800),
)


@pytest.mark.parametrize(
    "kind, on, fee",
    [
        ("claim", dt.date(2025, 4, 7), 39100),
        ("claim", dt.date(2025, 4, 8), 40400),
        ("claim", dt.date(2026, 12, 5), 40400),
        ("warrant", dt.date(2025, 4, 8), 14800),
    ],
)
def test_the_fee_in_force_on_a_day(kind, on, fee):
    assert possession_fee_for(kind, on=on, rates=RATES).fee_pence == fee


def test_no_fee_before_the_first_row():
    with pytest.raises(PossessionFeeNotFound):
        possession_fee_for("warrant", on=dt.date(2025, 4, 7), rates=RATES)


@pytest.mark.django_db
def test_the_seeded_fees_are_404_pounds_from_8_april_2025_and_391_before_and_the_warrant_148():
    assert possession_fee_for("claim", on=dt.date(2025, 4, 8)).fee_pence == 40400
    assert possession_fee_for("claim", on=dt.date(2025, 4, 7)).fee_pence == 39100
    assert possession_fee_for("warrant", on=dt.date(2026, 12, 5)).fee_pence == 14800
    assert possession_fee_for("claim", on=dt.date(2026, 12, 5)).code == "FEE0412"
