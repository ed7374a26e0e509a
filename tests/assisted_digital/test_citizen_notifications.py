"""citizen_notification_send: the citizen's preferred way, or another we can use."""

import pytest

from digital_services.accounts.citizens import (
    CitizenUnreachable,
    case_owner_for_request,
    citizen_contact_get,
    citizen_notification_send,
)
from digital_services.accounts.models import CitizenProfile
from digital_services.notifications.registry import template_register, template_unregister
from tests.accounts.factories import UserFactory

from .example import CONFIRMATION_TEMPLATE
from .factories import CitizenProfileFactory, CitizenWithoutEmailFactory

pytestmark = pytest.mark.django_db


def test_a_citizen_without_a_profile_gets_an_email(db):
    citizen = UserFactory(email="online@example.com")

    message = citizen_notification_send(
        citizen=citizen, template=CONFIRMATION_TEMPLATE, personalisation={"name": "A"}
    )

    assert (message.channel, message.recipient, message.language) == (
        "email",
        "online@example.com",
        "en",
    )


def test_a_citizen_without_email_gets_a_letter_in_welsh_if_they_asked(db):
    citizen = CitizenWithoutEmailFactory(full_name="Dafydd Jones")
    CitizenProfile.objects.filter(user=citizen).update(prefers_welsh=True)
    citizen.refresh_from_db()

    message = citizen_notification_send(
        citizen=citizen,
        template=CONFIRMATION_TEMPLATE,
        personalisation={"name": "Dafydd"},
        service="ad-example",
    )

    assert message.channel == "letter"
    assert message.language == "cy"
    assert message.recipient.splitlines()[0] == "Dafydd Jones"
    assert message.recipient.splitlines()[-1] == "CF10 1AA"
    assert message.service == "ad-example"


def test_a_citizen_who_wants_texts_gets_a_text(db):
    citizen = UserFactory()
    CitizenProfileFactory(user=citizen, preferred_contact="sms", phone="07700900555")

    message = citizen_notification_send(
        citizen=citizen, template=CONFIRMATION_TEMPLATE, personalisation={"name": "A"}
    )

    assert (message.channel, message.recipient) == ("sms", "07700900555")


def test_a_template_without_the_preferred_channel_falls_back_to_one_we_can_use(db):
    template_register(
        "ad_example.email_or_letter",
        subject="S",
        body="B ((name))",
        cy_subject="S",
        cy_body="B ((name))",
        personalisation=["name"],
        channels=["email", "letter"],
    )
    citizen = CitizenWithoutEmailFactory()
    CitizenProfile.objects.filter(user=citizen).update(preferred_contact="sms")
    citizen.refresh_from_db()
    try:
        assert citizen_contact_get(citizen=citizen, channels=["email", "letter"])[0] == "letter"
    finally:
        template_unregister("ad_example.email_or_letter")


def test_a_citizen_we_cannot_reach_on_any_channel_of_the_template_raises(db):
    citizen = CitizenWithoutEmailFactory()
    CitizenProfile.objects.filter(user=citizen).update(
        address_line_1="", town="", postcode="", phone=""
    )
    citizen.refresh_from_db()

    with pytest.raises(CitizenUnreachable):
        citizen_contact_get(citizen=citizen)


def test_the_placeholder_address_is_never_emailed(db):
    citizen = CitizenWithoutEmailFactory()

    with pytest.raises(CitizenUnreachable):
        citizen_contact_get(citizen=citizen, channels=["email"])


def test_case_owner_for_request_is_the_citizen_in_a_session_else_the_user(rf, jane, agent):
    from types import SimpleNamespace

    request = rf.get("/")
    request.user = agent
    request.assisted_session = None
    assert case_owner_for_request(request) == agent
    request.assisted_session = SimpleNamespace(citizen=jane)
    assert case_owner_for_request(request) == jane
    from django.contrib.auth.models import AnonymousUser

    anonymous = rf.get("/")
    anonymous.user = AnonymousUser()
    assert case_owner_for_request(anonymous) is None
