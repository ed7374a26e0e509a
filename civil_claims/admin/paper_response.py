"""A caseworker enters a defendant's response received by post (the paper response form) on
the claim's case page: one action page (``core.admin_actions``), the same service as an
online response (``services.response.response_submit``) marked ``Channel.PAPER``, with who
entered it and the day it was received in the audit trail. Holders of
``civil_claims.add_response`` only (the money-claims caseworkers).

Added to ``ClaimAdmin`` from here, so the claims admin module keeps to the case page."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from digital_services.core.money import PenceField

from ..constants import (
    Channel,
    DefenceType,
    InstalmentFrequency,
    PaymentOption,
    ResponseType,
)
from ..services.response import ResponseAnswers, ResponseRefused, response_submit
from .claims import ClaimAdmin
from .forms import DATE_INPUT_FORMATS

PERMISSION = "civil_claims.add_response"
SLUG = "paper-response"


def _date(label: str, *, required: bool = False, **kwargs) -> forms.DateField:
    return forms.DateField(
        input_formats=DATE_INPUT_FORMATS,
        label=label,
        required=required,
        help_text="For example 27/11/2026",
        **kwargs,
    )


class PaperResponseForm(forms.Form):
    """The paper response form's answers, as the caseworker reads them."""

    received_on = _date("Date received", required=True, initial=timezone.localdate)
    response_type = forms.ChoiceField(
        label="Response", choices=ResponseType.choices, widget=forms.RadioSelect
    )
    defence_type = forms.ChoiceField(
        label="If they reject all of it: why",
        choices=[("", "Not a full defence"), *DefenceType.choices],
        required=False,
    )
    admitted_amount = PenceField(
        label="Amount admitted (part admission)", required=False, min_pence=1
    )
    paid_amount = PenceField(label="Amount they say they paid", required=False, min_pence=1)
    paid_on = _date("Date they say they paid")
    paid_how = forms.CharField(label="How they paid", required=False, max_length=255)
    defence = forms.CharField(
        label="Their defence", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    payment_option = forms.ChoiceField(
        label="How they offer to pay (an admission)",
        choices=[("", "Not an admission"), *PaymentOption.choices],
        required=False,
    )
    pay_by_date = _date("Pay by (a set date)")
    instalment_amount = PenceField(label="Instalment", required=False, min_pence=1)
    instalment_frequency = forms.ChoiceField(
        label="Instalments every",
        choices=[("", "No instalments"), *InstalmentFrequency.choices],
        required=False,
    )
    instalment_first_date = _date("First instalment on")
    free_mediation = forms.ChoiceField(
        label="Free mediation",
        choices=[("", "Not answered"), ("yes", "Agrees"), ("no", "Does not agree")],
        required=False,
    )
    signer_name = forms.CharField(label="Signed by", max_length=70)

    def clean(self):
        data = super().clean()
        received = data.get("received_on")
        if received is not None and received > timezone.localdate():
            self.add_error("received_on", "The date received cannot be in the future")
        if data.get("response_type") == ResponseType.FULL_DEFENCE and not data.get("defence_type"):
            self.add_error("defence_type", "Choose why they reject all of the claim")
        return data

    def answers(self) -> ResponseAnswers:
        data = self.cleaned_data
        mediation = data.get("free_mediation")
        return ResponseAnswers(
            response_type=data["response_type"],
            defence_type=data.get("defence_type") or "",
            admitted_amount_pence=data.get("admitted_amount"),
            paid_amount_pence=data.get("paid_amount"),
            paid_on=data.get("paid_on"),
            paid_how=data.get("paid_how") or "",
            defence=data.get("defence") or "",
            payment_option=data.get("payment_option") or "",
            pay_by_date=data.get("pay_by_date"),
            instalment_amount_pence=data.get("instalment_amount"),
            instalment_first_date=data.get("instalment_first_date"),
            instalment_frequency=data.get("instalment_frequency") or "",
            free_mediation={"yes": True, "no": False}.get(mediation),
            sot_signer_name=data["signer_name"],
        )


def do_paper_response(self, request, obj, data):
    form = PaperResponseForm(data={})  # a vessel for the cleaned data the view validated
    form.cleaned_data = data
    try:
        response_submit(
            claim=obj,
            answers=form.answers(),
            actor=request.user,
            channel=Channel.PAPER,
            received_on=data["received_on"],
            request=request,
        )
    except ResponseRefused as refused:
        raise ValidationError(str(refused)) from refused
    return "Paper response entered. Both parties have been told."


ClaimAdmin.action_views = {
    **ClaimAdmin.action_views,
    SLUG: (PERMISSION, PaperResponseForm, "Enter a paper response", "do_paper_response"),
}
ClaimAdmin.do_paper_response = do_paper_response
