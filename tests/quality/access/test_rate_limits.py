"""Sign-in, codes, password resets, emailed links, feedback and reference look-ups are rate limited.

Each ``RateLimit`` makes ``limit`` requests that are served, then one more that is
refused. Reference look-ups (a page that finds a case by the reference in its URL)
are discovered from the URL patterns: each must be either rate limited (listed in
``REFERENCE_LOOKUPS``) or narrowed to the case's owner (``OWNER_ONLY_LOOKUPS``, where
another citizen's reference gives 404, as the matrix checks).
"""

from dataclasses import dataclass

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from digital_services.journeys.constants import RESUME_LINKS_PER_HOUR
from digital_services.performance.views import RATE_LIMITED_MESSAGE
from tests.journeys.helpers import APPLY_URL

from .matrix import declared_owner_only
from .patterns import url_patterns
from .world import CITIZEN_A, PASSWORD, World

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class RateLimit:
    name: str
    limit: object  # a number, the name of the setting holding it, or a function
    attempt: object  # (client, world, number) -> response
    refused: object  # (response) -> bool


def _allauth_refused(response) -> bool:
    html = response.content.decode()
    return response.status_code == 429 or "too many" in html.lower()


def _login_wrong(client, world, number):
    return client.post(
        reverse("account_login"),
        {"login": world.user(CITIZEN_A).email, "password": f"wrong-{number}"},
    )


def _login_many_accounts(client, world, number):
    return client.post(
        reverse("account_login"), {"login": f"nobody{number}@example.com", "password": "x"}
    )


def _request_code(client, world, number):
    # A fresh browser each time, as someone flooding an inbox would use.
    return Client().post(
        reverse("account_request_login_code"), {"email": world.user(CITIZEN_A).email}
    )


def _code_refused(response) -> bool:
    return response.status_code == 200 and "You have tried to sign in too many times" in (
        response.content.decode()
    )


def _reset_password(client, world, number):
    return client.post(reverse("account_reset_password"), {"email": world.user(CITIZEN_A).email})


def _signup(client, world, number):
    return client.post(
        reverse("account_signup"),
        {
            "email": f"new{number}@example.com",
            "password1": "a-long-password-1",
            "password2": "a-long-password-1",
        },
    )


def _feedback(client, world, number):
    return client.post(reverse("performance:feedback"), {"rating": "5"})


def _contact(client, world, number):
    return client.post(reverse("performance:contact"), {"topic": "other", "message": "Hello"})


def _resume_link(client, world, number):
    if number == 0:
        client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    return client.post(APPLY_URL + "save/", {"email": "ann@example.com"})


RATE_LIMITS = [
    # django-axes: the failure that reaches AXES_FAILURE_LIMIT locks the account.
    RateLimit(
        "sign-in failures for one account",
        lambda: django_settings.AXES_FAILURE_LIMIT - 1,
        _login_wrong,
        lambda r: r.status_code == 429,
    ),
    # allauth: sign-in attempts per address, whatever the account.
    RateLimit(
        "sign-in attempts from one address",
        30,
        _login_many_accounts,
        lambda r: r.status_code == 429,
    ),
    RateLimit("sign-in codes asked for one email address", 3, _request_code, _code_refused),
    RateLimit("password resets for one email address", 5, _reset_password, _allauth_refused),
    RateLimit("sign-ups from one address", 20, _signup, lambda r: r.status_code == 429),
    RateLimit(
        "feedback from one address",
        "PERFORMANCE_FEEDBACK_RATE_LIMIT",
        _feedback,
        lambda r: r.status_code == 429 and str(RATE_LIMITED_MESSAGE) in r.content.decode(),
    ),
    RateLimit(
        "contact form messages from one address",
        "PERFORMANCE_FEEDBACK_RATE_LIMIT",
        _contact,
        lambda r: r.status_code == 429 and "You have sent too many messages" in r.content.decode(),
    ),
    RateLimit(
        "links to continue an application emailed for one draft",
        RESUME_LINKS_PER_HOUR,
        _resume_link,
        lambda r: "You have asked for too many links" in r.content.decode(),
    ),
]


def _limit(value) -> int:
    if callable(value):
        return value()
    if isinstance(value, int):
        return value
    setting = getattr(django_settings, value)
    return int(str(setting).split("/")[0])


@pytest.mark.urls("tests.quality.access.urls")
@pytest.mark.parametrize("case", RATE_LIMITS, ids=[c.name for c in RATE_LIMITS])
def test_requests_over_the_limit_are_refused(case):
    world = World(roles=(CITIZEN_A,))
    client = Client()
    limit = _limit(case.limit)

    served = [case.attempt(client, world, n) for n in range(limit - 1)]
    last_served = case.attempt(client, world, limit - 1)
    over = case.attempt(client, world, limit)

    assert not any(case.refused(r) for r in [*served, last_served]), case.name
    assert case.refused(over), f"{case.name}: request {limit + 1} was served"


def test_a_locked_account_is_refused_even_with_the_right_password(settings):
    world = World(roles=(CITIZEN_A,))
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login_wrong(client, world, n)

    response = client.post(
        reverse("account_login"), {"login": world.user(CITIZEN_A).email, "password": PASSWORD}
    )

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


# Reference look-ups --------------------------------------------------------------------


#: URL name -> RateLimit-style (limit, refused) for pages that find a case by reference
#: for anyone who knows it. None yet: prison visit status by reference (issue #6) and
#: the other services add theirs here.
def _visit_find(client, world, number):
    # A wrong reference each time: someone trying references one after another.
    return client.post(
        reverse("prison_visits:visit-find"),
        {
            "reference": f"ZZZZ{number:04d}",
            "date_of_birth_0": "1",
            "date_of_birth_1": "1",
            "date_of_birth_2": "1980",
        },
    )


def _fee_find(client, world, number):
    # A wrong email address each time: someone guessing whose fee a reference is.
    return client.post(
        reverse("tribunal_fees:fee-find"),
        {"reference": "TF-ABC-DEF", "email": f"guess{number}@example.com"},
    )


def _respond_link(client, world, number):
    # A wrong access code each time for one claim number: someone guessing the code.
    return client.post(
        reverse("civil_claims:respond-start"),
        {"claim_number": "123MC456", "access_code": f"ABCD{number:04d}"},
    )


def _hwf_link(client, world, number):
    # Citizen A's own fee and a Help with Fees reference that is not a decision.
    from tests.quality.access.matrix.entries import _tribunal_fees_cases

    client.force_login(world.user(CITIZEN_A))
    fee_case = _tribunal_fees_cases(world)["feecase"]
    return client.post(
        reverse("tribunal_fees:fee-hwf-link", args=[fee_case.reference]),
        {"reference": "HWF-ABC-DEF"},
    )


def _attorney_link(client, world, number):
    # A code of the right shape but wrong each time, for one LPA: guessing an attorney's code.
    from digital_services.core.references import reference_new

    client.force_login(world.user(CITIZEN_A))
    return client.post(
        reverse("lasting_power:attorney-link"),
        {"reference": "A123 4567 89AB", "access_code": reference_new(length=12)},
    )


REFERENCE_LOOKUPS: dict[str, RateLimit] = {
    # An attorney adds a registered LPA with its reference and their letter's access code.
    "lasting_power:attorney-link": RateLimit(
        "LPA reference and access code look-ups from one address",
        "LASTING_POWER_ACCESS_CODE_RATE_LIMIT",
        _attorney_link,
        lambda r: r.status_code == 429,
    ),
    # A defendant links a money claim with its claim number and their letter's access code.
    "civil_claims:respond-start": RateLimit(
        "claim number and access code look-ups from one address",
        "CIVIL_CLAIMS_ACCESS_CODE_RATE_LIMIT",
        _respond_link,
        lambda r: r.status_code == 429,
    ),
    # "Already received a decision?": a Help with Fees reference typed on one's own fee.
    "tribunal_fees:fee-hwf-link": RateLimit(
        "Help with Fees decision look-ups from one address",
        "TRIBUNAL_FEES_LOOKUP_RATE_LIMIT",
        _hwf_link,
        lambda r: r.status_code == 429,
    ),
    # Check a prison visit with its reference and the main visitor's date of birth.
    "prison_visits:visit-find": RateLimit(
        "prison visit look-ups from one address",
        "PRISON_VISITS_LOOKUP_RATE_LIMIT",
        _visit_find,
        lambda r: r.status_code == 429,
    ),
    # Find a fee sent without an account with its reference and the payer's email address.
    "tribunal_fees:fee-find": RateLimit(
        "fee look-ups from one address",
        "TRIBUNAL_FEES_LOOKUP_RATE_LIMIT",
        _fee_find,
        lambda r: r.status_code == 429,
    ),
}

#: Pages that take a reference but show the case only to its owner (login required,
#: narrowed in a selector): enumeration gives nothing but 404s. Say where that is checked.
OWNER_ONLY_LOOKUPS: dict[str, str] = {
    # Prison visits: the owner, or a browser session that sent the request or proved the
    # main visitor's date of birth at visit-find (selectors.visit_for_viewer).
    "prison_visits:visit-status": "owner or session that proved the date of birth",
    "prison_visits:visit-withdraw": "owner or session that proved the date of birth",
    "prison_visits:visit-cancel": "owner or session that proved the date of birth",
    # Tribunal fees: the case owner (case_owner_for_request), or the browser session that
    # sent a case without an account (a signed grant, tribunal_fees.selectors.*_for_viewer).
    "tribunal_fees:fee-detail": "case owner or session grant",
    "tribunal_fees:fee-pay": "case owner or session grant",
    "tribunal_fees:fee-receipt": "case owner or session grant",
    "tribunal_fees:fee-receipt-pdf": "case owner or session grant",
    "tribunal_fees:fee-hwf": "case owner or session grant",
    "tribunal_fees:hwf-detail": "case owner or session grant",
    "tribunal_fees:hwf-payment-evidence": "case owner or session grant",
    "tribunal_fees:hwf-confirmation": "case owner or session grant",
    "tribunal_fees:refund-detail": "case owner or session grant",
    "tribunal_fees:refund-confirmation": "case owner or session grant",
    # and the pages a service declares OWNER in its service.py
    **declared_owner_only(),
}


def test_every_page_that_takes_a_reference_is_rate_limited_or_owner_only():
    takes_reference = sorted(
        p.name or p.route for p in url_patterns() if "reference>" in p.route and p.name
    )

    unaccounted = [
        name
        for name in takes_reference
        if name not in REFERENCE_LOOKUPS and name not in OWNER_ONLY_LOOKUPS
    ]

    assert not unaccounted, (
        "These pages find a case by a reference in the URL. List each in REFERENCE_LOOKUPS "
        "(with a rate limit that refuses with 429) or in OWNER_ONLY_LOOKUPS in "
        f"tests/quality/access/test_rate_limits.py: {unaccounted}"
    )


@pytest.mark.parametrize("name", sorted(REFERENCE_LOOKUPS) or ["(none yet)"])
def test_each_reference_look_up_refuses_requests_over_its_limit(name):
    if name == "(none yet)":
        assert not REFERENCE_LOOKUPS
        return
    case = REFERENCE_LOOKUPS[name]
    world = World(roles=(CITIZEN_A,))
    client = Client()
    limit = _limit(case.limit)
    responses = [case.attempt(client, world, n) for n in range(limit + 1)]

    assert not any(case.refused(r) for r in responses[:-1])
    assert case.refused(responses[-1])
    assert responses[-1].status_code == 429


def test_email_address_records_exist_for_the_rate_limited_account():
    """Guards the cases above: the account they use can sign in (a verified address)."""
    world = World(roles=(CITIZEN_A,))

    assert EmailAddress.objects.filter(user=world.user(CITIZEN_A), verified=True).exists()
    assert (
        Client()
        .post(
            reverse("account_login"), {"login": world.user(CITIZEN_A).email, "password": PASSWORD}
        )
        .status_code
        == 302
    )
