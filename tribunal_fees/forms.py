"""Forms for Pay tribunal fees.

Caseworker forms in the admin: decide Help with Fees, ask for evidence, record a part
payment, mark a fee not paid, issue or reject a refund. Citizen forms for the journeys
in ``journeys.py``: pay a fee, Help with Fees, apply for a refund. Amounts are typed in
pounds and turned into whole pence without floats."""

from __future__ import annotations

import re

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Size
from django import forms
from django.utils import timezone

from digital_services.core.grants import grant_check
from digital_services.core.money import PenceField
from digital_services.journeys.contact import ContactForm

from . import refunds as refund_rules
from .constants import (
    EAT_CASE_NUMBER,
    FEES_FIRST_DAY,
    FEES_LAST_DAY,
    GRANT_SCOPE_FEE,
    TYPE_A_ELEMENTS,
    Benefit,
    ClaimElement,
    FeeKind,
    HwfOutcome,
    Jurisdiction,
    PayerRole,
    PaymentMethod,
    RefundFeeKind,
    RefundIssueMethod,
    RefundProfile,
    Region,
)
from .models import et_case_number_validate
from .references import reference_typed

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


# Citizen journeys (journeys.py): pay a fee, Help with Fees, apply for a refund. One
# question per page where the pattern asks for it; GOV.UK messages per field.

YES_NO = [("yes", "Yes"), ("no", "No")]
FEE_REFERENCE = re.compile(r"^TF-[A-Z0-9]{3}-[A-Z0-9]{3}$")
#: What a citizen chooses on "What are you paying for?"
KIND_ISSUE, KIND_HEARING, KIND_OTHER = "issue", "hearing", "other"
OTHER_KINDS = [kind for kind in FeeKind if kind not in (FeeKind.ISSUE, FeeKind.HEARING)]
EAT_KINDS = (FeeKind.EAT_LODGE, FeeKind.EAT_HEARING)
PAY_NOW, APPLY_HWF = "pay", "hwf"


def _helper(*fields) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(*fields)
    return helper


class DateField(DateInputField):
    """GOV.UK date input whose impossible dates (31 2 2016) get our "real date" message."""

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except (forms.ValidationError, OverflowError):  # a number too big for a date: not a 500
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


def _date_field(label: str, what: str, *, help_text: str) -> DateInputField:
    field = DateField(label=label, require_all_fields=False, help_text=help_text)
    field.error_messages["required"] = f"Enter {what}"
    field.error_messages["invalid"] = f"{what[0].upper()}{what[1:]} must be a real date"
    return field


def _real_date(value, what: str):
    """DateInputField gives a date, or raises on a date that does not exist."""
    if value is None:
        return value
    if value > timezone.localdate():
        raise forms.ValidationError(f"{what[0].upper()}{what[1:]} must be today or in the past")
    if value.year < 1900:
        raise forms.ValidationError(f"{what[0].upper()}{what[1:]} must be after 1900")
    return value


def fee_kind_for(kind_choice: str | None, other_kind: str | None) -> str | None:
    """The fee kind from "What are you paying for?" (and "Which fee?" for another fee)."""
    if kind_choice in (KIND_ISSUE, KIND_HEARING):
        return kind_choice
    return other_kind


def jurisdiction_for(kind: str | None) -> str:
    return Jurisdiction.EAT if kind in EAT_KINDS else Jurisdiction.ET


class FeeKindForm(forms.Form):
    kind = forms.ChoiceField(
        label="What are you paying for?",
        choices=[
            Choice(
                KIND_ISSUE,
                "An issue fee for a new claim",
                hint="Paid when you send your claim (form ET1) to the employment tribunal.",
            ),
            Choice(
                KIND_HEARING,
                "A hearing fee",
                hint="The tribunal tells you when to pay it. You need your case number.",
            ),
            Choice(
                KIND_OTHER,
                "Another fee",
                hint="For example reconsideration of a judgment, judicial mediation or an appeal.",
            ),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select what you are paying for"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.radios("kind", legend_size=Size.MEDIUM))


class OtherFeeForm(forms.Form):
    other_kind = forms.ChoiceField(
        label="Which fee are you paying?",
        choices=[(kind.value, kind.label) for kind in OTHER_KINDS],
        widget=forms.RadioSelect,
        error_messages={"required": "Select which fee you are paying"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.radios("other_kind", legend_size=Size.MEDIUM))


class CaseNumberForm(forms.Form):
    """The tribunal case number: ``NNNNNNN/YYYY``, or ``UKEAT/NNNN/YY/NNN`` for an appeal."""

    case_number = forms.CharField(max_length=20)

    def __init__(self, *args, jurisdiction: str = Jurisdiction.ET, **kwargs):
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        field = self.fields["case_number"]
        if jurisdiction == Jurisdiction.EAT:
            field.label = "What is your appeal number?"
            field.help_text = "For example, UKEAT/0123/16/001"
            field.error_messages["required"] = "Enter your appeal number"
        else:
            field.label = "What is your employment tribunal case number?"
            field.help_text = "It is on letters from the tribunal, for example 1234567/2016"
            field.error_messages["required"] = "Enter your employment tribunal case number"
        field.widget.attrs.update({"spellcheck": "false"})
        self.helper = _helper(Field.text("case_number", field_width=20, label_size=Size.MEDIUM))

    def clean_case_number(self):
        value = "".join(self.cleaned_data["case_number"].split()).upper()
        if self.jurisdiction == Jurisdiction.EAT:
            if not EAT_CASE_NUMBER.match(value):
                raise forms.ValidationError(
                    "Enter the appeal number in the right format, like UKEAT/0123/16/001"
                )
        else:
            et_case_number_validate(value)
        return value


class FeeDateForm(forms.Form):
    """The date the claim was presented (or the fee was due): the fee in force then applies."""

    fee_date = _date_field("Date", "the date", help_text="For example, 27 3 2016")

    def __init__(self, *args, kind: str | None = None, fees_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fees_only = fees_only
        field = self.fields["fee_date"]
        if kind in (FeeKind.ISSUE, None):
            field.label = "When was the claim presented to the tribunal?"
            what = "the date the claim was presented"
        else:
            field.label = "When was the fee due?"
            what = "the date the fee was due"
            field.help_text = "It is on the letter from the tribunal, for example 27 3 2016"
        self.what = what
        field.error_messages["required"] = f"Enter {what}"
        field.error_messages["invalid"] = f"{what[0].upper()}{what[1:]} must be a real date"
        self.helper = _helper(Field("fee_date", legend_size=Size.MEDIUM))

    def clean_fee_date(self):
        value = _real_date(self.cleaned_data["fee_date"], self.what)
        if self.fees_only and not FEES_FIRST_DAY <= value <= FEES_LAST_DAY:
            raise forms.ValidationError(
                "There was no fee to pay on that date: employment tribunal fees were charged "
                "from 29 July 2013 to 26 July 2017"
            )
        return value


class PayerForm(forms.Form):
    payer_role = forms.ChoiceField(
        label="Who is paying the fee?",
        choices=[
            Choice(PayerRole.CLAIMANT, "The claimant", hint="The person making the claim."),
            Choice(
                PayerRole.REPRESENTATIVE,
                "A representative",
                hint="A solicitor, trade union or adviser paying for the claimant.",
            ),
            Choice(PayerRole.RESPONDENT, "The respondent", hint="The employer."),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select who is paying the fee"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.radios("payer_role", legend_size=Size.MEDIUM))


class ClaimantsForm(forms.Form):
    claimants = forms.IntegerField(
        label="How many people are named as claimants on the claim?",
        help_text="Enter 1 if you are claiming on your own. A group of claimants pays one group fee.",
        min_value=1,
        max_value=100_000,
        error_messages={
            "required": "Enter the number of claimants",
            "invalid": "Enter the number of claimants as a whole number, like 3",
            "min_value": "The number of claimants must be 1 or more",
            "max_value": "The number of claimants must be 100,000 or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["claimants"].widget.attrs.update({"inputmode": "numeric"})
        self.helper = _helper(Field.text("claimants", field_width=5, label_size=Size.MEDIUM))


_ELEMENT_HINTS = {
    element: "Type A" if element in TYPE_A_ELEMENTS else "Type B" for element in ClaimElement
}


class ClaimAboutForm(forms.Form):
    claim_elements = forms.MultipleChoiceField(
        label="What is the claim about?",
        help_text="Select all that apply.",
        choices=[
            Choice(element.value, element.label, hint=f"A {_ELEMENT_HINTS[element]} complaint")
            for element in ClaimElement
        ],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select what the claim is about"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.checkboxes("claim_elements", legend_size=Size.MEDIUM))


class FeeChoiceForm(forms.Form):
    """On "Your fee": pay now, or apply for Help with Fees first."""

    next_step = forms.ChoiceField(
        label="What do you want to do?",
        choices=[
            Choice(PAY_NOW, "Pay the fee now by card"),
            Choice(
                APPLY_HWF,
                "Apply for Help with Fees",
                hint="If you are on certain benefits or a low income, you may pay less or nothing.",
            ),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether you want to pay now or apply for Help with Fees"
        },
    )

    def __init__(self, *args, quote=None, rows=(), group=None, no_fee_reason: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.quote = quote
        self.rows = list(rows)
        self.group = group
        self.no_fee_reason = no_fee_reason
        self.helper = _helper(Field.radios("next_step", legend_size=Size.MEDIUM))

    def clean(self):
        cleaned = super().clean()
        if self.quote is None:
            raise forms.ValidationError("There is no fee to pay")
        return cleaned


class GroupHwfForm(forms.Form):
    remitted_claimants = forms.IntegerField(
        label="How many of the claimants are getting Help with Fees?",
        help_text=(
            "Count the claimants who have applied for or been given full Help with Fees. "
            "Each of them applies separately."
        ),
        min_value=0,
        error_messages={
            "required": "Enter how many claimants are getting Help with Fees",
            "invalid": "Enter the number of claimants as a whole number, like 2",
            "min_value": "The number of claimants getting Help with Fees must be 0 or more",
        },
    )

    def __init__(self, *args, claimants: int = 1, **kwargs):
        super().__init__(*args, **kwargs)
        self.claimants = claimants
        field = self.fields["remitted_claimants"]
        field.max_value = claimants
        field.widget.attrs.update({"inputmode": "numeric"})
        self.helper = _helper(
            Field.text("remitted_claimants", field_width=5, label_size=Size.MEDIUM)
        )

    def clean_remitted_claimants(self):
        value = self.cleaned_data["remitted_claimants"]
        if value > self.claimants:
            raise forms.ValidationError(
                f"The number of claimants getting Help with Fees must be {self.claimants:,} or fewer"
            )
        return value


class EmailForm(ContactForm):
    """How we contact the payer: the platform's step (email, text message or post)."""

    contact_label = "How should we send your receipt and updates about this fee?"


class FeeFindForm(forms.Form):
    """ "Find your fee": its reference and the email address given when it was made."""

    reference = forms.CharField(
        label="Fee reference",
        help_text="It is in the email we sent you, for example TF-ABC-DEF",
        max_length=20,
        error_messages={"required": "Enter your fee reference"},
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocapitalize": "characters"}),
    )
    email = forms.EmailField(
        label="Email address",
        help_text="The email address you gave when you told us about the fee",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("reference", field_width=10),
            Field.text("email", field_width=Fluid.TWO_THIRDS),
        )

    def clean_reference(self):
        value, problem = reference_typed(self.cleaned_data["reference"], "TF")
        if problem == "check":
            raise forms.ValidationError(
                "Check your fee reference: one of its characters is not right"
            )
        if problem or not FEE_REFERENCE.match(value):
            raise forms.ValidationError(
                "Enter the fee reference in the right format, like TF-ABC-DEF"
            )
        return value


# Help with Fees.


class HwfFeeKnownForm(forms.Form):
    has_reference = forms.ChoiceField(
        label="Do you have a fee reference?",
        help_text="You get one when you tell us about a fee. It looks like TF-ABC-DEF.",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if you have a fee reference"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.radios("has_reference", legend_size=Size.MEDIUM, inline=False))


class HwfFeeReferenceForm(forms.Form):
    reference = forms.CharField(
        label="What is your fee reference?",
        help_text="For example, TF-ABC-DEF",
        max_length=20,
        error_messages={"required": "Enter your fee reference"},
    )

    #: The fee's grant (core/grants.py), put here by the fee's own page: a reference is
    #: used only with it, so nobody applies on, or sees, someone else's fee.
    grant = forms.CharField(required=False, widget=forms.HiddenInput)

    NOT_GRANTED = (
        "Open your fee’s page and choose ‘Apply for Help with Fees’ there. If you paid "
        "without an account, find your fee with its reference and your email address first"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reference"].widget.attrs.update({"spellcheck": "false"})
        self.helper = _helper(
            Field.text("reference", field_width=10, label_size=Size.MEDIUM), "grant"
        )

    def clean(self):
        cleaned = super().clean()
        reference = cleaned.get("reference")
        if reference and not grant_check(
            cleaned.get("grant", ""), scope=GRANT_SCOPE_FEE, reference=reference
        ):
            self.add_error("reference", self.NOT_GRANTED)
        return cleaned

    def clean_reference(self):
        """Spaces, hyphens, case and O/I/L for 0/1 forgiven; a mistyped character or two
        swapped ones caught by the check character (older references have none)."""
        value, problem = reference_typed(self.cleaned_data["reference"], "TF")
        if problem == "check":
            raise forms.ValidationError(
                "Check your fee reference: one of its characters is not right"
            )
        if problem or not FEE_REFERENCE.match(value):
            raise forms.ValidationError(
                "Enter the fee reference in the right format, like TF-ABC-DEF"
            )
        return value


class HwfApplicantForm(forms.Form):
    applicant_name = forms.CharField(
        label="Full name",
        max_length=200,
        error_messages={"required": "Enter your full name"},
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    applicant_date_of_birth = _date_field(
        "Date of birth", "your date of birth", help_text="For example, 27 3 1980"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("applicant_name", field_width=Fluid.TWO_THIRDS),
            Field("applicant_date_of_birth", legend_size=Size.SMALL),
        )

    def clean_applicant_date_of_birth(self):
        value = _real_date(self.cleaned_data["applicant_date_of_birth"], "your date of birth")
        if value == timezone.localdate():
            raise forms.ValidationError("Your date of birth must be in the past")
        return value


class HwfPartnerForm(forms.Form):
    has_partner = forms.ChoiceField(
        label="Do you have a partner?",
        help_text="A husband, wife or civil partner, or someone you live with as a couple.",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if you have a partner"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.radios("has_partner", legend_size=Size.MEDIUM))


class HwfPartnerBirthForm(forms.Form):
    partner_date_of_birth = _date_field(
        "What is your partner’s date of birth?",
        "your partner’s date of birth",
        help_text="We ask because the savings limit is higher at 66 or over. For example, 27 3 1980",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field("partner_date_of_birth", legend_size=Size.MEDIUM))

    def clean_partner_date_of_birth(self):
        return _real_date(
            self.cleaned_data["partner_date_of_birth"], "your partner’s date of birth"
        )


class HwfSavingsForm(forms.Form):
    capital_pence = PenceField(
        label="How much do you have in savings and investments?",
        help_text=(
            "Include your partner’s. Count money in bank accounts, cash, ISAs, shares and "
            "property other than your home. Enter 0 if you have none."
        ),
        max_pence=100_000_000_00,
        error_messages={
            "required": "Enter how much you have in savings and investments",
            "invalid": "Enter the amount of savings in pounds, like 1250 or 1250.50",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.text("capital_pence", field_width=10, label_size=Size.MEDIUM))


class HwfBenefitsForm(forms.Form):
    benefit = forms.ChoiceField(
        label="Are you getting any of these benefits?",
        help_text="Select the one you get. You may be asked for proof.",
        choices=[
            *[(b.value, b.label) for b in Benefit if b != Benefit.NONE],
            Choice(Benefit.NONE.value, Benefit.NONE.label),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select a benefit you get, or none of these"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.radios("benefit", legend_size=Size.MEDIUM))


class HwfIncomeForm(forms.Form):
    gross_monthly_income_pence = PenceField(
        label="What is your total monthly income before tax?",
        help_text=(
            "Include your partner’s income: wages, self-employed earnings, benefits, "
            "pensions and maintenance, before tax and National Insurance."
        ),
        max_pence=10_000_000_00,
        error_messages={
            "required": "Enter your total monthly income before tax",
            "invalid": "Enter your monthly income in pounds, like 1450 or 1450.50",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("gross_monthly_income_pence", field_width=10, label_size=Size.MEDIUM)
        )


def _children_field(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=30,
        error_messages={
            "required": f"Enter the number of {label.lower()}, or 0",
            "invalid": f"Enter the number of {label.lower()} as a whole number, like 2",
            "min_value": f"The number of {label.lower()} must be 0 or more",
            "max_value": f"The number of {label.lower()} must be 30 or fewer",
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class HwfChildrenForm(forms.Form):
    children_0_13 = _children_field("Children aged 0 to 13")
    children_14_plus = _children_field("Children aged 14 or over")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self.fields[name].widget = forms.TextInput(attrs={"inputmode": "numeric"})
        self.helper = _helper(
            Field.text("children_0_13", field_width=3),
            Field.text("children_14_plus", field_width=3),
        )


class HwfOutcomeForm(EmailForm):
    """ "What you are likely to get", then where to send the decision. It cannot go on
    without a fee to assess (``problem`` says why)."""

    contact_label = "How should we send you our decision?"

    def __init__(self, *args, fee=None, assessment=None, problem: str = "", **kwargs):
        super().__init__(
            *args, help_text="We’ll contact you when we have decided your application.", **kwargs
        )
        self.fee = fee
        self.assessment = assessment
        self.problem = problem

    def clean(self):
        if self.problem:
            raise forms.ValidationError(self.problem)
        return super().clean()


# Refunds (2017 scheme).


class RefundProfileForm(forms.Form):
    profile = forms.ChoiceField(
        label="Who paid the fees?",
        choices=RefundProfile.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who paid the fees"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.radios("profile", legend_size=Size.MEDIUM))


class RefundApplicantForm(forms.Form):
    title = forms.CharField(label="Title (optional)", required=False, max_length=20)
    full_name = forms.CharField(
        label="Full name",
        max_length=200,
        error_messages={"required": "Enter your full name"},
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    date_of_birth = _date_field(
        "Date of birth", "your date of birth", help_text="For example, 27 3 1980"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("title", field_width=5),
            Field.text("full_name", field_width=Fluid.TWO_THIRDS),
            Field("date_of_birth", legend_size=Size.SMALL),
        )

    def clean_date_of_birth(self):
        value = _real_date(self.cleaned_data["date_of_birth"], "your date of birth")
        if value == timezone.localdate():
            raise forms.ValidationError("Your date of birth must be in the past")
        return value


class RefundContactForm(ContactForm):
    """Your address (we need it whatever the choice), then how we contact you; a phone
    number for calls is optional."""

    address_always = True
    contact_label = "How should we contact you about your refund?"

    phone = forms.CharField(
        label="Phone number for calls (optional)",
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    def contact_layout(self) -> list:
        return [*super().contact_layout(), Field.text("phone", field_width=20)]

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        if value and not re.fullmatch(r"\+?[\d\s()-]{7,20}", value):
            raise forms.ValidationError("Enter a phone number, like 01632 960 001 or 07700 900 982")
        return value


class RefundCaseForm(forms.Form):
    region = forms.ChoiceField(
        label="Where was the claim heard?",
        choices=Region.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select where the claim was heard"},
    )
    et_case_number = forms.CharField(
        label="Employment tribunal case number",
        help_text="For example, 1234567/2016. Leave this blank if you only paid appeal fees.",
        required=False,
        max_length=20,
    )
    eat_case_number = forms.CharField(
        label="Appeal number (if you appealed)",
        help_text="For example, UKEAT/0123/16/001",
        required=False,
        max_length=20,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.radios("region", legend_size=Size.SMALL, inline=True),
            Field.text("et_case_number", field_width=20),
            Field.text("eat_case_number", field_width=20),
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
                "Enter the appeal number in the right format, like UKEAT/0123/16/001"
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
                "et_case_number", "Enter the employment tribunal case number or the appeal number"
            )
        return cleaned


class RefundRespondentForm(forms.Form):
    respondent_name = forms.CharField(
        label="Name of the respondent",
        help_text="The employer or other organisation the claim was against.",
        max_length=200,
        error_messages={"required": "Enter the name of the respondent (the employer)"},
    )
    respondent_address = forms.CharField(
        label="Respondent’s address (optional)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("respondent_name", field_width=Fluid.TWO_THIRDS),
            Field.textarea("respondent_address"),
        )


class RefundFeeForm(forms.Form):
    """One fee paid: which, how much, how and when (month and year, or not known)."""

    kind = forms.ChoiceField(
        label="Which fee did you pay?",
        choices=RefundFeeKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select which fee you paid"},
    )
    amount_pence = PenceField(
        label="How much did you pay?",
        min_pence=1,
        max_pence=100_000_00,
        error_messages={
            "required": "Enter the amount you paid for this fee",
            "invalid": "Enter the amount in pounds, like 160 or 160.00",
            "min_value": "The amount you paid must be more than £0",
        },
    )
    method = forms.ChoiceField(
        label="How did you pay?",
        choices=PaymentMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how you paid this fee"},
    )
    paid_month = forms.IntegerField(
        label="Month",
        required=False,
        min_value=1,
        max_value=12,
        error_messages={
            "invalid": "Enter the month as a number from 1 to 12",
            "min_value": "Enter the month as a number from 1 to 12",
            "max_value": "Enter the month as a number from 1 to 12",
        },
    )
    paid_year = forms.IntegerField(
        label="Year",
        required=False,
        min_value=2013,
        max_value=2017,
        error_messages={
            "invalid": "Enter the year as 4 digits, like 2016",
            "min_value": "The date you paid must be between July 2013 and August 2017",
            "max_value": "The date you paid must be between July 2013 and August 2017",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("paid_month", "paid_year"):
            self.fields[name].widget = forms.TextInput(attrs={"inputmode": "numeric"})
        self.fields[
            "paid_month"
        ].help_text = "When you paid, for example 3 2016. Leave both blank if you do not know."
        self.helper = _helper(
            Field.radios("kind", legend_size=Size.SMALL),
            Field.text("amount_pence", field_width=10),
            Field.radios("method", legend_size=Size.SMALL),
            Field.text("paid_month", field_width=2),
            Field.text("paid_year", field_width=4),
        )

    def clean(self):
        cleaned = super().clean()
        month, year = cleaned.get("paid_month"), cleaned.get("paid_year")
        if "paid_month" in self.errors or "paid_year" in self.errors:
            return cleaned
        if month is None and year is not None:
            self.add_error("paid_month", "Enter the month you paid, or leave both blank")
        elif year is None and month is not None:
            self.add_error("paid_year", "Enter the year you paid, or leave both blank")
        elif month is not None and not refund_rules.refund_month_in_scheme(month=month, year=year):
            self.add_error(
                "paid_month", "The date you paid must be between July 2013 and August 2017"
            )
        return cleaned


class RefundBankForm(forms.Form):
    account_name = forms.CharField(
        label="Name on the account",
        max_length=200,
        error_messages={"required": "Enter the name on the account"},
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )
    bank_name = forms.CharField(
        label="Name of the bank or building society",
        max_length=200,
        error_messages={"required": "Enter the name of the bank or building society"},
    )
    sort_code = forms.CharField(
        label="Sort code",
        help_text="Must be 6 digits long",
        max_length=20,
        error_messages={"required": "Enter a sort code"},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
    )
    account_number = forms.CharField(
        label="Account number",
        help_text="Must be 8 digits long",
        max_length=20,
        error_messages={"required": "Enter an account number"},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("account_name", field_width=Fluid.TWO_THIRDS),
            Field.text("bank_name", field_width=Fluid.TWO_THIRDS),
            Field.text("sort_code", field_width=5),
            Field.text("account_number", field_width=10),
        )

    def clean_sort_code(self):
        value = self.cleaned_data["sort_code"]
        if not refund_rules.sort_code_valid(value):
            raise forms.ValidationError("Enter a valid sort code like 309430")
        return refund_rules.sort_code_normalise(value)

    def clean_account_number(self):
        value = self.cleaned_data["account_number"]
        if not refund_rules.account_number_valid(value):
            raise forms.ValidationError("Enter a valid account number like 00733445")
        return refund_rules.account_number_normalise(value)
