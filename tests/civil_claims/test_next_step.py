"""The claimant's dashboard and claim page say, for every state a claim can be in, where it
stands and what happens next, in words (selectors.claim_next_step)."""

import pytest

from civil_claims.constants import ClaimStatus
from civil_claims.selectors import claim_next_step

from .factories import claim_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("status", ClaimStatus.values)
def test_every_state_has_a_sentence_with_the_next_step(status):
    claim = claim_in(status)
    assert claim.status == status
    words = claim_next_step(claim)
    assert words.strip().endswith(".")
    assert len(words.split()) >= 6, words
    # Not just the state's label: the sentence says more than the admin's name for it.
    assert words.rstrip(".") != claim.get_status_display()
