import uuid

import pytest
from django.db import transaction
from kombu.exceptions import OperationalError

from digital_services.notifications import tasks
from digital_services.notifications.constants import Status
from digital_services.notifications.models import OutboundMessage
from digital_services.notifications.registry import TemplateError
from digital_services.notifications.services import InvalidRecipient, notification_send

from .conftest import ADDRESS, VISIT

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    pass


def _send(**overrides):
    kwargs = {
        "template": "tests.visit_booked",
        "to": "ann@example.com",
        "personalisation": VISIT,
        "language": "en",
        "channel": "email",
        "service": "prison_visits",
    }
    kwargs.update(overrides)
    return notification_send(**kwargs)


def test_notification_send_saves_the_message_with_the_business_transaction_and_enqueues_on_commit(
    django_capture_on_commit_callbacks, enqueued
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            message = _send()
            assert enqueued == []  # nothing queued before the commit
    assert len(callbacks) == 1
    assert enqueued == [message.pk]
    message.refresh_from_db()
    assert message.status == Status.CREATED
    assert message.attempts == 0
    assert message.personalisation == VISIT
    assert message.next_attempt_at is not None


def test_notification_send_leaves_nothing_and_sends_nothing_when_the_transaction_rolls_back(
    django_capture_on_commit_callbacks, enqueued
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(Rollback):
            with transaction.atomic():
                _send()
                raise Rollback
    assert callbacks == []
    assert enqueued == []
    assert OutboundMessage.objects.count() == 0


def test_notification_send_keeps_the_message_for_the_sweep_when_the_broker_is_down(
    django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to redis")

    monkeypatch.setattr(tasks.notification_deliver, "apply_async", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            message = _send()
    message.refresh_from_db()
    assert message.status == Status.CREATED
    assert "the sweep will queue it again" in caplog.text


def test_notification_send_links_the_message_to_the_case_it_is_about(citizen, enqueued):
    citizen.reference = "AB-12"  # any model; a reference attribute becomes the message reference
    message = _send(about=citizen, service="")
    assert message.about == citizen
    assert message.service == "accounts"
    assert message.reference == "AB-12"


def test_notification_send_with_a_known_idempotency_key_returns_the_first_message(
    django_capture_on_commit_callbacks, enqueued
):
    key = uuid.uuid4()
    with django_capture_on_commit_callbacks(execute=True):
        first = _send(idempotency_key=key)
    with django_capture_on_commit_callbacks(execute=True):
        second = _send(idempotency_key=key)
    assert first.pk == second.pk
    assert OutboundMessage.objects.count() == 1
    assert enqueued == [first.pk]


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"template": "tests.nope"}, "no message template called 'tests.nope'"),
        ({"personalisation": {"name": "Ann", "visit_date": "x"}}, "missing case_reference"),
        ({"personalisation": {**VISIT, "extra": "1"}}, "unexpected extra"),
        ({"personalisation": {**VISIT, "name": None}}, "must be text or a number"),
        ({"template": "tests.code_text", "personalisation": {"code": "1"}}, "is not for email"),
        ({"channel": "fax"}, "Unknown channel 'fax'"),
        ({"language": "fr"}, "Unknown language 'fr'"),
    ],
)
def test_notification_send_refuses_bad_templates_and_personalisation(overrides, error, enqueued):
    with pytest.raises(TemplateError, match=error):
        _send(**overrides)
    assert OutboundMessage.objects.count() == 0


def test_notification_send_refuses_a_template_with_problems(enqueued):
    from digital_services.notifications import registry

    registry.template_register("tests.half_translated", subject="Hi", body="Hi", personalisation=[])
    try:
        with pytest.raises(TemplateError, match="cannot be used: cy_body is empty"):
            _send(template="tests.half_translated", personalisation={})
    finally:
        registry.template_unregister("tests.half_translated")


@pytest.mark.parametrize(
    ("channel", "to", "stored"),
    [
        ("email", "  ann@example.com ", "ann@example.com"),
        ("letter", ADDRESS, "Ann Smith\n1 High Street\nCardiff\nCF10 1AA"),
        (
            "letter",
            "Ann Smith\n\n1 High Street\nCardiff\ncf101aa",
            "Ann Smith\n1 High Street\nCardiff\nCF10 1AA",
        ),
    ],
)
def test_notification_send_cleans_the_recipient(channel, to, stored, enqueued):
    assert _send(channel=channel, to=to).recipient == stored


def test_notification_send_cleans_a_mobile_number(enqueued):
    message = _send(
        template="tests.code_text",
        personalisation={"code": "1234"},
        channel="sms",
        to="07700 900 111",
    )
    assert message.recipient == "07700900111"


@pytest.mark.parametrize(
    ("channel", "to", "error"),
    [
        ("email", "not-an-email", "Not a valid email address"),
        ("letter", ["Ann", "CF10 1AA"], "3 to 7 lines"),
        ("letter", ["Ann", "1 High Street", "Cardiff"], "must be a UK postcode"),
    ],
)
def test_notification_send_refuses_a_recipient_it_cannot_use(channel, to, error, enqueued):
    with pytest.raises(InvalidRecipient, match=error):
        _send(channel=channel, to=to)


def test_notification_send_refuses_a_number_that_is_not_a_mobile(enqueued):
    with pytest.raises(InvalidRecipient, match="Not a valid mobile phone number"):
        _send(
            template="tests.code_text", personalisation={"code": "1"}, channel="sms", to="call me"
        )
