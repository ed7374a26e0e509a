"""Writes for the outbox: queue a message, deliver it once, sweep, retry, callbacks, letter batches.

Every status change goes through the platform's ``transition_apply``, which locks
the row and checks ``OutboundMessage.TRANSITIONS`` / ``LetterBatch.TRANSITIONS``.
A message's own moves on its way out (``_outbox_move``) are not audited: the row
records them. Staff actions (retry, downloading and printing letters) are.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import (
    IntegrityError,
    InterfaceError,
    OperationalError,
    close_old_connections,
    connection,
    transaction,
)
from django.db.models import Model
from django.utils import timezone

from digital_services.core.transitions import TransitionNotAllowed as TransitionNotAllowed
from digital_services.core.transitions import transition_allowed, transition_apply
from digital_services.documents.constants import DocumentKind
from digital_services.documents.models import Document
from digital_services.documents.services import document_store

from .backends import (
    DeliveryResult,
    PermanentDeliveryError,
    TransientDeliveryError,
    backend_get,
)
from .constants import (
    FAILED_STATUSES,
    SWEEP_BATCH_SIZE,
    Channel,
    Language,
    LetterBatchStatus,
    Status,
)
from .letters import LETTER_BATCH_PDF_RETENTION_DAYS, letters_pdf
from .models import LetterBatch, OutboundMessage
from .registry import (
    TemplateError,
    personalisation_check,
    template_get,
    template_problems,
    template_render,
)

logger = logging.getLogger(__name__)

UK_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
MOBILE = re.compile(r"^(?:\+44|0044|0)7\d{9}$|^\+[1-9]\d{7,14}$")
# A due message gets this long to be picked up before the sweep queues it again;
# a claim this early before next_attempt_at still counts (clock skew, ETA rounding).
CLAIM_EARLY_TOLERANCE = timedelta(seconds=5)
# Once the provider has a message, recording that is tried again for about 30 s (long
# enough for a database restart or failover): a message left in sending is sent twice.
RECORD_SUCCESS_RETRY_DELAYS = (0.5, 1, 2, 4, 8, 15)

# GOV.UK Notify callback statuses. Ones not listed (created, sending, pending, sent,
# accepted) mean "still on its way" and change nothing here.
NOTIFY_CALLBACK_STATUSES = {
    "delivered": Status.DELIVERED,
    "received": Status.DELIVERED,  # a letter handed to the postal service
    "permanent-failure": Status.PERMANENT_FAILURE,
    "temporary-failure": Status.TEMPORARY_FAILURE,
    "technical-failure": Status.TECHNICAL_FAILURE,
    "validation-failed": Status.PERMANENT_FAILURE,
    "virus-scan-failed": Status.PERMANENT_FAILURE,
    "cancelled": Status.PERMANENT_FAILURE,
}


class InvalidRecipient(ValueError):
    """The email address, mobile number or postal address cannot be used."""


def _outbox_move(message: OutboundMessage, to: str, **fields) -> OutboundMessage:
    """A message's own move on its way out (claimed, sent, failed, delivered, queued again).

    Not audited (``action=None``): these are made by the system for every email, text
    and letter, two or three times each, and the message row already records them
    (status, the times, ``last_error``); audit events would only flood a log kept for
    years. Staff actions on messages are audited by their callers. Raises
    ``TransitionNotAllowed``.
    """
    return transition_apply(message, to=to, fields=fields, action=None)


# ---------------------------------------------------------------- sending


def recipient_clean(*, channel: str, to: str | Sequence[str]) -> str:
    """The recipient as stored: a trimmed email address, a mobile number without
    spaces, or address lines joined by newlines with the postcode last. Raises InvalidRecipient."""
    if channel == Channel.LETTER:
        lines = to.splitlines() if isinstance(to, str) else list(to)
        lines = [" ".join(str(line).split()) for line in lines]
        lines = [line for line in lines if line]
        if not 3 <= len(lines) <= 7:
            raise InvalidRecipient("A postal address needs 3 to 7 lines, the last one the postcode")
        postcode = lines[-1].upper().replace(" ", "")
        match = UK_POSTCODE.match(postcode)
        if not match:
            raise InvalidRecipient("The last line of a postal address must be a UK postcode")
        lines[-1] = f"{match.group(1)} {match.group(2)}"
        return "\n".join(lines)
    if not isinstance(to, str):
        raise InvalidRecipient(f"A {channel} recipient must be text")
    if channel == Channel.EMAIL:
        address = to.strip()
        try:
            validate_email(address)
        except ValidationError:
            raise InvalidRecipient("Not a valid email address") from None
        return address
    if channel == Channel.SMS:
        number = re.sub(r"[\s\-().]", "", to)
        if not MOBILE.match(number):
            raise InvalidRecipient("Not a valid mobile phone number")
        return number
    raise InvalidRecipient(f"Unknown channel {channel!r}")


def notification_send(
    *,
    template: str,
    to: str | Sequence[str],
    personalisation: dict | None = None,
    language: str = Language.ENGLISH,
    channel: str = Channel.EMAIL,
    about: Model | None = None,
    service: str = "",
    reference: str = "",
    idempotency_key: uuid.UUID | None = None,
) -> OutboundMessage:
    """Queue a message in the caller's transaction; it is sent after the commit.

    If the transaction rolls back, the message is gone too. ``about`` links it to
    the case (``service`` defaults to the case's app label and ``reference`` to
    its ``reference`` attribute). Passing the same ``idempotency_key`` again
    returns the first message instead of sending another.

    Raises TemplateError (unknown template, a template with problems, the wrong
    channel, missing or unexpected personalisation, unknown language) and
    InvalidRecipient.
    """
    message_template = template_get(template)
    problems = template_problems(message_template)
    if problems:
        raise TemplateError(f"Template {template!r} cannot be used: {'; '.join(problems)}")
    if channel not in Channel.values:
        raise TemplateError(f"Unknown channel {channel!r}")
    if channel not in message_template.channels:
        raise TemplateError(f"Template {template!r} is not for {channel}")
    if language not in Language.values:
        raise TemplateError(f"Unknown language {language!r}")
    values = personalisation_check(message_template, personalisation or {})
    recipient = recipient_clean(channel=channel, to=to)

    fields = {
        "channel": channel,
        "template_key": template,
        "language": language,
        "recipient": recipient,
        "personalisation": values,
        "service": service or (about._meta.app_label if about is not None else ""),
        "reference": str(reference or getattr(about, "reference", "") or "")[:100],
        "next_attempt_at": timezone.now(),
    }
    if about is not None:
        fields["content_type"] = ContentType.objects.get_for_model(about)
        fields["object_id"] = str(about.pk)
    if idempotency_key is not None:
        existing = OutboundMessage.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
        fields["idempotency_key"] = idempotency_key
        try:
            with transaction.atomic():
                message = OutboundMessage.objects.create(**fields)
        except IntegrityError:
            return OutboundMessage.objects.get(idempotency_key=idempotency_key)
    else:
        message = OutboundMessage.objects.create(**fields)
    transaction.on_commit(partial(outbound_message_enqueue, message_id=message.pk))
    return message


def outbound_message_enqueue(*, message_id: int) -> bool:
    """Put a delivery task on the queue. If the broker is down, log it and leave
    the row in created: the sweep queues it again. Never raises, because the
    business change it belongs to has already been committed."""
    from .tasks import notification_deliver

    try:
        notification_deliver.apply_async(
            args=[message_id],
            retry=True,
            retry_policy={
                "max_retries": 2,
                "interval_start": 0,
                "interval_step": 0.5,
                "interval_max": 1,
            },
        )
    except Exception:
        logger.warning(
            "Could not queue outbound message %s; the sweep will queue it again",
            message_id,
            exc_info=True,
        )
        return False
    return True


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

    try:
        template = template_get(message.template_key)
        rendered = template_render(
            template, language=message.language, personalisation=message.personalisation
        )
        backend = backend_get()
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


# ---------------------------------------------------------------- letter batches


def _letter_batch_open() -> LetterBatch:
    """The batch new letters join (locked), created when there is none. Call inside a transaction."""
    batch = LetterBatch.objects.select_for_update().filter(status=LetterBatchStatus.OPEN).first()
    if batch is not None:
        return batch
    try:
        with transaction.atomic():
            return LetterBatch.objects.create()
    except IntegrityError:
        return LetterBatch.objects.select_for_update().get(status=LetterBatchStatus.OPEN)


def letter_batches_close(*, batch_ids: Iterable[int], user, request=None) -> list[LetterBatch]:
    """Close the batches for printing and have their PDFs made in the background.

    An open batch is closed first, so the letters printed are exactly the letters in
    the PDF; new letters start a new batch. A closed batch whose PDF is missing (not
    made yet, or deleted after its retention date) is queued again. Returns the
    batches queued. Raises ValueError when the batches hold no letters.
    """
    now = timezone.now()
    with transaction.atomic():
        batches = list(
            LetterBatch.objects.select_for_update()
            .filter(pk__in=list(batch_ids))
            .exclude(status=LetterBatchStatus.PRINTED)
            .order_by("pk")
        )
        if not OutboundMessage.objects.filter(
            letter_batch__in=batches, channel=Channel.LETTER
        ).exists():
            raise ValueError("There are no letters to print in these batches")
        queued = []
        for batch in batches:
            if batch.status == LetterBatchStatus.OPEN:
                transition_apply(
                    batch,
                    to=LetterBatchStatus.CLOSED,
                    fields={"closed_at": now, "closed_by": user},
                    action="letter_batch.closed",
                    actor=user,
                    request=request,
                )
            if batch.document_id is None:
                transaction.on_commit(partial(letter_batch_render_enqueue, batch_id=batch.pk))
                queued.append(batch)
    return queued


def letter_batch_render_enqueue(*, batch_id: int) -> bool:
    """Queue the task that makes a batch's PDF. Never raises: staff can ask again."""
    from .tasks import letter_batch_render_task

    try:
        letter_batch_render_task.apply_async(args=[batch_id])
    except Exception:
        logger.warning("Could not queue the PDF of letter batch %s", batch_id, exc_info=True)
        return False
    return True


def letter_batch_render(*, batch_id: int) -> Document | None:
    """Make the PDF of a closed batch (one page per letter) and keep it in the document
    store, for staff to download from the batch's admin page. Returns the document, or
    None when the batch is gone, still open, printed, or already has one (so running the
    task twice makes one PDF). Raises ValueError when the batch holds no letters."""
    with transaction.atomic():
        batch = LetterBatch.objects.select_for_update().filter(pk=batch_id).first()
        if batch is None or batch.status != LetterBatchStatus.CLOSED or batch.document_id:
            return None
        items = []
        for letter in OutboundMessage.objects.filter(
            letter_batch=batch, channel=Channel.LETTER
        ).order_by("pk"):
            template = template_get(letter.template_key)
            rendered = template_render(
                template, language=letter.language, personalisation=letter.personalisation
            )
            items.append((letter.address_lines, rendered, letter.language, letter.reference))
        document = document_store(
            content=letters_pdf(items),
            kind=DocumentKind.LETTER_BATCH,
            content_type="application/pdf",
            filename=f"letters-batch-{batch.pk}.pdf",
            case=batch,
            delete_after=timezone.localdate() + timedelta(days=LETTER_BATCH_PDF_RETENTION_DAYS),
        )
        batch.document = document
        batch.save(update_fields=["document"])
    return document


def letter_batch_mark_printed(*, batch_id: int, user, request=None) -> int:
    """Record that a downloaded batch was printed and posted: its letters become sent.
    Returns how many letters. Raises TransitionNotAllowed unless the batch was downloaded."""
    now = timezone.now()
    with transaction.atomic():
        batch = LetterBatch.objects.select_for_update().get(pk=batch_id)
        # A closed batch (locked) gains no letters, and its letters wait in sending.
        letters = OutboundMessage.objects.filter(letter_batch=batch, status=Status.SENDING)
        count = letters.count()
        transition_apply(
            batch,
            to=LetterBatchStatus.PRINTED,
            fields={"printed_at": now, "printed_by": user},
            action="letter_batch.printed",
            actor=user,
            request=request,
            detail={"letters": count},
        )
        for letter in letters.select_for_update():
            _outbox_move(letter, Status.SENT, sent_at=now)
    return count
