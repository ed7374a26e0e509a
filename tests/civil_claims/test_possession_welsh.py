"""Issue #20 in possession claims (docs/welsh.md): the landlord's and the tenant's pages that
take a claim's reference (so neither page discovery nor the journey walk reaches them) in
Welsh, each checked as the page gate checks a page: ``<html lang="cy">`` and no text node
that is an English string of our catalogues. Forms are sent empty too, for their errors."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from civil_claims.models import PossessionHearing
from civil_claims.possession_constants import PossessionStatus
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in
from tests.quality.welsh.test_welsh_pages import welsh_problems

from .factories_possession import possession_claim
from .factories_possession_defendant import possession_claim_linked_to

pytestmark = pytest.mark.django_db
S = PossessionStatus


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _welsh_page(client, url: str, *, post: dict | None = None) -> str:
    response = client.post(url, post) if post is not None else client.get(url)
    assert response.status_code == 200, url
    problems = welsh_problems(response.content.decode(), url)
    assert not problems, "\n".join(problems)
    return _text(response)


@pytest.fixture
def welsh(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    return client


def test_the_landlords_confirmation_is_in_welsh(welsh):
    landlord = UserFactory()
    claim = possession_claim(S.AWAITING_PAYMENT, user=landlord)
    sign_in(welsh, landlord)
    page = _welsh_page(
        welsh, reverse("civil_claims:possession-confirmation", args=[claim.reference])
    )
    assert "Mae eich hawliad meddiant wedi’i anfon" in page
    assert "Ffi’r llys yw £404.00" in page and "Terry Tenant" in page
    assert "Sail 8: ôl-ddyledion rhent difrifol" in page


@time_machine.travel("2027-02-10 10:00 +0000", tick=False)
def test_the_landlords_claim_and_warrant_pages_are_in_welsh(welsh):
    landlord = UserFactory()
    claim = possession_claim(
        S.POSSESSION_ORDERED,
        user=landlord,
        claim_number="904MC001",
        issue_date=dt.date(2026, 12, 1),
        order_possession_on=dt.date(2027, 2, 1),
    )
    sign_in(welsh, landlord)
    page = _welsh_page(welsh, reverse("civil_claims:possession-claim", args=[claim.reference]))
    assert "Eich hawliad am feddiant o Flat 2, 10 High Street" in page
    assert "Gorchymyn meddiant llwyr" in page and "Gofyn am warant meddiant" in page
    assert "rhaid i’r diffynyddion adael erbyn 1 Chwefror 2027" in page
    url = reverse("civil_claims:possession-warrant", args=[claim.reference])
    page = _welsh_page(welsh, url)
    assert "Y ffi am warant meddiant yw £148.00" in page
    page = _welsh_page(welsh, url, post={})
    assert "Dewiswch pam rydych yn gofyn am warant" in page


def test_the_landlords_help_with_fees_reference_page_is_in_welsh(welsh):
    landlord = UserFactory()
    claim = possession_claim(
        S.HWF_AWAITING_CLAIMANT, user=landlord, hwf_reference="HWF-A1B-23C", hwf_outcome="invalid"
    )
    sign_in(welsh, landlord)
    url = reverse("civil_claims:possession-hwf-reference", args=[claim.reference])
    assert "Rhowch eich cyfeirnod Help i Dalu Ffioedd" in _welsh_page(welsh, url)
    _welsh_page(welsh, url, post={})


@pytest.fixture
def tenant_claim(welsh):
    tenant = UserFactory()
    sign_in(welsh, tenant)
    claim = possession_claim_linked_to(tenant, issue_date=dt.date(2026, 11, 2))
    PossessionHearing.objects.create(
        claim=claim,
        kind="first",
        starts_at=timezone.now() + dt.timedelta(days=20),
        duration_hours=1,
        notice_wording="Possession hearing at Leeds County Court",
    )
    return claim


def test_the_tenants_application_page_and_its_errors_are_in_welsh(welsh, tenant_claim):
    url = reverse("civil_claims:possession-application-new", args=[tenant_claim.reference])
    page = _welsh_page(welsh, url)
    assert "Gwneud cais i’r llys ynglŷn â’r hawliad" in page
    assert "Mae gofyn am ohirio’r gwrandawiad am ddim" in page
    page = _welsh_page(welsh, url, post={})
    assert "Dewiswch beth rydych yn gwneud cais amdano" in page


def test_the_tenants_claim_page_template_is_in_welsh(welsh, tenant_claim):
    page = _text(
        welsh.get(reverse("civil_claims:possession-respond-claim", args=[tenant_claim.reference]))
    )
    assert "Eich gwrandawiad" in page and "Pam mae’r hawlydd eisiau meddiant" in page
    assert "Sail 8: ôl-ddyledion rhent difrifol" in page and "Gwneud cais" in page
    assert "Why the claimant wants possession" not in page


def test_english_pages_are_unchanged(client, tenant_claim):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = _text(
        client.get(reverse("civil_claims:possession-respond-claim", args=[tenant_claim.reference]))
    )
    assert "Why the claimant wants possession" in page
    assert "Ground 8: serious rent arrears" in page
