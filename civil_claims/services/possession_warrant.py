"""Possession claims: Help with Fees decisions (on the claim fee or the warrant fee) and
the warrant of possession, from the landlord's request to the eviction date (writes).

Help with Fees has the money claims' shape (``casework.claim_hwf_decide``): full
remission settles the fee (issuing the claim, or sending the warrant to be issued);
part or no remission leaves the rest to pay by card; more information or an invalid
reference waits for the landlord, who may give the reference again. The warrant fee is
the dated ``PossessionFee`` of its day (``possession_fee_for("warrant")``). Every status
change goes through ``core.transitions.transition_apply``; messages go by each party's
route after commit.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from digital_services.audit.services import audit_record
from digital_services.core.dates import date_format
from digital_services.core.transitions import TransitionNotAllowed, transition_apply

from ..constants import AUDIT_SERVICE, HWF_REFERENCE, HwfOutcome
from ..models import PossessionClaim, PossessionWarrant
from ..possession_constants import (
    PAYMENT_PURPOSE_POSSESSION_WARRANT_FEE,
    WARRANT_FEE_PAYABLE,
    PossessionStatus,
    WarrantBasis,
)
from ..possession_fees import possession_fee_for
from ..possession_hearing_rules import warrant_refusal
from .common import court_phone, message_send
from .hwf import hwf_decision_fields, hwf_message
from .possession_pack import (
    possession_claim_link,
    possession_party_route,
    property_text,
)

S = PossessionStatus
CLAIM_FEE_NAME = "the court fee to issue your possession claim"
WARRANT_FEE_NAME = "the fee for a warrant of possession"


class WarrantRefused(ValueError):
    """The warrant cannot be asked for or issued as asked: ``errors`` maps a field to why."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def _locked(claim: PossessionClaim) -> PossessionClaim:
    return PossessionClaim.objects.select_for_update(of=("self",)).get(pk=claim.pk)


def _not_now(claim: PossessionClaim, what: str, target: str = "") -> TransitionNotAllowed:
    return TransitionNotAllowed(
        f"Possession claim {claim.reference_display} is {claim.get_status_display().lower()}: "
        f"{what}",
        source=claim.status,
        target=target,
    )


def _hwf_holder(claim: PossessionClaim):
    """Whose Help with Fees is being decided: the claim's (claim fee) or its warrant's."""
    if claim.status in (S.HWF_PENDING, S.HWF_AWAITING_CLAIMANT):
        return claim, CLAIM_FEE_NAME
    if claim.status in (S.WARRANT_HWF_PENDING, S.WARRANT_HWF_AWAITING_CLAIMANT):
        return claim.warrant, WARRANT_FEE_NAME
    return None, ""


def possession_hwf_decide(
    *,
    claim: PossessionClaim,
    outcome: str,
    actor,
    remitted_pence: int | None = None,
    note: str = "",
    request=None,
) -> PossessionClaim:
    """Decide the landlord's Help with Fees on the claim fee or on the warrant fee, and
    tell them by their route. Raises ``TransitionNotAllowed`` unless one is waiting for a
    decision, ``ValueError`` for an unknown outcome, a part remission not between 1p and
    the fee less 1p, or more information without a note."""
    with transaction.atomic():
        claim = _locked(claim)
        if claim.status not in (S.HWF_PENDING, S.WARRANT_HWF_PENDING):
            raise _not_now(claim, "it has no Help with Fees to decide")
        holder, fee_name = _hwf_holder(claim)
        warrant = claim.status == S.WARRANT_HWF_PENDING
        fee = holder.fee_pence
        fields = hwf_decision_fields(
            fee_pence=fee, outcome=outcome, remitted_pence=remitted_pence, note=note
        )
        decision = dict(fields)
        remitted = fields["hwf_fee_remitted_pence"]
        fields.update(hwf_decided_at=timezone.now(), hwf_decided_by=actor)
        if warrant:
            for name, value in fields.items():
                setattr(holder, name, value)
            holder.save(update_fields=[*fields, "updated_at"])
            fields = {}
        detail = {
            "outcome": outcome,
            "remitted_pence": remitted,
            "fee": "warrant" if warrant else "claim",
        }
        if outcome == HwfOutcome.FULL and not warrant:
            for name, value in fields.items():
                setattr(claim, name, value)
            claim.save(update_fields=[*fields, "updated_at"])
            from .possession import possession_claim_issue

            claim = possession_claim_issue(claim=claim, actor=actor, detail=detail)
            next_step = (
                f"We have issued your claim: claim number {claim.claim_number}. We have posted "
                "it to the defendants."
            )
        else:
            target = {
                (True, True): S.WARRANT_REQUESTED,
                (True, False): S.WARRANT_HWF_AWAITING_CLAIMANT,
                (False, False): S.HWF_AWAITING_CLAIMANT,
            }[(warrant, outcome == HwfOutcome.FULL)]
            transition_apply(
                claim,
                to=target,
                fields=fields,
                action="possession_claim.hwf_decided",
                actor=actor,
                request=request,
                service=AUDIT_SERVICE,
                detail=detail,
            )
            next_step = (
                "We will now issue your warrant of possession and tell you the eviction date."
            )
        template, extra = hwf_message(
            prefix="civil_claims.possession_hwf",
            fields=decision,
            fee_pence=fee,
            reference=claim.reference_display,
            next_step=next_step,
        )
        message_send(
            template=template,
            route=possession_party_route(claim.claimant),
            claim=claim,
            personalisation={
                "hwf_reference": holder.hwf_reference,
                "fee_name": fee_name,
                "claim_url": possession_claim_link(claim),
                **extra,
            },
        )
    return claim


def possession_hwf_reference_again(
    *, claim: PossessionClaim, reference: str, actor=None, request=None
) -> PossessionClaim:
    """The landlord gives a Help with Fees reference again after a decision asked for more
    information or found the reference invalid: back to a caseworker to decide. Raises
    ``ValueError`` for a reference in the wrong format and ``TransitionNotAllowed`` when
    no such decision is waiting for them."""
    reference = "".join((reference or "").split()).upper()
    if not HWF_REFERENCE.match(reference):
        raise ValueError("Enter your Help with Fees reference, like HWF-A1B-23C")
    with transaction.atomic():
        claim = _locked(claim)
        holder, _ = _hwf_holder(claim)
        if claim.status not in (S.HWF_AWAITING_CLAIMANT, S.WARRANT_HWF_AWAITING_CLAIMANT) or (
            holder.hwf_outcome not in (HwfOutcome.MORE_INFO, HwfOutcome.INVALID)
        ):
            raise _not_now(claim, "there is no Help with Fees reference to give again")
        fields = {
            "hwf_reference": reference,
            "hwf_outcome": "",
            "hwf_amount_to_pay_pence": None,
            "hwf_fee_remitted_pence": 0,
        }
        warrant = claim.status == S.WARRANT_HWF_AWAITING_CLAIMANT
        if warrant:
            for name, value in fields.items():
                setattr(holder, name, value)
            holder.save(update_fields=[*fields, "updated_at"])
            fields = {}
        transition_apply(
            claim,
            to=S.WARRANT_HWF_PENDING if warrant else S.HWF_PENDING,
            fields=fields,
            action="possession_claim.hwf_reference_given",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
        )
    return claim


# The warrant ----------------------------------------------------------------------------


def possession_warrant_request(
    *,
    claim: PossessionClaim,
    basis: str,
    amount_owed_pence: int,
    breach_details: str = "",
    hwf_reference: str = "",
    user=None,
    actor=None,
    on_behalf_of=None,
    request=None,
) -> PossessionWarrant:
    """The landlord asks for a warrant of possession: after an outright order's date has
    passed, or when a suspended order's terms were broken (``breach_details`` says how).
    Records the amount still owed and the warrant fee in force today, and waits for the
    fee (card) or for a caseworker's Help with Fees decision. Raises ``WarrantRefused``
    (field -> why) and ``TransitionNotAllowed`` unless the court has made an order."""
    breach_details = (breach_details or "").strip()
    hwf_reference = "".join((hwf_reference or "").split()).upper()
    errors = {}
    if basis not in WarrantBasis.values:
        errors["basis"] = "Choose why you are asking for a warrant"
    if basis == WarrantBasis.TERMS_BROKEN and not breach_details:
        errors["breach_details"] = "Say how the terms of the order were broken"
    if not isinstance(amount_owed_pence, int) or amount_owed_pence < 0:
        errors["amount_owed_pence"] = "Enter the amount still owed, or 0"
    if hwf_reference and not HWF_REFERENCE.match(hwf_reference):
        errors["hwf_reference"] = "Enter your Help with Fees reference, like HWF-A1B-23C"
    if errors:
        raise WarrantRefused(errors)
    with transaction.atomic():
        claim = _locked(claim)
        target = S.WARRANT_HWF_PENDING if hwf_reference else S.WARRANT_AWAITING_PAYMENT
        if target not in PossessionClaim.TRANSITIONS.get(claim.status, ()):
            raise _not_now(claim, "a warrant cannot be asked for now", target)
        refusal = warrant_refusal(
            status=claim.status,
            basis=basis,
            possession_on=claim.order_possession_on,
            today=timezone.localdate(),
        )
        if refusal:
            raise WarrantRefused({"basis": refusal})
        fee = possession_fee_for("warrant", on=timezone.localdate())
        warrant = PossessionWarrant.objects.create(
            claim=claim,
            basis=basis,
            breach_details=breach_details if basis == WarrantBasis.TERMS_BROKEN else "",
            amount_owed_pence=amount_owed_pence,
            fee_pence=fee.fee_pence,
            fee_id=fee.fee_id,
            hwf_reference=hwf_reference,
            requested_by=user if getattr(user, "is_authenticated", False) else None,
        )
        transition_apply(
            claim,
            to=target,
            action="possession_claim.warrant_requested",
            actor=actor or user,
            on_behalf_of=on_behalf_of,
            request=request,
            service=AUDIT_SERVICE,
            detail={"basis": basis, "fee_pence": fee.fee_pence, "hwf": bool(hwf_reference)},
        )
    return warrant


def possession_warrant_fee_due_pence(warrant: PossessionWarrant) -> int:
    if warrant.hwf_amount_to_pay_pence is not None:
        return warrant.hwf_amount_to_pay_pence
    return warrant.fee_pence


def possession_warrant_payment_start(
    *, claim: PossessionClaim, return_to: str, started_by=None, entered_by=None
) -> str:
    """Start (or resume) paying the warrant fee (or the rest after Help with Fees) by
    card; returns the URL to go to. Raises ``TransitionNotAllowed`` when there is nothing
    to pay, and ``payments.PaymentProviderUnavailable``."""
    from digital_services.payments import services as payments

    warrant = getattr(claim, "warrant", None)
    if claim.status not in WARRANT_FEE_PAYABLE or warrant is None:
        raise _not_now(claim, "there is no warrant fee to pay now")
    amount = possession_warrant_fee_due_pence(warrant)
    if amount < 1:
        raise _not_now(claim, "there is no warrant fee to pay now")
    return payments.payment_start(
        for_case=claim,
        purpose=PAYMENT_PURPOSE_POSSESSION_WARRANT_FEE,
        amount_pence=amount,
        reference=claim.reference,
        description="Fee for a warrant of possession",
        return_to=return_to,
        service=AUDIT_SERVICE,
        remitted_pence=warrant.hwf_fee_remitted_pence or None,
        started_by=started_by,
        entered_by=entered_by,
    )


def possession_warrant_payment_outcome(*, payment) -> None:
    """The payments app's outcome for the warrant fee: success records it on the warrant
    and sends the warrant to a caseworker to issue. Idempotent."""
    from django.contrib.contenttypes.models import ContentType

    from digital_services.payments.constants import PaymentStatus

    if payment.content_type_id != ContentType.objects.get_for_model(PossessionClaim).pk:
        return
    if payment.status != PaymentStatus.SUCCESS:
        return
    with transaction.atomic():
        claim = (
            PossessionClaim.objects.select_for_update(of=("self",))
            .filter(pk=payment.object_id)
            .first()
        )
        if claim is None or claim.status not in WARRANT_FEE_PAYABLE:
            return
        warrant = claim.warrant
        warrant.amount_paid_pence = payment.amount_pence
        warrant.paid_at = payment.finished_at or timezone.now()
        warrant.save(update_fields=["amount_paid_pence", "paid_at", "updated_at"])
        transition_apply(
            claim,
            to=S.WARRANT_REQUESTED,
            action="possession_claim.warrant_fee_paid",
            service=AUDIT_SERVICE,
            detail={"payment_id": payment.pk},
        )


def possession_warrant_issue(
    *, claim: PossessionClaim, eviction_at: dt.datetime, actor, request=None
) -> PossessionWarrant:
    """Issue the warrant with the eviction date and time (after today): the landlord is
    told by their route and each defendant is sent a notice of eviction by theirs. Raises
    ``WarrantRefused`` for an eviction not in the future and ``TransitionNotAllowed``
    unless the warrant's fee is settled and it waits to be issued."""
    if timezone.localtime(eviction_at).date() <= timezone.localdate():
        raise WarrantRefused({"eviction_on": "The eviction date must be after today"})
    with transaction.atomic():
        claim = _locked(claim)
        if claim.status != S.WARRANT_REQUESTED:
            raise _not_now(claim, "there is no warrant to issue", S.WARRANT_ISSUED)
        warrant = claim.warrant
        warrant.issued_at = timezone.now()
        warrant.issued_by = actor if getattr(actor, "is_authenticated", False) else None
        warrant.eviction_at = eviction_at
        warrant.save(update_fields=["issued_at", "issued_by", "eviction_at", "updated_at"])
        transition_apply(
            claim,
            to=S.WARRANT_ISSUED,
            action="possession_claim.warrant_issued",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
        )
        local = timezone.localtime(eviction_at)
        when = {
            "eviction_date": date_format(local.date()),
            "eviction_time": local.strftime("%-I:%M%p").lower(),
        }
        common = {"property": property_text(claim), "claim_number": claim.claim_number}
        message_send(
            template="civil_claims.possession_warrant_issued",
            route=possession_party_route(claim.claimant),
            claim=claim,
            personalisation={**common, **when, "claim_url": possession_claim_link(claim)},
        )
        for defendant in claim.defendants:
            message_send(
                template="civil_claims.possession_eviction_notice",
                route=possession_party_route(defendant),
                claim=claim,
                personalisation={**common, **when, "phone": court_phone()},
            )
        audit_record(
            action="possession_claim.eviction_notice_sent",
            obj=claim,
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"defendants": len(claim.defendants)},
        )
    return warrant
