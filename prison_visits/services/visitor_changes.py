"""Changes after the request: withdraw, cancel, the cancellation actioned, messages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from digital_services.core.transitions import (
    TransitionNotAllowed,
    transition_apply,
)

from .. import emails
from ..constants import (
    SERVICE_SLUG,
    STAFF_CANCELLATION_REASONS,
    CancellationReason,
    VisitStatus,
)
from ..models import Visit, VisitEvent
from .common import (
    InvalidDecision,
    _actor,
    _audit,
    _audit_detail,
    _check_transition,
    _event,
    _lock,
    _notify,
)

# ---------------------------------------------------------------- the visitor's changes


def visit_withdraw(*, visit: Visit, by=None) -> Visit:
    """The visitor withdraws a request that has not been processed. Raises TransitionNotAllowed."""
    with transaction.atomic():
        visit = _lock(visit)
        _check_transition(visit, VisitStatus.WITHDRAWN)
        now = timezone.now()
        transition_apply(
            visit,
            to=VisitStatus.WITHDRAWN,
            fields={"withdrawn_at": now, "withdrawn_by": _actor(by)},
            action="prison_visits.visit.withdrawn",
            actor=_actor(by),
            service=SERVICE_SLUG,
            detail=_audit_detail(visit),
        )
        _event(visit, VisitEvent.Kind.WITHDRAWN, actor=by, by_visitor=True, at=now)
        visitors = list(visit.visitors.order_by("position"))
        _notify(visit, "withdrawn", emails.withdrawn(visit=visit, visitors=visitors))
    return visit


def visit_cancel(
    *,
    visit: Visit,
    reasons: Sequence[str] = (),
    by=None,
    by_visitor: bool,
    message: str = "",
) -> Visit:
    """Cancel a booked visit, by staff (with their reasons) or by the visitor.

    The visitor may cancel only before the visit starts; their cancellation
    waits in the staff inbox until staff action it (``visit_cancellation_action``).
    A staff cancellation is actioned at once. Raises ``TransitionNotAllowed``
    (not booked, or a visitor cancelling a visit that has started) and
    ``InvalidDecision`` (staff without a reason).
    """
    if by_visitor:
        reasons = [CancellationReason.VISITOR_CANCELLED]
    else:
        reasons = list(dict.fromkeys(reasons))
        if not reasons:
            raise InvalidDecision("Choose at least one reason for cancelling the visit")
        unknown = [r for r in reasons if r not in STAFF_CANCELLATION_REASONS]
        if unknown:
            raise InvalidDecision(f"Unknown cancellation reason: {', '.join(unknown)}")
    with transaction.atomic():
        visit = _lock(visit)
        _check_transition(visit, VisitStatus.CANCELLED)
        now = timezone.now()
        if by_visitor:
            starts = timezone.make_aware(datetime.combine(visit.slot_date, visit.slot_start))
            if starts <= now:
                raise TransitionNotAllowed("A visit that has already started cannot be cancelled")
        transition_apply(
            visit,
            to=VisitStatus.CANCELLED,
            fields={
                "cancelled_at": now,
                "cancelled_by": _actor(by),
                "cancellation_reasons": reasons,
                "cancelled_by_visitor": by_visitor,
                "cancellation_actioned_at": None if by_visitor else now,
                "cancellation_actioned_by": None if by_visitor else _actor(by),
            },
            action="prison_visits.visit.cancelled",
            actor=_actor(by),
            service=SERVICE_SLUG,
            detail=_audit_detail(visit, reasons=reasons, by_visitor=by_visitor),
        )
        _event(
            visit,
            VisitEvent.Kind.CANCELLED,
            actor=by,
            by_visitor=by_visitor,
            message=message.strip(),
            at=now,
        )
        visitors = list(visit.visitors.order_by("position"))
        if by_visitor:
            _notify(
                visit, "visitor_cancelled", emails.visitor_cancelled(visit=visit, visitors=visitors)
            )
        else:
            _notify(
                visit,
                "cancelled",
                emails.cancelled(visit=visit, visitors=visitors, reasons=reasons, message=message),
            )
    return visit


def visit_cancellation_action(*, visit: Visit, by) -> Visit:
    """Staff say they have cancelled a visitor's cancellation in the prison's own system.

    Raises ``TransitionNotAllowed`` unless the visit was cancelled by the
    visitor and not actioned yet.
    """
    with transaction.atomic():
        visit = _lock(visit)
        if not (
            visit.status == VisitStatus.CANCELLED
            and visit.cancelled_by_visitor
            and visit.cancellation_actioned_at is None
        ):
            raise TransitionNotAllowed(
                f"Visit {visit.reference_display} has no visitor cancellation waiting"
            )
        now = timezone.now()
        visit.cancellation_actioned_at = now
        visit.cancellation_actioned_by = by
        visit.save(
            update_fields=["cancellation_actioned_at", "cancellation_actioned_by", "updated_at"]
        )
        _event(visit, VisitEvent.Kind.CANCELLATION_ACTIONED, actor=by, at=now)
        _audit("cancellation_actioned", visit, actor=by)
    return visit


def visit_message_send(*, visit: Visit, message: str, by) -> Visit:
    """Send a one-off message about a booked visit (the visit still stands).

    Raises ``InvalidDecision`` for an empty message and ``TransitionNotAllowed``
    unless the visit is booked.
    """
    text = (message or "").strip()
    if not text:
        raise InvalidDecision("Enter the message to send")
    with transaction.atomic():
        visit = _lock(visit)
        if visit.status != VisitStatus.BOOKED:
            raise TransitionNotAllowed("Messages can only be sent about booked visits")
        _event(visit, VisitEvent.Kind.MESSAGE, actor=by, message=text)
        _audit("message_sent", visit, actor=by)
        visitors = list(visit.visitors.order_by("position"))
        _notify(visit, "message", emails.message(visit=visit, visitors=visitors, text=text))
    return visit
