"""The claimant's forms after the response (reply, formalise, their own plan, going ahead,
default judgment, paid in full, redetermination) and the defendant's countersigning."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.forms import GovukDateField
from digital_services.core.money import PenceField

from .constants import (
    SOT_SIGNER_NAME_MAX_LENGTH,
    FormaliseOption,
    InstalmentFrequency,
    PaymentOption,
)
from .services.claimant import ACCEPT, ACCEPT_PAID, GO_AHEAD, NOT_PROCEED, REJECT_PLAN
from .services.plans import PLAN_FIELDS, PaymentPlanAnswers, plan_validate

REASON_MAX = 5000

CHOICE_LABELS = {
    ACCEPT: _("Accept the offer and how they will pay"),
    REJECT_PLAN: _("Accept the amount, but not how they will pay: suggest your own plan"),
    GO_AHEAD: _("Reject it and go ahead with the claim"),
    ACCEPT_PAID: _("Agree they have paid: the claim is settled"),
    NOT_PROCEED: _("Do not go ahead with the claim"),
}


def _radios(label: str, choices, message: str, **kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
        **kwargs,
    )


def _reason(label: str, *, required: str = "", what: str = "") -> forms.CharField:
    """A textarea; ``what`` names it in the length message (the label without "(optional)")."""
    return forms.CharField(
        label=label,
        required=bool(required),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": required,
            "max_length": format_lazy(
                _("{label} must be {max} characters or fewer"),
                label=what or label,
                max=f"{REASON_MAX:,}",
            ),
        },
    )


def _errors_onto(form: forms.Form, error: ValidationError) -> None:
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


class ReplyChoiceForm(forms.Form):
    choice = _radios(_("What do you want to do?"), [], _("Select what you want to do"))

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choice"].choices = [(c, CHOICE_LABELS[c]) for c in choices]
        self.helper = lazy_form_helper(
            lambda: [Field.radios("choice", legend_size=Size.MEDIUM, legend_tag="h2")]
        )


class FormaliseForm(forms.Form):
    formalise = _radios(
        _("How do you want to make the agreement formal?"),
        [
            (
                FormaliseOption.SETTLEMENT,
                _("Sign a settlement agreement: the defendant has 7 days to sign it too"),
            ),
            (FormaliseOption.CCJ, _("Ask for a county court judgment (judgment by admission)")),
            (FormaliseOption.REFER_TO_JUDGE, _("Ask a judge to decide")),
        ],
        _("Select how you want to make the agreement formal"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.radios("formalise", legend_size=Size.LARGE, legend_tag="h1")]
        )


class PlanForm(forms.Form):
    """How the money should be paid: immediately, by a date, or by instalments."""

    payment_option = _radios(
        _("How should the defendant pay?"),
        [
            (PaymentOption.IMMEDIATELY, _("Immediately (within 5 days)")),
            (PaymentOption.BY_SET_DATE, _("By a set date")),
            (PaymentOption.INSTALMENTS, _("In instalments")),
        ],
        _("Select how the money should be paid"),
    )
    pay_by_date = GovukDateField(
        what=_("the date the money should be paid by"),
        required=False,
        label=_("If by a set date: the date to pay by"),
        help_text=_("For example, 27 3 2027"),
    )
    instalment_amount_pence = PenceField(
        label=_("If in instalments: the amount of each instalment"),
        required=False,
        min_pence=1,
        error_messages={"min_value": _("Each instalment must be at least £1.00")},
    )
    instalment_frequency = _radios(
        _("If in instalments: how often"),
        InstalmentFrequency.choices,
        _("Select how often the instalments are paid"),
        required=False,
    )
    instalment_first_date = GovukDateField(
        what=_("the date of the first instalment"),
        required=False,
        label=_("If in instalments: the date of the first instalment"),
        help_text=_("For example, 1 2 2027"),
    )

    #: The total the plan pays (an instalment may not be more than it); 0 for no limit.
    total_pence = 0

    def __init__(self, *args, total_pence: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.total_pence = total_pence
        self.helper = lazy_form_helper(self.plan_layout)

    def plan_layout(self):
        return [
            Field.radios("payment_option", legend_size=Size.MEDIUM, legend_tag="h2"),
            Field("pay_by_date"),
            Fieldset(
                Field.text("instalment_amount_pence", field_width=10),
                Field.radios("instalment_frequency", legend_size=Size.SMALL),
                Field("instalment_first_date"),
                legend=_("If in instalments"),
                legend_size=Size.SMALL,
            ),
        ]

    def plan(self) -> PaymentPlanAnswers:
        data = self.cleaned_data
        return PaymentPlanAnswers(
            payment_option=data.get("payment_option") or "",
            pay_by_date=data.get("pay_by_date"),
            instalment_amount_pence=data.get("instalment_amount_pence") or None,
            instalment_first_date=data.get("instalment_first_date"),
            instalment_frequency=data.get("instalment_frequency") or "",
        )

    def clean(self):
        data = super().clean()
        if data.get("payment_option") and not any(f in self.errors for f in PLAN_FIELDS):
            try:
                plan_validate(self.plan(), today=timezone.localdate(), total_pence=self.total_pence)
            except ValidationError as error:
                _errors_onto(self, error)
        return data


class ClaimantPlanForm(PlanForm):
    reason = _reason(
        _("Why you cannot accept their plan (optional)"),
        what=_("Why you cannot accept their plan"),
    )

    def plan_layout(self):
        return [*super().plan_layout(), Field.textarea("reason")]


class GoAheadForm(forms.Form):
    free_mediation = _radios(
        _("Will you try free mediation?"),
        [("yes", _("Yes")), ("no", _("No"))],
        _("Select yes if you will try free mediation"),
        help_text=_(
            "A mediator talks to you both by phone to help you agree. It is free. Mediation "
            "happens only if the defendant agreed to it too."
        ),
    )
    reason = _reason(
        _("Why you disagree with the response (optional)"),
        what=_("Why you disagree with the response"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios(
                    "free_mediation", legend_size=Size.MEDIUM, legend_tag="h2", inline=True
                ),
                Field.textarea("reason"),
            ]
        )


class DefaultJudgmentForm(PlanForm):
    """A default judgment: amounts paid, how it is to be paid, the statement of truth."""

    paid_some = _radios(
        _("Has the defendant paid you any of the money?"),
        [("yes", _("Yes")), ("no", _("No"))],
        _("Select yes if the defendant has paid you any of the money"),
    )
    already_paid_pence = PenceField(
        label=_("If yes: how much they have paid"), required=False, min_pence=1
    )
    defendant_date_of_birth = GovukDateField(
        what=_("the defendant’s date of birth"),
        required=False,
        label=_("The defendant’s date of birth (optional, if they are an individual)"),
        help_text=_("For example, 31 3 1980"),
    )
    sot_name = forms.CharField(
        label=_("Your full name"),
        max_length=SOT_SIGNER_NAME_MAX_LENGTH,
        error_messages={
            "required": _("Enter your full name"),
            "max_length": format_lazy(
                _("Your full name must be {max} characters or fewer"),
                max=SOT_SIGNER_NAME_MAX_LENGTH,
            ),
        },
    )
    sot_confirm = forms.BooleanField(
        label=_("I believe that the facts stated in this request are true"),
        error_messages={"required": _("Confirm the statement of truth")},
    )

    def __init__(self, *args, individual: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not individual:
            del self.fields["defendant_date_of_birth"]
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("paid_some", legend_size=Size.MEDIUM, legend_tag="h2", inline=True),
                Field.text("already_paid_pence", field_width=10),
                *self.plan_layout(),
                *([Field("defendant_date_of_birth")] if individual else []),
                Fieldset(
                    Field.text("sot_name"),
                    Field.checkbox("sot_confirm"),
                    legend=_("Statement of truth"),
                    legend_size=Size.MEDIUM,
                ),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("paid_some") == "yes" and not data.get("already_paid_pence"):
            if "already_paid_pence" not in self.errors:
                self.add_error("already_paid_pence", _("Enter how much the defendant has paid"))
        if data.get("paid_some") == "no":
            data["already_paid_pence"] = 0
        dob = data.get("defendant_date_of_birth")
        if dob and dob >= timezone.localdate():
            self.add_error("defendant_date_of_birth", _("The date of birth must be in the past"))
        return data

    def answers(self) -> dict:
        """The answers kept between the form and the check page (JSON-safe)."""
        data = self.cleaned_data
        plan = self.plan()
        return {
            "already_paid_pence": data.get("already_paid_pence") or 0,
            "payment_option": plan.payment_option,
            "pay_by_date": plan.pay_by_date.isoformat() if plan.pay_by_date else "",
            "instalment_amount_pence": plan.instalment_amount_pence or 0,
            "instalment_first_date": plan.instalment_first_date.isoformat()
            if plan.instalment_first_date
            else "",
            "instalment_frequency": plan.instalment_frequency,
            "defendant_date_of_birth": dob.isoformat()
            if (dob := data.get("defendant_date_of_birth"))
            else "",
            "sot_name": data["sot_name"].strip(),
        }


class PaidInFullForm(forms.Form):
    received_on = GovukDateField(
        what=_("the date you were paid in full"),
        label=_("When were you paid in full?"),
        help_text=_("For example, 27 11 2026"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field("received_on", legend_size=Size.MEDIUM, legend_tag="h2")]
        )

    def clean_received_on(self):
        day = self.cleaned_data["received_on"]
        if day and day > timezone.localdate():
            raise ValidationError(_("The date you were paid must be today or in the past"))
        return day


class RedeterminationForm(forms.Form):
    reason = _reason(
        _("Why should a judge look again at how the money is paid?"),
        required=_("Enter why you want the decision looked at again"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.textarea("reason", label_size=Size.MEDIUM, label_tag="h2")]
        )


class CountersignForm(forms.Form):
    decision = _radios(
        _("Do you want to sign the settlement agreement?"),
        [
            ("sign", _("Yes, sign it: I will pay as it says")),
            ("decline", _("No, I will not sign it")),
        ],
        _("Select whether you want to sign the settlement agreement"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.radios("decision", legend_size=Size.MEDIUM, legend_tag="h2")]
        )
