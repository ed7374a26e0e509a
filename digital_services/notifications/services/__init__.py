"""Writes for the outbox: queue a message, deliver it once, sweep, retry, callbacks, letter batches.

Every status change goes through the platform's ``transition_apply``, which locks
the row and checks ``OutboundMessage.TRANSITIONS`` / ``LetterBatch.TRANSITIONS``.
A message's own moves on its way out (``_outbox_move``) are not audited: the row
records them. Staff actions (retry, downloading and printing letters) are.
"""

from digital_services.core.transitions import TransitionNotAllowed

from .common import (
    CLAIM_EARLY_TOLERANCE,
    MOBILE,
    NOTIFY_CALLBACK_STATUSES,
    RECORD_SUCCESS_RETRY_DELAYS,
    UK_POSTCODE,
    InvalidRecipient,
)
from .delivery import (
    DeliveryOutcome,
    SweepResult,
    outbound_message_deliver,
    outbound_messages_deliver,
    outbound_messages_retry,
    outbound_messages_sweep,
    retry_delay_seconds,
)
from .letter_batches import (
    letter_batch_mark_printed,
    letter_batch_render,
    letter_batch_render_enqueue,
    letter_batches_close,
)
from .receipts import (
    LetterPollResult,
    delivery_problems_resolve,
    letter_statuses_poll,
    outbound_message_complaint_record,
    outbound_message_receipt_record,
    outbound_message_returned_record,
)
from .sending import (
    notification_send,
    notification_send_many,
    outbound_message_enqueue,
    outbound_messages_enqueue,
    recipient_clean,
)

__all__ = [
    "CLAIM_EARLY_TOLERANCE",
    "DeliveryOutcome",
    "InvalidRecipient",
    "LetterPollResult",
    "MOBILE",
    "NOTIFY_CALLBACK_STATUSES",
    "RECORD_SUCCESS_RETRY_DELAYS",
    "SweepResult",
    "TransitionNotAllowed",
    "UK_POSTCODE",
    "delivery_problems_resolve",
    "letter_batch_mark_printed",
    "letter_batch_render",
    "letter_batch_render_enqueue",
    "letter_batches_close",
    "letter_statuses_poll",
    "notification_send",
    "notification_send_many",
    "outbound_message_deliver",
    "outbound_message_enqueue",
    "outbound_messages_deliver",
    "outbound_messages_enqueue",
    "outbound_message_complaint_record",
    "outbound_message_receipt_record",
    "outbound_message_returned_record",
    "outbound_messages_retry",
    "outbound_messages_sweep",
    "recipient_clean",
    "retry_delay_seconds",
]
