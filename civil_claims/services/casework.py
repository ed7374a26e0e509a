"""Caseworkers' actions on a claim: Help with Fees decisions, the defendant's access code,
contact details, notes, stays, transfers and paper correspondence.

Each is audited, and each is allowed only from the states in ``ACTION_STATES`` (status
changes also through ``CLAIM_TRANSITIONS``); a refused action raises
``TransitionNotAllowed`` and changes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from digital_services.audit.services import audit_record
from digital_services.core.transitions import TransitionNotAllowed, transition_apply

from ..constants import (
    AUDIT_SERVICE,
    FINAL,
    LIVE_ISSUED,
    ClaimStatus,
    CorrespondenceKind,
    CorrespondenceStatus,
    HwfOutcome,
    PartyRole,
)
from ..models import CaseNote, Claim, PaperCorrespondence, Party
from .common import claim_link, court_phone, deadline_text, locked, message_send, party_route
from .hwf import hwf_decision_fields, hwf_message
from .issue import access_code_issue, claim_issue, defendant_notice_send

#: Actions that do not change the status, and the statuses they are allowed in.
ACTION_STATES = {
    "access_code_reset": (*LIVE_ISSUED, ClaimStatus.STAYED),
    "contact_change": tuple(s for s in ClaimStatus.values if s not in FINAL),
    "note_add": tuple(ClaimStatus.values),
    "correspondence_record": (*LIVE_ISSUED, ClaimStatus.STAYED),
}
PARTY_CONTACT_FIELDS = (
    "address_line_1",
    "address_line_2",
    "address_town",
    "address_postcode",
    "correspondence_line_1",
    "correspondence_line_2",
    "correspondence_town",
    "correspondence_postcode",
    "email",
    "phone",
    "contact_channel",
    "mobile",
)


def claim_action_allowed(claim: Claim, action: str) -> bool:
    return claim.status in ACTION_STATES[action]


def _action_check(claim: Claim, action: str) -> None:
    if not claim_action_allowed(claim, action):
        raise TransitionNotAllowed(
            f"Claim {claim.reference_display} is {claim.get_status_display().lower()}: "
            "this cannot be done now",
            source=claim.status,
        )


def claim_hwf_decide(
    *,
    claim: Claim,
    outcome: str,
    actor,
    remitted_pence: int | None = None,
    note: str = "",
    request=None,
) -> Claim:
    """Decide the claimant's Help with Fees: full remission issues the claim; part (with
    ``remitted_pence``, less than the fee) or no remission leave the rest to pay; more
    information (``note`` says what) or an invalid reference wait for the claimant. Each
    sends its own message by the claimant's route.

    Raises ``TransitionNotAllowed`` unless the claim is ``hwf_pending``, ``ValueError`` for
    an unknown outcome or a part remission that is not between 1p and the fee less 1p.
    """
    if outcome not in HwfOutcome.values:
        raise ValueError(f"Unknown Help with Fees outcome {outcome!r}")
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        if claim.status != ClaimStatus.HWF_PENDING:
            raise TransitionNotAllowed(
                f"Claim {claim.reference_display} has no Help with Fees to decide",
                source=claim.status,
            )
        fee = claim.fee_pence
        fields = hwf_decision_fields(
            outcome=outcome, fee_pence=fee, remitted_pence=remitted_pence, note=note
        )
        template, personalisation = hwf_message(
            prefix="civil_claims.hwf",
            fields=fields,
            fee_pence=fee,
            reference=claim.reference_display,
        )
        personalisation.update(hwf_reference=claim.hwf_reference, claim_url=claim_link(claim))
        if outcome == HwfOutcome.FULL:
            fields.update(hwf_decided_at=timezone.now(), hwf_decided_by=actor)
            for name, value in fields.items():
                setattr(claim, name, value)
            claim.save(update_fields=[*fields, "updated_at"])
            claim = claim_issue(
                claim=claim,
                actor=actor,
                request=request,
                notify_claimant=False,
                detail={"hwf_outcome": outcome},
            )
            personalisation.update(
                claim_number=claim.claim_number, response_deadline=deadline_text(claim)
            )
        else:
            transition_apply(
                claim,
                to=ClaimStatus.HWF_AWAITING_CLAIMANT,
                fields=fields,
                stamp="hwf_decided",
                action="claim.hwf_decided",
                actor=actor,
                request=request,
                service=AUDIT_SERVICE,
                detail={"outcome": outcome, "remitted_pence": fields["hwf_fee_remitted_pence"]},
            )
        message_send(
            template=template,
            route=party_route(claim.claimant),
            claim=claim,
            personalisation=personalisation,
        )
    return claim


def claim_access_code_reset(*, claim: Claim, actor, request=None) -> Claim:
    """Revoke the defendant's access code and post a new one (by email too when known).
    Allowed while the claim is issued and live or stayed."""
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        _action_check(claim, "access_code_reset")
        code = access_code_issue(claim=claim, actor=actor)
        defendant_notice_send(claim=claim, code=code, template="civil_claims.access_code_new")
        audit_record(
            action="claim.access_code_reset",
            obj=claim,
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
        )
    return claim


def party_contact_change(*, party: Party, actor, changes: dict, request=None) -> Party:
    """Change a party's address, correspondence address, email, phone or contact route,
    and tell them by their (new) route. The audit records which fields changed, not their
    values. Raises ``TransitionNotAllowed`` for a closed claim, ``ValueError`` for a field
    that is not a contact detail and ``ValidationError`` for invalid details."""
    unknown = set(changes) - set(PARTY_CONTACT_FIELDS)
    if unknown:
        raise ValueError(f"Not contact details: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        claim = locked(Claim, party.claim_id)
        _action_check(claim, "contact_change")
        party = locked(Party, party.pk)
        changed = [name for name, value in changes.items() if getattr(party, name) != value]
        if not changed:
            return party
        for name in changed:
            setattr(party, name, changes[name])
        party.full_clean()
        party.save(update_fields=[*changed, "updated_at"])
        audit_record(
            action="claim.contact_changed",
            obj=claim,
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"party": party.role, "fields": changed},
        )
        route = party_route(party)
        message_send(
            template="civil_claims.contact_details_changed",
            route=route,
            claim=claim,
            personalisation={
                "claim_number": claim.claim_number or claim.reference_display,
                "route": route.describe(),
                "phone": court_phone(),
            },
        )
    return party


def claim_note_add(*, claim: Claim, actor, text: str, request=None) -> CaseNote:
    """Add a caseworker's note (audited; the note's text is not copied into the audit)."""
    if not text.strip():
        raise ValueError("Enter the note")
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        _action_check(claim, "note_add")
        note = CaseNote.objects.create(claim=claim, text=text.strip(), created_by=actor)
        audit_record(
            action="claim.note_added",
            obj=claim,
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"note_id": note.pk},
        )
    return note


def _both_parties(claim: Claim, template: str, personalisation: dict) -> None:
    for role in (PartyRole.CLAIMANT, PartyRole.DEFENDANT):
        message_send(
            template=template,
            route=party_route(claim.party(role)),
            claim=claim,
            personalisation=personalisation,
        )


def claim_stay(*, claim: Claim, actor, reason: str, request=None) -> Claim:
    """Stay (pause) an issued claim, with the reason; both parties are told."""
    if not reason.strip():
        raise ValueError("Enter the reason for the stay")
    with transaction.atomic():
        transition_apply(
            claim,
            to=ClaimStatus.STAYED,
            fields={"stay_reason": reason.strip()},
            stamp="stayed",
            action="claim.stayed",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
        )
        _both_parties(
            claim,
            "civil_claims.claim_stayed",
            {"claim_number": claim.claim_number, "reason": reason.strip(), "phone": court_phone()},
        )
    return claim


def claim_stay_lift(*, claim: Claim, actor, request=None) -> Claim:
    """Lift the stay: the claim is open again; both parties are told."""
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        if claim.status != ClaimStatus.STAYED:
            raise TransitionNotAllowed(
                f"Claim {claim.reference_display} is not stayed", source=claim.status
            )
        transition_apply(
            claim,
            to=ClaimStatus.OPEN,
            stamp="stay_lifted",
            action="claim.stay_lifted",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
        )
        _both_parties(
            claim,
            "civil_claims.claim_stay_lifted",
            {"claim_number": claim.claim_number, "phone": court_phone()},
        )
    return claim


def claim_transfer(*, claim: Claim, actor, court: str, reason: str = "", request=None) -> Claim:
    """Transfer the claim out to another court (named); both parties are told."""
    court = " ".join(court.split())
    if not court:
        raise ValueError("Enter the name of the court")
    with transaction.atomic():
        transition_apply(
            claim,
            to=ClaimStatus.TRANSFERRED,
            fields={"transfer_court": court[:120], "transfer_reason": reason.strip()},
            stamp="transferred",
            action="claim.transferred",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"court": court[:120]},
        )
        _both_parties(
            claim,
            "civil_claims.claim_transferred",
            {"claim_number": claim.claim_number, "court": court},
        )
    return claim


def correspondence_record(
    *,
    claim: Claim,
    actor,
    kind: str,
    received_on: dt.date,
    description: str = "",
    request=None,
) -> PaperCorrespondence:
    """Record a letter received about an issued claim; it waits in the caseworkers' queue.
    A paper response form moves an open claim to the business queue (notes section 4)."""
    if kind not in CorrespondenceKind.values:
        raise ValidationError({"kind": "Choose what was received"})
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        _action_check(claim, "correspondence_record")
        item = PaperCorrespondence.objects.create(
            claim=claim,
            kind=kind,
            received_on=received_on,
            description=description,
            created_by=actor,
        )
        if kind == CorrespondenceKind.RESPONSE_FORM and claim.status == ClaimStatus.OPEN:
            transition_apply(
                claim,
                to=ClaimStatus.BUSINESS_QUEUE,
                action="claim.paper_response_received",
                actor=actor,
                request=request,
                service=AUDIT_SERVICE,
            )
        audit_record(
            action="claim.correspondence_recorded",
            obj=claim,
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"kind": kind, "correspondence_id": item.pk},
        )
    return item


def correspondence_review(*, item: PaperCorrespondence, actor, request=None) -> PaperCorrespondence:
    """Mark a received letter as reviewed (it leaves the queue)."""
    return transition_apply(
        item,
        to=CorrespondenceStatus.REVIEWED,
        stamp="reviewed",
        action="claim.correspondence_reviewed",
        actor=actor,
        request=request,
        service=AUDIT_SERVICE,
    )
