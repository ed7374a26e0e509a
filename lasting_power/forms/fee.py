"""The fee reduction questions and how to pay. The fee itself comes from
``lasting_power.fees`` (dated amounts), never from here."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.money import pence_format

from ..constants import PaymentMethod
from ..fees import DAMAGES_LIMIT_PENCE, LOW_INCOME_LIMIT_PENCE, Benefit
from .common import yes_no_field

NO_BENEFITS = "none"


class FeeReductionForm(forms.Form):
    wanted = yes_no_field(
        _("Does the donor want to apply to pay a reduced fee, or no fee?"),
        _("Select yes if the donor wants to apply for a reduced fee or no fee"),
        help_text=_("Only the donor's benefits and income count"),
    )
    benefits = forms.MultipleChoiceField(
        label=_("Does the donor get any of these benefits?"),
        help_text=_("Select all that apply"),
        required=False,
        choices=[*Benefit.choices, (NO_BENEFITS, _("None of these"))],
        widget=forms.CheckboxSelectMultiple,
    )
    damages_over_limit = forms.ChoiceField(
        label=format_lazy(
            _("Has the donor been awarded personal injury damages of more than {amount}?"),
            amount=pence_format(DAMAGES_LIMIT_PENCE),
        ),
        required=False,
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
    )
    income_under_limit = forms.ChoiceField(
        label=format_lazy(
            _("Is the donor's gross income less than {amount} a year?"),
            amount=pence_format(LOW_INCOME_LIMIT_PENCE),
        ),
        help_text=_("Before tax and National Insurance"),
        required=False,
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("wanted", legend_size=Size.MEDIUM, legend_tag="h1"),
                Fieldset(
                    Field.checkboxes("benefits", legend_size=Size.SMALL),
                    Field.radios("damages_over_limit", legend_size=Size.SMALL, inline=True),
                    Field.radios("income_under_limit", legend_size=Size.SMALL, inline=True),
                    legend=_("If you chose yes"),
                    legend_size=Size.MEDIUM,
                ),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("wanted") != "yes":
            return {"wanted": data.get("wanted")} if "wanted" in data else data
        benefits = data.get("benefits") or []
        if not benefits:
            self.add_error(
                "benefits", gettext("Select the benefits the donor gets, or none of these")
            )
        elif NO_BENEFITS in benefits and len(benefits) > 1:
            self.add_error("benefits", gettext("Select 'None of these' or the benefits, not both"))
        for name, message in (
            (
                "damages_over_limit",
                gettext("Select yes if the donor was awarded damages over £16,000"),
            ),
            (
                "income_under_limit",
                gettext("Select yes if the donor's income is under £12,000 a year"),
            ),
        ):
            if not data.get(name):
                self.add_error(name, message)
        data["benefits"] = [b for b in benefits if b != NO_BENEFITS]
        data["damages_over_limit"] = data.get("damages_over_limit") == "yes"
        data["income_under_limit"] = data.get("income_under_limit") == "yes"
        return data


class PayForm(forms.Form):
    method = forms.ChoiceField(
        label=_("How do you want to pay?"),
        choices=[
            (PaymentMethod.CARD, _("By debit or credit card now")),
            (PaymentMethod.CHEQUE, _("By cheque, sent with the signed LPA")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how you want to pay")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(lambda: [Field.radios("method", legend_size=Size.MEDIUM)])
