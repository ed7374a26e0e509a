"""Your applications lists a person's claims on either side, one query per kind of claim
(what each summary shows read with it)."""

from __future__ import annotations

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
