"""Every allauth page is a GOV.UK page: our layout, one h1, GOV.UK inputs, no placeholders."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def assert_govuk_page(response, title):
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<title>{title} – MoJ digital services – GOV.UK</title>" in html
    assert 'class="govuk-header"' in html
    assert html.count("<h1") == 1
    assert "placeholder=" not in html


@pytest.mark.parametrize(
    ("url_name", "title"),
    [
        ("account_login", "Sign in"),
        ("account_signup", "Create an account"),
        ("account_reset_password", "Reset your password"),
        ("account_reset_password_done", "Check your email"),
        ("account_request_login_code", "Get a sign-in code by email"),
    ],
)
def test_signed_out_pages_are_govuk_pages(client, url_name, title):
    assert_govuk_page(client.get(reverse(url_name)), title)


@pytest.mark.parametrize(
    ("url_name", "title"),
    [
        ("account_logout", "Sign out"),
        ("account_email", "Email Addresses"),
        ("account_change_password", "Change Password"),
        ("mfa_index", "Two-Factor Authentication"),
    ],
)
def test_signed_in_pages_are_govuk_pages(client, person, url_name, title):
    client.force_login(person)

    assert_govuk_page(client.get(reverse(url_name)), title)


def test_the_sign_in_code_page_names_the_address_without_confirming_an_account(client):
    client.post(reverse("account_request_login_code"), {"email": "someone@example.com"})

    response = client.get(reverse("account_confirm_login_code"))

    assert_govuk_page(response, "Check your email")
    assert "If <strong>someone@example.com</strong> matches an account" in response.content.decode()


def test_the_locked_out_page_offers_other_ways_in(client, person, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(
            reverse("account_login"), {"login": person.email, "password": "wrong-password-1"}
        )

    html = response.content.decode()
    assert html.count("<h1") == 1
    assert reverse("account_request_login_code") in html
    assert reverse("account_reset_password") in html
