"""Staff decisions on a request: book it (with any visitors excluded) or reject it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from digital_services.core.transitions import (
    transition_apply,
)

from .. import emails
from ..constants import (
    ADULT_SUPERVISION_AGE,
    SERVICE_SLUG,
    RejectionReason,
    VisitorExclusion,
    VisitStatus,
)
from ..models import SlotLock, SlotTime, Visit, VisitEvent, Visitor
from ..rules import (
    age_on,
)
from ..selectors import (
    slot_capacity_get,
)
from .common import (
    InvalidDecision,
    MustReject,
    SlotFull,
    SlotUnavailable,
    VisitorExclusionChoice,
    _actor,
    _audit_detail,
    _check_transition,
    _event,
    _lock,
    _notify,
    _slot,
)

# ---------------------------------------------------------------- staff decisions


def _apply_exclusions(
    visitors: list[Visitor], exclusions: Sequence[VisitorExclusionChoice]
) -> list[Visitor]:
    by_id = {v.pk: v for v in visitors}
    for visitor in visitors:
        visitor.allowed = True
        visitor.exclusion = ""
        visitor.banned_until = None
        visitor.exclusion_detail = ""
    for choice in exclusions:
        visitor = by_id.get(choice.visitor_id)
        if visitor is None:
            raise InvalidDecision("A visitor you excluded is not on this visit")
        if choice.reason not in VisitorExclusion.values:
            raise InvalidDecision(f"Choose why {visitor.full_name} cannot come")
        visitor.allowed = False
        visitor.exclusion = choice.reason
        visitor.banned_until = (
            choice.banned_until if choice.reason == VisitorExclusion.BANNED else None
        )
        visitor.exclusion_detail = (choice.detail or "").strip()[:200]
    return visitors


def visit_booking_check(*, visit: Visit, slot: SlotTime, visitors: Sequence[Visitor]) -> None:
    """The rules a booking must pass with these exclusions (domain notes section 3).

    Raises ``MustReject`` when the lead visitor is excluded (an ineligible lead
    visitor always means rejection) or no visitor aged 18 or over is left.
    """
    lead = next((v for v in visitors if v.position == 0), None)
    if lead is not None and not lead.allowed:
        reason = {
            VisitorExclusion.BANNED: RejectionReason.VISITOR_BANNED,
            VisitorExclusion.NOT_ON_LIST: RejectionReason.VISITOR_NOT_ON_LIST,
        }.get(lead.exclusion, RejectionReason.VISITOR_OTHER_REASON)
        raise MustReject(
            "The main visitor cannot come, so the visit must be rejected", reason=reason
        )
    if not any(
        v.allowed and age_on(v.date_of_birth, slot.date) >= ADULT_SUPERVISION_AGE for v in visitors
    ):
        raise MustReject(
            "No visitor aged 18 or over is left, so the visit must be rejected",
            reason=RejectionReason.NO_ADULT,
        )


def visit_book(
    *,
    visit: Visit,
    slot: SlotTime | str,
    excluded_visitors: Sequence[VisitorExclusionChoice] = (),
    closed: bool = False,
    booking_reference: str = "",
    message: str = "",
    by,
) -> Visit:
    """Book one of the requested times (staff), excluding some visitors if needed.

    Locks the visit, then the slot's ``SlotLock`` row, then counts the slot's
    booked visits: the capacity can never be exceeded. Raises
    ``TransitionNotAllowed`` (already processed), ``SlotUnavailable`` (not one of
    the times asked for, or no longer one of the prison's times), ``SlotFull``,
    ``MustReject`` and ``InvalidDecision``.
    """
    slot = _slot(slot)
    with transaction.atomic():
        visit = _lock(visit)
        _check_transition(visit, VisitStatus.BOOKED)
        if slot.key not in visit.requested_slots:
            raise SlotUnavailable("Choose one of the times the visitor asked for", slot=slot)
        if timezone.make_aware(datetime.combine(slot.date, slot.start)) <= timezone.now():
            raise SlotUnavailable(
                f"{emails.slot_text(slot)} has already passed: reject the request", slot=slot
            )
        visitors = _apply_exclusions(list(visit.visitors.order_by("position")), excluded_visitors)
        visit_booking_check(visit=visit, slot=slot, visitors=visitors)
        capacity = slot_capacity_get(prison=visit.prison, slot=slot)
        if capacity is None:
            raise SlotUnavailable(
                f"{emails.slot_text(slot)} is no longer one of the prison’s visiting times",
                slot=slot,
                reason="not_a_slot",
            )
        SlotLock.objects.get_or_create(prison=visit.prison, date=slot.date, start_time=slot.start)
        SlotLock.objects.select_for_update().get(
            prison=visit.prison, date=slot.date, start_time=slot.start
        )
        booked = Visit.objects.filter(
            prison=visit.prison,
            status=VisitStatus.BOOKED,
            slot_date=slot.date,
            slot_start=slot.start,
        ).count()
        if booked >= capacity:
            raise SlotFull(
                f"{emails.slot_text(slot)} is now full: all {capacity} tables are booked. "
                "Choose another time or reject the request.",
                slot=slot,
                reason="fully_booked",
            )
        Visitor.objects.bulk_update(
            visitors, ["allowed", "exclusion", "banned_until", "exclusion_detail"]
        )
        now = timezone.now()
        transition_apply(
            visit,
            to=VisitStatus.BOOKED,
            fields={
                "booked_at": now,
                "booked_by": by,
                "slot_date": slot.date,
                "slot_start": slot.start,
                "slot_end": slot.end,
                "visit_date": slot.date,
                "closed": closed,
                "booking_reference": (booking_reference or "").strip(),
            },
            action="prison_visits.visit.booked",
            actor=_actor(by),
            service=SERVICE_SLUG,
            detail=_audit_detail(
                visit, slot=slot.key, excluded=[c.visitor_id for c in excluded_visitors]
            ),
        )
        _event(visit, VisitEvent.Kind.BOOKED, actor=by, message=message.strip(), at=now)
        _notify(
            visit,
            "booked",
            emails.booked(
                visit=visit,
                visitors=visitors,
                slot=slot,
                closed=closed,
                booking_reference=visit.booking_reference,
                message=message,
            ),
        )
    return visit


def visit_rejection_check(
    *, reasons: Sequence[str], allowance_renews_on: date | None = None, detail: str = ""
) -> list[str]:
    """The reasons, checked: at least one, all known, details for "other". Raises InvalidDecision."""
    reasons = list(dict.fromkeys(reasons))
    if not reasons:
        raise InvalidDecision("Choose at least one reason for rejecting the request")
    unknown = [r for r in reasons if r not in RejectionReason.values]
    if unknown:
        raise InvalidDecision(f"Unknown rejection reason: {', '.join(unknown)}")
    if RejectionReason.OTHER in reasons and not (detail or "").strip():
        raise InvalidDecision("Give details of the other reason (the visitor will not see them)")
    if allowance_renews_on is not None and RejectionReason.NO_ALLOWANCE not in reasons:
        raise InvalidDecision("Only give the date the allowance renews when there is none left")
    return reasons


def visit_reject(
    *,
    visit: Visit,
    reasons: Sequence[str],
    allowance_renews_on: date | None = None,
    message: str = "",
    detail: str = "",
    by,
) -> Visit:
    """Reject a request (staff) with one or more ``RejectionReason``s.

    ``detail`` explains "other" to colleagues and is never sent; with
    ``no_allowance`` the visitor is told the date the allowance renews. Raises
    ``TransitionNotAllowed`` and ``InvalidDecision``.
    """
    reasons = visit_rejection_check(
        reasons=reasons, allowance_renews_on=allowance_renews_on, detail=detail
    )
    with transaction.atomic():
        visit = _lock(visit)
        _check_transition(visit, VisitStatus.REJECTED)
        now = timezone.now()
        transition_apply(
            visit,
            to=VisitStatus.REJECTED,
            fields={
                "rejected_at": now,
                "rejected_by": by,
                "rejection_reasons": reasons,
                "rejection_detail": (detail or "").strip(),
                "allowance_renews_on": allowance_renews_on,
                "slot_date": None,
                "slot_start": None,
                "slot_end": None,
                "closed": False,
                "booking_reference": "",
            },
            action="prison_visits.visit.rejected",
            actor=_actor(by),
            service=SERVICE_SLUG,
            detail=_audit_detail(visit, reasons=reasons),
        )
        _event(visit, VisitEvent.Kind.REJECTED, actor=by, message=message.strip(), at=now)
        visitors = list(visit.visitors.order_by("position"))
        _notify(
            visit,
            "rejected",
            emails.rejected(
                visit=visit,
                visitors=visitors,
                reasons=reasons,
                allowance_renews_on=allowance_renews_on,
                message=message,
            ),
        )
    return visit
