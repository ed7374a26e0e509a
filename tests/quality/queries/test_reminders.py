"""Day-before reminders are set-based (issue #13): the queries of a run do not grow with the
number of visits (within a batch), a second run enqueues nothing, and the messages are queued
for delivery in batches, not a task per message. Timings are in bench/reminders.py."""

from datetime import date
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from digital_services.notifications.constants import DELIVER_BATCH_SIZE
from digital_services.notifications.models import OutboundMessage
from prison_visits import services
from prison_visits.models import Visit, VisitEvent
from prison_visits.services import scheduled
from tests.prison_visits.factories import BookedVisitFactory, PrisonFactory, slot_on

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 26)


def _book(count: int, prison) -> None:
    for n in range(count):
        BookedVisitFactory(
            prison=prison, slot=slot_on(DAY), contact_email=f"visitor{n}@example.com"
        )


def _reminder_queries(django_capture_on_commit_callbacks) -> tuple[int, int]:
    """(queries, reminded) for one run of the reminder job, commit callbacks run."""
    with (
        CaptureQueriesContext(connection) as captured,
        mock.patch("digital_services.notifications.tasks.notification_deliver_batch.apply_async"),
        django_capture_on_commit_callbacks(execute=True),  # inside: run while the mock holds
    ):
        reminded = services.visit_reminders_send(for_date=DAY)
    return len(captured.captured_queries), reminded


def test_reminding_more_visits_takes_no_more_queries(django_capture_on_commit_callbacks):
    prison = PrisonFactory(slug="hmp-reminders")
    _book(1, prison)
    _reminder_queries(django_capture_on_commit_callbacks)  # warms the content type cache
    _book(2, prison)  # each run reminds only the visits not yet reminded
    few, reminded = _reminder_queries(django_capture_on_commit_callbacks)
    assert reminded == 2

    _book(8, prison)
    many, reminded = _reminder_queries(django_capture_on_commit_callbacks)
    assert reminded == 8
    assert many == few
    assert many <= 11


def test_a_second_run_reminds_nobody_and_queues_nothing(django_capture_on_commit_callbacks):
    prison = PrisonFactory(slug="hmp-reminders")
    _book(3, prison)
    with (
        mock.patch(
            "digital_services.notifications.tasks.notification_deliver_batch.apply_async"
        ) as queued,
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert services.visit_reminders_send(for_date=DAY) == 3
        assert services.visit_reminders_send(for_date=DAY) == 0

    reminders = OutboundMessage.objects.filter(template_key="prison_visits.reminder")
    assert reminders.count() == 3
    assert VisitEvent.objects.filter(kind=VisitEvent.Kind.REMINDER).count() == 3
    assert not Visit.objects.filter(slot_date=DAY, reminder_sent_at__isnull=True).exists()
    # One delivery task for the emails and their text copies, not one a message.
    (call,) = queued.call_args_list
    assert set(call.kwargs["args"][0]) == set(
        OutboundMessage.objects.filter(
            template_key__startswith="prison_visits.reminder"
        ).values_list("pk", flat=True)
    )


def test_a_large_day_is_reminded_in_batches(django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(scheduled, "REMINDERS_BATCH_SIZE", 2)
    prison = PrisonFactory(slug="hmp-reminders")
    _book(5, prison)
    with (
        mock.patch(
            "digital_services.notifications.tasks.notification_deliver_batch.apply_async"
        ) as queued,
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert services.visit_reminders_send(for_date=DAY) == 5
    assert OutboundMessage.objects.filter(template_key="prison_visits.reminder").count() == 5
    assert queued.call_count == 3  # a transaction per batch of visits, a task for each
    assert all(len(call.kwargs["args"][0]) <= DELIVER_BATCH_SIZE for call in queued.call_args_list)


def test_the_reminder_keeps_the_field_history(django_capture_on_commit_callbacks):
    prison = PrisonFactory(slug="hmp-reminders")
    _book(1, prison)
    visit = Visit.objects.get(slot_date=DAY)
    before = visit.history.count()
    _reminder_queries(django_capture_on_commit_callbacks)
    latest = visit.history.first()
    assert visit.history.count() == before + 1
    assert latest.history_type == "~" and latest.reminder_sent_at is not None
    assert latest.contact_email == visit.contact_email
