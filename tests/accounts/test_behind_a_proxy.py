"""Sign-in throttling and lockouts behind a load balancer (simulated: REMOTE_ADDR is the proxy).

With ``TRUSTED_PROXY_COUNT = 1`` the client is the last address in X-Forwarded-For,
for allauth's limits, django-axes and the audit log alike.
"""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from digital_services.audit.http import client_ip_get

from .conftest import code_from_last_email
from .factories import PASSWORD

pytestmark = pytest.mark.django_db

LOAD_BALANCER = "10.0.0.1"
ATTACKER = "203.0.113.66"
REAL_USER = "198.51.100.7"


#: allauth's limit of failed sign-ins from one address, made small so the test is short.
FAILURES_PER_ADDRESS = 3


@pytest.fixture(autouse=True)
def _one_trusted_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def browser(client_ip: str) -> Client:
    """A browser whose requests reach the app through the load balancer."""
    return Client(REMOTE_ADDR=LOAD_BALANCER, HTTP_X_FORWARDED_FOR=f"1.2.3.4, {client_ip}")


def sign_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_the_client_address_is_read_through_the_trusted_proxy_only(rf, settings):
    request = rf.get("/", REMOTE_ADDR=LOAD_BALANCER, HTTP_X_FORWARDED_FOR=f"6.6.6.6, {ATTACKER}")
    assert client_ip_get(request) == ATTACKER
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip_get(request) == LOAD_BALANCER


def test_failures_for_made_up_emails_from_one_address_do_not_block_another(person, settings):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed": f"{FAILURES_PER_ADDRESS}/m/ip,5/5m/key",
    }
    attacker = browser(ATTACKER)
    throttled = False
    for number in range(FAILURES_PER_ADDRESS + 3):
        response = sign_in(attacker, f"made.up.{number}@example.com", "wrong-password-1")
        if "too many times" in response.content.decode():
            throttled = True
            break
    assert throttled  # the attacker's own address is throttled...

    real_user = browser(REAL_USER)
    response = sign_in(real_user, person.email, PASSWORD)

    assert response.status_code == 302
    assert real_user.session["_auth_user_id"] == str(person.pk)


def test_wrong_passwords_from_one_address_do_not_lock_the_account_everywhere(person, settings):
    attacker = browser(ATTACKER)
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        sign_in(attacker, person.email, "wrong-password-1")
    assert sign_in(attacker, person.email, PASSWORD).status_code == 429

    real_user = browser(REAL_USER)
    response = sign_in(real_user, person.email, PASSWORD)

    assert response.status_code == 302
    assert real_user.session["_auth_user_id"] == str(person.pk)


def test_a_locked_account_can_still_sign_in_by_emailed_code_from_that_address(person, settings):
    attacker_and_owner = browser(ATTACKER)  # say, the same office
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        sign_in(attacker_and_owner, person.email, "wrong-password-1")
    assert sign_in(attacker_and_owner, person.email, PASSWORD).status_code == 429

    owner = browser(ATTACKER)
    owner.post(reverse("account_request_login_code"), {"email": person.email})
    assert mail.outbox[-1].to == [person.email]
    response = owner.post(reverse("account_confirm_login_code"), {"code": code_from_last_email()})

    assert response.status_code == 302
    assert owner.session["_auth_user_id"] == str(person.pk)


def test_lockouts_and_audit_events_record_the_client_not_the_proxy(person, settings):
    from axes.models import AccessAttempt

    sign_in(browser(ATTACKER), person.email, "wrong-password-1")

    assert AccessAttempt.objects.get().ip_address == ATTACKER
