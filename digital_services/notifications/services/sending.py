"""Sending: a clean recipient, a message in the outbox, queued after commit."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import (
    IntegrityError,
    connection,
    transaction,
)
from django.db.models import Model
from django.utils import timezone

from ..addresses import address_problems
from ..constants import (
    DELIVER_BATCH_SIZE,
    Channel,
    Language,
)
from ..models import OutboundMessage
from ..registry import (
    TemplateError,
    personalisation_check,
    template_get,
    template_problems,
)
from .common import MOBILE, UK_POSTCODE, InvalidRecipient, logger

#: ``Channel.values`` and ``Language.values`` build a new list on every use: half the checking
#: time of 150,000 reminders was spent there.
CHANNELS = frozenset(Channel.values)
LANGUAGES = frozenset(Language.values)

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
        problems = address_problems(lines)
        if problems:
            raise InvalidRecipient(problems[0])
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
    fields = _message_fields(
        template=template,
        to=to,
        personalisation=personalisation,
        language=language,
        channel=channel,
        about=about,
        service=service,
        reference=reference,
    )
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


def notification_send_many(*, messages: Sequence[dict]) -> list[int]:
    """``notification_send`` for many messages at once (a job's reminders): each dict holds
    ``notification_send``'s arguments but ``idempotency_key`` (the caller makes a re-run send
    nothing twice, as the reminders do with ``reminder_sent_at``). Every message is checked
    first, so one bad one raises and queues none; then one ``INSERT`` for them all, and after
    the commit delivery tasks of ``DELIVER_BATCH_SIZE`` messages each. Returns their ids."""
    usable: set[str] = set()  # templates already checked for problems in this call
    rows = [_message_fields(**spec, usable=usable) for spec in messages]
    if not rows:
        return []
    ids = _outbox_insert(rows)
    transaction.on_commit(partial(outbound_messages_enqueue, message_ids=ids))
    return ids


#: Rows an INSERT of ``_outbox_insert`` carries (its parameters stay well under 65,535).
INSERT_PAGE = 1_000


def _outbox_insert(rows: list[dict]) -> list[int]:
    """INSERT outbox rows (``_message_fields`` dicts), returning their ids in order.

    On PostgreSQL a multi-row ``INSERT ... RETURNING id`` of the model's own columns, defaults
    and database values (``get_db_prep_save``), without an ``OutboundMessage`` instance per
    row: building and compiling those was most of the cost of 150,000 reminders. Elsewhere,
    ``bulk_create``."""
    if connection.vendor != "postgresql":
        created = OutboundMessage.objects.bulk_create([OutboundMessage(**row) for row in rows])
        return [message.pk for message in created]
    now = timezone.now()
    fields = [f for f in OutboundMessage._meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    # Text, numbers, ids and aware datetimes go to psycopg2 as they are (what their fields'
    # get_db_prep_save would return); JSON and UUIDs need their fields' conversion.
    converted = {f.name for f in fields if f.get_internal_type() in ("JSONField", "UUIDField")}
    ids: list[int] = []
    for start in range(0, len(rows), INSERT_PAGE):
        page = rows[start : start + INSERT_PAGE]
        params = []
        for row in page:
            for f in fields:
                if f.name in row:
                    value = row[f.name]
                    value = value.pk if f.is_relation and value is not None else value
                elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                    value = now
                else:
                    value = f.get_default()
                if f.name in converted:
                    value = f.get_db_prep_save(value, connection)
                params.append(value)
        sql = (
            f"INSERT INTO {quote(OutboundMessage._meta.db_table)} ({columns}) "  # noqa: S608
            f"VALUES {', '.join([one] * len(page))} RETURNING {quote('id')}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            ids.extend(row[0] for row in cursor.fetchall())
    return ids


def _message_fields(
    *,
    template: str,
    to: str | Sequence[str],
    personalisation: dict | None = None,
    language: str = Language.ENGLISH,
    channel: str = Channel.EMAIL,
    about: Model | None = None,
    service: str = "",
    reference: str = "",
    usable: set[str] | None = None,
) -> dict:
    """The checked columns of a new outbox row (see ``notification_send`` for what it raises).
    ``usable`` holds the templates already found without problems (checked once a batch)."""
    message_template = template_get(template)
    if usable is None or template not in usable:
        problems = template_problems(message_template)
        if problems:
            raise TemplateError(f"Template {template!r} cannot be used: {'; '.join(problems)}")
        if usable is not None:
            usable.add(template)
    if channel not in CHANNELS:
        raise TemplateError(f"Unknown channel {channel!r}")
    if channel not in message_template.channels:
        raise TemplateError(f"Template {template!r} is not for {channel}")
    if language not in LANGUAGES:
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
    return fields


#: A broker that does not answer is tried twice more within about a second; after that the
#: message stays in created and the sweep queues it again.
ENQUEUE_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}


def outbound_message_enqueue(*, message_id: int) -> bool:
    """Put a delivery task on the queue. If the broker is down, log it and leave
    the row in created: the sweep queues it again. Never raises, because the
    business change it belongs to has already been committed."""
    from ..tasks import notification_deliver

    try:
        notification_deliver.apply_async(
            args=[message_id], retry=True, retry_policy=ENQUEUE_RETRY_POLICY
        )
    except Exception:
        logger.warning(
            "Could not queue outbound message %s; the sweep will queue it again",
            message_id,
            exc_info=True,
        )
        return False
    return True


def outbound_messages_enqueue(*, message_ids: Sequence[int]) -> int:
    """Put delivery tasks for many messages on the queue, ``DELIVER_BATCH_SIZE`` ids a task
    (a round trip to the broker per task, not per message). Returns how many tasks were
    queued. As ``outbound_message_enqueue``: never raises, and a batch the broker refused
    stays in created for the sweep."""
    from ..tasks import notification_deliver_batch

    ids = list(message_ids)
    queued = 0
    for start in range(0, len(ids), DELIVER_BATCH_SIZE):
        batch = ids[start : start + DELIVER_BATCH_SIZE]
        try:
            notification_deliver_batch.apply_async(
                args=[batch], retry=True, retry_policy=ENQUEUE_RETRY_POLICY
            )
        except Exception:
            logger.warning(
                "Could not queue %s outbound messages (from %s); the sweep will queue them again",
                len(batch),
                batch[0],
                exc_info=True,
            )
            continue
        queued += 1
    return queued
