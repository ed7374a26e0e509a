"""The tenant's response to a possession claim: one form per page (domain notes section 3,
"Defendant response"). A follow-up question that an answer makes necessary (the correct
date when the claim's is wrong, the details of a dispute) is on the same page and only
required after that answer; without that answer it is emptied, so nothing stale is sent."""

from __future__ import annotations

import datetime as dt

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.forms import GovukDateField
from digital_services.core.money import PenceField

from ..constants import CLAIM_NUMBER
from ..possession_response_constants import (
    AdviceAnswer,
    CounterclaimKind,
    InstalmentFrequency,
    UniversalCredit,
    YesNoNotSure,
)
from .forms import _radios, _textarea
from .possession_forms import TEXT_MAX, YES_NO, _needs, _text

MONEY_MAX = 100_000_000  # £1,000,000: more than any rent, income or debt in a response
PEOPLE_MAX = 30


def _money(label: str, invalid: str, *, hint: str = "") -> PenceField:
    return PenceField(
        label=label,
        required=False,
        max_pence=MONEY_MAX,
        help_text=hint,
        error_messages={"invalid": invalid},
    )


def _date(what: str) -> GovukDateField:
    return GovukDateField(what=what, required=False)


def _past(form, data, field: str, message: str) -> None:
    day = data.get(field)
    if day and day > timezone.localdate():
        form.add_error(field, message)


def _count(label: str, required: str, invalid: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=PEOPLE_MAX,
        error_messages={
            "required": required,
            "invalid": invalid,
            "min_value": _("Enter 0 or more"),
            "max_value": format_lazy(_("Enter {max} or fewer"), max=PEOPLE_MAX),
        },
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-3"}),
    )


class ResponseClaimForm(forms.Form):
    """Which claim: the claim number from the claim pack (the tenant's claim page fills it
    in). Sending checks it is a claim linked to this account."""

    claim_number = forms.CharField(
        label=_("Claim number"),
        max_length=20,
        help_text=_("It is on the claim pack we sent you, for example 123MC456"),
        error_messages={"required": _("Enter the claim number")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.text("claim_number", field_width=10, label_size=Size.MEDIUM)]
        )

    def clean_claim_number(self):
        number = "".join(self.cleaned_data["claim_number"].split()).upper()
        if not CLAIM_NUMBER.match(number):
            raise forms.ValidationError(
                _("Enter the claim number as it is shown on the claim pack, like 123MC456")
            )
        return number


class ResponseDetailsForm(forms.Form):
    name_correct = _radios(YES_NO, _("Select yes if your name is correct on the claim"))
    correct_name = _text(_("Your full name"))
    address_correct = _radios(YES_NO, _("Select yes if your address is correct on the claim"))
    correct_address = _textarea(_("Your correct address"), "", 500)
    date_of_birth = GovukDateField(what=_("your date of birth"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_correct"].label = _("Is your name correct on the claim?")
        self.fields["address_correct"].label = _("Is your address correct on the claim?")
        self.fields["correct_address"].widget.attrs["rows"] = 3
        self.fields["date_of_birth"].label = _("Your date of birth")
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("name_correct", legend_size=Size.SMALL, inline=True),
                Field.text("correct_name"),
                Field.radios("address_correct", legend_size=Size.SMALL, inline=True),
                Field.textarea("correct_address"),
                Field("date_of_birth"),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("name_correct") == "no":
            _needs(self, data, "correct_name", _("Enter your full name"))
        else:
            data["correct_name"] = ""
        if data.get("address_correct") == "no":
            _needs(self, data, "correct_address", _("Enter your correct address"))
        else:
            data["correct_address"] = ""
        born = data.get("date_of_birth")
        if born and born > timezone.localdate() - dt.timedelta(days=365 * 16):
            self.add_error("date_of_birth", _("Your date of birth must be at least 16 years ago"))
        return data


class ResponseTenancyForm(forms.Form):
    start_correct = _radios(
        YesNoNotSure.choices, _("Select whether the tenancy start date on the claim is correct")
    )
    start_date = _date(_("the date your tenancy started"))
    type_correct = _radios(
        YesNoNotSure.choices, _("Select whether the type of tenancy on the claim is correct")
    )
    type_details = _textarea(_("What type of tenancy you have"), "", 1_000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start_correct"].label = _("Is the tenancy start date on the claim correct?")
        self.fields["start_date"].label = _("If not, when did your tenancy start?")
        self.fields["type_correct"].label = _("Is the type of tenancy on the claim correct?")
        self.fields["type_details"].widget.attrs["rows"] = 3
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("start_correct", legend_size=Size.SMALL),
                Field("start_date"),
                Field.radios("type_correct", legend_size=Size.SMALL),
                Field.textarea("type_details"),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("start_correct") == YesNoNotSure.NO:
            if not data.get("start_date") and "start_date" not in self.errors:
                self.add_error("start_date", _("Enter the date your tenancy started"))
            _past(
                self,
                data,
                "start_date",
                _("The date your tenancy started must be today or in the past"),
            )
        else:
            data["start_date"] = None
        if data.get("type_correct") == YesNoNotSure.NO:
            _needs(self, data, "type_details", _("Enter what type of tenancy you have"))
        else:
            data["type_details"] = ""
        return data


class ResponseNoticeForm(forms.Form):
    received = _radios(YesNoNotSure.choices, _("Select whether you received the notice"))
    received_on = _date(_("the date you received the notice"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received"].label = _(
            "Did you receive the notice your landlord says they served before the claim?"
        )
        self.fields["received_on"].label = _("If yes, when did you receive it?")
        self.helper = lazy_form_helper(
            lambda: [Field.radios("received", legend_size=Size.MEDIUM), Field("received_on")]
        )

    def clean(self):
        data = super().clean()
        if data.get("received") == YesNoNotSure.YES:
            if not data.get("received_on") and "received_on" not in self.errors:
                self.add_error("received_on", _("Enter the date you received the notice"))
            _past(
                self,
                data,
                "received_on",
                _("The date you received the notice must be today or in the past"),
            )
        else:
            data["received_on"] = None
        return data


class ResponseArrearsForm(forms.Form):
    correct = _radios(
        YesNoNotSure.choices, _("Select whether the rent arrears on the claim are correct")
    )
    owed = _money(
        _("If not, how much do you think you owe?"),
        _("Enter how much you think you owe in pounds and pence, like 125.50"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["correct"].label = _("Is the amount of rent arrears on the claim correct?")
        self.helper = lazy_form_helper(
            lambda: [Field.radios("correct", legend_size=Size.MEDIUM), Field.text("owed")]
        )

    def clean(self):
        data = super().clean()
        if data.get("correct") == YesNoNotSure.NO:
            if data.get("owed") is None and "owed" not in self.errors:
                self.add_error("owed", _("Enter how much you think you owe"))
        else:
            data["owed"] = None
        return data


class ResponseDisputeForm(forms.Form):
    disputes = _radios(YES_NO, _("Select yes if you disagree with the claim"))
    details = _textarea(_("Why you disagree with the claim"), "", TEXT_MAX)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["disputes"].label = _("Do you disagree with the claim for possession?")
        self.fields["details"].help_text = _(
            "For example, the notice was not valid, the rent was paid, or repairs were not done."
        )
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("disputes", legend_size=Size.MEDIUM, inline=True),
                Field.textarea("details"),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("disputes") == "yes":
            _needs(self, data, "details", _("Enter why you disagree with the claim"))
        else:
            data["details"] = ""
        return data


class ResponsePaymentsForm(forms.Form):
    paid_since = _radios(YES_NO, _("Select yes if you have paid anything since the claim"))
    paid_details = _textarea(_("What you have paid, and when"), "", 2_000)
    plan_agreed = _radios(YES_NO, _("Select yes if you agreed a repayment plan with your landlord"))
    plan_details = _textarea(_("The repayment plan you agreed"), "", 2_000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paid_since"].label = _("Have you paid any of the arrears since the claim?")
        self.fields["plan_agreed"].label = _("Have you agreed a repayment plan with your landlord?")
        for name in ("paid_details", "plan_details"):
            self.fields[name].widget.attrs["rows"] = 3
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("paid_since", legend_size=Size.SMALL, inline=True),
                Field.textarea("paid_details"),
                Field.radios("plan_agreed", legend_size=Size.SMALL, inline=True),
                Field.textarea("plan_details"),
            ]
        )

    def clean(self):
        data = super().clean()
        for answer, field, message in (
            ("paid_since", "paid_details", _("Enter what you have paid, and when")),
            ("plan_agreed", "plan_details", _("Enter the repayment plan you agreed")),
        ):
            if data.get(answer) == "yes":
                _needs(self, data, field, message)
            else:
                data[field] = ""
        return data


class ResponseInstalmentsForm(forms.Form):
    offer = _radios(YES_NO, _("Select yes if you want to offer to pay the arrears in instalments"))
    amount = _money(
        _("How much can you pay each time, on top of your rent?"),
        _("Enter the instalment in pounds and pence, like 125.50"),
    )
    frequency = forms.ChoiceField(
        label=_("How often?"),
        required=False,
        choices=InstalmentFrequency.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].label = _("Do you want to offer to pay the arrears in instalments?")
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("offer", legend_size=Size.MEDIUM, inline=True),
                Field.text("amount"),
                Field.radios("frequency", legend_size=Size.SMALL, inline=True),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("offer") == "yes":
            if not data.get("amount") and "amount" not in self.errors:
                self.add_error("amount", _("Enter how much you can pay each time"))
            if not data.get("frequency"):
                self.add_error("frequency", _("Select how often you can pay"))
        else:
            data["amount"], data["frequency"] = None, ""
        return data


class ResponseHouseholdForm(forms.Form):
    dependants = _count(
        _("How many children or other dependants live with you?"),
        _("Enter how many dependants live with you, or 0"),
        _("How many children or other dependants live with you: enter a number, like 2"),
    )
    other_adults = _count(
        _("How many other adults live with you?"),
        _("Enter how many other adults live with you, or 0"),
        _("How many other adults live with you: enter a number, like 2"),
    )
    universal_credit = _radios(
        UniversalCredit.choices, _("Select whether you get Universal Credit")
    )
    hardship = _radios(
        YES_NO, _("Select yes if losing your home would cause you exceptional hardship")
    )
    hardship_details = _textarea(_("What the exceptional hardship would be"), "", TEXT_MAX)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["universal_credit"].label = _("Do you get Universal Credit?")
        self.fields["hardship"].label = _(
            "Would losing your home cause you or your household exceptional hardship?"
        )
        self.fields["hardship_details"].help_text = _(
            "For example, a disability, serious illness, or children's schooling."
        )
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("dependants", field_width=3),
                Field.text("other_adults", field_width=3),
                Field.radios("universal_credit", legend_size=Size.SMALL),
                Field.radios("hardship", legend_size=Size.SMALL, inline=True),
                Field.textarea("hardship_details"),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("hardship") == "yes":
            _needs(
                self, data, "hardship_details", _("Enter what the exceptional hardship would be")
            )
        else:
            data["hardship_details"] = ""
        return data


class ResponseMoneyForm(forms.Form):
    income = PenceField(
        label=_("Your household’s income each month"),
        max_pence=MONEY_MAX,
        help_text=_("Wages, benefits, pensions and any other money coming in, after tax."),
        error_messages={
            "required": _("Enter your household’s income each month, or 0"),
            "invalid": _("Enter your income in pounds and pence, like 1250.00"),
        },
    )
    expenses = PenceField(
        label=_("Your household’s expenses each month"),
        max_pence=MONEY_MAX,
        help_text=_("Rent, bills, food, travel, childcare and other regular costs."),
        error_messages={
            "required": _("Enter your household’s expenses each month, or 0"),
            "invalid": _("Enter your expenses in pounds and pence, like 950.00"),
        },
    )
    priority_debts = _radios(YES_NO, _("Select yes if you have priority debts"))
    priority_total = _money(
        _("How much do you owe in priority debts?"),
        _("Enter your priority debts in pounds and pence, like 125.50"),
    )
    priority_details = _textarea(_("What the priority debts are"), "", 2_000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority_debts"].label = _("Do you have priority debts?")
        self.fields["priority_debts"].help_text = _(
            "Council tax, energy bills, court fines, TV licence, child maintenance, "
            "or money owed to HMRC."
        )
        self.fields["priority_details"].widget.attrs["rows"] = 3
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("income"),
                Field.text("expenses"),
                Field.radios("priority_debts", legend_size=Size.SMALL, inline=True),
                Field.text("priority_total"),
                Field.textarea("priority_details"),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("priority_debts") == "yes":
            if data.get("priority_total") is None and "priority_total" not in self.errors:
                self.add_error("priority_total", _("Enter how much you owe in priority debts"))
            _needs(self, data, "priority_details", _("Enter what the priority debts are"))
        else:
            data["priority_total"], data["priority_details"] = None, ""
        return data


class ResponseAdjustmentsForm(forms.Form):
    needed = _radios(YES_NO, _("Select yes if you need support or adjustments at court"))
    details = _textarea(_("What support or adjustments you need"), "", 2_000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["needed"].label = _(
            "Do you need any support or reasonable adjustments to take part in the case?"
        )
        self.fields["needed"].help_text = _(
            "For example, step-free access, a hearing loop, an interpreter or documents in "
            "large print."
        )
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("needed", legend_size=Size.MEDIUM, inline=True),
                Field.textarea("details"),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("needed") == "yes":
            _needs(self, data, "details", _("Enter what support or adjustments you need"))
        else:
            data["details"] = ""
        return data


class ResponseAdviceForm(forms.Form):
    advice = _radios(AdviceAnswer.choices, _("Select whether you have had legal advice"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advice"].label = _("Have you had legal advice about the claim?")
        self.fields["advice"].help_text = _(
            "You can get free legal advice about keeping your home, whatever your income, "
            "from the Housing Loss Prevention Advice Service, Shelter (0808 800 4444) or "
            "Citizens Advice. There is also free advice at the court on the day of a hearing."
        )
        self.helper = lazy_form_helper(lambda: [Field.radios("advice", legend_size=Size.MEDIUM)])


class ResponseCounterclaimForm(forms.Form):
    wants = _radios(YES_NO, _("Select yes if you want to make a counterclaim"))
    kind = forms.ChoiceField(
        label=_("What are you counterclaiming?"),
        required=False,
        choices=CounterclaimKind.choices,
        widget=forms.RadioSelect,
    )
    amount = _money(
        _("How much money are you counterclaiming?"),
        _("Enter the amount you counterclaim in pounds and pence, like 125.50"),
    )
    details = _textarea(_("What you are counterclaiming, and why"), "", TEXT_MAX)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wants"].label = _("Do you want to make a counterclaim against your landlord?")
        self.fields["wants"].help_text = _(
            "For example, for disrepair or a deposit that was not protected. A counterclaim "
            "has a court fee; you can apply for Help with Fees."
        )
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("wants", legend_size=Size.MEDIUM, inline=True),
                Field.radios("kind", legend_size=Size.SMALL),
                Field.text("amount"),
                Field.textarea("details"),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("wants") != "yes":
            data.update(kind="", amount=None, details="")
            return data
        kind = data.get("kind")
        if not kind:
            self.add_error("kind", _("Select what you are counterclaiming"))
        if kind in (CounterclaimKind.MONEY, CounterclaimKind.BOTH):
            if not data.get("amount") and "amount" not in self.errors:
                self.add_error("amount", _("Enter how much money you are counterclaiming"))
        else:
            data["amount"] = None
        _needs(self, data, "details", _("Enter what you are counterclaiming, and why"))
        return data


class ResponseCounterclaimFeeForm(forms.Form):
    """The counterclaim's fee (worked out from the dated fees when the page is shown): pay it
    by card after sending, or give a Help with Fees reference."""

    how = _radios(
        [("card", _("Pay by debit or credit card after sending")), ("hwf", _("Help with Fees"))],
        _("Select how you will pay the counterclaim fee"),
    )
    hwf_reference = forms.CharField(
        label=_("Your Help with Fees reference"),
        required=False,
        max_length=20,
        help_text=_("It starts with HWF, for example HWF-A1B-23C"),
    )

    def __init__(self, *args, fee_text: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["how"].label = _("How will you pay the counterclaim fee?")
        if fee_text:
            self.fields["how"].help_text = gettext("The fee is %(fee)s.") % {"fee": fee_text}
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("how", legend_size=Size.MEDIUM),
                Field.text("hwf_reference", field_width=10),
            ]
        )

    def clean(self):
        from .forms import HwfReferenceForm

        data = super().clean()
        if data.get("how") == "hwf":
            check = HwfReferenceForm({"reference": data.get("hwf_reference", "")})
            if check.is_valid():
                data["hwf_reference"] = check.cleaned_data["reference"]
            else:
                self.add_error("hwf_reference", check.errors["reference"][0])
        else:
            data["hwf_reference"] = ""
        return data


class ResponseStatementOfTruthForm(forms.Form):
    believed_true = forms.BooleanField(
        label=_("I believe that the facts stated in this response are true"),
        error_messages={
            "required": _("Confirm that you believe the facts in this response are true")
        },
    )
    signer_name = forms.CharField(
        label=_("Your full name"),
        max_length=70,
        error_messages={"required": _("Enter your full name")},
    )

    def __init__(self, *args, **kwargs):
        from .forms import CONTEMPT_WARNING

        super().__init__(*args, **kwargs)
        self.warning = CONTEMPT_WARNING
        self.helper = lazy_form_helper(
            lambda: [Field.checkbox("believed_true"), Field.text("signer_name")]
        )
