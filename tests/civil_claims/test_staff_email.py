"""The court staff's mailbox is emailed when a claim is issued (paid or remitted by Help with
Fees), through the outbox, with a link to the case page and no personal data."""

import pytest
import time_machine
from django.urls import reverse

from civil_claims.constants import HwfOutcome
from civil_claims.services import claim_hwf_decide
from digital_services.notifications.models import OutboundMessage

from .factories import claim_issued, claim_submitted

pytestmark = pytest.mark.django_db

MAILBOX = "money-claims-staff@justice.example"
TEMPLATE = "civil_claims.staff_claim_issued"


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        yield


def test_an_issued_claim_is_emailed_to_the_staff_mailbox(settings):
    settings.CIVIL_CLAIMS_STAFF_MAILBOX = MAILBOX
    claim = claim_issued()
    message = OutboundMessage.objects.get(template_key=TEMPLATE)
    assert (message.channel, message.recipient, message.object_id) == (
        "email",
        MAILBOX,
        str(claim.pk),
    )
    values = message.personalisation
    assert values["claim_number"] == claim.claim_number
    assert values["issue_date"] == "1 December 2026"
    assert values["response_deadline"] == "21 December 2026"
    case_path = reverse("admin:civil_claims_claim_change", args=[claim.pk])
    assert values["case_url"] == f"http://testserver{case_path}"
    # Nothing personal: neither party's name, address or email.
    text = " ".join(values.values())
    for personal in ("Alex", "Claimant", "Bodge", "High Street", "alex@example.com", "LS1"):
        assert personal not in text


def test_no_staff_email_without_a_mailbox(settings):
    settings.CIVIL_CLAIMS_STAFF_MAILBOX = ""
    claim_issued()
    assert not OutboundMessage.objects.filter(template_key=TEMPLATE).exists()


def test_a_claim_issued_by_help_with_fees_says_so(settings, caseworker):
    settings.CIVIL_CLAIMS_STAFF_MAILBOX = MAILBOX
    claim = claim_submitted(hwf_reference="HWF-A1B-2C3")
    assert not OutboundMessage.objects.filter(template_key=TEMPLATE).exists()
    claim_hwf_decide(claim=claim, outcome=HwfOutcome.FULL, actor=caseworker)
    message = OutboundMessage.objects.get(template_key=TEMPLATE)
    assert message.personalisation["how_paid"] == "fee remitted in full by Help with Fees"
