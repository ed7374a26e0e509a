"""Forms for Help with Fees on a fee already paid to the tribunal outside this service:
"Have you already paid?", the payment, and the evidence of payment (sent afterwards)."""

from __future__ import annotations

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.money import PenceField, pence_format

from ..constants import PaidElsewhereMethod
from ..remission import hwf_retrospective_too_late
from .common import _date_field, _real_date


class HwfAlreadyPaidForm(forms.Form):
    already_paid = forms.ChoiceField(
        label=_("Have you already paid this fee?"),
        help_text=_(
            "You can apply for Help with Fees up to 3 months after paying. If you get "
            "help, we refund what it covers."
        ),
        choices=[
            Choice("yes", _("Yes, I paid it to the tribunal")),
            Choice("no", _("No, I have not paid it yet")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes if you have already paid this fee")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.radios("already_paid", legend_size=Size.MEDIUM, inline=False)]
        )


class HwfPaidElsewhereForm(forms.Form):
    """The payment as its payer describes it; a caseworker checks it against their evidence."""

    case_number = forms.CharField(
        label=_("Tribunal case number or appeal reference"),
        help_text=_("It is on letters or emails from the tribunal about your case."),
        max_length=40,
        error_messages={"required": _("Enter your tribunal case number or appeal reference")},
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )
    paid_on = _date_field(
        _("When did you pay?"), "the date you paid", help_text=_("For example, 27 3 2026")
    )
    amount_paid_pence = PenceField(
        label=_("How much did you pay?"),
        max_pence=100_000_000,
        error_messages={
            "required": _("Enter how much you paid"),
            "invalid": _("Enter the amount you paid in pounds, like 140 or 140.00"),
        },
    )
    method = forms.ChoiceField(
        label=_("How did you pay?"),
        choices=PaidElsewhereMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how you paid")},
    )

    def __init__(self, *args, fee_pence: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fee_pence = fee_pence
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("case_number", field_width=Fluid.TWO_THIRDS, label_size=Size.SMALL),
                Field("paid_on", legend_size=Size.SMALL),
                Field.text("amount_paid_pence", field_width=10, label_size=Size.SMALL),
                Field.radios("method", legend_size=Size.SMALL),
            ]
        )

    def clean_case_number(self):
        value = self.cleaned_data["case_number"].strip()
        if not value:
            raise forms.ValidationError(
                gettext("Enter your tribunal case number or appeal reference")
            )
        if not all(ch.isascii() and (ch.isalnum() or ch in " /-.") for ch in value):
            raise forms.ValidationError(
                gettext(
                    "The case number must only include letters, numbers, spaces, slashes and hyphens"
                )
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
            raise forms.ValidationError(gettext("Enter how much you paid"))
        if value is not None and self.fee_pence is not None and value > self.fee_pence:
            raise forms.ValidationError(
                gettext("The amount you paid must be %(fee)s or less: that is the fee")
                % {"fee": pence_format(self.fee_pence)}
            )
        return value


class PaymentEvidenceForm(forms.Form):
    evidence = forms.FileField(
        label=_("Upload evidence of payment"),
        help_text=_(
            "A receipt from the tribunal, or a bank or card statement showing the "
            "payment. The file must be a PDF, JPG or PNG and smaller than 10MB."
        ),
        error_messages={
            "required": _("Select a file"),
            "empty": _("The selected file is empty"),
            "invalid": _("Select a file"),
        },
        widget=forms.FileInput(
            attrs={"class": "govuk-file-upload", "accept": ".pdf,.jpg,.jpeg,.png"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(lambda: [Field("evidence")])
