"""The defendant's response questions: the response itself, a counterclaim and its fee, how
they will pay what they admit, mediation, the directions questionnaire and the statement of
truth. The statement of means is in ``response_means``. GOV.UK messages, one question a
page where the pattern asks for it."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms
from django.utils import timezone
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.dates import date_format
from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.forms import GovukDateField
from digital_services.core.money import PENCE_FIELD_MAX, PenceField, pence_format

from ..constants import (
    DefenceType,
    InstalmentFrequency,
    PaymentOption,
    ResponseType,
)
from ..fees import AmbiguousFee, FeeNotFound, issue_fee_quote
from ..models.counterclaim import CounterclaimFeeRoute
from .forms import EXPLANATION_MAX, REASON_SHORT_MAX, HwfReferenceForm, _radios, _textarea

YES, NO = "yes", "no"
YES_NO = [(YES, _("Yes")), (NO, _("No"))]
DEFENCE_MAX = 20_000
PHONE_MAX = 30
COURT_MAX = 80


def _yes_no(required: str, label: str, hint: str = "") -> forms.ChoiceField:
    field = _radios(YES_NO, required)
    field.label = label
    field.help_text = hint
    return field


def _total(claim) -> int | None:
    return claim.total_claimed_pence if claim is not None else None


def _date_not_past(form, name: str, what: str) -> None:
    day = form.cleaned_data.get(name)
    if day is not None and day < timezone.localdate():
        form.add_error(
            name, format_lazy(_("{what} must be today or in the future"), what=capfirst(what))
        )


def _date_not_future(form, name: str, what: str) -> None:
    day = form.cleaned_data.get(name)
    if day is not None and day > timezone.localdate():
        form.add_error(
            name, format_lazy(_("{what} must be today or in the past"), what=capfirst(what))
        )
    elif day is not None and day.year < 1900:
        form.add_error(name, format_lazy(_("{what} must be after 1900"), what=capfirst(what)))


# Your response --------------------------------------------------------------------------


class ResponseTypeForm(forms.Form):
    response_type = _radios(
        [
            (ResponseType.FULL_ADMISSION, _("I admit all of the claim")),
            (ResponseType.PART_ADMISSION, _("I admit part of the claim")),
            (ResponseType.FULL_DEFENCE, _("I reject all of the claim")),
        ],
        _("Select how you respond to the claim"),
    )

    def __init__(self, *args, claim=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["response_type"].label = _("How do you respond to the claim?")
        if claim is not None:
            self.fields["response_type"].help_text = gettext(
                "%(claimant)s claims %(total)s, including interest and the court fee."
            ) % {"claimant": claim.claimant_name, "total": pence_format(claim.total_claimed_pence)}
        self.helper = lazy_form_helper(
            lambda: [Field.radios("response_type", legend_size=Size.MEDIUM)]
        )


class PartPaidQuestionForm(forms.Form):
    already_paid = _yes_no(
        _("Select yes if you have already paid the amount you believe you owe"),
        _("Have you already paid the amount you believe you owe?"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.radios("already_paid", legend_size=Size.MEDIUM, inline=True)]
        )


class AdmittedAmountForm(forms.Form):
    amount_pence = PenceField(
        label=_("How much money do you admit you owe?"),
        min_pence=1,
        error_messages={
            "required": _("Enter how much you admit you owe"),
            "min_value": _("The amount you admit must be at least £0.01"),
        },
    )

    def __init__(self, *args, claim=None, **kwargs):
        super().__init__(*args, **kwargs)
        total = _total(claim)
        field = self.fields["amount_pence"]
        if total is not None:
            field.max_pence = max(total - 1, 1)
            field.error_messages["max_value"] = gettext(
                "The amount you admit must be less than the total claimed, %(total)s. If you "
                "admit all of it, say so instead"
            ) % {"total": pence_format(total)}
            field.help_text = gettext("The total claimed is %(total)s") % {
                "total": pence_format(total)
            }
        self.helper = lazy_form_helper(lambda: [Field.text("amount_pence", label_size=Size.MEDIUM)])


class PaidForm(forms.Form):
    """How much the defendant says they have already paid, when and how."""

    amount_pence = PenceField(
        label=_("How much have you paid?"),
        min_pence=1,
        max_pence=PENCE_FIELD_MAX,
        error_messages={
            "required": _("Enter how much you have paid"),
            "min_value": _("The amount you have paid must be at least £0.01"),
        },
    )
    paid_on = GovukDateField(
        what=_("the date you paid"),
        label=_("When did you pay?"),
        help_text=_("For example, 27 3 2026"),
    )
    how = _textarea(
        _("How did you pay?"),
        _("Enter how you paid"),
        REASON_SHORT_MAX,
        hint=_("For example, by bank transfer to their account, or in cash"),
    )

    def __init__(self, *args, claim=None, below_total: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        total = _total(claim)
        if below_total and total is not None:
            field = self.fields["amount_pence"]
            field.max_pence = max(total - 1, 1)
            field.error_messages["max_value"] = gettext(
                "The amount you have paid must be less than the total claimed, %(total)s. If "
                "you paid all of it, reject the claim as paid instead"
            ) % {"total": pence_format(total)}
        self.fields["how"].widget.attrs["rows"] = 3
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("amount_pence", label_size=Size.MEDIUM),
                Field("paid_on"),
                Field.textarea("how"),
            ]
        )

    def clean(self):
        data = super().clean()
        _date_not_future(self, "paid_on", _("the date you paid"))
        return data


class DefenceTypeForm(forms.Form):
    defence_type = _radios(
        [
            (DefenceType.ALREADY_PAID, _("I have paid what I owe")),
            (DefenceType.DISPUTE, _("I dispute all of the claim")),
        ],
        _("Select why you reject the claim"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["defence_type"].label = _("Why do you reject the claim?")
        self.helper = lazy_form_helper(
            lambda: [Field.radios("defence_type", legend_size=Size.MEDIUM)]
        )


class DefenceForm(forms.Form):
    defence = _textarea(
        _("Why do you disagree with the claim?"),
        _("Enter why you disagree with the claim"),
        DEFENCE_MAX,
        hint=_("Say what you disagree with and why. The claimant and the court will see this."),
    )
    impact = _textarea(
        _("How has this dispute affected you? (optional)"),
        "",
        EXPLANATION_MAX,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["defence"].widget.attrs["rows"] = 8
        self.fields["impact"].widget.attrs["rows"] = 3
        self.helper = lazy_form_helper(
            lambda: [Field.textarea("defence", label_size=Size.MEDIUM), Field.textarea("impact")]
        )


# Counterclaim ------------------------------------------------------------------------------


class CounterclaimQuestionForm(forms.Form):
    wants = _yes_no(
        _("Select yes if you want to make a claim against the claimant"),
        _("Do you want to make a claim against the claimant (a counterclaim)?"),
        _("You can do this if you believe the claimant owes you money. There is a court fee."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.radios("wants", legend_size=Size.MEDIUM, inline=True)]
        )


class CounterclaimDetailsForm(forms.Form):
    amount_pence = PenceField(
        label=_("How much are you claiming?"),
        min_pence=1,
        max_pence=PENCE_FIELD_MAX,
        error_messages={
            "required": _("Enter how much you are claiming"),
            "min_value": _("The amount must be at least £0.01"),
        },
    )
    reason = _textarea(
        _("Why does the claimant owe you this money?"),
        _("Enter why the claimant owes you this money"),
        DEFENCE_MAX,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.text("amount_pence", label_size=Size.MEDIUM), Field.textarea("reason")]
        )


def counterclaim_fee_for(amount_pence: int | None):
    """Today's fee on a counterclaim of ``amount_pence`` (the issue fee for that amount), or
    None when the amount is unknown or the fee table has no band for it."""
    if not amount_pence:
        return None
    try:
        return issue_fee_quote(amount_pence, on=timezone.localdate())
    except (FeeNotFound, AmbiguousFee, ValueError):
        return None


class CounterclaimFeeForm(forms.Form):
    """The fee on the counterclaim, worked out from the dated fee table for the amount, and
    how it will be paid: by card after sending, a Help with Fees reference, or by post."""

    how = _radios(CounterclaimFeeRoute.choices, _("Select how you will pay the counterclaim fee"))
    hwf_reference = forms.CharField(
        label=_("Your Help with Fees reference"),
        required=False,
        max_length=20,
        help_text=_("It is 11 characters and starts with HWF, for example HWF-A1B-23C"),
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )

    def __init__(self, *args, amount_pence: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fee = counterclaim_fee_for(amount_pence)
        how = self.fields["how"]
        how.label = _("How will you pay the counterclaim fee?")
        if self.fee is not None:
            how.help_text = gettext(
                "The fee for a counterclaim of %(amount)s is %(fee)s (in force on %(on)s). If "
                "you choose the post, you fill in the paper counterclaim form and send it with "
                "the fee: we explain how once you have sent your response."
            ) % {
                "amount": pence_format(amount_pence),
                "fee": pence_format(self.fee.fee_pence),
                "on": date_format(self.fee.on),
            }
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("how", legend_size=Size.MEDIUM),
                Fieldset(
                    Field.text("hwf_reference", field_width=10),
                    legend=_("If you have a Help with Fees reference"),
                    legend_size=Size.SMALL,
                ),
            ]
        )

    def clean(self):
        data = super().clean()
        if self.fee is None:
            raise forms.ValidationError(
                _(
                    "We cannot work out the fee for your counterclaim. Check the amount you "
                    "are claiming"
                )
            )
        if data.get("how") == CounterclaimFeeRoute.HWF:
            checker = HwfReferenceForm(data={"reference": data.get("hwf_reference") or ""})
            if checker.is_valid():
                data["hwf_reference"] = checker.cleaned_data["reference"]
            else:
                self.add_error("hwf_reference", checker.errors["reference"][0])
        else:
            data["hwf_reference"] = ""
        data["fee_pence"] = self.fee.fee_pence
        return data


# How you will pay ---------------------------------------------------------------------------


class PaymentOptionForm(forms.Form):
    option = _radios(
        [
            (PaymentOption.IMMEDIATELY, _("Immediately (within 5 days)")),
            (PaymentOption.BY_SET_DATE, _("By a set date")),
            (PaymentOption.INSTALMENTS, _("In instalments")),
        ],
        _("Select how you will pay"),
    )

    def __init__(self, *args, owed_pence: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].label = _("How will you pay?")
        if owed_pence:
            self.fields["option"].help_text = gettext("You admit you owe %(owed)s.") % {
                "owed": pence_format(owed_pence)
            }
        self.helper = lazy_form_helper(lambda: [Field.radios("option", legend_size=Size.MEDIUM)])


class PayByDateForm(forms.Form):
    pay_by = GovukDateField(
        what=_("the date you will pay by"),
        label=_("When will you pay?"),
        help_text=_("For example, 27 3 2027"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(lambda: [Field("pay_by", legend_size=Size.MEDIUM)])

    def clean(self):
        data = super().clean()
        _date_not_past(self, "pay_by", _("the date you will pay by"))
        return data


class InstalmentsForm(forms.Form):
    amount_pence = PenceField(
        label=_("How much will you pay each time?"),
        min_pence=1,
        error_messages={
            "required": _("Enter how much you will pay each time"),
            "min_value": _("Each instalment must be at least £0.01"),
        },
    )
    frequency = _radios(InstalmentFrequency.choices, _("Select how often you will pay"))
    first_date = GovukDateField(
        what=_("the date of the first payment"),
        label=_("When will you make the first payment?"),
        help_text=_("For example, 27 3 2027"),
    )

    def __init__(self, *args, owed_pence: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["amount_pence"]
        if owed_pence:
            field.max_pence = owed_pence
            field.error_messages["max_value"] = gettext(
                "Each instalment must be no more than what you owe, %(owed)s"
            ) % {"owed": pence_format(owed_pence)}
            field.help_text = gettext("You admit you owe %(owed)s.") % {
                "owed": pence_format(owed_pence)
            }
        else:
            field.max_pence = PENCE_FIELD_MAX
        self.fields["frequency"].label = _("How often will you pay?")
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("amount_pence", label_size=Size.MEDIUM),
                Field.radios("frequency", legend_size=Size.MEDIUM),
                Field("first_date"),
            ]
        )

    def clean(self):
        data = super().clean()
        _date_not_past(self, "first_date", _("the date of the first payment"))
        return data


class CompanyFinancesForm(forms.Form):
    """A company or organisation asking for time does not give a statement of means: it sends
    its financial details straight to the claimant (notes section 2)."""

    will_send = forms.BooleanField(
        label=_("I will send the claimant the organisation’s financial details"),
        error_messages={
            "required": _("Confirm that you will send the claimant your financial details")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.explanation = _(
            "Because you are responding for a company or organisation, you do not fill in a "
            "statement of means. Send the claimant your latest accounts and anything else that "
            "shows why you cannot pay straight away. They will use it to decide whether to "
            "accept how you offer to pay."
        )
        self.fields["will_send"].help_text = self.explanation
        self.helper = lazy_form_helper(lambda: [Field.checkbox("will_send")])


# Free mediation -------------------------------------------------------------------------------


class MediationForm(forms.Form):
    agrees = _yes_no(
        _("Select yes if you agree to try free mediation"),
        _("Will you try free mediation?"),
        _(
            "A mediator phones each of you to try to reach an agreement without a hearing. It "
            "is free and confidential. If it does not settle the claim, the court decides it."
        ),
    )
    phone = forms.CharField(
        label=_("Phone number the mediator can call"),
        required=False,
        max_length=PHONE_MAX,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        error_messages={
            "max_length": format_lazy(
                _("The phone number must be {max} characters or fewer"), max=PHONE_MAX
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("agrees", legend_size=Size.MEDIUM, inline=True),
                Fieldset(
                    Field.text("phone", field_width=20),
                    legend=_("If you agree to mediation"),
                    legend_size=Size.SMALL,
                ),
            ]
        )

    def clean(self):
        data = super().clean()
        phone = (data.get("phone") or "").strip()
        if data.get("agrees") == YES:
            digits = [c for c in phone if c.isdigit()]
            if not phone:
                self.add_error("phone", _("Enter a phone number the mediator can call"))
            elif len(digits) < 10 or any(not (c.isdigit() or c in " +()-") for c in phone):
                self.add_error(
                    "phone", _("Enter a phone number, like 01632 960 001 or 07700 900 982")
                )
        else:
            phone = ""
        data["phone"] = phone
        return data
