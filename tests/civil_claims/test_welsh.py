"""Issue #20 in Make a money claim (docs/welsh.md): the eligibility questions, the claim
journey and its confirmation, and the defendant's link pages in Welsh; a claim sent from
Welsh pages is a Welsh claim, and its confirmation message goes in Welsh."""

import re

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils.translation import override

from civil_claims.models import Claim
from civil_claims.selectors import claim_next_step
from digital_services.notifications.models import OutboundMessage
from tests.conftest import sign_in
from tests.tribunal_fees.factories import UserFactory

from .journey_answers import answer_whole_claim, eligibility_pass, errors

pytestmark = pytest.mark.django_db

SENT_AT = "2026-03-10 10:00:00+00:00"


def text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.fixture
def welsh(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    return client


def test_an_eligibility_question_and_its_error_are_in_welsh(welsh):
    page = text(welsh.get(reverse("civil_claims:eligibility-claim-value")))
    assert "Ydych chi’n gwybod faint rydych yn ei hawlio?" in page
    assert "Allwch chi ddefnyddio’r gwasanaeth hwn?" in page
    assert "neu lai" in page and "Do you know how much" not in page
    sent = text(welsh.post(reverse("civil_claims:eligibility-claim-value"), {}))
    assert "Dewiswch a ydych yn gwybod faint rydych yn ei hawlio" in sent


def test_a_way_out_says_why_and_where_to_go_in_welsh(welsh):
    page = text(welsh.get(reverse("civil_claims:not-eligible-tenancy-deposit")))
    assert "Ni allwch ddefnyddio’r gwasanaeth hwn ar gyfer hawliad am flaendal tenantiaeth." in page
    assert "darganfod sut i hawlio eich blaendal yn ôl" in page


def test_the_defendant_s_link_page_is_in_welsh(welsh):
    page = text(welsh.get(reverse("civil_claims:respond-start")))
    assert "Ymateb i hawliad am arian" in page and "Rhif yr hawliad" in page
    sent = text(welsh.post(reverse("civil_claims:respond-start"), {}))
    assert "Rhowch rif yr hawliad" in sent and "Rhowch y cod mynediad" in sent


@time_machine.travel(SENT_AT, tick=False)
def test_a_claim_sent_in_welsh_is_a_welsh_claim_with_welsh_pages_and_messages(welsh):
    sign_in(welsh, UserFactory())
    eligibility_pass(welsh)
    answer_whole_claim(welsh, how="hwf")
    check = text(welsh.get(reverse("civil_claims:claim-check")))
    assert "Beth rydych yn ei hawlio" in check and "Ffi’r llys" in check
    response = welsh.post(reverse("civil_claims:claim-check"))
    assert response.status_code == 302, errors(response)
    claim = Claim.objects.get()
    assert claim.language == "cy"
    page = text(welsh.get(reverse("civil_claims:claim-confirmation", args=[claim.reference])))
    assert "Eich hawliad: mae wedi’i anfon" in page
    assert "Byddwn yn gwirio eich cyfeirnod Help i Dalu Ffioedd" in page
    sent = OutboundMessage.objects.filter(object_id=str(claim.pk))
    assert sent.exists() and {message.language for message in sent} == {"cy"}
    with override("cy"):
        assert claim_next_step(claim).startswith("Rydym yn gwirio eich cyfeirnod Help i Dalu")
    with override("en"):
        assert claim_next_step(claim).startswith("We are checking your Help with Fees reference")
