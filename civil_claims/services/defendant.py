"""The defendant's side before they respond: linking the claim to their account with the
access code from their letter, asking for 14 more days, and the reminders to respond.

Linking is two steps so that the code is used only by an account. ``defendant_access_check``
(the view rate-limits it) finds the live code for a claim number without using it; the
view keeps the code's id (never the code) in the browser's session while the defendant
signs in or creates an account; ``defendant_claim_link`` then uses the code, once, and
attaches the claim to that account as its defendant. A used, replaced or wrong code, or
a claim number that is not issued, all give the same ``None``, so nothing is learnt
about which of the two was wrong.

The same two functions serve a possession claim's defendants (``possession=True``): one
access-code model, one hash, one way to use a code. ``possession_access_code_issue``
makes the code posted to one possession defendant with the claim pack.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from digital_services.audit.services import audit_record
from digital_services.core.dates import date_format

from ..constants import (
    AUDIT_SERVICE,
    CLAIM_NUMBER,
    BreathingSpaceStatus,
    CasemanEventKind,
    ClaimStatus,
)
from ..deadlines import (
    MORE_TIME_DAYS,
    deadline_passed,
    next_working_day_from,
    response_deadline_for,
)
from ..models import AccessCode, BreathingSpace, Claim, Party, PossessionClaim, PossessionParty
from ..possession_constants import POSSESSION_AUDIT_OBJECT, PossessionPartyRole
from .caseman import caseman_event_record
from .common import access_code_hash, claim_link, locked, message_send, party_route, respond_link

MORE_TIME_DEFENDANT_TEMPLATE = "civil_claims.more_time_defendant"
MORE_TIME_CLAIMANT_TEMPLATE = "civil_claims.more_time_claimant"
REMINDER_TEMPLATE = "civil_claims.response_reminder"
#: Reminders to respond go this many days before the response deadline (notes section 2).
REMINDER_FIRST_DAYS_BEFORE = 5
REMINDER_LAST_DAYS_BEFORE = 1


class MoreTimeRefused(Exception):
    """More time cannot be given; the message says why, in words for the defendant."""


def claim_number_normalise(text: str) -> str:
    """A typed claim number as stored: spaces removed, upper case ("123 mc 456" → "123MC456")."""
    return "".join((text or "").split()).upper()


def defendant_access_check(
    *, claim_number: str, code: str, possession: bool = False
) -> AccessCode | None:
    """The live access code matching this claim number and code, without using it; None for
    anything else (the caller says the same whatever was wrong). ``possession`` looks for
    a possession claim's defendant's code instead of a money claim's."""
    number = claim_number_normalise(claim_number)
    if not CLAIM_NUMBER.match(number):
        return None
    live = AccessCode.objects.filter(
        code_hash=access_code_hash(code), used_at__isnull=True, revoked_at__isnull=True
    )
    if possession:
        return (
            live.select_related("possession_party__claim")
            .filter(
                possession_party__claim__claim_number=number,
                possession_party__role=PossessionPartyRole.DEFENDANT,
            )
            .first()
        )
    return live.select_related("claim").filter(claim__claim_number=number).first()


def possession_access_code_issue(*, party: PossessionParty, actor=None) -> str:
    """Revoke this possession defendant's live codes and make a new one, for the claim
    pack's letter (or a caseworker's new code); returns the code, which is kept only as
    its hash. Each defendant of a possession claim has a code of their own."""
    from .issue import access_code_new  # issue.py imports this module's neighbours

    if party.role != PossessionPartyRole.DEFENDANT:
        raise ValueError("Only a defendant is sent an access code")
    now = timezone.now()
    AccessCode.objects.filter(
        possession_party=party, used_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=now)
    code = access_code_new()
    AccessCode.objects.create(
        possession_party=party,
        code_hash=access_code_hash(code),
        created_at=now,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    return code


def defendant_claim_link(
    *, access_code_id: int, user, request=None
) -> Claim | PossessionClaim | None:
    """Use the access code (once) and attach its claim to ``user``'s account as the
    defendant. Returns the claim (a ``PossessionClaim`` for a possession defendant's code),
    or None when the code has been used or replaced since it was checked. A later code
    used from another account moves the claim to that account (the way back in for a
    defendant who lost theirs: a caseworker sends a new code)."""
    if not getattr(user, "is_authenticated", False):
        raise ValueError("Only a signed-in account can link a claim")
    with transaction.atomic():
        access = (
            AccessCode.objects.select_for_update()
            .filter(pk=access_code_id, used_at__isnull=True, revoked_at__isnull=True)
            .first()
        )
        if access is None:
            return None
        now = timezone.now()
        access.used_at = now
        access.used_by = user
        access.save(update_fields=["used_at", "used_by"])
        if access.possession_party_id is not None:
            return _possession_party_link(access, user=user, now=now, request=request)
        party = locked(Party, access.party_id)
        moved = party.user_id is not None and party.user_id != user.pk
        party.user = user
        party.linked_at = now
        party.save(update_fields=["user", "linked_at", "updated_at"])
        claim = Claim.objects.get(pk=access.claim_id)
        audit_record(
            action="claim.defendant_linked",
            obj=claim,
            # Who typed it: the defendant, or the member of staff helping them (the audit
            # then names the defendant as the citizen helped, from the request).
            actor=request.user if request is not None else user,
            request=request,
            service=AUDIT_SERVICE,
            detail={"moved_from_another_account": moved},
        )
        return claim


def _possession_party_link(access: AccessCode, *, user, now, request) -> PossessionClaim:
    party = locked(PossessionParty, access.possession_party_id)
    moved = party.user_id is not None and party.user_id != user.pk
    party.user = user
    party.linked_at = now
    party.save(update_fields=["user", "linked_at", "updated_at"])
    claim = PossessionClaim.objects.get(pk=party.claim_id)
    audit_record(
        action=f"{POSSESSION_AUDIT_OBJECT}.defendant_linked",
        obj=claim,
        actor=request.user if request is not None else user,
        request=request,
        service=AUDIT_SERVICE,
        detail={"moved_from_another_account": moved, "party": party.pk},
    )
    return claim


def _paused(claim: Claim) -> bool:
    """A breathing space is in force: the deadline is paused (it is worked out again when
    the breathing space is lifted)."""
    return BreathingSpace.objects.filter(claim=claim, status=BreathingSpaceStatus.IN_FORCE).exists()


# More time ---------------------------------------------------------------------------


def more_time_deadline(claim: Claim) -> dt.date:
    """The deadline more time gives: issue + 5 + 14 + 14 days, on a working day. When the
    deadline had already been moved (a breathing space, counted again from its end), 14
    days from that deadline instead, on a working day, so more time never shortens it."""
    if claim.response_deadline == response_deadline_for(claim.issue_date):
        return response_deadline_for(claim.issue_date, more_time=True)
    return next_working_day_from(claim.response_deadline + dt.timedelta(days=MORE_TIME_DAYS))


def claim_more_time_refusal(claim: Claim, *, now: dt.datetime | None = None) -> str:
    """Why the defendant cannot have 14 more days now ("" when they can): once only, while
    the claim waits for their response, and before 16:00 on the deadline day."""
    if claim.status != ClaimStatus.OPEN or claim.response_deadline is None:
        return "More time cannot be given because the claim is no longer waiting for a response"
    if claim.responded_at is not None:
        return "More time cannot be given because a response has already been sent"
    if _paused(claim):
        return (
            "More time cannot be given while the claim is paused by a breathing space. The "
            "deadline to respond is worked out again when the breathing space ends"
        )
    deadline = f"4pm on {date_format(claim.response_deadline)}"
    if claim.more_time_given_at is not None:
        return (
            "More time can only be given once. 14 more days have already been given: "
            f"the deadline to respond is {deadline}"
        )
    if deadline_passed(claim.response_deadline, now=now):
        return f"More time cannot be given after the deadline to respond, which was {deadline}"
    return ""


def claim_more_time_request(*, claim: Claim, actor=None, request=None) -> Claim:
    """Give the defendant 14 more days to respond (once, before the deadline): the new
    deadline is worked out from the issue date, audited, both parties are told by their
    chosen routes and CaseMan by its feed. The claim stays open (no change of status).
    Raises ``MoreTimeRefused`` with the reason otherwise."""
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        refusal = claim_more_time_refusal(claim)
        if refusal:
            raise MoreTimeRefused(refusal)
        before = claim.response_deadline
        claim.response_deadline = more_time_deadline(claim)
        claim.more_time_given_at = timezone.now()
        claim.save(update_fields=["response_deadline", "more_time_given_at", "updated_at"])
        audit_record(
            action="claim.more_time_given",
            obj=claim,
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            request=request,
            service=AUDIT_SERVICE,
            detail={
                "deadline_was": before.isoformat(),
                "deadline": claim.response_deadline.isoformat(),
            },
        )
        _more_time_messages_send(claim)
        caseman_event_record(claim=claim, kind=CasemanEventKind.MORE_TIME)
    return claim


def _more_time_messages_send(claim: Claim) -> None:
    claimant, defendant = claim.claimant, claim.defendant
    deadline = date_format(claim.response_deadline)
    message_send(
        template=MORE_TIME_DEFENDANT_TEMPLATE,
        route=party_route(defendant),
        claim=claim,
        personalisation={
            "claim_number": claim.claim_number,
            "claimant_name": claimant.display_name,
            "response_deadline": deadline,
            "respond_url": respond_link(),
        },
    )
    message_send(
        template=MORE_TIME_CLAIMANT_TEMPLATE,
        route=party_route(claimant),
        claim=claim,
        personalisation={
            "claim_number": claim.claim_number,
            "defendant_name": defendant.display_name,
            "response_deadline": deadline,
            "claim_url": claim_link(claim),
        },
    )


# Reminders to respond ------------------------------------------------------------------


def claims_reminder_due_ids(*, today: dt.date) -> list[int]:
    """Claims waiting for a response whose deadline is within the first reminder's reach."""
    latest = today + dt.timedelta(days=REMINDER_FIRST_DAYS_BEFORE)
    return list(
        Claim.objects.filter(
            status=ClaimStatus.OPEN,
            responded_at__isnull=True,
            response_deadline__gte=today,
            response_deadline__lte=latest,
        )
        .order_by("response_deadline", "pk")
        .values_list("pk", flat=True)
    )


def claim_response_reminder_send(*, claim_id: int, now: dt.datetime | None = None) -> str:
    """Send the reminder due on the claim now, once per deadline: "first" from 5 days
    before the deadline, "last" from 1 day before it, until 16:00 on the day. Returns which
    was sent, or "" (nothing due, already sent, answered, paused by a breathing space, or no
    longer waiting). A first reminder not sent before the last one is due is skipped."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    with transaction.atomic():
        claim = Claim.objects.select_for_update().filter(pk=claim_id).first()
        if (
            claim is None
            or claim.status != ClaimStatus.OPEN
            or claim.responded_at is not None
            or claim.response_deadline is None
            or deadline_passed(claim.response_deadline, now=now)
            or _paused(claim)
        ):
            return ""
        days_left = (claim.response_deadline - today).days
        if days_left <= REMINDER_LAST_DAYS_BEFORE:
            kind, field = "last", "reminder_last_sent_for"
        elif days_left <= REMINDER_FIRST_DAYS_BEFORE:
            kind, field = "first", "reminder_first_sent_for"
        else:
            return ""
        if getattr(claim, field) == claim.response_deadline:
            return ""
        setattr(claim, field, claim.response_deadline)
        claim.save(update_fields=[field, "updated_at"])
        message_send(
            template=REMINDER_TEMPLATE,
            route=party_route(claim.defendant),
            claim=claim,
            personalisation={
                "claim_number": claim.claim_number,
                "claimant_name": claim.claimant.display_name,
                "response_deadline": date_format(claim.response_deadline),
                "respond_url": respond_link(),
            },
        )
        return kind


def claims_response_reminders_send(*, now: dt.datetime | None = None) -> int:
    """The beat job: each claim's reminder due today, each in its own transaction. Returns
    how many were sent."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    return sum(
        bool(claim_response_reminder_send(claim_id=pk, now=now))
        for pk in claims_reminder_due_ids(today=today)
    )
