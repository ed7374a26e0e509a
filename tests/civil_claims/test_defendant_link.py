"""The defendant links the claim with the claim number and the access code from the letter:
the code works once, a wrong number, a wrong code and a used code all get the same error,
the look-up is rate limited, and the claim is then attached to their account."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from civil_claims.models import AccessCode
from civil_claims.services import claim_access_code_reset, claim_form_seal
from civil_claims.views_defendant import SESSION_KEY
from digital_services.audit.models import AuditEvent
from tests.accounts.factories import PASSWORD, UserFactory
from tests.assisted_digital.factories import agent_helping
from tests.conftest import sign_in

from .factories import claim_issued
from .factories_defendant import access_code_from_letter, messages_about

pytestmark = pytest.mark.django_db

START = reverse("civil_claims:respond-start")
NOT_FOUND = "The claim number and access code do not match a claim you can link to"


@pytest.fixture(autouse=True)
def _no_rate_limits_left_over():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def claim():
    return claim_issued()


def _post(client, number, code):
    return client.post(START, {"claim_number": number, "access_code": code})


def test_the_claim_is_found_then_added_to_the_account_the_defendant_signs_in_to(client, claim):
    code = access_code_from_letter(claim)
    response = _post(client, claim.claim_number.lower(), f"{code[:4].lower()} {code[4:]}")
    assert response.status_code == 302
    assert response["Location"] == reverse("civil_claims:respond-sign-in")
    assert code not in str(client.session[SESSION_KEY])  # only the code's id is kept

    page = client.get(response["Location"]).content.decode()
    assert claim.claim_number in page
    link = reverse("civil_claims:respond-link")
    assert f"{reverse('account_login')}?next={link}" in page
    assert f"{reverse('account_signup')}?next={link}" in page

    defendant = UserFactory()
    signed_in = client.post(
        reverse("account_login"), {"login": defendant.email, "password": PASSWORD, "next": link}
    )
    assert signed_in["Location"] == link
    confirm = client.get(link)
    assert confirm.status_code == 200
    assert defendant.email in confirm.content.decode()
    assert not AccessCode.objects.get(claim=claim).used_at  # not used until confirmed

    done = client.post(link)
    page_url = reverse("civil_claims:respond-claim", args=[claim.reference])
    assert done["Location"] == page_url
    claim.defendant.refresh_from_db()
    assert claim.defendant.user == defendant
    access = AccessCode.objects.get(claim=claim)
    assert access.used_by == defendant and access.used_at is not None
    assert AuditEvent.objects.filter(
        action="claim.defendant_linked", object_id=str(claim.pk), actor=defendant
    ).exists()
    assert SESSION_KEY not in client.session
    assert client.get(page_url).status_code == 200


def test_a_signed_in_defendant_gets_the_claim_straight_away(client, claim):
    defendant = UserFactory()
    sign_in(client, defendant)
    response = _post(client, claim.claim_number, access_code_from_letter(claim))
    assert response["Location"] == reverse("civil_claims:respond-claim", args=[claim.reference])
    claim.defendant.refresh_from_db()
    assert claim.defendant.user == defendant


def _used(claim):
    code = access_code_from_letter(claim)
    signed_in = Client()
    sign_in(signed_in, UserFactory())
    assert _post(signed_in, claim.claim_number, code).status_code == 302
    return claim.claim_number, code


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param(lambda claim: (claim.claim_number, "ABCD2345"), id="wrong code"),
        pytest.param(
            lambda claim: (claim_issued().claim_number, access_code_from_letter(claim)),
            id="another claim's number",
        ),
        pytest.param(
            lambda claim: ("999MC999", access_code_from_letter(claim)), id="no such claim"
        ),
        pytest.param(_used, id="a used code"),
    ],
)
def test_a_wrong_or_used_pair_gets_one_error_that_does_not_say_which_was_wrong(
    client, claim, typed
):
    number, code = typed(claim)
    response = _post(client, number, code)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in body
    assert 'class="govuk-error-summary"' in body
    assert NOT_FOUND in body
    assert "claim number is wrong" not in body.lower() and "code is wrong" not in body.lower()
    assert f'value="{number}"' in body  # what was typed is kept
    assert SESSION_KEY not in client.session


def test_each_field_explains_its_own_mistake(client):
    response = _post(client, "12345", "AB")
    body = response.content.decode()
    assert "<title>Error: " in body
    assert "Enter the claim number as it is shown on the letter, like 123MC456" in body
    assert "Enter the access code as it is shown on the letter: 8 letters and numbers" in body
    assert 'value="12345"' in body and 'value="AB"' in body
    empty = _post(client, "", "").content.decode()
    assert "Enter the claim number" in empty and "Enter the access code" in empty


def test_a_replaced_code_is_refused_and_the_new_one_moves_the_claim(client, claim, caseworker):
    first = UserFactory()
    sign_in(client, first)
    old_code = access_code_from_letter(claim)
    assert _post(client, claim.claim_number, old_code).status_code == 302
    claim_access_code_reset(claim=claim, actor=caseworker)
    new_code = access_code_from_letter(claim)
    assert new_code != old_code

    second = Client()
    sign_in(second, UserFactory())
    assert NOT_FOUND in _post(second, claim.claim_number, old_code).content.decode()
    assert _post(second, claim.claim_number, new_code).status_code == 302
    claim.defendant.refresh_from_db()
    assert claim.defendant.user != first
    page = reverse("civil_claims:respond-claim", args=[claim.reference])
    assert client.get(page).status_code == 404  # the first account no longer has it


def test_a_code_used_elsewhere_while_signing_in_is_refused_at_the_end(client, claim):
    code = access_code_from_letter(claim)
    assert _post(client, claim.claim_number, code).status_code == 302
    _used_elsewhere = Client()
    sign_in(_used_elsewhere, UserFactory())
    assert _post(_used_elsewhere, claim.claim_number, code).status_code == 302

    sign_in(client, UserFactory())
    response = client.post(reverse("civil_claims:respond-link"))
    assert response.status_code == 200
    assert "<title>Error: " in response.content.decode()
    assert NOT_FOUND in response.content.decode()


def test_the_look_up_is_rate_limited_per_address_and_per_claim_number(client, claim, settings):
    settings.CIVIL_CLAIMS_ACCESS_CODE_RATE_LIMIT = "3/h"
    for n in range(3):
        assert _post(client, claim.claim_number, f"ABCD234{n}").status_code == 200
    code = access_code_from_letter(claim)
    refused = _post(client, claim.claim_number, code)
    assert refused.status_code == 429
    assert "You have tried to enter a claim number and access code too many times" in (
        refused.content.decode()
    )

    elsewhere = Client(REMOTE_ADDR="192.0.2.77")  # the same claim number from another address
    assert _post(elsewhere, claim.claim_number, code).status_code == 429
    other = claim_issued()
    assert _post(elsewhere, other.claim_number, access_code_from_letter(other)).status_code == 302
    assert AccessCode.objects.get(claim=claim).used_at is None


def test_without_a_found_code_the_later_steps_go_back_to_the_start(client):
    assert client.get(reverse("civil_claims:respond-sign-in"))["Location"] == START
    link = reverse("civil_claims:respond-link")
    assert reverse("account_login") in client.get(link)["Location"]
    sign_in(client, UserFactory())
    assert client.get(link)["Location"] == START


def test_the_defendants_claim_page_shows_the_claim_and_what_to_do(client):
    claim = claim_issued()
    defendant = UserFactory()
    sign_in(client, defendant)
    _post(client, claim.claim_number, access_code_from_letter(claim))
    page_url = reverse("civil_claims:respond-claim", args=[claim.reference])
    body = client.get(page_url).content.decode()
    for text in (
        claim.claim_number,
        "Alex Claimant",
        "Bodge Builders Ltd",
        "£1,250.50",  # amount claimed
        "Interest to the date of issue",
        "8% a year",
        "Court fee",
        "Respond to the claim by 4pm on",
        "Ask for 14 more days",
        "The sealed claim form is being made",
    ):
        assert text in body, text

    claim_form_seal(claim_id=claim.pk)
    download = reverse("civil_claims:respond-claim-form-download", args=[claim.reference])
    assert download in client.get(page_url).content.decode()
    response = client.get(download)
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_nobody_else_sees_the_defendants_claim_page(client, claim):
    linked = Client()
    sign_in(linked, UserFactory())
    _post(linked, claim.claim_number, access_code_from_letter(claim))
    claim_form_seal(claim_id=claim.pk)
    for name in ("respond-claim", "respond-claim-form-download", "respond-more-time"):
        url = reverse(f"civil_claims:{name}", args=[claim.reference])
        assert reverse("account_login") in client.get(url)["Location"]
        other = Client()
        sign_in(other, UserFactory())
        assert other.get(url).status_code == 404
    # Nor does the claimant's own page open for the defendant.
    mine = reverse("civil_claims:claim-detail", args=[claim.reference])
    assert linked.get(mine).status_code == 404


def test_an_agent_links_the_claim_to_the_citizen_they_are_helping(claim):
    citizen = UserFactory(full_name="Dee Fendant")
    agent_client = agent_helping(citizen)
    response = _post(agent_client, claim.claim_number, access_code_from_letter(claim))
    page_url = reverse("civil_claims:respond-claim", args=[claim.reference])
    assert response["Location"] == page_url
    claim.defendant.refresh_from_db()
    assert claim.defendant.user == citizen
    event = AuditEvent.objects.get(action="claim.defendant_linked", object_id=str(claim.pk))
    assert (event.actor, event.on_behalf_of) == (agent_client.agent, citizen)
    assert agent_client.get(page_url).status_code == 200


def test_the_claim_letter_sends_the_defendant_to_this_page(claim):
    letter = next(m for m in messages_about(claim) if "access_code" in m.personalisation)
    assert letter.personalisation["respond_url"] == f"http://testserver{START}"
