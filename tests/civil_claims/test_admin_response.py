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


def _defended_with_counterclaim():
    """A claim defended with a counterclaim of £250.00, its £70.00 fee to pay by card."""
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
    return claim


def test_a_defence_with_a_counterclaim_shows_its_fee_not_paid_yet(staff_client):
    claim = _defended_with_counterclaim()
    body = _case_page(staff_client, claim)
    assert "I never received the goods." in body
    assert "£250.00: Goods never delivered" in body
    assert "£70.00, Pay by debit or credit card: not paid yet" in body


def test_a_claim_not_answered_says_so(staff_client):
    body = _case_page(staff_client, claim_issued())
    assert "No response yet" in body


def _loaded(obj, depth: int = 0) -> dict:
    """An instance's fields and what is cached on it (joined and prefetched), recursively."""
    found = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    if depth < 3:
        for name, related in obj._state.fields_cache.items():
            found[name] = None if related is None else _loaded(related, depth + 1)
        for name, rows in getattr(obj, "_prefetched_objects_cache", {}).items():
            found[f"prefetched {name}"] = sorted(row.pk for row in rows)
    return found


@pytest.mark.parametrize("answered", [True, False])
def test_the_case_pages_compiled_claim_is_djangos(answered, rf, caseworker):
    """The claim the case page opens (its SQL compiled once per process) has the same fields,
    joins and prefetches as Django's get_object gives through the admin's queryset."""
    from django.contrib import admin

    from civil_claims.models import Claim

    claim = _defended_with_counterclaim() if answered else claim_issued()
    model_admin = admin.site._registry[Claim]
    request = rf.get("/")
    request.user = caseworker

    compiled = model_admin.get_object(request, str(claim.pk))
    djangos = model_admin.get_object(request, str(claim.pk), from_field="id")  # Django's path

    assert _loaded(compiled) == _loaded(djangos)
    assert "response" in compiled._state.fields_cache
    assert model_admin.get_object(request, "999999999") is None


def test_a_scoped_admin_queryset_is_not_bypassed(rf, caseworker):
    """If the admin's list is ever filtered for the user, the case page uses it."""
    from unittest import mock

    from django.contrib import admin

    from civil_claims.models import Claim

    claim = claim_issued()
    model_admin = admin.site._registry[Claim]
    request = rf.get("/")
    request.user = caseworker
    with mock.patch.object(
        type(model_admin), "get_queryset", lambda self, r: Claim.objects.filter(pk=-1)
    ):
        assert model_admin.get_object(request, str(claim.pk)) is None
