"""Forms for starting a session: channel, finding or creating the citizen, checks and consent."""

from __future__ import annotations

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.layout import Field, Fieldset, Fluid, Size
from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import validate_email
from django.utils import timezone

from digital_services.accounts.citizens import phone_normalise, postcode_normalise
from digital_services.accounts.models import CitizenProfile
from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.registry import services_list
from digital_services.notifications.addresses import address_fields_check

from .constants import (
    IDENTITY_CHECKS_REQUIRED,
    MIN_IDENTITY_CHECKS,
    Channel,
    ConsentMethod,
    IdentityCheck,
)
from .services import CitizenDetails, citizen_details_problems


def _date_field(label: str, *, required: bool, help_text: str = "") -> DateInputField:
    field = DateInputField(
        label=label, required=required, require_all_fields=False, help_text=help_text
    )
    field.error_messages["required"] = f"Enter their {label.lower()}"
    field.error_messages["invalid"] = f"{label} must be a real date"
    return field


def _clean_date(value, label: str):
    """DateInputField gives a date, or raises on a date that does not exist."""
    if value is None:
        return None
    if value > timezone.localdate():
        raise forms.ValidationError(f"{label} must be in the past")
    return value


class ChannelForm(forms.Form):
    channel = forms.ChoiceField(
        label="How are you helping them?",
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how you are helping them"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.radios("channel", legend_size=Size.LARGE, legend_tag="h1")]
        )


class SessionLanguageForm(forms.Form):
    language = forms.ChoiceField(
        label="Which language do they want to use?",
        help_text="The service’s pages show in this language while you help them, and what "
        "they send is in it: emails, texts, letters and documents.",
        choices=[("en", "English"), ("cy", "Cymraeg (Welsh)")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select which language they want to use"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.radios("language", legend_size=Size.LARGE, legend_tag="h1")]
        )


class CitizenSearchForm(forms.Form):
    """Two or more facts about the person; every one given must match exactly."""

    name = forms.CharField(label="Full name", required=False, max_length=200)
    date_of_birth = _date_field("Date of birth", required=False, help_text="For example, 27 3 1961")
    postcode = forms.CharField(label="Postcode", required=False, max_length=10)
    email = forms.CharField(label="Email address", required=False, max_length=254)
    phone = forms.CharField(label="Phone number", required=False, max_length=20)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date_of_birth"].error_messages["required"] = "Enter their date of birth"
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("name", field_width=Fluid.TWO_THIRDS),
                "date_of_birth",
                Field.text("postcode", field_width=10),
                Field.text("email", field_width=Fluid.TWO_THIRDS),
                Field.text("phone", field_width=20),
            ]
        )

    def clean_date_of_birth(self):
        return _clean_date(self.cleaned_data.get("date_of_birth"), "Date of birth")

    def clean_postcode(self):
        value = self.cleaned_data["postcode"].strip()
        if value and not postcode_normalise(value):
            raise forms.ValidationError("Enter a real UK postcode, like SW1A 1AA")
        return value

    def clean_email(self):
        value = self.cleaned_data["email"].strip()
        if value:
            try:
                validate_email(value)
            except forms.ValidationError:
                raise forms.ValidationError(
                    "Enter an email address in the correct format, like name@example.com"
                ) from None
        return value

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        if value and not 10 <= len(phone_normalise(value)) <= 13:
            raise forms.ValidationError("Enter a phone number, like 01632 960 001")
        return value

    def clean(self):
        data = super().clean()
        given = [
            bool(data.get("name", "").strip()),
            data.get("date_of_birth") is not None or "date_of_birth" in self.errors,
            bool(data.get("postcode")) or "postcode" in self.errors,
            bool(data.get("email")) or "email" in self.errors,
            bool(data.get("phone")) or "phone" in self.errors,
        ]
        if sum(given) < 2:
            self.add_error(
                "name", "Enter at least 2 of: full name, date of birth, postcode, email, phone"
            )
        return data

    def facts(self) -> dict:
        return {key: self.cleaned_data[key] for key in self.fields}

    def data_to_keep(self) -> dict:
        """What was typed, to rebuild this form from the server-side session (never a URL)."""
        prefixes = tuple(self.fields)
        return {key: self.data.get(key, "") for key in self.data if key.startswith(prefixes)}


class SelectCitizenForm(forms.Form):
    citizen = forms.IntegerField(widget=forms.HiddenInput)


class NewCitizenForm(forms.Form):
    """A record for someone we have not helped before (often someone without email)."""

    full_name = forms.CharField(
        label="Full name", max_length=200, error_messages={"required": "Enter their full name"}
    )
    date_of_birth = _date_field("Date of birth", required=True, help_text="For example, 27 3 1961")
    address_line_1 = forms.CharField(label="Address line 1", required=False, max_length=100)
    address_line_2 = forms.CharField(
        label="Address line 2 (optional)", required=False, max_length=100
    )
    town = forms.CharField(label="Town or city", required=False, max_length=100)
    county = forms.CharField(label="County (optional)", required=False, max_length=100)
    postcode = forms.CharField(label="Postcode", required=False, max_length=10)
    email = forms.CharField(
        label="Email address (optional)",
        required=False,
        max_length=254,
        help_text="Leave this empty if they do not have one.",
    )
    phone = forms.CharField(
        label="Phone number (optional)",
        required=False,
        max_length=20,
        help_text="Use a UK mobile number if they want text messages.",
    )
    preferred_contact = forms.ChoiceField(
        label="How do they want us to contact them?",
        choices=CitizenProfile.Contact.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how they want us to contact them"},
    )
    prefers_welsh = forms.BooleanField(
        label="They want letters and messages in Welsh", required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date_of_birth"].error_messages["required"] = "Enter their date of birth"
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("full_name", field_width=Fluid.TWO_THIRDS),
                "date_of_birth",
                Fieldset(
                    Field.text("address_line_1"),
                    Field.text("address_line_2"),
                    Field.text("town", field_width=Fluid.TWO_THIRDS),
                    Field.text("county", field_width=Fluid.TWO_THIRDS),
                    Field.text("postcode", field_width=10),
                    legend="Postal address",
                    legend_size=Size.MEDIUM,
                    legend_tag="h2",
                ),
                Field.text("email", field_width=Fluid.TWO_THIRDS),
                Field.text("phone", field_width=20),
                Field.radios("preferred_contact", legend_size=Size.MEDIUM, legend_tag="h2"),
                Field.checkbox("prefers_welsh"),
            ]
        )

    def clean_date_of_birth(self):
        return _clean_date(self.cleaned_data.get("date_of_birth"), "Date of birth")

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        details = self.details()
        for field, message in citizen_details_problems(details).items():
            self.add_error(field if field in self.fields else None, message)
        address_fields_check(self, data, ["address_line_1", "address_line_2", "town", "county"])
        return data

    def details(self) -> CitizenDetails:
        data = self.cleaned_data
        return CitizenDetails(
            full_name=data["full_name"],
            date_of_birth=data["date_of_birth"],
            address_line_1=data["address_line_1"].strip(),
            address_line_2=data["address_line_2"].strip(),
            town=data["town"].strip(),
            county=data["county"].strip(),
            postcode=data["postcode"].strip(),
            email=data["email"].strip(),
            phone=data["phone"].strip(),
            preferred_contact=data["preferred_contact"],
            prefers_welsh=data["prefers_welsh"],
        )


class ConsentForm(forms.Form):
    identity_checks = forms.MultipleChoiceField(
        label="Which of these did they tell you, matching the record?",
        help_text=(
            "Ask them; do not read the record out to them. Select at least 2. "
            "Only select a case reference or security question if they gave one."
        ),
        choices=IdentityCheck.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": IDENTITY_CHECKS_REQUIRED},
    )
    consent_method = forms.ChoiceField(
        label="How did they give their consent?",
        choices=ConsentMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how they gave their consent"},
    )
    consent_accepted = forms.BooleanField(
        label="I read the consent statement to them, word for word, and they agreed to it",
        error_messages={
            "required": (
                "You can only help them once they have heard the consent statement and agreed to it"
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Field.checkboxes("identity_checks", legend_size=Size.MEDIUM, legend_tag="h2"),
                Field.radios("consent_method", legend_size=Size.MEDIUM, legend_tag="h2"),
                Field.checkbox("consent_accepted"),
            ]
        )

    def clean_identity_checks(self):
        checks = self.cleaned_data["identity_checks"]
        if len(set(checks)) < MIN_IDENTITY_CHECKS:
            raise forms.ValidationError(IDENTITY_CHECKS_REQUIRED)
        return checks


class SessionFilterForm(forms.Form):
    """The managers' filters; every one optional."""

    agent = forms.ModelChoiceField(
        label="Member of staff",
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="Anyone",
    )
    channel = forms.ChoiceField(label="Channel", required=False)
    service = forms.ChoiceField(label="Service", required=False)
    started_from = _date_field("Started on or after", required=False)
    started_to = _date_field("Started on or before", required=False)

    def __init__(self, *args, agents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agents is not None:
            self.fields["agent"].queryset = agents
        self.fields["agent"].label_from_instance = lambda user: user.get_full_name()
        self.fields["channel"].choices = [("", "Any channel"), *Channel.choices]
        self.fields["service"].choices = [("", "Any service")] + [
            (service.slug, service.name) for service in services_list()
        ]
        self.fields["agent"].error_messages["invalid_choice"] = (
            "Select a member of staff from the list"
        )
        self.helper = lazy_form_helper(
            lambda: [
                Field.select("agent"),
                Field.select("channel"),
                Field.select("service"),
                "started_from",
                "started_to",
            ]
        )

    def clean(self):
        data = super().clean()
        start, end = data.get("started_from"), data.get("started_to")
        if start and end and start > end:
            self.add_error("started_to", "The end date must be the same as or after the start date")
        return data
