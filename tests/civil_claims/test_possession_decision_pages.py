"""A caseworker's decisions on a possession claim's tenant side, through the real admin
pages: a counterclaim's Help with Fees (each outcome), issuing it or returning it with a
reason; a general application granted (an adjournment adjourns the listed hearing),
refused or listed for a hearing; the applications queue, oldest first with its due
column. Each decision is audited and the parties told by their routes (the landlord by
email, the tenant by post); bad input keeps what was typed."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from civil_claims.constants import HwfOutcome
from civil_claims.models import PossessionClaim
from civil_claims.possession_constants import HearingStatus, PossessionStatus
from civil_claims.possession_response_constants import (
    ApplicationKind,
    ApplicationStatus,
    CounterclaimStatus,
)
from digital_services.audit.models import AuditEvent
from digital_services.notifications.models import OutboundMessage
from tests.conftest import sign_in

from .factories_possession_decisions import (
    application_to_decide,
    counterclaim_for_review,
    counterclaim_paid,
)
from .factories_possession_defendant import possession_claim_issued

pytestmark = pytest.mark.django_db
NOW = "2026-12-01 10:00:00+00:00"
CC = CounterclaimStatus


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def staff_client(client, caseworker):
    sign_in(client, caseworker, second_factor=True)
    return client


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _url(row, slug: str) -> str:
    name = type(row)._meta.model_name
    return reverse(f"admin:civil_claims_{name}_{slug.replace('-', '_')}", args=[row.pk])


def _messages(claim, template: str):
    return OutboundMessage.objects.filter(
        content_type=ContentType.objects.get_for_model(PossessionClaim),
        object_id=str(claim.pk),
        template_key=f"civil_claims.{template}",
    )


def _routes(claim, template: str) -> set[tuple[str, str]]:
    return {(m.channel, m.recipient.split("\n")[0]) for m in _messages(claim, template)}


# Counterclaims ------------------------------------------------------------------------


def test_full_remission_then_issue_tells_both_parties_by_their_routes(staff_client, caseworker):
    counterclaim = counterclaim_for_review()
    claim = counterclaim.response.claim
    page = _text(staff_client.get(_url(counterclaim, "change")))
    assert "Decide Help with Fees" in page and "HWF-A1B-23C" in page
    assert (
        staff_client.post(_url(counterclaim, "hwf-decide"), {"outcome": "full"}).status_code == 302
    )
    counterclaim.refresh_from_db()
    assert counterclaim.status == CC.PENDING_REVIEW and counterclaim.hwf_outcome == HwfOutcome.FULL
    assert counterclaim.hwf_decided_by == caseworker and counterclaim.hwf_amount_to_pay_pence == 0
    full = _messages(claim, "possession_hwf_full").get()
    assert full.channel == "letter" and full.personalisation["fee_name"] == (
        "the fee for your counterclaim"
    )
    assert staff_client.post(_url(counterclaim, "issue"), {}).status_code == 302
    counterclaim.refresh_from_db()
    assert counterclaim.status == CC.ISSUED and counterclaim.issued_by == caseworker
    assert counterclaim.issued_at is not None
    routes = _routes(claim, "possession_counterclaim_issued")
    assert ("email", "lana@example.com") in routes and any(c == "letter" for c, _ in routes)
    assert AuditEvent.objects.filter(
        action="possession_claim.counterclaim_issued", object_id=str(counterclaim.pk)
    ).exists()
    assert AuditEvent.objects.filter(
        action="possession_claim.counterclaim_hwf_decided", object_id=str(counterclaim.pk)
    ).exists()


def test_part_remission_sends_it_back_for_the_rest_of_the_fee(staff_client):
    counterclaim = counterclaim_for_review()
    bad = staff_client.post(_url(counterclaim, "hwf-decide"), {"outcome": "part"})
    assert bad.status_code == 200 and "Enter the amount remitted" in _text(bad)
    assert 'value="part"' in bad.content.decode() and "checked" in bad.content.decode()
    staff_client.post(
        _url(counterclaim, "hwf-decide"), {"outcome": "part", "remitted_pence": "100"}
    )
    counterclaim.refresh_from_db()
    assert counterclaim.status == CC.PENDING_ISSUE
    assert counterclaim.hwf_amount_to_pay_pence == counterclaim.fee_pence - 10000
    message = _messages(counterclaim.response.claim, "possession_hwf_part").get()
    assert message.personalisation["remitted"] == "£100.00"


@pytest.mark.parametrize("outcome", [HwfOutcome.NONE, HwfOutcome.INVALID])
def test_no_remission_or_an_invalid_reference_leaves_the_whole_fee(staff_client, outcome):
    counterclaim = counterclaim_for_review()
    staff_client.post(_url(counterclaim, "hwf-decide"), {"outcome": outcome})
    counterclaim.refresh_from_db()
    assert counterclaim.status == CC.PENDING_ISSUE
    assert counterclaim.hwf_amount_to_pay_pence == counterclaim.fee_pence
    assert _messages(counterclaim.response.claim, f"possession_hwf_{outcome}").count() == 1


def test_more_information_waits_for_it_and_is_then_decided_again(staff_client):
    counterclaim = counterclaim_for_review()
    # Issuing waits for the Help with Fees decision: the refusal is on the form.
    refused = staff_client.post(_url(counterclaim, "issue"), {})
    assert refused.status_code == 200
    assert "Decide the Help with Fees reference first" in _text(refused)
    bad = staff_client.post(_url(counterclaim, "hwf-decide"), {"outcome": "more_info"})
    assert "Say what information the claimant needs to send" in _text(bad)
    staff_client.post(
        _url(counterclaim, "hwf-decide"), {"outcome": "more_info", "note": "Send 3 payslips"}
    )
    counterclaim.refresh_from_db()
    # Waiting for the information, or for the fee by card (the message offers both).
    assert (counterclaim.status, counterclaim.hwf_note) == (CC.PENDING_ISSUE, "Send 3 payslips")
    assert _messages(counterclaim.response.claim, "possession_hwf_more_info").count() == 1
    queue = _text(
        staff_client.get(
            reverse("admin:civil_claims_possessioncounterclaim_changelist") + "?queue=more-info"
        )
    )
    assert counterclaim.response.claim.reference_display in queue
    staff_client.post(_url(counterclaim, "hwf-decide"), {"outcome": "full"})  # payslips came
    counterclaim.refresh_from_db()
    assert (counterclaim.status, counterclaim.hwf_outcome) == (CC.PENDING_REVIEW, HwfOutcome.FULL)
    staff_client.post(_url(counterclaim, "issue"), {})
    counterclaim.refresh_from_db()
    assert counterclaim.status == CC.ISSUED


def test_a_counterclaim_paid_by_card_is_issued_without_a_fee_decision(staff_client):
    counterclaim = counterclaim_paid()
    page = _text(staff_client.get(_url(counterclaim, "change")))
    assert "Issue the counterclaim" in page and "Decide Help with Fees" not in page
    refused = staff_client.post(_url(counterclaim, "hwf-decide"), {"outcome": "full"})
    assert refused.status_code == 302  # back to the page with the reason: no reference
    counterclaim.refresh_from_db()
    assert counterclaim.hwf_outcome == ""
    staff_client.post(_url(counterclaim, "issue"), {})
    counterclaim.refresh_from_db()
    assert counterclaim.status == CC.ISSUED


def test_returning_a_counterclaim_needs_a_reason_and_tells_both_parties(staff_client, caseworker):
    counterclaim = counterclaim_for_review()
    claim = counterclaim.response.claim
    bad = staff_client.post(_url(counterclaim, "return"), {"reason": ""})
    assert "Enter why the counterclaim is being returned" in _text(bad)
    staff_client.post(_url(counterclaim, "return"), {"reason": "It is not signed"})
    counterclaim.refresh_from_db()
    assert counterclaim.status == CC.RETURNED and counterclaim.returned_by == caseworker
    assert counterclaim.return_reason == "It is not signed"
    messages = _messages(claim, "possession_counterclaim_returned")
    assert {m.channel for m in messages} == {"email", "letter"}
    assert all(m.personalisation["reason"] == "It is not signed" for m in messages)
    # Nothing more can be done with a returned counterclaim.
    assert staff_client.post(_url(counterclaim, "issue"), {}).status_code == 302
    counterclaim.refresh_from_db()
    assert counterclaim.status == CC.RETURNED


# General applications ----------------------------------------------------------------


def test_granting_an_adjournment_adjourns_the_listed_hearing(staff_client, caseworker):
    application = application_to_decide()
    claim = application.claim
    assert application.status == ApplicationStatus.ISSUED
    bad = staff_client.post(_url(application, "decide"), {"decision": "grant", "reason": ""})
    assert bad.status_code == 200 and "Enter the reasons for the decision" in _text(bad)
    assert 'value="grant"' in bad.content.decode()
    done = staff_client.post(
        _url(application, "decide"), {"decision": "grant", "reason": "Legal aid is pending"}
    )
    assert done.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.GRANTED
    assert (application.decided_by, application.decision_reason) == (
        caseworker,
        "Legal aid is pending",
    )
    claim.refresh_from_db()
    assert claim.status == PossessionStatus.HEARING_ADJOURNED
    assert claim.hearings.get().status == HearingStatus.ADJOURNED
    assert _messages(claim, "possession_hearing_adjourned").count() == 2
    assert {m.channel for m in _messages(claim, "possession_application_granted")} == {
        "email",
        "letter",
    }
    assert AuditEvent.objects.filter(
        action="possession_claim.application_decided", object_id=str(application.pk)
    ).exists()


def test_an_adjournment_cannot_be_granted_without_a_listed_hearing(staff_client):
    application = application_to_decide()
    application.claim.hearings.update(status=HearingStatus.CANCELLED)
    refused = staff_client.post(
        _url(application, "decide"), {"decision": "grant", "reason": "Fine"}
    )
    assert refused.status_code == 200
    assert "There is no hearing listed to adjourn" in _text(refused)
    assert "Fine" in refused.content.decode()  # the reasons typed are kept
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ISSUED


@pytest.mark.parametrize(
    "decision,status,template",
    [
        ("refuse", ApplicationStatus.REFUSED, "possession_application_refused"),
        ("list", ApplicationStatus.LISTED, "possession_application_listed"),
    ],
)
def test_refusing_or_listing_an_application_tells_every_party(
    staff_client, decision, status, template
):
    application = application_to_decide(kind=ApplicationKind.SET_ASIDE)
    staff_client.post(_url(application, "decide"), {"decision": decision, "reason": "Reasons"})
    application.refresh_from_db()
    assert application.status == status
    assert application.claim.hearings.get().status == HearingStatus.LISTED  # not adjourned
    messages = _messages(application.claim, template)
    assert {m.channel for m in messages} == {"email", "letter"}
    assert messages.first().personalisation["application"].startswith("Set aside")


def test_an_application_listed_for_a_hearing_is_then_granted_or_refused(staff_client):
    application = application_to_decide(kind=ApplicationKind.OTHER)
    staff_client.post(_url(application, "decide"), {"decision": "list", "reason": "For a judge"})
    again = staff_client.post(_url(application, "decide"), {"decision": "list", "reason": "x"})
    assert again.status_code == 302  # refused: back to the page with the reason
    application.refresh_from_db()
    assert application.status == ApplicationStatus.LISTED
    staff_client.post(_url(application, "decide"), {"decision": "refuse", "reason": "No merit"})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REFUSED
    page = _text(staff_client.get(_url(application, "change")))
    assert "No merit" in page and "Decide the application" not in page


def test_the_queue_lists_applications_to_decide_oldest_first_with_when_each_is_due(
    staff_client,
):
    with time_machine.travel("2026-11-20 10:00 +0000", tick=False):
        older = application_to_decide(kind=ApplicationKind.OTHER)
    newer = application_to_decide(days_away=20)  # the hearing on 21 December
    decided = application_to_decide(kind=ApplicationKind.OTHER)
    staff_client.post(_url(decided, "decide"), {"decision": "refuse", "reason": "No"})
    page = staff_client.get(
        reverse("admin:civil_claims_possessionapplication_changelist") + "?queue=decide"
    )
    text = _text(page)
    assert older.claim.reference_display in text and newer.claim.reference_display in text
    assert decided.claim.reference_display not in text
    assert text.index(older.claim.reference_display) < text.index(newer.claim.reference_display)
    # 10 working days after 20 November: 4 December; the newer one by 15 December (10
    # working days after 1 December), sooner than the working day before its hearing.
    assert "4 December 2026" in text and "15 December 2026" in text


def test_an_adjournment_is_due_the_working_day_before_its_hearing_when_that_is_sooner():
    from civil_claims.services.possession_decisions import application_due_on

    application = application_to_decide(days_away=13)  # a Monday, 14 December: not free
    application.refresh_from_db()
    assert application_due_on(application) == dt.date(2026, 12, 11)  # the Friday before


def test_citizens_cannot_open_the_decision_pages(client):
    from tests.accounts.factories import UserFactory

    application = application_to_decide()
    sign_in(client, UserFactory())
    response = client.get(_url(application, "decide"))
    assert response.status_code in (302, 403)
    assert "Decide the application" not in _text(response)


def test_the_case_page_gives_the_next_step_and_links_each_decision(staff_client):
    application = application_to_decide()
    claim = application.claim
    counterclaim_for_review()  # another claim's: not counted here
    page = _text(
        staff_client.get(reverse("admin:civil_claims_possessionclaim_change", args=[claim.pk]))
    )
    assert "Applications to decide: 1." in page and "Hearing listed:" in page
    assert (
        _url(application, "change")
        in staff_client.get(
            reverse("admin:civil_claims_possessionclaim_change", args=[claim.pk])
        ).content.decode()
    )
    issued = possession_claim_issued()
    page = _text(
        staff_client.get(reverse("admin:civil_claims_possessionclaim_change", args=[issued.pk]))
    )
    assert "Next: list a hearing." in page
