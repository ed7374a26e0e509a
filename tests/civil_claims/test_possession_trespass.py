"""A possession claim against trespassers: its own short route through the landlord's
journey (no tenancy, grounds, notice or arrears pages), sent and shown as such."""

import pytest
from django.urls import reverse

from civil_claims.journeys.possession import POSSESSION
from civil_claims.models import PossessionClaim
from civil_claims.pdf_possession import possession_claim_pack_pdf
from civil_claims.possession_constants import PossessionStatus
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in
from tests.quality.examples import POSSESSION_CLAIM

from .test_possession_journey import answer, answer_whole_claim, errors, text, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def user(client):
    user = UserFactory()
    sign_in(client, user)
    return user


TENANT_ONLY = {
    "tenancy",
    "daily-rent",
    "tenancy-agreement",
    "grounds",
    "ground-reasons",
    "notice",
    "notice-service",
    "notice-copy",
    "arrears",
    "arrears-details",
    "rent-statement",
    "pre-action",
    "circumstances",
    "certificates",
}


def test_the_trespassers_route_skips_the_tenancy_grounds_and_notice(client):
    answers = answer_whole_claim(client, trespassers={"trespassers": "yes"})
    applying = {
        step.slug
        for section in POSSESSION.sections
        for step in section.steps
        if step.applies(answers)
    }
    assert "trespass" in applying
    assert not applying & TENANT_ONLY
    check = text(client.get(reverse("civil_claims:possession-check")))
    assert "They broke the back door lock" in check
    assert "Daily rent" not in check


def test_a_claim_against_tenants_never_asks_about_trespassers(client):
    answers = answer_whole_claim(client)
    assert not POSSESSION.step_get("trespass")[1].applies(answers)


def test_the_trespass_page_keeps_what_was_typed_and_refuses_a_future_date(client):
    client.get(reverse("civil_claims:possession-start"))
    answer(client, "property", POSSESSION_CLAIM["property"])
    answer(client, "trespassers", {"trespassers": "yes"})
    response = client.post(
        url("trespass"),
        {"known_on_0": "2", "known_on_1": "11", "known_on_2": "2099", "details": "Squatters <b>"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The date you found out must be today or in the past" in page
    assert "Squatters &lt;b&gt;" in page and 'value="2099"' in page
    empty = client.post(
        url("trespass"), {"known_on_0": "", "known_on_1": "", "known_on_2": "", "details": ""}
    )
    assert "Say how the trespassers came to be in the property" in empty.content.decode()


def test_sending_a_trespass_claim_records_it_without_a_tenancy(client, user):
    answer_whole_claim(client, trespassers={"trespassers": "yes"}, fee={"how": "hwf"})
    response = client.post(reverse("civil_claims:possession-check"))
    assert response.status_code == 302, errors(response)
    claim = PossessionClaim.objects.get()
    assert claim.against_trespassers and claim.status == PossessionStatus.HWF_PENDING
    assert claim.tenancy_type == "" and claim.tenancy_start_date is None
    assert not claim.grounds.exists() and claim.arrears_total_pence is None
    assert claim.trespass_known_on.isoformat() == "2026-11-02"
    assert claim.epc_given == "not_applicable"
    page = text(client.get(reverse("civil_claims:possession-confirmation", args=[claim.reference])))
    assert "Trespassers" in page
    claim.claim_number, claim.issue_date = "905MC001", claim.submitted_at.date()
    from io import BytesIO

    from pypdf import PdfReader

    pdf = PdfReader(BytesIO(possession_claim_pack_pdf(claim)))
    words = " ".join(p.extract_text() for p in pdf.pages)
    assert "A claim against trespassers" in words and "back door lock" in words
