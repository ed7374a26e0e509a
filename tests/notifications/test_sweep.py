from datetime import timedelta

import pytest

from digital_services.notifications.constants import Status
from digital_services.notifications.services import outbound_messages_sweep
from digital_services.notifications.tasks import BEAT_SCHEDULE, notifications_sweep

from .conftest import NOW
from .factories import (
    OutboundMessageFactory,
    QueuedLetterFactory,
    SendingMessageFactory,
    SentMessageFactory,
)

pytestmark = pytest.mark.django_db


def test_the_sweep_requeues_messages_due_for_over_a_minute(
    django_capture_on_commit_callbacks, enqueued
):
    lost = OutboundMessageFactory(next_attempt_at=NOW - timedelta(minutes=5))
    OutboundMessageFactory(
        next_attempt_at=NOW - timedelta(seconds=30)
    )  # its task may still be on the way
    OutboundMessageFactory(next_attempt_at=NOW + timedelta(minutes=5))  # backing off
    SentMessageFactory()

    with django_capture_on_commit_callbacks(execute=True):
        result = outbound_messages_sweep(now=NOW)

    assert result.requeued == 1
    assert enqueued == [lost.pk]


def test_the_sweep_puts_back_messages_stuck_in_sending_for_over_ten_minutes(
    django_capture_on_commit_callbacks, enqueued
):
    stuck = SendingMessageFactory(claimed_at=NOW - timedelta(minutes=11), attempts=1)
    busy = SendingMessageFactory(claimed_at=NOW - timedelta(minutes=2))

    with django_capture_on_commit_callbacks(execute=True):
        result = outbound_messages_sweep(now=NOW)

    assert result.unstuck == 1
    assert enqueued == [stuck.pk]
    stuck.refresh_from_db()
    busy.refresh_from_db()
    assert stuck.status == Status.CREATED
    assert stuck.next_attempt_at == NOW
    assert "worker stopped" in stuck.last_error
    assert busy.status == Status.SENDING


def test_the_sweep_gives_up_on_a_stuck_message_with_no_attempts_left(
    django_capture_on_commit_callbacks, enqueued
):
    stuck = SendingMessageFactory(claimed_at=NOW - timedelta(minutes=11), attempts=3)
    with django_capture_on_commit_callbacks(execute=True):
        result = outbound_messages_sweep(now=NOW)
    assert result.gave_up == 1
    assert enqueued == []
    stuck.refresh_from_db()
    assert stuck.status == Status.TECHNICAL_FAILURE


def test_the_sweep_leaves_letters_waiting_in_a_print_batch(
    django_capture_on_commit_callbacks, enqueued
):
    letter = QueuedLetterFactory(claimed_at=NOW - timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        outbound_messages_sweep(now=NOW)
    letter.refresh_from_db()
    assert letter.status == Status.SENDING
    assert enqueued == []


def test_a_swept_message_is_then_sent_by_the_task(
    django_capture_on_commit_callbacks, enqueued, frozen_now
):
    from django.core import mail

    from digital_services.notifications.tasks import notification_deliver

    message = OutboundMessageFactory(next_attempt_at=NOW - timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        notifications_sweep()
    assert enqueued == [message.pk]
    assert notification_deliver(message.pk) == "sent"
    assert len(mail.outbox) == 1


def test_the_sweep_runs_every_minute_from_the_beat_schedule():
    from celery.schedules import crontab

    from digital_services.celery import app

    app.finalize()
    entry = BEAT_SCHEDULE["notifications-sweep"]
    assert entry["task"] == "notifications.sweep"
    assert entry["schedule"] == crontab()
    assert app.conf.beat_schedule["notifications-sweep"]["task"] == "notifications.sweep"
    assert "notifications.sweep" in app.tasks


def test_every_notifications_task_is_routed_to_a_queue_the_worker_listens_on():
    from digital_services.celery import app
    from digital_services.notifications.constants import ALL_QUEUES

    for name in ("notifications.deliver", "notifications.sweep"):
        route = app.amqp.router.route({}, name)
        assert route["queue"].name in ALL_QUEUES
        assert route["queue"].name == "notifications"
