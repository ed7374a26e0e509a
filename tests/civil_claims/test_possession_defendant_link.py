"""A possession claim's defendant (the tenant) links the claim with the claim number and the
access code from the claim pack: the code works once, a wrong code, another claim's number
and a used code all get the same error, the look-up is rate limited, and the claim is
then in the tenant's account ("Your applications"). One access-code model and one way to
check and use a code serve money and possession claims."""

import pytest
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from civil_claims.models import AccessCode
from civil_claims.services.defendant import defendant_access_check, possession_access_code_issue
from civil_claims.views_possession_defendant import SESSION_KEY
from digital_services.audit.models import AuditEvent
from tests.accounts.factories import PASSWORD, UserFactory
from tests.conftest import sign_in

from .factories import claim_issued
from .factories_defendant import access_code_from_letter
from .factories_possession_defendant import possession_claim_issued, tenant_code

pytestmark = pytest.mark.django_db

START = reverse("civil_claims:possession-respond-start")
NOT_FOUND = "The claim number and access code do not match a claim you can link to"


@pytest.fixture(autouse=True)
def _no_rate_limits_left_over():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def claim():
    return possession_claim_issued()


def _post(client, number, code):
    return client.post(START, {"claim_number": number, "access_code": code})


def test_the_right_code_is_found_then_linked_when_the_tenant_signs_in(client, claim):
    code = tenant_code(claim)
    response = _post(client, claim.claim_number.lower(), f"{code[:4].lower()} {code[4:]}")
    assert response["Location"] == reverse("civil_claims:possession-respond-sign-in")
    assert code not in str(client.session[SESSION_KEY])  # only the code's id is kept
    link = reverse("civil_claims:possession-respond-link")
    page = client.get(response["Location"]).content.decode()
    assert claim.claim_number in page and f"{reverse('account_signup')}?next={link}" in page

    tenant = UserFactory()
    client.post(reverse("account_login"), {"login": tenant.email, "password": PASSWORD})
    party = claim.defendants[0]
    assert client.get(link).status_code == 200
    assert AccessCode.objects.get(possession_party=party).used_at is None  # not yet used

    done = client.post(link)
    page_url = reverse("civil_claims:possession-respond-claim", args=[claim.reference])
    assert done["Location"] == page_url
    party.refresh_from_db()
    assert party.user == tenant and party.linked_at is not None
    access = AccessCode.objects.get(possession_party=party)
    assert access.used_by == tenant and access.used_at is not None
    assert AuditEvent.objects.filter(
        action="possession_claim.defendant_linked", object_id=str(claim.pk), actor=tenant
    ).exists()
    body = client.get(page_url).content.decode()
    for text in (claim.claim_number, "Lana Lord", "Flat 2, 10 High Street", "£2,850.00"):
        assert text in body, text
    assert "Respond by" in body

    # "Your applications" lists it with a link to its page.
    dashboard = client.get(reverse("accounts:your-applications")).content.decode()
    assert page_url in dashboard and claim.claim_number in dashboard


def _used(claim):
    code = tenant_code(claim)
    other = Client()
    sign_in(other, UserFactory())
    assert _post(other, claim.claim_number, code).status_code == 302
    return claim.claim_number, code


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param(lambda claim: (claim.claim_number, "ABCD2345"), id="wrong code"),
        pytest.param(
            lambda claim: (possession_claim_issued().claim_number, tenant_code(claim)),
            id="another claim's number",
        ),
        pytest.param(_used, id="a used code"),
        pytest.param(
            lambda claim: (
                (money := claim_issued()).claim_number,
                access_code_from_letter(money),
            ),
            id="a money claim's code",
        ),
    ],
)
def test_a_wrong_or_used_pair_gets_one_error_and_keeps_what_was_typed(client, claim, typed):
    number, code = typed(claim)
    response = _post(client, number, code)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in body and NOT_FOUND in body
    assert f'value="{number}"' in body
    assert SESSION_KEY not in client.session
    claim.defendants[0].refresh_from_db()


def test_a_possession_code_does_not_open_a_money_claim_page():
    claim = possession_claim_issued()
    code = tenant_code(claim)
    assert defendant_access_check(claim_number=claim.claim_number, code=code) is None
    assert (
        defendant_access_check(
            claim_number=claim.claim_number, code=code, possession=True
        ).possession_party
        == claim.defendants[0]
    )


def test_a_new_code_replaces_the_old_one_for_that_defendant_only(claim):
    from civil_claims.models import PossessionParty

    second = PossessionParty.objects.create(
        claim=claim,
        role="defendant",
        position=1,
        name="Tina Tenant",
        address_line_1="Flat 2, 10 High Street",
        address_town="Leeds",
        address_postcode="LS1 4AB",
    )
    first_code = tenant_code(claim)
    second_code = possession_access_code_issue(party=second)
    newer = tenant_code(claim)
    check = defendant_access_check
    assert check(claim_number=claim.claim_number, code=first_code, possession=True) is None
    assert check(claim_number=claim.claim_number, code=newer, possession=True)
    assert check(claim_number=claim.claim_number, code=second_code, possession=True)
    with pytest.raises(ValueError):
        possession_access_code_issue(party=claim.claimant)


def test_a_code_belongs_to_one_kind_of_claim(claim):
    money = claim_issued()
    with pytest.raises(IntegrityError), transaction.atomic():
        AccessCode.objects.create(
            claim=money,
            party=money.defendant,
            possession_party=claim.defendants[0],
            code_hash="x" * 64,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        AccessCode.objects.create(code_hash="y" * 64)


def test_a_signed_in_tenant_gets_the_claim_straight_away(client, claim):
    tenant = UserFactory()
    sign_in(client, tenant)
    response = _post(client, claim.claim_number, tenant_code(claim))
    assert response["Location"] == reverse(
        "civil_claims:possession-respond-claim", args=[claim.reference]
    )


def test_the_look_up_is_rate_limited_per_address_and_per_claim_number(client, claim, settings):
    settings.CIVIL_CLAIMS_ACCESS_CODE_RATE_LIMIT = "3/h"
    for n in range(3):
        assert _post(client, claim.claim_number, f"ABCD234{n}").status_code == 200
    code = tenant_code(claim)
    refused = _post(client, claim.claim_number, code)
    assert refused.status_code == 429
    assert "too many times" in refused.content.decode()
    elsewhere = Client(REMOTE_ADDR="192.0.2.77")
    assert _post(elsewhere, claim.claim_number, code).status_code == 429
    assert AccessCode.objects.get(possession_party=claim.defendants[0]).used_at is None


def test_nobody_else_sees_the_tenants_claim_page(client, claim):
    linked = Client()
    sign_in(linked, UserFactory())
    _post(linked, claim.claim_number, tenant_code(claim))
    url = reverse("civil_claims:possession-respond-claim", args=[claim.reference])
    assert linked.get(url).status_code == 200
    assert reverse("account_login") in client.get(url)["Location"]
    other = Client()
    sign_in(other, UserFactory())
    assert other.get(url).status_code == 404


def test_without_a_found_code_the_later_steps_go_back_to_the_start(client):
    sign_in_url = reverse("civil_claims:possession-respond-sign-in")
    assert client.get(sign_in_url)["Location"] == START
    link = reverse("civil_claims:possession-respond-link")
    assert reverse("account_login") in client.get(link)["Location"]
    sign_in(client, UserFactory())
    assert client.get(link)["Location"] == START
