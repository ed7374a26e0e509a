"""The linked defendant chooses how we contact them about the claim (email, text message or
post, through the platform's contact form); reminders and messages then go that way."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from civil_claims.constants import ContactChannel
from civil_claims.services.defendant import claim_response_reminder_send
from digital_services.audit.models import AuditEvent
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in

from .factories_defendant import claim_linked_to, messages_about

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(client):
    with time_machine.travel("2026-11-25 10:00 +0000", tick=False):
        user = UserFactory()
        claim = claim_linked_to(user)
    sign_in(client, user)
    return claim


def _url(claim):
    return reverse("civil_claims:respond-contact", args=[claim.reference])


def test_the_page_starts_with_the_route_the_claim_has(client, linked):
    body = client.get(_url(linked)).content.decode()
    assert "How should we contact you about this claim?" in body
    assert 'value="post"' in body and "checked" in body
    assert 'value="2 Low Road"' in body and 'value="CF10 1AA"' in body
    page = client.get(reverse("civil_claims:respond-claim", args=[linked.reference]))
    assert "By a letter to Bodge Builders Ltd, 2 Low Road, Cardiff, CF10 1AA" in (
        page.content.decode()
    )


def test_choosing_email_changes_the_route_audits_and_reminders_follow_it(client, linked):
    response = client.post(_url(linked), {"contact": "email", "email": "dee@example.com"})
    assert response["Location"] == reverse("civil_claims:respond-claim", args=[linked.reference])
    party = linked.defendant
    party.refresh_from_db()
    assert (party.contact_channel, party.email) == (ContactChannel.EMAIL, "dee@example.com")
    event = AuditEvent.objects.get(action="claim.contact_changed", object_id=str(linked.pk))
    assert event.detail["party"] == "defendant"
    changed = [
        m for m in messages_about(linked) if m.template_key.endswith("contact_details_changed")
    ]
    assert [(m.channel, m.recipient) for m in changed] == [("email", "dee@example.com")]

    assert (
        claim_response_reminder_send(claim_id=linked.pk, now=_at("2026-12-09 08:05 +0000"))
        == "first"
    )
    reminder = list(messages_about(linked))[-1]
    assert (reminder.channel, reminder.recipient) == ("email", "dee@example.com")


def _at(moment: str) -> dt.datetime:
    return dt.datetime.fromisoformat(moment.replace(" +0000", "+00:00"))


def test_post_to_another_address_becomes_the_address_for_letters(client, linked):
    response = client.post(
        _url(linked),
        {
            "contact": "post",
            "address_line_1": "Flat 3, 9 New Street",
            "address_town": "Swansea",
            "address_postcode": "SA1 1AA",
        },
    )
    assert response.status_code == 302
    party = linked.defendant
    party.refresh_from_db()
    assert party.contact_channel == ContactChannel.LETTER
    assert party.postal_lines == ["Flat 3, 9 New Street", "Swansea", "SA1 1AA"]


def test_mistakes_get_errors_and_keep_what_was_typed(client, linked):
    empty = client.post(_url(linked), {})
    assert "<title>Error: " in empty.content.decode()
    assert "Select how we should contact you about this claim" in empty.content.decode()
    bad = client.post(_url(linked), {"contact": "sms", "mobile": "01632 960 001"})
    body = bad.content.decode()
    assert "We cannot send text messages to a landline" in body
    assert 'value="01632 960 001"' in body
    linked.defendant.refresh_from_db()
    assert linked.defendant.contact_channel == ContactChannel.LETTER
