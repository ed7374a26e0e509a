"""The landlord's forms after sending a possession claim: asking for a warrant of
possession (why, the amount still owed, how to pay the fee)."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms

from digital_services.core.money import PenceField, pence_format

from .journeys.forms import HwfReferenceForm
from .possession_constants import POSSESSION_TEXT_MAX_LENGTH, PossessionStatus, WarrantBasis


class WarrantRequestForm(forms.Form):
    basis = forms.ChoiceField(
        label="Why are you asking for a warrant?",
        choices=WarrantBasis.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose why you are asking for a warrant",
            "invalid_choice": "Choose why you are asking for a warrant",
        },
    )
    breach_details = forms.CharField(
        label="How were the terms of the order broken?",
        required=False,
        max_length=POSSESSION_TEXT_MAX_LENGTH,
        help_text="For a suspended order: for example, which payments were missed",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": f"How the terms were broken must be {POSSESSION_TEXT_MAX_LENGTH:,} "
            "characters or fewer"
        },
    )
    amount_owed_pence = PenceField(
        label="How much do the defendants still owe you?",
        help_text="The rent arrears and any costs in the order still unpaid. Enter 0 if nothing",
        min_pence=0,
        error_messages={"required": "Enter the amount still owed, or 0"},
    )
    how = forms.ChoiceField(
        label="How will you pay the warrant fee?",
        choices=[("card", "Pay by debit or credit card"), ("hwf", "Help with Fees")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how you will pay the warrant fee",
            "invalid_choice": "Choose how you will pay the warrant fee",
        },
    )
    hwf_reference = forms.CharField(
        label="Your Help with Fees reference",
        required=False,
        max_length=20,
        help_text="It is 11 characters and starts with HWF, for example HWF-A1B-23C",
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )

    def __init__(self, *args, status: str = "", fee_pence: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if status == PossessionStatus.POSSESSION_ORDERED:
            self.fields["basis"].choices = [
                c for c in WarrantBasis.choices if c[0] == WarrantBasis.DATE_PASSED
            ]
        elif status == PossessionStatus.ORDER_SUSPENDED:
            self.fields["basis"].choices = [
                c for c in WarrantBasis.choices if c[0] == WarrantBasis.TERMS_BROKEN
            ]
        if fee_pence is not None:
            self.fields[
                "how"
            ].label = f"How will you pay the warrant fee of {pence_format(fee_pence)}?"
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.radios("basis", legend_size=Size.MEDIUM),
            Field.textarea("breach_details"),
            Field.text("amount_owed_pence", field_width=10),
            Field.radios("how", legend_size=Size.MEDIUM),
            Field.text("hwf_reference", field_width=10),
        )

    def clean(self):
        data = super().clean()
        if data.get("how") == "hwf":
            typed = HwfReferenceForm({"reference": data.get("hwf_reference") or ""})
            if typed.is_valid():
                data["hwf_reference"] = typed.cleaned_data["reference"]
            else:
                self.add_error(
                    "hwf_reference",
                    "Enter your Help with Fees reference in the right format, like HWF-A1B-23C",
                )
        else:
            data["hwf_reference"] = ""
        if (
            data.get("basis") == WarrantBasis.TERMS_BROKEN
            and not (data.get("breach_details") or "").strip()
        ):
            if "breach_details" not in self.errors:
                self.add_error("breach_details", "Say how the terms of the order were broken")
        return data
