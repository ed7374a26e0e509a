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
    Provider,
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


def _refunds_reconcile(*, payment: Payment, provider: Provider) -> int:
    """Bring our refunds of a locked payment in line with Pay's list of them.

    A refund made in Pay's admin tool, or one whose request timed out here (our row
    rolled back) but went through at Pay, is recorded with no requester; ours change
    status as Pay says. Returns how many refunds were added. Raises
    ``TransientProviderError`` and ``ProviderError``.
    """
    ours = {r.provider_refund_id: r for r in payment.refunds.exclude(provider_refund_id="")}
    added = 0
    for found in provider.refunds_list(payment_id=payment.provider_payment_id):
        refund = ours.get(found.refund_id)
        if refund is None:
            refund = Refund.objects.create(
                payment=payment,
                amount_pence=found.amount,
                status=found.status
                if found.status in RefundStatus.values
                else RefundStatus.SUBMITTED,
                provider_refund_id=found.refund_id,
                reason="Made outside this service: found in GOV.UK Pay's list of refunds",
            )
            _audit(
                action="refund.found",
                obj=refund,
                service=payment.service,
                detail={"payment_id": payment.pk, "amount_pence": found.amount},
            )
            added += 1
        elif found.status != refund.status and transition_allowed(refund, found.status):
            _refund_transition(refund=refund, to=found.status)
    return added


def _refund_amount_available(*, payment: Payment, provider: Provider) -> int:
    """What Pay says is left to refund, from a fresh GET (``refund_summary.amount_available``).

    Our own sum can be wrong: refunds made in Pay's admin tool, or requests that timed
    out here and went through there. Raises ``PaymentProviderUnavailable``.
    """
    try:
        result = provider.get(payment_id=payment.provider_payment_id)
    except (TransientProviderError, ProviderError) as exc:
        raise PaymentProviderUnavailable(str(exc)) from exc
    if result.refund_amount_available is None:
        raise RefundNotAllowed("The payment provider says this payment cannot be refunded yet")
    return result.refund_amount_available


def refund_create(*, payment: Payment, amount_pence: int, requested_by, reason: str) -> Refund:
    """Refund part or all of a successful payment to the card it came from.

    What is left to refund is read from the provider just before (a fresh GET), not
    worked out here. Refuses (``RefundNotAllowed``) a payment that did not succeed, a
    zero amount, or more than is left. If the provider answers P0604 (the amount
    available changed under us), our refunds are reconciled from the provider's list
    and the refund is asked for once more with the fresh figure. If the provider
    refuses the refund, it is kept in ``error`` with the provider's code. Raises
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
        provider = provider_get(payment.provider)
        available = _refund_amount_available(payment=payment, provider=provider)
        if available != selectors.payment_amount_refundable(payment=payment):
            # Refunded outside this service (Pay's admin tool, a request that timed out):
            # record those refunds, so our figures and Pay's agree again.
            try:
                _refunds_reconcile(payment=payment, provider=provider)
            except (TransientProviderError, ProviderError) as exc:
                raise PaymentProviderUnavailable(str(exc)) from exc
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
            try:
                result = provider.refund_create(
                    payment_id=payment.provider_payment_id,
                    amount=amount_pence,
                    refund_amount_available=available,
                )
            except ProviderError as exc:
                if exc.code != "P0604":
                    raise
                logger.warning("Refund %s: P0604, reconciling refunds from Pay", refund.pk)
                _refunds_reconcile(payment=payment, provider=provider)
                available = _refund_amount_available(payment=payment, provider=provider)
                if amount_pence > available:
                    return _refund_transition(
                        refund=refund, to=RefundStatus.ERROR, error_code="P0604"
                    )
                result = provider.refund_create(
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
