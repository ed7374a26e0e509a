"""The fee schedule as data: band edges, claim types, dates either side of a change."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tribunal_fees.constants import ClaimElement
from tribunal_fees.fees import (
    FeeNotFound,
    claim_type_decide,
    claimant_band_for,
    fee_lookup,
    group_fee_after_remission,
)
from tribunal_fees.models import FeeSchedule

from .factories import FeeCaseFactory

IN_FORCE = dt.date(2016, 1, 4)


@pytest.mark.parametrize(
    ("count", "band"),
    [
        (1, "1"),
        (2, "2-10"),
        (10, "2-10"),
        (11, "11-200"),
        (200, "11-200"),
        (201, "201+"),
        (5000, "201+"),
    ],
)
def test_claimant_band_for_puts_each_edge_in_the_right_band(count, band):
    assert claimant_band_for(count) == band


@pytest.mark.parametrize("count", [0, -1])
def test_claimant_band_for_refuses_fewer_than_one_claimant(count):
    with pytest.raises(ValueError):
        claimant_band_for(count)


def test_claim_type_is_a_when_every_element_is_type_a():
    elements = ["unpaid_wages", "holiday_pay", "notice_pay"]
    assert claim_type_decide(claim_elements=elements, on_date=IN_FORCE) == "A"


@pytest.mark.parametrize(
    "element",
    [
        ClaimElement.UNFAIR_DISMISSAL,
        ClaimElement.DISCRIMINATION,
        ClaimElement.WHISTLEBLOWING,
        ClaimElement.PROTECTIVE_AWARD,
        ClaimElement.EQUAL_PAY,
    ],
)
def test_claim_type_is_b_when_any_element_is_type_b(element):
    assert claim_type_decide(claim_elements=["unpaid_wages", element], on_date=IN_FORCE) == "B"
    assert claim_type_decide(claim_elements=[element], on_date=IN_FORCE) == "B"


def test_claim_type_decide_refuses_an_empty_or_unknown_claim():
    with pytest.raises(ValueError):
        claim_type_decide(claim_elements=[], on_date=IN_FORCE)
    with pytest.raises(ValueError):
        claim_type_decide(claim_elements=["parking"], on_date=IN_FORCE)
    with pytest.raises(ValueError):
        claim_type_decide(claim_elements=["ni_fund"], on_date=IN_FORCE)


# Hand-copied from the 2013 Order (pence): (kind, type, claimants) -> amount.
EXPECTED = [
    ("issue", "A", 1, 16000),
    ("issue", "A", 2, 32000),
    ("issue", "A", 10, 32000),
    ("issue", "A", 11, 64000),
    ("issue", "A", 200, 64000),
    ("issue", "A", 201, 96000),
    ("issue", "B", 1, 25000),
    ("issue", "B", 2, 50000),
    ("issue", "B", 10, 50000),
    ("issue", "B", 11, 100000),
    ("issue", "B", 200, 100000),
    ("issue", "B", 201, 150000),
    ("hearing", "A", 1, 23000),
    ("hearing", "A", 2, 46000),
    ("hearing", "A", 10, 46000),
    ("hearing", "A", 11, 92000),
    ("hearing", "A", 200, 92000),
    ("hearing", "A", 201, 138000),
    ("hearing", "B", 1, 95000),
    ("hearing", "B", 2, 190000),
    ("hearing", "B", 10, 190000),
    ("hearing", "B", 11, 380000),
    ("hearing", "B", 200, 380000),
    ("hearing", "B", 201, 570000),
    ("reconsideration_default", "A", 1, 10000),
    ("reconsideration_default", "B", 30, 10000),
    ("reconsideration_final", "A", 1, 10000),
    ("reconsideration_final", "B", 1, 35000),
    ("dismissal_withdrawal", "B", 12, 6000),
    ("employer_contract_claim", "A", 1, 16000),
    ("employer_contract_claim", "B", 1, 16000),
    ("judicial_mediation", "B", 1, 60000),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "claim_type", "claimants", "pence"), EXPECTED)
def test_fee_lookup_gives_the_2013_fee_for_every_band_edge(kind, claim_type, claimants, pence):
    quote = fee_lookup(
        jurisdiction="ET", kind=kind, claim_type=claim_type, claimants=claimants, on_date=IN_FORCE
    )
    assert quote.amount_pence == pence


@pytest.mark.django_db
def test_a_mixed_claim_pays_the_type_b_fee_once():
    claim_type = claim_type_decide(
        claim_elements=["holiday_pay", "discrimination", "unfair_dismissal"], on_date=IN_FORCE
    )
    quote = fee_lookup(
        jurisdiction="ET", kind="issue", claim_type=claim_type, claimants=1, on_date=IN_FORCE
    )
    assert quote.amount_pence == 25000


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "pence"), [("eat_lodge", 40000), ("eat_hearing", 120000)])
def test_fee_lookup_gives_the_eat_fees(kind, pence):
    quote = fee_lookup(jurisdiction="EAT", kind=kind, claim_type="B", claimants=1, on_date=IN_FORCE)
    assert quote.amount_pence == pence


@pytest.mark.django_db
def test_judicial_mediation_has_no_fee_in_a_type_a_claim():
    with pytest.raises(FeeNotFound):
        fee_lookup(
            jurisdiction="ET",
            kind="judicial_mediation",
            claim_type="A",
            claimants=1,
            on_date=IN_FORCE,
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("day", "pence"),
    [
        (dt.date(2013, 7, 28), None),
        (dt.date(2013, 7, 29), 25000),
        (dt.date(2017, 7, 26), 25000),
        (dt.date(2017, 7, 27), None),
    ],
)
def test_fee_lookup_uses_the_fee_in_force_on_the_day(day, pence):
    if pence is None:
        with pytest.raises(FeeNotFound):
            fee_lookup(jurisdiction="ET", kind="issue", claim_type="B", claimants=1, on_date=day)
    else:
        quote = fee_lookup(
            jurisdiction="ET", kind="issue", claim_type="B", claimants=1, on_date=day
        )
        assert quote.amount_pence == pence


@pytest.mark.django_db
def test_a_new_schedule_applies_from_its_date_and_an_old_case_keeps_its_fee():
    old_case = FeeCaseFactory(kind="issue", claim_type="A")
    FeeSchedule.objects.create(
        jurisdiction="ET",
        kind="issue",
        claim_type="A",
        claimant_band="1",
        amount_pence=5500,
        effective_from=dt.date(2025, 1, 1),
    )

    in_2016 = fee_lookup(
        jurisdiction="ET", kind="issue", claim_type="A", claimants=1, on_date=IN_FORCE
    )
    after = fee_lookup(
        jurisdiction="ET", kind="issue", claim_type="A", claimants=1, on_date=dt.date(2025, 1, 1)
    )

    assert after.amount_pence == 5500
    old_case.refresh_from_db()
    assert old_case.fee_pence == 16000
    assert in_2016.amount_pence == 16000


@pytest.mark.django_db
def test_the_day_before_a_new_schedule_has_no_fee_when_fees_were_abolished():
    FeeSchedule.objects.create(
        jurisdiction="ET",
        kind="issue",
        claim_type="A",
        claimant_band="1",
        amount_pence=5500,
        effective_from=dt.date(2025, 1, 1),
    )
    with pytest.raises(FeeNotFound):
        fee_lookup(
            jurisdiction="ET",
            kind="issue",
            claim_type="A",
            claimants=1,
            on_date=dt.date(2024, 12, 31),
        )


@pytest.mark.django_db
def test_an_overlapping_schedule_row_is_refused():
    row = FeeSchedule(
        jurisdiction="ET",
        kind="issue",
        claim_type="A",
        claimant_band="1",
        amount_pence=5500,
        effective_from=dt.date(2017, 7, 1),
    )
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "overlaps" in str(error.value)


@pytest.mark.django_db
def test_an_any_type_row_overlaps_a_typed_row():
    row = FeeSchedule(
        jurisdiction="ET",
        kind="reconsideration_final",
        claim_type="any",
        claimant_band="any",
        amount_pence=5500,
        effective_from=dt.date(2016, 1, 1),
        effective_to=dt.date(2016, 2, 1),
    )
    with pytest.raises(ValidationError):
        row.full_clean()


@pytest.mark.django_db
def test_a_row_that_starts_after_the_last_one_ends_is_accepted():
    FeeSchedule(
        jurisdiction="ET",
        kind="issue",
        claim_type="A",
        claimant_band="1",
        amount_pence=5500,
        effective_from=dt.date(2017, 7, 27),
    ).full_clean()


@pytest.mark.django_db
def test_an_issue_fee_row_needs_a_claimant_band():
    row = FeeSchedule(
        jurisdiction="ET",
        kind="issue",
        claim_type="A",
        claimant_band="any",
        amount_pence=5500,
        effective_from=dt.date(2030, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "claimant_band" in error.value.message_dict


@pytest.mark.parametrize(
    ("fee", "claimants", "remitted", "expected"),
    [
        (16000, 1, 0, 16000),
        (16000, 1, 1, 0),  # a lone claimant with remission pays nothing up front
        (50000, 5, 0, 50000),  # capped at the group fee
        (50000, 5, 3, 50000),  # 2 not remitted × £500/2 = £500
        (50000, 5, 4, 25000),
        (50000, 5, 5, 0),
        (100000, 20, 16, 100000),  # 4 × £1,000/4
        (100000, 20, 17, 75000),
        (100000, 20, 18, 50000),
        (150000, 300, 299, 25000),  # 1 × £1,500/6
        (150000, 300, 295, 125000),
        (150000, 300, 294, 150000),
    ],
)
def test_group_fee_after_remission_follows_the_split_rule(fee, claimants, remitted, expected):
    assert (
        group_fee_after_remission(group_fee_pence=fee, claimants=claimants, remitted=remitted)
        == expected
    )


def test_group_fee_after_remission_refuses_more_remitted_than_claimants():
    with pytest.raises(ValueError):
        group_fee_after_remission(group_fee_pence=50000, claimants=3, remitted=4)
