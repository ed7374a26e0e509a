"""Forms: the sandbox's card page (checked the way GOV.UK Pay checks it) and the
caseworker's refund form in the admin."""

from __future__ import annotations

import re

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fieldset, Fixed, Fluid, Layout, Size
from django import forms
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from digital_services.core.money import PenceField, pence_format

from .sandbox import SandboxCardUnknown, sandbox_card_outcome


class SecretCharField(forms.CharField):
    """A text field whose typed value is never shown back (the card security code)."""

    def bound_data(self, data, initial):
        return None


def luhn_valid(number: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(number)):
        digit = int(char)
        if index % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


class SandboxCardForm(forms.Form):
    """Enter card details. The card number and security code are checked here and used once
    to pick the test outcome; they are never saved, logged or shown back (the number is
    shown back on an error only because this is test data in the user's own browser)."""

    card_no = forms.CharField(
        label=_("Card number"),
        max_length=30,
        error_messages={
            "required": _("Enter your card number"),
            "max_length": _("Enter a valid card number"),
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "cc-number", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )
    expiry_month = forms.CharField(
        label=_("Month"),
        max_length=2,
        error_messages={
            "required": _("Enter the expiry date"),
            "max_length": _("Enter a valid expiry date"),
        },
        widget=forms.TextInput(attrs={"autocomplete": "cc-exp-month", "inputmode": "numeric"}),
    )
    expiry_year = forms.CharField(
        label=_("Year"),
        max_length=4,
        error_messages={
            "required": _("Enter the expiry date"),
            "max_length": _("Enter a valid expiry date"),
        },
        widget=forms.TextInput(attrs={"autocomplete": "cc-exp-year", "inputmode": "numeric"}),
    )
    cardholder_name = forms.CharField(
        label=_("Name on card"),
        max_length=255,
        error_messages={
            "required": _("Enter the name as it appears on the card"),
            "max_length": _("Name on card must be 255 characters or fewer"),
        },
        widget=forms.TextInput(attrs={"autocomplete": "cc-name", "spellcheck": "false"}),
    )
    cvc = SecretCharField(
        label=_("Card security code"),
        help_text=_(
            "The last 3 digits on the back of the card. American Express cards have a "
            "4-digit code on the front."
        ),
        max_length=4,
        error_messages={
            "required": _("Enter your card security code"),
            "max_length": _("Enter a valid card security code"),
        },
        widget=forms.TextInput(attrs={"autocomplete": "cc-csc", "inputmode": "numeric"}),
    )
    address_postcode = forms.CharField(
        label=_("Billing postcode (optional)"),
        max_length=10,
        required=False,
        error_messages={"max_length": _("Enter a real postcode")},
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.text("card_no", field_width=Fixed.TWENTY),
            Fieldset(
                Field.text("expiry_month", field_width=Fixed.TWO),
                Field.text("expiry_year", field_width=Fixed.FOUR),
                legend=gettext("Expiry date"),
                legend_size=Size.SMALL,
            ),
            Field.text("cardholder_name", field_width=Fluid.TWO_THIRDS),
            Field.text("cvc", field_width=Fixed.FOUR),
            Field.text("address_postcode", field_width=Fixed.TEN),
            Button("continue", gettext("Continue")),
        )

    @method_decorator(sensitive_variables("number"))
    def clean_card_no(self) -> str:
        number = re.sub(r"[\s-]", "", self.cleaned_data["card_no"])
        if not number.isdigit() or not 12 <= len(number) <= 19 or not luhn_valid(number):
            raise forms.ValidationError(gettext("Enter a valid card number"))
        try:
            sandbox_card_outcome(number)
        except SandboxCardUnknown:
            raise forms.ValidationError(
                gettext("This is a test page: use a test card number, such as 4444 3333 2222 1111")
            ) from None
        return number

    def clean_cvc(self) -> str:
        cvc = self.cleaned_data["cvc"].strip()
        if not re.fullmatch(r"\d{3,4}", cvc):
            raise forms.ValidationError(gettext("Enter a valid card security code"))
        return cvc

    def clean_cardholder_name(self) -> str:
        name = self.cleaned_data["cardholder_name"].strip()
        if not name:
            raise forms.ValidationError(gettext("Enter the name as it appears on the card"))
        return name

    def clean(self):
        cleaned = super().clean()
        month, year = cleaned.get("expiry_month"), cleaned.get("expiry_year")
        if month is None or year is None:
            return cleaned
        month, year = month.strip(), year.strip()
        if not (month.isdigit() and year.isdigit() and 1 <= int(month) <= 12) or len(year) not in (
            2,
            4,
        ):
            self.add_error("expiry_month", gettext("Enter a valid expiry date"))
            return cleaned
        full_year = int(year) + 2000 if len(year) == 2 else int(year)
        today = timezone.localdate()
        if (full_year, int(month)) < (today.year, today.month):
            self.add_error(
                "expiry_month", gettext("Enter a valid expiry date: the card has expired")
            )
        elif full_year > today.year + 20:
            self.add_error("expiry_month", "Enter a valid expiry date")
        return cleaned


class RefundForm(forms.Form):
    """The caseworker's refund request: amount in pounds and pence, and why."""

    amount = PenceField(
        label="Amount to refund, in pounds",
        min_pence=1,
        error_messages={
            "required": "Enter the amount to refund",
            "invalid": "Enter the amount to refund in pounds and pence, like 160.00",
            "min_value": "The amount to refund must be at least %(limit)s",
        },
    )
    reason = forms.CharField(
        label="Reason for the refund",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Enter the reason for the refund",
            "max_length": "The reason must be 500 characters or fewer",
        },
    )

    def __init__(self, *args, available_pence: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.available_pence = available_pence
        amount = self.fields["amount"]
        amount.max_pence = available_pence
        amount.error_messages["max_value"] = (
            f"The amount to refund must be {pence_format(available_pence)} or less"
        )
