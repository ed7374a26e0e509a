"""The fee reduction questions and how to pay. The fee itself comes from
``lasting_power.fees`` (dated amounts), never from here."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms

from digital_services.core.money import pence_format

from ..constants import PaymentMethod
from ..fees import DAMAGES_LIMIT_PENCE, LOW_INCOME_LIMIT_PENCE, Benefit
from .common import helper, yes_no_field

NO_BENEFITS = "none"


class FeeReductionForm(forms.Form):
    wanted = yes_no_field(
        "Does the donor want to apply to pay a reduced fee, or no fee?",
        "Select yes if the donor wants to apply for a reduced fee or no fee",
        help_text="Only the donor's benefits and income count",
    )
    benefits = forms.MultipleChoiceField(
        label="Does the donor get any of these benefits?",
        help_text="Select all that apply",
        required=False,
        choices=[*Benefit.choices, (NO_BENEFITS, "None of these")],
        widget=forms.CheckboxSelectMultiple,
    )
    damages_over_limit = forms.ChoiceField(
        label=f"Has the donor been awarded personal injury damages of more than "
        f"{pence_format(DAMAGES_LIMIT_PENCE)}?",
        required=False,
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect,
    )
    income_under_limit = forms.ChoiceField(
        label=f"Is the donor's gross income less than {pence_format(LOW_INCOME_LIMIT_PENCE)} a year?",
        help_text="Before tax and National Insurance",
        required=False,
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(
            Field.radios("wanted", legend_size=Size.MEDIUM, legend_tag="h1"),
            Fieldset(
                Field.checkboxes("benefits", legend_size=Size.SMALL),
                Field.radios("damages_over_limit", legend_size=Size.SMALL, inline=True),
                Field.radios("income_under_limit", legend_size=Size.SMALL, inline=True),
                legend="If you chose yes",
                legend_size=Size.MEDIUM,
            ),
        )

    def clean(self):
        data = super().clean()
        if data.get("wanted") != "yes":
            return {"wanted": data.get("wanted")} if "wanted" in data else data
        benefits = data.get("benefits") or []
        if not benefits:
            self.add_error("benefits", "Select the benefits the donor gets, or none of these")
        elif NO_BENEFITS in benefits and len(benefits) > 1:
            self.add_error("benefits", "Select 'None of these' or the benefits, not both")
        for name, message in (
            ("damages_over_limit", "Select yes if the donor was awarded damages over £16,000"),
            ("income_under_limit", "Select yes if the donor's income is under £12,000 a year"),
        ):
            if not data.get(name):
                self.add_error(name, message)
        data["benefits"] = [b for b in benefits if b != NO_BENEFITS]
        data["damages_over_limit"] = data.get("damages_over_limit") == "yes"
        data["income_under_limit"] = data.get("income_under_limit") == "yes"
        return data


class PayForm(forms.Form):
    method = forms.ChoiceField(
        label="How do you want to pay?",
        choices=[
            (PaymentMethod.CARD, "By debit or credit card now"),
            (PaymentMethod.CHEQUE, "By cheque, sent with the signed LPA"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select how you want to pay"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(Field.radios("method", legend_size=Size.MEDIUM))
