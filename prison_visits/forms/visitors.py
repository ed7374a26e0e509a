"""Forms for the booking journey: the lead visitor, other visitors, the rules, and the check your visit look-up."""

from __future__ import annotations

from crispy_forms_gds.layout import (
    Field,
    Size,
)
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.accounts.citizens import phone_normalise
from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.references import reference_is_valid, reference_normalise
from digital_services.journeys.contact import (
    ADDRESS_FIELDS,
    CONTACT_EMAIL,
    CONTACT_POST,
    ContactForm,
    postal_address,
)

from ..constants import (
    REFERENCE_ALPHABET,
    REFERENCE_LENGTH,
    REFERENCE_LENGTH_LEGACY,
)
from ..rules import (
    VisitorDetails,
    visitors_problems,
)
from .common import PHONE_PATTERN, GovukDateField, _name_clean, _name_field, date_of_birth_check


class LeadVisitorForm(ContactForm):
    """The main visitor: 18 or over on the day, a UK phone number, and how to reach them.

    How to reach them is the platform's contact step (digital_services.journeys.contact):
    by email (typed twice), or by post for someone without email (letters go to the
    address given). Text message copies go to the phone number when it is a UK mobile.
    """

    CONTACT_EMAIL = CONTACT_EMAIL
    CONTACT_POST = CONTACT_POST
    methods = (CONTACT_EMAIL, CONTACT_POST)
    confirm_email = True
    contact_label = _("How should we send you updates about the visit?")
    contact_hint = ""
    contact_legend_size = Size.SMALL
    contact_required = _("Select how we should send you updates about the visit")
    field_order = [
        "first_name",
        "last_name",
        "date_of_birth",
        "phone",
        "contact",
        "email",
        "email_confirm",
        *ADDRESS_FIELDS,
    ]

    first_name = _name_field(_("First name"), _("Enter your first name"))
    last_name = _name_field(_("Last name"), _("Enter your last name"))
    date_of_birth = GovukDateField(
        label=_("Date of birth"),
        what=_("your date of birth"),
        help_text=_("For example, 27 3 1985"),
    )
    phone = forms.CharField(
        label=_("UK phone number"),
        help_text=_(
            "The prison may call you about the visit. A mobile number also gets text messages"
        ),
        max_length=20,
        error_messages={
            "required": _("Enter a UK phone number"),
            "max_length": _("Enter a UK phone number, like 01632 960 001 or 07700 900 982"),
        },
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    def __init__(self, *args, adult_age: int = 18, visit_dates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.adult_age = adult_age
        self.visit_dates = list(visit_dates)
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("first_name", field_width=20),
                Field.text("last_name", field_width=20),
                Field("date_of_birth"),
                Field.text("phone", field_width=20),
                *self.contact_layout(),
            ]
        )

    def clean_first_name(self):
        return _name_clean(self.cleaned_data["first_name"], gettext("First name"))

    def clean_last_name(self):
        return _name_clean(self.cleaned_data["last_name"], gettext("Last name"))

    def clean_date_of_birth(self):
        born = date_of_birth_check(
            self.cleaned_data.get("date_of_birth"),
            whose="Your",
            in_the_past=gettext("Your date of birth must be in the past"),
            too_old=gettext("Your date of birth cannot be more than %(years)s years ago"),
        )
        if born is not None and self.visit_dates:
            lead = VisitorDetails(first_name="", last_name="", date_of_birth=born)
            for problem in visitors_problems(
                visitors=[lead], adult_age=self.adult_age, visit_dates=self.visit_dates
            ):
                if problem.code == "lead_too_young":
                    raise forms.ValidationError(problem.message)
        return born

    def clean_phone(self):
        digits = phone_normalise(self.cleaned_data["phone"])
        if not PHONE_PATTERN.match(digits):
            raise forms.ValidationError(
                gettext("Enter a UK phone number, like 01632 960 001 or 07700 900 982")
            )
        return digits


def lead_postal_address(lead: dict) -> str:
    """The lead visitor's postal address as lines, postcode last ('' when they chose email)."""
    if lead.get("contact") != LeadVisitorForm.CONTACT_POST:
        return ""
    return postal_address(lead)


class VisitorForm(forms.Form):
    """Another visitor: a name and a date of birth (ages count on the day of the visit)."""

    first_name = _name_field(_("First name"), _("Enter the visitor’s first name"))
    last_name = _name_field(_("Last name"), _("Enter the visitor’s last name"))
    date_of_birth = GovukDateField(
        label=_("Date of birth"),
        what=_("the visitor’s date of birth"),
        help_text=_("For example, 27 3 2015"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("first_name", field_width=20),
                Field.text("last_name", field_width=20),
                Field("date_of_birth"),
            ]
        )

    def clean_first_name(self):
        return _name_clean(self.cleaned_data["first_name"], gettext("First name"))

    def clean_last_name(self):
        return _name_clean(self.cleaned_data["last_name"], gettext("Last name"))

    def clean_date_of_birth(self):
        return date_of_birth_check(
            self.cleaned_data.get("date_of_birth"),
            whose="The visitor’s",
            in_the_past=gettext("The visitor’s date of birth must be in the past"),
            too_old=gettext("The visitor’s date of birth cannot be more than %(years)s years ago"),
        )


class VisitorRulesForm(forms.Form):
    """Shown only when the party breaks a rule no single visitor's page can check (more than
    3 adults on the day): nothing to answer here, the visitors must be changed."""

    def __init__(self, *args, problems=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.problems = list(problems)

    def clean(self):
        if self.problems:
            raise forms.ValidationError([p.message for p in self.problems])
        return super().clean()


class VisitLookupForm(forms.Form):
    """Find a visit by its reference and the main visitor's date of birth."""

    reference = forms.CharField(
        label=_("Visit reference"),
        help_text=_("It is in the emails we sent you, for example G0Q YEQ P3X"),
        max_length=20,
        error_messages={
            "required": _("Enter your visit reference"),
            "max_length": _("Enter the visit reference from your email, like G0Q YEQ P3X"),
        },
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocapitalize": "characters"}),
    )
    date_of_birth = GovukDateField(
        label=_("Main visitor’s date of birth"),
        what=_("the main visitor’s date of birth"),
        help_text=_("For example, 27 3 1985"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.text("reference", field_width=10), Field("date_of_birth")]
        )

    def clean_reference(self):
        """Spaces, hyphens, case and O/I/L for 0/1 forgiven; a mistyped character or two
        swapped ones caught by the check character (references from before it have 8
        characters and none)."""
        value = reference_normalise(self.cleaned_data["reference"])
        if len(value) == REFERENCE_LENGTH_LEGACY and all(c in REFERENCE_ALPHABET for c in value):
            return value
        if len(value) != REFERENCE_LENGTH or any(c not in REFERENCE_ALPHABET for c in value):
            raise forms.ValidationError(
                gettext("Enter the visit reference from your email, like G0Q YEQ P3X")
            )
        if not reference_is_valid(value):
            raise forms.ValidationError(
                gettext("Check your visit reference: one of its characters is not right")
            )
        return value
