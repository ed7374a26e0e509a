"""The caseworkers' forms after a response: the court's decision on a payment plan, and the
result of a mediation (plain forms: each calls one service)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from digital_services.core.money import PenceField

from ..constants import CourtDecision, InstalmentFrequency, MediationResult, PaymentOption
from ..services.plans import PaymentPlanAnswers, plan_validate
from .forms import DATE_INPUT_FORMATS


class PlanDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="The court's decision",
        choices=CourtDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whose plan the court decided on"},
        help_text="Working from the defendant's statement of means, shown above.",
    )
    reason = forms.CharField(
        label="Reasons", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    payment_option = forms.ChoiceField(
        label="A plan the court set: how",
        required=False,
        choices=[("", "—"), *PaymentOption.choices],
    )
    pay_by_date = forms.DateField(
        input_formats=DATE_INPUT_FORMATS,
        required=False,
        label="Pay by (set date)",
        help_text="For example 27/01/2027",
        error_messages={"invalid": "Enter the date to pay by as a real date, like 27/01/2027"},
    )
    instalment_amount_pence = PenceField(label="Instalment", required=False, min_pence=1)
    instalment_frequency = forms.ChoiceField(
        label="Every", required=False, choices=[("", "—"), *InstalmentFrequency.choices]
    )
    instalment_first_date = forms.DateField(
        input_formats=DATE_INPUT_FORMATS,
        required=False,
        label="First instalment on",
        help_text="For example 01/02/2027",
        error_messages={
            "invalid": "Enter the first instalment's date as a real date, like 01/02/2027"
        },
    )

    def __init__(self, *args, total_pence: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.total_pence = total_pence

    def court_plan(self) -> PaymentPlanAnswers | None:
        return self.court_plan_from(self.cleaned_data)

    @staticmethod
    def court_plan_from(data: dict) -> PaymentPlanAnswers | None:
        """The plan the court set (only for the decision "court")."""
        if data.get("decision") != CourtDecision.COURT:
            return None
        return PaymentPlanAnswers(
            payment_option=data.get("payment_option") or "",
            pay_by_date=data.get("pay_by_date"),
            instalment_amount_pence=data.get("instalment_amount_pence") or None,
            instalment_first_date=data.get("instalment_first_date"),
            instalment_frequency=data.get("instalment_frequency") or "",
        )

    def clean(self):
        data = super().clean()
        plan = self.court_plan() if "decision" in data else None
        if plan is not None:
            try:
                plan_validate(plan, today=timezone.localdate(), total_pence=self.total_pence)
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    self.add_error(field if field in self.fields else None, messages)
        return data


class MediationResultForm(forms.Form):
    result = forms.ChoiceField(
        label="Result",
        choices=MediationResult.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the result of the mediation"},
    )
