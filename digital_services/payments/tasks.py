"""Background work for payments: refresh one payment (after a webhook), and the
reconcile job for payments the user never came back to."""

from celery import shared_task

from .models import Payment
from .services import (
    PaymentProviderUnavailable,
    payment_refresh,
    payments_reconcile,
    refund_refresh,
)

RECONCILE_EVERY_SECONDS = 15 * 60

BEAT_SCHEDULE = {
    "payments-reconcile": {"task": "payments.reconcile", "schedule": RECONCILE_EVERY_SECONDS},
}


@shared_task(
    name="payments.refresh",
    bind=True,
    acks_late=True,
    autoretry_for=(PaymentProviderUnavailable,),
    retry_backoff=True,
    max_retries=8,
)
def payment_refresh_task(self, payment_id: int) -> str:
    """Bring one payment and its submitted refunds up to date with the provider."""
    payment = Payment.objects.filter(pk=payment_id).first()
    if payment is None:
        return "gone"
    payment = payment_refresh(payment=payment)
    for refund in payment.refunds.filter(status="submitted"):
        refund_refresh(refund=refund)
    return payment.status


@shared_task(name="payments.reconcile", bind=True, acks_late=True)
def payments_reconcile_task(self) -> dict:
    """Payments unfinished after 90 minutes are asked about; Pay will have expired them
    unless the user paid. A provider outage is counted and retried on the next run."""
    return payments_reconcile()
