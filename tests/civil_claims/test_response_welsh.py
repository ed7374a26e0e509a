"""Issue #20 in Make a money claim after the claim is issued (docs/welsh.md): the claim's
page, the defendant's response as the claimant sees it and their reply pages, the
defendant's claim page, "your response has been sent" and the settlement to sign, in Welsh:
``<html lang="cy">`` and no English string of our catalogues (the page gate's own check),
with their errors too. The response journey itself is walked in Welsh by the page gate
(tests/quality/welsh)."""

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from civil_claims.constants import FormaliseOption
from civil_claims.services.claimant import claim_admission_accept
from civil_claims.services.defendant import defendant_access_check, defendant_claim_link
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in
from tests.quality.welsh.test_welsh_pages import welsh_problems

from .factories import claim_draft
from .factories_claimant import claim_answered, full_defence
from .factories_defendant import access_code_from_letter

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        yield


def _url(name, claim):
    return reverse(f"civil_claims:{name}", args=[claim.reference])


def _welsh(client, user):
    sign_in(client, user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    return client


def _typed(value, found=None) -> set[str]:
    """The strings the claim factory answers with: the people's own words, shown as typed."""
    found = set() if found is None else found
    if isinstance(value, str):
        found.add(value)
    elif isinstance(value, dict):
        for item in value.values():
            _typed(item, found)
    elif isinstance(value, list | tuple):
        for item in value:
            _typed(item, found)
    elif hasattr(value, "__dict__"):
        _typed(vars(value), found)
    return found


TYPED = _typed(claim_draft())


def _in_welsh(client, path, *, send_empty=False) -> str:
    """The page at ``path`` (and, with ``send_empty``, its error page) has no English."""
    page = client.get(path)
    assert page.status_code == 200, path
    body = page.content.decode()
    problems = welsh_problems(body, path, TYPED)
    if send_empty:
        sent = client.post(path, {})
        assert sent.status_code == 200, path
        assert 'class="govuk-error-summary"' in sent.content.decode()
        problems += welsh_problems(sent.content.decode(), f"{path} (sent empty)", TYPED)
    assert not problems, "\n".join(problems)
    return body


def _linked(claim, user):
    access = defendant_access_check(
        claim_number=claim.claim_number, code=access_code_from_letter(claim)
    )
    return defendant_claim_link(access_code_id=access.pk, user=user)


def test_the_claimant_s_pages_after_a_response_are_in_welsh(client):
    claimant = UserFactory()
    claim = claim_answered(user=claimant)
    _welsh(client, claimant)

    detail = _in_welsh(client, _url("claim-detail", claim))
    assert "Ymatebodd y diffynnydd ar 1 Rhagfyr 2026" in detail
    assert "Beth sydd wedi digwydd" in detail and "Hawliad wedi’i gyhoeddi" in detail
    response = _in_welsh(client, _url("claim-response", claim), send_empty=True)
    assert "Ymateb y diffynnydd" in response and "Yn derbyn rhan o’r hawliad" in response
    assert "bob mis o 4 Ionawr 2027" in response  # the offer, in Welsh words and dates
    plan = _in_welsh(client, _url("claim-reply-plan", claim), send_empty=True)
    assert "Awgrymu sut y dylai’r diffynnydd dalu" in plan
    accept = _in_welsh(client, _url("claim-reply-accept", claim), send_empty=True)
    assert "Sut ydych chi eisiau gwneud y cytundeb yn ffurfiol?" in accept


def test_going_ahead_and_a_refusal_are_in_welsh(client):
    claimant = UserFactory()
    claim = claim_answered(user=claimant, **full_defence(free_mediation=True))
    _welsh(client, claimant)

    page = _in_welsh(client, _url("claim-reply-go-ahead", claim), send_empty=True)
    assert "Cytunodd y diffynnydd i roi cynnig ar gyfryngu am ddim." in page
    refused = _in_welsh(client, _url("claim-reply-plan", claim))
    assert "Ni allwch wneud hyn nawr" in refused


def test_the_defendant_s_pages_after_their_response_are_in_welsh(client):
    claimant, defendant = UserFactory(), UserFactory()
    claim = claim_answered(user=claimant)
    _linked(claim, defendant)
    _welsh(client, defendant)

    page = _in_welsh(client, _url("respond-claim", claim))
    assert "Eich ymateb" in page and "Gwnaethoch ymateb ar 1 Rhagfyr 2026" in page
    sent = _in_welsh(client, _url("respond-sent", claim))
    assert "Mae eich ymateb wedi’i anfon" in sent

    claim_admission_accept(claim=claim, formalise=FormaliseOption.SETTLEMENT, actor=claimant)
    page = _in_welsh(client, _url("respond-claim", claim))
    assert "Llofnodi’r cytundeb setlo" in page
    settlement = _in_welsh(client, _url("respond-settlement", claim), send_empty=True)
    assert "Llofnodwch erbyn 8 Rhagfyr 2026" in settlement


def test_the_same_pages_stay_in_english(client):
    claimant = UserFactory()
    claim = claim_answered(user=claimant)
    sign_in(client, claimant)
    page = client.get(_url("claim-response", claim)).content.decode()
    assert '<html lang="en' in page
    assert "The defendant’s response" in page and "Admits part of the claim" in page
    assert "£50.00 every month from 4 January 2027" in page
