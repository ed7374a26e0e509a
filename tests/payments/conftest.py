import hashlib
import hmac
import time

import pytest

from digital_services.payments import services

from .govuk_pay_stub import API_KEY, GovukPayStub

WEBHOOK_SECRET = "webhook-signing-secret-for-tests"


@pytest.fixture(autouse=True)
def _payments_settings(settings):
    """The sandbox by default, with return URLs on the test client's host."""
    settings.GOVUK_PAY_API_KEY = ""
    settings.PAYMENTS_PROVIDER = ""
    settings.SITE_URL = "http://testserver"
    settings.GOVUK_PAY_WEBHOOK_SECRET = WEBHOOK_SECRET


@pytest.fixture
def case(django_user_model):
    """Any saved model can own payments; a user stands in for a service's case here."""
    return django_user_model.objects.create_user(email="claimant@example.com", password="x" * 12)


@pytest.fixture
def other_case(django_user_model):
    return django_user_model.objects.create_user(email="other@example.com", password="x" * 12)


@pytest.fixture
def start(case):
    """Start (or resume) the issue fee payment for ``case``: returns the redirect URL."""

    def _start(for_case=None, **overrides):
        kwargs = {
            "for_case": for_case or case,
            "purpose": "issue-fee",
            "service": "tribunal_fees",
            "amount_pence": 16000,
            "reference": "ET-7KQ-4MP",
            "description": "Employment tribunal issue fee",
            "return_to": "/tribunal-fees/claims/1/",
        }
        kwargs.update(overrides)
        return services.payment_start(**kwargs)

    return _start


@pytest.fixture
def outcomes():
    """Records what the owning service is told when a payment finishes."""
    seen = []

    def handler(*, payment):
        seen.append((payment.pk, payment.status, payment.failure_code))

    services.payment_outcome_register(service="tribunal_fees", handler=handler)
    yield seen
    services.payment_outcome_unregister(service="tribunal_fees", handler=handler)


@pytest.fixture
def pay_stub():
    stub = GovukPayStub().start()
    yield stub
    stub.stop()


@pytest.fixture
def govuk_pay(settings, pay_stub):
    """Use GOV.UK Pay (the local stub) instead of the sandbox."""
    settings.GOVUK_PAY_API_KEY = API_KEY
    settings.GOVUK_PAY_API_URL = pay_stub.url
    settings.GOVUK_PAY_TIMEOUT_SECONDS = 0.5
    return pay_stub


def sign(body: bytes, secret: str = WEBHOOK_SECRET) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def staff_login(client, user):
    """Sign a staff user in with the second factor passed (the admin needs it)."""
    client.force_login(user)
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "email": user.email},
        {"method": "mfa", "type": "totp", "at": time.time()},
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    return client


@pytest.fixture
def browser_page(browser, live_server, settings, _static_files_without_manifest):
    """A page in the shared headless Chromium (tests/browser_support.py)."""
    settings.SITE_URL = live_server.url
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
