"""A caseworker's Help with Fees decision, the one rule for every fee in this service: a
money claim's issue fee (``casework.claim_hwf_decide``), a possession claim's or its
warrant's fee (``possession_warrant.possession_hwf_decide``) and a possession
counterclaim's fee (``possession_decisions.counterclaim_hwf_decide``), and a money claim's
counterclaim fee (``counterclaim_hwf_decide``, here).

Full remission covers the fee; part remission covers ``remitted_pence`` of it (at least
1p, less than the fee); no remission or an invalid reference leave all of it to pay; more
information needs a note saying what. Each caller keeps the result on its own row and
moves its own status; ``hwf_message`` picks the message (one set of templates for money
claims, ``civil_claims.hwf_*``, one for possession fees, ``civil_claims.possession_hwf_*``,
which name the fee with ``fee_name``).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from digital_services.audit.services import audit_record
from digital_services.core.transitions import TransitionNotAllowed

from ..constants import AUDIT_SERVICE, LIVE_ISSUED, ClaimStatus, HwfOutcome
from ..models import Claim, Counterclaim
from .common import court_phone, locked, message_send, money, party_route


def hwf_decision_fields(
    *, fee_pence: int, outcome: str, remitted_pence: int | None = None, note: str = ""
) -> dict:
    """The decision's fields (``hwf_outcome``, ``hwf_fee_remitted_pence``,
    ``hwf_amount_to_pay_pence``, ``hwf_note``) for a fee of ``fee_pence``. Raises
    ``ValueError`` for an unknown outcome, a part remission not between 1p and the fee less
    1p, or more information without a note."""
    if outcome not in HwfOutcome.values:
        raise ValueError(f"Unknown Help with Fees outcome {outcome!r}")
    remitted = {HwfOutcome.FULL: fee_pence, HwfOutcome.PART: remitted_pence}.get(outcome, 0)
    if outcome == HwfOutcome.PART and not (isinstance(remitted, int) and 1 <= remitted < fee_pence):
        raise ValueError("Enter the amount remitted: more than £0 and less than the fee")
    note = (note or "").strip()
    if outcome == HwfOutcome.MORE_INFO and not note:
        raise ValueError("Say what information is needed")
    return {
        "hwf_outcome": outcome,
        "hwf_fee_remitted_pence": remitted,
        "hwf_amount_to_pay_pence": fee_pence - remitted,
        "hwf_note": note,
    }


def hwf_message(
    *, prefix: str, fields: dict, fee_pence: int, reference: str, next_step: str = ""
) -> tuple[str, dict]:
    """The message for a decision (``hwf_decision_fields``): the template
    ``<prefix>_<outcome>`` (``civil_claims.hwf`` for a money claim,
    ``civil_claims.possession_hwf`` for a possession claim, its warrant or a counterclaim)
    and the outcome's figures that template asks for; the caller adds whose reference and
    link it is (``hwf_reference``, ``claim_url``, ...)."""
    from ..notifications import TEMPLATES

    template = f"{prefix}_{fields['hwf_outcome']}"
    remitted = fields["hwf_fee_remitted_pence"]
    figures = {
        "remitted": money(remitted),
        "fee": money(fee_pence),
        "amount_to_pay": money(fee_pence - remitted),
        "reference": reference,
        "note": fields["hwf_note"],
        "next_step": next_step,
    }
    wanted = TEMPLATES[template]["personalisation"]
    return template, {name: value for name, value in figures.items() if name in wanted}


# A money claim's counterclaim fee ---------------------------------------------------------

#: Where a counterclaim's Help with Fees may be decided: while the claim is still here.
COUNTERCLAIM_HWF_STATES = (*LIVE_ISSUED, ClaimStatus.STAYED)


def counterclaim_hwf_refusal(counterclaim: Counterclaim) -> str:
    """Why a caseworker cannot decide this counterclaim's Help with Fees now ("" if they can)."""
    claim = counterclaim.response.claim
    if not counterclaim.hwf_to_decide:
        return "This counterclaim has no Help with Fees to decide"
    if claim.status not in COUNTERCLAIM_HWF_STATES:
        return f"Claim {claim.reference_display} is {claim.get_status_display().lower()}"
    return ""


def counterclaim_hwf_decide(
    *,
    claim: Claim,
    outcome: str,
    actor,
    remitted_pence: int | None = None,
    note: str = "",
    request=None,
) -> Counterclaim:
    """Decide the defendant's Help with Fees on their money-claim counterclaim's fee, by
    the one rule (``hwf_decision_fields``): approve it in full, in part or not at all, ask
    for more information, or find the reference invalid. What is left to pay, the defendant
    pays by card from their response page (``Counterclaim.fee_due``); more information or an
    invalid reference may be decided again. Audited; the defendant is told by their route.
    Raises ``TransitionNotAllowed`` when no counterclaim Help with Fees waits (or the claim
    is closed) and ``ValueError`` as ``hwf_decision_fields``."""
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        counterclaim = (
            Counterclaim.objects.select_for_update()
            .select_related("response__claim")
            .filter(response__claim=claim)
            .first()
        )
        refusal = (
            counterclaim_hwf_refusal(counterclaim)
            if counterclaim is not None
            else "This claim has no counterclaim"
        )
        if refusal:
            raise TransitionNotAllowed(refusal, source=claim.status)
        fields = hwf_decision_fields(
            fee_pence=counterclaim.fee_pence,
            outcome=outcome,
            remitted_pence=remitted_pence,
            note=note,
        )
        template, figures = hwf_message(
            prefix="civil_claims.counterclaim_hwf",
            fields=fields,
            fee_pence=counterclaim.fee_pence,
            reference=claim.claim_number,
        )
        fields.update(hwf_decided_at=timezone.now(), hwf_decided_by=actor)
        for name, value in fields.items():
            setattr(counterclaim, name, value)
        counterclaim.save(update_fields=list(fields))
        audit_record(
            action="claim.counterclaim_hwf_decided",
            obj=claim,
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"outcome": outcome, "remitted_pence": fields["hwf_fee_remitted_pence"]},
        )
        message_send(
            template=template,
            route=party_route(claim.defendant),
            claim=claim,
            personalisation={
                "claim_number": claim.claim_number,
                "hwf_reference": counterclaim.hwf_reference,
                "phone": court_phone(),
                **figures,
            },
        )
    return counterclaim
