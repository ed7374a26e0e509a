"""Delivery receipts from the provider."""

from __future__ import annotations

import uuid

from django.db import (
    transaction,
)
from django.utils import timezone

from digital_services.core.transitions import (
    transition_allowed,
)

from ..constants import (
    Status,
)
from ..models import OutboundMessage
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
