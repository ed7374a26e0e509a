import pytest

from digital_services.core import registry
from tests.journeys.example import SERVICE as EXAMPLE_SERVICE

from .matrix import admin_permissions_forget
from .world import World


@pytest.fixture(autouse=True)
def _fresh_permissions():
    admin_permissions_forget()
    yield
    admin_permissions_forget()


@pytest.fixture(autouse=True)
def _access_settings(settings):
    """The payments sandbox, the email preview on, machine endpoints with their secrets."""
    settings.GOVUK_PAY_API_KEY = ""
    settings.PAYMENTS_PROVIDER = "sandbox"
    settings.SITE_URL = "http://testserver"
    settings.GOVUK_PAY_WEBHOOK_SECRET = "webhook-signing-secret-for-tests"
    settings.NOTIFY_CALLBACK_TOKEN = "callback-token-for-tests"
    settings.NOTIFICATIONS_PREVIEW_ENABLED = True


@pytest.fixture(autouse=True)
def _example_service(monkeypatch):
    """The example journeys (tests/journeys/example.py) belong to a registered service."""
    monkeypatch.setitem(
        registry._services,
        EXAMPLE_SERVICE,
        registry.Service(
            slug=EXAMPLE_SERVICE,
            name="Example service",
            description="For tests",
            start_url_name="example:start",
            order=999,
        ),
    )


@pytest.fixture
def world(db):
    return World()
