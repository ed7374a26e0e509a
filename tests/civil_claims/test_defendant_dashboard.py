""" "Your applications" lists the claims made against the signed-in defendant (linked with an
access code) with the deadline to respond in words; the deadline's words around 16:00."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from civil_claims.selectors_defendant import deadline_in_words, defendant_claims_for_user
from civil_claims.service import SERVICE
from civil_claims.services.defendant import claim_more_time_request
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in

from .factories import claim_issued
from .factories_defendant import claim_linked_to

pytestmark = pytest.mark.django_db

DEADLINE = dt.date(2026, 12, 14)  # a Monday


@pytest.mark.parametrize(
    ("now", "words"),
    [
        ("2026-12-08 10:00 +0000", "4pm on Monday 14 December 2026 (in 6 days)"),
        ("2026-12-13 18:00 +0000", "4pm tomorrow (Monday 14 December 2026)"),
        ("2026-12-14 15:59 +0000", "4pm today (Monday 14 December 2026)"),
        ("2026-12-14 16:00 +0000", "4pm on Monday 14 December 2026 (the deadline has passed)"),
    ],
)
def test_the_deadline_in_words(now, words):
    with time_machine.travel(now, tick=False):
        assert deadline_in_words(DEADLINE, now=timezone.now()) == words


@pytest.mark.parametrize(
    ("now", "words"),
    [
        ("2026-12-08 10:00 +0000", "4yh ar Dydd Llun 14 Rhagfyr 2026 (ymhen 6 diwrnod)"),
        ("2026-12-12 10:00 +0000", "4yh ar Dydd Llun 14 Rhagfyr 2026 (ymhen 2 ddiwrnod)"),
        ("2026-12-13 18:00 +0000", "4yh yfory (Dydd Llun 14 Rhagfyr 2026)"),
        (
            "2026-12-14 16:00 +0000",
            "4yh ar Dydd Llun 14 Rhagfyr 2026 (mae’r dyddiad cau wedi mynd heibio)",
        ),
    ],
)
def test_the_deadline_in_words_in_welsh(now, words):
    with time_machine.travel(now, tick=False), translation.override("cy"):
        assert deadline_in_words(DEADLINE, now=timezone.now()) == words


def test_your_applications_shows_the_claim_against_the_defendant_with_its_deadline(client):
    with time_machine.travel("2026-11-25 10:00 +0000", tick=False):
        defendant = UserFactory()
        claim = claim_linked_to(defendant)
        own = claim_issued(user=defendant)  # a claim the same person made as claimant
    with time_machine.travel("2026-12-08 10:00 +0000", tick=False):
        sign_in(client, defendant)
        body = client.get(reverse("accounts:your-applications")).content.decode()
    assert "Money claim made against you by Alex Claimant" in body
    assert "Respond to the claim by 4pm on Monday 14 December 2026 (in 6 days)" in body
    assert reverse("civil_claims:respond-claim", args=[claim.reference]) in body
    assert reverse("civil_claims:claim-detail", args=[own.reference]) in body


def test_only_the_linked_account_lists_the_claim():
    with time_machine.travel("2026-11-25 10:00 +0000", tick=False):
        defendant = UserFactory()
        claim_linked_to(defendant)
        assert len(defendant_claims_for_user(defendant)) == 1
        assert defendant_claims_for_user(UserFactory()) == []


def test_your_data_lists_the_linked_claim_and_deleting_the_account_unlinks_it():
    with time_machine.travel("2026-11-25 10:00 +0000", tick=False):
        defendant = UserFactory()
        claim = claim_linked_to(defendant)
    [row] = SERVICE.export_user_data(defendant)["money claims made against you"]
    assert row["claim_number"] == claim.claim_number
    assert row["claimant"] == "Alex Claimant"
    assert row["response_deadline"] == "2026-12-14"
    assert SERVICE.export_user_data(UserFactory())["money claims made against you"] == []

    assert SERVICE.detach_user(defendant) == 1
    assert defendant_claims_for_user(defendant) == []
    claim.defendant.refresh_from_db()
    assert claim.defendant.user is None


def test_the_claimants_page_says_the_defendant_was_given_more_time(client):
    with time_machine.travel("2026-11-25 10:00 +0000", tick=False):
        claimant = UserFactory()
        claim = claim_issued(user=claimant)
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        claim_more_time_request(claim=claim)
        sign_in(client, claimant)
        body = client.get(reverse("civil_claims:claim-detail", args=[claim.reference]))
    body = body.content.decode()
    assert "The defendant was given 14 more days to respond" in body
    assert "29 December 2026" in body
