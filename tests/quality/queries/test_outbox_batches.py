"""Outbox delivery in batches (issue #13): one claim and one mail server connection a batch,
one statement a message to record it sent, and still each message sent at most once.
Throughput is measured by bench/outbox.py, not here."""

import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from digital_services.notifications import backends
from digital_services.notifications.constants import Status
from digital_services.notifications.models import OutboundMessage
from digital_services.notifications.registry import template_get
from digital_services.notifications.services import (
    notification_send_many,
    outbound_messages_deliver,
)

pytestmark = pytest.mark.django_db

TEMPLATE = "prison_visits.reminder"


def _messages(count: int, *, status=Status.CREATED) -> list[int]:
    names = template_get(TEMPLATE).personalisation
    rows = OutboundMessage.objects.bulk_create(
        OutboundMessage(
            channel="email",
            template_key=TEMPLATE,
            recipient=f"batch{n}@example.com",
            personalisation={name: f"value {n}" for name in names},
            status=status,
            next_attempt_at=timezone.now(),
        )
        for n in range(count)
    )
    return [row.pk for row in rows]


def _queries(ids) -> int:
    with CaptureQueriesContext(connection) as captured:
        outbound_messages_deliver(message_ids=ids)
    return len(captured.captured_queries)


def test_a_batch_sends_each_message_once_and_a_second_run_sends_nothing():
    ids = _messages(4)
    assert outbound_messages_deliver(message_ids=ids) == {"skipped": 0, "sent": 4}
    assert outbound_messages_deliver(message_ids=ids) == {"skipped": 4}
    assert len(mail.outbox) == 4
    assert set(OutboundMessage.objects.values_list("status", flat=True)) == {Status.SENT}


def test_a_batch_opens_one_connection_to_the_mail_server():
    ids = _messages(5)
    with mock.patch.object(backends, "get_connection", wraps=backends.get_connection) as opened:
        outbound_messages_deliver(message_ids=ids)
    assert opened.call_count == 1
    assert len(mail.outbox) == 5


def test_the_claim_is_one_query_for_the_batch_and_each_message_one_statement():
    small, large = _messages(2), _messages(6)
    outbound_messages_deliver(message_ids=_messages(1))  # warm-up
    assert _queries(large) - _queries(small) == 4  # the UPDATE recording each one sent


def test_a_message_another_worker_has_claimed_is_left_alone():
    (claimed,) = _messages(1, status=Status.SENDING)
    ids = [*_messages(2), claimed]
    assert outbound_messages_deliver(message_ids=ids) == {"skipped": 1, "sent": 2}
    assert OutboundMessage.objects.get(pk=claimed).status == Status.SENDING


def test_a_connection_error_puts_that_message_back_and_the_rest_still_go(monkeypatch):
    ids = _messages(3)
    sent = []
    real_send = backends.EmailMessage.send

    def send(self, fail_silently=False):
        if len(sent) == 1 and not getattr(send, "failed", False):
            send.failed = True
            raise smtplib.SMTPServerDisconnected("gone")
        sent.append(self.to)
        return real_send(self, fail_silently=fail_silently)

    monkeypatch.setattr(backends.EmailMessage, "send", send)
    assert outbound_messages_deliver(message_ids=ids) == {"skipped": 0, "sent": 2, "retry": 1}
    retry = OutboundMessage.objects.get(status=Status.CREATED)
    assert retry.next_attempt_at is not None and retry.attempts == 1
    assert "Could not reach the mail server" in retry.last_error


def test_sending_many_checks_every_message_before_writing_any():
    names = template_get(TEMPLATE).personalisation
    good = {
        "template": TEMPLATE,
        "to": "a@example.com",
        "personalisation": dict.fromkeys(names, "x"),
    }
    bad = {**good, "to": "not an address"}
    with pytest.raises(ValueError):
        notification_send_many(messages=[good, bad])
    assert not OutboundMessage.objects.exists()


def test_sending_many_writes_the_rows_notification_send_writes():
    from django.forms.models import model_to_dict

    from digital_services.notifications.services import notification_send
    from tests.prison_visits.factories import BookedVisitFactory

    visit = BookedVisitFactory()
    names = template_get(TEMPLATE).personalisation
    spec = {
        "template": TEMPLATE,
        "to": " lee@example.com ",
        "personalisation": dict.fromkeys(names, "x"),
        "language": "cy",
        "about": visit,
    }
    (many_id,) = notification_send_many(messages=[spec])
    one = notification_send(**spec)
    many = OutboundMessage.objects.get(pk=many_id)
    varying = {"id", "idempotency_key", "next_attempt_at"}  # "now", a moment apart

    assert {k: v for k, v in model_to_dict(many).items() if k not in varying} == {
        k: v for k, v in model_to_dict(one).items() if k not in varying
    }
    assert many.recipient == "lee@example.com" and many.object_id == str(visit.pk)
    assert many.idempotency_key != one.idempotency_key
    assert many.created_at and many.updated_at and many.status == Status.CREATED
