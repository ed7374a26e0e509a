"""Forms for the refunds journey (2017 scheme): profile, applicant, contact, case, respondent, fees, bank."""

from __future__ import annotations

import calendar
import re

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.money import PenceField
from digital_services.journeys.contact import ContactForm

from .. import refunds as refund_rules
from ..constants import (
    EAT_CASE_NUMBER,
    PaymentMethod,
    RefundFeeKind,
    RefundProfile,
    Region,
)
from ..models import et_case_number_validate
from .common import _date_field, _real_date

# Refunds (2017 scheme).


class RefundProfileForm(forms.Form):
    profile = forms.ChoiceField(
        label=_("Who paid the fees?"),
        choices=RefundProfile.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who paid the fees")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(lambda: [Field.radios("profile", legend_size=Size.MEDIUM)])


class RefundApplicantForm(forms.Form):
    title = forms.CharField(label=_("Title (optional)"), required=False, max_length=20)
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        error_messages={"required": _("Enter your full name")},
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    date_of_birth = _date_field(
        _("Date of birth"), "your date of birth", help_text=_("For example, 27 3 1980")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("title", field_width=5),
                Field.text("full_name", field_width=Fluid.TWO_THIRDS),
                Field("date_of_birth", legend_size=Size.SMALL),
            ]
        )

    def clean_date_of_birth(self):
        value = _real_date(self.cleaned_data["date_of_birth"], "your date of birth")
        if value == timezone.localdate():
            raise forms.ValidationError(gettext("Your date of birth must be in the past"))
        return value


class RefundContactForm(ContactForm):
    """Your address (we need it whatever the choice), then how we contact you; a phone
    number for calls is optional."""

    address_always = True
    contact_label = _("How should we contact you about your refund?")

    phone = forms.CharField(
        label=_("Phone number for calls (optional)"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    def contact_layout(self) -> list:
        return [*super().contact_layout(), Field.text("phone", field_width=20)]

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        if value and not re.fullmatch(r"\+?[\d\s()-]{7,20}", value):
            raise forms.ValidationError(
                gettext("Enter a phone number, like 01632 960 001 or 07700 900 982")
            )
        return value


class RefundCaseForm(forms.Form):
    region = forms.ChoiceField(
        label=_("Where was the claim heard?"),
        choices=Region.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select where the claim was heard")},
    )
    et_case_number = forms.CharField(
        label=_("Employment tribunal case number"),
        help_text=_("For example, 1234567/2016. Leave this blank if you only paid appeal fees."),
        required=False,
        max_length=20,
    )
    eat_case_number = forms.CharField(
        label=_("Appeal number (if you appealed)"),
        help_text=_("For example, UKEAT/0123/16/001"),
        required=False,
        max_length=20,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("region", legend_size=Size.SMALL, inline=True),
                Field.text("et_case_number", field_width=20),
                Field.text("eat_case_number", field_width=20),
            ]
        )

    def clean_et_case_number(self):
        value = "".join(self.cleaned_data["et_case_number"].split())
        if value:
            et_case_number_validate(value)
        return value

    def clean_eat_case_number(self):
        value = "".join(self.cleaned_data["eat_case_number"].split()).upper()
        if value and not EAT_CASE_NUMBER.match(value):
            raise forms.ValidationError(
                gettext("Enter the appeal number in the right format, like UKEAT/0123/16/001")
            )
        return value

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("et_case_number")
            and not cleaned.get("eat_case_number")
            and "et_case_number" not in self.errors
            and "eat_case_number" not in self.errors
        ):
            self.add_error(
                "et_case_number",
                gettext("Enter the employment tribunal case number or the appeal number"),
            )
        return cleaned


class RefundRespondentForm(forms.Form):
    respondent_name = forms.CharField(
        label=_("Name of the respondent"),
        help_text=_("The employer or other organisation the claim was against."),
        max_length=200,
        error_messages={"required": _("Enter the name of the respondent (the employer)")},
    )
    respondent_address = forms.CharField(
        label=_("Respondent’s address (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("respondent_name", field_width=Fluid.TWO_THIRDS),
                Field.textarea("respondent_address"),
            ]
        )


class RefundFeeForm(forms.Form):
    """One fee paid: which, how much, how and when (month and year, or not known)."""

    kind = forms.ChoiceField(
        label=_("Which fee did you pay?"),
        choices=RefundFeeKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select which fee you paid")},
    )
    amount_pence = PenceField(
        label=_("How much did you pay?"),
        min_pence=1,
        max_pence=100_000_00,
        error_messages={
            "required": _("Enter the amount you paid for this fee"),
            "invalid": _("Enter the amount in pounds, like 160 or 160.00"),
            "min_value": _("The amount you paid must be more than £0"),
        },
    )
    method = forms.ChoiceField(
        label=_("How did you pay?"),
        choices=PaymentMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how you paid this fee")},
    )
    paid_day = forms.IntegerField(
        label=_("Day (if you know it)"),
        required=False,
        min_value=1,
        max_value=31,
        error_messages={
            "invalid": _("Enter the day as a number from 1 to 31"),
            "min_value": _("Enter the day as a number from 1 to 31"),
            "max_value": _("Enter the day as a number from 1 to 31"),
        },
    )
    paid_month = forms.IntegerField(
        label=_("Month"),
        required=False,
        min_value=1,
        max_value=12,
        error_messages={
            "invalid": _("Enter the month as a number from 1 to 12"),
            "min_value": _("Enter the month as a number from 1 to 12"),
            "max_value": _("Enter the month as a number from 1 to 12"),
        },
    )
    paid_year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=2013,
        max_value=2017,
        error_messages={
            "invalid": _("Enter the year as 4 digits, like 2016"),
            "min_value": _("The date you paid must be between July 2013 and August 2017"),
            "max_value": _("The date you paid must be between July 2013 and August 2017"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("paid_day", "paid_month", "paid_year"):
            self.fields[name].widget = forms.TextInput(attrs={"inputmode": "numeric"})
        self.fields["paid_day"].help_text = gettext(
            "Interest runs from the day you paid. If you only know the month, leave the day "
            "blank and we count from the first day of the month."
        )
        self.fields["paid_month"].help_text = gettext(
            "When you paid, for example 3 2016. Leave both blank if you do not know."
        )
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("kind", legend_size=Size.SMALL),
                Field.text("amount_pence", field_width=10),
                Field.radios("method", legend_size=Size.SMALL),
                Field.text("paid_day", field_width=2),
                Field.text("paid_month", field_width=2),
                Field.text("paid_year", field_width=4),
            ]
        )

    def clean(self):
        cleaned = super().clean()
        month, year = cleaned.get("paid_month"), cleaned.get("paid_year")
        day = cleaned.get("paid_day")
        if "paid_month" in self.errors or "paid_year" in self.errors or "paid_day" in self.errors:
            return cleaned
        if day is not None and (month is None or year is None):
            self.add_error(
                "paid_day", gettext("Enter the month and year you paid as well as the day")
            )
            return cleaned
        if day is not None and day > calendar.monthrange(year, month)[1]:
            self.add_error("paid_day", gettext("The date you paid must be a real date"))
            return cleaned
        if month is None and year is not None:
            self.add_error("paid_month", gettext("Enter the month you paid, or leave both blank"))
        elif year is None and month is not None:
            self.add_error("paid_year", gettext("Enter the year you paid, or leave both blank"))
        elif month is not None and not refund_rules.refund_month_in_scheme(month=month, year=year):
            self.add_error(
                "paid_month", gettext("The date you paid must be between July 2013 and August 2017")
            )
        return cleaned


class RefundBankForm(forms.Form):
    account_name = forms.CharField(
        label=_("Name on the account"),
        max_length=200,
        error_messages={"required": _("Enter the name on the account")},
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )
    bank_name = forms.CharField(
        label=_("Name of the bank or building society"),
        max_length=200,
        error_messages={"required": _("Enter the name of the bank or building society")},
    )
    sort_code = forms.CharField(
        label=_("Sort code"),
        help_text=_("Must be 6 digits long"),
        max_length=20,
        error_messages={"required": _("Enter a sort code")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
    )
    account_number = forms.CharField(
        label=_("Account number"),
        help_text=_("Must be 8 digits long"),
        max_length=20,
        error_messages={"required": _("Enter an account number")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("account_name", field_width=Fluid.TWO_THIRDS),
                Field.text("bank_name", field_width=Fluid.TWO_THIRDS),
                Field.text("sort_code", field_width=5),
                Field.text("account_number", field_width=10),
            ]
        )

    def clean_sort_code(self):
        value = self.cleaned_data["sort_code"]
        if not refund_rules.sort_code_valid(value):
            raise forms.ValidationError(gettext("Enter a valid sort code like 309430"))
        return refund_rules.sort_code_normalise(value)

    def clean_account_number(self):
        value = self.cleaned_data["account_number"]
        if not refund_rules.account_number_valid(value):
            raise forms.ValidationError(gettext("Enter a valid account number like 00733445"))
        return refund_rules.account_number_normalise(value)


class RefundNameChangedForm(forms.Form):
    """The online route is for applicants whose name is the one they paid under; a changed
    name needs the paper form with evidence of the change."""

    name_changed = forms.ChoiceField(
        label=_("Has your name changed since you paid the fees?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether your name has changed since you paid")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.radios("name_changed", legend_size=Size.MEDIUM, inline=True)]
        )

    def clean_name_changed(self):
        value = self.cleaned_data["name_changed"]
        if value == "yes":
            raise forms.ValidationError(
                gettext(
                    "You cannot apply online if your name has changed since you paid. Apply by "
                    "post or email with form 1-C and send a copy of the document that shows the "
                    "change, such as a marriage certificate or deed poll"
                )
            )
        return value


class RefundPaidHereForm(forms.Form):
    paid_here = forms.ChoiceField(
        label=_("Did you pay a fee online with this service?"),
        help_text=_("If you did, we can pay it back to the card you used."),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether you paid a fee online with this service")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.radios("paid_here", legend_size=Size.MEDIUM, inline=True)]
        )


class RefundOnlineFeeForm(forms.Form):
    """The fee paid here: its reference and the email address given when paying (the same
    pair "Find your fee" asks for), so nobody can name somebody else's payment."""

    reference = forms.CharField(
        label=_("Fee reference"),
        help_text=_("It is on your receipt, for example TF-ABC-DEF"),
        max_length=20,
        error_messages={"required": _("Enter your fee reference")},
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocapitalize": "characters"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("The email address you gave when you paid"),
        max_length=254,
        error_messages={
            "required": _("Enter the email address you gave when you paid"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("reference", field_width=10),
                Field.text("email", field_width=Fluid.TWO_THIRDS),
            ]
        )

    def clean_reference(self):
        from .common import fee_reference_clean

        return fee_reference_clean(self.cleaned_data["reference"])

    def clean(self):
        from ..selectors import fee_case_paid_for_refund

        cleaned = super().clean()
        reference, email = cleaned.get("reference"), cleaned.get("email")
        if reference and email and fee_case_paid_for_refund(reference, email) is None:
            raise forms.ValidationError(
                gettext(
                    "We cannot find an employment tribunal fee paid online with that reference "
                    "and email address. Check them, or answer no to the previous question"
                )
            )
        return cleaned
