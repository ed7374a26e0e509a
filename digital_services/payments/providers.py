"""The provider interface: what we ask of GOV.UK Pay, or of the local sandbox.

``provider_get()`` chooses by settings: GOV.UK Pay when ``GOVUK_PAY_API_KEY``
is set (or ``PAYMENTS_PROVIDER=govuk_pay``), the sandbox otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .constants import PROVIDER_GOVUK_PAY, PROVIDER_SANDBOX


class ProviderError(Exception):
    """The provider refused the request (a 4xx): retrying the same request will not help.

    ``code`` is GOV.UK Pay's error code, such as ``P0102`` or ``P0604``.
    """

    def __init__(self, message: str, *, code: str = "", status_code: int | None = None):
        super().__init__(message)
        self.code = code
        self.status_code = status_code

    @property
    def is_our_configuration(self) -> bool:
        """401 (a missing, wrong or rotated API key) or 403: our fault, not the payment's.

        The request may well work once the key is fixed, so nothing may be ended on it.
        """
        return self.status_code in (401, 403)

    @property
    def is_not_found(self) -> bool:
        return self.status_code == 404


class TransientProviderError(Exception):
    """The provider did not answer usefully (timeout, 429, 5xx): try again later."""


@dataclass(frozen=True)
class ProviderPayment:
    payment_id: str
    status: str
    finished: bool
    failure_code: str = ""
    next_url: str = ""
    card_brand: str = ""
    last_digits_card_number: str = ""
    refund_amount_available: int | None = None
    reference: str = ""


@dataclass(frozen=True)
class ProviderRefund:
    refund_id: str
    amount: int
    status: str


class Provider(Protocol):
    name: str

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
        """``POST /v1/payments``. ``idempotency_key`` is accepted for callers' sake and not
        sent: Pay honours Idempotency-Key only for recurring (agreement) payments, so a
        retried create is made safe by ``search_by_reference`` instead."""
        ...

    def get(self, *, payment_id: str) -> ProviderPayment: ...

    def search_by_reference(self, *, reference: str) -> list[ProviderPayment]:
        """``GET /v1/payments?reference=``: exact match, not case sensitive, and
        eventually consistent (a payment made a moment ago may not show yet)."""
        ...

    def cancel(self, *, payment_id: str) -> None: ...

    def refund_create(
        self, *, payment_id: str, amount: int, refund_amount_available: int
    ) -> ProviderRefund: ...

    def refund_get(self, *, payment_id: str, refund_id: str) -> ProviderRefund: ...

    def refunds_list(self, *, payment_id: str) -> list[ProviderRefund]:
        """``GET /v1/payments/{id}/refunds``: every refund on the payment, ours or not."""
        ...


def provider_name_configured() -> str:
    name = getattr(settings, "PAYMENTS_PROVIDER", "") or (
        PROVIDER_GOVUK_PAY if settings.GOVUK_PAY_API_KEY else PROVIDER_SANDBOX
    )
    if name not in (PROVIDER_GOVUK_PAY, PROVIDER_SANDBOX):
        raise ValueError(
            f"PAYMENTS_PROVIDER must be {PROVIDER_GOVUK_PAY!r} or {PROVIDER_SANDBOX!r}"
        )
    return name


def provider_get(name: str | None = None) -> Provider:
    """The provider called ``name``, or the one the settings choose for new payments.

    Raises ``ImproperlyConfigured`` for a live GOV.UK Pay key on a site that is not
    https (see checks.py): no payment starts that Pay would refuse to return from."""
    name = name or provider_name_configured()
    if name == PROVIDER_GOVUK_PAY:
        from .checks import live_key_without_https
        from .govuk_pay import GovukPayProvider

        problem = live_key_without_https()
        if problem:
            raise ImproperlyConfigured(problem)

        return GovukPayProvider(
            api_url=settings.GOVUK_PAY_API_URL,
            api_key=settings.GOVUK_PAY_API_KEY,
            timeout=settings.GOVUK_PAY_TIMEOUT_SECONDS,
        )
    if name == PROVIDER_SANDBOX:
        from .sandbox import SandboxProvider

        return SandboxProvider()
    raise ValueError(f"Unknown payment provider {name!r}")
