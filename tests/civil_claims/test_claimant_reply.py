"""The claimant's reply to a response and what follows: settlement (countersign in 7 days or
judgment), judgment by admission, a judge, the claimant's own plan and the court's decision,
redetermination in 19 days, going ahead with or without mediation, ending the claim, paid
in full and the mediation result. Each move is checked for status, who and when, the
audit event and the messages to each party by their route."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from civil_claims.constants import (
    CasemanEventKind,
    ClaimStatus,
    CourtDecision,
    DefenceType,
    FormaliseOption,
    JudgmentStatus,
    JudgmentType,
    MediationResult,
    PaymentOption,
)
from civil_claims.models import CasemanEvent, Claim, ClaimantReply, Judgment
from civil_claims.services.claimant import (
    ReplyRefused,
    claim_admission_accept,
    claim_go_ahead,
    claim_plan_reject,
    claim_reply_end,
    claim_settlement_countersign,
    claim_settlement_decline,
    claim_settlement_judgment_request,
)
from civil_claims.services.judgment import (
    JudgmentRefused,
    claim_plan_decide,
    claim_redetermination_request,
    judgment_enter,
)
from civil_claims.services.outcomes import (
    claim_mediation_result_record,
    claim_paid_in_full,
)
from civil_claims.services.plans import PaymentPlanAnswers
from digital_services.audit.models import AuditEvent
from digital_services.core.transitions import TransitionNotAllowed

from .factories_claimant import claim_answered, full_defence
from .factories_defendant import messages_about

pytestmark = pytest.mark.django_db

CLAIMANT_PLAN = PaymentPlanAnswers(
    payment_option=PaymentOption.INSTALMENTS,
    instalment_amount_pence=20000,
    instalment_first_date=dt.date(2026, 12, 15),
    instalment_frequency="monthly",
)


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False) as traveller:
        yield traveller


@pytest.fixture
def claimant(django_user_model):
    return django_user_model.objects.create_user(email="claimant@example.com", password="x")


def _sent(claim):
    return [(m.template_key, m.channel) for m in messages_about(claim)]


def _audit(claim, action):
    return AuditEvent.objects.filter(object_id=str(claim.pk), action=action)


# Accepting -----------------------------------------------------------------------------


def test_accepting_as_a_settlement_gives_the_defendant_7_days_to_sign(claimant):
    claim = claim_answered(user=claimant)
    reply = claim_admission_accept(
        claim=claim, formalise=FormaliseOption.SETTLEMENT, actor=claimant
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SETTLEMENT_MADE
    assert reply.settlement_countersign_by == dt.date(2026, 12, 8)
    assert reply.payment_option == PaymentOption.INSTALMENTS  # the defendant's plan, accepted
    event = _audit(claim, "claim.settlement_made").get()
    assert event.actor == claimant and event.detail["from"] == ClaimStatus.OPEN
    sent = _sent(claim)
    # The claimant by email (their route), the defendant by post (no email given).
    assert ("civil_claims.settlement_made_claimant", "email") in sent
    assert ("civil_claims.settlement_made_defendant", "letter") in sent


def test_the_defendant_signs_within_7_days_and_the_agreement_binds_both(claimant, _now):
    claim = claim_answered(user=claimant)
    claim_admission_accept(claim=claim, formalise=FormaliseOption.SETTLEMENT, actor=claimant)
    _now.move_to("2026-12-08 15:00 +0000")
    claim_settlement_countersign(claim=claim, actor=None)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SETTLEMENT_SIGNED
    assert claim.claimant_reply.settlement_countersigned_at is not None
    assert [t for t, _ in _sent(claim)].count("civil_claims.settlement_signed") == 2


def test_signing_after_7_days_is_refused_and_then_the_claimant_may_ask_for_judgment(claimant, _now):
    claim = claim_answered(user=claimant)
    claim_admission_accept(claim=claim, formalise=FormaliseOption.SETTLEMENT, actor=claimant)
    with pytest.raises(JudgmentRefused, match="until 8 December 2026"):
        claim_settlement_judgment_request(claim=claim, actor=claimant)
    _now.move_to("2026-12-09 09:00 +0000")
    with pytest.raises(ReplyRefused, match="ended on 8 December 2026"):
        claim_settlement_countersign(claim=claim, actor=None)
    judgment = claim_settlement_judgment_request(claim=claim, actor=claimant)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.JUDGMENT_REQUESTED
    assert judgment.kind == JudgmentType.ADMISSIONS
    assert judgment.total_pence == 60000
    assert judgment.instalment_amount_pence == 5000


def test_a_declined_settlement_lets_the_claimant_ask_for_judgment_at_once(claimant):
    claim = claim_answered(user=claimant)
    claim_admission_accept(claim=claim, formalise=FormaliseOption.SETTLEMENT, actor=claimant)
    claim_settlement_decline(claim=claim, actor=None)
    assert ("civil_claims.settlement_declined_claimant", "email") in _sent(claim)
    with pytest.raises(ReplyRefused):
        claim_settlement_countersign(claim=claim, actor=None)
    claim_settlement_judgment_request(claim=claim, actor=claimant)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.JUDGMENT_REQUESTED


def test_accepting_with_a_judgment_by_admission_requests_it_and_tells_caseman(claimant):
    claim = claim_answered(user=claimant)
    claim_admission_accept(claim=claim, formalise=FormaliseOption.CCJ, actor=claimant)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.JUDGMENT_REQUESTED
    judgment = claim.judgment
    assert (judgment.kind, judgment.status) == (JudgmentType.ADMISSIONS, JudgmentStatus.REQUESTED)
    assert judgment.requested_by == claimant
    assert CasemanEvent.objects.filter(claim=claim, kind=CasemanEventKind.CCJ).exists()
    sent = _sent(claim)
    assert ("civil_claims.ccj_requested_claimant", "email") in sent
    assert ("civil_claims.ccj_requested_defendant", "letter") in sent


def test_accepting_and_referring_to_a_judge(claimant):
    claim = claim_answered(user=claimant)
    claim_admission_accept(claim=claim, formalise=FormaliseOption.REFER_TO_JUDGE, actor=claimant)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.READY_FOR_DIRECTIONS
    assert [t for t, _ in _sent(claim)].count("civil_claims.referred_to_judge") == 2


def test_a_second_reply_is_refused(claimant):
    claim = claim_answered(user=claimant)
    claim_admission_accept(claim=claim, formalise=FormaliseOption.REFER_TO_JUDGE, actor=claimant)
    with pytest.raises(ReplyRefused):
        claim_plan_reject(claim=claim, plan=CLAIMANT_PLAN, actor=claimant)
    assert ClaimantReply.objects.filter(claim=claim).count() == 1


def test_no_reply_before_a_response():
    from .factories import claim_issued

    claim = claim_issued()
    with pytest.raises(ReplyRefused, match="not responded"):
        claim_admission_accept(claim=claim, formalise=FormaliseOption.CCJ, actor=None)


# Rejecting the plan, the court's decision, redetermination ------------------------------


def test_rejecting_an_individuals_plan_sends_it_to_the_court_to_decide(claimant):
    claim = claim_answered(user=claimant)
    reply = claim_plan_reject(claim=claim, plan=CLAIMANT_PLAN, reason="Too slow", actor=claimant)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.JUDGMENT_DECIDE_AMOUNT
    assert (reply.accepts, reply.instalment_amount_pence, reply.rejection_reason) == (
        False,
        20000,
        "Too slow",
    )
    sent = _sent(claim)
    assert ("civil_claims.plan_rejected_defendant", "letter") in sent
    assert ("civil_claims.plan_rejected_claimant", "email") in sent


def test_rejecting_an_organisations_plan_continues_the_claim_on_paper(claimant):
    claim = claim_answered(user=claimant, individual=False)
    claim_plan_reject(claim=claim, plan=CLAIMANT_PLAN, actor=claimant)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PROCEEDS_IN_CASEMAN
    assert [t for t, _ in _sent(claim)].count("civil_claims.plan_rejected_offline") == 2


@pytest.mark.parametrize(
    "plan, field",
    [
        (PaymentPlanAnswers(payment_option=""), "payment_option"),
        (
            PaymentPlanAnswers(
                payment_option=PaymentOption.BY_SET_DATE, pay_by_date=dt.date(2026, 11, 30)
            ),
            "pay_by_date",
        ),
        (
            PaymentPlanAnswers(
                payment_option=PaymentOption.INSTALMENTS,
                instalment_amount_pence=60001,
                instalment_first_date=dt.date(2026, 12, 15),
                instalment_frequency="monthly",
            ),
            "instalment_amount_pence",
        ),
        (
            PaymentPlanAnswers(
                payment_option=PaymentOption.INSTALMENTS,
                instalment_amount_pence=1000,
                instalment_first_date=dt.date(2026, 12, 15),
                instalment_frequency="daily",
            ),
            "instalment_frequency",
        ),
    ],
)
def test_a_plan_that_cannot_be_kept_is_refused_and_nothing_changes(claimant, plan, field):
    claim = claim_answered(user=claimant)
    with pytest.raises(ValidationError) as caught:
        claim_plan_reject(claim=claim, plan=plan, actor=claimant)
    assert field in caught.value.message_dict
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.OPEN
    assert not ClaimantReply.objects.filter(claim=claim).exists()


@pytest.mark.parametrize(
    "decision, instalment",
    [
        (CourtDecision.CLAIMANT, 20000),
        (CourtDecision.CLAIMANT_IN_FAVOUR_OF_DEFENDANT, 20000),
        (CourtDecision.DEFENDANT, 5000),
    ],
)
def test_the_courts_decision_makes_a_judgment_by_determination_on_that_plan(
    claimant, caseworker, decision, instalment
):
    claim = claim_answered(user=claimant)
    claim_plan_reject(claim=claim, plan=CLAIMANT_PLAN, actor=claimant)
    judgment = claim_plan_decide(claim=claim, actor=caseworker, decision=decision, reason="SoM")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.JUDGMENT_REQUESTED
    assert judgment.kind == JudgmentType.DETERMINATION
    assert judgment.instalment_amount_pence == instalment
    assert judgment.total_pence == 60000
    reply = claim.claimant_reply
    assert (reply.court_decision, reply.decided_by) == (decision, caseworker)
    assert _audit(claim, "claim.plan_decided").get().actor == caseworker
    assert [t for t, _ in _sent(claim)].count("civil_claims.plan_decided") == 2


def test_a_court_plan_needs_its_plan(claimant, caseworker):
    claim = claim_answered(user=claimant)
    claim_plan_reject(claim=claim, plan=CLAIMANT_PLAN, actor=claimant)
    with pytest.raises(ValidationError):
        claim_plan_decide(claim=claim, actor=caseworker, decision=CourtDecision.COURT)
    plan = PaymentPlanAnswers(
        payment_option=PaymentOption.BY_SET_DATE, pay_by_date=dt.date(2027, 3, 1)
    )
    judgment = claim_plan_decide(
        claim=claim, actor=caseworker, decision=CourtDecision.COURT, court_plan=plan
    )
    assert judgment.pay_by_date == dt.date(2027, 3, 1)


def test_either_side_may_ask_for_redetermination_within_19_days_and_the_court_decides_again(
    claimant, caseworker, _now
):
    claim = claim_answered(user=claimant)
    claim_plan_reject(claim=claim, plan=CLAIMANT_PLAN, actor=claimant)
    claim_plan_decide(claim=claim, actor=caseworker, decision=CourtDecision.DEFENDANT)
    _now.move_to("2026-12-20 12:00 +0000")  # day 19
    claim_redetermination_request(
        claim=claim, role="defendant", reason="I cannot afford it", actor=None
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.REDETERMINATION_REQUESTED
    assert [t for t, _ in _sent(claim)].count("civil_claims.redetermination_by_defendant") == 2
    judgment = claim_plan_decide(claim=claim, actor=caseworker, decision=CourtDecision.CLAIMANT)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.JUDGMENT_REQUESTED
    assert judgment.instalment_amount_pence == 20000
    assert Judgment.objects.filter(claim=claim).count() == 1
    with pytest.raises(JudgmentRefused, match="already"):
        claim_redetermination_request(claim=claim, role="claimant", reason="x", actor=claimant)


def test_redetermination_after_19_days_is_refused(claimant, caseworker, _now):
    claim = claim_answered(user=claimant)
    claim_plan_reject(claim=claim, plan=CLAIMANT_PLAN, actor=claimant)
    claim_plan_decide(claim=claim, actor=caseworker, decision=CourtDecision.DEFENDANT)
    _now.move_to("2026-12-21 09:00 +0000")
    with pytest.raises(JudgmentRefused, match="ended on 20 December 2026"):
        claim_redetermination_request(claim=claim, role="claimant", reason="x", actor=claimant)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.JUDGMENT_REQUESTED


def test_a_default_or_admission_judgment_cannot_be_redetermined(claimant):
    claim = claim_answered(user=claimant)
    claim_admission_accept(claim=claim, formalise=FormaliseOption.CCJ, actor=claimant)
    with pytest.raises(JudgmentRefused):
        claim_redetermination_request(claim=claim, role="claimant", reason="x", actor=claimant)


def test_entering_the_judgment_stamps_who_and_when_and_tells_both(claimant, caseworker):
    claim = claim_answered(user=claimant)
    claim_admission_accept(claim=claim, formalise=FormaliseOption.CCJ, actor=claimant)
    judgment = judgment_enter(judgment=claim.judgment, actor=caseworker)
    assert judgment.status == JudgmentStatus.ENTERED
    assert judgment.entered_by == caseworker and judgment.entered_at is not None
    assert [t for t, _ in _sent(claim)].count("civil_claims.judgment_entered") == 2
    with pytest.raises(TransitionNotAllowed):
        judgment_enter(judgment=judgment, actor=caseworker)


# Going ahead, mediation, ending --------------------------------------------------------


@pytest.mark.parametrize(
    "defendant_agreed, claimant_agrees, expected",
    [
        (True, True, ClaimStatus.REFERRED_MEDIATION),
        (True, False, ClaimStatus.READY_FOR_DIRECTIONS),
        (False, True, ClaimStatus.READY_FOR_DIRECTIONS),
    ],
)
def test_going_ahead_after_a_defence_is_mediation_only_when_both_agree(
    claimant, defendant_agreed, claimant_agrees, expected
):
    claim = claim_answered(user=claimant, **full_defence(free_mediation=defendant_agreed))
    claim_go_ahead(claim=claim, free_mediation=claimant_agrees, actor=claimant)
    claim.refresh_from_db()
    assert claim.status == expected
    assert claim.claimant_reply.intends_to_proceed is True
    sent = [t for t, _ in _sent(claim)]
    if expected == ClaimStatus.REFERRED_MEDIATION:
        assert sent.count("civil_claims.mediation_referred") == 2
    else:
        assert "civil_claims.claimant_proceeds_defendant" in sent


def test_rejecting_a_part_admission_goes_ahead(claimant):
    claim = claim_answered(user=claimant, free_mediation=False)
    claim_go_ahead(claim=claim, free_mediation=True, reason="They owe it all", actor=claimant)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.READY_FOR_DIRECTIONS


def test_not_going_ahead_after_a_dispute_closes_the_claim(claimant):
    claim = claim_answered(user=claimant, **full_defence())
    claim_reply_end(claim=claim, actor=claimant)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.CLOSED and claim.closed_at is not None
    assert [t for t, _ in _sent(claim)].count("civil_claims.claim_not_proceeding") == 2


def test_agreeing_the_defendant_paid_settles_the_claim(claimant):
    claim = claim_answered(user=claimant, **full_defence(defence_type=DefenceType.ALREADY_PAID))
    claim_reply_end(claim=claim, actor=claimant)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SETTLED and claim.settled_at is not None


def test_accepting_a_defence_is_not_a_choice(claimant):
    claim = claim_answered(user=claimant, **full_defence())
    with pytest.raises(ReplyRefused, match="not one of the choices"):
        claim_admission_accept(claim=claim, formalise=FormaliseOption.CCJ, actor=claimant)


@pytest.mark.parametrize(
    "result, expected, template",
    [
        (MediationResult.SUCCEEDED, ClaimStatus.SETTLED, "civil_claims.mediation_succeeded"),
        (MediationResult.FAILED, ClaimStatus.READY_FOR_DIRECTIONS, "civil_claims.mediation_failed"),
    ],
)
def test_the_mediation_result(claimant, caseworker, result, expected, template):
    claim = claim_answered(user=claimant)
    claim_go_ahead(claim=claim, free_mediation=True, actor=claimant)
    claim_mediation_result_record(claim=claim, result=result, actor=caseworker)
    claim.refresh_from_db()
    assert claim.status == expected
    reply = claim.claimant_reply
    assert (reply.mediation_result, reply.mediation_recorded_by) == (result, caseworker)
    assert _audit(claim, "claim.mediation_result").get().actor == caseworker
    assert [t for t, _ in _sent(claim)].count(template) == 2


# Paid in full --------------------------------------------------------------------------


def test_paid_in_full_settles_the_claim_marks_the_judgment_paid_and_tells_the_defendant(
    claimant, caseworker
):
    claim = claim_answered(user=claimant)
    claim_admission_accept(claim=claim, formalise=FormaliseOption.CCJ, actor=claimant)
    judgment_enter(judgment=claim.judgment, actor=caseworker)
    claim_paid_in_full(claim=claim, received_on=dt.date(2026, 11, 30), actor=claimant)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SETTLED
    assert claim.money_received_on == dt.date(2026, 11, 30)
    assert claim.judgment.status == JudgmentStatus.PAID and claim.judgment.paid_at is not None
    assert ("civil_claims.paid_in_full_defendant", "letter") in _sent(claim)
    assert CasemanEvent.objects.filter(claim=claim, kind=CasemanEventKind.PAID_IN_FULL).exists()


def test_paid_in_full_in_the_future_is_refused(claimant):
    claim = claim_answered(user=claimant)
    with pytest.raises(ValidationError):
        claim_paid_in_full(claim=claim, received_on=dt.date(2026, 12, 2), actor=claimant)
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.OPEN


# The court staff's mailbox ---------------------------------------------------------------


def test_the_staff_mailbox_hears_of_judgments_redeterminations_and_paid_in_full(
    claimant, caseworker, settings
):
    settings.CIVIL_CLAIMS_STAFF_MAILBOX = "money-claims@justice.example"
    claim = claim_answered(user=claimant)
    claim_plan_reject(claim=claim, plan=CLAIMANT_PLAN, actor=claimant)
    claim_plan_decide(claim=claim, actor=caseworker, decision=CourtDecision.DEFENDANT)
    claim_redetermination_request(claim=claim, role="claimant", reason="Too slow", actor=claimant)
    claim_plan_decide(claim=claim, actor=caseworker, decision=CourtDecision.CLAIMANT)
    judgment_enter(judgment=claim.judgment, actor=caseworker)
    claim_paid_in_full(claim=claim, received_on=dt.date(2026, 12, 1), actor=claimant)
    staff = [
        m.personalisation["event"]
        for m in messages_about(claim)
        if m.template_key == "civil_claims.staff_claim_event"
    ]
    assert staff == [
        "The claimant rejected the payment plan",
        "Judgment by determination requested",
        "Redetermination asked for by the claimant",
        "Redetermination decided",
        "The claimant was paid in full",
    ]
    assert all(
        m.recipient == "money-claims@justice.example"
        for m in messages_about(claim)
        if m.template_key == "civil_claims.staff_claim_event"
    )


def test_no_staff_mailbox_no_staff_email(claimant, settings):
    settings.CIVIL_CLAIMS_STAFF_MAILBOX = ""
    claim = claim_answered(user=claimant)
    claim_admission_accept(claim=claim, formalise=FormaliseOption.CCJ, actor=claimant)
    assert "civil_claims.staff_claim_event" not in [t for t, _ in _sent(claim)]
