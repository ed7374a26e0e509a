"""Fee decisions on LPAs at the Office of the Public Guardian [notes section 1 fee rules,
[M] approved / declined / more evidence, S payments].

A donor who asked for a reduction (a low income), an exemption (a qualifying benefit) or
gets Universal Credit sends the evidence with the signed LPA. When OPG receives it, a
decision waits (``fee_reduction_ask``); a caseworker then approves an exemption or a
remission, declines it (the full fee), or asks for more evidence and decides when it
arrives (``fee_decision_record``). A caseworker can also record a reduction asked for on
paper after the full fee was paid. An approval that lowers a fee paid by card refunds the
difference to the card through the platform's payments (``payments.refund_create``); the
correspondent is told each decision by their route. Every move goes through
``core.transitions`` (``constants.FEE_DECISION_TRANSITIONS``) and is audited. While a
decision waits the LPA cannot be registered (``registration.lpa_register``).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from digital_services.audit.services import audit_record
from digital_services.core.money import pence_format
from digital_services.core.queries import shaped_first
from digital_services.core.transitions import TransitionNotAllowed, transition_apply
from digital_services.payments import services as payments
from digital_services.payments.constants import PaymentStatus
from digital_services.payments.selectors import payment_amount_refundable, payments_for_case

from . import correspondence, fees
from .constants import (
    FEE_DECISION_LPA_STATUSES,
    PAYMENT_PURPOSE,
    SERVICE_SLUG,
    FeeDecisionStatus,
)
from .models import FeeDecision, Lpa

#: What the caseworker decides (the form's choices): the reduction given, or none.
EXEMPTION = "exemption"
REMISSION = "remission"
DECLINED = "declined"
MORE_EVIDENCE = "more-evidence"
DECISION_CHOICES = [
    (EXEMPTION, "Approve an exemption: no fee"),
    (REMISSION, "Approve a remission: half the fee"),
    (DECLINED, "Decline: the full fee is due"),
    (MORE_EVIDENCE, "Ask for more evidence"),
]
_REDUCTION_FOR = {
    EXEMPTION: fees.FeeReduction.BENEFITS,
    REMISSION: fees.FeeReduction.LOW_INCOME,
    DECLINED: fees.FeeReduction.NONE,
}
#: The reason kept on the platform's refund (a code, nothing personal).
REFUND_REASON = "LPA fee reduction approved by OPG"

#: The decision as the correspondent's message says it.
DECISION_WORDS = {
    EXEMPTION: {
        "en": "We have approved an exemption: there is no fee to pay.",
        "cy": "Rydym wedi cymeradwyo esemptiad: nid oes ffi i’w thalu.",
    },
    REMISSION: {
        "en": "We have approved a remission: the fee is halved.",
        "cy": "Rydym wedi cymeradwyo gostyngiad: mae’r ffi wedi’i haneru.",
    },
    DECLINED: {
        "en": "We cannot reduce the fee: the full fee is due.",
        "cy": "Ni allwn ostwng y ffi: mae’r ffi lawn yn ddyledus.",
    },
    MORE_EVIDENCE: {
        "en": "We need more evidence before we can decide the fee.",
        "cy": "Mae arnom angen rhagor o dystiolaeth cyn y gallwn benderfynu ar y ffi.",
    },
}


class FeeDecisionRefused(ValueError):
    """The decision cannot be recorded as given; ``errors`` (field -> messages) goes on
    the caseworker's form."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.errors = {field: [message]}


def fee_reduction_asked(lpa: Lpa) -> str:
    """The reduction the applicant asked for when they worked out the fee ("" for none)."""
    asked = (lpa.fee_reduction or {}).get("reduction", "")
    return "" if asked == fees.FeeReduction.NONE else asked


def fee_decision_of(lpa: Lpa) -> FeeDecision | None:
    """The LPA's fee decision, if any (its SQL compiled once per shape: the case page asks)."""
    return shaped_first(FeeDecision.objects.filter(lpa=lpa))


def fee_decision_waiting(lpa: Lpa) -> bool:
    """True while a fee decision waits (asked for, or more evidence asked for)."""
    return FeeDecision.objects.filter(
        lpa=lpa, status__in=(FeeDecisionStatus.PENDING, FeeDecisionStatus.MORE_EVIDENCE)
    ).exists()


def fee_decision_allowed(lpa: Lpa) -> bool:
    """OPG holds the LPA and its fee is not decided yet (none asked, or one waiting)."""
    if lpa.status not in FEE_DECISION_LPA_STATUSES:
        return False
    decision = fee_decision_of(lpa)
    return decision is None or bool(FeeDecision.TRANSITIONS.get(decision.status))


def fee_reduction_ask(*, lpa: Lpa, actor=None, request=None) -> FeeDecision:
    """A fee decision now waits for this LPA (inside the caller's transaction): when OPG
    receives an LPA whose applicant asked for a reduction, or when a caseworker records
    one asked for on paper. An existing decision is returned as it is."""
    decision, made = FeeDecision.objects.get_or_create(
        lpa=lpa,
        defaults={"reduction_asked": fee_reduction_asked(lpa), "fee_before_pence": lpa.fee_pence},
    )
    if made:
        audit_record(
            action="lpa.fee_reduction_asked",
            obj=lpa,
            actor=actor,
            request=request,
            service=SERVICE_SLUG,
            detail={"reduction": decision.reduction_asked or "on paper"},
        )
    return decision


def _card_payment(lpa: Lpa):
    """The fee's successful card payment, if it was paid by card here."""
    return (
        payments_for_case(for_case=lpa, purpose=PAYMENT_PURPOSE)
        .filter(status=PaymentStatus.SUCCESS)
        .first()
    )


def fee_decision_record(
    *, lpa: Lpa, decision: str, notes: str = "", actor=None, request=None
) -> FeeDecision:
    """Record the caseworker's decision on the LPA's fee and tell the correspondent.

    ``decision``: ``EXEMPTION`` (no fee), ``REMISSION`` (half), ``DECLINED`` (the full
    fee; a reason is needed) or ``MORE_EVIDENCE`` (what is needed goes in ``notes``). The
    fee is the one in force when the LPA was completed, a repeat application's when it was
    one. An approval below what was paid by card refunds the difference to the card.

    Raises ``TransitionNotAllowed`` when OPG does not hold the LPA or its fee is decided
    already, ``FeeDecisionRefused`` for a missing reason, and the payments app's
    ``PaymentProviderUnavailable`` (nothing recorded) when the refund cannot be asked for.
    """
    notes = (notes or "").strip()
    if decision not in dict(DECISION_CHOICES):
        raise FeeDecisionRefused("Choose a decision", field="decision")
    if decision == MORE_EVIDENCE and not notes:
        raise FeeDecisionRefused("Enter the evidence you need", field="notes")
    if decision == DECLINED and not notes:
        raise FeeDecisionRefused("Enter why the reduction is declined", field="notes")
    with transaction.atomic():
        lpa = Lpa.objects.select_for_update().get(pk=lpa.pk)
        if lpa.status not in FEE_DECISION_LPA_STATUSES:
            raise TransitionNotAllowed(
                f"LPA {lpa.reference_display} is {lpa.get_status_display().lower()}: "
                "its fee cannot be decided now",
                source=lpa.status,
            )
        record = fee_reduction_ask(lpa=lpa, actor=actor, request=request)
        if decision == MORE_EVIDENCE:
            transition_apply(
                record,
                to=FeeDecisionStatus.MORE_EVIDENCE,
                action="lpa.fee_more_evidence",
                stamp="evidence_asked",
                fields={"notes": notes},
                actor=actor,
                request=request,
                service=SERVICE_SLUG,
                detail={"lpa": lpa.pk},
            )
            _tell(lpa, decision=decision, fee_pence=None, notes=notes)
            return record
        outcome = fees.lpa_fee_for(
            on=lpa.completed_at or timezone.now(),
            repeat=bool((lpa.fee_reduction or {}).get("repeat")),
            reduction=_REDUCTION_FOR[decision],
        )
        fee = outcome.amount_pence
        transition_apply(
            record,
            to=FeeDecisionStatus.DECLINED if decision == DECLINED else FeeDecisionStatus.APPROVED,
            action="lpa.fee_decided",
            stamp="decided",
            fields={
                "reduction_given": "" if decision == DECLINED else decision,
                "fee_before_pence": lpa.fee_pence,
                "fee_after_pence": fee,
                "notes": notes,
            },
            actor=actor,
            request=request,
            service=SERVICE_SLUG,
            detail={"lpa": lpa.pk, "decision": decision, "fee_pence": fee},
        )
        Lpa.objects.filter(pk=lpa.pk).update(fee_pence=fee, updated_at=timezone.now())
        lpa.fee_pence = fee
        payment = _card_payment(lpa)
        if payment is not None and decision != DECLINED:
            back = min(payment.amount_pence - fee, payment_amount_refundable(payment=payment))
            if back > 0:
                record.refund = payments.refund_create(
                    payment=payment,
                    amount_pence=back,
                    requested_by=actor if getattr(actor, "is_authenticated", False) else None,
                    reason=REFUND_REASON,
                )
                record.save(update_fields=["refund", "updated_at"])
        _tell(lpa, decision=decision, fee_pence=fee, notes=notes, refund=record.refund)
    return record


def fee_decision_outcome_text(record: FeeDecision, *, paid_by_cheque: bool) -> str:
    """What the caseworker is told after deciding (the admin's message)."""
    if record.status == FeeDecisionStatus.MORE_EVIDENCE:
        return "More evidence asked for: the correspondent has been told what to send"
    text = f"Fee decided: {pence_format(record.fee_after_pence or 0)}"
    if record.refund is not None:
        text += f". {pence_format(record.refund.amount_pence)} is refunded to the card"
    elif (
        paid_by_cheque
        and record.fee_before_pence is not None
        and record.fee_after_pence is not None
        and record.fee_before_pence > record.fee_after_pence
    ):
        text += (
            f". {pence_format(record.fee_before_pence - record.fee_after_pence)} was paid by "
            "cheque: return it outside this service"
        )
    return text


#: The lines under the decision, in the correspondent's language.
_LINES = {
    "fee": {"en": "Fee: {}", "cy": "Ffi: {}"},
    "why": {"en": "Why: {}", "cy": "Pam: {}"},
    "need": {"en": "What we need: {}", "cy": "Beth sydd ei angen arnom: {}"},
    "refund": {
        "en": "We are refunding {} to the card you paid with.",
        "cy": "Rydym yn ad-dalu {} i’r cerdyn y talwyd ag ef.",
    },
}


def _tell(lpa: Lpa, *, decision: str, fee_pence: int | None, notes: str, refund=None) -> None:
    from .selectors import lpa_details

    language = "cy" if lpa_details(lpa).correspondent_in_welsh else "en"
    lines = []
    if decision == MORE_EVIDENCE:
        lines.append(_LINES["need"][language].format(notes))
    else:
        if decision == DECLINED:
            lines.append(_LINES["why"][language].format(notes))
        lines.append(_LINES["fee"][language].format(pence_format(fee_pence or 0)))
        if refund is not None:
            lines.append(_LINES["refund"][language].format(pence_format(refund.amount_pence)))
    correspondence.lpa_correspondent_send(
        lpa=lpa,
        template=correspondence.TEMPLATE_FEE_DECISION,
        personalisation={
            "decision": DECISION_WORDS[decision][language],
            "details": "\n".join(lines),
        },
    )
