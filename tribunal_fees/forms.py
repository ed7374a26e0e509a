"""Caseworker forms in the admin: decide Help with Fees, ask for evidence, record a part
payment, mark a fee not paid, issue or reject a refund. Amounts are typed in pounds
and turned into whole pence without floats."""

from __future__ import annotations

import re

from django import forms
from django.utils import timezone

from .constants import HwfOutcome, RefundIssueMethod

MONEY = re.compile(r"^£?\s*(\d{1,7})(?:\.(\d{1,2}))?$")


def pence_from_text(text: str) -> int | None:
    """ "12.3" → 1230, "£1,420" → 142000; None when it is not an amount of money."""
    match = MONEY.match((text or "").replace(",", "").strip())
    if not match:
        return None
    pounds, pennies = match.group(1), (match.group(2) or "0").ljust(2, "0")
    return int(pounds) * 100 + int(pennies)


class PoundsField(forms.CharField):
    """An amount in pounds and pence, cleaned to whole pence (an int)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in ("", None):
            return None
        pence = pence_from_text(value)
        if pence is None:
            raise forms.ValidationError("Enter an amount in pounds and pence, like 120.50")
        return pence


class HwfDecideForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=HwfOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the decision"},
    )
    amount_to_pay = PoundsField(
        required=False,
        label="Amount the applicant still pays (part remission only)",
    )
    override_reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Reason (needed when the decision differs from the calculated outcome)",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == HwfOutcome.PART and cleaned.get("amount_to_pay") is None:
            self.add_error("amount_to_pay", "Enter the amount the applicant still pays")
        return cleaned


class HwfEvidenceForm(forms.Form):
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="What evidence the applicant must send",
        error_messages={"required": "Enter what evidence the applicant must send"},
    )
    expires_on = forms.DateField(
        label="Evidence due by",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Enter the date evidence is due",
            "invalid": "Enter a real date",
        },
    )

    def clean_expires_on(self):
        value = self.cleaned_data["expires_on"]
        if value <= timezone.localdate():
            raise forms.ValidationError("The date evidence is due must be in the future")
        return value


class PartPaymentForm(forms.Form):
    amount = PoundsField(
        label="Amount received", error_messages={"required": "Enter the amount received"}
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the reason"},
    )


class ConfirmForm(forms.Form):
    """No fields: the button is the answer (a POST, with the CSRF token)."""


class RefundIssueForm(forms.Form):
    method = forms.ChoiceField(
        choices=RefundIssueMethod.choices,
        widget=forms.RadioSelect,
        label="How to pay the refund",
        error_messages={"required": "Select how to pay the refund"},
    )
