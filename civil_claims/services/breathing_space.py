"""Breathing space (Debt Respite Scheme): a caseworker records that the defendant has
entered one, which pauses the claim, and later that it has been lifted, which starts it
again with the defendant's response deadline worked out afresh.

Both are allowed only on an issued claim still with this court
(``BREATHING_SPACE_STATES``: never before issue, nor once it is closed, settled,
transferred or proceeding offline); each is audited on the claim and both parties are
told by their own chosen route (email, text message or letter), and CaseMan is sent the
event (``caseman``).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from digital_services.audit.services import audit_record
from digital_services.core.dates import date_format
from digital_services.core.transitions import TransitionNotAllowed, transition_apply

from ..constants import (
    AUDIT_SERVICE,
    BREATHING_SPACE_REFERENCE_MAX_LENGTH,
    BREATHING_SPACE_STATES,
    BreathingSpaceKind,
    BreathingSpaceStatus,
    CasemanEventKind,
    PartyRole,
)
from ..deadlines import deadline_passed, response_deadline_after_breathing_space
from ..models import BreathingSpace, Claim
from .caseman import caseman_event_record
from .common import court_phone, locked, message_send, party_route

ENTERED_TEMPLATE = "civil_claims.breathing_space_entered"
LIFTED_TEMPLATE = "civil_claims.breathing_space_lifted"
#: Lifted while the defendant still has a deadline to respond: the message gives it.
LIFTED_DEADLINE_TEMPLATE = "civil_claims.breathing_space_lifted_deadline"


def claim_breathing_space_allowed(claim: Claim) -> bool:
    """Whether a breathing space may be entered on (or lifted from) the claim in its status."""
    return claim.status in BREATHING_SPACE_STATES


def _state_check(claim: Claim, verb: str) -> None:
    if not claim_breathing_space_allowed(claim):
        raise TransitionNotAllowed(
            f"Claim {claim.reference_display} is {claim.get_status_display().lower()}: "
            f"a breathing space cannot be {verb} on it",
            source=claim.status,
        )


def _in_force(claim: Claim) -> BreathingSpace | None:
    return (
        BreathingSpace.objects.select_for_update()
        .filter(claim=claim, status=BreathingSpaceStatus.IN_FORCE)
        .first()
    )


def _tell_both_parties(claim: Claim, template: str, personalisation: dict) -> None:
    for role in (PartyRole.CLAIMANT, PartyRole.DEFENDANT):
        message_send(
            template=template,
            route=party_route(claim.party(role)),
            claim=claim,
            personalisation=personalisation,
        )


def claim_breathing_space_enter(
    *,
    claim: Claim,
    actor,
    kind: str,
    started_on: dt.date,
    reference: str = "",
    request=None,
) -> BreathingSpace:
    """Record that the defendant entered a breathing space on ``started_on``: the claim is
    paused (its response deadline stops) until it is lifted. Both parties are told.

    Raises ``TransitionNotAllowed`` when the claim's status does not allow it or a
    breathing space is already in force, and ``ValidationError`` (by field) for an
    unknown type, a start date in the future or a reference that is too long.
    """
    reference = " ".join(reference.split())
    errors = {}
    if kind not in BreathingSpaceKind.values:
        errors["kind"] = "Choose the type of breathing space"
    if started_on > timezone.localdate():
        errors["started_on"] = "The date the breathing space began must be today or in the past"
    if len(reference) > BREATHING_SPACE_REFERENCE_MAX_LENGTH:
        errors["reference"] = (
            f"The reference must be {BREATHING_SPACE_REFERENCE_MAX_LENGTH} characters or fewer"
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        _state_check(claim, "entered")
        if _in_force(claim) is not None:
            raise TransitionNotAllowed(
                f"Claim {claim.reference_display} is already paused by a breathing space: "
                "lift that one first",
                source=claim.status,
            )
        space = BreathingSpace.objects.create(
            claim=claim,
            kind=kind,
            reference=reference,
            started_on=started_on,
            deadline_before=claim.response_deadline,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        audit_record(
            action="claim.breathing_space_entered",
            obj=claim,
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={
                "breathing_space_id": space.pk,
                "kind": kind,
                "started_on": started_on.isoformat(),
            },
        )
        _tell_both_parties(
            claim,
            ENTERED_TEMPLATE,
            {
                "claim_number": claim.claim_number,
                "started_on": date_format(started_on),
                "phone": court_phone(),
            },
        )
        caseman_event_record(
            claim=claim, kind=CasemanEventKind.BREATHING_SPACE_ENTERED, breathing_space=space
        )
    return space


def claim_breathing_space_lift(
    *, claim: Claim, actor, lifted_on: dt.date, request=None
) -> BreathingSpace:
    """Record that the breathing space ended on ``lifted_on``: the claim goes ahead again.
    A defendant who has not responded gets the days they had left when it began, counted
    from ``lifted_on`` and moved to a working day (a deadline already passed when it began
    stays passed). Both parties are told, with the new deadline while it is still to come.

    Raises ``TransitionNotAllowed`` when the claim's status does not allow it or no
    breathing space is in force, and ``ValidationError`` for an end date in the future or
    before the breathing space began.
    """
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        _state_check(claim, "lifted")
        space = _in_force(claim)
        if space is None:
            raise TransitionNotAllowed(
                f"Claim {claim.reference_display} is not in a breathing space",
                source=claim.status,
            )
        if lifted_on > timezone.localdate():
            raise ValidationError(
                {"lifted_on": "The date the breathing space ended must be today or in the past"}
            )
        if lifted_on < space.started_on:
            raise ValidationError(
                {
                    "lifted_on": "The date the breathing space ended must be on or after the "
                    f"date it began, {date_format(space.started_on)}"
                }
            )
        deadline = claim.response_deadline
        if deadline is not None and claim.responded_at is None:
            deadline = response_deadline_after_breathing_space(
                deadline=deadline, started_on=space.started_on, lifted_on=lifted_on
            )
        # Audited once, on the claim (its history is where caseworkers and parties read it).
        transition_apply(
            space,
            to=BreathingSpaceStatus.LIFTED,
            fields={"lifted_on": lifted_on, "deadline_after": deadline},
            stamp="lifted",
            action=None,
            actor=actor,
        )
        if deadline != claim.response_deadline:
            claim.response_deadline = deadline
            claim.save(update_fields=["response_deadline", "updated_at"])
        audit_record(
            action="claim.breathing_space_lifted",
            obj=claim,
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={
                "breathing_space_id": space.pk,
                "lifted_on": lifted_on.isoformat(),
                "deadline_before": space.deadline_before.isoformat()
                if space.deadline_before
                else None,
                "deadline_after": deadline.isoformat() if deadline else None,
            },
        )
        personalisation = {
            "claim_number": claim.claim_number,
            "lifted_on": date_format(lifted_on),
            "phone": court_phone(),
        }
        template = LIFTED_TEMPLATE
        if deadline and claim.responded_at is None and not deadline_passed(deadline):
            template = LIFTED_DEADLINE_TEMPLATE
            personalisation["response_deadline"] = date_format(deadline)
        _tell_both_parties(claim, template, personalisation)
        caseman_event_record(
            claim=claim, kind=CasemanEventKind.BREATHING_SPACE_LIFTED, breathing_space=space
        )
    return space
