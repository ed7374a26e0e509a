"""When a response is refused (a breathing space, a judgment asked for after the deadline, a
second response, a claim not waiting for one), each status of the claim, and a paper
response entered by a caseworker in the staff pages."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from civil_claims.constants import BreathingSpaceKind, Channel, ClaimStatus
from civil_claims.models import Claim, Response
from civil_claims.services import claim_breathing_space_enter
from civil_claims.services.response import (
    ResponseAnswers,
    ResponseRefused,
    claim_response_refusal,
    response_submit,
)
from digital_services.accounts.constants import CASEWORKER_ROLES
from digital_services.accounts.services import user_role_add
from digital_services.audit.models import AuditEvent
from digital_services.core.transitions import transition_apply
from tests.accounts.factories import StaffWithTotpFactory, UserFactory
from tests.conftest import sign_in

from .factories import claim_in, claim_issued
from .factories_defendant import messages_about
from .response_answers import claim_against_individual, response_begin

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 6, 10, 10, 0, tzinfo=dt.UTC)
ADMIT = ResponseAnswers(
    response_type="full_admission", payment_option="immediately", sot_signer_name=""
)


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def test_a_claim_in_a_breathing_space_refuses_a_response_online_and_on_its_page(client):
    user = UserFactory()
    claim = claim_against_individual(user)
    claim_breathing_space_enter(
        claim=claim, actor=None, kind=BreathingSpaceKind.STANDARD, started_on=NOW.date()
    )
    assert "breathing space" in claim_response_refusal(claim)
    with pytest.raises(ResponseRefused, match="breathing space"):
        response_submit(claim=claim, answers=ADMIT, user=user)
    client.force_login(user)
    page = client.get(reverse("civil_claims:respond-claim", args=[claim.reference]))
    assert "respond-to-claim" not in page.content.decode()
    started = client.get(reverse("civil_claims:respond-response-start", args=[claim.reference]))
    assert started["Location"] == reverse("civil_claims:respond-claim", args=[claim.reference])
    # Nothing was started for it: the journey's pages send them back to the start.
    assert client.get(reverse("civil_claims:response-start"))["Location"] == (
        reverse("civil_claims:respond-start")
    )


def test_a_breathing_space_entered_mid_response_stops_the_journey(client):
    user = UserFactory()
    claim = claim_against_individual(user)
    client.force_login(user)
    response_begin(client, claim)
    step = reverse("civil_claims:response-step", kwargs={"step": "response-type"})
    assert client.post(step, {"response_type": "full_admission"}).status_code == 302
    claim_breathing_space_enter(
        claim=claim, actor=None, kind=BreathingSpaceKind.STANDARD, started_on=NOW.date()
    )
    assert client.get(step)["Location"] == reverse(
        "civil_claims:respond-claim", args=[claim.reference]
    )


def test_after_the_deadline_a_response_counts_until_judgment_is_requested():
    claim = claim_issued()
    late = dt.datetime.combine(claim.response_deadline, dt.time(17), tzinfo=dt.UTC)
    with time_machine.travel(late, tick=False):
        assert claim_response_refusal(claim) == ""
        transition_apply(claim, to=ClaimStatus.JUDGMENT_REQUESTED, action=None)
        assert "asked the court for a judgment" in claim_response_refusal(claim)
        with pytest.raises(ResponseRefused):
            response_submit(claim=claim, answers=ADMIT)


def test_a_second_response_is_refused_by_the_service():
    claim = claim_issued()
    response_submit(claim=claim, answers=ADMIT)
    with pytest.raises(ResponseRefused, match="already been sent"):
        response_submit(claim=claim, answers=ADMIT)
    assert Response.objects.filter(claim=claim).count() == 1


@pytest.mark.parametrize("status", [s for s in ClaimStatus.values if s != ClaimStatus.OPEN])
def test_only_an_open_claim_takes_an_online_response(status):
    claim = claim_in(status)
    assert claim_response_refusal(claim) != ""


def test_a_part_admission_of_more_than_the_claim_is_refused():
    claim = claim_issued()
    with pytest.raises(ResponseRefused, match="less than"):
        response_submit(
            claim=claim,
            answers=ResponseAnswers(
                response_type="part_admission",
                admitted_amount_pence=claim.total_claimed_pence,
                payment_option="immediately",
            ),
        )


# A paper response, entered by a caseworker -------------------------------------------------


@pytest.fixture
def staff_client(client, caseworker):
    sign_in(client, caseworker, second_factor=True)
    return client


def _paper_url(claim):
    return reverse("admin:civil_claims_claim_paper_response", args=[claim.pk])


PAPER = {
    "received_on": "08/06/2026",
    "response_type": "full_defence",
    "defence_type": "dispute",
    "defence": "Nothing is owed",
    "free_mediation": "no",
    "signer_name": "Dee Fendant",
}


def test_a_caseworker_enters_a_paper_response_marked_paper_and_audited(staff_client, caseworker):
    claim = claim_issued()
    case = staff_client.get(reverse("admin:civil_claims_claim_change", args=[claim.pk]))
    assert _paper_url(claim) in case.content.decode()
    assert staff_client.get(_paper_url(claim)).status_code == 200

    done = staff_client.post(_paper_url(claim), PAPER)

    assert done.status_code == 302
    response = Response.objects.get(claim=claim)
    assert response.channel == Channel.PAPER
    assert response.user is None
    assert response.defence == "Nothing is owed"
    event = AuditEvent.objects.get(action="claim.response_submitted", object_id=str(claim.pk))
    assert event.actor == caseworker
    assert event.detail["channel"] == "paper"
    assert event.detail["received_on"] == "2026-06-08"
    templates = {m.template_key for m in messages_about(claim)}
    assert {
        "civil_claims.response_received_defendant",
        "civil_claims.response_defence_claimant",
    } <= templates


def test_a_paper_response_held_in_the_paper_queue_moves_the_claim_back_to_open(staff_client):
    claim = claim_issued()
    transition_apply(claim, to=ClaimStatus.BUSINESS_QUEUE, action=None)
    assert staff_client.post(_paper_url(claim), PAPER).status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.OPEN
    assert claim.responded_at == NOW


def test_a_paper_response_with_missing_answers_says_why_and_keeps_them(staff_client):
    claim = claim_issued()
    page = staff_client.post(
        _paper_url(claim), {**PAPER, "response_type": "part_admission", "defence_type": ""}
    )
    assert page.status_code == 200
    assert "less than" in page.content.decode()
    assert "Nothing is owed" in page.content.decode()
    assert not Response.objects.filter(claim=claim).exists()


def test_a_caseworker_of_another_service_cannot_enter_a_paper_response(client):
    other = StaffWithTotpFactory()
    user_role_add(user=other, role=CASEWORKER_ROLES["tribunal_fees"])
    sign_in(client, other, second_factor=True)
    claim = claim_issued()
    assert client.get(_paper_url(claim)).status_code == 403
    assert client.post(_paper_url(claim), PAPER).status_code == 403
    assert not Response.objects.filter(claim=claim).exists()
    assert Claim.objects.get(pk=claim.pk).responded_at is None


def test_one_response_at_a_time_and_a_dead_draft_can_still_be_deleted(client):
    user = UserFactory()
    first, second = claim_against_individual(user), claim_against_individual(user)
    client.force_login(user)
    response_begin(client, first)
    step = reverse("civil_claims:response-step", kwargs={"step": "response-type"})
    assert client.post(step, {"response_type": "full_admission"}).status_code == 302

    other = client.get(reverse("civil_claims:respond-response-start", args=[second.reference]))
    assert other.status_code == 409
    assert "You have started another response" in other.content.decode()

    # The first claim stops taking a response (a paper one arrives): its draft can still go.
    response_submit(claim=first, answers=ADMIT, channel=Channel.PAPER)
    cancel = reverse("civil_claims:response-cancel")
    assert client.get(cancel).status_code == 200
    client.post(cancel)
    assert response_begin(client, second)["Location"] == reverse("civil_claims:response-start")
    assert client.get(reverse("civil_claims:response-start")).status_code == 200


def test_your_data_holds_the_defendants_own_response():
    from civil_claims.selectors_defendant import defendant_case_data_for_user

    user = UserFactory()
    claim = claim_against_individual(user)
    assert (
        defendant_case_data_for_user(user)["money claims made against you"][0]["your_response"]
        == {}
    )
    response_submit(
        claim=claim,
        answers=ResponseAnswers(
            response_type="full_admission",
            payment_option="by_set_date",
            pay_by_date=dt.date(2026, 9, 1),
            statement_of_means={"explanation": "Hours cut"},
        ),
        user=user,
    )
    (row,) = defendant_case_data_for_user(user)["money claims made against you"]
    assert row["your_response"]["response"] == "Admits all of the claim"
    assert row["your_response"]["payment_offer"] == "By a set date"
    assert row["your_response"]["statement_of_means"] == {"explanation": "Hours cut"}
