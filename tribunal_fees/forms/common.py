"""What the citizen journeys' forms share: yes/no choices, fee kinds, date fields."""

from __future__ import annotations

import re

from crispy_forms_gds.fields import DateInputField
from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..constants import (
    EMPLOYMENT_JURISDICTIONS,
    KIND_JURISDICTION,
    FeeKind,
    Jurisdiction,
)

# Citizen journeys (journeys.py): pay a fee, Help with Fees, apply for a refund. One
# question per page where the pattern asks for it; GOV.UK messages per field.

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
FEE_REFERENCE = re.compile(r"^TF-[A-Z0-9]{3}-[A-Z0-9]{3}$")


def fee_reference_clean(text: str) -> str:
    """A fee reference as typed: spaces, hyphens, case and O/I/L for 0/1 forgiven; a mistyped
    character or two swapped ones caught by the check character (older references have
    none). Raises a GOV.UK-worded ``ValidationError``."""
    from ..references import reference_typed

    value, problem = reference_typed(text, "TF")
    if problem == "check":
        raise forms.ValidationError(
            gettext("Check your fee reference: one of its characters is not right")
        )
    if problem or not FEE_REFERENCE.match(value):
        raise forms.ValidationError(
            gettext("Enter the fee reference in the right format, like TF-ABC-DEF")
        )
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


class DateField(DateInputField):
    """GOV.UK date input whose impossible dates (31 2 2016) get our "real date" message."""

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except (forms.ValidationError, OverflowError):  # a number too big for a date: not a 500
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


#: Each date's GOV.UK messages, written whole so each translates as a sentence: (missing,
#: not a real date, in the future, before 1900), by what the date is.
DATE_MESSAGES = {
    "the date": (
        _("Enter the date"),
        _("The date must be a real date"),
        _("The date must be today or in the past"),
        _("The date must be after 1900"),
    ),
    "your date of birth": (
        _("Enter your date of birth"),
        _("Your date of birth must be a real date"),
        _("Your date of birth must be today or in the past"),
        _("Your date of birth must be after 1900"),
    ),
    "your partner’s date of birth": (
        _("Enter your partner’s date of birth"),
        _("Your partner’s date of birth must be a real date"),
        _("Your partner’s date of birth must be today or in the past"),
        _("Your partner’s date of birth must be after 1900"),
    ),
    "the date you paid": (
        _("Enter the date you paid"),
        _("The date you paid must be a real date"),
        _("The date you paid must be today or in the past"),
        _("The date you paid must be after 1900"),
    ),
    "the date of the decision": (
        _("Enter the date of the decision"),
        _("The date of the decision must be a real date"),
        _("The date of the decision must be today or in the past"),
        _("The date of the decision must be after 1900"),
    ),
    "the date of the application": (
        _("Enter the date of the application"),
        _("The date of the application must be a real date"),
        _("The date of the application must be today or in the past"),
        _("The date of the application must be after 1900"),
    ),
    "the date of the hearing notice": (
        _("Enter the date of the hearing notice"),
        _("The date of the hearing notice must be a real date"),
        _("The date of the hearing notice must be today or in the past"),
        _("The date of the hearing notice must be after 1900"),
    ),
    "the date the claim was presented": (
        _("Enter the date the claim was presented"),
        _("The date the claim was presented must be a real date"),
        _("The date the claim was presented must be today or in the past"),
        _("The date the claim was presented must be after 1900"),
    ),
    "the date the fee was due": (
        _("Enter the date the fee was due"),
        _("The date the fee was due must be a real date"),
        _("The date the fee was due must be today or in the past"),
        _("The date the fee was due must be after 1900"),
    ),
}


def _date_messages_set(field, what: str) -> None:
    """The field's "missing" and "not a real date" messages for the date ``what``."""
    required, invalid, _future, _old = DATE_MESSAGES[what]
    field.error_messages["required"] = required
    field.error_messages["invalid"] = invalid


def _date_field(label: str, what: str, *, help_text: str) -> DateInputField:
    field = DateField(label=label, require_all_fields=False, help_text=help_text)
    _date_messages_set(field, what)
    return field


def _real_date(value, what: str):
    """DateInputField gives a date, or raises on a date that does not exist."""
    if value is None:
        return value
    _required, _invalid, future, old = DATE_MESSAGES[what]
    if value > timezone.localdate():
        raise forms.ValidationError(future)
    if value.year < 1900:
        raise forms.ValidationError(old)
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
