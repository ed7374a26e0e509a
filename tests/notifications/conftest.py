import time
from datetime import UTC, datetime

import pytest
import time_machine
from notifications_python_client.errors import HTTPError

from digital_services.notifications import registry

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)

TEST_TEMPLATES = {
    "tests.visit_booked": {
        "subject": "Visit booked for ((visit_date))",
        "body": "Dear ((name)),\n\nYour visit on ((visit_date)) is booked.\n\nReference: ((case_reference))",
        "cy_subject": "Ymweliad wedi'i drefnu ar gyfer ((visit_date))",
        "cy_body": "Annwyl ((name)),\n\nMae eich ymweliad ar ((visit_date)) wedi'i drefnu. Ŵyr ŷd.\n\nCyfeirnod: ((case_reference))",
        "personalisation": ["name", "visit_date", "case_reference"],
    },
    "tests.code_text": {
        "body": "Your code is ((code))",
        "cy_body": "Eich cod yw ((code))",
        "personalisation": ["code"],
        "channels": ["sms"],
    },
}
VISIT = {"name": "Ann Smith", "visit_date": "3 March 2026", "case_reference": "PV-ABC-123"}
ADDRESS = ["Ann Smith", "1 High Street", "Cardiff", "cf10 1aa"]


@pytest.fixture(autouse=True)
def _test_templates():
    """Our test templates are registered next to the real ones, then removed."""
    registry.templates_all()  # load the real ones first
    for key, spec in TEST_TEMPLATES.items():
        registry.template_register(key, source="tests", **spec)
    yield
    for key in TEST_TEMPLATES:
        registry.template_unregister(key)


@pytest.fixture(autouse=True)
def _notifications_settings(settings):
    settings.NOTIFICATIONS_BACKEND = "django"
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 3
    settings.NOTIFICATIONS_RETRY_BASE_SECONDS = 30
    settings.NOTIFICATIONS_RETRY_MAX_SECONDS = 600
    settings.NOTIFICATIONS_LOG_SMS = True
    settings.NOTIFY_CALLBACK_TOKEN = "callback-token-0123456789"
    settings.NOTIFY_TEMPLATE_IDS = ""


@pytest.fixture
def frozen_now():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def enqueued(monkeypatch):
    """Message ids put on the queue, instead of a real broker."""
    from digital_services.notifications import tasks

    ids: list[int] = []
    monkeypatch.setattr(
        tasks.notification_deliver, "apply_async", lambda args, **kw: ids.append(args[0])
    )
    return ids


class FakeResponse:
    def __init__(self, status_code, payload=None):
        self.status_code = status_code
        self._payload = payload or {"message": f"error {status_code}"}

    def json(self):
        return self._payload


def notify_error(status_code):
    """An HTTPError as the Notify client raises it; None means no response (timeout)."""
    if status_code is None:
        return HTTPError.create(type("Timeout", (Exception,), {"response": None})())
    return HTTPError.create(
        type("RequestException", (Exception,), {"response": FakeResponse(status_code)})()
    )


class FakeNotifyClient:
    """Records calls like NotificationsAPIClient; `fail_with` errors are raised in order."""

    def __init__(self):
        self.sent: list[tuple[str, dict]] = []
        self.lookups: list[str] = []
        self.fail_with: list[Exception] = []
        self.known: dict[str, dict] = {}

    def _send(self, kind, **kwargs):
        if self.fail_with:
            error = self.fail_with.pop(0)
            if getattr(error, "after_accepting", False):
                self._accept(kind, kwargs)
            raise error
        return self._accept(kind, kwargs)

    def _accept(self, kind, kwargs):
        notification_id = f"notify-{len(self.sent) + 1}"
        self.sent.append((kind, kwargs))
        self.known[kwargs["reference"]] = {"id": notification_id, "status": "created"}
        return {"id": notification_id, "reference": kwargs["reference"]}

    def send_email_notification(self, **kwargs):
        return self._send("email", **kwargs)

    def send_sms_notification(self, **kwargs):
        return self._send("sms", **kwargs)

    def send_letter_notification(self, **kwargs):
        return self._send("letter", **kwargs)

    def send_precompiled_letter_notification(self, reference, pdf_file, postage=None):
        return self._send("precompiled_letter", reference=reference, pdf=pdf_file.read())

    def get_notification_by_id(self, notification_id):
        """As Notify answers it: the notification with its current status."""
        self.lookups.append(notification_id)
        if self.fail_with:
            raise self.fail_with.pop(0)
        for found in self.known.values():
            if found["id"] == notification_id:
                return found
        raise notify_error(404)

    def get_all_notifications(self, reference=None, **kwargs):
        self.lookups.append(reference)
        found = self.known.get(reference)
        return {"notifications": [found] if found else [], "links": {}}


@pytest.fixture
def fake_notify(settings, monkeypatch):
    from digital_services.notifications import backends

    client = FakeNotifyClient()
    settings.NOTIFICATIONS_BACKEND = "notify"
    settings.NOTIFY_API_KEY = "test-key"
    settings.NOTIFY_TEMPLATE_IDS = (
        "tests.visit_booked:email:en=tpl-email-en,tests.visit_booked:email:cy=tpl-email-cy,"
        "tests.visit_booked:letter:en=tpl-letter-en,tests.code_text:en=tpl-sms-en"
    )
    monkeypatch.setattr(backends, "notify_client_create", lambda: client)
    return client


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_superuser(
        email="admin@justice.example", password="a-long-password-1"
    )


@pytest.fixture
def staff_client(client, staff_user):
    """Signed in as allauth does after a TOTP code, so the admin opens."""
    client.force_login(staff_user)
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "email": staff_user.email},
        {"method": "mfa", "type": "totp", "at": time.time()},
    ]
    session["account_authentication_methods_user"] = str(staff_user.pk)
    session.save()
    return client
