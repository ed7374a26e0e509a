"""Starting, resuming, refreshing and cancelling card payments."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.urls import reverse
from django.utils.translation import gettext

from digital_services.core.alerts import alert_raise
from digital_services.core.money import pence_format
from digital_services.core.references import ALPHABET
from digital_services.core.registry import service_for_app
from digital_services.core.transitions import (
    TransitionNotAllowed,
)

from .. import selectors
from ..constants import (
    AMOUNT_MIN_PENCE,
    DESCRIPTION_MAX_LENGTH,
    LANGUAGES,
    LIVE_STATUSES,
    PROVIDER_REFERENCE_SUFFIX_LENGTH,
    REFERENCE_MAX_LENGTH,
    FailureCode,
    PaymentStatus,
)
from ..models import Payment
from ..providers import (
    Provider,
    ProviderError,
    ProviderPayment,
    TransientProviderError,
    provider_get,
    provider_name_configured,
)
from .common import (
    PaymentAmountNotAccepted,
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


def _provider_reference_new(reference: str) -> str:
    """This attempt's own reference at Pay: the case reference and a random suffix."""
    suffix = "".join(secrets.choice(ALPHABET) for _ in range(PROVIDER_REFERENCE_SUFFIX_LENGTH))
    return f"{reference}-{suffix}"


def payment_amount_problem(amount_pence: int) -> str:
    """Why a card payment of this amount cannot be taken ('' when it can).

    No card payment is less than 30p, and none is more than the account's payment
    provider takes (PAYMENTS_AMOUNT_MAX_PENCE). A service can ask before offering to
    pay by card; ``payment_start`` refuses such an amount with
    ``PaymentAmountNotAccepted`` before calling Pay.
    """
    maximum = settings.PAYMENTS_AMOUNT_MAX_PENCE
    if amount_pence < AMOUNT_MIN_PENCE:
        return gettext("The smallest amount you can pay by card is %(amount)s.") % {
            "amount": pence_format(AMOUNT_MIN_PENCE)
        }
    if amount_pence > maximum:
        return gettext("The largest amount you can pay by card is %(amount)s.") % {
            "amount": pence_format(maximum)
        }
    return ""


def _alert_configuration(exc: ProviderError, payment: Payment) -> None:
    alert_raise(
        code="payments.provider_refused_our_key",
        message=(
            f"The payment provider answered {exc.status_code}: check GOVUK_PAY_API_KEY "
            "(wrong, revoked or rotated). Payments are kept open and retried."
        ),
        payment=payment.pk,
    )


def _payment_find_at_provider(provider: Provider, payment: Payment) -> ProviderPayment | None:
    """The payment Pay made for this attempt, found by its reference, or None.

    A create that timed out (or a worker that died mid-call) may have made a payment
    at Pay; Pay ignores Idempotency-Key for these payments, so searching for the
    attempt's own reference is the only way not to make a second one. Search is
    eventually consistent: a payment made seconds ago may not show yet.
    """
    reference = payment.provider_reference or payment.reference
    try:
        results = provider.search_by_reference(reference=reference)
    except ProviderError as exc:
        # Not knowing whether Pay has a payment must never lead to making another.
        if exc.is_our_configuration:
            _alert_configuration(exc, payment)
        raise PaymentProviderUnavailable(f"Searching payments failed ({exc.code})") from exc
    found = [result for result in results if result.reference.lower() == reference.lower()]
    if not found:
        return None
    for result in found:  # a success wins; then one still open; then the newest
        if result.status == PaymentStatus.SUCCESS:
            return result
    for result in found:
        if not result.finished:
            return result
    return found[0]


def _provider_payment_fetch(provider: Provider, payment: Payment) -> ProviderPayment | None:
    """GET the payment from the provider, on a locked row.

    401/403 mean our key is wrong, not that the payment is: alert and raise
    ``PaymentProviderUnavailable`` with the payment left open. Another 4xx leaves it
    open too. Only a 404 for the id we hold, confirmed by a search for its
    reference, returns None (the caller ends it); if the search finds the payment
    under another id, that id is adopted. Raises ``TransientProviderError``.
    """
    try:
        return provider.get(payment_id=payment.provider_payment_id)
    except ProviderError as exc:
        if exc.is_our_configuration:
            _alert_configuration(exc, payment)
            raise PaymentProviderUnavailable(
                f"The payment provider refused our key ({exc.status_code})"
            ) from exc
        if not exc.is_not_found:
            logger.error("Payment %s: provider refused GET: %s %s", payment.pk, exc.code, exc)
            raise PaymentProviderUnavailable(str(exc)) from exc
    found = _payment_find_at_provider(provider, payment)
    if found is None:
        logger.error("Payment %s: the provider has no such payment (404, search empty)", payment.pk)
        return None
    if found.payment_id == payment.provider_payment_id:
        raise PaymentProviderUnavailable("The provider's answers disagree: try again later")
    payment.provider_payment_id = found.payment_id
    payment.save(update_fields=["provider_payment_id", "updated_at"])
    return provider.get(payment_id=found.payment_id)


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
        try:
            with transaction.atomic():
                payment = Payment.objects.create(
                    content_type=content_type,
                    object_id=object_id,
                    purpose=purpose,
                    provider=provider_name_configured(),
                    provider_reference=_provider_reference_new(fields["reference"]),
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


def _payment_continue(*, payment: Payment, fresh: bool = False) -> str | None:
    """Where to send the user for this payment: the provider's page, or our confirmation.

    ``fresh`` says the row was made in this call, so no create can have been sent for
    it yet; otherwise, before creating, we look for a payment an earlier create with
    an unknown outcome may have made (search by the attempt's reference). Returns
    None when the payment turned out to be finished without success. Raises
    ``PaymentProviderUnavailable``.
    """
    refused: ProviderError | None = None
    creating = False
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.status == PaymentStatus.SUCCESS:
            return reverse("payments:return", args=[payment.return_token])
        if payment.is_finished:
            return None
        provider = provider_get(payment.provider)
        try:
            if not payment.provider_payment_id:
                earlier = None if fresh else _payment_find_at_provider(provider, payment)
                if earlier is None:
                    creating = True
                    result = provider.create(
                        amount=payment.amount_pence,
                        reference=payment.provider_reference or payment.reference,
                        description=payment.description,
                        return_url=payment_return_url(payment),
                        language=payment.language,
                        moto=payment.moto,
                    )
                else:
                    logger.info("Payment %s: found the earlier create's payment", payment.pk)
                    # Search results carry no next_url: GET gives a fresh one.
                    result = provider.get(payment_id=earlier.payment_id)
                payment.provider_payment_id = result.payment_id
                payment.save(update_fields=["provider_payment_id", "updated_at"])
            else:
                # Pay's next_url is single use: a resume needs a fresh one from GET.
                result = _provider_payment_fetch(provider, payment)
        except TransientProviderError as exc:
            raise PaymentProviderUnavailable(str(exc)) from exc
        except ProviderError as exc:
            if exc.is_our_configuration:
                # Our key is wrong: Pay made nothing, and the payment stays open to retry.
                _alert_configuration(exc, payment)
                raise PaymentProviderUnavailable(
                    f"The payment provider refused our key ({exc.status_code})"
                ) from exc
            if not creating:  # a GET refused: that ends nothing
                raise PaymentProviderUnavailable(str(exc)) from exc
            refused = exc
        else:
            if result is None:  # a 404 the search confirmed: Pay has no such payment
                _payment_transition(payment=payment, to=PaymentStatus.ERROR)
                return None
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
    language: str | None = None,
) -> str:
    """Start paying for ``purpose`` on ``for_case`` and return the URL to redirect to.

    No double charge: if a payment for the same case and purpose is in flight it is
    resumed (with a fresh next_url), and if one succeeded the confirmation URL is
    returned; only when every earlier attempt failed is a new payment created.
    ``service`` defaults to the case's app label. ``return_to`` is the case page
    the confirmation links back to. ``language`` ("en" or "cy") is the language of Pay's
    payment pages: by default the case's own (``for_case.language``), else English.

    Raises ``PaymentAmountNotAccepted`` (a ``PaymentNotAllowed``) for an amount no
    card payment can be (below 30p, above the provider's limit: see
    ``payment_amount_problem``), ``PaymentNotAllowed`` for other bad input and
    ``PaymentProviderUnavailable`` when the provider cannot be reached or refuses
    our key (the user can simply try again).
    """
    if isinstance(amount_pence, bool) or not isinstance(amount_pence, int):
        raise PaymentNotAllowed("amount_pence must be a whole number of pence")
    problem = payment_amount_problem(amount_pence)
    if problem:
        raise PaymentAmountNotAccepted(problem, amount_pence=amount_pence, return_to=return_to)
    reference_max = REFERENCE_MAX_LENGTH - PROVIDER_REFERENCE_SUFFIX_LENGTH - 1
    if not reference or len(reference) > reference_max:
        raise PaymentNotAllowed(f"reference must be 1 to {reference_max} characters")
    if language is None:
        language = getattr(for_case, "language", "") or "en"
    if language not in LANGUAGES:
        raise PaymentNotAllowed(f"language must be one of {', '.join(LANGUAGES)}")
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
        "language": language,
    }
    # A live payment found may turn out to have failed when we ask the provider;
    # then the next round creates a new one. Two rounds are enough for that.
    for _round in range(3):
        payment, created = _payment_live_get_or_create(
            content_type=content_type, object_id=str(for_case.pk), purpose=purpose, fields=fields
        )
        url = _payment_continue(payment=payment, fresh=created)
        if url is not None:
            return url
    raise PaymentProviderUnavailable("The payment could not be started")


def payment_retry(*, payment: Payment, started_by=None, entered_by=None) -> str:
    """The "Try again" button: start the same payment again (resumes if one is live)."""
    return payment_start(
        language=payment.language,
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

    A finished payment is returned unchanged. A payment whose create never got an
    answer is looked for by its reference first; if Pay has none, it ends as expired
    after Pay's expiry time. A 404 ends a payment only once a search confirms it;
    401/403 alert and leave it open. Raises ``PaymentProviderUnavailable``.
    """
    if payment.is_finished:
        return payment
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.is_finished:
            return payment
        provider = provider_get(payment.provider)
        try:
            if not payment.provider_payment_id:
                earlier = (
                    _payment_find_at_provider(provider, payment)
                    if payment.provider_reference
                    else None
                )
                if earlier is not None:
                    payment.provider_payment_id = earlier.payment_id
                    payment.save(update_fields=["provider_payment_id", "updated_at"])
                    return _payment_apply(payment=payment, result=earlier)
                # No create reached Pay, so the user never saw a card page and no money
                # can have been taken. After Pay's expiry time, end it as expired.
                if selectors.payments_due_for_reconcile().filter(pk=payment.pk).exists():
                    _payment_transition(
                        payment=payment, to=PaymentStatus.FAILED, failure_code=FailureCode.EXPIRED
                    )
                return payment
            result = _provider_payment_fetch(provider, payment)
        except TransientProviderError as exc:
            raise PaymentProviderUnavailable(str(exc)) from exc
        except ProviderError as exc:  # the search or the adopted id's GET refused
            if exc.is_our_configuration:
                _alert_configuration(exc, payment)
            raise PaymentProviderUnavailable(str(exc)) from exc
        if result is None:
            return _payment_transition(payment=payment, to=PaymentStatus.ERROR)
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
