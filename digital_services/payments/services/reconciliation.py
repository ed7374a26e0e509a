"""Reconciliation and GOV.UK Pay webhooks."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction

from .. import selectors
from ..models import Payment, WebhookMessage
from .common import PaymentProviderUnavailable
from .payments import payment_refresh
from .refunds import refund_refresh

# Reconciliation and webhooks.


def payments_reconcile(*, now: datetime | None = None) -> dict[str, int]:
    """Refresh payments the user never came back to (older than 90 minutes) and refunds
    still submitted. One provider failure does not stop the rest; it is counted."""
    counts = {"checked": 0, "finished": 0, "unavailable": 0, "refunds_checked": 0}
    for payment in selectors.payments_due_for_reconcile(now=now):
        counts["checked"] += 1
        try:
            payment = payment_refresh(payment=payment)
        except PaymentProviderUnavailable:
            counts["unavailable"] += 1
            continue
        if payment.is_finished:
            counts["finished"] += 1
    for refund in selectors.refunds_due_for_reconcile():
        counts["refunds_checked"] += 1
        try:
            refund_refresh(refund=refund)
        except PaymentProviderUnavailable:
            counts["unavailable"] += 1
    return counts


def webhook_signature_valid(*, body: bytes, signature: str) -> bool:
    """``Pay-Signature`` is the hex HMAC-SHA256 of the raw body with the signing secret."""
    secret = settings.GOVUK_PAY_WEBHOOK_SECRET
    if not secret or not signature:
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature.strip().lower())


def webhook_message_receive(
    *, message_id: str, event_type: str, resource_id: str
) -> WebhookMessage | None:
    """Record a webhook message once and, after commit, refresh its payment from the
    provider (the message body's state is not trusted). Returns None for a duplicate."""
    from ..tasks import payment_refresh_task

    payment = (
        Payment.objects.filter(provider_payment_id=resource_id).first() if resource_id else None
    )
    try:
        with transaction.atomic():
            message = WebhookMessage.objects.create(
                message_id=message_id,
                event_type=event_type,
                resource_id=resource_id,
                payment=payment,
            )
    except IntegrityError:
        return None
    if payment is not None:
        payment_id = payment.pk
        transaction.on_commit(lambda: payment_refresh_task.delay(payment_id))
    return message
