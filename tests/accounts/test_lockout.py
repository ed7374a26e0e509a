import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from digital_services.accounts.axes import axes_username_get

from .factories import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_axes_records_failures_against_the_email_signed_in_with(client, person, settings):
    sign_in(client, person.email.upper(), "wrong-password-1")

    attempt = AccessAttempt.objects.get()
    assert attempt.username == person.email
    assert attempt.failures_since_start == 1


def test_repeated_failures_lock_the_account_out_with_a_message(client, person, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, person.email, "wrong-password-1").status_code == 200

    response = sign_in(client, person.email, "wrong-password-1")

    html = response.content.decode()
    assert response.status_code == 429
    assert "You cannot sign in at the moment" in html
    assert "Wait 30 minutes, then try again." in html


def test_a_locked_out_account_cannot_sign_in_even_with_the_right_password(client, person, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, person.email, "wrong-password-1")

    response = sign_in(client, person.email, PASSWORD)

    assert response.status_code == 429
    assert "You cannot sign in at the moment" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_on_another_account_do_not_lock_this_one(client, person, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "someone.else@example.com", "wrong-password-1")

    response = sign_in(client, person.email, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)


def test_a_success_before_the_limit_clears_the_failures(client, person, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, person.email, "wrong-password-1")

    assert sign_in(client, person.email, PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username=person.email).exists()


@pytest.mark.parametrize(
    ("credentials", "post", "expected"),
    [
        ({"email": "A@Example.com", "password": "x"}, {}, "a@example.com"),
        ({"password": "x"}, {"login": " B@example.com "}, "b@example.com"),
        ({}, {}, None),
    ],
)
def test_axes_username_comes_from_allauth_credentials_or_the_form(rf, credentials, post, expected):
    request = rf.post("/accounts/login/", post)

    assert axes_username_get(request, credentials) == expected
