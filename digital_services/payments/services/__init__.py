"""Writes for payments: start or resume, refresh from the provider, refunds, webhooks.

One place changes a payment's status (``_payment_transition``) and one a
refund's (``_refund_transition``). Both go through the platform's
``transition_apply`` (lock, check ``Payment.TRANSITIONS`` / ``Refund.TRANSITIONS``,
save with ``update_fields``, audit event) and add what is particular to money:
a finished payment is stamped and its owning service told on commit.
"""

from digital_services.core.transitions import TransitionNotAllowed

from .common import (
    OutcomeHandler,
    PaymentAmountNotAccepted,
    PaymentError,
    PaymentNotAllowed,
    PaymentProviderUnavailable,
    RefundNotAllowed,
    _payment_transition,
    payment_outcome_register,
    payment_outcome_unregister,
)
from .payments import (
    payment_amount_problem,
    payment_cancel,
    payment_refresh,
    payment_retry,
    payment_return_url,
    payment_start,
)
from .reconciliation import (
    payments_reconcile,
    webhook_message_receive,
    webhook_signature_valid,
)
from .refunds import (
    _refund_transition,
    refund_create,
    refund_refresh,
)

__all__ = [
    "OutcomeHandler",
    "PaymentAmountNotAccepted",
    "PaymentError",
    "PaymentNotAllowed",
    "PaymentProviderUnavailable",
    "RefundNotAllowed",
    "TransitionNotAllowed",
    "_payment_transition",
    "_refund_transition",
    "payment_amount_problem",
    "payment_cancel",
    "payment_outcome_register",
    "payment_outcome_unregister",
    "payment_refresh",
    "payment_retry",
    "payment_return_url",
    "payment_start",
    "payments_reconcile",
    "refund_create",
    "refund_refresh",
    "webhook_message_receive",
    "webhook_signature_valid",
]
