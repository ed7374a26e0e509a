"""The cookie banner and the cookies page: essential cookies only until the user says yes."""

import pytest
from django.test import Client
from django.urls import reverse

from .govuk_page import assert_govuk_layout, page_parse

COOKIE = "cookies_policy_analytics"
ONE_YEAR = 365 * 24 * 60 * 60

pytestmark = pytest.mark.django_db


def banner_question(page):
    return page.find_all("form", has="data-app-cookie-banner-question")


def test_banner_asks_about_analytics_cookies_on_a_first_visit(client):
    page = page_parse(client.get("/prison-visits/").content)
    (form,) = banner_question(page)
    assert form.attrs["method"] == "post"
    assert form.attrs["action"] == reverse("core:cookies")
    assert page.find("input", name="next").attrs["value"] == "/prison-visits/"
    assert page.find_all("input", name="csrfmiddlewaretoken")
    buttons = {
        b.attrs["value"]: " ".join(b.text.split()) for b in page.find_all("button", name="cookies")
    }
    assert buttons == {"accept": "Accept analytics cookies", "reject": "Reject analytics cookies"}


@pytest.mark.parametrize(
    ("button", "stored", "confirmation"),
    [
        ("accept", "yes", "You’ve accepted analytics cookies."),
        ("reject", "no", "You’ve rejected analytics cookies."),
    ],
)
def test_banner_choice_without_javascript_sets_the_cookie_and_returns_to_the_page(
    client, button, stored, confirmation
):
    response = client.post(
        reverse("core:cookies"), {"cookies": button, "next": "/prison-visits/?a=1"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/prison-visits/?a=1"
    cookie = response.cookies[COOKIE]
    assert cookie.value == stored
    assert cookie["max-age"] == ONE_YEAR
    assert cookie["samesite"] == "Lax"
    assert not cookie["secure"]

    page = page_parse(client.get(response["Location"]).content)
    assert not banner_question(page)
    banner = page.find("div", cls="govuk-cookie-banner")
    assert confirmation in " ".join(banner.text.split())
    hide = page.find("a", has="data-app-cookie-banner-hide")
    assert hide.attrs["href"] == "/prison-visits/?a=1"
    # The confirmation went to the banner, not the page's notification banner.
    assert not page.find_all("div", cls="govuk-notification-banner")


def test_banner_is_gone_once_the_confirmation_has_been_seen(client):
    client.post(reverse("core:cookies"), {"cookies": "reject", "next": "/"})
    client.get("/")
    page = page_parse(client.get("/").content)
    assert not page.find_all(cls="govuk-cookie-banner")


@pytest.mark.parametrize("stored", ["yes", "no"])
def test_banner_is_hidden_when_a_choice_is_already_stored(client, stored):
    client.cookies[COOKIE] = stored
    page = page_parse(client.get("/").content)
    assert not page.find_all(cls="govuk-cookie-banner")


def test_banner_cookie_is_secure_over_https(client):
    response = client.post(reverse("core:cookies"), {"cookies": "accept", "next": "/"}, secure=True)
    assert response.cookies[COOKIE]["secure"] is True


@pytest.mark.parametrize(
    "unsafe",
    [
        "https://evil.example/steal",
        "//evil.example/steal",
        "http:///evil.example",
        "javascript:alert(1)",
        "\\\\evil.example",
    ],
)
def test_banner_refuses_to_redirect_off_the_site(client, unsafe):
    response = client.post(reverse("core:cookies"), {"cookies": "accept", "next": unsafe})
    assert response.status_code == 302
    assert response["Location"] == reverse("core:start")
    assert response.cookies[COOKIE].value == "yes"


def test_banner_redirects_to_an_absolute_url_on_this_site_as_a_path(client):
    response = client.post(
        reverse("core:cookies"), {"cookies": "accept", "next": "http://testserver/contact/"}
    )
    assert response["Location"] == "/contact/"


def test_banner_with_javascript_gets_204_and_the_cookie_without_a_reload_message(client):
    response = client.post(
        reverse("core:cookies"),
        {"cookies": "accept", "next": "/"},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 204
    assert response.cookies[COOKIE].value == "yes"
    # The script shows its own confirmation, so no message waits for the next page.
    page = page_parse(client.get("/").content)
    assert not page.find_all(cls="govuk-cookie-banner")


def test_banner_with_javascript_and_a_bad_choice_gets_400(client):
    response = client.post(
        reverse("core:cookies"), {"cookies": "maybe"}, headers={"accept": "application/json"}
    )
    assert response.status_code == 400
    assert COOKIE not in response.cookies


def test_banner_with_a_bad_choice_shows_the_question_with_an_error(client):
    response = client.post(reverse("core:cookies"), {"cookies": "maybe", "next": "/"})
    assert response.status_code == 400
    assert COOKIE not in response.cookies
    page = page_parse(response.content)
    assert page.text_of("title").startswith("Error:")
    assert "Select yes if you want to accept analytics cookies" in page.text_of(
        "div", cls="govuk-error-summary"
    )


def test_banner_posts_are_protected_from_cross_site_requests():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("core:cookies"), {"cookies": "accept", "next": "/"})
    assert response.status_code == 403
    assert COOKIE not in response.cookies


def test_cookies_page_lists_every_cookie_we_set(client):
    page = assert_govuk_layout(client.get(reverse("core:cookies")).content)
    names = {" ".join(code.text.split()) for code in page.find_all("code")}
    assert names == {"sessionid", "csrftoken", COOKIE, "signed_in", "messages"}
    assert "We do not run any analytics software at the moment" in page.text_of("main")


def test_cookies_page_follows_renamed_session_and_csrf_cookies(client, settings):
    settings.SESSION_COOKIE_NAME = "ds_session"
    settings.CSRF_COOKIE_NAME = "ds_csrf"
    page = page_parse(client.get(reverse("core:cookies")).content)
    names = {" ".join(code.text.split()) for code in page.find_all("code")}
    assert {"ds_session", "ds_csrf"} <= names


def test_cookies_page_does_not_repeat_the_banner_question(client):
    page = page_parse(client.get(reverse("core:cookies")).content)
    assert not banner_question(page)


def test_cookies_page_shows_the_current_choice(client):
    client.cookies[COOKIE] = "yes"
    page = page_parse(client.get(reverse("core:cookies")).content)
    checked = [
        r for r in page.find_all("input", type="radio", name="analytics") if "checked" in r.attrs
    ]
    assert [r.attrs["value"] for r in checked] == ["yes"]


def test_cookies_page_remembers_the_page_the_user_came_from(client):
    page = page_parse(
        client.get(
            reverse("core:cookies"), headers={"referer": "http://testserver/contact/"}
        ).content
    )
    assert page.find("input", name="next").attrs["value"] == "/contact/"


def test_cookies_page_ignores_a_referer_from_another_site(client):
    page = page_parse(
        client.get(reverse("core:cookies"), headers={"referer": "https://evil.example/"}).content
    )
    assert page.find("input", name="next").attrs.get("value") in (None, "")


@pytest.mark.parametrize(("answer", "stored"), [("yes", "yes"), ("no", "no")])
def test_cookies_page_form_saves_the_choice_and_confirms_it(client, answer, stored):
    response = client.post(reverse("core:cookies"), {"analytics": answer, "next": "/contact/"})
    assert response.status_code == 302
    assert response["Location"] == reverse("core:cookies") + "?next=%2Fcontact%2F"
    assert response.cookies[COOKIE].value == stored
    assert response.cookies[COOKIE]["max-age"] == ONE_YEAR

    page = assert_govuk_layout(client.get(response["Location"]).content)
    (success,) = page.find_all("div", cls="govuk-notification-banner--success")
    assert "You’ve set your cookie preferences." in " ".join(success.text.split())
    back = page.find("a", cls="govuk-notification-banner__link")
    assert back.attrs["href"] == "/contact/"
    assert not page.find_all(cls="govuk-cookie-banner")


def test_cookies_page_form_never_links_back_off_the_site(client):
    response = client.post(
        reverse("core:cookies"), {"analytics": "no", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("core:cookies")
    page = page_parse(client.get(reverse("core:cookies") + "?next=https://evil.example/").content)
    assert not page.find_all("a", cls="govuk-notification-banner__link")


def test_cookies_page_form_without_an_answer_shows_an_error(client):
    response = client.post(reverse("core:cookies"), {"next": "/contact/"})
    assert response.status_code == 400
    assert COOKIE not in response.cookies
    page = assert_govuk_layout(response.content)
    assert page.text_of("title").startswith("Error:")
    summary = page.find("div", cls="govuk-error-summary")
    link = [a for a in page.find_all("a") if "Select yes if you want" in a.text][0]
    assert link.attrs["href"] == "#id_analytics_1"
    assert page.find("input", id="id_analytics_1").attrs["value"] == "yes"
    assert len(page.find_all("input", name="csrfmiddlewaretoken")) == 1
    assert "Select yes if you want to accept analytics cookies" in " ".join(summary.text.split())
    assert page.find("input", name="next").attrs["value"] == "/contact/"


def test_cookies_page_only_takes_get_and_post(client):
    assert client.put(reverse("core:cookies")).status_code == 405
