"""Every next-step service (the claimant's replies, judgments, mediation, paid in full, and
the directions orders) from every claim status: it succeeds only from the statuses it
may start from (each of which CLAIM_TRANSITIONS allows to reach its target) and is refused
from every other one with nothing written; and the deadline rules of a default judgment
(4pm, weekends, bank holidays, more time)."""

import datetime as dt

import pytest
import time_machine

from civil_claims.constants import (
    ORDER_REVIEW_STATES,
    ClaimStatus,
    CourtDecision,
    FormaliseOption,
    MediationResult,
    OrderMadeBy,
    OrderReviewResult,
    ReconsiderationResult,
)
from civil_claims.models import Claim, ClaimantReply, DirectionsOrder, Judgment
from civil_claims.services.claimant import (
    ReplyRefused,
    claim_admission_accept,
    claim_go_ahead,
    claim_plan_reject,
    claim_reply_end,
    claim_settlement_countersign,
)
from civil_claims.services.judgment import (
    JudgmentRefused,
    claim_default_judgment_request,
    claim_plan_decide,
)
from civil_claims.services.orders import (
    claim_order_draft,
    claim_order_draw,
    claim_order_reconsider,
    claim_order_reconsideration_request,
    claim_order_review,
)
from civil_claims.services.outcomes import (
    PAID_IN_FULL_STATES,
    claim_mediation_result_record,
    claim_paid_in_full,
)
from civil_claims.services.plans import PaymentPlanAnswers
from digital_services.core.transitions import TransitionNotAllowed

from .factories import claim_issued
from .factories_claimant import claim_answered, full_defence

pytestmark = pytest.mark.django_db

STATUSES = list(ClaimStatus.values)
IMMEDIATELY = PaymentPlanAnswers(payment_option="immediately")
REFUSALS = (ReplyRefused, JudgmentRefused, TransitionNotAllowed)


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False) as traveller:
        yield traveller


def _put(claim: Claim, status: str) -> Claim:
    Claim.objects.filter(pk=claim.pk).update(status=status)
    claim.refresh_from_db()
    return claim


def _with_reply(status: str, **reply) -> Claim:
    claim = claim_answered()
    ClaimantReply.objects.create(claim=claim, **{"accepts": False, **reply})
    return _put(claim, status)


def _decision_waiting(status: str) -> Claim:
    """A rejected plan; past the court's first decision (a judgment by determination) in
    every status but "judgment decide amount"."""
    claim = _with_reply(status, payment_option="immediately")
    if status != ClaimStatus.JUDGMENT_DECIDE_AMOUNT:
        Judgment.objects.create(
            claim=claim, kind="determination", total_pence=60000, payment_option="immediately"
        )
    return claim


def _with_order(status: str, *, reconsideration: bool = False) -> Claim:
    """A defended claim with a legal adviser's order drawn today (a reconsideration asked
    for when told), put in ``status``."""
    claim = claim_answered(**full_defence())
    order = DirectionsOrder.objects.create(
        claim=claim, made_by=OrderMadeBy.LEGAL_ADVISER, text="Directions."
    )
    if reconsideration:
        DirectionsOrder.objects.filter(pk=order.pk).update(
            reconsideration_requested_at=order.drawn_at,
            reconsideration_party="claimant",
            reconsideration_reason="Wrong track",
        )
    Claim.objects.filter(pk=claim.pk).update(current_order=order)
    return _put(claim, status)


def _with_draft(status: str) -> Claim:
    """A defended claim with a draft order waiting for review (by a legal adviser when
    ``status`` is the legal adviser's review, else by a judge), put in ``status``."""
    claim = claim_answered(**full_defence())
    la = status == ClaimStatus.ORDER_FOR_LA_REVIEW
    by = OrderMadeBy.LEGAL_ADVISER if la else OrderMadeBy.JUDGE
    order = DirectionsOrder.objects.create(
        claim=claim, made_by=by, text="Draft.", draft_text="Draft.", drafted_at=claim.created_at
    )
    Claim.objects.filter(pk=claim.pk).update(current_order=order)
    return _put(claim, status)


REVIEW_STATES = set(ORDER_REVIEW_STATES.values())

# (name, source statuses, target, make a claim in a status, the call)
MOVES = [
    (
        "accept as settlement",
        {ClaimStatus.OPEN},
        ClaimStatus.SETTLEMENT_MADE,
        lambda s: _put(claim_answered(), s),
        lambda c: claim_admission_accept(claim=c, formalise=FormaliseOption.SETTLEMENT, actor=None),
    ),
    (
        "accept as judgment",
        {ClaimStatus.OPEN},
        ClaimStatus.JUDGMENT_REQUESTED,
        lambda s: _put(claim_answered(), s),
        lambda c: claim_admission_accept(claim=c, formalise=FormaliseOption.CCJ, actor=None),
    ),
    (
        "refer to judge",
        {ClaimStatus.OPEN},
        ClaimStatus.READY_FOR_DIRECTIONS,
        lambda s: _put(claim_answered(), s),
        lambda c: claim_admission_accept(
            claim=c, formalise=FormaliseOption.REFER_TO_JUDGE, actor=None
        ),
    ),
    (
        "reject the plan",
        {ClaimStatus.OPEN},
        ClaimStatus.JUDGMENT_DECIDE_AMOUNT,
        lambda s: _put(claim_answered(), s),
        lambda c: claim_plan_reject(claim=c, plan=IMMEDIATELY, actor=None),
    ),
    (
        "go ahead",
        {ClaimStatus.OPEN},
        ClaimStatus.REFERRED_MEDIATION,
        lambda s: _put(claim_answered(**full_defence()), s),
        lambda c: claim_go_ahead(claim=c, free_mediation=True, actor=None),
    ),
    (
        "do not go ahead",
        {ClaimStatus.OPEN},
        ClaimStatus.CLOSED,
        lambda s: _put(claim_answered(**full_defence()), s),
        lambda c: claim_reply_end(claim=c, actor=None),
    ),
    (
        "countersign",
        {ClaimStatus.SETTLEMENT_MADE},
        ClaimStatus.SETTLEMENT_SIGNED,
        lambda s: _with_reply(s, accepts=True, settlement_countersign_by=dt.date(2026, 12, 8)),
        lambda c: claim_settlement_countersign(claim=c, actor=None),
    ),
    (
        "court decides",
        {ClaimStatus.JUDGMENT_DECIDE_AMOUNT, ClaimStatus.REDETERMINATION_REQUESTED},
        ClaimStatus.JUDGMENT_REQUESTED,
        lambda s: _decision_waiting(s),
        lambda c: claim_plan_decide(claim=c, actor=None, decision=CourtDecision.CLAIMANT),
    ),
    (
        "mediation result",
        {ClaimStatus.REFERRED_MEDIATION},
        ClaimStatus.SETTLED,
        lambda s: _with_reply(s, free_mediation=True),
        lambda c: claim_mediation_result_record(
            claim=c, result=MediationResult.SUCCEEDED, actor=None
        ),
    ),
    (
        "draw an order",
        {ClaimStatus.READY_FOR_DIRECTIONS},
        ClaimStatus.ORDER_DRAWN,
        lambda s: _put(claim_answered(**full_defence()), s),
        lambda c: claim_order_draw(
            claim=c, made_by=OrderMadeBy.LEGAL_ADVISER, text="Directions.", actor=None
        ),
    ),
    (
        "draft an order for a judge to review",
        {ClaimStatus.READY_FOR_DIRECTIONS},
        ClaimStatus.ORDER_FOR_JUDGE_REVIEW,
        lambda s: _put(claim_answered(**full_defence()), s),
        lambda c: claim_order_draft(
            claim=c, review_by=OrderMadeBy.JUDGE, text="Draft.", actor=None
        ),
    ),
    (
        "draft an order for a legal adviser to review",
        {ClaimStatus.READY_FOR_DIRECTIONS},
        ClaimStatus.ORDER_FOR_LA_REVIEW,
        lambda s: _put(claim_answered(**full_defence()), s),
        lambda c: claim_order_draft(
            claim=c, review_by=OrderMadeBy.LEGAL_ADVISER, text="Draft.", actor=None
        ),
    ),
    (
        "approve the draft order",
        REVIEW_STATES,
        ClaimStatus.ORDER_DRAWN,
        _with_draft,
        lambda c: claim_order_review(claim=c, result=OrderReviewResult.APPROVED, actor=None),
    ),
    (
        "change the draft's wording and approve it",
        REVIEW_STATES,
        ClaimStatus.ORDER_DRAWN,
        _with_draft,
        lambda c: claim_order_review(
            claim=c, result=OrderReviewResult.AMENDED, text="Changed.", actor=None
        ),
    ),
    (
        "send the draft order back",
        REVIEW_STATES,
        ClaimStatus.READY_FOR_DIRECTIONS,
        _with_draft,
        lambda c: claim_order_review(
            claim=c, result=OrderReviewResult.RETURNED, reason="Redraft.", actor=None
        ),
    ),
    (
        "ask a judge to reconsider the order",
        {ClaimStatus.ORDER_DRAWN},
        ClaimStatus.RECONSIDERATION_REQUESTED,
        lambda s: _with_order(s),
        lambda c: claim_order_reconsideration_request(
            claim=c, party="defendant", reason="Unfair", actor=None
        ),
    ),
    (
        "the judge confirms the order",
        {ClaimStatus.RECONSIDERATION_REQUESTED},
        ClaimStatus.APPROVED,
        lambda s: _with_order(s, reconsideration=True),
        lambda c: claim_order_reconsider(
            claim=c, result=ReconsiderationResult.CONFIRMED, actor=None
        ),
    ),
    (
        "the judge makes a new order",
        {ClaimStatus.RECONSIDERATION_REQUESTED},
        ClaimStatus.ORDER_DRAWN,
        lambda s: _with_order(s, reconsideration=True),
        lambda c: claim_order_reconsider(
            claim=c, result=ReconsiderationResult.NEW_ORDER, text="New directions.", actor=None
        ),
    ),
    (
        "paid in full",
        set(PAID_IN_FULL_STATES),
        ClaimStatus.SETTLED,
        lambda s: _put(claim_answered(), s),
        lambda c: claim_paid_in_full(claim=c, received_on=dt.date(2026, 11, 30), actor=None),
    ),
]


def test_each_move_goes_only_where_the_map_allows():
    for name, sources, target, _make, _call in MOVES:
        for source in sources:
            assert target in Claim.TRANSITIONS[source], (name, source)


def test_paid_in_full_is_allowed_from_every_issued_state_that_may_be_settled():
    assert set(PAID_IN_FULL_STATES) == {
        s for s, targets in Claim.TRANSITIONS.items() if ClaimStatus.SETTLED in targets
    } - {ClaimStatus.AWAITING_PAYMENT, ClaimStatus.HWF_PENDING}


@pytest.mark.parametrize("move", MOVES, ids=[m[0] for m in MOVES])
@pytest.mark.parametrize("status", STATUSES)
def test_each_next_step_from_every_status(move, status):
    name, sources, target, make, call = move
    claim = make(status)
    replies = ClaimantReply.objects.filter(claim=claim).count()
    judgments = Judgment.objects.filter(claim=claim).count()
    orders = DirectionsOrder.objects.filter(claim=claim).count()
    reviewed = DirectionsOrder.objects.filter(claim=claim).exclude(review_result="").count()
    if status in sources:
        call(claim)
        claim.refresh_from_db()
        assert claim.status == target
    else:
        with pytest.raises(REFUSALS):
            call(claim)
        claim.refresh_from_db()
        assert claim.status == status
        assert ClaimantReply.objects.filter(claim=claim).count() == replies
        assert Judgment.objects.filter(claim=claim).count() == judgments
        assert DirectionsOrder.objects.filter(claim=claim).count() == orders
        assert DirectionsOrder.objects.filter(claim=claim).exclude(review_result="").count() == (
            reviewed
        )


@pytest.mark.parametrize("status", STATUSES)
def test_a_default_judgment_only_from_open(status, _now):
    claim = _put(claim_issued(), status)
    _now.move_to("2026-12-22 10:00 +0000")
    if status == ClaimStatus.OPEN:
        claim_default_judgment_request(
            claim=claim, actor=None, already_paid_pence=0, plan=IMMEDIATELY
        )
        claim.refresh_from_db()
        assert claim.status == ClaimStatus.JUDGMENT_REQUESTED
    else:
        with pytest.raises(JudgmentRefused):
            claim_default_judgment_request(
                claim=claim, actor=None, already_paid_pence=0, plan=IMMEDIATELY
            )
        assert not Judgment.objects.filter(claim=claim).exists()


# Deadline maths for a default judgment -------------------------------------------------


def _issued_at(moment: str) -> Claim:
    with time_machine.travel(moment, tick=False):
        return claim_issued()


@pytest.mark.parametrize(
    "issued, more_time, refused_at, allowed_at",
    [
        # Issued Tue 1 Dec 2026: issue + 19 = Sun 20 Dec → Mon 21 Dec, until 4pm.
        ("2026-12-01 10:00 +0000", False, "2026-12-21 15:59 +0000", "2026-12-21 16:00 +0000"),
        # Issued Wed 25 Nov 2026 with more time: issue + 33 = Mon 28 Dec, the Boxing Day
        # bank holiday → Tue 29 Dec; still refused on the holiday itself.
        ("2026-11-25 10:00 +0000", True, "2026-12-28 17:00 +0000", "2026-12-29 16:00 +0000"),
        ("2026-11-25 10:00 +0000", True, "2026-12-29 15:59 +0000", "2026-12-29 16:01 +0000"),
        # Issued Mon 1 Feb 2027: issue + 19 = Sat 20 Feb → Mon 22 Feb (not at the weekend).
        ("2027-02-01 10:00 +0000", False, "2027-02-21 18:00 +0000", "2027-02-22 16:00 +0000"),
        # Summer time: 4pm in London is 15:00 UTC (issued Mon 1 Jun 2026 → Mon 22 Jun 2026).
        ("2026-06-01 09:00 +0000", False, "2026-06-22 14:59 +0000", "2026-06-22 15:00 +0000"),
    ],
)
def test_a_default_judgment_only_from_4pm_on_the_deadline_day(
    issued, more_time, refused_at, allowed_at
):
    claim = _issued_at(issued)
    if more_time:
        from civil_claims.services.defendant import claim_more_time_request

        with time_machine.travel(issued, tick=False):
            claim = claim_more_time_request(claim=claim)
    with time_machine.travel(refused_at, tick=False):
        with pytest.raises(JudgmentRefused, match="only after the deadline"):
            claim_default_judgment_request(
                claim=claim, actor=None, already_paid_pence=0, plan=IMMEDIATELY
            )
    with time_machine.travel(allowed_at, tick=False):
        judgment = claim_default_judgment_request(
            claim=claim, actor=None, already_paid_pence=0, plan=IMMEDIATELY
        )
    assert judgment.interest_to == dt.date.fromisoformat(allowed_at[:10])


@pytest.mark.parametrize("status", STATUSES)
def test_the_transfer_job_moves_only_claims_with_an_order_drawn_or_confirmed(status, _now):
    from civil_claims.services.orders import claim_order_transfer_ready

    claim = _with_order(status)
    _now.move_to("2026-12-20 07:00 +0000")
    moved = claim_order_transfer_ready(claim_id=claim.pk)
    claim.refresh_from_db()
    if status in (ClaimStatus.ORDER_DRAWN, ClaimStatus.APPROVED):
        assert moved and claim.status == ClaimStatus.READY_FOR_TRANSFER
    else:
        assert not moved and claim.status == status
