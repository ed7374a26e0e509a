"""The 2023 scheme's savings question in its bands (less than £4,250; £4,250 or more but
less than £16,000; £16,000 or more), worked by hand on both sides of every edge, and the
amount asked only where the band straddles the limit (a fee of £1,421 to £5,000, under 66)."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.conftest import sign_in
from tribunal_fees.constants import HwfScheme
from tribunal_fees.models import FeeSchedule, HelpWithFeesApplication
from tribunal_fees.remission import (
    SCHEMES,
    hwf_assess,
    hwf_savings_band_choices,
    hwf_savings_band_passes,
)

from .factories import FeeCaseFactory
from .test_journey_hwf import DOB_1980, answer, start_from_fee_page, step_url

NEW = dt.date(2024, 1, 8)  # November 2023 scheme
BORN = dt.date(1980, 1, 1)  # 44
BORN_OVER_66 = dt.date(1950, 1, 1)  # 74


def passes(band, fee_pence, born=BORN):
    return hwf_savings_band_passes(
        figures=SCHEMES[HwfScheme.NOV_2023],
        savings_band=band,
        fee_pence=fee_pence,
        applicant_date_of_birth=born,
        partner_date_of_birth=None,
        on_date=NEW,
    )


def test_the_bands_are_worded_from_the_scheme_figures():
    assert [label for _value, label in hwf_savings_band_choices()] == [
        "Less than £4,250",
        "£4,250 or more, but less than £16,000",
        "£16,000 or more",
    ]


@pytest.mark.parametrize(
    ("fee_pence", "low", "middle", "high"),
    [
        (142000, True, False, False),  # fee £1,420: limit £4,250, the middle band fails
        (142100, True, None, False),  # £1,421: limit £4,263, the amount is needed
        (500000, True, None, False),  # £5,000: limit £15,000, the amount is needed
        (500100, True, True, False),  # £5,001: limit £16,000, the middle band passes
    ],
)
def test_each_band_on_each_side_of_the_fee_edges(fee_pence, low, middle, high):
    assert (passes("low", fee_pence), passes("middle", fee_pence), passes("high", fee_pence)) == (
        low,
        middle,
        high,
    )


def test_over_66_the_middle_band_passes_whatever_the_fee():
    assert [passes("middle", fee, BORN_OVER_66) for fee in (14000, 142100, 500000)] == [True] * 3
    assert passes("high", 14000, BORN_OVER_66) is False


@pytest.mark.parametrize(
    ("capital_pence", "outcome"),
    [(426299, "full"), (426300, "none")],  # fee £1,421: 3 × the fee is £4,263
)
def test_the_amount_decides_where_the_band_straddles_the_limit(capital_pence, outcome):
    result = hwf_assess(
        fee_pence=142100,
        on_date=NEW,
        applicant_date_of_birth=BORN,
        has_partner=False,
        capital_pence=capital_pence,
        benefit="universal_credit",
    )
    assert result.outcome == outcome


@pytest.mark.parametrize(("band", "outcome"), [("low", "full"), ("middle", "none")])
def test_a_band_alone_decides_an_appeal_fee(band, outcome):
    result = hwf_assess(
        fee_pence=14000,
        on_date=NEW,
        applicant_date_of_birth=BORN,
        has_partner=False,
        capital_pence=None,
        savings_band=band,
        benefit="universal_credit",
    )
    assert result.outcome == outcome


def test_a_straddling_band_without_the_amount_is_not_assessed():
    with pytest.raises(ValueError):
        hwf_assess(
            fee_pence=142100,
            on_date=NEW,
            applicant_date_of_birth=BORN,
            has_partner=False,
            capital_pence=None,
            savings_band="middle",
            benefit="universal_credit",
        )


@pytest.mark.django_db
def test_the_journey_asks_the_band_for_an_appeal_fee_and_no_amount(client):
    schedule = FeeSchedule.objects.filter(kind="iac_hearing").order_by("-effective_from").first()
    fee_case = FeeCaseFactory(
        jurisdiction="IAC",
        kind="iac_hearing",
        claim_type="",
        claim_elements=[],
        fee_date=NEW,
        fee_schedule=schedule,
    )
    sign_in(client, fee_case.user)
    start_from_fee_page(client, fee_case)
    answer(client, "applicant", {"applicant_name": "Ana Appellant", **DOB_1980})
    answer(client, "identity", {"home_office_reference": "B1234567"})
    after_partner = answer(client, "partner", {"has_partner": "no"})
    assert after_partner == step_url("savings-band")

    empty = client.post(step_url("savings-band"), {})
    assert "Select how much you have in savings and investments" in empty.content.decode()
    assert answer(client, "savings-band", {"savings_band": "low"}) == step_url("benefits")
    answer(client, "benefits", {"benefit": "universal_credit"})
    answer(client, "outcome", {"contact": "email", "email": "ana@example.com"})
    client.post(reverse("tribunal_fees:apply-for-help-with-fees-check"), {})

    application = HelpWithFeesApplication.objects.get(fee_case=fee_case)
    assert (application.capital_pence, application.savings_band) == (None, "low")
    assert application.computed_outcome == "full"
