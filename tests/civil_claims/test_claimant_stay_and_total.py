"""The beat job that stays a claim with no claimant reply 33 days after the response (under
time-machine), and a default judgment's total: claim + interest to the day + fee paid −
already paid, worked out line by line; one judgment per claim."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine

from civil_claims.constants import ClaimStatus, FormaliseOption
from civil_claims.interest import (
    InterestAnswers,
    InterestEnd,
    InterestKind,
    InterestStart,
    interest_daily,
    pence_round,
)
from civil_claims.models import Claim, Judgment
from civil_claims.services import claim_breathing_space_enter
from civil_claims.services.claimant import claim_admission_accept
from civil_claims.services.judgment import (
    JudgmentRefused,
    claim_default_judgment_request,
    judgment_figures,
)
from civil_claims.services.plans import PaymentPlanAnswers
from civil_claims.tasks import BEAT_SCHEDULE, claims_reply_overdue_stay_task
from digital_services.audit.models import AuditEvent

from .factories import claim_issued
from .factories_claimant import claim_answered
from .factories_defendant import messages_about

pytestmark = pytest.mark.django_db

IMMEDIATELY = PaymentPlanAnswers(payment_option="immediately")


def test_the_stay_job_is_in_the_beat_schedule():
    assert BEAT_SCHEDULE["civil-claims-reply-overdue-stay"]["task"] == (
        "civil_claims.reply_overdue_stay"
    )


def test_no_reply_33_days_after_the_response_stays_the_claim_the_next_day():
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        claim = claim_answered()  # responded Tue 1 Dec 2026: reply by Sun 3 Jan 2027
        answered = claim_answered()
    with time_machine.travel("2026-12-02 10:00 +0000", tick=False):
        claim_admission_accept(claim=answered, formalise=FormaliseOption.CCJ, actor=None)
    with time_machine.travel("2027-01-03 23:00 +0000", tick=False):
        assert claims_reply_overdue_stay_task.run() == 0
    with time_machine.travel("2027-01-04 06:20 +0000", tick=False):
        assert claims_reply_overdue_stay_task.run() == 1
        assert claims_reply_overdue_stay_task.run() == 0  # once
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.STAYED
    assert claim.stayed_by is None and claim.stayed_at is not None
    assert "33 days" in claim.stay_reason
    event = AuditEvent.objects.get(object_id=str(claim.pk), action="claim.stayed_no_reply")
    assert event.actor is None and event.detail["from"] == ClaimStatus.OPEN
    sent = [m.template_key for m in messages_about(claim)]
    assert sent.count("civil_claims.claim_stayed_no_reply") == 2
    # The claim the claimant replied to goes on.
    assert Claim.objects.get(pk=answered.pk).status == ClaimStatus.JUDGMENT_REQUESTED


def test_the_stay_job_leaves_claims_without_a_response_or_in_a_breathing_space(caseworker):
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        unanswered = claim_issued()
        paused = claim_answered()
        claim_breathing_space_enter(
            claim=paused, actor=caseworker, kind="standard", started_on=dt.date(2026, 12, 1)
        )
    with time_machine.travel("2027-02-01 10:00 +0000", tick=False):
        assert claims_reply_overdue_stay_task.run() == 0
    assert Claim.objects.get(pk=unanswered.pk).status == ClaimStatus.OPEN
    assert Claim.objects.get(pk=paused.pk).status == ClaimStatus.OPEN


# The total -----------------------------------------------------------------------------


def _issued(**overrides) -> Claim:
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        return claim_issued(**overrides)


def test_the_total_is_claim_plus_interest_to_the_day_plus_fee_less_paid():
    claim = _issued()  # £1,250.50 at 8% from 1 Jun 2026, continuing; fee paid by card
    daily = claim.interest_daily_pence
    assert daily == interest_daily(125050, Decimal("8"))
    assert claim.interest_to_date_pence == pence_round(daily * 183)  # 1 Jun to 1 Dec 2026
    at_issue = claim.interest_to_date_pence
    figures = judgment_figures(claim, on=dt.date(2026, 12, 22), already_paid_pence=2500)
    assert figures.amount_pence == 125050
    assert figures.interest_pence == at_issue + pence_round(daily * 21)  # to Tue 22 Dec
    assert figures.fee_paid_pence == claim.fee_pence > 0
    assert figures.total_pence == 125050 + figures.interest_pence + claim.fee_pence - 2500
    assert [what for what, _ in figures.lines()] == [
        "Amount claimed",
        "Interest to 22 December 2026",
        "Court fee paid",
        "Subtotal",
        "Minus the amount already paid",
        "Total",
    ]


def test_interest_that_stopped_at_issue_does_not_grow_and_a_remitted_fee_is_not_added():
    claim = _issued(
        interest=InterestAnswers(
            kind=InterestKind.SAME_RATE,
            rate=Decimal("8"),
            start=InterestStart.CUSTOM,
            start_date=dt.date(2026, 6, 1),
            start_reason="Due then",
            end=InterestEnd.SUBMISSION,
        )
    )
    Claim.objects.filter(pk=claim.pk).update(hwf_fee_remitted_pence=claim.fee_pence)
    claim.refresh_from_db()
    figures = judgment_figures(claim, on=dt.date(2027, 3, 1))
    assert figures.interest_pence == claim.interest_to_date_pence
    assert figures.fee_paid_pence == 0
    assert figures.total_pence == claim.amount_pence + claim.interest_to_date_pence


def test_no_interest_claimed_means_none_in_the_total():
    claim = _issued(interest=InterestAnswers(kind=InterestKind.NONE))
    figures = judgment_figures(claim, on=dt.date(2026, 12, 22))
    assert figures.interest_pence == 0
    assert figures.total_pence == claim.amount_pence + claim.fee_pence


def test_the_judgment_keeps_the_figures_of_the_day_it_was_asked_for():
    claim = _issued()
    with time_machine.travel("2026-12-22 10:00 +0000", tick=False):
        judgment = claim_default_judgment_request(
            claim=claim, actor=None, already_paid_pence=2500, plan=IMMEDIATELY
        )
    figures = judgment_figures(claim, on=dt.date(2026, 12, 22), already_paid_pence=2500)
    assert (
        judgment.claim_amount_pence,
        judgment.interest_pence,
        judgment.fee_paid_pence,
        judgment.amount_already_paid_pence,
        judgment.total_pence,
        judgment.interest_to,
    ) == (
        figures.amount_pence,
        figures.interest_pence,
        figures.fee_paid_pence,
        2500,
        figures.total_pence,
        dt.date(2026, 12, 22),
    )


def test_one_judgment_per_claim():
    claim = _issued()
    with time_machine.travel("2026-12-22 10:00 +0000", tick=False):
        claim_default_judgment_request(
            claim=claim, actor=None, already_paid_pence=0, plan=IMMEDIATELY
        )
        Claim.objects.filter(pk=claim.pk).update(status=ClaimStatus.OPEN)  # even if reopened
        with pytest.raises(JudgmentRefused, match="only one"):
            claim_default_judgment_request(
                claim=claim, actor=None, already_paid_pence=0, plan=IMMEDIATELY
            )
    assert Judgment.objects.filter(claim=claim).count() == 1


def test_paying_everything_already_leaves_nothing_to_judge():
    from django.core.exceptions import ValidationError

    claim = _issued()
    with time_machine.travel("2026-12-22 10:00 +0000", tick=False):
        subtotal = judgment_figures(claim).subtotal_pence
        with pytest.raises(ValidationError):
            claim_default_judgment_request(
                claim=claim, actor=None, already_paid_pence=subtotal, plan=IMMEDIATELY
            )
    assert not Judgment.objects.filter(claim=claim).exists()
