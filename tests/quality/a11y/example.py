"""A test-only service with one journey, so the quality tests have a journey to walk
before the real services declare theirs (they are then walked too, automatically).

It is shaped like a real service: a start page and a confirmation page that extend
base.html, a step only its example in tests/quality/examples.py can answer (a prison
number in a set format),
a repeating step whose example depends on an earlier answer, a yes/no question with a
follow-up that made-up data answers, and an optional field. The journeys helper's own
example journeys (tests/journeys/example.py: a linear one and a task list) are routed
here too, with real start and confirmation pages.
"""

from __future__ import annotations

from django import forms
from django.http import HttpResponse
from django.template import engines
from django.urls import path, reverse
from django.utils import timezone

from digital_services.journeys.definitions import Journey, RepeatingStep, Step
from digital_services.journeys.urls import journey_urlpatterns
from tests.journeys import example as journeys_example

SERVICE = "quality-example"
NAMESPACE = "quality_example"

_PAGE = """{% extends "base.html" %}
{% block title %}{{ page_title }}{% endblock %}
{% block content %}<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
{% if confirmation %}
<div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">{{ page_title }}</h1>
<div class="govuk-panel__body">Your reference number<br><strong>QE12 34AB</strong></div></div>
<h2 class="govuk-heading-m">What happens next</h2>
<p class="govuk-body">We will email you within 3 working days.</p>
{% else %}
<h1 class="govuk-heading-xl">{{ page_title }}</h1>
<p class="govuk-body">Use this service to try the quality tests.</p>
<a href="{{ start_now_url }}" role="button" draggable="false" class="govuk-button govuk-button--start" data-module="govuk-button">Start now</a>
{% endif %}
</div></div>{% endblock %}"""


def _page(request, **context) -> HttpResponse:
    template = engines["django"].from_string(_PAGE)
    return HttpResponse(template.render(context, request))


class PrisonerForm(forms.Form):
    prisoner_number = forms.RegexField(
        label="Prison number",
        help_text="For example, A1234BC",
        regex=r"^[A-Z]\d{4}[A-Z]{2}$",
        max_length=7,
        error_messages={
            "required": "Enter the prison number",
            "invalid": "Enter a prison number in the correct format, like A1234BC",
        },
    )
    prisoner_date_of_birth = journeys_example.DateField(label="Prisoner’s date of birth")

    def clean_prisoner_number(self):
        value = self.cleaned_data["prisoner_number"]
        if value == "A1234BC":  # the format's example is not a real prisoner
            raise forms.ValidationError("Enter the prisoner’s own number, not the example")
        return value

    def clean_prisoner_date_of_birth(self):
        value = self.cleaned_data["prisoner_date_of_birth"]
        if value >= timezone.localdate():
            raise forms.ValidationError("The prisoner’s date of birth must be in the past")
        return value


class VisitorForm(forms.Form):
    visitor_name = forms.CharField(
        label="Visitor’s full name",
        max_length=100,
        error_messages={"required": "Enter the visitor’s full name"},
    )


class NeedsForm(forms.Form):
    needs_help = forms.ChoiceField(
        label="Do any visitors need help at the prison?",
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if any visitors need help"},
    )
    details = forms.CharField(
        label="What help do they need?",
        widget=forms.Textarea,
        required=False,
        max_length=500,
    )

    def clean(self):
        data = super().clean()
        if data.get("needs_help") == "yes" and not data.get("details"):
            self.add_error("details", "Enter the help they need")
        return data


class ContactForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    phone = forms.CharField(label="UK phone number (optional)", required=False, max_length=20)
    terms = forms.BooleanField(
        label="I agree to the visiting rules",
        error_messages={"required": "Select that you agree to the visiting rules"},
    )


def visit_submit(*, answers, user, channel, assisted_session, language):
    return reverse(f"{NAMESPACE}:done")


VISIT = Journey(
    service=SERVICE,
    slug="visit",
    title="Book an example visit",
    submit=visit_submit,
    url_namespace=NAMESPACE,
    declaration="I confirm that the information I have given is correct.",
    steps=[
        Step(
            slug="prisoner",
            title="Who are you visiting?",
            form_class=PrisonerForm,
        ),
        RepeatingStep(
            slug="visitors",
            title="Visitor details",
            form_class=VisitorForm,
            item_name="visitor",
            item_name_plural="visitors",
            min_items=1,
            max_items=3,
            item_title=lambda item: item["visitor_name"],
        ),
        Step(slug="needs", title="Do any visitors need help?", form_class=NeedsForm),
        Step(slug="contact", title="How can we contact you?", form_class=ContactForm),
    ],
)


def start(request):
    return _page(
        request,
        page_title="Book an example visit",
        start_now_url=reverse(f"{NAMESPACE}:visit-start"),
    )


def done(request):
    return _page(request, page_title="Visit request sent", confirmation=True)


def journeys_start(request):
    return _page(
        request,
        page_title="Example service",
        start_now_url=reverse(f"{journeys_example.NAMESPACE}:apply-start"),
    )


def journeys_done(request):
    return _page(request, page_title="Application sent", confirmation=True)


quality_patterns = [
    path("", start, name="start"),
    path("done/", done, name="done"),
    *journey_urlpatterns(VISIT),
]

journeys_example_patterns = [
    path("", journeys_start, name="start"),
    path("done/", journeys_done, name="done"),
    *journey_urlpatterns(journeys_example.APPLY),
    *journey_urlpatterns(journeys_example.LPA),
]
