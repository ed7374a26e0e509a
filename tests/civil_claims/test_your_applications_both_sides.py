"""Your applications lists a person's claims on either side, one query per kind of claim
(what each summary shows read with it)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civil_claims.service import list_cases
from tests.accounts.factories import UserFactory

from .factories import claim_issued
from .factories_defendant import claim_linked_to
from .factories_possession_defendant import possession_claim_issued, possession_claim_linked_to

pytestmark = pytest.mark.django_db


def test_a_person_on_both_sides_of_both_kinds_of_claim_sees_all_four():
    with time_machine.travel("2026-11-25 10:00 +0000", tick=False):
        person = UserFactory()
        own = claim_issued(user=person)
        against = claim_linked_to(person)
        landlord = possession_claim_issued(user=person)
        tenant = possession_claim_linked_to(person)
        claim_issued(user=UserFactory())  # someone else's: not listed
        with CaptureQueriesContext(connection) as queries:
            summaries = list_cases(person)

    titles = {s.reference: s.title for s in summaries}
    assert len(summaries) == 4
    assert titles[own.reference_display].startswith("Money claim against")
    assert titles[against.reference_display].startswith("Money claim made against you")
    assert titles[landlord.reference_display].startswith("Possession claim: ")
    assert titles[tenant.reference_display].startswith("Possession claim for ")
    # One query per kind of claim, with everything its summaries show (no prefetch).
    sqls = [q["sql"] for q in queries.captured_queries]
    assert len(sqls) == 2
    assert sum('FROM "civil_claims_claim" ' in sql for sql in sqls) == 1
    assert sum('FROM "civil_claims_possessionclaim" ' in sql for sql in sqls) == 1


def test_nobody_signed_in_sees_nothing():
    from django.contrib.auth.models import AnonymousUser

    assert list_cases(AnonymousUser()) == []


def test_the_compiled_lists_read_what_their_querysets_read(caseworker):
    """The lists' SQL is built once per process (``CompiledQuery``): each claim comes back as
    the queryset itself makes it (the joined response, reply, judgment and order; the parties,
    breathing space, hearings and the tenant's response and counterclaim facts), on both sides
    of both kinds of claim, for each person only their own."""
    from civil_claims.selectors_defendant import _MONEY_CLAIMS, _money_claims_of
    from civil_claims.selectors_possession_defendant import (
        _POSSESSION_CLAIMS,
        _possession_claims_of,
    )
    from civil_claims.services import claim_breathing_space_enter
    from civil_claims.services.possession_response import CounterclaimDraft
    from tests.core.test_compiled_query import snapshot

    from .factories_possession_decisions import hearing_listed, responded

    with time_machine.travel("2026-11-25 10:00 +0000", tick=False):
        person, other = UserFactory(), UserFactory()
        own = claim_issued(user=person)
        claim_breathing_space_enter(
            claim=own,
            actor=caseworker,
            kind="standard",
            started_on=dt.date(2026, 11, 24),
            reference="BS-1234567",
        )
        claim_linked_to(person)
        hearing_listed(possession_claim_issued(user=person))
        tenant = possession_claim_linked_to(person)
        responded(
            tenant,
            counterclaim=CounterclaimDraft(kind="other", amount_pence=None, details="Repairs"),
            party=tenant.defendants[0],
        )
        claim_issued(user=other)
        possession_claim_linked_to(other)

        for person_id in (person.pk, other.pk, UserFactory().pk):
            for compiled, build in (
                (_MONEY_CLAIMS, _money_claims_of),
                (_POSSESSION_CLAIMS, _possession_claims_of),
            ):
                expected = [snapshot(claim) for claim in build(user_id=person_id)]
                assert [snapshot(c) for c in compiled.rows(user_id=person_id)] == expected

        money = _MONEY_CLAIMS.rows(user_id=person.pk)
        possession = _POSSESSION_CLAIMS.rows(user_id=person.pk)
    assert len(money) == 2 and len(possession) == 2
    assert {c.breathing_space_from for c in money} == {dt.date(2026, 11, 24), None}
    linked = next(c for c in possession if c.pk == tenant.pk)
    assert linked.listed_tenant_responded is True
    assert linked.listed_counterclaim["status"]
    assert any(c.listed_hearing_first_at for c in possession)
