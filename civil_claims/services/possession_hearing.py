"""Possession claims: the caseworker lists, adjourns or cancels a hearing and records its
outcome (writes).

Every move goes through ``core.transitions.transition_apply`` on the claim
(``POSSESSION_TRANSITIONS``) and on the hearing (``HEARING_TRANSITIONS``), so each is
allowed only from its states, locked, stamped and audited; each message goes to every
party by their route after commit. The rules (the 4-to-8-week window of the first
hearing, the 21-day warning) are ``possession_hearing_rules``.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from digital_services.audit.services import audit_record
from digital_services.core.dates import date_format
from digital_services.core.transitions import TransitionNotAllowed, transition_apply

from ..constants import AUDIT_SERVICE
from ..models import PossessionClaim, PossessionHearing
from ..possession_constants import (
    RESPONDED,
    HearingKind,
    HearingOutcome,
    HearingStatus,
    PossessionStatus,
)
from ..possession_hearing_rules import hearing_short_notice, hearing_window_problem
from .common import court_phone
from .possession_pack import possession_send_all, property_text

COURT = "County Court"


class HearingRefused(ValueError):
    """The hearing cannot be listed as asked: ``errors`` maps a form field to why."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def _locked(claim: PossessionClaim) -> PossessionClaim:
    return PossessionClaim.objects.select_for_update(of=("self",)).get(pk=claim.pk)


def possession_hearing_current(claim: PossessionClaim) -> PossessionHearing | None:
    """The hearing listed now (at most one), or None."""
    return claim.hearings.filter(status=HearingStatus.LISTED).order_by("-starts_at").first()


def possession_hearing_warning(claim: PossessionClaim, *, hearing_on: dt.date, today=None) -> str:
    """The warning for a hearing on ``hearing_on`` listed today: the papers would be
    served less than 21 days before it ("" when they would not)."""
    if claim.issue_date is None:
        return ""
    days = hearing_short_notice(
        issue_date=claim.issue_date,
        listed_on=today or timezone.localdate(),
        hearing_on=hearing_on,
    )
    if days is None:
        return ""
    return (
        f"The papers would be served {days} day{'s' if days != 1 else ''} before the hearing: "
        "less than the 21 days the rules ask for"
    )


def possession_hearing_list(
    *,
    claim: PossessionClaim,
    kind: str,
    starts_at: dt.datetime,
    duration_days: int,
    duration_hours: int,
    duration_minutes: int,
    notice_wording: str,
    actor,
    short_notice_accepted: bool = False,
    request=None,
) -> PossessionHearing:
    """List a hearing and send its notice to every party by their route.

    The first hearing must be 4 to 8 weeks after issue; when the papers would be served
    less than 21 days before it the caseworker must accept that knowingly
    (``short_notice_accepted``). Raises ``HearingRefused`` (field -> why) for either, and
    ``TransitionNotAllowed`` unless the claim is issued (not yet listed) or adjourned.
    """
    if kind not in HearingKind.values:
        raise HearingRefused({"kind": "Choose the type of hearing"})
    if not (duration_days or duration_hours or duration_minutes):
        raise HearingRefused({"duration_hours": "Enter how long the hearing is expected to last"})
    with transaction.atomic():
        claim = _locked(claim)
        target = PossessionStatus.HEARING_LISTED
        allowed = target in PossessionClaim.TRANSITIONS.get(claim.status, ())
        if not allowed or possession_hearing_current(claim) is not None:
            raise TransitionNotAllowed(
                f"Possession claim {claim.reference_display} is "
                f"{claim.get_status_display().lower()}: a hearing cannot be listed now",
                source=claim.status,
                target=target,
            )
        hearing_on = timezone.localtime(starts_at).date()
        errors = {}
        if kind == HearingKind.FIRST:
            problem = hearing_window_problem(issue_date=claim.issue_date, hearing_on=hearing_on)
            if problem:
                errors["starts_on"] = problem
        warning = possession_hearing_warning(claim, hearing_on=hearing_on)
        if warning and not short_notice_accepted and not errors:
            errors["short_notice_accepted"] = (
                f"{warning}. Tick the box to list it anyway, or choose a later date"
            )
        if errors:
            raise HearingRefused(errors)
        days = (
            hearing_short_notice(
                issue_date=claim.issue_date,
                listed_on=timezone.localdate(),
                hearing_on=hearing_on,
            )
            if warning
            else None
        )
        hearing = PossessionHearing.objects.create(
            claim=claim,
            kind=kind,
            starts_at=starts_at,
            duration_days=duration_days,
            duration_hours=duration_hours,
            duration_minutes=duration_minutes,
            notice_wording=notice_wording.strip(),
            short_notice_days=days,
            listed_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        transition_apply(
            claim,
            to=target,
            action="possession_claim.hearing_listed",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"hearing_id": hearing.pk, "kind": kind, "short_notice_days": days},
        )
        local = timezone.localtime(starts_at)
        possession_send_all(
            template="civil_claims.possession_hearing_notice",
            claim=claim,
            personalisation={
                "property": property_text(claim),
                "claim_number": claim.claim_number,
                "hearing_kind": hearing.get_kind_display(),
                "hearing_date": date_format(local.date()),
                "hearing_time": local.strftime("%-I:%M%p").lower().replace(":00", ""),
                "duration": hearing.duration_text,
                "court": getattr(settings, "CIVIL_CLAIMS_POSSESSION_COURT", "") or COURT,
                "notice_wording": hearing.notice_wording,
                "phone": court_phone(),
            },
        )
    return hearing


def _hearing_close(
    claim, *, hearing_to: str, claim_to: str, actor, request, fields, action, detail
):
    """Move the listed hearing and the claim together (one transaction). A claim already
    where the move would take it (a cancelled hearing after a response: still to be
    listed) keeps its status, and the change is audited on it all the same."""
    hearing = possession_hearing_current(claim)
    if hearing is None:
        raise TransitionNotAllowed(
            f"Possession claim {claim.reference_display} has no hearing listed",
            source=claim.status,
            target=claim_to,
        )
    if claim_to == claim.status and not fields:
        audit_record(
            action=action,
            obj=claim,
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"from": claim.status, "hearing_id": hearing.pk, **detail},
        )
    else:
        transition_apply(
            claim,
            to=claim_to,
            fields=fields,
            action=action,
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"hearing_id": hearing.pk, **detail},
        )
    transition_apply(
        hearing,
        to=hearing_to,
        fields={
            "outcome": detail.get("outcome", ""),
            "reason": detail.get("reason_text", ""),
            "closed_by": actor if getattr(actor, "is_authenticated", False) else None,
        },
        stamp="closed",
        action=None,  # the claim's audit event above records it
    )
    return hearing


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise HearingRefused({"reason": "Enter the reason"})
    return reason


def possession_hearing_adjourn(
    *, claim: PossessionClaim, reason: str, actor, request=None
) -> PossessionHearing:
    """Adjourn the listed hearing (before it, or at it as its outcome) with a reason; every
    party is told. The claim waits for the next hearing to be listed. Raises
    ``HearingRefused`` without a reason and ``TransitionNotAllowed`` unless one is listed."""
    reason = _reason(reason)
    with transaction.atomic():
        claim = _locked(claim)
        hearing = _hearing_close(
            claim,
            hearing_to=HearingStatus.ADJOURNED,
            claim_to=PossessionStatus.HEARING_ADJOURNED,
            actor=actor,
            request=request,
            fields={},
            action="possession_claim.hearing_adjourned",
            detail={"outcome": HearingOutcome.ADJOURNED, "reason_text": reason},
        )
        possession_send_all(
            template="civil_claims.possession_hearing_adjourned",
            claim=claim,
            personalisation={
                "hearing_date": date_format(timezone.localtime(hearing.starts_at).date()),
                "property": property_text(claim),
                "reason": reason,
                "claim_number": claim.claim_number,
            },
        )
    return hearing


def possession_hearing_cancel(
    *, claim: PossessionClaim, reason: str, actor, request=None
) -> PossessionHearing:
    """Cancel the listed hearing with a reason; every party is told. The claim goes back
    to be listed (issued; or, after a response, it stays "response received" or "defence
    received"). Raises ``HearingRefused`` without a reason and ``TransitionNotAllowed``
    unless a hearing is listed."""
    reason = _reason(reason)
    with transaction.atomic():
        claim = _locked(claim)
        hearing = _hearing_close(
            claim,
            hearing_to=HearingStatus.CANCELLED,
            claim_to=claim.status if claim.status in RESPONDED else PossessionStatus.ISSUED,
            actor=actor,
            request=request,
            fields={},
            action="possession_claim.hearing_cancelled",
            detail={"reason_text": reason},
        )
        possession_send_all(
            template="civil_claims.possession_hearing_cancelled",
            claim=claim,
            personalisation={
                "hearing_date": date_format(timezone.localtime(hearing.starts_at).date()),
                "property": property_text(claim),
                "reason": reason,
                "claim_number": claim.claim_number,
            },
        )
    return hearing


def possession_outcome_text(claim: PossessionClaim) -> str:
    """The court's decision in words for the parties (and the landlord's page)."""
    if claim.status == PossessionStatus.DISMISSED:
        return "The claim was dismissed."
    if claim.order_possession_on and claim.status != PossessionStatus.ORDER_SUSPENDED:
        return (
            "An outright possession order: the defendants must give up possession of the "
            f"property by {date_format(claim.order_possession_on)}."
        )
    if claim.order_terms:
        return f"A suspended possession order, on these terms: {claim.order_terms}"
    return ""


def outcome_too_early(hearing: PossessionHearing | None, *, now=None) -> str:
    """Why the hearing's outcome cannot be recorded yet: the hearing has not started ("" if
    it has, or if there is none)."""
    if hearing is None or hearing.starts_at <= (now or timezone.now()):
        return ""
    local = timezone.localtime(hearing.starts_at)
    return (
        f"The hearing has not happened yet: it is on {date_format(local.date())} at "
        f"{local.strftime('%H:%M')}. Record the outcome after it starts, or adjourn or "
        "cancel the hearing instead"
    )


def possession_hearing_outcome(
    *,
    claim: PossessionClaim,
    outcome: str,
    actor,
    possession_on: dt.date | None = None,
    terms: str = "",
    reason: str = "",
    request=None,
) -> PossessionHearing:
    """Record what the court decided at the listed hearing: an outright order (with the
    date to give up possession), a suspended order (with its terms), adjourned (with a
    reason) or dismissed. Every party is told. Raises ``HearingRefused`` for a missing
    date, terms or reason, or before the hearing has started (``outcome_too_early``), and
    ``TransitionNotAllowed`` unless a hearing is listed."""
    too_early = outcome_too_early(possession_hearing_current(claim))
    if too_early:
        raise HearingRefused({"outcome": too_early})
    if outcome == HearingOutcome.ADJOURNED:
        return possession_hearing_adjourn(claim=claim, reason=reason, actor=actor, request=request)
    targets = {
        HearingOutcome.OUTRIGHT: PossessionStatus.POSSESSION_ORDERED,
        HearingOutcome.SUSPENDED: PossessionStatus.ORDER_SUSPENDED,
        HearingOutcome.DISMISSED: PossessionStatus.DISMISSED,
    }
    if outcome not in targets:
        raise HearingRefused({"outcome": "Choose the outcome of the hearing"})
    terms = (terms or "").strip()
    if outcome == HearingOutcome.OUTRIGHT and possession_on is None:
        raise HearingRefused({"possession_on": "Enter the date to give up possession by"})
    if outcome == HearingOutcome.SUSPENDED and not terms:
        raise HearingRefused({"terms": "Enter the terms of the suspended order"})
    with transaction.atomic():
        claim = _locked(claim)
        hearing = possession_hearing_current(claim)
        if hearing is not None and possession_on is not None:
            heard_on = timezone.localtime(hearing.starts_at).date()
            if possession_on < heard_on:
                raise HearingRefused(
                    {"possession_on": "The date to give up possession cannot be before the hearing"}
                )
        fields = {"order_made_on": timezone.localdate()}
        if outcome == HearingOutcome.OUTRIGHT:
            fields["order_possession_on"] = possession_on
        if outcome == HearingOutcome.SUSPENDED:
            fields["order_terms"] = terms
        hearing = _hearing_close(
            claim,
            hearing_to=HearingStatus.HEARD,
            claim_to=targets[outcome],
            actor=actor,
            request=request,
            fields=fields if outcome != HearingOutcome.DISMISSED else {},
            action="possession_claim.hearing_outcome",
            detail={"outcome": outcome},
        )
        possession_send_all(
            template="civil_claims.possession_outcome",
            claim=claim,
            personalisation={
                "hearing_date": date_format(timezone.localtime(hearing.starts_at).date()),
                "property": property_text(claim),
                "outcome": possession_outcome_text(claim),
                "claim_number": claim.claim_number,
            },
        )
    return hearing
