import secrets

from django import forms
from django.urls import reverse

from digital_services.journeys.definitions import Journey, Step, journey_register
from digital_services.notifications.services import notification_send

from .models import Application

REFERENCE_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY3469"


class NameForm(forms.Form):
    full_name = forms.CharField(
        label="Full name", max_length=100, error_messages={"required": "Enter your full name"}
    )


class EmailForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )


def application_submit(*, answers, user, channel, assisted_session, language) -> str:
    """Save the application and queue its confirmation email, in the caller's transaction."""
    reference = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(10))
    application = Application.objects.create(
        reference=reference,
        full_name=answers.value("name", "full_name"),
        email=answers.value("email", "email"),
    )
    notification_send(
        template="fault_example.application_received",
        to=application.email,
        personalisation={"full_name": application.full_name, "reference": reference},
        language=language,
        about=application,
        service="fault-example",
    )
    return reverse("fault_example:done", kwargs={"reference": reference})


APPLY = journey_register(
    Journey(
        service="fault-example",
        slug="apply",
        title="Apply for a fault test",
        submit=application_submit,
        url_namespace="fault_example",
        steps=[
            Step(slug="name", title="What is your name?", form_class=NameForm),
            Step(slug="email", title="What is your email address?", form_class=EmailForm),
        ],
    )
)
