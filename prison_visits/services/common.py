"""What the visit writes share: domain errors, inputs, locking, events, audit and notifications."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from digital_services.accounts.citizens import (
    CitizenUnreachable,
    citizen_notification_send,
    phone_is_uk_mobile,
)
from digital_services.audit.services import audit_record
from digital_services.core.references import reference_new
from digital_services.core.transitions import (
    TransitionNotAllowed,
    transition_allowed,
)
from digital_services.notifications.registry import template_get
from digital_services.notifications.services import notification_send

from .. import emails
from ..constants import (
    REFERENCE_LENGTH,
    SERVICE_SLUG,
    VisitStatus,
)
from ..models import SlotTime, Visit, VisitEvent, Visitor
from ..rules import (
    RuleProblem,
)

logger = logging.getLogger(__name__)


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
    _notify_citizen(visit, key, personalisation)
    for message in _notifications(visit, key, personalisation):
        notification_send(**message)


def _notifications(
    visit: Visit,
    key: str,
    personalisation: dict[str, str],
    *,
    visitors: Sequence[Visitor] | None = None,
) -> list[dict]:
    """``notification_send``'s arguments for what ``_notify`` queues, but the message to a
    citizen's preferred contact (``_notify_citizen``): the email or letter, and the text.
    ``visitors`` (in position order) saves the look-up of the lead visitor for a letter."""
    messages = []
    if visit.contact_email:
        messages.append({"to": visit.contact_email, "channel": "email"})
    elif visit.postal_address:
        if visitors is None:
            lead = visit.visitors.order_by("position").first()
        else:
            lead = visitors[0] if visitors else None
        lines = [lead.full_name] if lead else []
        lines += [line for line in visit.postal_address.splitlines() if line.strip()]
        messages.append({"to": lines, "channel": "letter"})
    for message in messages:
        message.update(template=key, personalisation=personalisation)
    sms_key = f"{key}_sms"
    if (
        visit.contact_phone
        and phone_is_uk_mobile(visit.contact_phone)
        and _template_exists(sms_key)
    ):
        messages.append(
            {
                "template": sms_key,
                "to": visit.contact_phone,
                "personalisation": emails.sms_personalisation(sms_key, personalisation),
                "channel": "sms",
            }
        )
    for message in messages:
        message.update(language=visit.language, about=visit)
    return messages


def _notify_citizen(visit: Visit, key: str, personalisation: dict[str, str]) -> None:
    """With neither an email address nor a postal address on the request: the message goes
    by the signed-in citizen's own preferred contact (assisted digital, an account)."""
    if visit.contact_email or visit.postal_address or visit.user_id is None:
        return
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
