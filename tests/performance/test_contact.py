"""The contact form on the feedback page (issue #12 point 22): what it is about, the service,
a reference, the message and an optional email; kept for staff in the admin; rate limited."""

import pytest
from django.test import Client
from django.urls import reverse

from digital_services.performance.models import ContactMessage
from tests.accounts.factories import StaffUserFactory
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

CONTACT = "/feedback/contact/"


def test_the_feedback_page_links_to_the_contact_form(client):
    page = client.get("/feedback/?from=/prison-visits/").content.decode()

    assert 'href="/feedback/contact/?from=%2Fprison-visits%2F"' in page


def test_the_contact_form_starts_with_the_service_of_the_page_the_link_was_on(client):
    page = client.get(CONTACT + "?from=/prison-visits/").content.decode()

    assert '<option value="prison-visits" selected>' in page


def test_a_message_is_saved_with_everything_given(client):
    response = client.post(
        CONTACT,
        {
            "topic": "application",
            "service": "prison-visits",
            "reference": " g0q yeq  p3x ",
            "message": "When will I hear?\r\nThanks",
            "email": "sam@example.com",
            "from": "/prison-visits/",
        },
    )

    assert response.url == CONTACT + "sent/"
    saved = ContactMessage.objects.get()
    assert (saved.topic, saved.service, saved.reference, saved.email, saved.page) == (
        "application",
        "prison-visits",
        "g0q yeq p3x",
        "sam@example.com",
        "/prison-visits/",
    )
    assert saved.message == "When will I hear?\nThanks"
    assert (
        "We will reply to the email address you gave" in client.get(response.url).content.decode()
    )


def test_each_mistake_is_an_error_and_nothing_typed_is_lost(client):
    response = client.post(
        CONTACT, {"service": "prison-visits", "reference": "ABC", "email": "not-an-email"}
    )
    page = response.content.decode()

    assert response.status_code == 200
    assert "Select what your message is about" in page
    assert "Enter your message" in page
    assert "Enter an email address in the correct format" in page
    assert 'value="ABC"' in page and 'value="not-an-email"' in page
    assert not ContactMessage.objects.exists()


def test_a_message_without_email_says_we_cannot_reply(client):
    response = client.post(CONTACT, {"topic": "other", "message": "Nice service"})

    assert "we cannot reply" in client.get(response.url).content.decode()
    assert ContactMessage.objects.get().email == ""


def test_the_form_is_rate_limited_and_keeps_the_message(settings):
    settings.PERFORMANCE_FEEDBACK_RATE_LIMIT = "2/h"
    client = Client(REMOTE_ADDR="192.0.2.7")
    for _ in range(2):
        client.post(CONTACT, {"topic": "other", "message": "Hello"})

    refused = client.post(CONTACT, {"topic": "other", "message": "Third"})

    assert refused.status_code == 429
    assert "You have sent too many messages" in refused.content.decode()
    assert "Third" in refused.content.decode()
    assert ContactMessage.objects.count() == 2


def test_staff_read_the_messages_in_the_admin(client):
    ContactMessage.objects.create(topic="problem", message="The calendar is broken", email="a@b.c")
    admin = StaffUserFactory(is_superuser=True)
    sign_in(client, admin, second_factor=True)

    page = client.get(reverse("admin:performance_contactmessage_changelist"))

    assert page.status_code == 200
    assert "The calendar is broken" in page.content.decode()
