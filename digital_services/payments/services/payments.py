"""Starting, resuming, refreshing and cancelling card payments."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.urls import reverse

from digital_services.core.registry import service_for_app
from digital_services.core.transitions import (
    TransitionNotAllowed,
)

from .. import selectors
from ..constants import (
    AMOUNT_MAX_PENCE,
    DESCRIPTION_MAX_LENGTH,
    LIVE_STATUSES,
    REFERENCE_MAX_LENGTH,
    FailureCode,
    PaymentStatus,
)
from ..models import Payment
from ..providers import (
    ProviderError,
    TransientProviderError,
    provider_get,
    provider_name_configured,
)
from .common import (
    PaymentNotAllowed,
    PaymentProviderUnavailable,
    _audit,
    _payment_apply,
    _payment_transition,
    logger,
)

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
