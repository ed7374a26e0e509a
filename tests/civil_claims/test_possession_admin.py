"""Caseworkers see possession claims: the list, the search and the whole case page."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from civil_claims.models import PossessionArrearsRow
from tests.conftest import sign_in

from .factories_possession import possession_claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, caseworker):
    sign_in(client, caseworker, second_factor=True)
    return client


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_caseworker_sees_the_list_and_finds_a_claim_by_reference(staff_client):
    claim = possession_claim(status="hwf_pending", hwf_reference="HWF-A1B-23C")
    listing = reverse("admin:civil_claims_possessionclaim_changelist")
    assert claim.reference_display in _text(staff_client.get(listing))
    found = _text(staff_client.get(listing, {"q": claim.reference.lower()}))
    assert claim.reference_display in found
    assert claim.reference_display not in _text(staff_client.get(listing, {"q": "ZZZZZZZZZZ"}))


def test_the_list_reads_none_of_the_case_pages_relations(staff_client):
    """The list shows a claim's reference, status, country, tenancy and date: the parties,
    grounds, rent statement, hearings and applications the case page shows are read for the
    case page alone (prefetched for every list page, they were five more queries)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from civil_claims.models import PossessionClaim

    claims = [possession_claim(), possession_claim()]
    related = [
        f'FROM "{relation.related_model._meta.db_table}"'
        for relation in PossessionClaim._meta.related_objects
    ]
    with CaptureQueriesContext(connection) as listed:
        page = _text(staff_client.get(reverse("admin:civil_claims_possessionclaim_changelist")))
    assert all(claim.reference_display in page for claim in claims)
    read = [q["sql"] for q in listed.captured_queries if any(t in q["sql"] for t in related)]
    assert read == []

    opened = _text(
        staff_client.get(reverse("admin:civil_claims_possessionclaim_change", args=[claims[0].pk]))
    )
    assert "Terry Tenant" in opened and "Ground 8" in opened


def test_case_page_shows_grounds_with_reasons_the_rent_statement_and_the_fee(staff_client):
    claim = possession_claim(arrears_total_pence=55000, notice_served=False)
    PossessionArrearsRow.objects.create(
        claim=claim,
        position=0,
        due_on=dt.date(2026, 10, 1),
        due_pence=95000,
        paid_pence=40000,
        paid_on=dt.date(2026, 10, 3),
    )
    page = _text(
        staff_client.get(reverse("admin:civil_claims_possessionclaim_change", args=[claim.pk]))
    )
    assert "Ground 8: serious rent arrears Three months unpaid" in page
    assert "Terry Tenant" in page and "Lana Lord" in page
    assert "Daily rent £31.21" in page
    assert "Total arrears £550.00" in page
    assert "Fee £404.00" in page
    assert "No notice served" in page


def test_a_citizen_cannot_open_the_staff_pages(client):
    from tests.tribunal_fees.factories import UserFactory

    claim = possession_claim()
    sign_in(client, UserFactory())
    response = client.get(reverse("admin:civil_claims_possessionclaim_change", args=[claim.pk]))
    assert response.status_code in (302, 403, 404)


def test_deleting_an_account_unlinks_its_possession_claims():
    from civil_claims.models import PossessionClaim
    from civil_claims.service import SERVICE
    from tests.tribunal_fees.factories import UserFactory

    user = UserFactory()
    claim = possession_claim(user=user)
    assert SERVICE.detach_user(user) >= 1
    claim.refresh_from_db()
    assert claim.user is None
    user.delete()  # nothing protects the account any more
    assert PossessionClaim.objects.filter(pk=claim.pk).exists()
