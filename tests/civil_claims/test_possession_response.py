"""The tenant's response to a possession claim through the pages: the task list from the
claim page, each section refusing bad input while keeping what was typed, and sending:
the response recorded (CREATED → SUBMITTED), a counterclaim waiting for its fee or for a
caseworker with Help with Fees, the landlord and the tenant told by their routes, and the
claim's own status left for the hearing. Refused for someone not linked to the claim."""

from __future__ import annotations

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from civil_claims.journeys.possession_response import POSSESSION_RESPONSE
from civil_claims.models import PossessionClaim, PossessionCounterclaim, PossessionResponse
from civil_claims.possession_constants import PossessionStatus
from digital_services.audit.models import AuditEvent
from digital_services.notifications.models import OutboundMessage
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in

from .factories_possession_defendant import possession_claim_linked_to
from .possession_response_answers import _WALK, RESPONSE_ANSWERS

pytestmark = pytest.mark.django_db


def url(step: str) -> str:
    return reverse("civil_claims:possession-response-step", args=[step])


def errors(response) -> str:
    body = response.content.decode()
    return " | ".join(re.findall(r'<a href="#[^"]*">([^<]+)</a>', body)) or body[:800]


@pytest.fixture
def tenant(client):
    user = UserFactory()
    sign_in(client, user)
    return user


@pytest.fixture
def claim(tenant):
    return possession_claim_linked_to(tenant)


def _data(step: str, claim, **changes) -> dict:
    example = RESPONSE_ANSWERS[step]
    data = dict(example(None) if callable(example) else example)
    if step == "claim":
        data["claim_number"] = claim.claim_number
    data.update(changes)
    return data


def answer_all(client, claim, *, until: str | None = None, **overrides) -> None:
    """Answer every step in order (or those before ``until``) with the example answers."""
    for _section, step in POSSESSION_RESPONSE.all_steps():
        if step.slug == until:
            return
        data = overrides.get(step.slug, _data(step.slug, claim))
        if (
            step.slug == "counterclaim-fee"
            and overrides.get("counterclaim", {}).get("wants") == "no"
        ):
            continue
        response = client.post(url(step.slug), data)
        assert response.status_code == 302, f"{step.slug}: {errors(response)}"


def test_the_claim_page_leads_to_the_response_task_list_with_the_claim_filled_in(client, claim):
    page = client.get(reverse("civil_claims:possession-respond-claim", args=[claim.reference]))
    start = reverse("civil_claims:possession-response-start")
    assert start in page.content.decode()
    task_list = client.get(start).content.decode()
    for title in (
        "The claim and your details",
        "Rent arrears and payments",
        "Your household",
        "Income, expenses and priority debts",
        "Counterclaim",
        "Statement of truth",
    ):
        assert title in task_list, title
    first = client.get(url("claim")).content.decode()
    assert f'value="{claim.claim_number}"' in first


BAD_INPUT = [
    ("claim", {"claim_number": "12345"}, "Enter the claim number as it is shown", "12345"),
    (
        "your-details",
        {
            "name_correct": "no",
            "correct_name": "",
            "address_correct": "yes",
            "date_of_birth_0": "31",
            "date_of_birth_1": "2",
            "date_of_birth_2": "1990",
        },
        "Enter your full name",
        'value="31"',
    ),
    (
        "tenancy",
        {
            "start_correct": "no",
            "start_date_0": "",
            "start_date_1": "",
            "start_date_2": "",
            "type_correct": "no",
            "type_details": "Assured shorthold",
        },
        "Enter the date your tenancy started",
        "Assured shorthold",
    ),
    (
        "notice",
        {"received": "yes", "received_on_0": "1", "received_on_1": "1", "received_on_2": "2099"},
        "The date you received the notice must be today or in the past",
        'value="2099"',
    ),
    ("arrears", {"correct": "no", "owed": "lots"}, "how much you think you owe", 'value="lots"'),
    (
        "payments",
        {
            "paid_since": "yes",
            "paid_details": "",
            "plan_agreed": "yes",
            "plan_details": "£5 a week",
        },
        "Enter what you have paid, and when",
        "£5 a week",
    ),
    (
        "instalments",
        {"offer": "yes", "amount": "25.00", "frequency": ""},
        "Select how often you can pay",
        'value="25.00"',
    ),
    ("dispute", {"disputes": "yes", "details": ""}, "Enter why you disagree with the claim", ""),
    (
        "household",
        {"dependants": "two", "other_adults": "1", "universal_credit": "yes", "hardship": "no"},
        "enter a number",
        'value="two"',
    ),
    (
        "money",
        {
            "income": "1450",
            "expenses": "",
            "priority_debts": "yes",
            "priority_total": "",
            "priority_details": "Council tax",
        },
        "Enter your household’s expenses each month",
        "Council tax",
    ),
    ("adjustments", {"needed": "yes", "details": ""}, "Enter what support or adjustments", ""),
    ("legal-advice", {}, "Select whether you have had legal advice", ""),
    (
        "counterclaim",
        {"wants": "yes", "kind": "money", "amount": "", "details": "Disrepair"},
        "Enter how much money you are counterclaiming",
        "Disrepair",
    ),
    (
        "statement-of-truth",
        {"signer_name": "Terry Tenant"},
        "Confirm that you believe the facts in this response are true",
        'value="Terry Tenant"',
    ),
]


@pytest.mark.parametrize("step,data,message,kept", BAD_INPUT, ids=[b[0] for b in BAD_INPUT])
def test_each_section_refuses_bad_input_and_keeps_what_was_typed(
    client, claim, step, data, message, kept
):
    answer_all(client, claim, until=step)
    response = client.post(url(step), data)
    body = response.content.decode()
    assert response.status_code == 200, response.get("Location")
    assert "<title>Error: " in body
    assert message in body, errors(response)
    assert kept in body


def test_the_counterclaim_fee_page_shows_the_fee_from_the_dated_fees(client, claim):
    answer_all(client, claim, until="counterclaim-fee")
    page = client.get(url("counterclaim-fee")).content.decode()
    assert "The fee is £" in page
    bad = client.post(url("counterclaim-fee"), {"how": "hwf", "hwf_reference": "HWF123"})
    assert "Enter your Help with Fees reference in the right format" in bad.content.decode()
    assert 'value="HWF123"' in bad.content.decode()


def _messages(claim):
    return OutboundMessage.objects.filter(
        content_type=ContentType.objects.get_for_model(PossessionClaim), object_id=str(claim.pk)
    )


def test_sending_records_the_response_and_tells_the_landlord_and_the_tenant(
    client, claim, tenant, django_capture_on_commit_callbacks
):
    answer_all(client, claim)
    check = client.get(reverse("civil_claims:possession-response-check"))
    assert "Fee to respond" in check.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(reverse("civil_claims:possession-response-check"))
    assert sent["Location"] == reverse(
        "civil_claims:possession-respond-sent", args=[claim.reference]
    )
    assert "Your response has been sent" in client.get(sent["Location"]).content.decode()

    response = PossessionResponse.objects.get(claim=claim)
    assert response.status == "submitted" and response.submitted_at is not None
    assert response.party == claim.defendants[0] and response.user == tenant
    assert response.arrears_correct == "no" and response.arrears_owed_pence == 190000
    assert response.tenancy_start_date.isoformat() == "2023-07-01"
    assert response.disputes_claim and "boiler" in response.dispute_details
    assert response.instalment_pence == 2500 and response.instalment_frequency == "weekly"
    assert response.dependants == 2 and response.universal_credit == "applied"
    assert response.monthly_income_pence == 145000 and response.priority_debts_pence == 42000
    assert response.legal_advice == "not_yet" and response.sot_signer_name == "Terry Tenant"
    counterclaim = response.counterclaim
    assert counterclaim.status == "pending_review"  # Help with Fees: to a caseworker
    assert counterclaim.hwf_reference == "HWF-A1B-23C" and counterclaim.fee_pence > 0
    assert AuditEvent.objects.filter(
        action="possession_claim.response_submitted", object_id=str(response.pk)
    ).exists()
    assert AuditEvent.objects.filter(
        action="possession_claim.defendant_responded", object_id=str(claim.pk)
    ).exists()
    claim.refresh_from_db()
    # A response that disputes the claim is a defence: the claim says so (ADR 0021).
    assert claim.status == PossessionStatus.DEFENCE_RECEIVED
    assert AuditEvent.objects.filter(
        action="possession_claim.response_received", object_id=str(claim.pk)
    ).exists()
    templates = sorted(m.template_key for m in _messages(claim))
    assert "civil_claims.possession_response_landlord" in templates
    landlord = _messages(claim).get(template_key="civil_claims.possession_response_landlord")
    assert (
        landlord.recipient == "lana@example.com" and landlord.personalisation["disputes"] == "yes"
    )
    tenant_letter = _messages(claim).get(template_key="civil_claims.possession_response_tenant")
    assert tenant_letter.channel == "letter"  # the landlord gave no email for the tenant

    page = client.get(reverse("civil_claims:possession-respond-claim", args=[claim.reference]))
    assert "You responded on" in page.content.decode()
    assert reverse("civil_claims:possession-response-start") not in page.content.decode()
    # A second response is refused, and the journey does not reopen for this claim.
    answer_all(client, claim)
    again = client.post(reverse("civil_claims:possession-response-check"))
    assert "You have already responded to this claim" in again.content.decode()
    assert PossessionResponse.objects.filter(claim=claim).count() == 1


def test_a_counterclaim_paid_by_card_waits_for_its_fee_then_goes_for_review(
    client, claim, django_capture_on_commit_callbacks
):
    from digital_services.payments.models import Payment

    from .test_journey_submit import pay

    answer_all(client, claim, **{"counterclaim-fee": {"how": "card", "hwf_reference": ""}})
    client.post(reverse("civil_claims:possession-response-check"))
    counterclaim = PossessionCounterclaim.objects.get(response__claim=claim)
    assert counterclaim.status == "pending_issue"
    sent = client.get(reverse("civil_claims:possession-respond-sent", args=[claim.reference]))
    assert "Pay the counterclaim fee" in sent.content.decode()
    started = client.post(
        reverse("civil_claims:possession-counterclaim-pay", args=[claim.reference])
    )
    assert started.status_code == 302
    payment = Payment.objects.get(object_id=str(counterclaim.pk))
    assert payment.amount_pence == counterclaim.fee_pence
    assert payment.purpose == "civil-claims-possession-counterclaim-fee"
    pay(client, started["Location"], django_capture_on_commit_callbacks)
    counterclaim.refresh_from_db()
    assert counterclaim.status == "pending_review"
    assert counterclaim.amount_paid_pence == counterclaim.fee_pence and counterclaim.paid_at
    assert AuditEvent.objects.filter(action="possession_claim.counterclaim_paid").exists()
    # Paid: nothing more to pay, and the button has gone.
    page = client.get(reverse("civil_claims:possession-respond-claim", args=[claim.reference]))
    assert "Pay the counterclaim fee" not in page.content.decode()


def test_the_tenants_rows_move_only_by_their_maps(claim):
    from civil_claims.models import PossessionParty
    from digital_services.core.transitions import TransitionNotAllowed, transition_apply

    party = PossessionParty.objects.get(pk=claim.defendants[0].pk)
    response = PossessionResponse.objects.create(
        claim=claim,
        party=party,
        tenancy_start_correct="yes",
        tenancy_type_correct="yes",
        notice_received="yes",
        arrears_correct="yes",
        universal_credit="no",
        monthly_income_pence=0,
        monthly_expenses_pence=0,
        legal_advice="yes",
        sot_signer_name="Terry Tenant",
    )
    transition_apply(response, to="submitted", stamp="submitted", action=None)
    with pytest.raises(TransitionNotAllowed):
        transition_apply(response, to="created", action=None)
    counterclaim = PossessionCounterclaim.objects.create(
        response=response, kind="other", details="Repairs", fee_pence=37700
    )
    with pytest.raises(TransitionNotAllowed):
        transition_apply(counterclaim, to="issued", action=None)  # not before review
    transition_apply(counterclaim, to="pending_review", action=None)
    transition_apply(counterclaim, to="issued", action=None)
    with pytest.raises(TransitionNotAllowed):
        transition_apply(counterclaim, to="pending_issue", action=None)


def test_without_a_counterclaim_there_is_no_fee_step_and_no_counterclaim(client, claim):
    answer_all(client, claim, counterclaim={"wants": "no", "kind": "", "amount": "", "details": ""})
    response = client.post(reverse("civil_claims:possession-response-check"))
    assert response.status_code == 302, errors(response)
    assert not PossessionCounterclaim.objects.exists()


def test_someone_not_linked_to_the_claim_cannot_send_a_response_for_it(client, claim):
    other = UserFactory()
    client.logout()
    sign_in(client, other)
    answer_all(client, claim)
    refused = client.post(reverse("civil_claims:possession-response-check"))
    assert refused.status_code == 200
    assert "does not match a claim added to your account" in refused.content.decode()
    assert not PossessionResponse.objects.exists()


def test_the_walk_answers_are_complete():
    assert {s.slug for _, s in POSSESSION_RESPONSE.all_steps()} == set(RESPONSE_ANSWERS)
    assert isinstance(_WALK, dict)
