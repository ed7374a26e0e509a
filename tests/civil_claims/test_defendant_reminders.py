"""Reminders to respond, under time-machine: 5 days and 1 day before the response deadline,
by the defendant's route, once each (a new deadline after more time gets its own), none
after 16:00 on the deadline day, none once answered, stayed or in a breathing space."""

import datetime as dt

import pytest
import time_machine

from civil_claims.constants import BreathingSpaceKind, ClaimStatus, ContactChannel
from civil_claims.models import Claim
from civil_claims.services import claim_breathing_space_enter
from civil_claims.services.defendant import REMINDER_TEMPLATE, claim_more_time_request
from civil_claims.tasks import BEAT_SCHEDULE, claims_response_reminders

from .factories import claim_issued, defendant_draft
from .factories_defendant import messages_about

pytestmark = pytest.mark.django_db

ISSUED = "2026-11-25 10:00 +0000"  # Wed: response deadline Mon 14 Dec 2026 (GMT)


@pytest.fixture
def claim():
    with time_machine.travel(ISSUED, tick=False):
        return claim_issued()


def _run(at: str) -> int:
    """The beat job's task, run at ``at``."""
    with time_machine.travel(at, tick=False):
        return claims_response_reminders.run()


def _reminders(claim) -> list:
    return [m for m in messages_about(claim) if m.template_key == REMINDER_TEMPLATE]


def test_the_job_is_in_the_one_beat_schedule_during_the_working_day():
    from digital_services.celery import app

    app.finalize()
    entry = BEAT_SCHEDULE["civil-claims-response-reminders"]
    assert entry["task"] == "civil_claims.response_reminders"
    assert entry["task"] in {e["task"] for e in app.conf.beat_schedule.values()}
    assert entry["schedule"].hour == set(range(8, 16))


def test_reminders_go_5_days_and_1_day_before_the_deadline_once_each(claim):
    assert claim.response_deadline == dt.date(2026, 12, 14)
    assert _run("2026-12-08 09:05 +0000") == 0  # 6 days before
    assert _run("2026-12-09 08:05 +0000") == 1  # 5 days before
    assert _run("2026-12-09 09:05 +0000") == 0
    assert _run("2026-12-11 09:05 +0000") == 0
    assert _run("2026-12-13 08:05 +0000") == 1  # 1 day before (a Sunday)
    assert _run("2026-12-14 08:05 +0000") == 0
    sent = _reminders(claim)
    assert len(sent) == 2
    assert {m.channel for m in sent} == {"letter"}  # the defendant's route: post
    assert sent[0].personalisation["response_deadline"] == "14 December 2026"
    assert sent[0].personalisation["claim_number"] == claim.claim_number
    claim.refresh_from_db()
    assert claim.reminder_first_sent_for == claim.reminder_last_sent_for == claim.response_deadline


def test_a_defendant_with_an_email_route_is_reminded_by_email():
    with time_machine.travel(ISSUED, tick=False):
        claim = claim_issued(
            defendant=defendant_draft(email="dee@example.com", contact_channel=ContactChannel.EMAIL)
        )
    _run("2026-12-09 08:05 +0000")
    [reminder] = _reminders(claim)
    assert (reminder.channel, reminder.recipient) == ("email", "dee@example.com")


def test_a_missed_first_reminder_is_not_sent_late_but_the_last_one_is(claim):
    assert _run("2026-12-13 10:00 +0000") == 1
    assert _run("2026-12-14 10:00 +0000") == 0
    claim.refresh_from_db()
    assert claim.reminder_first_sent_for is None
    assert claim.reminder_last_sent_for == dt.date(2026, 12, 14)


def test_no_reminder_once_the_deadline_has_passed_at_16_00(claim):
    assert _run("2026-12-14 16:00 +0000") == 0
    assert _run("2026-12-14 15:59 +0000") == 1  # still the deadline day before 16:00
    assert _reminders(claim)


def test_a_new_deadline_after_more_time_gets_its_own_reminders(claim):
    assert _run("2026-12-09 08:05 +0000") == 1
    with time_machine.travel("2026-12-10 10:00 +0000", tick=False):
        claim_more_time_request(claim=claim)
    claim.refresh_from_db()
    assert claim.response_deadline == dt.date(2026, 12, 29)
    assert _run("2026-12-13 08:05 +0000") == 0  # the old deadline's last reminder: not due
    assert _run("2026-12-24 08:05 +0000") == 1
    assert _run("2026-12-28 08:05 +0000") == 1
    assert [m.personalisation["response_deadline"] for m in _reminders(claim)] == [
        "14 December 2026",
        "29 December 2026",
        "29 December 2026",
    ]


@pytest.mark.parametrize("status", [ClaimStatus.BUSINESS_QUEUE, ClaimStatus.STAYED])
def test_no_reminder_when_the_claim_no_longer_waits_for_a_response(claim, status):
    Claim.objects.filter(pk=claim.pk).update(status=status)
    assert _run("2026-12-09 08:05 +0000") == 0
    assert not _reminders(claim)


def test_no_reminder_once_the_defendant_has_responded(claim):
    Claim.objects.filter(pk=claim.pk).update(responded_at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    assert _run("2026-12-09 08:05 +0000") == 0


def test_no_reminder_during_a_breathing_space(claim, caseworker):
    with time_machine.travel("2026-12-08 10:00 +0000", tick=False):
        claim_breathing_space_enter(
            claim=claim,
            actor=caseworker,
            kind=BreathingSpaceKind.STANDARD,
            started_on=dt.date(2026, 12, 8),
        )
    assert _run("2026-12-09 08:05 +0000") == 0
    assert not _reminders(claim)
