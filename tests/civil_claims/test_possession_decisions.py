"""The moves a tenant's response and a caseworker's decisions make (services): the claim's
status on a response or a defence, the counterclaim's and the application's maps (every
move allowed and refused), hearings after a response, no outcome before the hearing, and
the words the landlord's and the tenant's dashboards give."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from civil_claims.models import PossessionApplication, PossessionClaim, PossessionCounterclaim
from civil_claims.possession_constants import HearingOutcome, HearingStatus, PossessionStatus
from civil_claims.possession_response_constants import (
    APPLICATION_TRANSITIONS,
    COUNTERCLAIM_TRANSITIONS,
    CounterclaimStatus,
)
from civil_claims.selectors_possession import possession_next_step
from civil_claims.selectors_possession_defendant import possession_defendant_next_step
from civil_claims.services.possession_decisions import (
    DecisionRefused,
    counterclaim_hwf_decide,
    counterclaim_issue,
    possession_claim_response_move,
)
from civil_claims.services.possession_hearing import (
    HearingRefused,
    possession_hearing_cancel,
    possession_hearing_outcome,
)
from digital_services.audit.models import AuditEvent
from digital_services.core.transitions import TransitionNotAllowed, transition_apply

from .factories_possession import possession_claim
from .factories_possession_decisions import (
    application_to_decide,
    counterclaim_for_review,
    hearing_listed,
    responded,
)
from .factories_possession_defendant import possession_claim_issued

pytestmark = pytest.mark.django_db
S = PossessionStatus
MOVES = PossessionClaim.TRANSITIONS
NOW = "2026-12-01 10:00:00+00:00"


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False):
        yield


# The claim's status when a defendant responds ------------------------------------------


@pytest.mark.parametrize("listed", [False, True])
@pytest.mark.parametrize(
    "disputes,status", [(True, S.DEFENCE_RECEIVED), (False, S.RESPONSE_RECEIVED)]
)
def test_a_response_moves_the_claim_whether_or_not_a_hearing_is_listed(listed, disputes, status):
    claim = possession_claim_issued()
    if listed:
        hearing_listed(claim)
    responded(claim, disputes=disputes)
    claim.refresh_from_db()
    assert claim.status == status
    event = AuditEvent.objects.get(
        action="possession_claim.response_received", object_id=str(claim.pk)
    )
    assert event.detail["from"] == (S.HEARING_LISTED if listed else S.ISSUED)
    assert claim.hearings.filter(status=HearingStatus.LISTED).count() == (1 if listed else 0)


def test_another_defendants_response_never_turns_a_defence_back():
    claim = possession_claim_issued()
    responded(claim, disputes=True)
    claim.refresh_from_db()
    assert possession_claim_response_move(claim=claim, disputes=False).status == (
        S.DEFENCE_RECEIVED
    )


@pytest.mark.parametrize(
    "status",
    [s for s in S.values if s != S.DEFENCE_RECEIVED and S.DEFENCE_RECEIVED not in MOVES[s]],
)
def test_a_response_leaves_a_status_the_map_does_not_let_it_leave(status):
    claim = possession_claim(status)
    moved = possession_claim_response_move(claim=claim, disputes=True)
    assert moved.status == status
    assert not AuditEvent.objects.filter(action="possession_claim.response_received").exists()


def test_after_a_response_a_hearing_is_listed_adjourned_cancelled_or_decided():
    claim = possession_claim_issued()
    hearing_listed(claim, days_away=20)
    responded(claim)
    claim.refresh_from_db()
    with pytest.raises(TransitionNotAllowed):  # one is listed already
        hearing_listed(claim, days_away=30)
    possession_hearing_cancel(claim=claim, reason="Judge unavailable", actor=None)
    claim.refresh_from_db()
    assert claim.status == S.DEFENCE_RECEIVED  # still to be listed, the defence on file
    assert AuditEvent.objects.filter(
        action="possession_claim.hearing_cancelled", object_id=str(claim.pk)
    ).exists()
    hearing = hearing_listed(claim, days_away=30)
    claim.refresh_from_db()
    assert claim.status == S.HEARING_LISTED
    with time_machine.travel(hearing.starts_at + dt.timedelta(minutes=30), tick=False):
        possession_hearing_outcome(claim=claim, outcome=HearingOutcome.DISMISSED, actor=None)
    claim.refresh_from_db()
    assert claim.status == S.DISMISSED


def test_an_outcome_is_refused_before_the_hearing_starts():
    claim = possession_claim_issued()
    hearing = hearing_listed(claim, days_away=20)
    for outcome in HearingOutcome.values:
        with pytest.raises(HearingRefused) as refused:
            possession_hearing_outcome(
                claim=claim,
                outcome=outcome,
                actor=None,
                reason="x",
                terms="y",
                possession_on=dt.date(2027, 2, 1),
            )
        assert "has not happened yet" in refused.value.errors["outcome"]
    hearing.refresh_from_db()
    claim.refresh_from_db()
    assert (hearing.status, claim.status) == (HearingStatus.LISTED, S.HEARING_LISTED)
    with time_machine.travel(hearing.starts_at, tick=False):  # from its start time
        possession_hearing_outcome(claim=claim, outcome=HearingOutcome.DISMISSED, actor=None)
    claim.refresh_from_db()
    assert claim.status == S.DISMISSED


# The counterclaim's and the application's maps -----------------------------------------


def _counterclaim_in(status):
    counterclaim = counterclaim_for_review()
    PossessionCounterclaim.objects.filter(pk=counterclaim.pk).update(status=status)
    counterclaim.refresh_from_db()
    return counterclaim


MOVES_OF = {
    "counterclaim": (PossessionCounterclaim, COUNTERCLAIM_TRANSITIONS, counterclaim_for_review),
    "application": (PossessionApplication, APPLICATION_TRANSITIONS, application_to_decide),
}


def test_every_counterclaim_and_application_status_is_in_its_map():
    for model, moves, _ in MOVES_OF.values():
        statuses = set(dict(model._meta.get_field("status").flatchoices))
        assert set(moves) == statuses
        assert all(set(targets) <= statuses for targets in moves.values())


@pytest.mark.parametrize(
    "kind,source,target",
    [
        (kind, source, target)
        for kind, (_, moves, _) in MOVES_OF.items()
        for source in moves
        for target in moves
    ],
)
def test_each_counterclaim_and_application_move_is_allowed_exactly_when_the_map_says(
    kind, source, target
):
    model, moves, make = MOVES_OF[kind]
    row = make()
    model.objects.filter(pk=row.pk).update(status=source)
    row.refresh_from_db()
    if target in moves[source]:
        transition_apply(row, to=target, action="possession_claim.test_move")
        row.refresh_from_db()
        assert row.status == target
        assert AuditEvent.objects.filter(
            action="possession_claim.test_move", object_id=str(row.pk)
        ).exists()
    else:
        with pytest.raises(TransitionNotAllowed):
            transition_apply(row, to=target, action="possession_claim.test_move")
        row.refresh_from_db()
        assert row.status == source


@pytest.mark.parametrize(
    "status", [s for s in CounterclaimStatus.values if s != CounterclaimStatus.PENDING_REVIEW]
)
def test_a_counterclaim_is_decided_and_issued_only_for_review(status):
    counterclaim = _counterclaim_in(status)
    with pytest.raises(TransitionNotAllowed):
        counterclaim_hwf_decide(counterclaim=counterclaim, outcome="full", actor=None)
    with pytest.raises(TransitionNotAllowed):
        counterclaim_issue(counterclaim=counterclaim, actor=None)


def test_a_counterclaim_with_its_fee_unpaid_is_not_issued():
    counterclaim = counterclaim_for_review()  # Help with Fees not decided yet
    with pytest.raises(DecisionRefused):
        counterclaim_issue(counterclaim=counterclaim, actor=None)
    counterclaim.refresh_from_db()
    assert counterclaim.status == CounterclaimStatus.PENDING_REVIEW
    counterclaim_hwf_decide(
        counterclaim=counterclaim, outcome="more_info", note="Payslips", actor=None
    )
    with pytest.raises(TransitionNotAllowed):  # waiting for the information or the fee
        counterclaim_issue(counterclaim=counterclaim, actor=None)


def test_more_information_lets_the_tenant_pay_the_whole_fee_by_card():
    from civil_claims.possession_response_constants import (
        PAYMENT_PURPOSE_POSSESSION_COUNTERCLAIM_FEE,
    )
    from civil_claims.services.possession_response import tenant_payment_start
    from digital_services.payments.models import Payment

    counterclaim = counterclaim_for_review()
    counterclaim_hwf_decide(
        counterclaim=counterclaim, outcome="more_info", note="Payslips", actor=None
    )
    counterclaim.refresh_from_db()
    words = possession_defendant_next_step(counterclaim.response.party)
    assert "We need more information about your Help with Fees: Payslips" in words
    assert "Pay the counterclaim fee of" in words
    tenant_payment_start(row=counterclaim, return_to="/back/")
    payment = Payment.objects.get(purpose=PAYMENT_PURPOSE_POSSESSION_COUNTERCLAIM_FEE)
    assert payment.amount_pence == counterclaim.fee_pence  # nothing remitted yet


# What the dashboards say ----------------------------------------------------------------


def test_the_landlord_and_the_tenant_are_told_where_the_claim_is_after_a_defence():
    claim = possession_claim_issued()
    hearing_listed(claim, days_away=20)
    responded(claim, disputes=True)
    claim.refresh_from_db()
    landlord = possession_next_step(claim)
    assert landlord.startswith("A defendant has responded and disputes the claim.")
    assert "The hearing is on 21 December 2026 at 10am" in landlord.replace(":00am", "am")
    party = claim.defendants[0]
    tenant = possession_defendant_next_step(party)
    assert tenant.startswith("You have responded. The court will look at your response.")
    assert "21 December 2026" in tenant


def test_the_tenant_is_told_what_is_left_to_pay_after_part_remission():
    counterclaim = counterclaim_for_review()
    counterclaim_hwf_decide(
        counterclaim=counterclaim, outcome="part", remitted_pence=10000, actor=None
    )
    party = counterclaim.response.party
    words = possession_defendant_next_step(party)
    remaining = (counterclaim.fee_pence - 10000) / 100
    assert f"Pay the counterclaim fee of £{remaining:,.2f}." in words
    assert "We will list a hearing and send you its notice." in words
