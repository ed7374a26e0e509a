"""What ends or pauses a claim after the response: "paid in full" (the claimant), the
mediation result (a caseworker), and the beat job that stays a claim with no claimant reply
33 days after the response. Each move goes through ``transition_apply`` (audited, who and
when) and both parties are told by their route; refusals raise ``ReplyRefused`` or
``TransitionNotAllowed`` and write nothing."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from digital_services.core.transitions import TransitionNotAllowed, transition_apply

from ..constants import (
    AUDIT_SERVICE,
    CLAIMANT_REPLY_DAYS,
    CasemanEventKind,
    ClaimStatus,
    JudgmentStatus,
    MediationResult,
    PartyRole,
)
from ..models import Claim, ClaimantReply, Judgment
from .caseman import caseman_event_record
from .claimant import ReplyRefused, _paused, _tell, _tell_both, response_for
from .common import court_phone, locked
from .judgment import staff_event_email_send
from .plans import date_in

# Paid in full --------------------------------------------------------------------------

#: Where "paid in full" may be recorded: an issued claim still here that can be settled.
PAID_IN_FULL_STATES = tuple(
    s
    for s in ClaimStatus.values
    if ClaimStatus.SETTLED in Claim.TRANSITIONS.get(s, ())
    and s not in (ClaimStatus.AWAITING_PAYMENT, ClaimStatus.HWF_PENDING)
)


def paid_in_full_refusal(claim: Claim) -> str:
    if not claim.is_issued or claim.status not in PAID_IN_FULL_STATES:
        return gettext("You cannot record that this claim has been paid now")
    return ""


def claim_paid_in_full(*, claim: Claim, received_on: dt.date, actor, request=None) -> Claim:
    """The claimant says they have been paid in full, and when (not in the future): the
    claim is settled, a judgment on the register is marked paid, CaseMan and the defendant
    are told. Raises ``ReplyRefused`` or ``ValidationError`` for a date in the future."""
    if received_on > timezone.localdate():
        raise ValidationError(
            {"received_on": "The date you were paid must be today or in the past"}
        )
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        refusal = paid_in_full_refusal(claim)
        if refusal:
            raise ReplyRefused(refusal)
        judgment = Judgment.objects.select_for_update().filter(claim=claim).first()
        transition_apply(
            claim,
            to=ClaimStatus.SETTLED,
            fields={"money_received_on": received_on},
            stamp="settled",
            action="claim.paid_in_full",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"received_on": received_on.isoformat()},
        )
        if judgment is not None and judgment.status == JudgmentStatus.ENTERED:
            transition_apply(
                judgment,
                to=JudgmentStatus.PAID,
                stamp="paid",
                action="claim.judgment_paid",
                actor=actor,
                request=request,
                service=AUDIT_SERVICE,
                detail={"claim_id": claim.pk},
            )
        caseman_event_record(claim=claim, kind=CasemanEventKind.PAID_IN_FULL)
        staff_event_email_send(claim=claim, event="The claimant was paid in full")
        _tell(
            claim,
            PartyRole.DEFENDANT,
            "civil_claims.paid_in_full_defendant",
            claimant_name=claim.claimant.display_name,
            received_on=date_in(claim.language, received_on),
            phone=court_phone(),
        )
    return claim


# Mediation result (caseworker) ---------------------------------------------------------


def claim_mediation_result_record(*, claim: Claim, result: str, actor, request=None) -> Claim:
    """Record the mediation's result: settled, or on to a judge for directions. Both told.
    Raises ``TransitionNotAllowed`` unless the claim is referred to mediation."""
    if result not in MediationResult.values:
        raise ValidationError({"result": "Choose the result of the mediation"})
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        if claim.status != ClaimStatus.REFERRED_MEDIATION:
            raise TransitionNotAllowed(
                f"Claim {claim.reference_display} is not referred to mediation",
                source=claim.status,
            )
        reply = ClaimantReply.objects.select_for_update().filter(claim=claim).first()
        if reply is not None:
            reply.mediation_result = result
            reply.mediation_recorded_at = timezone.now()
            reply.mediation_recorded_by = actor
            reply.save(
                update_fields=["mediation_result", "mediation_recorded_at", "mediation_recorded_by"]
            )
        succeeded = result == MediationResult.SUCCEEDED
        transition_apply(
            claim,
            to=ClaimStatus.SETTLED if succeeded else ClaimStatus.READY_FOR_DIRECTIONS,
            stamp="settled" if succeeded else None,
            action="claim.mediation_result",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"result": result},
        )
        _tell_both(
            claim,
            "civil_claims.mediation_succeeded" if succeeded else "civil_claims.mediation_failed",
            phone=court_phone(),
        )
    return claim


# The beat job: no reply 33 days after the response -------------------------------------


def claims_reply_overdue_ids(*, today: dt.date) -> list[int]:
    """Open claims whose response came more than 33 days ago with no claimant reply."""
    cutoff = timezone.make_aware(
        dt.datetime.combine(today - dt.timedelta(days=CLAIMANT_REPLY_DAYS), dt.time.min)
    )
    return list(
        Claim.objects.filter(
            status=ClaimStatus.OPEN,
            response__submitted_at__lt=cutoff,
            claimant_reply__isnull=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def claim_reply_overdue_stay(*, claim_id: int, now: dt.datetime | None = None) -> bool:
    """Stay one claim whose claimant did not reply within 33 days of the response (by the
    system, audited); quietly nothing if it has moved on, been answered or is paused."""
    today = timezone.localtime(now or timezone.now()).date()
    with transaction.atomic():
        claim = Claim.objects.select_for_update().filter(pk=claim_id).first()
        if claim is None or claim.status != ClaimStatus.OPEN or _paused(claim):
            return False
        response = response_for(claim)
        if response is None or ClaimantReply.objects.filter(claim=claim).exists():
            return False
        answered_on = timezone.localtime(response.submitted_at).date()
        if today <= answered_on + dt.timedelta(days=CLAIMANT_REPLY_DAYS):
            return False
        transition_apply(
            claim,
            to=ClaimStatus.STAYED,
            fields={
                "stay_reason": "The claimant did not say whether they want to go ahead within "
                f"{CLAIMANT_REPLY_DAYS} days of the response"
            },
            stamp="stayed",
            action="claim.stayed_no_reply",
            service=AUDIT_SERVICE,
        )
        _tell_both(claim, "civil_claims.claim_stayed_no_reply", phone=court_phone())
    return True


def claims_reply_overdue_stay(*, now: dt.datetime | None = None) -> int:
    """The beat job: stay each overdue claim, each in its own transaction. Returns how many."""
    today = timezone.localtime(now or timezone.now()).date()
    return sum(
        claim_reply_overdue_stay(claim_id=pk, now=now)
        for pk in claims_reply_overdue_ids(today=today)
    )
