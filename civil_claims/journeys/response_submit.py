"""Sending the response journey: its answers become ``services.response.ResponseAnswers``
for the claim this request is about (``response_context``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from digital_services.journeys.definitions import Answers

from ..constants import Channel, PaymentOption
from .response_context import claim_facts
from .response_forms import YES
from .response_means import statement_of_means
from .response_rules import (
    counterclaims,
    defence_paid,
    disputes,
    gives_means,
    part_owes,
    part_paid,
    plan_option,
    rejects_all,
    response_type,
    wants_time,
)


def response_submit_from_journey(*, answers, user, channel, assisted_session=None, language="en"):
    """The journey's submit: the response for the claim this request is about (set by
    ``defendant_responding``), as the defendant answered it."""
    from ..models import Claim
    from ..services.response import ResponseRefused, response_submit

    facts = claim_facts()
    claim = (
        Claim.objects.filter(
            reference=facts.reference, parties__role="defendant", parties__user=user
        ).first()
        if facts is not None and user is not None
        else None
    )
    if claim is None:
        raise ValidationError(_("We could not find the claim you are responding to"))
    try:
        response_submit(
            claim=claim,
            answers=response_answers(answers),
            user=user,
            actor=assisted_session.agent if assisted_session is not None else user,
            channel=Channel.ONLINE,
        )
    except ResponseRefused as refused:
        raise ValidationError(str(refused)) from refused
    return reverse("civil_claims:respond-sent", args=[claim.reference])


def response_answers(a: Answers):
    """The journey's answers as ``services.response.ResponseAnswers``."""
    from ..services.response import CounterclaimAnswers, ResponseAnswers

    paid = (
        a.value("part-paid")
        if part_paid(a)
        else a.value("defence-paid")
        if defence_paid(a)
        else None
    )
    plan = {}
    option = plan_option(a)
    if option == PaymentOption.BY_SET_DATE:
        plan = {"pay_by_date": a.value("pay-by-date", "pay_by")}
    elif option == PaymentOption.INSTALMENTS:
        instalments = a.value("instalments") or {}
        plan = {
            "instalment_amount_pence": instalments.get("amount_pence"),
            "instalment_first_date": instalments.get("first_date"),
            "instalment_frequency": instalments.get("frequency", ""),
        }
    counterclaim = None
    if counterclaims(a):
        details, fee = a.value("counterclaim-details") or {}, a.value("counterclaim-fee") or {}
        counterclaim = CounterclaimAnswers(
            amount_pence=details.get("amount_pence"),
            reason=details.get("reason", ""),
            fee_route=fee.get("how", ""),
            hwf_reference=fee.get("hwf_reference", ""),
        )
    defence = a.value("defence") or {}
    sot = a.value("statement-of-truth") or {}
    mediation = a.value("mediation") or {}
    return ResponseAnswers(
        response_type=response_type(a),
        defence_type=a.value("defence-type", "defence_type", "") if rejects_all(a) else "",
        admitted_amount_pence=a.value("admitted-amount", "amount_pence") if part_owes(a) else None,
        paid_amount_pence=paid["amount_pence"] if paid else None,
        paid_on=paid["paid_on"] if paid else None,
        paid_how=paid["how"] if paid else "",
        defence=defence.get("defence", "") if disputes(a) else "",
        impact_of_dispute=defence.get("impact", "") if disputes(a) else "",
        payment_option=option,
        **plan,
        statement_of_means=_means_kept(a),
        directions_questionnaire=_questionnaire(a) if disputes(a) else {},
        free_mediation=(mediation.get("agrees") == YES) if disputes(a) else None,
        sot_signer_name=sot.get("signer_name", ""),
        sot_signer_role=sot.get("signer_role", ""),
        timeline=tuple((e["when"], e["what"]) for e in (a.value("timeline") or []))
        if disputes(a)
        else (),
        evidence=tuple(
            (e["evidence_type"], e.get("description", "")) for e in (a.value("evidence") or [])
        )
        if disputes(a)
        else (),
        counterclaim=counterclaim,
    )


def _means_kept(a: Answers) -> dict:
    if gives_means(a):
        return statement_of_means(a)
    if wants_time(a):
        return {"organisation_sends_financial_details_to_claimant": True}
    return {}


def _questionnaire(a: Answers) -> dict:
    court, experts = a.value("dq-court") or {}, a.value("dq-experts") or {}
    witnesses, support = a.value("dq-witnesses") or {}, a.value("dq-vulnerability") or {}
    mediation = a.value("mediation") or {}
    return {
        "hearing_court": court.get("details", ""),
        "expert": experts.get("answer") == YES,
        "expert_details": experts.get("details", ""),
        "self_witness": witnesses.get("self_witness") == YES,
        "other_witnesses": witnesses.get("other_witnesses") or 0,
        "vulnerability": support.get("answer") == YES,
        "vulnerability_details": support.get("details", ""),
        "unavailable_dates": [
            d["day"].isoformat() for d in (a.value("dq-unavailable-dates") or []) if d.get("day")
        ],
        "mediation_phone": mediation.get("phone", ""),
    }
