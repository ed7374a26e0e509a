"""Notices and the 4-week statutory waiting period: who is given notice, the beat job that
moves each LPA on when its period ends (under time-machine), and objections, which hold
an LPA back until they are resolved."""

import datetime as dt

import pytest
import time_machine

from digital_services.audit.models import AuditEvent
from digital_services.core.transitions import TransitionNotAllowed
from digital_services.notifications.models import OutboundMessage
from lasting_power import registration
from lasting_power.constants import LpaStatus, ObjectionOutcome
from lasting_power.models import Lpa
from lasting_power.selectors import lpa_details
from lasting_power.tasks import (
    BEAT_SCHEDULE,
    TASK_WAITING_PERIODS_END,
    lpas_waiting_periods_end_task,
)

from .factories import answer, lpa_answered, lpa_completed
from .registration_factories import lpa_perfect, lpa_ready, lpa_received

pytestmark = pytest.mark.django_db

NOTICE_DAY = "2026-11-02 10:00 +0000"  # a Monday


def _waiting(**kwargs) -> Lpa:
    with time_machine.travel(NOTICE_DAY, tick=False):
        lpa = lpa_perfect(**kwargs)
        registration.lpa_notices_send(lpa=lpa)
    lpa.refresh_from_db()
    return lpa


def test_the_beat_schedule_runs_the_job_with_no_arguments():
    entry = BEAT_SCHEDULE["lasting-power-waiting-periods-end"]
    assert entry["task"] == TASK_WAITING_PERIODS_END
    assert "args" not in entry and "kwargs" not in entry


def test_notices_go_to_the_attorneys_when_the_donor_applied_and_the_period_is_4_weeks():
    lpa = _waiting(attorneys=2)
    assert lpa.status == LpaStatus.WAITING_PERIOD
    assert lpa.notices_sent_at is not None
    assert lpa.waiting_period_ends_on == dt.date(2026, 11, 29)  # 4 weeks beginning 2 Nov
    letters = OutboundMessage.objects.filter(template_key="lasting_power.notice")
    assert letters.count() == 2 and {m.channel for m in letters} == {"letter"}
    assert all("Atty" in m.recipient for m in letters)
    assert {m.personalisation["object_by"] for m in letters} == {"29 November 2026"}
    assert {m.personalisation["role"] for m in letters} == {"an attorney"}


def test_when_attorneys_applied_the_donor_and_the_other_attorneys_are_given_notice():
    lpa = lpa_answered(attorneys=3, stop_before="who-is-registering")
    answer(lpa, "who-is-registering", {"who": "attorneys", "attorneys": ["1"]})
    details = lpa_details(Lpa.objects.get(pk=lpa.pk))
    targets = registration.notice_targets(details)
    assert [t.role for t in targets] == ["the donor", "an attorney", "an attorney"]
    assert [t.person.full_name for t in targets][0] == "Dorothy Donor"
    assert details.registering_attorneys[0].full_name not in [
        t.person.full_name for t in targets[1:]
    ]


@pytest.mark.parametrize(
    ("today", "moved"),
    [
        ("2026-11-29 23:00 +0000", False),  # the last day of the period
        ("2026-11-30 01:15 +0000", True),  # the day after
        ("2026-12-14 01:15 +0000", True),  # long after (a missed run)
    ],
)
def test_the_job_moves_an_lpa_on_only_after_its_waiting_period(today, moved):
    lpa = _waiting()
    with time_machine.travel(today, tick=False):
        count = lpas_waiting_periods_end_task.apply().get()
    lpa.refresh_from_db()
    assert count == (1 if moved else 0)
    assert lpa.status == (LpaStatus.READY if moved else LpaStatus.WAITING_PERIOD)
    if moved:
        assert lpa.waiting_period_ended_at is not None
        assert AuditEvent.objects.get(action="lpa.waiting_period_ended").actor is None


def test_the_job_run_twice_moves_each_lpa_once():
    lpa = _waiting()
    with time_machine.travel("2026-11-30 01:15 +0000", tick=False):
        assert registration.lpas_waiting_period_end() == 1
        assert registration.lpas_waiting_period_end() == 0
    assert Lpa.objects.get(pk=lpa.pk).status == LpaStatus.READY


def test_an_open_objection_holds_it_in_the_waiting_period_until_resolved_not_upheld():
    lpa = _waiting()
    with time_machine.travel("2026-11-10 10:00 +0000", tick=False):
        objection = registration.objection_record(
            lpa=lpa, received_on=dt.date(2026, 11, 9), objection_type="factual", notes="Wrong"
        )
    with time_machine.travel("2026-11-30 01:15 +0000", tick=False):
        assert registration.lpas_waiting_period_end() == 0
        assert Lpa.objects.get(pk=lpa.pk).status == LpaStatus.WAITING_PERIOD
        link = objection.links.get()
        registration.objection_resolve(link=link, outcome=ObjectionOutcome.NOT_UPHELD)
        assert registration.lpas_waiting_period_end() == 1
    assert Lpa.objects.get(pk=lpa.pk).status == LpaStatus.READY


def test_an_upheld_objection_keeps_it_from_registration():
    lpa = lpa_ready()
    objection = registration.objection_record(
        lpa=lpa, received_on=lpa.received_on, objection_type="prescribed"
    )
    with pytest.raises(registration.RegistrationRefused, match="is open"):
        registration.lpa_register(lpa=lpa)
    registration.objection_resolve(link=objection.links.get(), outcome=ObjectionOutcome.UPHELD)
    with pytest.raises(registration.RegistrationRefused, match="was upheld"):
        registration.lpa_register(lpa=lpa)
    assert Lpa.objects.get(pk=lpa.pk).status == LpaStatus.READY


def test_an_objection_is_resolved_once():
    lpa = lpa_received()
    objection = registration.objection_record(
        lpa=lpa, received_on=lpa.received_on, objection_type="thirdParty"
    )
    link = objection.links.get()
    registration.objection_resolve(link=link, outcome=ObjectionOutcome.UPHELD)
    with pytest.raises(TransitionNotAllowed):
        registration.objection_resolve(link=link, outcome=ObjectionOutcome.NOT_UPHELD)


def test_an_objection_tells_each_correspondent_and_is_refused_for_a_registered_lpa():
    lpa = lpa_received()
    other = lpa_completed()
    registration.objection_record(
        lpa=lpa,
        received_on=lpa.received_on,
        objection_type="factual",
        other_references=[other.reference_display.lower()],
    )
    sent = OutboundMessage.objects.filter(template_key="lasting_power.objection_received")
    assert sent.count() == 2
    assert {m.personalisation["objection_type"] for m in sent} == {"factual"}
    Lpa.objects.filter(pk=other.pk).update(status=LpaStatus.REGISTERED)
    with pytest.raises(registration.RegistrationRefused, match="cannot be recorded"):
        registration.objection_record(
            lpa=lpa,
            received_on=lpa.received_on,
            objection_type="factual",
            other_references=[other.reference],
        )


def test_an_objection_goes_with_the_last_lpa_it_is_about():
    from lasting_power import services
    from lasting_power.models import Objection

    first, second = lpa_completed(), lpa_completed()
    objection = registration.objection_record(
        lpa=first,
        received_on=dt.date.today(),
        objection_type="factual",
        other_references=[second.reference],
    )
    services.lpa_delete(lpa=first, actor=None)
    assert Objection.objects.filter(pk=objection.pk).exists()
    services.lpa_delete(lpa=second, actor=None)
    assert not Objection.objects.filter(pk=objection.pk).exists()
