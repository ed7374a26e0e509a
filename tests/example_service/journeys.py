"""The example service's one journey: a name and an activity, check, send."""

from __future__ import annotations

from django import forms
from django.urls import reverse

from digital_services.core.grants import grant_issue, grant_read
from digital_services.journeys.definitions import Journey, Step, journey_register

from . import services
from .constants import SERVICE_SLUG

#: The platform grant's scope for an application (digital_services/core/grants.py).
GRANT_SCOPE = "example_service.application"


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
    """The platform grant for the application just sent, in its confirmation URL."""
    return grant_issue(scope=GRANT_SCOPE, reference=reference)


def confirmation_reference(token: str) -> str | None:
    """The reference a confirmation token grants, or None (changed, too old, another scope)."""
    grant = grant_read(token, scope=GRANT_SCOPE)
    return grant.reference if grant is not None else None


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
