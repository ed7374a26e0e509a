"""Writes for prison visits: the request, the staff decisions, cancellations, messages,
reminders and anonymisation.

Each transition runs in one transaction: it locks the visit row, checks the
current status against ``Visit.TRANSITIONS`` (``TransitionNotAllowed``
otherwise: a request is processed once, with a message saying so), then the
platform's ``transition_apply`` stamps ``<verb>_at`` / ``<verb>_by``, saves with
``update_fields`` and writes the audit event; the service adds a ``VisitEvent``
to the timeline and queues its messages in the outbox (sent after the commit).
Booking also locks the slot's ``SlotLock`` row, so two members of staff booking
the last table of a slot at the same moment get one booking and one ``SlotFull``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from digital_services.accounts.citizens import (
    CitizenUnreachable,
    citizen_notification_send,
    phone_is_uk_mobile,
)
from digital_services.audit.services import audit_record
from digital_services.core.references import reference_new
from digital_services.core.transitions import TransitionNotAllowed as TransitionNotAllowed
from digital_services.core.transitions import transition_allowed, transition_apply
from digital_services.notifications.registry import template_get
from digital_services.notifications.services import notification_send

from . import emails
from .constants import (
    ADULT_SUPERVISION_AGE,
    MAX_SLOT_CHOICES,
    REFERENCE_LENGTH,
    REMOVED,
    SERVICE_SLUG,
    STAFF_CANCELLATION_REASONS,
    CancellationReason,
    Channel,
    Language,
    RejectionReason,
    VisitorExclusion,
    VisitStatus,
)
from .models import Prison, SlotLock, SlotTime, Visit, VisitEvent, Visitor
from .rules import (
    PrisonerDetails,
    RuleProblem,
    VisitorDetails,
    age_on,
    prison_number_normalise,
    visitors_problems,
)
from .selectors import (
    PRISONER_NOT_FOUND,
    prison_availability_get,
    prison_respond_by,
    prisoner_register_check,
    slot_capacity_get,
)

logger = logging.getLogger(__name__)

__all__ = [
    "PrisonerDetails",
    "VisitorDetails",
    "VisitorExclusionChoice",
    "visit_request_submit",
    "visit_book",
    "visit_reject",
    "visit_withdraw",
    "visit_cancel",
    "visit_cancellation_action",
    "visit_message_send",
    "visit_reminders_send",
    "visits_anonymise",
    "visits_anonymise_ids",
    "visits_detach_user",
]


# ---------------------------------------------------------------- errors


class VisitError(Exception):
    """Base of this service's domain errors; the message is fit to show to the user."""


class PrisonNotBookable(VisitError):
    """The prison is closed, private, not on the service or switched off."""


class PrisonerNotFound(VisitError):
    """The prison's register has no active prisoner with that number and date of birth."""


class SlotUnavailable(VisitError):
    """A chosen time cannot be booked (not one of the prison's times, blocked, or past)."""

    def __init__(self, message: str, *, slot: SlotTime | None = None, reason: str = ""):
        super().__init__(message)
        self.slot = slot
        self.reason = reason


class SlotFull(SlotUnavailable):
    """Every table of the slot is booked."""


class VisitorRulesBroken(VisitError):
    def __init__(self, problems: Sequence[RuleProblem]):
        super().__init__("; ".join(p.message for p in problems))
        self.problems = list(problems)


class InvalidDecision(VisitError):
    """The staff decision is incomplete (no reason given, "other" without details, …)."""


class MustReject(VisitError):
    """Booking is not possible with these exclusions: the visit has to be rejected with ``reason``."""

    def __init__(self, message: str, *, reason: str):
        super().__init__(message)
        self.reason = reason


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True)
class VisitorExclusionChoice:
    """Staff exclude one visitor from a booking, with the reason the visitor is told."""

    visitor_id: int
    reason: str  # a VisitorExclusion value
    banned_until: date | None = None
    detail: str = ""


# ---------------------------------------------------------------- helpers


def _lock(visit: Visit) -> Visit:
    # of=("self",): lock the visit row only, not the prison row joined for reading
    # (that would make every change at a prison wait for every other one).
    return Visit.objects.select_for_update(of=("self",)).select_related("prison").get(pk=visit.pk)


def _check_transition(visit: Visit, to: str) -> None:
    """Refuse early, before the other checks, with a message the user can act on.
    ``transition_apply`` checks again on the locked row."""
    if not transition_allowed(visit, to):
        if visit.status != VisitStatus.REQUESTED and to in (
            VisitStatus.BOOKED,
            VisitStatus.REJECTED,
        ):
            raise TransitionNotAllowed(
                f"Visit {visit.reference_display} has already been processed "
                f"({visit.get_status_display().lower()})."
            )
        raise TransitionNotAllowed(
            f"Visit {visit.reference_display} is {visit.get_status_display().lower()}: "
            f"it cannot be {VisitStatus(to).label.lower()}."
        )


def _actor(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def _event(visit: Visit, kind: str, *, actor=None, by_visitor=False, message="", at=None):
    return VisitEvent.objects.create(
        visit=visit,
        kind=kind,
        occurred_at=at or timezone.now(),
        actor=_actor(actor),
        by_visitor=by_visitor,
        message=message,
    )


def _audit_detail(visit: Visit, **detail) -> dict:
    return {"reference": visit.reference, "prison": visit.prison.slug, **detail}


def _audit(action: str, visit: Visit, *, actor=None, on_behalf_of=None, **detail):
    """An audit event that is not a status change (those come from ``transition_apply``)."""
    audit_record(
        action=f"prison_visits.visit.{action}",
        obj=visit,
        actor=_actor(actor),
        on_behalf_of=on_behalf_of,
        service=SERVICE_SLUG,
        detail=_audit_detail(visit, **detail),
    )


def _notify(visit: Visit, name: str, personalisation: dict[str, str]) -> None:
    """Queue ``prison_visits.<name>`` to the lead visitor, and its text copy to a UK mobile.

    The email goes to the contact address. A request made for someone with no
    email (assisted digital) gets a letter instead: to the postal address typed
    with the request, else by the citizen's own preferred contact.
    """
    key = f"prison_visits.{name}"
    if visit.contact_email:
        notification_send(
            template=key,
            to=visit.contact_email,
            personalisation=personalisation,
            language=visit.language,
            channel="email",
            about=visit,
        )
    elif visit.postal_address:
        lead = visit.visitors.order_by("position").first()
        lines = [lead.full_name] if lead else []
        lines += [line for line in visit.postal_address.splitlines() if line.strip()]
        notification_send(
            template=key,
            to=lines,
            personalisation=personalisation,
            language=visit.language,
            channel="letter",
            about=visit,
        )
    elif visit.user is not None:
        try:
            citizen_notification_send(
                citizen=visit.user,
                template=key,
                personalisation=personalisation,
                about=visit,
                language=visit.language,
            )
        except CitizenUnreachable:
            logger.warning("Visit %s: no way to send %s to the visitor", visit.pk, key)
    sms_key = f"{key}_sms"
    if (
        visit.contact_phone
        and phone_is_uk_mobile(visit.contact_phone)
        and _template_exists(sms_key)
    ):
        notification_send(
            template=sms_key,
            to=visit.contact_phone,
            personalisation=emails.sms_personalisation(sms_key, personalisation),
            language=visit.language,
            channel="sms",
            about=visit,
        )


def _template_exists(key: str) -> bool:
    try:
        template_get(key)
    except Exception:  # noqa: BLE001 - TemplateError: there is no text-message copy
        return False
    return True


def _reference_new() -> str:
    """A new visit reference from the platform's generator (it ends in a check character)."""
    return reference_new(length=REFERENCE_LENGTH)


def _slot(value: SlotTime | str) -> SlotTime:
    if isinstance(value, SlotTime):
        return value
    try:
        return SlotTime.from_key(value)
    except ValueError as exc:
        raise SlotUnavailable("Choose a time from the list") from exc


# ---------------------------------------------------------------- the request


def visit_request_submit(
    *,
    prison: Prison,
    prisoner: PrisonerDetails,
    slots: Sequence[SlotTime | str],
    visitors: Sequence[VisitorDetails],
    contact_email: str = "",
    contact_phone: str = "",
    postal_address: str = "",
    language: str = Language.ENGLISH,
    user=None,
    channel: str = Channel.DIGITAL,
    assisted_session=None,
) -> Visit:
    """Create a ``requested`` visit and send the "request received" messages.

    ``slots`` are 1 to 3 ``SlotTime``s (or their keys) in order of preference,
    each still available in ``prison_availability_get`` for this prisoner.
    ``visitors[0]`` is the lead visitor. With an ``assisted_session`` (from the
    journey engine) the member of staff who typed it and the channel are kept,
    ``user`` should be the citizen, and ``contact_email`` may be empty when a
    ``postal_address`` (or the citizen's profile) gives a way to reach them.

    Raises ``PrisonNotBookable``, ``PrisonerNotFound`` (the register has no such
    prisoner), ``SlotUnavailable`` / ``SlotFull`` (naming the slot),
    ``VisitorRulesBroken`` (with each problem), and ``InvalidDecision`` when
    there is no way to contact the visitor.
    """
    if not prison.is_bookable:
        raise PrisonNotBookable(f"Visits to {prison.name} cannot be booked through this service")
    chosen = [_slot(s) for s in slots]
    if not 1 <= len(chosen) <= MAX_SLOT_CHOICES:
        raise SlotUnavailable(f"Choose between 1 and {MAX_SLOT_CHOICES} times")
    if len({s.key for s in chosen}) != len(chosen):
        raise SlotUnavailable("Choose each time only once")
    problems = visitors_problems(
        visitors=visitors, adult_age=prison.adult_age, visit_dates=[s.date for s in chosen]
    )
    if problems:
        raise VisitorRulesBroken(problems)
    if not (contact_email or postal_address or user is not None):
        raise InvalidDecision("Give an email address or a postal address for the main visitor")
    number = prison_number_normalise(prisoner.prison_number)
    check = prisoner_register_check(
        prison=prison, prison_number=number, date_of_birth=prisoner.date_of_birth
    )
    if check == PRISONER_NOT_FOUND:
        raise PrisonerNotFound(
            "The prison number and date of birth do not match a prisoner at this prison"
        )
    availability = prison_availability_get(prison=prison, prisoner_number=number)
    for slot in chosen:
        state = availability.slot(slot.key)
        if state is None:
            raise SlotUnavailable(
                f"{emails.slot_text(slot)} is not a time you can book",
                slot=slot,
                reason="not_a_slot",
            )
        if not state.available:
            error = SlotFull if state.state == "fully_booked" else SlotUnavailable
            raise error(
                f"{emails.slot_text(slot)} is no longer available", slot=slot, reason=state.reason
            )

    now = timezone.now()
    agent = getattr(assisted_session, "agent", None) if assisted_session is not None else None
    fields = dict(
        prison=prison,
        status=VisitStatus.REQUESTED,
        prisoner_first_name=prisoner.first_name.strip(),
        prisoner_last_name=prisoner.last_name.strip(),
        prisoner_date_of_birth=prisoner.date_of_birth,
        prisoner_number=number,
        prisoner_check=check,
        requested_slots=[s.key for s in chosen],
        visit_date=chosen[0].date,
        contact_email=(contact_email or "").strip(),
        contact_phone="".join((contact_phone or "").split()),
        postal_address=(postal_address or "").strip(),
        language=language if language in Language.values else Language.ENGLISH,
        user=_actor(user),
        channel=Channel.ASSISTED if assisted_session is not None else channel,
        assisted_by=agent,
        assisted_channel=getattr(assisted_session, "channel", "") or "",
        requested_at=now,
        respond_by=prison_respond_by(prison=prison, day=timezone.localdate(now)),
    )
    with transaction.atomic():
        for _attempt in range(10):
            try:
                with transaction.atomic():
                    visit = Visit.objects.create(reference=_reference_new(), **fields)
                break
            except IntegrityError:
                continue
        else:  # pragma: no cover - 32**8 references make ten collisions in a row unthinkable
            raise VisitError("Could not make a unique reference")
        created = Visitor.objects.bulk_create(
            [
                Visitor(
                    visit=visit,
                    position=position,
                    first_name=v.first_name.strip(),
                    last_name=v.last_name.strip(),
                    date_of_birth=v.date_of_birth,
                )
                for position, v in enumerate(visitors)
            ]
        )
        _event(visit, VisitEvent.Kind.REQUESTED, actor=agent, by_visitor=agent is None, at=now)
        _audit(
            "requested",
            visit,
            actor=agent or user,
            on_behalf_of=getattr(assisted_session, "citizen", None),
            channel=visit.channel,
            prisoner_check=check,
        )
        _notify(visit, "request_received", emails.request_received(visit=visit, visitors=created))
    return visit


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


# ---------------------------------------------------------------- scheduled jobs


def visit_reminders_send(*, for_date: date) -> int:
    """Remind the lead visitor of each visit booked on ``for_date`` (the day before it).

    Each visit is reminded once (``reminder_sent_at``); a visit another worker
    is reminding at the same moment is skipped. Returns how many were sent.
    """
    ids = list(
        Visit.objects.filter(
            status=VisitStatus.BOOKED, slot_date=for_date, reminder_sent_at__isnull=True
        ).values_list("pk", flat=True)
    )
    sent = 0
    for pk in ids:
        with transaction.atomic():
            visit = (
                Visit.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("prison")
                .filter(pk=pk, status=VisitStatus.BOOKED, reminder_sent_at__isnull=True)
                .first()
            )
            if visit is None:
                continue
            now = timezone.now()
            visit.reminder_sent_at = now
            visit.save(update_fields=["reminder_sent_at", "updated_at"])
            _event(visit, VisitEvent.Kind.REMINDER, at=now)
            visitors = list(visit.visitors.order_by("position"))
            _notify(visit, "reminder", emails.reminder(visit=visit, visitors=visitors))
            sent += 1
    return sent


ANONYMISED_DATE = date(1, 1, 1)


def visits_anonymise(*, before: date) -> int:
    """Remove the personal details of visits dated before ``before`` (PRISON_VISITS_ANONYMISE_AFTER_DAYS).

    Names and prison numbers become "REMOVED", dates of birth 1 January 0001,
    contact details, staff notes and messages are wiped. The rows stay, with
    their prison, dates, status and reasons, so the counts behind the KPIs
    survive. Returns how many visits were anonymised.
    """
    with transaction.atomic():
        visits = Visit.objects.select_for_update().filter(
            visit_date__lt=before, anonymised_at__isnull=True
        )
        ids = list(visits.values_list("pk", flat=True))
        if not ids:
            return 0
        visits_anonymise_ids(ids=ids)
    return len(ids)


def visits_anonymise_ids(*, ids: Sequence[int]) -> int:
    """Remove the personal details of these visits (one retention batch, in a transaction).

    Names and prison numbers become "REMOVED", dates of birth 1 January 0001,
    contact details, staff notes and messages are wiped, and so are the emails, texts
    and letters about the visits in the outbox (their delivery status stays) and the
    visits' field history. The rows stay, with their prison, dates, status and
    reasons, so the counts behind the KPIs survive. Visits already anonymised are
    left alone. Returns how many visits were anonymised.
    """
    from django.contrib.contenttypes.models import ContentType

    from digital_services.notifications.models import OutboundMessage

    ids = list(
        Visit.objects.select_for_update()
        .filter(pk__in=ids, anonymised_at__isnull=True)
        .values_list("pk", flat=True)
    )
    if not ids:
        return 0
    now = timezone.now()
    Visit.objects.filter(pk__in=ids).update(
        prisoner_first_name=REMOVED,
        prisoner_last_name=REMOVED,
        prisoner_number=REMOVED,
        prisoner_date_of_birth=ANONYMISED_DATE,
        contact_email="",
        contact_phone="",
        postal_address="",
        rejection_detail="",
        anonymised_at=now,
        updated_at=now,
    )
    Visitor.objects.filter(visit_id__in=ids).update(
        first_name=REMOVED,
        last_name=REMOVED,
        date_of_birth=ANONYMISED_DATE,
        exclusion_detail="",
    )
    VisitEvent.objects.filter(visit_id__in=ids).update(message="")
    Visit.history.filter(id__in=ids).delete()  # old versions hold the personal details
    OutboundMessage.objects.filter(
        content_type=ContentType.objects.get_for_model(Visit),
        object_id__in=[str(pk) for pk in ids],
    ).update(recipient="", personalisation={}, last_error="")
    VisitEvent.objects.bulk_create(
        [VisitEvent(visit_id=pk, kind=VisitEvent.Kind.ANONYMISED, occurred_at=now) for pk in ids]
    )
    audit_record(
        action="prison_visits.visits.anonymised",
        service=SERVICE_SLUG,
        detail={"count": len(ids)},
    )
    return len(ids)


def visits_detach_user(*, user) -> int:
    """Unlink a deleted account from its visits, which are kept until they are anonymised."""
    return Visit.objects.filter(user=user).update(user=None)


# ---------------------------------------------------------------- prisoner register


@dataclass
class RegisterImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    errors: list[str] | None = None


REGISTER_COLUMNS = ("prison_number", "first_name", "last_name", "date_of_birth")


def _register_date(value: str) -> date:
    value = (value or "").strip()
    for parse in (
        date.fromisoformat,
        lambda v: datetime.strptime(v, "%d/%m/%Y").date(),
    ):
        try:
            return parse(value)
        except ValueError:
            continue
    raise ValueError("date_of_birth must be a date like 1990-01-31 or 31/01/1990")


def prisoner_register_import(
    *, prison: Prison, rows, deactivate_missing: bool = False
) -> RegisterImportResult:
    """Create or update register entries from CSV rows (dicts keyed by the header).

    Every row is checked first; if any is wrong nothing is saved and
    ``errors`` lists each problem with its line number (the header is line 1).
    Running the same file twice changes nothing the second time. With
    ``deactivate_missing``, active entries not in the file are made inactive.
    """
    from .models import PrisonerRegisterEntry
    from .rules import prison_number_is_valid

    result = RegisterImportResult(errors=[])
    parsed: dict[str, dict] = {}
    today = timezone.localdate()
    for line, row in enumerate(rows, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k}
        missing = [c for c in REGISTER_COLUMNS if c not in row]
        if missing:
            result.errors.append(f"Line {line}: missing column(s) {', '.join(missing)}")
            continue
        problems = []
        number = prison_number_normalise(row["prison_number"])
        if not prison_number_is_valid(number):
            problems.append(f"prison number {row['prison_number']!r} is not like A1234BC")
        for name in ("first_name", "last_name"):
            if not row[name]:
                problems.append(f"{name} is empty")
            elif len(row[name]) > 30 or "<" in row[name] or ">" in row[name]:
                problems.append(f"{name} must be 30 characters or fewer, without < or >")
        try:
            born = _register_date(row["date_of_birth"])
            if born >= today or born.year < today.year - 120:
                problems.append("date_of_birth must be in the past and no more than 120 years ago")
        except ValueError as exc:
            problems.append(str(exc))
            born = None
        active_text = row.get("active", "").lower()
        if active_text not in ("", "yes", "no", "true", "false", "1", "0", "y", "n"):
            problems.append("active must be yes or no")
        if number in parsed:
            problems.append(f"prison number {number} appears twice in the file")
        if problems:
            result.errors.append(f"Line {line}: " + "; ".join(problems))
            continue
        parsed[number] = {
            "first_name": row["first_name"],
            "last_name": row["last_name"],
            "date_of_birth": born,
            "active": active_text not in ("no", "false", "0", "n"),
        }
    if result.errors:
        return result
    with transaction.atomic():
        existing = {
            e.prison_number: e
            for e in PrisonerRegisterEntry.objects.select_for_update().filter(prison=prison)
        }
        to_create, to_update = [], []
        for number, values in parsed.items():
            entry = existing.get(number)
            if entry is None:
                to_create.append(
                    PrisonerRegisterEntry(prison=prison, prison_number=number, **values)
                )
            elif any(getattr(entry, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(entry, k, v)
                to_update.append(entry)
            else:
                result.unchanged += 1
        PrisonerRegisterEntry.objects.bulk_create(to_create)
        fields = ["first_name", "last_name", "date_of_birth", "active", "updated_at"]
        now = timezone.now()
        for entry in to_update:
            entry.updated_at = now
        PrisonerRegisterEntry.objects.bulk_update(to_update, fields)
        result.created, result.updated = len(to_create), len(to_update)
        if deactivate_missing:
            result.deactivated = (
                PrisonerRegisterEntry.objects.filter(prison=prison, active=True)
                .exclude(prison_number__in=list(parsed))
                .update(active=False, updated_at=now)
            )
        audit_record(
            action="prison_visits.register.imported",
            service=SERVICE_SLUG,
            detail={
                "prison": prison.slug,
                "created": result.created,
                "updated": result.updated,
                "deactivated": result.deactivated,
            },
        )
    return result


def visits_claim_for_user(*, user, email: str) -> int:
    """The registry's ``claim_cases``: visits requested without an account with ``email``
    (which the user has just confirmed) become the user's, so they are in "Your
    applications". Visits someone else owns, or already anonymised, are left alone.
    Returns how many."""
    with transaction.atomic():
        visits = list(
            Visit.objects.select_for_update().filter(
                user__isnull=True, anonymised_at__isnull=True, contact_email__iexact=email
            )
        )
        for visit in visits:
            visit.user = user
            visit.save(update_fields=["user", "updated_at"])
            audit_record(
                action="prison_visits.visit.claimed",
                obj=visit,
                actor=user,
                service=SERVICE_SLUG,
                detail={"reference": visit.reference},
            )
    return len(visits)
