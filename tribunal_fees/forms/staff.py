"""Forms for the staff pages: deciding Help with Fees, evidence, part payments, reasons, refunds."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from digital_services.core.money import PenceField

from ..constants import (
    FeeRefundReason,
    HwfOutcome,
    RefundIssueMethod,
)

#: Whole pence a caseworker can type into an admin amount (£9,999,999.99).
ADMIN_AMOUNT_MAX_PENCE = 999_999_999
_ADMIN_AMOUNT_INVALID = "Enter an amount in pounds and pence, like 120.50"


class HwfDecideForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=HwfOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the decision"},
    )
    amount_to_pay = PenceField(
        required=False,
        max_pence=ADMIN_AMOUNT_MAX_PENCE,
        label="Amount the applicant still pays (part remission only)",
        error_messages={"invalid": _ADMIN_AMOUNT_INVALID},
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
    amount = PenceField(
        max_pence=ADMIN_AMOUNT_MAX_PENCE,
        label="Amount received",
        error_messages={"required": "Enter the amount received", "invalid": _ADMIN_AMOUNT_INVALID},
    )


class FeeAwardForm(forms.Form):
    amount = PenceField(
        max_pence=ADMIN_AMOUNT_MAX_PENCE,
        label="Amount the tribunal ordered to be paid back",
        error_messages={
            "required": "Enter the amount of the fee award",
            "invalid": _ADMIN_AMOUNT_INVALID,
        },
    )
    made_on = forms.DateField(
        label="Date of the decision making the award (YYYY-MM-DD)",
        error_messages={
            "required": "Enter the date of the decision",
            "invalid": "Enter the date like 2026-11-20",
        },
    )


class FeeRefundForm(forms.Form):
    """Refund a fee paid here that was paid twice or in error; bank details only when it was
    not paid by card through this service (the refund then cannot go back to a card)."""

    reason = forms.ChoiceField(
        choices=FeeRefundReason.choices,
        widget=forms.RadioSelect,
        label="Why is the fee refunded?",
        error_messages={"required": "Select why the fee is refunded"},
    )
    amount = PenceField(
        max_pence=ADMIN_AMOUNT_MAX_PENCE,
        label="Amount to refund",
        error_messages={"required": "Enter the amount to refund", "invalid": _ADMIN_AMOUNT_INVALID},
    )
    account_name = forms.CharField(required=False, max_length=100, label="Name on the account")
    bank_name = forms.CharField(
        required=False, max_length=100, label="Name of the bank or building society"
    )
    sort_code = forms.CharField(required=False, max_length=20, label="Sort code")
    account_number = forms.CharField(required=False, max_length=20, label="Account number")


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
