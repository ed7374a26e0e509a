"""Delivery: claiming and sending a message, recording the outcome, the sweep, staff retries."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import (
    InterfaceError,
    OperationalError,
    close_old_connections,
    connection,
    transaction,
)
from django.db.models import F, Q
from django.utils import timezone

from digital_services.core.transitions import (
    transition_apply,
)

from ..backends import (
    DeliveryResult,
    PermanentDeliveryError,
    TransientDeliveryError,
    backend_get,
)
from ..constants import (
    FAILED_STATUSES,
    SWEEP_BATCH_SIZE,
    Status,
)
from ..models import OutboundMessage
from ..registry import (
    TemplateError,
    template_get,
    template_render,
)
from .common import (
    CLAIM_EARLY_TOLERANCE,
    RECORD_SUCCESS_RETRY_DELAYS,
    _outbox_move,
    _outbox_move_many,
    logger,
)
from .letter_batches import _letter_batch_open
from .sending import outbound_message_enqueue

# ---------------------------------------------------------------- delivery


@dataclass(frozen=True)
class DeliveryOutcome:
    """What a delivery attempt did; ``retry_in`` is set when the task should try again."""

    action: str  # skipped, sent, queued-for-print, retry, failed
    retry_in: int | None = None
    detail: str = ""


def retry_delay_seconds(attempts: int) -> int:
    base = settings.NOTIFICATIONS_RETRY_BASE_SECONDS
    return int(min(base * 2 ** max(attempts - 1, 0), settings.NOTIFICATIONS_RETRY_MAX_SECONDS))


def _claim(message_id: int) -> OutboundMessage | None:
    """Move a due message from created to sending, so no other worker sends it too."""
    now = timezone.now()
    with transaction.atomic():
        message = (
            OutboundMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id)
            .first()
        )
        if message is None or message.status != Status.CREATED:
            return None
        if message.next_attempt_at and message.next_attempt_at > now + CLAIM_EARLY_TOLERANCE:
            return None
        return _outbox_move(
            message,
            Status.SENDING,
            attempts=message.attempts + 1,
            claimed_at=now,
            next_attempt_at=None,
        )


def outbound_message_deliver(*, message_id: int) -> DeliveryOutcome:
    """Send one message, at most once.

    The row is claimed first (created → sending, row lock skipping rows another
    worker holds), so two runs of the task cannot both send it, and a message
    already sent is skipped. Before trying again after an earlier attempt we
    ask the provider whether it already has the message (a timeout can hide a
    success). Transient errors put it back in created with a backoff until
    NOTIFICATIONS_MAX_ATTEMPTS, then technical-failure; permanent errors fail it
    at once. Letters with the Django backend wait in a print batch.
    """
    message = _claim(message_id)
    if message is None:
        return DeliveryOutcome("skipped")
    return _claimed_send(message)


def outbound_messages_deliver(*, message_ids: Iterable[int]) -> dict[str, int]:
    """Send a batch of messages, each at most once, over one backend session (one
    connection to the mail server). All are claimed together (created → sending, in one
    query that skips rows another worker holds, and one ``UPDATE``); then each is sent and
    its outcome recorded before the next is sent, as ``outbound_message_deliver`` does for
    one, so a worker that dies mid-batch leaves at most one message sent but not recorded.
    Returns how many messages took each action (sent, retry, failed, skipped, ...)."""
    ids = list(message_ids)
    claimed = _claim_many(ids)
    outcomes: dict[str, int] = {"skipped": len(ids) - len(claimed)}
    if not claimed:
        return outcomes
    backend = backend_get()
    getattr(backend, "open", lambda: None)()
    try:
        for message in claimed:
            action = _claimed_send(message, backend).action
            outcomes[action] = outcomes.get(action, 0) + 1
    finally:
        getattr(backend, "close", lambda: None)()
    return outcomes


def _claim_many(message_ids: list[int]) -> list[OutboundMessage]:
    """``_claim`` for a batch: the due messages still in created, locked and moved to sending."""
    now = timezone.now()
    with transaction.atomic():
        messages = list(
            OutboundMessage.objects.select_for_update(skip_locked=True)
            .filter(pk__in=message_ids, status=Status.CREATED)
            .filter(
                Q(next_attempt_at__isnull=True)
                | Q(next_attempt_at__lte=now + CLAIM_EARLY_TOLERANCE)
            )
            .order_by("pk")
        )
        if messages:
            _outbox_move_many(
                OutboundMessage.objects.filter(pk__in=[m.pk for m in messages]),
                source=Status.CREATED,
                to=Status.SENDING,
                attempts=F("attempts") + 1,
                claimed_at=now,
                next_attempt_at=None,
            )
        # The rows as the move left them (status, attempts, claimed_at), read back in the
        # same transaction: the move is the one place a status is written.
        messages = list(
            OutboundMessage.objects.filter(pk__in=[m.pk for m in messages]).order_by("pk")
        )
    return messages


def _claimed_send(message: OutboundMessage, backend=None) -> DeliveryOutcome:
    """Send a message this worker has claimed (in sending), and record the outcome.
    ``backend`` is shared by the messages of a batch (one mail server connection)."""
    message_id = message.pk
    try:
        template = template_get(message.template_key)
        rendered = template_render(
            template, language=message.language, personalisation=message.personalisation
        )
        backend = backend or backend_get()
        existing = backend.already_sent(message) if message.attempts > 1 else None
        if existing is not None:
            result = DeliveryResult(provider_id=existing)
        else:
            result = backend.deliver(message, rendered)
    except (TemplateError, PermanentDeliveryError) as exc:
        return _record_failure(message_id, permanent=True, error=str(exc))
    except TransientDeliveryError as exc:
        return _record_failure(message_id, permanent=False, error=str(exc))
    except Exception as exc:
        logger.exception("Unexpected error delivering outbound message %s", message_id)
        return _record_failure(
            message_id, permanent=False, error=f"Unexpected error: {type(exc).__name__}"
        )
    return _record_success_durably(message_id, result)


def _record_success_durably(message_id: int, result: DeliveryResult) -> DeliveryOutcome:
    """``_record_success``, tried again while the database is unreachable.

    The message has left the building: if the row stayed in sending, the sweep would
    send it again. Outside a transaction only (a task), where the broken connection
    can be dropped and a new one made; raises the database error after the last try.
    """
    for delay in RECORD_SUCCESS_RETRY_DELAYS:
        try:
            return _record_success(message_id, result)
        except (OperationalError, InterfaceError):
            if connection.in_atomic_block:
                raise
            logger.warning(
                "Outbound message %s was sent but could not be recorded; trying again in %s s",
                message_id,
                delay,
                exc_info=True,
            )
            time.sleep(delay)
            close_old_connections()  # drops the broken connection; the next try reconnects
    return _record_success(message_id, result)


def _record_success(message_id: int, result: DeliveryResult) -> DeliveryOutcome:
    now = timezone.now()
    if not result.queued_for_print and _outbox_move_many(
        OutboundMessage.objects.filter(pk=message_id),
        source=Status.SENDING,
        to=Status.SENT,
        sent_at=now,
        provider_id=result.provider_id,
        last_error="",
        next_attempt_at=None,
    ):
        # The usual case in one statement: still ours (in sending), now sent.
        return DeliveryOutcome("sent", detail=result.provider_id)
    with transaction.atomic():
        message = OutboundMessage.objects.select_for_update().get(pk=message_id)
        if result.queued_for_print:
            batch = _letter_batch_open()
            message.letter_batch = batch
            message.last_error = ""
            message.save(update_fields=["letter_batch", "last_error", "updated_at"])
            return DeliveryOutcome("queued-for-print", detail=f"batch {batch.pk}")
        if message.status in (Status.SENDING, Status.CREATED):
            _outbox_move(
                message,
                Status.SENT,
                sent_at=now,
                provider_id=result.provider_id,
                last_error="",
                next_attempt_at=None,
            )
        elif not message.provider_id:
            # A delivery receipt beat us to it; keep its status, remember the id.
            message.provider_id = result.provider_id
            message.save(update_fields=["provider_id", "updated_at"])
    return DeliveryOutcome("sent", detail=result.provider_id)


def _record_failure(message_id: int, *, permanent: bool, error: str) -> DeliveryOutcome:
    now = timezone.now()
    with transaction.atomic():
        message = OutboundMessage.objects.select_for_update().get(pk=message_id)
        if message.status != Status.SENDING:
            return DeliveryOutcome("skipped", detail=error)
        if permanent:
            _outbox_move(message, Status.PERMANENT_FAILURE, completed_at=now, last_error=error)
            return DeliveryOutcome("failed", detail=error)
        if message.attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS:
            _outbox_move(
                message,
                Status.TECHNICAL_FAILURE,
                completed_at=now,
                last_error=f"Gave up after {message.attempts} attempts: {error}",
            )
            return DeliveryOutcome("failed", detail=error)
        delay = retry_delay_seconds(message.attempts)
        _outbox_move(
            message,
            Status.CREATED,
            next_attempt_at=now + timedelta(seconds=delay),
            last_error=error,
        )
    return DeliveryOutcome("retry", retry_in=delay, detail=error)


# ---------------------------------------------------------------- the sweep


@dataclass(frozen=True)
class SweepResult:
    requeued: int = 0
    unstuck: int = 0
    gave_up: int = 0


def outbound_messages_sweep(*, now: datetime | None = None) -> SweepResult:
    """Queue again what the fast path lost.

    Messages in created whose attempt has been due for over a minute
    (NOTIFICATIONS_SWEEP_CREATED_GRACE_SECONDS: the broker was down at commit, or
    a retry was lost) are queued again; messages claimed over ten minutes ago
    (NOTIFICATIONS_SWEEP_SENDING_TIMEOUT_SECONDS) with no outcome (the worker died
    mid-send) go back to created, or to technical-failure when out of attempts.
    Letters waiting in a print batch are not stuck. Queuing a message twice is harmless: the claim
    lets only one run send it.
    """
    now = now or timezone.now()
    unstuck = gave_up = 0
    with transaction.atomic():
        stuck = list(
            OutboundMessage.objects.select_for_update(skip_locked=True)
            .filter(
                status=Status.SENDING,
                letter_batch__isnull=True,
                claimed_at__lt=now
                - timedelta(seconds=settings.NOTIFICATIONS_SWEEP_SENDING_TIMEOUT_SECONDS),
            )
            .order_by("claimed_at")[:SWEEP_BATCH_SIZE]
        )
        for message in stuck:
            if message.attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS:
                _outbox_move(
                    message,
                    Status.TECHNICAL_FAILURE,
                    completed_at=now,
                    last_error=f"Gave up after {message.attempts} attempts: the worker stopped while sending",
                )
                gave_up += 1
            else:
                _outbox_move(
                    message,
                    Status.CREATED,
                    next_attempt_at=now,
                    last_error="The worker stopped while sending; trying again",
                )
                unstuck += 1
        due_ids = list(
            OutboundMessage.objects.select_for_update(skip_locked=True)
            .filter(
                status=Status.CREATED,
                next_attempt_at__lte=now
                - timedelta(seconds=settings.NOTIFICATIONS_SWEEP_CREATED_GRACE_SECONDS),
            )
            # Just unstuck above: queued below once, not twice (with a grace of 0 s).
            .exclude(pk__in=[m.pk for m in stuck])
            .order_by("next_attempt_at")
            .values_list("pk", flat=True)[:SWEEP_BATCH_SIZE]
        )
        ids = due_ids + [m.pk for m in stuck if m.status == Status.CREATED]
        for message_id in ids:
            transaction.on_commit(partial(outbound_message_enqueue, message_id=message_id))
    if ids or gave_up:
        logger.info("Notifications sweep: %s queued again, %s gave up", len(ids), gave_up)
    return SweepResult(requeued=len(due_ids), unstuck=unstuck, gave_up=gave_up)


# ---------------------------------------------------------------- staff actions


def outbound_messages_retry(
    *, message_ids: Iterable[int], user=None, request=None
) -> tuple[int, int]:
    """Send failed messages again (staff action). Returns (retried, skipped).

    Only failed messages are retried; attempts start again from zero. Messages
    that are queued, on their way or delivered are skipped and left alone. Each
    retry is an audit event.
    """
    now = timezone.now()
    retried = skipped = 0
    with transaction.atomic():
        for message in OutboundMessage.objects.select_for_update().filter(pk__in=list(message_ids)):
            if message.status not in FAILED_STATUSES:
                skipped += 1
                continue
            transition_apply(
                message,
                to=Status.CREATED,
                fields={
                    "attempts": 0,
                    "next_attempt_at": now,
                    "completed_at": None,
                    "last_error": f"Retried by staff after: {message.last_error}"[:2000],
                },
                action="notification.retried",
                actor=user,
                request=request,
                service=message.service,
                detail={"failed_as": message.status},
            )
            transaction.on_commit(partial(outbound_message_enqueue, message_id=message.pk))
            retried += 1
    return retried, skipped
