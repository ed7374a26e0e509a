"""A money claim's case page shows the defendant's response and any counterclaim."""

from __future__ import annotations

import pytest
from django.urls import reverse

from civil_claims.models import Counterclaim
from civil_claims.models.counterclaim import CounterclaimFeeRoute
from tests.conftest import sign_in

from .factories import claim_issued
from .factories_claimant import claim_answered, full_defence

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, caseworker):
    sign_in(client, caseworker, second_factor=True)
    return client


def _case_page(client, claim) -> str:
    response = client.get(reverse("admin:civil_claims_claim_change", args=[claim.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_part_admission_shows_the_amount_and_the_offer(staff_client):
    claim = claim_answered()
    body = _case_page(staff_client, claim)
    assert "The defendant’s response" in body or "The defendant&#x27;s response" in body
    assert "Admits part of the claim" in body
    assert "£600.00" in body
    assert "every month" in body  # the instalment offer in words


def test_a_defence_with_a_counterclaim_shows_its_fee_not_paid_yet(staff_client):
    claim = claim_answered(**full_defence())
    claim.response.defence = "I never received the goods."
    claim.response.save()
    Counterclaim.objects.create(
        response=claim.response,
        amount_pence=25000,
        reason="Goods never delivered",
        fee_pence=7000,
        fee_route=CounterclaimFeeRoute.CARD,
    )
    body = _case_page(staff_client, claim)
    assert "I never received the goods." in body
    assert "£250.00: Goods never delivered" in body
    assert "£70.00, Pay by debit or credit card: not paid yet" in body


def test_a_claim_not_answered_says_so(staff_client):
    body = _case_page(staff_client, claim_issued())
    assert "No response yet" in body
