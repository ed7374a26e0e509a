"""Both dashboards show every state of an issued claim in plain words with the next step:
the claimant's claim page and "Your applications", and the defendant's claim page and
theirs; after a response, the next step carries its date."""

import html

import pytest
import time_machine
from django.urls import reverse

from civil_claims.constants import NOT_ISSUED, ClaimStatus, FormaliseOption
from civil_claims.models import Claim, Party
from civil_claims.selectors import claim_next_step, claims_for_user
from civil_claims.selectors_defendant import defendant_claims_for_user, defendant_next_step
from civil_claims.services.claimant import claim_admission_accept
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in

from .factories import claim_in
from .factories_claimant import claim_answered

pytestmark = pytest.mark.django_db

ISSUED = [s for s in ClaimStatus.values if s not in NOT_ISSUED and s != "closed_not_issued"]


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        yield


def _owned(claim: Claim):
    claimant, defendant = UserFactory(), UserFactory()
    Claim.objects.filter(pk=claim.pk).update(user=claimant)
    Party.objects.filter(claim=claim, role="defendant").update(user=defendant)
    claim.refresh_from_db()
    return claimant, defendant


@pytest.mark.parametrize("status", ISSUED)
def test_each_state_shows_on_both_parties_pages_with_the_next_step(client, status):
    claim = claim_in(status)
    claimant, defendant = _owned(claim)
    sign_in(client, claimant)
    page = html.unescape(
        client.get(reverse("civil_claims:claim-detail", args=[claim.reference])).content.decode()
    )
    assert claim.get_status_display() in page
    assert claim_next_step(claim) in page
    sign_in(client, defendant)
    theirs = html.unescape(
        client.get(reverse("civil_claims:respond-claim", args=[claim.reference])).content.decode()
    )
    words = defendant_next_step(claim)
    assert words in theirs and len(words.split()) >= 6
    assert [c.status for c in claims_for_user(claimant)] == [
        f"{claim.get_status_display()}. {claim_next_step(claim)}"
    ]
    assert [c.status for c in defendant_claims_for_user(defendant)] == [
        f"{claim.get_status_display()}. {words}"
    ]


def test_after_a_settlement_each_party_reads_their_own_next_step_and_its_date():
    claim = claim_answered()
    claim_admission_accept(claim=claim, formalise=FormaliseOption.SETTLEMENT, actor=None)
    claim = Claim.objects.get(pk=claim.pk)
    assert "The defendant has until 8 December 2026 to sign" in claim_next_step(claim)
    assert "Sign it by 8 December 2026" in defendant_next_step(claim)


def test_after_a_judgment_request_the_defendant_is_told_it_is_against_them():
    claim = claim_answered()
    claim_admission_accept(claim=claim, formalise=FormaliseOption.CCJ, actor=None)
    claim = Claim.objects.get(pk=claim.pk)
    assert claim_next_step(claim).startswith("You asked for a judgment on 1 December 2026")
    assert defendant_next_step(claim).startswith(
        "The claimant asked for a judgment against you on 1 December 2026 for £600.00"
    )
