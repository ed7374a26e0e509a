"""Forms for the Help with Fees journey: the fee, the applicant, partner, savings, benefits, income, children."""

from __future__ import annotations

import re

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.grants import grant_check
from digital_services.core.money import PenceField

from ..constants import (
    GRANT_SCOPE_FEE,
    Benefit,
    FeeCaseStatus,
    IncomeKind,
    IncomePeriod,
)
from ..models import FeeCase
from ..remission import hwf_retrospective_too_late, hwf_savings_band_choices
from .common import YES_NO, _date_field, _real_date, fee_reference_clean
from .pay import EmailForm

# Help with Fees.


class HwfFeeKnownForm(forms.Form):
    has_reference = forms.ChoiceField(
        label=_("Do you have a fee reference?"),
        help_text=_("You get one when you tell us about a fee. It looks like TF-ABC-DEF."),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes if you have a fee reference")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.radios("has_reference", legend_size=Size.MEDIUM, inline=False)]
        )


class HwfFeeReferenceForm(forms.Form):
    reference = forms.CharField(
        label=_("What is your fee reference?"),
        help_text=_("For example, TF-ABC-DEF"),
        max_length=20,
        error_messages={"required": _("Enter your fee reference")},
    )

    #: The fee's grant (core/grants.py), put here by the fee's own page: a reference is
    #: used only with it, so nobody applies on, or sees, someone else's fee.
    grant = forms.CharField(required=False, widget=forms.HiddenInput)

    NOT_GRANTED = _(
        "Open your fee’s page and choose ‘Apply for Help with Fees’ there. If you paid "
        "without an account, find your fee with its reference and your email address first"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reference"].widget.attrs.update({"spellcheck": "false"})
        self.helper = lazy_form_helper(
            lambda: [Field.text("reference", field_width=10, label_size=Size.MEDIUM), "grant"]
        )

    def clean(self):
        cleaned = super().clean()
        reference = cleaned.get("reference")
        if reference and not grant_check(
            cleaned.get("grant", ""), scope=GRANT_SCOPE_FEE, reference=reference
        ):
            self.add_error("reference", self.NOT_GRANTED)
        elif reference:
            # Retrospective Help with Fees: a paid fee only within 3 months of paying.
            paid = FeeCase.objects.filter(
                reference=reference, status=FeeCaseStatus.PAID, paid_at__isnull=False
            ).first()
            too_late = paid and hwf_retrospective_too_late(
                timezone.localdate(paid.paid_at), today=timezone.localdate()
            )
            if too_late:
                self.add_error("reference", too_late)
        return cleaned

    def clean_reference(self):
        return fee_reference_clean(self.cleaned_data["reference"])


class HwfApplicantForm(forms.Form):
    applicant_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        error_messages={"required": _("Enter your full name")},
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    applicant_date_of_birth = _date_field(
        _("Date of birth"), "your date of birth", help_text=_("For example, 27 3 1980")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("applicant_name", field_width=Fluid.TWO_THIRDS),
                Field("applicant_date_of_birth", legend_size=Size.SMALL),
            ]
        )

    def clean_applicant_date_of_birth(self):
        value = _real_date(self.cleaned_data["applicant_date_of_birth"], "your date of birth")
        if value == timezone.localdate():
            raise forms.ValidationError(gettext("Your date of birth must be in the past"))
        return value


class HwfPartnerForm(forms.Form):
    has_partner = forms.ChoiceField(
        label=_("Do you have a partner?"),
        help_text=_("A husband, wife or civil partner, or someone you live with as a couple."),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes if you have a partner")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.radios("has_partner", legend_size=Size.MEDIUM)]
        )


class HwfPartnerBirthForm(forms.Form):
    partner_date_of_birth = _date_field(
        _("What is your partner’s date of birth?"),
        "your partner’s date of birth",
        help_text=_(
            "We ask because the savings limit is higher at 66 or over. For example, 27 3 1980"
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field("partner_date_of_birth", legend_size=Size.MEDIUM)]
        )

    def clean_partner_date_of_birth(self):
        return _real_date(
            self.cleaned_data["partner_date_of_birth"], "your partner’s date of birth"
        )


class HwfSavingsForm(forms.Form):
    capital_pence = PenceField(
        label=_("How much do you have in savings and investments?"),
        help_text=(
            _(
                "Include your partner’s. Count money in bank accounts, cash, ISAs, shares and "
                "property other than your home. Enter 0 if you have none."
            )
        ),
        max_pence=100_000_000_00,
        error_messages={
            "required": _("Enter how much you have in savings and investments"),
            "invalid": _("Enter the amount of savings in pounds, like 1250 or 1250.50"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.text("capital_pence", field_width=10, label_size=Size.MEDIUM)]
        )


class HwfSavingsBandForm(forms.Form):
    """The 2023 scheme's savings question, in its bands; the amount is asked after only
    when the band does not settle the test for this fee."""

    savings_band = forms.ChoiceField(
        label=_("How much do you have in savings and investments?"),
        help_text=(
            _(
                "Include your partner’s. Count money in bank accounts, cash, ISAs, shares and "
                "property other than your home."
            )
        ),
        choices=hwf_savings_band_choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how much you have in savings and investments")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.radios("savings_band", legend_size=Size.MEDIUM)]
        )


class HwfBenefitsForm(forms.Form):
    benefit = forms.ChoiceField(
        label=_("Are you getting any of these benefits?"),
        help_text=_("Select the one you get. You may be asked for proof."),
        choices=[
            *[(b.value, b.label) for b in Benefit if b != Benefit.NONE],
            Choice(Benefit.NONE.value, Benefit.NONE.label),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select a benefit you get, or none of these")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(lambda: [Field.radios("benefit", legend_size=Size.MEDIUM)])


NI_NUMBER = re.compile(r"^[A-Z]{2}\d{6}[A-D]$")


class HwfIdentityForm(forms.Form):
    """The National Insurance number, or the Home Office reference for someone without one
    (an appellant in the immigration tribunal, for example)."""

    ni_number = forms.CharField(
        label=_("National Insurance number"),
        help_text=_(
            "It’s on your payslip or a letter about tax, pensions or benefits. "
            "For example, QQ 12 34 56 C"
        ),
        max_length=13,
        required=False,
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocapitalize": "characters"}),
    )
    home_office_reference = forms.CharField(
        label=_("Home Office reference, if you do not have a National Insurance number"),
        help_text=_("It’s on letters from the Home Office, for example a decision letter."),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocapitalize": "characters"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("ni_number", field_width=10),
                Field.text("home_office_reference", field_width=20),
            ]
        )

    def clean_ni_number(self):
        value = "".join(self.cleaned_data["ni_number"].split()).upper()
        if value and not NI_NUMBER.match(value):
            raise forms.ValidationError(
                gettext(
                    "Enter a National Insurance number in the correct format, like QQ 12 34 56 C"
                )
            )
        return value

    def clean_home_office_reference(self):
        return " ".join(self.cleaned_data["home_office_reference"].split()).upper()

    def clean(self):
        cleaned = super().clean()
        if (
            not self.errors
            and not cleaned.get("ni_number")
            and not cleaned.get("home_office_reference")
        ):
            self.add_error(
                "ni_number",
                gettext(
                    "Enter your National Insurance number, or your Home Office reference if you "
                    "do not have one"
                ),
            )
        return cleaned


class HwfIncomeForm(forms.Form):
    income_kinds = forms.MultipleChoiceField(
        label=_("What kinds of income do you and your partner get?"),
        help_text=_("Select all that apply."),
        choices=IncomeKind.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select the kinds of income you get, or no income")},
    )
    income_period = forms.ChoiceField(
        label=_("Which period is your income for?"),
        choices=IncomePeriod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select which period your income is for")},
    )
    gross_monthly_income_pence = PenceField(
        label=_("What is your total monthly income before tax?"),
        help_text=(
            _(
                "Include your partner’s income: wages, self-employed earnings, benefits, "
                "pensions and maintenance, before tax and National Insurance."
            )
        ),
        max_pence=10_000_000_00,
        error_messages={
            "required": _("Enter your total monthly income before tax"),
            "invalid": _("Enter your monthly income in pounds, like 1450 or 1450.50"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Field.checkboxes("income_kinds", legend_size=Size.SMALL),
                Field.radios("income_period", legend_size=Size.SMALL),
                Field.text("gross_monthly_income_pence", field_width=10, label_size=Size.MEDIUM),
            ]
        )

    def clean(self):
        cleaned = super().clean()
        kinds = cleaned.get("income_kinds") or []
        income = cleaned.get("gross_monthly_income_pence")
        if IncomeKind.NONE in kinds and len(kinds) > 1:
            self.add_error(
                "income_kinds", gettext("Select the kinds of income you get, or no income")
            )
        elif IncomeKind.NONE in kinds and income:
            self.add_error(
                "gross_monthly_income_pence",
                gettext("Enter 0 for your monthly income if you have no income"),
            )
        return cleaned


def _children_field(label: str, messages: tuple) -> forms.IntegerField:
    required, invalid, min_value, max_value = messages
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=30,
        error_messages={
            "required": required,
            "invalid": invalid,
            "min_value": min_value,
            "max_value": max_value,
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class HwfChildrenForm(forms.Form):
    children_0_13 = _children_field(
        _("Children aged 0 to 13"),
        (
            _("Enter the number of children aged 0 to 13, or 0"),
            _("Enter the number of children aged 0 to 13 as a whole number, like 2"),
            _("The number of children aged 0 to 13 must be 0 or more"),
            _("The number of children aged 0 to 13 must be 30 or fewer"),
        ),
    )
    children_14_plus = _children_field(
        _("Children aged 14 or over"),
        (
            _("Enter the number of children aged 14 or over, or 0"),
            _("Enter the number of children aged 14 or over as a whole number, like 2"),
            _("The number of children aged 14 or over must be 0 or more"),
            _("The number of children aged 14 or over must be 30 or fewer"),
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self.fields[name].widget = forms.TextInput(attrs={"inputmode": "numeric"})
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("children_0_13", field_width=3),
                Field.text("children_14_plus", field_width=3),
            ]
        )


class HwfOutcomeForm(EmailForm):
    """ "What you are likely to get", then where to send the decision. It cannot go on
    without a fee to assess (``problem`` says why)."""

    contact_label = _("How should we send you our decision?")

    def __init__(self, *args, fee=None, assessment=None, problem: str = "", **kwargs):
        super().__init__(
            *args,
            help_text=gettext("We’ll contact you when we have decided your application."),
            **kwargs,
        )
        self.fee = fee
        self.assessment = assessment
        self.problem = problem

    def clean(self):
        if self.problem:
            raise forms.ValidationError(self.problem)
        return super().clean()


class HwfLinkForm(forms.Form):
    """ "Already received a decision?": the Help with Fees reference to apply to a fee."""

    reference = forms.CharField(
        label=_("Help with Fees reference"),
        help_text=_("It is on your decision letter or email, for example HWF-ABC-DEF"),
        max_length=20,
        error_messages={"required": _("Enter your Help with Fees reference")},
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocapitalize": "characters"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(lambda: [Field.text("reference", field_width=10)])

    def clean_reference(self) -> str:
        from ..references import reference_typed

        value, problem = reference_typed(self.cleaned_data["reference"], "HWF")
        if problem == "check":
            raise forms.ValidationError(
                gettext("Check your Help with Fees reference: one of its characters is not right")
            )
        if problem:
            raise forms.ValidationError(
                gettext("Enter the Help with Fees reference in the right format, like HWF-ABC-DEF")
            )
        return value
