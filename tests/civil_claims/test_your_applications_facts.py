"""Your applications reads what each claim's summary shows with the claim (one query per
kind of claim), and says what the claim's own page says: the same next step whether the
facts (parties, breathing space, hearings, the tenant's response) come from the list's one
query or from the page's reads."""

from __future__ import annotations

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from civil_claims.constants import BreathingSpaceKind, PartyType
from civil_claims.models import PossessionClaim, PossessionParty
from civil_claims.selectors import claim_next_step, claims_with_details
from civil_claims.selectors_defendant import defendant_next_step
from civil_claims.selectors_possession import possession_next_step
from civil_claims.selectors_possession_defendant import possession_defendant_next_step
from civil_claims.service import list_cases
from civil_claims.services import claim_breathing_space_enter
from civil_claims.services.possession_decisions import counterclaim_hwf_decide
from civil_claims.services.possession_response import CounterclaimDraft
from tests.accounts.factories import UserFactory

from .factories import claim_issued, defendant_draft
from .factories_defendant import claim_linked_to
from .factories_possession_decisions import HWF, hearing_listed, responded
from .factories_possession_defendant import possession_claim_issued, possession_claim_linked_to

pytestmark = pytest.mark.django_db


def _paused(claim, caseworker):
    claim_breathing_space_enter(
        claim=claim,
        actor=caseworker,
        kind=BreathingSpaceKind.STANDARD,
        started_on=claim.issue_date,
        reference="BS-1234567",
    )


def _listed(person):
    with CaptureQueriesContext(connection) as queries:
        summaries = {s.reference: s for s in list_cases(person)}
    return summaries, len(queries.captured_queries)


def test_each_summary_says_what_the_claim_s_page_says(caseworker):
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        person = UserFactory()
        own = claim_issued(
            user=person,
            defendant=defendant_draft(
                party_type=PartyType.SOLE_TRADER, name="Sam Slate", trading_name="Slate Roofs"
            ),
        )
        against = claim_linked_to(person)
        for claim in (own, against):
            _paused(claim, caseworker)
        heard = possession_claim_issued(user=person)
        hearing_listed(heard, days_away=20)
        defended = possession_claim_issued(user=person)
        hearing_listed(defended, days_away=30)
        responded(defended, disputes=True)
        tenant = possession_claim_linked_to(person)
        hearing_listed(tenant, days_away=25)
        counterclaim = responded(
            tenant,
            counterclaim=CounterclaimDraft(
                kind="other", amount_pence=None, details="Repair the boiler", hwf_reference=HWF
            ),
        ).counterclaim
        counterclaim_hwf_decide(
            counterclaim=counterclaim, outcome="more_info", note="Payslips", actor=None
        )

        summaries, queries = _listed(person)

        # Read as the claims' own pages read them.
        own, against = (claims_with_details().get(pk=c.pk) for c in (own, against))
        heard, defended = (PossessionClaim.objects.get(pk=c.pk) for c in (heard, defended))
        party = PossessionParty.objects.select_related("claim").get(claim=tenant, user=person)
        expected = {
            own: claim_next_step(own),
            against: defendant_next_step(against),
            heard: possession_next_step(heard),
            defended: possession_next_step(defended),
            party.claim: possession_defendant_next_step(party),
        }

    assert queries == 2
    assert len(summaries) == 5
    for claim, words in expected.items():
        assert summaries[claim.reference_display].status == f"{claim.get_status_display()}. {words}"
    assert "breathing space" in summaries[own.reference_display].status
    assert "The hearing is on 21 December 2026" in summaries[heard.claim_number].status
    assert "disputes the claim" in summaries[defended.claim_number].status
    tenant_words = summaries[tenant.claim_number].status
    assert "We need more information about your Help with Fees: Payslips" in tenant_words
    assert "The hearing is on 26 December 2026" in tenant_words
    assert summaries[own.reference_display].title == (
        "Money claim against Sam Slate trading as Slate Roofs"
    )
    assert summaries[against.reference_display].title == (
        "Money claim made against you by Alex Claimant"
    )
    assert summaries[heard.claim_number].title.startswith("Possession claim: ")
    assert summaries[tenant.claim_number].title.startswith("Possession claim for ")


def test_the_titles_and_the_link_are_in_welsh_on_the_welsh_page():
    person = UserFactory()
    own = claim_issued(user=person)
    against = claim_linked_to(person)
    landlord = possession_claim_issued(user=person)
    tenant = possession_claim_linked_to(person)

    with translation.override("cy"):
        summaries = {s.reference: s for s in list_cases(person)}

    titles = {reference: s.title for reference, s in summaries.items()}
    assert titles[own.reference_display] == "Hawliad am arian yn erbyn Bodge Builders Ltd"
    assert titles[against.reference_display] == (
        "Hawliad am arian a wnaed yn eich erbyn gan Alex Claimant"
    )
    assert titles[landlord.claim_number].startswith("Hawliad meddiant: ")
    assert titles[tenant.claim_number].startswith("Hawliad meddiant ar gyfer ")
    assert {s.action_label for s in summaries.values()} == {"Gweld yr hawliad"}


def test_a_sole_traders_business_name_follows_their_name_in_welsh():
    person = UserFactory()
    own = claim_issued(
        user=person,
        defendant=defendant_draft(
            party_type=PartyType.SOLE_TRADER, name="Sam Slate", trading_name="Slate Roofs"
        ),
    )

    with translation.override("cy"):
        titles = {s.reference: s.title for s in list_cases(person)}

    assert titles[own.reference_display] == (
        "Hawliad am arian yn erbyn Sam Slate yn masnachu fel Slate Roofs"
    )
