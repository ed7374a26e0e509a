"""Refunds: create one against a payment and refresh its status."""

from __future__ import annotations

from django.db import transaction

from digital_services.core.money import pence_format
from digital_services.core.transitions import (
    transition_allowed,
    transition_apply,
)

from .. import selectors
from ..constants import (
    PaymentStatus,
    RefundStatus,
)
from ..models import Payment, Refund
from ..providers import (
    ProviderError,
    TransientProviderError,
    provider_get,
)
from .common import PaymentProviderUnavailable, RefundNotAllowed, _audit, logger

# Refunds.


def _refund_transition(*, refund: Refund, to: str, error_code: str = "") -> Refund:
    """Move a refund to ``to``. Raises ``TransitionNotAllowed``."""
    return transition_apply(
        refund,
        to=to,
        fields={"error_code": error_code},
        action=f"refund.{to}",
        service=refund.payment.service,
        detail={"payment_id": refund.payment_id, "error_code": error_code},
    )


def refund_create(*, payment: Payment, amount_pence: int, requested_by, reason: str) -> Refund:
    """Refund part or all of a successful payment to the card it came from.

    Refuses (``RefundNotAllowed``) a payment that did not succeed, a zero amount, or
    more than is left after earlier refunds. If the provider refuses the refund, the
    refund is kept in ``error`` with the provider's code. Raises
    ``PaymentProviderUnavailable`` (and records nothing) if the provider cannot be reached.
    """
    if isinstance(amount_pence, bool) or not isinstance(amount_pence, int) or amount_pence < 1:
        raise RefundNotAllowed("Enter an amount to refund of at least 1p")
    if not reason or not reason.strip():
        raise RefundNotAllowed("Enter the reason for the refund")
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.status != PaymentStatus.SUCCESS:
            raise RefundNotAllowed("Only a successful payment can be refunded")
        available = selectors.payment_amount_refundable(payment=payment)
        if amount_pence > available:
            raise RefundNotAllowed(
                f"The refund must be no more than the {pence_format(available)} available"
            )
        refund = Refund.objects.create(
            payment=payment,
            amount_pence=amount_pence,
            requested_by=requested_by,
            reason=reason.strip(),
        )
        _audit(
            action="refund.requested",
            obj=refund,
            actor=requested_by,
            service=payment.service,
            detail={"payment_id": payment.pk, "amount_pence": amount_pence},
        )
        try:
            result = provider_get(payment.provider).refund_create(
                payment_id=payment.provider_payment_id,
                amount=amount_pence,
                refund_amount_available=available,
            )
        except TransientProviderError as exc:
            raise PaymentProviderUnavailable(str(exc)) from exc
        except ProviderError as exc:
            logger.warning("Refund %s refused by provider: %s", refund.pk, exc.code)
            return _refund_transition(
                refund=refund, to=RefundStatus.ERROR, error_code=exc.code or "refused"
            )
        refund.provider_refund_id = result.refund_id
        refund.save(update_fields=["provider_refund_id", "updated_at"])
        if result.status != RefundStatus.SUBMITTED:
            _refund_transition(refund=refund, to=result.status)
    return refund


def refund_refresh(*, refund: Refund) -> Refund:
    """Ask the provider how a submitted refund went. Raises ``PaymentProviderUnavailable``."""
    if refund.status != RefundStatus.SUBMITTED or not refund.provider_refund_id:
        return refund
    with transaction.atomic():
        refund = Refund.objects.select_for_update().select_related("payment").get(pk=refund.pk)
        if refund.status != RefundStatus.SUBMITTED:
            return refund
        try:
            result = provider_get(refund.payment.provider).refund_get(
                payment_id=refund.payment.provider_payment_id, refund_id=refund.provider_refund_id
            )
        except (TransientProviderError, ProviderError) as exc:
            raise PaymentProviderUnavailable(str(exc)) from exc
        if result.status != refund.status and transition_allowed(refund, result.status):
            _refund_transition(refund=refund, to=result.status)
    return refund
