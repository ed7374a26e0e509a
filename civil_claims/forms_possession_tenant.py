"""The tenant's general application form: what they ask for, why, and how they will pay
any fee (by card, or with a Help with Fees reference)."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper

from .journeys.forms import HwfReferenceForm, _radios, _textarea
from .possession_response_constants import APPLICATION_TEXT_MAX_LENGTH, ApplicationKind

PAY_CHOICES = [("card", _("Pay by debit or credit card")), ("hwf", _("Help with Fees"))]


class PossessionApplicationForm(forms.Form):
    kind = _radios(ApplicationKind.choices, _("Select what you are applying for"))
    details = _textarea(
        _("What you are asking the court to do, and why"),
        _("Enter what you are asking the court to do, and why"),
        APPLICATION_TEXT_MAX_LENGTH,
    )
    how = forms.ChoiceField(
        label=_("If there is a fee, how will you pay it?"),
        choices=PAY_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )
    hwf_reference = forms.CharField(
        label=_("Your Help with Fees reference"),
        required=False,
        max_length=20,
        help_text=_("It starts with HWF, for example HWF-A1B-23C"),
    )

    def __init__(self, *args, fee_for=None, refusal_for=None, **kwargs):
        """``fee_for(kind)`` gives the fee in pence the application would pay today;
        ``refusal_for(kind)`` why that kind cannot be asked for now ("" when it can)."""
        super().__init__(*args, **kwargs)
        self.fee_for = fee_for
        self.refusal_for = refusal_for
        self.fields["kind"].label = _("What are you applying for?")
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("kind", legend_size=Size.MEDIUM),
                Field.textarea("details"),
                Field.radios("how", legend_size=Size.SMALL),
                Field.text("hwf_reference", field_width=10),
            ]
        )

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        refusal = self.refusal_for(kind) if (kind and self.refusal_for) else ""
        if refusal:
            self.add_error("kind", refusal)
            return data
        fee = self.fee_for(kind) if (kind and self.fee_for) else 0
        data["fee_pence"] = fee
        if not fee:
            data["how"], data["hwf_reference"] = "", ""
            return data
        if not data.get("how"):
            self.add_error("how", _("Select how you will pay the application fee"))
        elif data["how"] == "hwf":
            check = HwfReferenceForm({"reference": data.get("hwf_reference", "")})
            if check.is_valid():
                data["hwf_reference"] = check.cleaned_data["reference"]
            else:
                self.add_error("hwf_reference", check.errors["reference"][0])
        else:
            data["hwf_reference"] = ""
        return data
