"""Without JavaScript, someone whose session timed out is told they were signed out."""

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from digital_services.accounts.constants import SIGNED_IN_COOKIE_NAME

from .factories import PASSWORD

pytestmark = pytest.mark.django_db

NOTICE = "You have been signed out because you did not do anything for a while"


def _sign_in(client, person):
    response = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert response.status_code == 302
    return response


def test_signing_in_marks_the_browser_as_signed_in(client, person):
    response = _sign_in(client, person)

    cookie = response.cookies[SIGNED_IN_COOKIE_NAME]
    assert cookie.value == "1"
    assert cookie["httponly"]


def test_after_the_session_times_out_the_next_page_says_you_were_signed_out(client, person):
    _sign_in(client, person)
    Session.objects.all().delete()  # what the end of an idle session looks like to the server

    response = client.get(reverse("accounts:your-applications"), follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert NOTICE in response.content.decode()
    assert client.cookies[SIGNED_IN_COOKIE_NAME].value == ""  # told once, then forgotten
    assert NOTICE not in client.get(reverse("core:start")).content.decode()


def test_signing_out_on_purpose_gives_no_timeout_notice(client, person):
    _sign_in(client, person)

    response = client.post(reverse("account_logout"), follow=True)

    assert client.cookies[SIGNED_IN_COOKIE_NAME].value == ""
    assert NOTICE not in response.content.decode()
    assert NOTICE not in client.get(reverse("core:start")).content.decode()


def test_a_visitor_who_never_signed_in_sees_no_notice(client):
    assert NOTICE not in client.get(reverse("core:start")).content.decode()
