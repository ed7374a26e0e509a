"""Signed-in sessions end after inactivity; the page warns first and can extend them."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from .govuk_page import page_parse

pytestmark = pytest.mark.django_db


def test_signed_in_pages_carry_the_timeout_settings_and_the_warning_dialog(signed_in_client):
    page = page_parse(signed_in_client.get("/").content)
    body = page.find("body")
    # The time left as stored: the full age, less the moments since sign-in saved the session
    # (a page within a minute of the last save does not save it again: accounts/sessions.py).
    assert settings.SESSION_COOKIE_AGE - 5 <= int(body.attrs["data-session-timeout"])
    assert int(body.attrs["data-session-timeout"]) <= settings.SESSION_COOKIE_AGE
    assert body.attrs["data-session-warning"] == str(settings.SESSION_TIMEOUT_WARNING_SECONDS)
    assert body.attrs["data-session-extend-url"] == reverse("core:session-extend")
    assert body.attrs["data-session-signed-out-url"] == reverse("core:signed-out")

    dialog = page.find("dialog", has="data-app-session-timeout-dialog")
    assert dialog.attrs["aria-labelledby"] == "app-timeout-dialog-title"
    assert "open" not in dialog.attrs  # closed until the script opens it
    form = page.find("form", has="data-app-session-extend-form")
    assert form.attrs["method"] == "post"
    assert form.attrs["action"] == reverse("core:session-extend")
    assert [b for b in page.find_all("button") if "Stay signed in" in b.text]
    sign_out = [a for a in page.find_all("a") if a.text.strip() == "Sign out"]
    assert sign_out[0].attrs["href"] == reverse("core:signed-out")
    # The dialog's form carries the CSRF token the script posts (the cookie is HttpOnly).
    tokens = [i for i in page.find_all("input", name="csrfmiddlewaretoken") if i.attrs.get("value")]
    assert tokens


def test_signed_out_visitors_get_no_timeout_warning(client):
    page = page_parse(client.get("/").content)
    assert "data-session-timeout" not in page.find("body").attrs
    assert not page.find_all("dialog")


def test_session_extend_answers_204_and_saves_the_session(signed_in_client):
    response = signed_in_client.post(reverse("core:session-extend"))
    assert response.status_code == 204
    assert response.content == b""
    session_cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session_cookie["max-age"] == settings.SESSION_COOKIE_AGE
    assert "no-cache" in response["Cache-Control"]


def test_session_extend_keeps_the_session_alive_past_its_original_end(signed_in_client):
    age = timedelta(seconds=settings.SESSION_COOKIE_AGE)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        signed_in_client.get("/")
        clock.move_to(start + age - timedelta(minutes=1))
        assert signed_in_client.post(reverse("core:session-extend")).status_code == 204
        clock.move_to(start + age + timedelta(minutes=1))
        response = signed_in_client.get(reverse("accounts:your-applications"))
    assert response.status_code == 200


def test_session_ends_after_inactivity_without_an_extend(signed_in_client):
    age = timedelta(seconds=settings.SESSION_COOKIE_AGE)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        signed_in_client.get("/")
        clock.move_to(start + age + timedelta(minutes=1))
        response = signed_in_client.get(reverse("accounts:your-applications"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_session_extend_sends_signed_out_users_to_sign_in(client):
    response = client.post(reverse("core:session-extend"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_session_extend_only_takes_post(signed_in_client):
    assert signed_in_client.get(reverse("core:session-extend")).status_code == 405


def test_session_extend_needs_the_csrf_token(citizen):
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    assert client.post(reverse("core:session-extend")).status_code == 403
    page = page_parse(client.get("/").content)
    token = page.find("input", name="csrfmiddlewaretoken").attrs["value"]
    response = client.post(reverse("core:session-extend"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 204


def test_signed_out_page_ends_a_session_that_is_still_open(signed_in_client):
    response = signed_in_client.get(reverse("core:signed-out"))
    assert response.status_code == 200
    page = page_parse(response.content)
    assert page.text_of("h1") == "You have been signed out"
    minutes = settings.SESSION_COOKIE_AGE // 60
    assert f"do not do anything for {minutes} minutes" in page.text_of("main")
    assert reverse("account_login") in page.hrefs()
    # Signed out now: no timeout warning, and private pages ask for sign-in.
    assert "data-session-timeout" not in page.find("body").attrs
    after = signed_in_client.get(reverse("accounts:your-applications"))
    assert after.status_code == 302


def test_signed_out_page_is_harmless_when_already_signed_out(client):
    response = client.get(reverse("core:signed-out"))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]


def test_signed_out_page_only_takes_get(client):
    assert client.post(reverse("core:signed-out")).status_code == 405
