"""The sandbox provider: a stand-in for GOV.UK Pay for development and tests.

It answers the same calls as ``GovukPayProvider``, keeps its state in
``SandboxPayment`` rows, and hosts its own "Enter card details" and "Confirm
your payment" pages under /payments/sandbox/. Outcomes follow GOV.UK Pay's
test cards. The card number and security code are only used to work out the
outcome: they are never stored or logged, only the brand and last 4 digits.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from .constants import (
    AMOUNT_MIN_PENCE,
    FINISHED_STATUSES,
    LANGUAGES,
    PAYMENT_EXPIRY_MINUTES,
    PROVIDER_SANDBOX,
    SANDBOX_TEST_CARDS,
    FailureCode,
    PaymentStatus,
    RefundStatus,
)
from .models import SandboxPayment, SandboxRefund
from .providers import ProviderError, ProviderPayment, ProviderRefund


class SandboxCardUnknown(Exception):
    """The card number passed the checks but is not one of the test cards."""


def sandbox_next_url(payment_id: str) -> str:
    return settings.SITE_URL + reverse("payments:sandbox-card", args=[payment_id])


def _expire_if_due(sandbox_payment: SandboxPayment) -> SandboxPayment:
    """Pay expires unfinished payments after 90 minutes; the sandbox does it on read."""
    due = sandbox_payment.created_at + timedelta(minutes=PAYMENT_EXPIRY_MINUTES)
    if sandbox_payment.status not in FINISHED_STATUSES and timezone.now() >= due:
        SandboxPayment.objects.filter(
            pk=sandbox_payment.pk,
            status__in=[PaymentStatus.CREATED, PaymentStatus.STARTED, PaymentStatus.SUBMITTED],
        ).update(status=PaymentStatus.FAILED, failure_code=FailureCode.EXPIRED)
        sandbox_payment.refresh_from_db()
    return sandbox_payment


def _sandbox_payment_get(
    payment_id: str, *, lock: bool = False, not_found: str = "P0200"
) -> SandboxPayment:
    """The payment, or Pay's 404 with the code of the endpoint asked (``not_found``)."""
    queryset = SandboxPayment.objects.select_for_update() if lock else SandboxPayment.objects
    try:
        return _expire_if_due(queryset.get(payment_id=payment_id))
    except SandboxPayment.DoesNotExist:
        raise ProviderError("Not found", code=not_found, status_code=404) from None


def _amount_refunded(sandbox_payment: SandboxPayment) -> int:
    return (
        sandbox_payment.refunds.exclude(status=RefundStatus.ERROR).aggregate(total=Sum("amount"))[
            "total"
        ]
        or 0
    )


def _as_provider_payment(sandbox_payment: SandboxPayment) -> ProviderPayment:
    finished = sandbox_payment.status in FINISHED_STATUSES
    available = None
    if sandbox_payment.status == PaymentStatus.SUCCESS:
        available = sandbox_payment.amount - _amount_refunded(sandbox_payment)
    return ProviderPayment(
        payment_id=sandbox_payment.payment_id,
        status=sandbox_payment.status,
        finished=finished,
        failure_code=sandbox_payment.failure_code,
        next_url="" if finished else sandbox_next_url(sandbox_payment.payment_id),
        card_brand=sandbox_payment.card_brand,
        last_digits_card_number=sandbox_payment.last_digits_card_number,
        refund_amount_available=available,
        reference=sandbox_payment.reference,
    )


def _sandbox_refund(refund: SandboxRefund) -> ProviderRefund:
    return ProviderRefund(refund_id=refund.refund_id, amount=refund.amount, status=refund.status)


class SandboxProvider:
    """Answers as GOV.UK Pay does, with Pay's status codes and error codes."""

    name = PROVIDER_SANDBOX

    def create(
        self,
        *,
        amount: int,
        reference: str,
        description: str,
        return_url: str,
        idempotency_key: str = "",
        language: str = "en",
        moto: bool = False,
    ) -> ProviderPayment:
        """Like ``POST /v1/payments``: every call makes a new payment. Pay ignores an
        Idempotency-Key outside recurring payments, and so does the sandbox, so
        ``idempotency_key`` is not used. ``moto`` is a telephone payment (staff type the
        card details). Amounts outside the card limits are refused (P0102), as the
        account's payment provider would."""
        maximum = settings.PAYMENTS_AMOUNT_MAX_PENCE
        if not AMOUNT_MIN_PENCE <= amount <= maximum:
            raise ProviderError(
                f"Invalid attribute value: amount. Must be between {AMOUNT_MIN_PENCE} and {maximum}",
                code="P0102",
                status_code=422,
            )
        if language not in LANGUAGES:
            raise ProviderError(
                "Invalid attribute value: language. Must be en or cy",
                code="P0102",
                status_code=422,
            )
        sandbox_payment = SandboxPayment.objects.create(
            payment_id=secrets.token_hex(13),
            amount=amount,
            reference=reference,
            description=description,
            return_url=return_url,
            language=language,
            moto=moto,
        )
        return _as_provider_payment(sandbox_payment)

    def get(self, *, payment_id: str) -> ProviderPayment:
        return _as_provider_payment(_sandbox_payment_get(payment_id))

    def search_by_reference(self, *, reference: str) -> list[ProviderPayment]:
        """Like ``GET /v1/payments?reference=``: exact match, not case sensitive."""
        return [
            _as_provider_payment(_expire_if_due(sandbox_payment))
            for sandbox_payment in SandboxPayment.objects.filter(
                reference__iexact=reference
            ).order_by("-created_at", "-pk")
        ]

    def cancel(self, *, payment_id: str) -> None:
        """Like ``POST /v1/payments/{id}/cancel``: a finished payment is a 409 P0502."""
        with transaction.atomic():
            sandbox_payment = _sandbox_payment_get(payment_id, lock=True, not_found="P0500")
            if sandbox_payment.status in FINISHED_STATUSES:
                raise ProviderError("Cancellation of payment failed", code="P0502", status_code=409)
            sandbox_payment.status = PaymentStatus.CANCELLED
            sandbox_payment.failure_code = FailureCode.SERVICE_CANCELLED
            sandbox_payment.save(update_fields=["status", "failure_code"])

    def refund_create(
        self, *, payment_id: str, amount: int, refund_amount_available: int
    ) -> ProviderRefund:
        """Like ``POST /v1/payments/{id}/refunds``: a payment that cannot be refunded, or
        not by that much, is a 400 P0603; a stale ``refund_amount_available`` a 412 P0604."""
        with transaction.atomic():
            sandbox_payment = _sandbox_payment_get(payment_id, lock=True, not_found="P0600")
            if sandbox_payment.status != PaymentStatus.SUCCESS:
                raise ProviderError(
                    "The payment is not available for refund. Payment refund status: unavailable",
                    code="P0603",
                    status_code=400,
                )
            available = sandbox_payment.amount - _amount_refunded(sandbox_payment)
            if refund_amount_available != available:
                raise ProviderError(
                    "Refund amount available mismatch.", code="P0604", status_code=412
                )
            if not 1 <= amount <= available:
                raise ProviderError(
                    "The payment is not available for refund. Payment refund status: "
                    + ("full" if available == 0 else "amount_not_available"),
                    code="P0603",
                    status_code=400,
                )
            refund = SandboxRefund.objects.create(
                refund_id=secrets.token_hex(13),
                sandbox_payment=sandbox_payment,
                amount=amount,
                status=RefundStatus.SUCCESS,
            )
        return _sandbox_refund(refund)

    def refund_get(self, *, payment_id: str, refund_id: str) -> ProviderRefund:
        """Like ``GET /v1/payments/{id}/refunds/{refund_id}``: unknown is a 404 P0700."""
        try:
            refund = SandboxRefund.objects.get(
                refund_id=refund_id, sandbox_payment__payment_id=payment_id
            )
        except SandboxRefund.DoesNotExist:
            raise ProviderError("Not found", code="P0700", status_code=404) from None
        return _sandbox_refund(refund)

    def refunds_list(self, *, payment_id: str) -> list[ProviderRefund]:
        """Like ``GET /v1/payments/{id}/refunds``: an unknown payment is a 404 P0800."""
        sandbox_payment = _sandbox_payment_get(payment_id, not_found="P0800")
        return [_sandbox_refund(r) for r in sandbox_payment.refunds.order_by("created_at", "pk")]


# The hosted pages' side of the sandbox: what the paying user does.


def sandbox_payment_open(*, payment_id: str) -> SandboxPayment:
    """The user opened the card page: ``created`` becomes ``started``, as on Pay."""
    with transaction.atomic():
        sandbox_payment = _sandbox_payment_get(payment_id, lock=True)
        if sandbox_payment.status == PaymentStatus.CREATED:
            sandbox_payment.status = PaymentStatus.STARTED
            sandbox_payment.save(update_fields=["status"])
    return sandbox_payment


@sensitive_variables("card_number")
def sandbox_card_outcome(card_number: str) -> tuple[str, str, str]:
    """(brand, status, failure code) for a test card. Raises ``SandboxCardUnknown``."""
    try:
        return SANDBOX_TEST_CARDS[card_number]
    except KeyError:
        raise SandboxCardUnknown(card_number[-4:]) from None


@sensitive_variables("card_number")
def sandbox_card_submit(*, payment_id: str, card_number: str) -> SandboxPayment:
    """Authorise a test card: a good card waits for Confirm, others fail at once.

    Only the brand and last 4 digits of ``card_number`` are kept. Raises
    ``SandboxCardUnknown`` for a number that is not a test card and
    ``ProviderError`` when the payment is no longer waiting for a card.
    """
    brand, outcome, failure_code = sandbox_card_outcome(card_number)
    with transaction.atomic():
        sandbox_payment = _sandbox_payment_get(payment_id, lock=True)
        if sandbox_payment.status not in (PaymentStatus.CREATED, PaymentStatus.STARTED):
            raise ProviderError("The payment is not waiting for card details", code="P0050")
        sandbox_payment.card_brand = brand
        sandbox_payment.last_digits_card_number = card_number[-4:]
        sandbox_payment.status = (
            PaymentStatus.SUBMITTED if outcome == PaymentStatus.SUCCESS else outcome
        )
        sandbox_payment.failure_code = failure_code
        sandbox_payment.save(
            update_fields=["card_brand", "last_digits_card_number", "status", "failure_code"]
        )
    return sandbox_payment


def sandbox_payment_confirm(*, payment_id: str) -> SandboxPayment:
    """The user pressed "Confirm payment": ``submitted`` becomes ``success``."""
    with transaction.atomic():
        sandbox_payment = _sandbox_payment_get(payment_id, lock=True)
        if sandbox_payment.status != PaymentStatus.SUBMITTED:
            raise ProviderError("The payment is not waiting for confirmation", code="P0050")
        sandbox_payment.status = PaymentStatus.SUCCESS
        sandbox_payment.save(update_fields=["status"])
    return sandbox_payment


def sandbox_payment_user_cancel(*, payment_id: str) -> SandboxPayment:
    """The user pressed "Cancel payment": an unfinished payment fails with P0030."""
    with transaction.atomic():
        sandbox_payment = _sandbox_payment_get(payment_id, lock=True)
        if sandbox_payment.status not in FINISHED_STATUSES:
            sandbox_payment.status = PaymentStatus.FAILED
            sandbox_payment.failure_code = FailureCode.USER_CANCELLED
            sandbox_payment.save(update_fields=["status", "failure_code"])
    return sandbox_payment


def sandbox_payment_for_page(*, payment_id: str) -> SandboxPayment:
    """The sandbox payment a hosted page shows (expired on read when due)."""
    return _sandbox_payment_get(payment_id)
