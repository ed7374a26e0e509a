"""What the LPA forms share: names with the notes' limits, addresses, dates of birth, free text.

Limits come from the domain notes section 2 (lasting_power.constants). Every message is
written for its field, GOV.UK style; nothing typed is lost on an error (the step view
redisplays the bound form).
"""

from __future__ import annotations

import re

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout
from django import forms
from django.utils import timezone

from digital_services.core.forms import GovukDateField
from digital_services.notifications.addresses import address_fields_check

from ..constants import ADDRESS_LINE_MAX, POSTCODE_MAX, TITLE_MAX, WORD_MAX

TITLE_OTHER = "other"
TITLE_NONE = "none"
TITLE_CHOICES = [
    ("", "Choose a title"),
    ("Mr", "Mr"),
    ("Mrs", "Mrs"),
    ("Miss", "Miss"),
    ("Ms", "Ms"),
    ("Dr", "Dr"),
    (TITLE_NONE, "Prefer not to say"),
    (TITLE_OTHER, "Other"),
]
YES_NO = [("yes", "Yes"), ("no", "No")]
LINK = re.compile(r"https?://", re.IGNORECASE)
OLDEST_AGE = 130


def helper(*fields) -> FormHelper:
    result = FormHelper()
    result.form_tag = False
    result.disable_csrf = True
    if fields:
        result.layout = Layout(*fields)
    return result


def text_field(label: str, *, max_length: int, required: str | None = None, **kwargs):
    """A one-line text field; ``required`` is its "Enter ..." message (None: optional)."""
    return forms.CharField(
        label=label if required is not None else f"{label} (optional)",
        max_length=max_length,
        required=required is not None,
        error_messages={
            "required": required or "",
            "max_length": f"{label} must be {max_length} characters or fewer",
        },
        **kwargs,
    )


def name_clean(value: str, label: str) -> str:
    value = " ".join((value or "").split())
    if "<" in value or ">" in value:
        raise forms.ValidationError(f"{label} must not include < or >")
    return value


def yes_no_field(label: str, required: str, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": required},
    )


def date_of_birth_field(whose: str) -> GovukDateField:
    return GovukDateField(
        label="Date of birth",
        what=f"{whose} date of birth",
        help_text="For example, 27 3 1960",
    )


def date_of_birth_check(value, *, whose: str):
    """A real date, not in the future (and not impossibly long ago)."""
    if value is None:
        return None
    today = timezone.localdate()
    if value > today:
        raise forms.ValidationError(f"{whose} date of birth must be today or in the past")
    if value.year < today.year - OLDEST_AGE:
        raise forms.ValidationError(
            f"{whose} date of birth must be less than {OLDEST_AGE} years ago"
        )
    return value


def free_text_check(value: str, label: str) -> str:
    """No word longer than 85 characters and no links [DM Document.php]."""
    value = (value or "").strip()
    if LINK.search(value):
        raise forms.ValidationError(f"{label} must not include links (http:// or https://)")
    if any(len(word) > WORD_MAX for word in value.split()):
        raise forms.ValidationError(
            f"{label} must not include a word longer than {WORD_MAX} characters"
        )
    return value


class TitleMixin:
    """Title: a list with "Other" (1 to 5 characters) and "Prefer not to say"."""

    def title_fields(self, whose: str) -> None:
        self.fields["title"] = forms.ChoiceField(
            label="Title",
            choices=TITLE_CHOICES,
            error_messages={"required": f"Select {whose} title"},
        )
        self.fields["title_other"] = text_field(
            "Other title", max_length=TITLE_MAX, help_text="If you chose other"
        )

    def title_value(self, data: dict) -> str:
        """The title as it should be printed ('' for prefer not to say)."""
        if data.get("title") == TITLE_OTHER:
            return data.get("title_other", "")
        if data.get("title") == TITLE_NONE:
            return ""
        return data.get("title", "")

    def clean_title_other(self):
        value = name_clean(self.cleaned_data.get("title_other"), "Other title")
        if self.cleaned_data.get("title") == TITLE_OTHER and not value:
            raise forms.ValidationError("Enter the title")
        return value if self.cleaned_data.get("title") == TITLE_OTHER else ""


class AddressMixin:
    """Line 1 required, each line up to 50, postcode up to 8 with no format rule;
    line 2 or the postcode must be given [DM Common/Address.php]."""

    def address_fields(self, whose: str) -> None:
        self.fields["address_line_1"] = text_field(
            "Address line 1",
            max_length=ADDRESS_LINE_MAX,
            required=f"Enter the first line of {whose} address",
            widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
        )
        self.fields["address_line_2"] = text_field(
            "Address line 2",
            max_length=ADDRESS_LINE_MAX,
            widget=forms.TextInput(attrs={"autocomplete": "address-line2"}),
        )
        self.fields["address_line_3"] = text_field(
            "Town or city",
            max_length=ADDRESS_LINE_MAX,
            widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
        )
        self.fields["postcode"] = text_field(
            "Postcode",
            max_length=POSTCODE_MAX,
            widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
        )

    def address_clean(self, data: dict, whose: str) -> None:
        for name in ("address_line_1", "address_line_2", "address_line_3"):
            if name in data:
                data[name] = " ".join((data.get(name) or "").split())
        address_fields_check(self, data, ["address_line_1", "address_line_2", "address_line_3"])
        if "postcode" in data:
            data["postcode"] = " ".join((data.get("postcode") or "").upper().split())
        if (
            data.get("address_line_1")
            and not data.get("address_line_2")
            and not data.get("postcode")
            and "postcode" not in self.errors
        ):
            self.add_error("postcode", f"Enter {whose} postcode or the second line of the address")
