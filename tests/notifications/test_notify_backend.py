import pytest
from celery.exceptions import Retry
from django.core.exceptions import ImproperlyConfigured

from digital_services.notifications.backends import notify_template_id, notify_template_ids
from digital_services.notifications.constants import Status
from digital_services.notifications.tasks import notification_deliver

from .conftest import notify_error
from .factories import OutboundMessageFactory, SendingMessageFactory

pytestmark = pytest.mark.django_db


def test_an_email_goes_to_notify_with_the_mapped_template_and_our_idempotent_reference(fake_notify):
    message = OutboundMessageFactory(recipient="ann@example.com", language="cy")

    assert notification_deliver(message.pk) == "sent"

    assert fake_notify.sent == [
        (
            "email",
            {
                "email_address": "ann@example.com",
                "template_id": "tpl-email-cy",
                "personalisation": message.personalisation,
                "reference": f"PV-ABC-123-{message.idempotency_key}",
            },
        )
    ]
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert message.provider_id == "notify-1"
    assert fake_notify.lookups == []  # a first attempt needs no look-up


def test_a_text_message_goes_to_notify(fake_notify):
    message = OutboundMessageFactory(
        channel="sms",
        template_key="tests.code_text",
        recipient="07700900111",
        personalisation={"code": "9"},
        reference="",
    )
    notification_deliver(message.pk)
    assert fake_notify.sent == [
        (
            "sms",
            {
                "phone_number": "07700900111",
                "template_id": "tpl-sms-en",
                "personalisation": {"code": "9"},
                "reference": str(message.idempotency_key),
            },
        )
    ]


def test_a_letter_goes_to_notify_with_the_address_lines(fake_notify):
    message = OutboundMessageFactory(
        channel="letter", recipient="Ann Smith\n1 High Street\nCardiff\nCF10 1AA"
    )
    notification_deliver(message.pk)
    kind, call = fake_notify.sent[0]
    assert kind == "letter"
    assert call["template_id"] == "tpl-letter-en"
    assert call["personalisation"]["address_line_1"] == "Ann Smith"
    assert call["personalisation"]["address_line_4"] == "CF10 1AA"
    assert call["personalisation"]["name"] == "Ann Smith"
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert message.letter_batch is None


@pytest.mark.parametrize("status_code", [400, 404])  # 403 is retried (test_contracts.py)
def test_a_notify_4xx_fails_the_message_permanently_at_once(fake_notify, status_code):
    fake_notify.fail_with = [notify_error(status_code)]
    message = OutboundMessageFactory()

    assert notification_deliver(message.pk) == "failed"

    message.refresh_from_db()
    assert message.status == Status.PERMANENT_FAILURE
    assert message.attempts == 1
    assert message.last_error.startswith(f"GOV.UK Notify {status_code}")


@pytest.mark.parametrize(
    "status_code", [429, 500, 502, 503, None], ids=["429", "500", "502", "503", "timeout"]
)
def test_a_notify_rate_limit_server_error_or_timeout_is_retried(fake_notify, status_code):
    fake_notify.fail_with = [notify_error(status_code)]
    message = OutboundMessageFactory()

    with pytest.raises(Retry):
        notification_deliver(message.pk)

    message.refresh_from_db()
    assert message.status == Status.CREATED
    assert message.attempts == 1
    assert fake_notify.sent == []


def test_a_retry_after_a_timeout_that_hid_a_success_does_not_send_twice(fake_notify, frozen_now):
    timeout = notify_error(None)
    timeout.after_accepting = True  # Notify took the message, but the answer never came back
    fake_notify.fail_with = [timeout]
    message = OutboundMessageFactory()

    with pytest.raises(Retry):
        notification_deliver(message.pk)
    message.refresh_from_db()
    frozen_now.move_to(message.next_attempt_at)
    assert notification_deliver(message.pk) == "sent"

    assert len(fake_notify.sent) == 1
    assert fake_notify.lookups == [message.provider_reference]
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert message.provider_id == "notify-1"


def test_a_retry_sends_when_notify_does_not_have_the_message(fake_notify, frozen_now):
    fake_notify.fail_with = [notify_error(502)]
    message = OutboundMessageFactory()
    with pytest.raises(Retry):
        notification_deliver(message.pk)
    message.refresh_from_db()
    frozen_now.move_to(message.next_attempt_at)

    assert notification_deliver(message.pk) == "sent"
    assert len(fake_notify.sent) == 1
    assert fake_notify.lookups == [message.provider_reference]


def test_a_failing_look_up_counts_as_a_temporary_error(fake_notify, frozen_now, monkeypatch):
    message = SendingMessageFactory(attempts=1)
    message.status = Status.CREATED
    message.save()

    def lookup_fails(reference=None, **kwargs):
        raise notify_error(503)

    monkeypatch.setattr(fake_notify, "get_all_notifications", lookup_fails)
    with pytest.raises(Retry):
        notification_deliver(message.pk)
    assert fake_notify.sent == []


def test_a_message_without_a_notify_template_id_fails_permanently(fake_notify):
    message = OutboundMessageFactory(
        channel="sms", recipient="07700900111"
    )  # no id for visit_booked sms
    assert notification_deliver(message.pk) == "failed"
    message.refresh_from_db()
    assert message.status == Status.PERMANENT_FAILURE
    assert "No GOV.UK Notify template id for tests.visit_booked:sms:en" in message.last_error


@pytest.mark.parametrize(
    "raw",
    [
        '{"a.b:email:en": "id-1", "a.b:cy": "id-2"}',
        "a.b:email:en=id-1, a.b:cy=id-2",
        {"a.b:email:en": "id-1", "a.b:cy": "id-2"},
    ],
    ids=["json", "pairs", "dict"],
)
def test_notify_template_ids_come_from_json_pairs_or_a_dict(settings, raw):
    settings.NOTIFY_TEMPLATE_IDS = raw
    assert notify_template_ids() == {"a.b:email:en": "id-1", "a.b:cy": "id-2"}
    assert notify_template_id("a.b", "email", "en") == "id-1"
    assert notify_template_id("a.b", "letter", "cy") == "id-2"
    assert notify_template_id("a.b", "letter", "en") is None


@pytest.mark.parametrize("raw", ["{not json", "a.b:en"])
def test_a_malformed_notify_template_ids_setting_is_an_error(settings, raw):
    settings.NOTIFY_TEMPLATE_IDS = raw
    with pytest.raises(ImproperlyConfigured):
        notify_template_ids()
