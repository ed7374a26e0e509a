"""A sent claim's pages for its claimant: the claim page (state, deadlines, next step,
sums, what happened, the sealed claim form to download), paying the fee from it, and
nobody else seeing any of it."""

import pytest
from django.urls import reverse

from civil_claims.constants import ClaimStatus
from civil_claims.services import claim_form_seal
from tests.conftest import sign_in
from tests.tribunal_fees.factories import UserFactory

from .factories import claim_issued, claim_submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def user(client):
    user = UserFactory()
    sign_in(client, user)
    return user


def test_claim_page_shows_state_deadlines_history_and_the_sealed_form(client, user):
    claim = claim_issued(user=user)
    page = client.get(reverse("civil_claims:claim-detail", args=[claim.reference]))
    body = page.content.decode()
    assert claim.claim_number in body
    assert "The defendant must respond by" in body
    assert "Claim issued and sent to the defendant" in body
    assert "Your sealed claim form is being made" in body

    claim_form_seal(claim_id=claim.pk)
    body = client.get(reverse("civil_claims:claim-detail", args=[claim.reference])).content
    download = reverse("civil_claims:claim-form-download", args=[claim.reference])
    assert download.encode() in body
    response = client.get(download)
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_download_before_the_form_is_made_is_not_found(client, user):
    claim = claim_issued(user=user)
    download = reverse("civil_claims:claim-form-download", args=[claim.reference])
    assert client.get(download).status_code == 404


def test_a_claim_waiting_for_its_fee_can_be_paid_from_its_page(client, user):
    claim = claim_submitted(user=user)
    assert claim.status == ClaimStatus.AWAITING_PAYMENT
    body = client.get(reverse("civil_claims:claim-detail", args=[claim.reference])).content
    assert b"Pay " in body
    response = client.post(reverse("civil_claims:claim-pay", args=[claim.reference]))
    assert response.status_code == 302
    assert "/payments/sandbox/" in response["Location"]


def test_an_issued_claim_has_nothing_to_pay(client, user):
    claim = claim_issued(user=user)
    response = client.post(reverse("civil_claims:claim-pay", args=[claim.reference]))
    assert response["Location"] == reverse("civil_claims:claim-detail", args=[claim.reference])


@pytest.mark.parametrize("name", ["claim-detail", "claim-confirmation", "claim-form-download"])
def test_another_citizen_gets_not_found_and_a_visitor_is_asked_to_sign_in(client, name):
    owner = UserFactory()
    claim = claim_issued(user=owner)
    claim_form_seal(claim_id=claim.pk)
    url = reverse(f"civil_claims:{name}", args=[claim.reference])
    visitor = client.get(url)
    assert visitor.status_code == 302 and "login" in visitor["Location"]
    sign_in(client, UserFactory())
    assert client.get(url).status_code == 404
