"""Forms for Help with Fees on a fee already paid to the tribunal outside this service:
"Have you already paid?", the payment, and the evidence of payment (sent afterwards)."""

from __future__ import annotations

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.utils import timezone

from digital_services.core.money import PenceField, pence_format

from ..constants import PaidElsewhereMethod
from ..remission import hwf_retrospective_too_late
from .common import _date_field, _helper, _real_date


class HwfAlreadyPaidForm(forms.Form):
    already_paid = forms.ChoiceField(
        label="Have you already paid this fee?",
        help_text="You can apply for Help with Fees up to 3 months after paying. If you get "
        "help, we refund what it covers.",
        choices=[
            Choice("yes", "Yes, I paid it to the tribunal"),
            Choice("no", "No, I have not paid it yet"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if you have already paid this fee"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.radios("already_paid", legend_size=Size.MEDIUM, inline=False))


class HwfPaidElsewhereForm(forms.Form):
    """The payment as its payer describes it; a caseworker checks it against their evidence."""

    case_number = forms.CharField(
        label="Tribunal case number or appeal reference",
        help_text="It is on letters or emails from the tribunal about your case.",
        max_length=40,
        error_messages={"required": "Enter your tribunal case number or appeal reference"},
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )
    paid_on = _date_field(
        "When did you pay?", "the date you paid", help_text="For example, 27 3 2026"
    )
    amount_paid_pence = PenceField(
        label="How much did you pay?",
        max_pence=100_000_000,
        error_messages={
            "required": "Enter how much you paid",
            "invalid": "Enter the amount you paid in pounds, like 140 or 140.00",
        },
    )
    method = forms.ChoiceField(
        label="How did you pay?",
        choices=PaidElsewhereMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how you paid"},
    )

    def __init__(self, *args, fee_pence: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fee_pence = fee_pence
        self.helper = _helper(
            Field.text("case_number", field_width=Fluid.TWO_THIRDS, label_size=Size.SMALL),
            Field("paid_on", legend_size=Size.SMALL),
            Field.text("amount_paid_pence", field_width=10, label_size=Size.SMALL),
            Field.radios("method", legend_size=Size.SMALL),
        )

    def clean_case_number(self):
        value = self.cleaned_data["case_number"].strip()
        if not value:
            raise forms.ValidationError("Enter your tribunal case number or appeal reference")
        if not all(ch.isascii() and (ch.isalnum() or ch in " /-.") for ch in value):
            raise forms.ValidationError(
                "The case number must only include letters, numbers, spaces, slashes and hyphens"
            )
        return value.upper()

    def clean_paid_on(self):
        value = _real_date(self.cleaned_data["paid_on"], "the date you paid")
        if value is not None:
            too_late = hwf_retrospective_too_late(value, today=timezone.localdate())
            if too_late:
                raise forms.ValidationError(too_late)
        return value

    def clean_amount_paid_pence(self):
        value = self.cleaned_data["amount_paid_pence"]
        if value is not None and value < 1:
            raise forms.ValidationError("Enter how much you paid")
        if value is not None and self.fee_pence is not None and value > self.fee_pence:
            raise forms.ValidationError(
                f"The amount you paid must be {pence_format(self.fee_pence)} or less: that is the fee"
            )
        return value


class PaymentEvidenceForm(forms.Form):
    evidence = forms.FileField(
        label="Upload evidence of payment",
        help_text="A receipt from the tribunal, or a bank or card statement showing the "
        "payment. The file must be a PDF, JPG or PNG and smaller than 10MB.",
        error_messages={
            "required": "Select a file",
            "empty": "The selected file is empty",
            "invalid": "Select a file",
        },
        widget=forms.FileInput(
            attrs={"class": "govuk-file-upload", "accept": ".pdf,.jpg,.jpeg,.png"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field("evidence"))
