"""A small example journey for the tests only: it is never shipped as a page.

"apply" is linear: name, date of birth, whether there are children, the children
(asked only when there are), an amount of money and a visit date in the future.
"lpa" is a task list of three sections, the last one optional.
"""

import datetime as dt

from crispy_forms_gds.fields import DateInputField
from django import forms
from django.utils import timezone

from digital_services.core.money import PenceField
from digital_services.journeys.definitions import (
    Journey,
    RepeatingStep,
    Section,
    Step,
    journey_register,
)
from digital_services.journeys.exceptions import JourneySubmitError

SERVICE = "example"
NAMESPACE = "example"
CONFIRMATION_URL = "/example/done/"


class NameForm(forms.Form):
    full_name = forms.CharField(
        label="Full name", max_length=100, error_messages={"required": "Enter your full name"}
    )


class DateField(DateInputField):
    """crispy-forms-gds's date input lets ``OverflowError`` out for numbers too big for a
    date, and gives None for a required date typed as spaces: both were 500s here."""

    def compress(self, data_list):
        try:
            value = super().compress(data_list)
        except OverflowError:
            raise forms.ValidationError("Enter a real date", code="invalid") from None
        if value is None and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return value


class DateOfBirthForm(forms.Form):
    date_of_birth = DateField(label="Date of birth")

    def clean_date_of_birth(self):
        value = self.cleaned_data["date_of_birth"]
        if value >= timezone.localdate():
            raise forms.ValidationError("Date of birth must be in the past")
        return value


class ChildrenQuestionForm(forms.Form):
    has_children = forms.ChoiceField(
        label="Do you have children?",
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if you have children"},
    )


class ChildForm(forms.Form):
    name = forms.CharField(
        label="Child’s name", error_messages={"required": "Enter the child’s name"}
    )
    age = forms.IntegerField(
        label="Age", min_value=0, max_value=17, error_messages={"required": "Enter the child’s age"}
    )


class AmountForm(forms.Form):
    amount = PenceField(
        label="Amount you are claiming", error_messages={"required": "Enter the amount"}
    )
    interest_rate = forms.DecimalField(label="Interest rate", max_digits=5, decimal_places=2)


class VisitDateForm(forms.Form):
    visit_date = DateField(label="Visit date")

    def clean_visit_date(self):
        value = self.cleaned_data["visit_date"]
        if value <= timezone.localdate():
            raise forms.ValidationError("The visit date must be in the future")
        return value


class Submissions:
    """What the submit callable was called with, one entry per call."""

    calls: list[dict] = []


def apply_submit(*, answers, user, channel, assisted_session, language):
    Submissions.calls.append(
        {
            "answers": answers,
            "user": user,
            "channel": channel,
            "assisted_session": assisted_session,
            "language": language,
        }
    )
    if answers.value("name", "full_name") == "Refuse Me":
        raise JourneySubmitError("We cannot accept an application in this name", step="name")
    return CONFIRMATION_URL


APPLY = journey_register(
    Journey(
        service=SERVICE,
        slug="apply",
        title="Apply for an example",
        submit=apply_submit,
        url_namespace=NAMESPACE,
        declaration="I confirm that the information I have given is correct.",
        steps=[
            Step(slug="name", title="What is your name?", form_class=NameForm),
            Step(
                slug="date-of-birth",
                title="What is your date of birth?",
                form_class=DateOfBirthForm,
            ),
            Step(
                slug="has-children", title="Do you have children?", form_class=ChildrenQuestionForm
            ),
            RepeatingStep(
                slug="children",
                title="Child’s details",
                form_class=ChildForm,
                condition=lambda answers: answers.value("has-children", "has_children") == "yes",
                item_name="child",
                item_name_plural="children",
                min_items=1,
                max_items=2,
                item_title=lambda item: item["name"],
            ),
            Step(slug="amount", title="How much are you claiming?", form_class=AmountForm),
            Step(slug="visit-date", title="When do you want to visit?", form_class=VisitDateForm),
        ],
    )
)


class DonorForm(forms.Form):
    donor_name = forms.CharField(
        label="Donor’s full name", error_messages={"required": "Enter the donor’s full name"}
    )


class AttorneyForm(forms.Form):
    attorney_name = forms.CharField(
        label="Attorney’s full name", error_messages={"required": "Enter the attorney’s full name"}
    )


class PreferencesForm(forms.Form):
    preferences = forms.CharField(label="Preferences", widget=forms.Textarea, required=False)


def lpa_submit(*, answers, user, channel, assisted_session, language):
    Submissions.calls.append({"answers": answers, "user": user, "channel": channel})
    return CONFIRMATION_URL


LPA = journey_register(
    Journey(
        service=SERVICE,
        slug="lpa",
        title="Make an example power",
        submit=lpa_submit,
        url_namespace=NAMESPACE,
        sections=[
            Section(
                slug="donor",
                title="Donor details",
                steps=[Step(slug="donor", title="Who is the donor?", form_class=DonorForm)],
            ),
            Section(
                slug="attorneys",
                title="Attorneys",
                steps=[
                    RepeatingStep(
                        slug="attorneys",
                        title="Attorney details",
                        form_class=AttorneyForm,
                        item_name="attorney",
                        item_name_plural="attorneys",
                        min_items=1,
                        max_items=2,
                    )
                ],
            ),
            Section(
                slug="extras",
                title="Preferences",
                required=False,
                steps=[Step(slug="preferences", title="Preferences", form_class=PreferencesForm)],
            ),
        ],
    )
)


def future(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)
