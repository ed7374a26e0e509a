from unittest import mock

import pytest

from digital_services.core import registry
from digital_services.journeys.constants import SESSION_OWNER_KEY

from .example import SERVICE, Submissions


@pytest.fixture(autouse=True)
def _example_service(monkeypatch):
    """The example journeys belong to a registered service, as a real one would."""
    monkeypatch.setitem(
        registry._services,
        SERVICE,
        registry.Service(
            slug=SERVICE,
            name="Example service",
            description="For tests",
            start_url_name="example:start",
            order=999,
        ),
    )


@pytest.fixture(autouse=True)
def submissions():
    Submissions.calls = []
    yield Submissions.calls
    Submissions.calls = []


@pytest.fixture
def real_integrations():
    """Ask for this to call the real performance and notifications apps instead of mocks."""


@pytest.fixture(autouse=True)
def performance_events(request):
    """What would have been sent to the performance app (patched at our one call site)."""
    if "real_integrations" in request.fixturenames:
        yield None
        return
    with mock.patch("digital_services.journeys.integrations.performance_event_record") as record:
        yield record


@pytest.fixture(autouse=True)
def sent_notifications(request):
    """What would have been queued in the notifications outbox."""
    if "real_integrations" in request.fixturenames:
        yield None
        return
    with mock.patch("digital_services.journeys.integrations.notification_send") as send:
        yield send


@pytest.fixture
def session_key(client):
    """The draft owner key of the test client's (not signed-in) session."""

    def read():
        return client.session.get(SESSION_OWNER_KEY, "")

    return read
