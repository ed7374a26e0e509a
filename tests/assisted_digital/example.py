"""An example service with one short journey, for these tests only (never shipped as pages).

Its submit sends the applicant a confirmation through ``citizen_notification_send``,
as a real service would, so the tests can see an email or a letter being queued.
"""

from django import forms

from digital_services.accounts.citizens import citizen_notification_send
from digital_services.journeys.definitions import Journey, Step, journey_register

SERVICE = "ad-example"
NAMESPACE = "ad_example"
CONFIRMATION_TEMPLATE = "ad_example.confirmation"
DONE_URL = "/ad-example/done/"


class NameForm(forms.Form):
    full_name = forms.CharField(label="Full name", error_messages={"required": "Enter your name"})


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Why are you applying?", error_messages={"required": "Enter why"}
    )


class Calls:
    """What submit was called with, one entry per call."""

    calls: list[dict] = []


def apply_submit(*, answers, user, channel, assisted_session, language):
    Calls.calls.append({"user": user, "channel": channel, "assisted_session": assisted_session})
    if user is not None:
        citizen_notification_send(
            citizen=user,
            template=CONFIRMATION_TEMPLATE,
            personalisation={"name": answers.value("name", "full_name")},
            service=SERVICE,
        )
    return DONE_URL


APPLY = journey_register(
    Journey(
        service=SERVICE,
        slug="apply",
        title="Apply for an example thing",
        submit=apply_submit,
        url_namespace=NAMESPACE,
        declaration="I confirm that the information I have given is correct.",
        steps=[
            Step(slug="name", title="What is your name?", form_class=NameForm),
            Step(slug="reason", title="Why are you applying?", form_class=ReasonForm),
        ],
    )
)
