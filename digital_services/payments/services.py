"""Writes for payments: start or resume, refresh from the provider, refunds, webhooks.

One place changes a payment's status (``_payment_transition``) and one a
refund's (``_refund_transition``). Both go through the platform's
``transition_apply`` (lock, check ``Payment.TRANSITIONS`` / ``Refund.TRANSITIONS``,
save with ``update_fields``, audit event) and add what is particular to money:
a finished payment is stamped and its owning service told on commit.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone

from digital_services.core.money import pence_format
from digital_services.core.registry import service_for_app
from digital_services.core.transitions import TransitionNotAllowed as TransitionNotAllowed
from digital_services.core.transitions import transition_allowed, transition_apply

from . import selectors
from .constants import (
    AMOUNT_MAX_PENCE,
    DESCRIPTION_MAX_LENGTH,
    FINISHED_STATUSES,
    LIVE_STATUSES,
    REFERENCE_MAX_LENGTH,
    FailureCode,
    PaymentStatus,
    RefundStatus,
)
from .models import Payment, Refund, WebhookMessage
from .providers import (
    ProviderError,
    ProviderPayment,
    TransientProviderError,
    provider_get,
    provider_name_configured,
)

logger = logging.getLogger(__name__)


class PaymentError(Exception):
    """Base class for payment domain errors."""


class PaymentNotAllowed(PaymentError):
    """The request to start a payment is not valid (amount, reference, description)."""


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


# Starting, resuming and refreshing payments.


def payment_return_url(payment: Payment) -> str:
    """The absolute URL the provider sends the user back to (Pay adds nothing to it)."""
    return settings.SITE_URL + reverse("payments:return", args=[payment.return_token])


def _idempotency_key(*, content_type_id: int, object_id: str, purpose: str, attempt: int) -> str:
    """The same attempt always gets the same key, so a retried create is one charge."""
    raw = f"{content_type_id}:{object_id}:{purpose}:{attempt}"
    return hashlib.sha256(raw.encode()).hexdigest()


def _payment_live_get_or_create(*, content_type, object_id: str, purpose: str, fields: dict):
    """The case's live payment for this purpose, or a new one if there is none.

    The partial unique constraint makes a racing second insert fail; we then
    return the payment the winner created, so two tabs share one payment.
    """
    case_payments = Payment.objects.filter(
        content_type=content_type, object_id=object_id, purpose=purpose
    )
    with transaction.atomic():
        live = case_payments.select_for_update().filter(status__in=LIVE_STATUSES).first()
        if live is not None:
            return live, False
        attempt = case_payments.count() + 1
        try:
            with transaction.atomic():
                payment = Payment.objects.create(
                    content_type=content_type,
                    object_id=object_id,
                    purpose=purpose,
                    provider=provider_name_configured(),
                    idempotency_key=_idempotency_key(
                        content_type_id=content_type.pk,
                        object_id=object_id,
                        purpose=purpose,
                        attempt=attempt,
                    ),
                    **fields,
                )
        except IntegrityError:
            live = case_payments.select_for_update().filter(status__in=LIVE_STATUSES).first()
            if live is None:
                raise
            return live, False
        _audit(
            action="payment.created",
            obj=payment,
            actor=fields.get("started_by"),
            service=payment.service,
            detail={"amount_pence": payment.amount_pence, "purpose": purpose},
        )
        return payment, True


def _payment_continue(*, payment: Payment) -> str | None:
    """Where to send the user for this payment: the provider's page, or our confirmation.

    Returns None when the payment turned out to be finished without success.
    Raises ``PaymentProviderUnavailable``.
    """
    refused: ProviderError | None = None
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.status == PaymentStatus.SUCCESS:
            return reverse("payments:return", args=[payment.return_token])
        if payment.is_finished:
            return None
        provider = provider_get(payment.provider)
        try:
            if not payment.provider_payment_id:
                result = provider.create(
                    amount=payment.amount_pence,
                    reference=payment.reference,
                    description=payment.description,
                    return_url=payment_return_url(payment),
                    idempotency_key=payment.idempotency_key,
                    moto=payment.moto,
                )
                payment.provider_payment_id = result.payment_id
                payment.save(update_fields=["provider_payment_id", "updated_at"])
            else:
                # Pay's next_url is single use: a resume needs a fresh one from GET.
                result = provider.get(payment_id=payment.provider_payment_id)
        except TransientProviderError as exc:
            raise PaymentProviderUnavailable(str(exc)) from exc
        except ProviderError as exc:
            refused = exc
        else:
            _payment_apply(payment=payment, result=result)
            if payment.status == PaymentStatus.SUCCESS:
                return reverse("payments:return", args=[payment.return_token])
            if payment.is_finished:
                return None
            payment.next_url = result.next_url
            payment.save(update_fields=["next_url", "updated_at"])
            return result.next_url
        # The provider refused the payment outright: it can never be paid, so end it
        # (freeing the case for a new attempt) and tell the caller.
        _payment_transition(payment=payment, to=PaymentStatus.ERROR)
    logger.error("Payment %s refused by provider: %s %s", payment.pk, refused.code, refused)
    raise PaymentProviderUnavailable(f"The payment provider refused the payment ({refused.code})")


def payment_start(
    *,
    for_case: Model,
    purpose: str,
    amount_pence: int,
    reference: str,
    description: str,
    return_to: str,
    service: str | None = None,
    remitted_pence: int | None = None,
    started_by=None,
    entered_by=None,
) -> str:
    """Start paying for ``purpose`` on ``for_case`` and return the URL to redirect to.

    No double charge: if a payment for the same case and purpose is in flight it is
    resumed (with a fresh next_url), and if one succeeded the confirmation URL is
    returned; only when every earlier attempt failed is a new payment created.
    ``service`` defaults to the case's app label. ``return_to`` is the case page
    the confirmation links back to.

    Raises ``PaymentNotAllowed`` for bad input and ``PaymentProviderUnavailable``
    when the provider cannot be reached (the user can simply try again).
    """
    if isinstance(amount_pence, bool) or not isinstance(amount_pence, int):
        raise PaymentNotAllowed("amount_pence must be a whole number of pence")
    if not 1 <= amount_pence <= AMOUNT_MAX_PENCE:
        raise PaymentNotAllowed(f"amount_pence must be between 1 and {AMOUNT_MAX_PENCE}")
    if not reference or len(reference) > REFERENCE_MAX_LENGTH:
        raise PaymentNotAllowed(f"reference must be 1 to {REFERENCE_MAX_LENGTH} characters")
    if not description or len(description) > DESCRIPTION_MAX_LENGTH:
        raise PaymentNotAllowed(f"description must be 1 to {DESCRIPTION_MAX_LENGTH} characters")
    if not purpose:
        raise PaymentNotAllowed("purpose is required")
    owner = service_for_app(service or for_case._meta.app_label)
    if owner is not None and purpose not in owner.payment_purposes:
        raise PaymentNotAllowed(
            f"{owner.name} declares no payment purpose {purpose!r} (Service.payment_purposes)"
        )
    if remitted_pence is not None and remitted_pence < 0:
        raise PaymentNotAllowed("remitted_pence cannot be negative")
    if for_case.pk is None:
        raise PaymentNotAllowed("Save the case before starting a payment for it")
    if started_by is not None and not getattr(started_by, "is_authenticated", False):
        started_by = None
    if entered_by is not None and not getattr(entered_by, "is_authenticated", False):
        entered_by = None
    content_type = ContentType.objects.get_for_model(for_case)
    fields = {
        "service": service or for_case._meta.app_label,
        "amount_pence": amount_pence,
        "remitted_pence": remitted_pence,
        "reference": reference,
        "description": description,
        "return_to": return_to,
        "started_by": started_by,
        # Staff typing a citizen's card details take a telephone (MOTO) payment.
        "moto": entered_by is not None,
        "entered_by": entered_by,
    }
    # A live payment found may turn out to have failed when we ask the provider;
    # then the next round creates a new one. Two rounds are enough for that.
    for _round in range(3):
        payment, _created = _payment_live_get_or_create(
            content_type=content_type, object_id=str(for_case.pk), purpose=purpose, fields=fields
        )
        url = _payment_continue(payment=payment)
        if url is not None:
            return url
    raise PaymentProviderUnavailable("The payment could not be started")


def payment_retry(*, payment: Payment, started_by=None, entered_by=None) -> str:
    """The "Try again" button: start the same payment again (resumes if one is live)."""
    return payment_start(
        for_case=payment.for_case,
        purpose=payment.purpose,
        amount_pence=payment.amount_pence,
        reference=payment.reference,
        description=payment.description,
        return_to=payment.return_to,
        service=payment.service,
        remitted_pence=payment.remitted_pence,
        started_by=started_by,
        entered_by=entered_by,
    )


def payment_refresh(*, payment: Payment) -> Payment:
    """Ask the provider for the payment's status and apply it. Never trusts the browser.

    A finished payment is returned unchanged. Raises ``PaymentProviderUnavailable``.
    """
    if payment.is_finished:
        return payment
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.is_finished:
            return payment
        if not payment.provider_payment_id:
            # The create call never got an answer, so the user never saw a card page and
            # no money can have been taken. After Pay's expiry time, end it as expired.
            if selectors.payments_due_for_reconcile().filter(pk=payment.pk).exists():
                _payment_transition(
                    payment=payment, to=PaymentStatus.FAILED, failure_code=FailureCode.EXPIRED
                )
            return payment
        try:
            result = provider_get(payment.provider).get(payment_id=payment.provider_payment_id)
        except TransientProviderError as exc:
            raise PaymentProviderUnavailable(str(exc)) from exc
        except ProviderError as exc:
            logger.error("Payment %s: provider refused GET: %s %s", payment.pk, exc.code, exc)
            raise PaymentProviderUnavailable(str(exc)) from exc
        return _payment_apply(payment=payment, result=result)


def payment_cancel(*, payment: Payment, actor) -> Payment:
    """Cancel an unfinished payment at the provider (Pay's P0040), e.g. from the admin.

    Raises ``TransitionNotAllowed`` if it has finished, ``PaymentProviderUnavailable``.
    """
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.is_finished:
            raise TransitionNotAllowed(f"A {payment.status} payment cannot be cancelled")
        if payment.provider_payment_id:
            provider = provider_get(payment.provider)
            try:
                provider.cancel(payment_id=payment.provider_payment_id)
                result = provider.get(payment_id=payment.provider_payment_id)
            except TransientProviderError as exc:
                raise PaymentProviderUnavailable(str(exc)) from exc
            except ProviderError as exc:
                raise TransitionNotAllowed(f"The provider refused to cancel: {exc.code}") from exc
            _payment_apply(payment=payment, result=result)
        else:
            _payment_transition(
                payment=payment,
                to=PaymentStatus.CANCELLED,
                failure_code=FailureCode.SERVICE_CANCELLED,
                actor=actor,
            )
    return payment


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
    from .tasks import payment_refresh_task

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
