"""The example service's one journey: a name and an activity, check, send."""

from __future__ import annotations

from django import forms
from django.core import signing
from django.urls import reverse

from digital_services.journeys.definitions import Journey, Step, journey_register

from . import services
from .constants import SERVICE_SLUG

CONFIRMATION_SALT = "example_service.confirmation"
CONFIRMATION_MAX_AGE_SECONDS = 24 * 60 * 60


class NameForm(forms.Form):
    full_name = forms.CharField(
        label="Your full name", max_length=100, error_messages={"required": "Enter your full name"}
    )


class ActivityForm(forms.Form):
    activity = forms.CharField(
        label="What do you want a licence for?",
        max_length=200,
        error_messages={"required": "Enter what you want a licence for"},
    )


def confirmation_token(reference: str) -> str:
    return signing.dumps(reference, salt=CONFIRMATION_SALT)


def confirmation_reference(token: str) -> str | None:
    """The reference a confirmation token was made for, or None (forged or too old)."""
    try:
        return signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None


def apply_submit(*, answers, user, channel, assisted_session, language) -> str:
    application = services.licence_application_submit(
        user=user,
        full_name=answers["name"]["full_name"],
        activity=answers["activity"]["activity"],
    )
    return reverse("example_service:confirmation", args=[confirmation_token(application.reference)])


APPLY = journey_register(
    Journey(
        service=SERVICE_SLUG,
        slug="apply",
        title="Apply for an example licence",
        submit=apply_submit,
        url_namespace="example_service",
        steps=(
            Step(slug="name", title="What is your name?", form_class=NameForm),
            Step(slug="activity", title="What is the licence for?", form_class=ActivityForm),
        ),
    )
)
