"""What the citizen journeys' forms share: yes/no choices, fee kinds, date fields."""

from __future__ import annotations

import re

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout
from django import forms
from django.utils import timezone

from ..constants import (
    EMPLOYMENT_JURISDICTIONS,
    KIND_JURISDICTION,
    FeeKind,
    Jurisdiction,
)

# Citizen journeys (journeys.py): pay a fee, Help with Fees, apply for a refund. One
# question per page where the pattern asks for it; GOV.UK messages per field.

YES_NO = [("yes", "Yes"), ("no", "No")]
FEE_REFERENCE = re.compile(r"^TF-[A-Z0-9]{3}-[A-Z0-9]{3}$")


def fee_reference_clean(text: str) -> str:
    """A fee reference as typed: spaces, hyphens, case and O/I/L for 0/1 forgiven; a mistyped
    character or two swapped ones caught by the check character (older references have
    none). Raises a GOV.UK-worded ``ValidationError``."""
    from ..references import reference_typed

    value, problem = reference_typed(text, "TF")
    if problem == "check":
        raise forms.ValidationError("Check your fee reference: one of its characters is not right")
    if problem or not FEE_REFERENCE.match(value):
        raise forms.ValidationError("Enter the fee reference in the right format, like TF-ABC-DEF")
    return value


#: What a citizen chooses on "What are you paying for?"
KIND_ISSUE, KIND_HEARING, KIND_OTHER = "issue", "hearing", "other"
OTHER_KINDS = [
    kind
    for kind in FeeKind
    if kind not in (FeeKind.ISSUE, FeeKind.HEARING)
    and KIND_JURISDICTION[kind] in EMPLOYMENT_JURISDICTIONS
]
#: "Which tribunal is the fee for?": the employment route (2013–2017), or a tribunal
#: that charges fees today (its ``Jurisdiction`` value).
TRIBUNAL_EMPLOYMENT = "employment"
CURRENT_TRIBUNALS = (Jurisdiction.IAC, Jurisdiction.PC)
EAT_KINDS = (FeeKind.EAT_LODGE, FeeKind.EAT_HEARING)
PAY_NOW, APPLY_HWF = "pay", "hwf"


def _helper(*fields) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(*fields)
    return helper


class DateField(DateInputField):
    """GOV.UK date input whose impossible dates (31 2 2016) get our "real date" message."""

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except (forms.ValidationError, OverflowError):  # a number too big for a date: not a 500
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


def _date_field(label: str, what: str, *, help_text: str) -> DateInputField:
    field = DateField(label=label, require_all_fields=False, help_text=help_text)
    field.error_messages["required"] = f"Enter {what}"
    field.error_messages["invalid"] = f"{what[0].upper()}{what[1:]} must be a real date"
    return field


def _real_date(value, what: str):
    """DateInputField gives a date, or raises on a date that does not exist."""
    if value is None:
        return value
    if value > timezone.localdate():
        raise forms.ValidationError(f"{what[0].upper()}{what[1:]} must be today or in the past")
    if value.year < 1900:
        raise forms.ValidationError(f"{what[0].upper()}{what[1:]} must be after 1900")
    return value


def fee_kind_for(kind_choice: str | None, other_kind: str | None) -> str | None:
    """The fee kind from "What are you paying for?" (and "Which fee?" for another fee)."""
    if kind_choice in (KIND_ISSUE, KIND_HEARING):
        return kind_choice
    if kind_choice in FeeKind.values:  # a current tribunal's fee, chosen directly
        return kind_choice
    return other_kind


def jurisdiction_for(kind: str | None) -> str:
    """The tribunal a fee kind is paid to (employment tribunal until a kind is known)."""
    return KIND_JURISDICTION.get(kind, Jurisdiction.ET)
