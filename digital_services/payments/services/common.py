"""What the payment writes share: domain errors, the services' outcome hooks, audit, and the one place a payment or refund changes status."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from digital_services.core.transitions import (
    transition_allowed,
    transition_apply,
)

from ..constants import (
    FINISHED_STATUSES,
    PaymentStatus,
)
from ..models import Payment
from ..providers import (
    ProviderPayment,
)

logger = logging.getLogger(__name__)


class PaymentError(Exception):
    """Base class for payment domain errors."""


class PaymentNotAllowed(PaymentError):
    """The request to start a payment is not valid (amount, reference, description)."""


class PaymentAmountNotAccepted(PaymentNotAllowed):
    """No card payment can be this amount (below 30p, or above the provider's limit).

    The message says so in words for the paying user; ``return_to`` is where they
    came from. ``PaymentAmountMiddleware`` turns it into a page saying how else to pay.
    """

    def __init__(self, message: str, *, amount_pence: int, return_to: str = ""):
        super().__init__(message)
        self.amount_pence = amount_pence
        self.return_to = return_to


class PaymentProviderUnavailable(PaymentError):
    """The provider could not be reached or refused us: nothing changed, try again later."""


class RefundNotAllowed(PaymentError):
    """The refund asked for is not possible (payment not successful, too much, zero)."""


# Outcome hooks: the owning service is told when its payment finishes.

OutcomeHandler = Callable[..., None]
_outcome_handlers: dict[str, list[OutcomeHandler]] = {}


def payment_outcome_register(*, service: str, handler: OutcomeHandler) -> None:
    """Call ``handler(payment=...)`` after commit whenever a payment for ``service`` finishes
    (success, failed, cancelled or error). Register from the service's ``AppConfig.ready()``.
    A handler must be idempotent: a payment finishes once, but handlers may be re-registered
    in tests. An exception in a handler is logged and does not stop the others."""
    handlers = _outcome_handlers.setdefault(service, [])
    if handler not in handlers:
        handlers.append(handler)


def payment_outcome_unregister(*, service: str, handler: OutcomeHandler) -> None:
    handlers = _outcome_handlers.get(service, [])
    if handler in handlers:
        handlers.remove(handler)


def _payment_outcome_announce(payment_id: int) -> None:
    payment = Payment.objects.get(pk=payment_id)
    for handler in list(_outcome_handlers.get(payment.service, [])):
        try:
            handler(payment=payment)
        except Exception:
            logger.exception(
                "Payment outcome handler %r failed for payment %s", handler, payment_id
            )


def _audit(*, action: str, obj: Model, actor=None, service: str = "", detail=None) -> None:
    from digital_services.audit.services import audit_record

    audit_record(action=action, obj=obj, actor=actor, service=service, detail=detail or {})


# Transitions.


def _payment_transition(
    *, payment: Payment, to: str, failure_code: str = "", actor=None
) -> Payment:
    """Move a payment to ``to``; a finished one is stamped and announced on commit.
    Raises ``TransitionNotAllowed``."""
    finished = to in FINISHED_STATUSES
    fields = {"failure_code": failure_code if finished else ""}
    if finished:
        fields |= {"finished_at": timezone.now(), "next_url": ""}
    transition_apply(
        payment,
        to=to,
        fields=fields,
        action=f"payment.{to}",
        actor=actor,
        service=payment.service,
        detail={"failure_code": fields["failure_code"]},
    )
    if finished:
        payment_id = payment.pk
        transaction.on_commit(lambda: _payment_outcome_announce(payment_id))
    return payment


def _payment_apply(*, payment: Payment, result: ProviderPayment) -> Payment:
    """Bring a locked payment in line with what the provider says (the provider is the truth)."""
    card_fields = []
    if result.card_brand and result.card_brand != payment.card_brand:
        payment.card_brand = result.card_brand
        card_fields.append("card_brand")
    last4 = (result.last_digits_card_number or "")[-4:]
    if last4 and last4 != payment.last_digits_card_number:
        payment.last_digits_card_number = last4
        card_fields.append("last_digits_card_number")
    if card_fields:
        payment.save(update_fields=[*card_fields, "updated_at"])
    if result.status == payment.status:
        return payment
    if result.status not in PaymentStatus.values:
        logger.warning("Payment %s: provider status %r not understood", payment.pk, result.status)
        return payment
    if not transition_allowed(payment, result.status):
        # Pay is strongly consistent on GET, so this is a stale answer (or a bug): keep ours.
        logger.warning(
            "Payment %s: provider says %s but we have %s; not moved",
            payment.pk,
            result.status,
            payment.status,
        )
        return payment
    return _payment_transition(payment=payment, to=result.status, failure_code=result.failure_code)
