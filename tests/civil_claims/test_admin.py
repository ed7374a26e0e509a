"""The caseworkers' pages: queues, the case page, each action through its service, refusals,
other staff kept out, and the CSV export in its documented layout."""

import csv
import io

import pytest
import time_machine
from django.urls import reverse

from civil_claims.admin.export import EXPORT_COLUMNS
from civil_claims.constants import ClaimStatus, CorrespondenceStatus, HwfOutcome
from civil_claims.models import AccessCode, CaseNote, Claim, PaperCorrespondence
from civil_claims.services import claim_stay
from digital_services.accounts.constants import CASEWORKER_ROLES
from digital_services.accounts.services import user_role_add
from digital_services.audit.models import AuditEvent
from digital_services.notifications.models import OutboundMessage
from tests.accounts.factories import StaffWithTotpFactory
from tests.conftest import sign_in

from .factories import claim_issued, claim_submitted, defendant_draft

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        yield


@pytest.fixture
def staff_client(client, caseworker):
    sign_in(client, caseworker, second_factor=True)
    return client


def _action(claim, slug):
    return reverse(f"admin:civil_claims_claim_{slug.replace('-', '_')}", args=[claim.pk])


def _change(claim):
    return reverse("admin:civil_claims_claim_change", args=[claim.pk])


@pytest.mark.parametrize("queue", ["", "?queue=hwf", "?queue=issued_today", "?queue=stayed"])
def test_caseworker_sees_each_queue(staff_client, queue):
    hwf = claim_submitted(hwf_reference="HWF-A1B-2C3")
    issued = claim_issued()
    page = staff_client.get(reverse("admin:civil_claims_claim_changelist") + queue)
    assert page.status_code == 200
    text = page.content.decode()
    if queue == "?queue=hwf":
        assert hwf.reference_display in text and issued.claim_number not in text
    if queue == "?queue=issued_today":
        assert issued.claim_number in text and hwf.reference_display not in text


def test_search_finds_a_claim_by_its_number_however_typed(staff_client):
    claim = claim_issued()
    other = claim_issued()
    typed = f"{claim.claim_number[:3].lower()} mc {claim.claim_number[5:]}"
    page = staff_client.get(reverse("admin:civil_claims_claim_changelist"), {"q": typed})
    assert claim.claim_number in page.content.decode()
    assert other.claim_number not in page.content.decode()


def test_case_page_shows_the_whole_case(staff_client):
    claim = claim_issued(defendant=defendant_draft(email="d@example.com"))
    text = staff_client.get(_change(claim)).content.decode()
    for expected in (
        claim.claim_number,
        "Bodge Builders Ltd",
        "Unpaid invoice 1041",
        "183 days",
        "£80.00",
        "Agreed the repair",
        "claim_issued_defendant",
        "claim.issued",
        "New access code",
    ):
        assert expected in text, expected


def test_the_list_reads_no_party_and_the_case_page_reads_them_once(staff_client):
    """The list shows no party, so it reads none (prefetched for every list page, they were a
    query and two rows a claim it never drew); the case page still reads them, in one query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from civil_claims.models import Party

    claims = [claim_issued(), claim_issued()]
    parties = Party._meta.db_table
    with CaptureQueriesContext(connection) as listed:
        page = staff_client.get(reverse("admin:civil_claims_claim_changelist"))
    assert all(claim.claim_number in page.content.decode() for claim in claims)
    assert not [q for q in listed.captured_queries if f'FROM "{parties}"' in q["sql"]]

    with CaptureQueriesContext(connection) as opened:
        page = staff_client.get(_change(claims[0]))
    assert "Bodge Builders Ltd" in page.content.decode()  # the defendant, a party
    assert len([q for q in opened.captured_queries if f'FROM "{parties}"' in q["sql"]]) == 1


def test_other_staff_cannot_open_claims(client):
    other = StaffWithTotpFactory()
    user_role_add(user=other, role=CASEWORKER_ROLES["tribunal_fees"])
    sign_in(client, other, second_factor=True)
    claim = claim_issued()
    assert client.get(reverse("admin:civil_claims_claim_changelist")).status_code == 403
    assert client.get(_action(claim, "stay")).status_code == 403
    assert client.post(_action(claim, "stay"), {"reason": "x"}).status_code == 403
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.OPEN


@pytest.mark.parametrize(
    ("outcome", "data", "status", "template"),
    [
        (HwfOutcome.FULL, {}, ClaimStatus.OPEN, "civil_claims.hwf_full"),
        (
            HwfOutcome.PART,
            {"remitted_pence": "50.00"},
            ClaimStatus.HWF_AWAITING_CLAIMANT,
            "civil_claims.hwf_part",
        ),
        (HwfOutcome.NONE, {}, ClaimStatus.HWF_AWAITING_CLAIMANT, "civil_claims.hwf_none"),
        (
            HwfOutcome.MORE_INFO,
            {"note": "Send your benefit letter"},
            ClaimStatus.HWF_AWAITING_CLAIMANT,
            "civil_claims.hwf_more_info",
        ),
        (HwfOutcome.INVALID, {}, ClaimStatus.HWF_AWAITING_CLAIMANT, "civil_claims.hwf_invalid"),
    ],
)
def test_help_with_fees_decisions_each_send_their_message(
    staff_client, caseworker, outcome, data, status, template
):
    claim = claim_submitted(hwf_reference="HWF-A1B-2C3")
    response = staff_client.post(_action(claim, "hwf-decide"), {"outcome": outcome, **data})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == status
    assert claim.hwf_outcome == outcome
    assert claim.hwf_decided_by == caseworker
    keys = list(
        OutboundMessage.objects.filter(object_id=str(claim.pk)).values_list(
            "template_key", flat=True
        )
    )
    assert template in keys
    if outcome == HwfOutcome.FULL:
        assert claim.claim_number and claim.hwf_amount_to_pay_pence == 0
        assert "civil_claims.claim_issued_defendant" in keys
    if outcome == HwfOutcome.PART:
        assert claim.hwf_amount_to_pay_pence == claim.fee_pence - 5000
        message = OutboundMessage.objects.get(object_id=str(claim.pk), template_key=template)
        assert message.personalisation["amount_to_pay"] == "£30.00"


def test_part_remission_without_an_amount_is_an_error_on_the_form(staff_client):
    claim = claim_submitted(hwf_reference="HWF-A1B-2C3")
    page = staff_client.post(_action(claim, "hwf-decide"), {"outcome": HwfOutcome.PART})
    assert page.status_code == 200
    assert "Enter the amount remitted" in page.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.HWF_PENDING


def test_access_code_reset_sends_a_new_letter(staff_client):
    claim = claim_issued()
    assert staff_client.post(_action(claim, "access-code-reset")).status_code == 302
    assert AccessCode.objects.filter(claim=claim, revoked_at__isnull=True).count() == 1
    assert AccessCode.objects.filter(claim=claim, revoked_at__isnull=False).count() == 1
    assert OutboundMessage.objects.filter(
        object_id=str(claim.pk), template_key="civil_claims.access_code_new", channel="letter"
    ).exists()


def test_change_the_defendants_contact_details(staff_client):
    claim = claim_issued()
    page = staff_client.get(_action(claim, "contact-defendant"))
    assert "2 Low Road" in page.content.decode()  # starts from what is on the claim
    data = {
        "address_line_1": "9 New Street",
        "address_town": "Newport",
        "address_postcode": "NP20 1AA",
        "email": "new@example.com",
        "contact_channel": "email",
    }
    assert staff_client.post(_action(claim, "contact-defendant"), data).status_code == 302
    defendant = claim.party("defendant")
    defendant.refresh_from_db()
    assert (defendant.address_line_1, defendant.email) == ("9 New Street", "new@example.com")
    event = AuditEvent.objects.get(object_id=str(claim.pk), action="claim.contact_changed")
    assert "9 New Street" not in str(event.detail)
    assert OutboundMessage.objects.filter(
        template_key="civil_claims.contact_details_changed", recipient="new@example.com"
    ).exists()


def test_email_route_without_an_email_is_refused_on_the_form(staff_client):
    claim = claim_issued()
    data = {
        "address_line_1": "9 New Street",
        "address_town": "Newport",
        "address_postcode": "NP20 1AA",
        "contact_channel": "email",
    }
    page = staff_client.post(_action(claim, "contact-defendant"), data)
    assert page.status_code == 200
    assert "Enter an email address" in page.content.decode()


def test_note_stay_lift_and_transfer(staff_client, caseworker):
    claim = claim_issued()
    staff_client.post(_action(claim, "note-add"), {"text": "Claimant phoned"})
    assert CaseNote.objects.get(claim=claim).text == "Claimant phoned"
    staff_client.post(_action(claim, "stay"), {"reason": "Breathing space"})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.STAYED
    staff_client.post(_action(claim, "stay-lift"))
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.OPEN
    staff_client.post(_action(claim, "transfer"), {"court": "Leeds County Court"})
    claim.refresh_from_db()
    assert (claim.status, claim.transfer_court, claim.transferred_by) == (
        ClaimStatus.TRANSFERRED,
        "Leeds County Court",
        caseworker,
    )


def test_a_refused_action_says_why_and_changes_nothing(staff_client):
    claim = claim_issued()
    response = staff_client.post(_action(claim, "stay-lift"), follow=True)
    assert "is not stayed" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.OPEN


def test_paper_correspondence_queue_and_review(staff_client, caseworker):
    claim = claim_issued()
    staff_client.post(
        _action(claim, "correspondence-record"),
        {"kind": "response_form", "received_on": "2026-12-01", "description": "Form N9"},
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.BUSINESS_QUEUE
    item = PaperCorrespondence.objects.get(claim=claim)
    queue = staff_client.get(
        reverse("admin:civil_claims_papercorrespondence_changelist"), follow=True
    )
    assert claim.claim_number in queue.content.decode()
    url = reverse("admin:civil_claims_papercorrespondence_review", args=[item.pk])
    assert staff_client.post(url).status_code == 302
    item.refresh_from_db()
    assert (item.status, item.reviewed_by) == (CorrespondenceStatus.REVIEWED, caseworker)


def test_csv_export_of_issued_claims_in_the_documented_layout(staff_client):
    issued = claim_issued(reason="=HYPERLINK(1)")
    not_issued = claim_submitted()
    claim_stay(claim=claim_issued(), actor=None, reason="x")
    response = staff_client.post(
        reverse("admin:civil_claims_claim_changelist"),
        {
            "action": "export_issued_csv",
            "_selected_action": [c.pk for c in Claim.objects.all()],
        },
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert tuple(rows[0]) == EXPORT_COLUMNS
    assert len(rows) == 3  # the two issued claims, not the one waiting for its fee
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["claim_number"] == issued.claim_number
    assert row["issue_date"] == "2026-12-01"
    assert row["amount_claimed"] == "1250.50"
    assert row["interest_to_issue"] == "50.16"
    assert row["interest_daily"] == "0.27"
    assert row["court_fee"] == "80.00"
    assert row["total_claimed"] == "1380.66"
    assert row["response_deadline"] == "2026-12-21"
    assert row["defendant_name"] == "Bodge Builders Ltd"
    assert not_issued.reference not in response.content.decode()
    assert AuditEvent.objects.filter(action="claim.exported").exists()


def test_export_needs_the_export_permission(client):
    other = StaffWithTotpFactory()
    user_role_add(user=other, role=CASEWORKER_ROLES["tribunal_fees"])
    sign_in(client, other, second_factor=True)
    claim_issued()
    response = client.post(
        reverse("admin:civil_claims_claim_changelist"),
        {
            "action": "export_issued_csv",
            "_selected_action": list(Claim.objects.values_list("pk", flat=True)),
        },
    )
    assert response.status_code == 403
