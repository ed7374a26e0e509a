"""The claimant's pages after a response, and the defendant's settlement and redetermination
pages: the happy path through each, GOV.UK errors for bad input that keep what was typed,
refusals with the reason, and nothing for anyone else."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from civil_claims.constants import ClaimStatus, CourtDecision, FormaliseOption, JudgmentType
from civil_claims.models import Claim, ClaimantReply, Judgment
from civil_claims.services.claimant import claim_admission_accept, claim_plan_reject
from civil_claims.services.defendant import defendant_access_check, defendant_claim_link
from civil_claims.services.judgment import claim_plan_decide
from civil_claims.services.plans import PaymentPlanAnswers
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in

from .factories import claim_issued
from .factories_claimant import claim_answered, full_defence, response_made
from .factories_defendant import access_code_from_letter

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False) as traveller:
        yield traveller


@pytest.fixture
def claimant():
    return UserFactory()


def _url(name, claim):
    return reverse(f"civil_claims:{name}", args=[claim.reference])


def _errors(response):
    body = response.content.decode()
    assert "<title>Error: " in body
    assert 'class="govuk-error-summary"' in body
    return body


def _linked(claim, user):
    access = defendant_access_check(
        claim_number=claim.claim_number, code=access_code_from_letter(claim)
    )
    return defendant_claim_link(access_code_id=access.pk, user=user)


# The response and the reply ------------------------------------------------------------


def test_the_claim_page_shows_the_response_with_the_reply_date_and_a_link(client, claimant):
    claim = claim_answered(user=claimant)
    sign_in(client, claimant)
    page = client.get(_url("claim-detail", claim)).content.decode()
    assert "The defendant responded on 1 December 2026" in page
    assert "by 3 January 2027" in page
    assert _url("claim-response", claim) in page


def test_the_response_page_needs_a_choice_then_goes_to_its_next_page(client, claimant):
    claim = claim_answered(user=claimant)
    sign_in(client, claimant)
    page = client.get(_url("claim-response", claim)).content.decode()
    assert "£600.00" in page and "£50.00 every month from 4 January 2027" in page
    body = _errors(client.post(_url("claim-response", claim), {}))
    assert "Select what you want to do" in body
    response = client.post(_url("claim-response", claim), {"choice": "reject_plan"})
    assert response["Location"] == _url("claim-reply-plan", claim)
    response = client.post(_url("claim-response", claim), {"choice": "not_proceed"})
    assert response.status_code == 200  # not a choice for an admission: the error again
    assert "Select what you want to do" in response.content.decode()


def test_accepting_as_a_settlement_through_the_pages(client, claimant):
    claim = claim_answered(user=claimant)
    sign_in(client, claimant)
    body = _errors(client.post(_url("claim-reply-accept", claim), {}))
    assert "Select how you want to make the agreement formal" in body
    response = client.post(_url("claim-reply-accept", claim), {"formalise": "settlement"})
    assert response["Location"] == _url("claim-detail", claim)
    page = client.get(_url("claim-detail", claim)).content.decode()
    assert "The defendant has until 8 December 2026 to sign the settlement agreement" in page
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.SETTLEMENT_MADE


def test_the_claimants_plan_page_keeps_what_was_typed_and_names_each_problem(client, claimant):
    claim = claim_answered(user=claimant)
    sign_in(client, claimant)
    url = _url("claim-reply-plan", claim)
    body = _errors(client.post(url, {}))
    assert "Select how the money should be paid" in body
    body = _errors(
        client.post(
            url,
            {
                "payment_option": "instalments",
                "instalment_amount_pence": "700.00",
                "instalment_first_date_0": "1",
                "instalment_first_date_1": "11",
                "instalment_first_date_2": "2026",
                "reason": "Too slow by far",
            },
        )
    )
    assert "Each instalment must be £600.00 or less" in body
    assert "Select how often the instalments are paid" in body
    assert "The date of the first instalment must be today or in the future" in body
    assert "Too slow by far" in body and 'value="700.00"' in body
    body = _errors(client.post(url, {"payment_option": "by_set_date"}))
    assert "Enter the date the money should be paid by" in body
    response = client.post(
        url,
        {
            "payment_option": "by_set_date",
            "pay_by_date_0": "1",
            "pay_by_date_1": "2",
            "pay_by_date_2": "2027",
        },
    )
    assert response["Location"] == _url("claim-detail", claim)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.JUDGMENT_DECIDE_AMOUNT
    assert claim.claimant_reply.pay_by_date == dt.date(2027, 2, 1)
    page = client.get(_url("claim-detail", claim)).content.decode()
    assert "asked to be paid by 1 February 2027" in page


def test_going_ahead_after_a_defence_through_the_page(client, claimant):
    claim = claim_answered(user=claimant, **full_defence(free_mediation=True))
    sign_in(client, claimant)
    body = _errors(client.post(_url("claim-reply-go-ahead", claim), {"reason": "They owe it"}))
    assert "Select yes if you will try free mediation" in body and "They owe it" in body
    client.post(_url("claim-reply-go-ahead", claim), {"free_mediation": "yes"})
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.REFERRED_MEDIATION


def test_not_going_ahead_through_the_page(client, claimant):
    claim = claim_answered(user=claimant, **full_defence())
    sign_in(client, claimant)
    assert "Do not go ahead" in client.get(_url("claim-reply-end", claim)).content.decode()
    client.post(_url("claim-reply-end", claim))
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.CLOSED
    again = client.post(_url("claim-reply-end", claim))
    assert again.status_code == 409
    assert "You have already replied" in again.content.decode()


def test_a_reply_page_before_any_response_says_why(client, claimant):
    claim = claim_issued(user=claimant)
    sign_in(client, claimant)
    page = client.get(_url("claim-reply-accept", claim))
    assert page.status_code == 200
    assert "The defendant has not responded yet" in page.content.decode()
    assert client.post(_url("claim-reply-accept", claim), {"formalise": "ccj"}).status_code == 409
    assert not ClaimantReply.objects.filter(claim=claim).exists()


# Default judgment ----------------------------------------------------------------------


def test_the_default_judgment_pages_work_out_the_total_then_ask_for_it(client, claimant, _now):
    claim = claim_issued(user=claimant)  # deadline Mon 21 Dec 2026
    sign_in(client, claimant)
    early = client.get(_url("claim-judgment", claim)).content.decode()
    assert "only after the deadline to respond, 4pm on 21 December 2026" in early
    _now.move_to("2026-12-21 16:00 +0000")
    sign_in(client, claimant)
    page = client.get(_url("claim-judgment", claim)).content.decode()
    assert "Interest to 21 December 2026" in page
    url = _url("claim-judgment", claim)
    body = _errors(client.post(url, {"paid_some": "yes", "payment_option": "immediately"}))
    assert "Enter how much the defendant has paid" in body
    assert "Enter your full name" in body and "Confirm the statement of truth" in body
    body = _errors(
        client.post(
            url,
            {
                "paid_some": "yes",
                "already_paid_pence": "99999",
                "payment_option": "immediately",
                "sot_name": "Alex Claimant",
                "sot_confirm": "on",
            },
        )
    )
    assert "The amount paid must be less than the total owed" in body
    assert 'value="Alex Claimant"' in body
    response = client.post(
        url,
        {
            "paid_some": "yes",
            "already_paid_pence": "100",
            "payment_option": "immediately",
            "sot_name": "Alex Claimant",
            "sot_confirm": "on",
        },
    )
    assert response["Location"] == _url("claim-judgment-check", claim)
    check = client.get(response["Location"]).content.decode()
    assert "Minus the amount already paid" in check and "£100.00" in check
    assert "Immediately (within 5 days)" in check
    # Back to change: the answers are on the form again.
    again = client.get(url).content.decode()
    assert 'value="Alex Claimant"' in again and 'value="100.00"' in again
    client.post(response["Location"])
    judgment = Judgment.objects.get(claim=claim)
    assert judgment.kind == JudgmentType.DEFAULT
    assert judgment.amount_already_paid_pence == 10000
    assert (
        judgment.total_pence
        == judgment.claim_amount_pence + judgment.interest_pence + (judgment.fee_paid_pence) - 10000
    )
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.JUDGMENT_REQUESTED


def test_a_response_that_arrives_before_the_request_wins(client, claimant, _now):
    claim = claim_issued(user=claimant)
    _now.move_to("2026-12-22 10:00 +0000")
    sign_in(client, claimant)
    client.post(
        _url("claim-judgment", claim),
        {"paid_some": "no", "payment_option": "immediately", "sot_name": "A", "sot_confirm": "on"},
    )
    response_made(claim)  # a late response reaches the court before the claimant confirms
    refused = client.post(_url("claim-judgment-check", claim))
    assert refused.status_code == 409
    assert "The defendant has responded" in refused.content.decode()
    assert not Judgment.objects.filter(claim=claim).exists()


# After a settlement, redetermination, paid in full --------------------------------------


def test_asking_for_judgment_on_a_settlement_not_signed(client, claimant, _now):
    claim = claim_answered(user=claimant)
    claim_admission_accept(claim=claim, formalise=FormaliseOption.SETTLEMENT, actor=claimant)
    sign_in(client, claimant)
    assert (
        "until 8 December 2026"
        in client.get(_url("claim-settlement-judgment", claim)).content.decode()
    )
    _now.move_to("2026-12-09 10:00 +0000")
    sign_in(client, claimant)
    client.post(_url("claim-settlement-judgment", claim))
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.JUDGMENT_REQUESTED


def test_the_claimants_redetermination_page(client, claimant, caseworker):
    claim = claim_answered(user=claimant)
    claim_plan_reject(
        claim=claim,
        plan=PaymentPlanAnswers(payment_option="immediately"),
        actor=claimant,
    )
    claim_plan_decide(claim=claim, actor=caseworker, decision=CourtDecision.DEFENDANT)
    sign_in(client, claimant)
    page = client.get(_url("claim-detail", claim)).content.decode()
    assert "until 20 December 2026" in page and _url("claim-redetermination", claim) in page
    body = _errors(client.post(_url("claim-redetermination", claim), {"reason": " "}))
    assert "Enter why you want the decision looked at again" in body
    client.post(_url("claim-redetermination", claim), {"reason": "Too slow"})
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.REDETERMINATION_REQUESTED


def test_the_paid_in_full_page(client, claimant):
    claim = claim_answered(user=claimant)
    sign_in(client, claimant)
    url = _url("claim-paid-in-full", claim)
    body = _errors(
        client.post(url, {"received_on_0": "2", "received_on_1": "12", "received_on_2": "2026"})
    )
    assert "The date you were paid must be today or in the past" in body
    body = _errors(
        client.post(url, {"received_on_0": "31", "received_on_1": "2", "received_on_2": "2026"})
    )
    assert "must be a real date" in body
    client.post(url, {"received_on_0": "30", "received_on_1": "11", "received_on_2": "2026"})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SETTLED
    page = client.get(_url("claim-detail", claim)).content.decode()
    assert "You told us you were paid in full on 30 November 2026" in page


# The defendant's pages -----------------------------------------------------------------


def test_the_defendant_signs_the_settlement_from_their_claim_page(client, claimant):
    claim = claim_answered(user=claimant)
    defendant = UserFactory()
    _linked(claim, defendant)
    claim_admission_accept(claim=claim, formalise=FormaliseOption.SETTLEMENT, actor=claimant)
    sign_in(client, defendant)
    page = client.get(_url("respond-claim", claim)).content.decode()
    assert "Sign it by 8 December 2026" in page and _url("respond-settlement", claim) in page
    body = _errors(client.post(_url("respond-settlement", claim), {}))
    assert "Select whether you want to sign the settlement agreement" in body
    response = client.post(_url("respond-settlement", claim), {"decision": "sign"})
    assert response["Location"] == _url("respond-claim", claim)
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.SETTLEMENT_SIGNED
    again = client.post(_url("respond-settlement", claim), {"decision": "sign"})
    assert again.status_code == 409


def test_the_defendant_asks_for_a_redetermination(client, claimant, caseworker):
    claim = claim_answered(user=claimant)
    defendant = UserFactory()
    _linked(claim, defendant)
    claim_plan_reject(
        claim=claim, plan=PaymentPlanAnswers(payment_option="immediately"), actor=claimant
    )
    claim_plan_decide(claim=claim, actor=caseworker, decision=CourtDecision.CLAIMANT)
    sign_in(client, defendant)
    client.post(_url("respond-redetermination", claim), {"reason": "I cannot pay at once"})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.REDETERMINATION_REQUESTED
    assert claim.judgment.redetermination_requested_by_role == "defendant"


# Nobody else ---------------------------------------------------------------------------

PAGES = (
    "claim-response",
    "claim-reply-accept",
    "claim-reply-plan",
    "claim-reply-go-ahead",
    "claim-reply-end",
    "claim-judgment",
    "claim-judgment-check",
    "claim-settlement-judgment",
    "claim-redetermination",
    "claim-paid-in-full",
)


@pytest.mark.parametrize("name", PAGES)
def test_another_citizen_gets_nothing_and_a_visitor_is_asked_to_sign_in(client, name):
    claim = claim_answered(user=UserFactory())
    assert client.get(_url(name, claim))["Location"].startswith(reverse("account_login"))
    sign_in(client, UserFactory())
    assert client.get(_url(name, claim)).status_code == 404
    assert client.post(_url(name, claim), {"formalise": "ccj"}).status_code == 404
    assert not ClaimantReply.objects.filter(claim=claim).exists()


@pytest.mark.parametrize("name", ["respond-settlement", "respond-redetermination"])
def test_the_defendants_pages_are_for_the_linked_defendant_only(client, name):
    claim = claim_answered(user=UserFactory())
    sign_in(client, claim.user)  # the claimant is not the defendant
    assert client.get(_url(name, claim)).status_code == 404
