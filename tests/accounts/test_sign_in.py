import pytest
from django.core import mail
from django.urls import reverse

from .conftest import code_from_last_email
from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def sign_in(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_sign_in_with_email_and_password_goes_to_your_applications(client, person):
    response = sign_in(client, person.email)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:your-applications")
    assert client.session["_auth_user_id"] == str(person.pk)


def test_sign_in_ignores_the_case_of_the_email_address(client, person):
    sign_in(client, person.email.upper())

    assert client.session["_auth_user_id"] == str(person.pk)


def test_sign_in_with_a_wrong_password_says_so_and_keeps_the_email(client, person):
    response = sign_in(client, person.email, "not-the-password")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Sign in" in html
    assert '<a href="#id_login">The email address or password is not correct</a>' in html
    assert f'value="{person.email}"' in html
    assert "_auth_user_id" not in client.session


def test_sign_in_with_an_unknown_email_gives_the_same_message_as_a_wrong_password(client):
    response = sign_in(client, "nobody@example.com", "whatever-password")

    assert "The email address or password is not correct" in response.content.decode()


def test_sign_in_with_nothing_entered_asks_for_each_field(client):
    response = client.post(reverse("account_login"), {"login": "", "password": ""})

    html = response.content.decode()
    assert "Enter your email address" in html
    assert "Enter your password" in html


def test_sign_out_by_get_only_asks_to_confirm(client, person):
    client.force_login(person)

    response = client.get(reverse("account_logout"))

    assert response.status_code == 200
    assert '<h1 class="govuk-heading-l">Sign out</h1>' in response.content.decode()
    assert client.session["_auth_user_id"] == str(person.pk)


def test_sign_out_by_post_signs_out(client, person):
    client.force_login(person)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_sign_in_with_a_code_sent_by_email(client, person):
    response = client.post(reverse("account_request_login_code"), {"email": person.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_confirm_login_code")
    assert mail.outbox[-1].subject == "Your sign-in code"

    response = client.post(reverse("account_confirm_login_code"), {"code": code_from_last_email()})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)


def test_sign_in_code_page_rejects_a_wrong_code(client, person):
    client.post(reverse("account_request_login_code"), {"email": person.email})

    response = client.post(reverse("account_confirm_login_code"), {"code": "NOPE00"})

    html = response.content.decode()
    assert "<title>Error: Check your email" in html
    assert "The code is not correct" in html
    assert "_auth_user_id" not in client.session


def test_asking_for_a_code_for_an_unknown_email_looks_the_same(client):
    UserFactory()

    response = client.post(reverse("account_request_login_code"), {"email": "nobody@example.com"})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_confirm_login_code")
    assert "_auth_user_id" not in client.session
