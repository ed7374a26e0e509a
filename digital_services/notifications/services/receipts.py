"""What the provider tells us after sending: receipts, letter statuses, returned letters, complaints."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import (
    transaction,
)
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from digital_services.core.transitions import (
    transition_allowed,
)

from ..backends import DeliveryError, backend_get
from ..constants import (
    LETTER_POLL_BATCH_SIZE,
    Channel,
    Status,
)
from ..models import DeliveryProblem, OutboundMessage
from .common import NOTIFY_CALLBACK_STATUSES, _outbox_move, logger

# ---------------------------------------------------------------- delivery receipts


def _find_for_receipt(provider_id: str, reference: str) -> OutboundMessage | None:
    queryset = OutboundMessage.objects.select_for_update()
    if provider_id:
        message = queryset.filter(provider_id=provider_id).first()
        if message is not None:
            return message
    if len(reference) >= 36:
        try:
            key = uuid.UUID(reference[-36:])
        except ValueError:
            return None
        message = queryset.filter(idempotency_key=key).first()
        # A receipt for an earlier, different provider message must not move this one.
        if (
            message is not None
            and message.provider_id
            and provider_id
            and message.provider_id != provider_id
        ):
            return None
        return message
    return None


def outbound_message_receipt_record(
    *, provider_id: str, reference: str, provider_status: str
) -> OutboundMessage | None:
    """Apply a delivery receipt from the provider. Returns the message, or None
    when it is not ours. Receipts for messages already in a final status, and
    "still on its way" statuses, change nothing."""
    target = NOTIFY_CALLBACK_STATUSES.get(provider_status)
    with transaction.atomic():
        message = _find_for_receipt(provider_id or "", reference or "")
        if message is None:
            return None
        if target is None or message.status == target:
            return message
        if not transition_allowed(message, target) or message.status not in (
            Status.SENDING,
            Status.SENT,
        ):
            logger.info(
                "Ignored receipt %s for outbound message %s in %s",
                provider_status,
                message.pk,
                message.status,
            )
            return message
        fields = {"completed_at": timezone.now()}
        if provider_id and not message.provider_id:
            fields["provider_id"] = provider_id
        if target != Status.DELIVERED:
            fields["last_error"] = f"GOV.UK Notify reported {provider_status}"
        _outbox_move(message, target, **fields)
        return message


# ---------------------------------------------------------------- letter statuses


@dataclass(frozen=True)
class LetterPollResult:
    checked: int = 0
    finished: int = 0
    unavailable: int = 0


def letter_statuses_poll(*, limit: int = LETTER_POLL_BATCH_SIZE) -> LetterPollResult:
    """Ask the provider how each letter it has is getting on, until it is final.

    Notify sends delivery callbacks for email and text messages only: a letter it
    has stays ``sent`` here until we ask (``get_notification_by_id``). Its final
    statuses are ``received`` (handed to the printer and post: delivered here),
    ``cancelled``, ``validation-failed``, ``virus-scan-failed``,
    ``technical-failure`` and ``permanent-failure`` (failures here); ``accepted``
    and ``pending-virus-check`` mean ask again next time. Letters we print
    ourselves (in a batch) have no one to ask. One failed question does not stop
    the others; a 403 has already raised an alert.
    """
    backend = backend_get()
    status_get = getattr(backend, "status_get", None)
    if status_get is None:
        return LetterPollResult()
    letters = list(
        OutboundMessage.objects.filter(
            channel=Channel.LETTER, status=Status.SENT, letter_batch__isnull=True
        )
        .exclude(provider_id="")
        .order_by("sent_at", "pk")[:limit]
    )
    checked = finished = unavailable = 0
    for letter in letters:
        checked += 1
        try:
            provider_status = status_get(letter)
        except DeliveryError as exc:
            logger.warning("Letter %s: could not ask its status: %s", letter.pk, exc)
            unavailable += 1
            continue
        if provider_status is None:
            continue
        message = outbound_message_receipt_record(
            provider_id=letter.provider_id, reference="", provider_status=provider_status
        )
        if message is not None and message.status != Status.SENT:
            finished += 1
    return LetterPollResult(checked=checked, finished=finished, unavailable=unavailable)


# ---------------------------------------------------------------- returned letters, complaints


def _provider_datetime(value) -> datetime:
    """A provider's timestamp ("2026-03-02T10:00:00.000000Z"), or now when absent or unreadable."""
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        return timezone.now()
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed, UTC)


def _problem_record(*, kind: str, event_id: str, notification_id: str, reference: str, at):
    with transaction.atomic():
        message = _find_for_receipt(notification_id or "", reference or "")
        if message is None:
            return None
        problem, created = DeliveryProblem.objects.get_or_create(
            kind=kind,
            provider_event_id=event_id,
            defaults={
                "message": message,
                "service": message.service,
                "content_type": message.content_type,
                "object_id": message.object_id,
                "reported_at": _provider_datetime(at),
            },
        )
        if created:
            logger.info("%s for outbound message %s", problem.get_kind_display(), message.pk)
        return problem


def outbound_message_returned_record(
    *, notification_id: str, reference: str = "", returned_at=None
) -> DeliveryProblem | None:
    """Record that a letter came back undelivered, against its message and case, in the
    caseworkers' queue. Recording the same letter twice records it once. Returns None
    when the letter is not ours."""
    return _problem_record(
        kind=DeliveryProblem.Kind.RETURNED_LETTER,
        event_id=notification_id,
        notification_id=notification_id,
        reference=reference,
        at=returned_at,
    )


def outbound_message_complaint_record(
    *, complaint_id: str, notification_id: str, reference: str = "", complained_at=None
) -> DeliveryProblem | None:
    """Record a complaint about an email (the reader marked it as spam). Nothing
    personal from the callback is kept: the message already knows the address.
    Returns None when the email is not ours."""
    return _problem_record(
        kind=DeliveryProblem.Kind.COMPLAINT,
        event_id=complaint_id,
        notification_id=notification_id,
        reference=reference,
        at=complained_at,
    )


def delivery_problems_resolve(*, problem_ids, user, request=None) -> int:
    """A caseworker has dealt with these (phoned the person, fixed the address). Audited.
    Returns how many were still open."""
    from digital_services.audit.services import audit_record

    now = timezone.now()
    count = 0
    with transaction.atomic():
        for problem in DeliveryProblem.objects.select_for_update().filter(
            pk__in=list(problem_ids), resolved_at__isnull=True
        ):
            problem.resolved_at, problem.resolved_by = now, user
            problem.save(update_fields=["resolved_at", "resolved_by"])
            audit_record(
                action="notification.problem_resolved",
                obj=problem,
                actor=user,
                request=request,
                service=problem.service,
                detail={"kind": problem.kind, "message_id": problem.message_id},
            )
            count += 1
    return count
