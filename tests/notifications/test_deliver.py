import smtplib
from datetime import timedelta

import pytest
from celery.exceptions import Retry
from django.core import mail

from digital_services.notifications import backends
from digital_services.notifications.constants import Status
from digital_services.notifications.services import outbound_message_deliver, retry_delay_seconds
from digital_services.notifications.tasks import notification_deliver

from .conftest import NOW
from .factories import (
    DeliveredMessageFactory,
    OutboundMessageFactory,
    PermanentFailureMessageFactory,
    SendingMessageFactory,
    SentMessageFactory,
)

pytestmark = pytest.mark.django_db


def _smtp_failing_with(monkeypatch, error):
    def send(self, fail_silently=False):
        raise error

    monkeypatch.setattr(backends.EmailMessage, "send", send)


def test_the_task_sends_an_email_rendered_from_the_template(frozen_now):
    message = OutboundMessageFactory(recipient="ann@example.com")

    assert notification_deliver(message.pk) == "sent"

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["ann@example.com"]
    assert email.subject == "Visit booked for 3 March 2026"
    assert "Dear Ann Smith," in email.body
    assert email.extra_headers["X-Outbound-Message-Id"] == str(message.idempotency_key)
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert message.attempts == 1
    assert message.sent_at == NOW
    assert message.next_attempt_at is None


def test_the_task_sends_a_welsh_email_in_welsh():
    message = OutboundMessageFactory(language="cy")
    notification_deliver(message.pk)
    assert mail.outbox[0].subject.startswith("Ymweliad wedi'i drefnu")


def test_running_the_task_twice_sends_the_email_once():
    message = OutboundMessageFactory()
    assert notification_deliver(message.pk) == "sent"
    assert notification_deliver(message.pk) == "skipped"
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    "factory",
    [
        SendingMessageFactory,
        SentMessageFactory,
        DeliveredMessageFactory,
        PermanentFailureMessageFactory,
    ],
)
def test_a_message_not_in_created_is_never_sent_again(factory):
    message = factory()
    assert outbound_message_deliver(message_id=message.pk).action == "skipped"
    assert mail.outbox == []
    status = message.status
    message.refresh_from_db()
    assert message.status == status


def test_a_message_whose_next_attempt_is_not_due_is_left_for_later(frozen_now):
    message = OutboundMessageFactory(next_attempt_at=NOW + timedelta(minutes=5))
    assert outbound_message_deliver(message_id=message.pk).action == "skipped"
    assert mail.outbox == []


def test_a_missing_message_is_skipped_quietly():
    assert outbound_message_deliver(message_id=987654).action == "skipped"


@pytest.mark.parametrize(
    "error",
    [
        smtplib.SMTPServerDisconnected("gone"),
        smtplib.SMTPResponseException(421, b"try later"),
        smtplib.SMTPAuthenticationError(535, b"bad credentials"),
        ConnectionRefusedError(111, "refused"),
        TimeoutError("timed out"),
        KeyError("a bug"),
    ],
    ids=["disconnected", "421", "auth", "refused", "timeout", "unexpected"],
)
def test_a_temporary_error_puts_the_message_back_with_a_backoff_and_retries_the_task(
    monkeypatch, frozen_now, error
):
    _smtp_failing_with(monkeypatch, error)
    message = OutboundMessageFactory()

    with pytest.raises(Retry):
        notification_deliver(message.pk)

    message.refresh_from_db()
    assert message.status == Status.CREATED
    assert message.attempts == 1
    assert message.last_error
    assert message.next_attempt_at == NOW + timedelta(seconds=30)


def test_the_backoff_doubles_up_to_the_maximum():
    assert [retry_delay_seconds(n) for n in range(1, 8)] == [30, 60, 120, 240, 480, 600, 600]


def test_the_message_becomes_a_technical_failure_after_the_last_attempt(monkeypatch, frozen_now):
    _smtp_failing_with(monkeypatch, smtplib.SMTPServerDisconnected("gone"))
    message = OutboundMessageFactory()

    for _attempt in (1, 2):
        with pytest.raises(Retry):
            notification_deliver(message.pk)
        message.refresh_from_db()
        frozen_now.move_to(message.next_attempt_at)
    assert notification_deliver(message.pk) == "failed"

    message.refresh_from_db()
    assert message.status == Status.TECHNICAL_FAILURE
    assert message.attempts == 3
    assert message.last_error.startswith("Gave up after 3 attempts")
    assert message.completed_at is not None


@pytest.mark.parametrize(
    "error",
    [
        smtplib.SMTPRecipientsRefused({"ann@example.com": (550, b"no such user")}),
        smtplib.SMTPSenderRefused(553, b"not allowed", "no-reply@example.com"),
    ],
    ids=["recipient-refused", "sender-refused"],
)
def test_a_permanent_error_fails_the_message_at_once(monkeypatch, error):
    _smtp_failing_with(monkeypatch, error)
    message = OutboundMessageFactory()

    assert notification_deliver(message.pk) == "failed"

    message.refresh_from_db()
    assert message.status == Status.PERMANENT_FAILURE
    assert message.attempts == 1
    assert message.completed_at is not None


def test_a_message_whose_template_was_removed_fails_permanently():
    message = OutboundMessageFactory(template_key="tests.removed")
    assert notification_deliver(message.pk) == "failed"
    message.refresh_from_db()
    assert message.status == Status.PERMANENT_FAILURE
    assert "tests.removed" in message.last_error


def test_in_eager_mode_a_temporary_error_waits_for_the_sweep_instead_of_retrying_inline(
    monkeypatch,
):
    _smtp_failing_with(monkeypatch, smtplib.SMTPServerDisconnected("gone"))
    message = OutboundMessageFactory()
    result = notification_deliver.apply(args=[message.pk])
    assert result.result == "retry"
    message.refresh_from_db()
    assert message.status == Status.CREATED
    assert message.attempts == 1


def test_text_messages_are_logged_in_development(caplog):
    message = OutboundMessageFactory(
        channel="sms",
        template_key="tests.code_text",
        recipient="07700900111",
        personalisation={"code": "4321"},
    )
    assert notification_deliver(message.pk) == "sent"
    assert "Your code is 4321" in caplog.text
    message.refresh_from_db()
    assert message.status == Status.SENT


def test_text_messages_fail_without_notify_outside_development(settings):
    settings.NOTIFICATIONS_LOG_SMS = False
    message = OutboundMessageFactory(
        channel="sms",
        template_key="tests.code_text",
        recipient="07700900111",
        personalisation={"code": "4321"},
    )
    assert notification_deliver(message.pk) == "failed"
    message.refresh_from_db()
    assert message.status == Status.PERMANENT_FAILURE
    assert "need GOV.UK Notify" in message.last_error


def test_a_send_that_finishes_after_the_sweep_gave_up_its_claim_is_still_recorded_as_sent(
    monkeypatch, django_capture_on_commit_callbacks, enqueued
):
    from digital_services.notifications.services import outbound_messages_sweep

    message = OutboundMessageFactory()
    real_send = backends.EmailMessage.send

    def slow_send(self, fail_silently=False):
        # While this worker is "stuck", the sweep (eleven minutes on) gives its claim up.
        with django_capture_on_commit_callbacks(execute=True):
            outbound_messages_sweep(now=message.created_at + timedelta(minutes=11))
        return real_send(self, fail_silently=fail_silently)

    monkeypatch.setattr(backends.EmailMessage, "send", slow_send)
    assert notification_deliver(message.pk) == "sent"

    message.refresh_from_db()
    assert message.status == Status.SENT
    assert message.next_attempt_at is None
    assert enqueued == [message.pk]
    assert notification_deliver(message.pk) == "skipped"  # the re-queued run does not send again
    assert len(mail.outbox) == 1
