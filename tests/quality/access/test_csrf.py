"""CSRF on every POST: every pattern refuses a POST without a token, except the machine
endpoints, which authenticate each request another way."""

import pytest
from django.test import Client

from .check import rows_for
from .matrix import DENY, ENTRIES
from .patterns import url_patterns
from .world import ADMIN, CITIZEN_A, ROLES, World

ACCESS_URLS = "tests.quality.access.urls"


def _csrf_refused(response) -> bool:
    return response.status_code == 403 and any(
        t.name == "403_csrf.html" for t in response.templates
    )


def _role_for(pattern) -> str:
    """Someone who gets past the middleware to the view: staff with the factor on staff pages."""
    return ADMIN if pattern.route.startswith(("admin/", "assisted-digital/")) else CITIZEN_A


@pytest.mark.urls(ACCESS_URLS)
def test_every_post_without_a_csrf_token_is_refused(db):
    world = World(roles=(CITIZEN_A, ADMIN))
    clients = {role: world.client(role, enforce_csrf_checks=True) for role in (CITIZEN_A, ADMIN)}
    rows, _ = rows_for(url_patterns(ACCESS_URLS))

    problems = []
    for label, pattern, entry in rows:
        exempt = getattr(pattern.callback, "csrf_exempt", False)
        if exempt or entry.csrf_answered_by_middleware:
            continue
        url = entry.build_url(world, pattern)
        client = clients[_role_for(pattern)]
        response = client.post(url, {"anything": "x"})
        if not _csrf_refused(response):
            problems.append(f"POST {url} [{label}]: {response.status_code}, not refused")

    assert not problems, "\n".join(problems)


def test_only_machine_endpoints_are_csrf_exempt_and_each_says_how_it_authenticates():
    exempt = {p.name for p in url_patterns() if getattr(p.callback, "csrf_exempt", False)}
    # allauth exempts none of the pages we use; Django's admin exempts none.
    declared = {name for name, entry in ENTRIES.items() if getattr(entry, "csrf_exempt", "")}

    assert exempt == declared == {"notifications:callback", "payments:webhook"}


@pytest.mark.parametrize("role", ROLES)
def test_the_notify_callback_refuses_a_receipt_without_the_bearer_token(db, role, settings):
    settings.NOTIFY_CALLBACK_TOKEN = "callback-token-for-tests"
    client = World(roles=(role,)).client(role, enforce_csrf_checks=True)
    body = '{"id": "x", "reference": "y", "status": "delivered"}'

    refused = client.post("/notifications/callback/", body, content_type="application/json")
    wrong = client.post(
        "/notifications/callback/",
        body,
        content_type="application/json",
        headers={"Authorization": "Bearer not-the-token"},
    )
    right = client.post(
        "/notifications/callback/",
        body,
        content_type="application/json",
        headers={"Authorization": "Bearer callback-token-for-tests"},
    )

    assert (refused.status_code, wrong.status_code, right.status_code) == (401, 401, 204)
    assert ENTRIES["notifications:callback"].post[role] == DENY


def test_the_payments_webhook_refuses_a_message_without_a_valid_signature(db, settings):
    import hashlib
    import hmac

    settings.GOVUK_PAY_WEBHOOK_SECRET = "webhook-signing-secret-for-tests"
    client = Client(enforce_csrf_checks=True)
    body = b'{"webhook_message_id": "m-1", "event_type": "card_payment_succeeded"}'
    good = hmac.new(b"webhook-signing-secret-for-tests", body, hashlib.sha256).hexdigest()

    unsigned = client.post("/payments/webhook/", body, content_type="application/json")
    forged = client.post(
        "/payments/webhook/",
        body,
        content_type="application/json",
        headers={"Pay-Signature": "0" * 64},
    )
    signed = client.post(
        "/payments/webhook/", body, content_type="application/json", headers={"Pay-Signature": good}
    )

    assert (unsigned.status_code, forged.status_code, signed.status_code) == (401, 401, 200)


def test_a_post_with_the_csrf_token_gets_through(db, settings):
    """The control: the same client and page accept a POST that carries the token."""
    client = Client(enforce_csrf_checks=True)
    client.get("/feedback/")
    token = client.cookies[settings.CSRF_COOKIE_NAME].value  # the secret is a valid token

    without = client.post("/feedback/", {"rating": "5"})
    with_token = client.post("/feedback/", {"rating": "5", "csrfmiddlewaretoken": token})

    assert _csrf_refused(without)
    assert not _csrf_refused(with_token)
    assert with_token.status_code == 302
