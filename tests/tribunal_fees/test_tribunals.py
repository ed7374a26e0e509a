"""The fee schedule's tribunal dimension, worked by hand: each tribunal's fee on each side
of its start date; appeal fees that never ask the claim type; the dated Type A list
(SI 2014/590, 6 April 2014); National Insurance Fund claims with no fee; and the pay
journey for an immigration appeal (exemptions) and a property chamber application."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from tribunal_fees import services
from tribunal_fees.constants import ClaimElement
from tribunal_fees.fees import (
    ClaimTypeNeeded,
    FeeNotFound,
    claim_fee_exempt,
    claim_type_decide,
    fee_lookup,
    fee_varies_by_claim_type,
)

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)
IAC_START = dt.date(2011, 12, 19)  # SI 2011/2841
PC_START = dt.date(2016, 7, 25)  # SI 2016/807
PC_LAST_CONFIRMED = dt.date(2025, 4, 7)  # SI 2025/351 changed the Order from 8 April 2025
ET_START, ET_END = dt.date(2013, 7, 29), dt.date(2017, 7, 26)
TABLE_REPLACED = dt.date(2014, 4, 6)  # SI 2014/590


def step_url(step: str) -> str:
    return reverse("tribunal_fees:pay-step", args=[step])


def answer(client, step: str, data: dict):
    response = client.post(step_url(step), data)
    assert response.status_code == 302, response.content.decode()[:400]
    return response["Location"]


def _date(day: dt.date) -> dict:
    return {"fee_date_0": str(day.day), "fee_date_1": str(day.month), "fee_date_2": str(day.year)}


# Each tribunal's fee on each side of its start date ------------------------------------


@pytest.mark.parametrize(("kind", "pence"), [("iac_papers", 8000), ("iac_hearing", 14000)])
def test_an_immigration_appeal_fee_starts_on_19_december_2011(kind, pence):
    with pytest.raises(FeeNotFound):
        fee_lookup(jurisdiction="IAC", kind=kind, on_date=IAC_START - DAY)
    quote = fee_lookup(jurisdiction="IAC", kind=kind, on_date=IAC_START)
    assert (quote.amount_pence, quote.claim_type) == (pence, "")
    assert "SI 2011/2841" in quote.source
    assert fee_lookup(jurisdiction="IAC", kind=kind, on_date=dt.date(2026, 12, 5)).amount_pence == (
        pence
    )


def test_the_property_chamber_application_fee_holds_only_while_we_can_confirm_it():
    with pytest.raises(FeeNotFound):
        fee_lookup(jurisdiction="PC", kind="pc_application", on_date=PC_START - DAY)
    for day in (PC_START, PC_LAST_CONFIRMED):
        assert fee_lookup(jurisdiction="PC", kind="pc_application", on_date=day).amount_pence == (
            10000
        )
    with pytest.raises(FeeNotFound):
        fee_lookup(jurisdiction="PC", kind="pc_application", on_date=PC_LAST_CONFIRMED + DAY)


def test_the_employment_issue_fee_holds_from_29_july_2013_to_26_july_2017():
    def fee(day):
        return fee_lookup(jurisdiction="ET", kind="issue", claim_type="B", on_date=day)

    for day in (ET_START - DAY, ET_END + DAY):
        with pytest.raises(FeeNotFound):
            fee(day)
    assert fee(ET_START).amount_pence == fee(ET_END).amount_pence == 25000


# Appeal fees do not depend on the claim type ------------------------------------------


@pytest.mark.parametrize("kind", ["eat_lodge", "eat_hearing"])
def test_an_appeal_fee_needs_no_claim_type(kind):
    assert not fee_varies_by_claim_type(jurisdiction="EAT", kind=kind, on_date=dt.date(2016, 3, 1))
    quote = fee_lookup(jurisdiction="EAT", kind=kind, on_date=dt.date(2016, 3, 1))
    assert quote.amount_pence == {"eat_lodge": 40000, "eat_hearing": 120000}[kind]
    assert "Type" not in quote.explanation


def test_an_issue_fee_without_a_claim_type_is_refused():
    assert fee_varies_by_claim_type(jurisdiction="ET", kind="issue", on_date=dt.date(2016, 3, 1))
    with pytest.raises(ClaimTypeNeeded):
        fee_lookup(jurisdiction="ET", kind="issue", on_date=dt.date(2016, 3, 1))


def test_an_appeal_fee_is_recorded_without_claim_elements():
    fee_case = services.fee_case_create(
        user=None, kind="eat_lodge", fee_date=dt.date(2016, 3, 1), case_number="UKEAT/0123/16/001"
    )
    assert (fee_case.jurisdiction, fee_case.fee_pence, fee_case.claim_type) == ("EAT", 40000, "")
    assert fee_case.claim_elements == []


def test_the_appeal_fee_journey_never_asks_the_claim_type(client):
    answer(client, "tribunal", {"tribunal": "employment"})
    answer(client, "fee-kind", {"kind": "other"})
    answer(client, "other-fee", {"other_kind": "eat_lodge"})
    answer(client, "case-number", {"case_number": "UKEAT/0123/16/001"})
    next_url = answer(client, "date", _date(dt.date(2016, 3, 1)))
    assert next_url == step_url("payer")
    assert answer(client, "payer", {"payer_role": "claimant"}) == step_url("fee")

    body = client.get(step_url("fee")).content.decode()

    assert "Your fee is £400.00" in body
    assert "Type A" not in body and "Type B" not in body
    assert client.get(step_url("claim-about")).status_code == 302  # the step does not apply


# The dated Type A list ----------------------------------------------------------------


@pytest.mark.parametrize(
    "element",
    [
        ClaimElement.EQUAL_PAY,
        ClaimElement.TUPE_CONSULTATION,
        ClaimElement.COMPENSATORY_REST,
        ClaimElement.TRAINING_TIME_OFF,
    ],
)
def test_a_complaint_moved_to_type_b_on_6_april_2014(element):
    assert claim_type_decide(claim_elements=[element], on_date=TABLE_REPLACED - DAY) == "A"
    assert claim_type_decide(claim_elements=[element], on_date=TABLE_REPLACED) == "B"


def test_an_equal_pay_claim_pays_160_the_day_before_and_250_from_6_april_2014():
    def fee(day):
        return services.fee_case_create(
            user=None, kind="issue", fee_date=day, claim_elements=["equal_pay"]
        )

    before, after = fee(TABLE_REPLACED - DAY), fee(TABLE_REPLACED)
    assert (before.claim_type, before.fee_pence) == ("A", 16000)
    assert (after.claim_type, after.fee_pence) == ("B", 25000)


def test_unpaid_wages_stay_type_a_after_the_table_was_replaced():
    assert claim_type_decide(claim_elements=["unpaid_wages"], on_date=ET_END) == "A"


# National Insurance Fund claims -------------------------------------------------------


def test_a_claim_only_for_the_national_insurance_fund_pays_no_fee():
    assert claim_fee_exempt(claim_elements=["ni_fund"])
    with pytest.raises(FeeNotFound):
        services.fee_case_create(
            user=None, kind="issue", fee_date=dt.date(2016, 3, 1), claim_elements=["ni_fund"]
        )


def test_a_national_insurance_fund_claim_with_another_complaint_pays_for_that_complaint():
    assert not claim_fee_exempt(claim_elements=["ni_fund", "unpaid_wages"])
    fee_case = services.fee_case_create(
        user=None,
        kind="issue",
        fee_date=dt.date(2016, 3, 1),
        claim_elements=["ni_fund", "unpaid_wages"],
    )
    assert (fee_case.claim_type, fee_case.fee_pence) == ("A", 16000)


def test_the_journey_says_why_a_national_insurance_fund_claim_has_no_fee(client):
    answer(client, "tribunal", {"tribunal": "employment"})
    answer(client, "fee-kind", {"kind": "issue"})
    answer(client, "date", _date(dt.date(2016, 3, 1)))
    answer(client, "payer", {"payer_role": "claimant"})
    answer(client, "claimants", {"claimants": "1"})
    answer(client, "claim-about", {"claim_elements": ["ni_fund"]})
    body = client.get(step_url("fee")).content.decode()
    assert "<title>You do not need to pay a fee" in body
    assert "only for a payment from the National Insurance Fund" in body


# The pay journey for today's tribunals ------------------------------------------------


def _immigration_appeal(client, *, kind="iac_hearing", exemption="none", day=None):
    answer(client, "tribunal", {"tribunal": "IAC"})
    answer(client, "current-fee", {"kind": kind})
    assert answer(client, "date", _date(day or dt.date(2026, 11, 20))) == step_url("exemption")
    return answer(client, "exemption", {"exemption": exemption})


def test_an_immigration_appeal_fee_is_explained_without_employment_questions(client):
    assert _immigration_appeal(client) == step_url("fee")
    body = client.get(step_url("fee")).content.decode()
    assert "Your fee is £140.00" in body
    assert "First-tier Tribunal (Immigration and Asylum Chamber)" in body
    assert "SI 2011/2841" in body
    assert "decision without a hearing" in body


@pytest.mark.parametrize("exemption", ["legal_aid", "asylum_support", "child_local_authority"])
def test_an_exempt_appellant_has_no_appeal_fee_to_pay(client, exemption):
    _immigration_appeal(client, exemption=exemption)
    body = client.get(step_url("fee")).content.decode()
    assert "<title>You do not need to pay a fee" in body
    assert "You do not pay the appeal fee" in body
    assert 'name="next_step"' not in body


def test_a_discretionary_exemption_is_asked_for_through_help_with_fees(client):
    _immigration_appeal(client, exemption="discretionary")
    body = client.get(step_url("fee")).content.decode()
    assert "Your fee is £140.00" in body
    assert "exceptional circumstances" in body


def test_an_appeal_against_a_decision_before_fees_started_has_no_fee(client):
    _immigration_appeal(client, day=IAC_START - DAY)
    body = client.get(step_url("fee")).content.decode()
    assert "started on 19 December 2011" in body


def test_a_property_fee_we_cannot_confirm_is_not_taken(client):
    answer(client, "tribunal", {"tribunal": "PC"})
    answer(client, "current-fee", {"kind": "pc_application"})
    assert answer(client, "date", _date(dt.date(2026, 11, 20))) == step_url("fee")
    body = client.get(step_url("fee")).content.decode()
    assert "<title>You cannot pay this fee here" in body
    assert "Contact the tribunal" in body
    assert 'name="next_step"' not in body


def test_a_property_application_fee_in_2020_is_100_pounds(client):
    answer(client, "tribunal", {"tribunal": "PC"})
    answer(client, "current-fee", {"kind": "pc_application"})
    answer(client, "date", _date(dt.date(2020, 6, 1)))
    assert "Your fee is £100.00" in client.get(step_url("fee")).content.decode()


def test_the_tribunal_question_and_the_fee_question_explain_a_missing_answer(client):
    response = client.post(step_url("tribunal"), {})
    assert "Select which tribunal the fee is for" in response.content.decode()
    answer(client, "tribunal", {"tribunal": "IAC"})
    response = client.post(step_url("current-fee"), {})
    assert "Select what the fee is for" in response.content.decode()
    answer(client, "current-fee", {"kind": "iac_papers"})
    answer(client, "date", _date(dt.date(2026, 11, 20)))
    response = client.post(step_url("exemption"), {})
    assert "Select whether any of these apply to you" in response.content.decode()


# Immigration fee awards ----------------------------------------------------------------


def _paid_appeal_fee(user=None):
    from django.utils import timezone

    fee_case = services.fee_case_create(
        user=user, kind="iac_hearing", fee_date=dt.date(2026, 11, 20), email="a@example.com"
    )
    type(fee_case).objects.filter(pk=fee_case.pk).update(
        status="paid",
        paid_at=timezone.make_aware(dt.datetime(2026, 11, 21, 10, 0)),
        amount_paid_pence=14000,
    )
    fee_case.refresh_from_db()
    return fee_case


@time_machine.travel(dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC), tick=False)
def test_a_fee_award_is_recorded_for_the_appellant_to_see_and_nothing_is_refunded(client):
    from digital_services.payments.models import Refund
    from tests.accounts.factories import StaffUserFactory
    from tests.conftest import sign_in

    from .factories import UserFactory

    appellant = UserFactory()
    sign_in(client, appellant)
    fee_case = _paid_appeal_fee(user=appellant)
    staff = StaffUserFactory()
    today = dt.date(2026, 12, 1)
    services.fee_case_fee_award_record(
        fee_case=fee_case, amount_pence=14000, made_on=today, actor=staff
    )
    fee_case.refresh_from_db()
    assert (fee_case.status, fee_case.fee_award_pence, fee_case.fee_award_made_on) == (
        "paid",
        14000,
        today,
    )
    assert not Refund.objects.exists()
    page = client.get(reverse("tribunal_fees:fee-detail", args=[fee_case.reference]))
    body = page.content.decode()
    assert "The tribunal ordered the Home Office to pay you back £140.00" in body
    assert "we do not refund the fee" in body
    with pytest.raises(services.InvalidRequest, match="already recorded"):
        services.fee_case_fee_award_record(
            fee_case=fee_case, amount_pence=14000, made_on=today, actor=staff
        )


@pytest.mark.parametrize(
    ("amount", "message"),
    [(0, "more than £0"), (14001, "no more than the fee paid")],
)
@time_machine.travel(dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC), tick=False)
def test_a_fee_award_is_refused_outside_the_fee_paid(amount, message):
    fee_case = _paid_appeal_fee()
    with pytest.raises(services.InvalidRequest) as caught:
        services.fee_case_fee_award_record(
            fee_case=fee_case, amount_pence=amount, made_on=dt.date(2026, 11, 25), actor=None
        )
    assert message in caught.value.errors["amount"]


def test_a_fee_award_is_only_for_a_paid_immigration_appeal_fee():
    fee_case = services.fee_case_create(
        user=None, kind="eat_lodge", fee_date=dt.date(2016, 3, 1), case_number="UKEAT/0123/16/001"
    )
    with pytest.raises(services.InvalidRequest) as caught:
        services.fee_case_fee_award_record(
            fee_case=fee_case, amount_pence=100, made_on=dt.date(2016, 5, 1), actor=None
        )
    assert "only on immigration appeal fees" in caught.value.errors["amount"]
