"""Every move of a possession claim's status, allowed and refused."""

import pytest

from civil_claims.models import PossessionClaim
from civil_claims.possession_constants import PossessionStatus
from digital_services.audit.models import AuditEvent
from digital_services.core.transitions import TransitionNotAllowed, transition_apply

from .factories_possession import possession_claim

pytestmark = pytest.mark.django_db

STATUSES = list(PossessionStatus.values)


def test_every_status_is_in_the_map_and_every_target_is_a_status():
    assert set(PossessionClaim.TRANSITIONS) == set(STATUSES)
    for targets in PossessionClaim.TRANSITIONS.values():
        assert set(targets) <= set(STATUSES)


def test_the_landlord_side_reaches_issued_by_card_or_help_with_fees():
    moves = PossessionClaim.TRANSITIONS
    assert PossessionStatus.ISSUED in moves[PossessionStatus.AWAITING_PAYMENT]
    assert PossessionStatus.ISSUED in moves[PossessionStatus.HWF_PENDING]
    assert moves[PossessionStatus.CLOSED_NOT_ISSUED] == ()


@pytest.mark.parametrize("source", STATUSES)
@pytest.mark.parametrize("target", STATUSES)
def test_each_move_is_allowed_exactly_when_the_map_says(source, target):
    claim = possession_claim(source)
    if target in PossessionClaim.TRANSITIONS[source]:
        transition_apply(claim, to=target, action="possession_claim.test_move")
        claim.refresh_from_db()
        assert claim.status == target
        assert AuditEvent.objects.filter(
            object_id=str(claim.pk), action="possession_claim.test_move"
        ).exists()
    else:
        with pytest.raises(TransitionNotAllowed):
            transition_apply(claim, to=target, action="possession_claim.test_move")
        claim.refresh_from_db()
        assert claim.status == source
