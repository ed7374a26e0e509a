"""What the outbox writes share: recipient checks, provider callback statuses, moving a message on."""

from __future__ import annotations

import logging
import re
from datetime import timedelta

from django.utils import timezone

from digital_services.core.transitions import (
    TransitionNotAllowed,
    transition_apply,
)

from ..constants import (
    Status,
)
from ..models import OutboundMessage

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


def _outbox_move_many(queryset, *, source: str, to: str, **fields) -> int:
    """``_outbox_move`` for many messages in one ``UPDATE``: those of ``queryset`` still in
    ``source`` move to ``to`` (checked against the map), the rest are left alone. The
    ``WHERE status = source`` re-reads the status under the row lock the ``UPDATE`` takes, so a
    message another worker moved meanwhile is not moved again. Returns how many moved."""
    if to not in OutboundMessage.TRANSITIONS.get(source, ()):
        raise TransitionNotAllowed(
            f"Outbound messages cannot move from {source} to {to}", source=source, target=to
        )
    return queryset.filter(status=source).update(status=to, updated_at=timezone.now(), **fields)
