"""Reads for payments: by return token, by case, what is left to refund, finance rows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet, Sum
from django.utils import timezone

from digital_services.core.money import pence_format
from digital_services.core.queries import shaped_first

from .constants import IN_FLIGHT_STATUSES, PAYMENT_EXPIRY_MINUTES, PaymentStatus, RefundStatus
from .models import Payment, Refund


def payment_get_by_token(*, token: str) -> Payment:
    """The payment a return URL points at. Raises ``Payment.DoesNotExist``."""
    return Payment.objects.get(return_token=token)


def payments_for_case(*, for_case: Model, purpose: str | None = None) -> QuerySet[Payment]:
    """Every payment attempt for a case (newest first), for one purpose if given."""
    queryset = Payment.objects.filter(
        content_type=ContentType.objects.get_for_model(for_case), object_id=str(for_case.pk)
    )
    if purpose is not None:
        queryset = queryset.filter(purpose=purpose)
    return queryset


def payment_latest_for_case(*, for_case: Model, purpose: str) -> Payment | None:
    """``payments_for_case(...).first()``, its SQL compiled once per query shape (a case
    page asks on every request)."""
    return shaped_first(payments_for_case(for_case=for_case, purpose=purpose))


def payment_amount_refunded(*, payment: Payment) -> int:
    """Pence refunded or on its way back (refunds that did not end in error)."""
    return (
        payment.refunds.exclude(status=RefundStatus.ERROR).aggregate(total=Sum("amount_pence"))[
            "total"
        ]
        or 0
    )


def payment_amount_refundable(*, payment: Payment) -> int:
    """Pence still available to refund: nothing unless the payment succeeded."""
    if payment.status != PaymentStatus.SUCCESS:
        return 0
    return payment.amount_pence - payment_amount_refunded(payment=payment)


def payments_due_for_reconcile(*, now: datetime | None = None) -> QuerySet[Payment]:
    """Unfinished payments older than Pay's 90-minute expiry: the user never came back."""
    cutoff = (now or timezone.now()) - timedelta(minutes=PAYMENT_EXPIRY_MINUTES)
    return Payment.objects.filter(status__in=IN_FLIGHT_STATUSES, created_at__lte=cutoff).order_by(
        "created_at"
    )


def refunds_due_for_reconcile() -> QuerySet[Refund]:
    return Refund.objects.filter(status=RefundStatus.SUBMITTED).exclude(provider_refund_id="")


FINANCE_CSV_HEADER = [
    "date",
    "reference",
    "service",
    "gross",
    "remitted",
    "net",
    "provider id",
    "status",
]


def payments_finance_rows(*, payments: Iterable[Payment]) -> Iterator[list[str]]:
    """One row per payment for finance.

    gross is the amount asked for; remitted the Help with Fees remission (blank
    when the service did not say); net is gross minus refunds for a successful
    payment, and 0.00 for one that took no money (failed, cancelled, error or
    still in progress).
    """
    queryset = (
        payments
        if isinstance(payments, QuerySet)
        else Payment.objects.filter(pk__in=[p.pk for p in payments])
    )
    refunded = dict(
        Refund.objects.filter(payment__in=queryset)
        .exclude(status=RefundStatus.ERROR)
        .values_list("payment_id")
        .annotate(total=Sum("amount_pence"))
    )
    for payment in queryset.order_by("created_at", "id"):
        when = timezone.localtime(payment.finished_at or payment.created_at)
        net = 0
        if payment.status == PaymentStatus.SUCCESS:
            net = payment.amount_pence - refunded.get(payment.pk, 0)
        yield [
            when.date().isoformat(),
            payment.reference,
            payment.service,
            pence_format(payment.amount_pence, plain=True),
            pence_format(payment.remitted_pence, plain=True),
            pence_format(net, plain=True),
            payment.provider_payment_id,
            payment.status,
        ]
