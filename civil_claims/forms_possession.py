"""The landlord's forms after sending a possession claim: asking for a warrant of
possession (why, the amount still owed, how to pay the fee)."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.money import PenceField, pence_format

from .journeys.forms import HwfReferenceForm
from .possession_constants import POSSESSION_TEXT_MAX_LENGTH, PossessionStatus, WarrantBasis


class WarrantRequestForm(forms.Form):
    basis = forms.ChoiceField(
        label=_("Why are you asking for a warrant?"),
        choices=WarrantBasis.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose why you are asking for a warrant"),
            "invalid_choice": _("Choose why you are asking for a warrant"),
        },
    )
    breach_details = forms.CharField(
        label=_("How were the terms of the order broken?"),
        required=False,
        max_length=POSSESSION_TEXT_MAX_LENGTH,
        help_text=_("For a suspended order: for example, which payments were missed"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": format_lazy(
                _("How the terms were broken must be {max} characters or fewer"),
                max=f"{POSSESSION_TEXT_MAX_LENGTH:,}",
            )
        },
    )
    amount_owed_pence = PenceField(
        label=_("How much do the defendants still owe you?"),
        help_text=_("The rent arrears and any costs in the order still unpaid. Enter 0 if nothing"),
        min_pence=0,
        error_messages={"required": _("Enter the amount still owed, or 0")},
    )
    how = forms.ChoiceField(
        label=_("How will you pay the warrant fee?"),
        choices=[("card", _("Pay by debit or credit card")), ("hwf", _("Help with Fees"))],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how you will pay the warrant fee"),
            "invalid_choice": _("Choose how you will pay the warrant fee"),
        },
    )
    hwf_reference = forms.CharField(
        label=_("Your Help with Fees reference"),
        required=False,
        max_length=20,
        help_text=_("It is 11 characters and starts with HWF, for example HWF-A1B-23C"),
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
            self.fields["how"].label = gettext("How will you pay the warrant fee of %(fee)s?") % {
                "fee": pence_format(fee_pence)
            }
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
                    _("Enter your Help with Fees reference in the right format, like HWF-A1B-23C"),
                )
        else:
            data["hwf_reference"] = ""
        if (
            data.get("basis") == WarrantBasis.TERMS_BROKEN
            and not (data.get("breach_details") or "").strip()
        ):
            if "breach_details" not in self.errors:
                self.add_error("breach_details", _("Say how the terms of the order were broken"))
        return data
