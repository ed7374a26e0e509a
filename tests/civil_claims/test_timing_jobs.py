"""The notes' timing rules as beat jobs, under time-machine: the claimant's reminder 10 days
after asking for a default judgment that is not entered yet (once), and the stay of a claim
with no response and no judgment asked for within 6 months of the response deadline (once;
by each party's route); both in the beat schedule."""

import datetime as dt

import pytest
import time_machine

from civil_claims.constants import ClaimStatus, FormaliseOption
from civil_claims.models import Claim, Judgment
from civil_claims.services import claim_breathing_space_enter
from civil_claims.services.claimant import claim_admission_accept
from civil_claims.services.judgment import claim_default_judgment_request, judgment_enter
from civil_claims.services.plans import PaymentPlanAnswers
from civil_claims.services.timing import months_after
from civil_claims.tasks import (
    BEAT_SCHEDULE,
    claims_no_judgment_stay_task,
    judgments_claimant_remind_task,
)
from digital_services.audit.models import AuditEvent

from .factories import claim_issued
from .factories_claimant import claim_answered
from .factories_defendant import messages_about

pytestmark = pytest.mark.django_db

IMMEDIATELY = PaymentPlanAnswers(payment_option="immediately")
REMINDER = "civil_claims.default_judgment_reminder"
STAYED = "civil_claims.claim_stayed_no_judgment"


def _issued() -> Claim:
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        return claim_issued()  # deadline: 4pm on Mon 21 Dec 2026


def _sent(claim, template):
    return [m for m in messages_about(claim) if m.template_key == template]


def test_both_jobs_are_in_the_beat_schedule():
    assert BEAT_SCHEDULE["civil-claims-default-judgment-reminders"]["task"] == (
        "civil_claims.default_judgment_reminders"
    )
    assert BEAT_SCHEDULE["civil-claims-no-judgment-stay"]["task"] == "civil_claims.no_judgment_stay"


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (dt.date(2026, 12, 21), 6, dt.date(2027, 6, 21)),
        (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),
        (dt.date(2027, 8, 31), 6, dt.date(2028, 2, 29)),
        (dt.date(2026, 7, 15), 6, dt.date(2027, 1, 15)),
    ],
)
def test_months_after_keeps_the_day_or_the_months_last(day, months, expected):
    assert months_after(day, months) == expected


# The reminder --------------------------------------------------------------------------


def test_the_claimant_is_reminded_10_days_after_asking_for_a_default_judgment_once(caseworker):
    waiting, entered = _issued(), _issued()
    with time_machine.travel("2026-12-22 10:00 +0000", tick=False):
        for claim in (waiting, entered):
            claim_default_judgment_request(
                claim=claim, actor=None, already_paid_pence=0, plan=IMMEDIATELY
            )
        judgment_enter(judgment=Judgment.objects.get(claim=entered), actor=caseworker)
    with time_machine.travel("2026-12-31 23:30 +0000", tick=False):
        assert judgments_claimant_remind_task.run() == 0
    with time_machine.travel("2027-01-01 08:30 +0000", tick=False):
        assert judgments_claimant_remind_task.run() == 1
        assert judgments_claimant_remind_task.run() == 0  # once
    with time_machine.travel("2027-01-20 08:30 +0000", tick=False):
        assert judgments_claimant_remind_task.run() == 0
    (message,) = _sent(waiting, REMINDER)
    assert message.channel == "email"  # the claimant's route
    assert message.personalisation["requested_on"] == "22 December 2026"
    assert Judgment.objects.get(claim=waiting).claimant_reminded_at is not None
    assert not _sent(entered, REMINDER)


def test_a_judgment_by_admission_gets_no_such_reminder():
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        claim = claim_answered()
        claim_admission_accept(claim=claim, formalise=FormaliseOption.CCJ, actor=None)
    with time_machine.travel("2027-01-01 08:30 +0000", tick=False):
        assert judgments_claimant_remind_task.run() == 0
    assert not _sent(claim, REMINDER)


# The stay 6 months after the deadline --------------------------------------------------


def test_no_judgment_asked_for_within_6_months_of_the_deadline_stays_the_claim_once(caseworker):
    silent, answered, judged, paused = _issued(), _issued(), _issued(), _issued()
    with time_machine.travel("2026-12-10 10:00 +0000", tick=False):
        from .factories_claimant import response_made

        response_made(answered)
        claim_breathing_space_enter(
            claim=paused, actor=caseworker, kind="standard", started_on=dt.date(2026, 12, 10)
        )
    with time_machine.travel("2026-12-22 10:00 +0000", tick=False):
        claim_default_judgment_request(
            claim=judged, actor=None, already_paid_pence=0, plan=IMMEDIATELY
        )
    # 6 months after Mon 21 Dec 2026 is 21 Jun 2027: still that day in London (BST) at 22:30 UTC.
    with time_machine.travel("2027-06-21 22:30 +0000", tick=False):
        assert claims_no_judgment_stay_task.run() == 0
    with time_machine.travel("2027-06-22 06:35 +0000", tick=False):
        assert claims_no_judgment_stay_task.run() == 1
        assert claims_no_judgment_stay_task.run() == 0  # once
    silent.refresh_from_db()
    assert silent.status == ClaimStatus.STAYED
    assert silent.stayed_by is None and "6 months" in silent.stay_reason
    event = AuditEvent.objects.get(object_id=str(silent.pk), action="claim.stayed_no_judgment")
    assert event.actor is None and event.detail["from"] == ClaimStatus.OPEN
    assert sorted(m.channel for m in _sent(silent, STAYED)) == ["email", "letter"]
    assert _sent(silent, STAYED)[0].personalisation["deadline"] == "21 December 2026"
    assert Claim.objects.get(pk=answered.pk).status == ClaimStatus.OPEN
    assert Claim.objects.get(pk=judged.pk).status == ClaimStatus.JUDGMENT_REQUESTED
    assert Claim.objects.get(pk=paused.pk).status == ClaimStatus.OPEN


@pytest.mark.parametrize("status", list(ClaimStatus.values))
def test_the_stay_job_moves_only_an_open_claim(status):
    from civil_claims.services.timing import claim_no_judgment_stay

    claim = _issued()
    Claim.objects.filter(pk=claim.pk).update(status=status)
    with time_machine.travel("2027-07-01 10:00 +0000", tick=False):
        moved = claim_no_judgment_stay(claim_id=claim.pk)
    claim.refresh_from_db()
    if status == ClaimStatus.OPEN:
        assert moved and claim.status == ClaimStatus.STAYED
    else:
        assert not moved and claim.status == status
