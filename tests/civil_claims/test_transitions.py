"""Every move of a claim's status, allowed and refused, and the caseworkers' actions from
every status (allowed ones succeed and are audited; refused ones change nothing)."""

import pytest
import time_machine

from civil_claims.constants import ClaimStatus, HwfOutcome
from civil_claims.models import AccessCode, CaseNote, Claim
from civil_claims.services import (
    ACTION_STATES,
    claim_access_code_reset,
    claim_hwf_decide,
    claim_note_add,
    claim_stay,
    claim_stay_lift,
    claim_transfer,
)
from digital_services.audit.models import AuditEvent
from digital_services.core.transitions import TransitionNotAllowed, transition_apply

from .factories import claim_issued

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        yield


STATUSES = list(ClaimStatus.values)


def test_every_status_is_in_the_map_and_every_target_is_a_status():
    assert set(Claim.TRANSITIONS) == set(STATUSES)
    for targets in Claim.TRANSITIONS.values():
        assert set(targets) <= set(STATUSES)


def _bare(status: str) -> Claim:
    return Claim.objects.create(
        reference=f"R{Claim.objects.count():09d}",
        reason="x",
        amount_pence=100,
        fee_pence=3500,
        fee_basis_pence=100,
        status=status,
    )


@pytest.mark.parametrize("source", STATUSES)
def test_each_move_from_a_status_is_allowed_exactly_when_the_map_says(source):
    for target in STATUSES:
        claim = _bare(source)
        if target in Claim.TRANSITIONS[source]:
            transition_apply(claim, to=target, action="claim.test_move")
            claim.refresh_from_db()
            assert claim.status == target
        else:
            with pytest.raises(TransitionNotAllowed):
                transition_apply(claim, to=target, action="claim.test_move")
            claim.refresh_from_db()
            assert claim.status == source


def _claim_in(status: str) -> Claim:
    """An issued claim (with parties and a code) put in ``status`` for an action test."""
    claim = claim_issued()
    Claim.objects.filter(pk=claim.pk).update(status=status)
    claim.refresh_from_db()
    return claim


def _events(claim, action):
    return AuditEvent.objects.filter(object_id=str(claim.pk), action=action).count()


@pytest.mark.parametrize("status", STATUSES)
def test_stay_from_every_status(status, caseworker):
    claim = _claim_in(status)
    if ClaimStatus.STAYED in Claim.TRANSITIONS[status]:
        claim_stay(claim=claim, actor=caseworker, reason="Breathing space")
        claim.refresh_from_db()
        assert (claim.status, claim.stayed_by, claim.stay_reason) == (
            ClaimStatus.STAYED,
            caseworker,
            "Breathing space",
        )
        assert _events(claim, "claim.stayed") == 1
    else:
        with pytest.raises(TransitionNotAllowed):
            claim_stay(claim=claim, actor=caseworker, reason="Breathing space")
        claim.refresh_from_db()
        assert claim.status == status


@pytest.mark.parametrize("status", STATUSES)
def test_lift_stay_only_from_stayed(status, caseworker):
    claim = _claim_in(status)
    if status == ClaimStatus.STAYED:
        claim_stay_lift(claim=claim, actor=caseworker)
        claim.refresh_from_db()
        assert claim.status == ClaimStatus.OPEN
        assert claim.stay_lifted_by == caseworker
    else:
        with pytest.raises(TransitionNotAllowed):
            claim_stay_lift(claim=claim, actor=caseworker)
        claim.refresh_from_db()
        assert claim.status == status


@pytest.mark.parametrize("status", STATUSES)
def test_transfer_from_every_status(status, caseworker):
    claim = _claim_in(status)
    if ClaimStatus.TRANSFERRED in Claim.TRANSITIONS[status]:
        claim_transfer(claim=claim, actor=caseworker, court="Leeds County Court")
        claim.refresh_from_db()
        assert (claim.status, claim.transfer_court) == (
            ClaimStatus.TRANSFERRED,
            "Leeds County Court",
        )
    else:
        with pytest.raises(TransitionNotAllowed):
            claim_transfer(claim=claim, actor=caseworker, court="Leeds County Court")
        claim.refresh_from_db()
        assert claim.status == status


@pytest.mark.parametrize("status", STATUSES)
def test_access_code_reset_from_every_status(status, caseworker):
    claim = _claim_in(status)
    before = AccessCode.objects.get(claim=claim)
    if status in ACTION_STATES["access_code_reset"]:
        claim_access_code_reset(claim=claim, actor=caseworker)
        before.refresh_from_db()
        assert before.revoked_at is not None
        assert AccessCode.objects.filter(claim=claim, revoked_at__isnull=True).count() == 1
        assert _events(claim, "claim.access_code_reset") == 1
    else:
        with pytest.raises(TransitionNotAllowed):
            claim_access_code_reset(claim=claim, actor=caseworker)
        before.refresh_from_db()
        assert before.is_live


@pytest.mark.parametrize("status", STATUSES)
def test_hwf_decision_only_while_pending(status, caseworker):
    claim = _claim_in(status)
    if status == ClaimStatus.HWF_PENDING:
        return  # covered by tests/civil_claims/test_hwf_decisions.py (claims not yet issued)
    with pytest.raises(TransitionNotAllowed):
        claim_hwf_decide(claim=claim, outcome=HwfOutcome.NONE, actor=caseworker)
    claim.refresh_from_db()
    assert claim.status == status


@pytest.mark.parametrize("status", STATUSES)
def test_a_note_can_be_added_in_every_status(status, caseworker):
    claim = _claim_in(status)
    claim_note_add(claim=claim, actor=caseworker, text="Phoned the claimant")
    assert CaseNote.objects.get(claim=claim).created_by == caseworker
    assert _events(claim, "claim.note_added") == 1


@pytest.mark.parametrize("status", STATUSES)
def test_contact_details_change_from_every_status(status, caseworker):
    from civil_claims.services import party_contact_change

    claim = _claim_in(status)
    defendant = claim.party("defendant")
    changes = {"address_line_1": "9 New Street"}
    if status in ACTION_STATES["contact_change"]:
        party_contact_change(party=defendant, actor=caseworker, changes=changes)
        defendant.refresh_from_db()
        assert defendant.address_line_1 == "9 New Street"
        assert _events(claim, "claim.contact_changed") == 1
    else:
        with pytest.raises(TransitionNotAllowed):
            party_contact_change(party=defendant, actor=caseworker, changes=changes)
        defendant.refresh_from_db()
        assert defendant.address_line_1 == "2 Low Road"


def test_only_contact_details_can_be_changed_that_way(caseworker):
    from civil_claims.services import party_contact_change

    claim = _claim_in(ClaimStatus.OPEN)
    with pytest.raises(ValueError):
        party_contact_change(
            party=claim.party("defendant"), actor=caseworker, changes={"name": "X"}
        )
