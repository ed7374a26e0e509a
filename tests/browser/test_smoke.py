"""Smoke test in real Chromium: styles, fonts, JavaScript, CSP, cookie banner, timeout warning."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from .conftest import page_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GOVUK_BRAND_BLUE = "rgb(29, 112, 184)"  # the header background since GOV.UK Frontend 6


def test_start_page_is_styled_by_govuk_frontend_with_its_font_loaded(page):
    page.goto("/")
    expect(page.locator("h1")).to_have_text("Ministry of Justice digital services")

    # GOV.UK Frontend styles text through its classes (the <body> keeps the browser default).
    for selector in ("h1", "p.govuk-body", ".govuk-service-navigation__link"):
        font = page.evaluate(f"getComputedStyle(document.querySelector('{selector}')).fontFamily")
        assert "GDS Transport" in font, f"{selector} is in {font}"
    header_colour = page.evaluate(
        "getComputedStyle(document.querySelector('.govuk-header')).backgroundColor"
    )
    assert header_colour == GOVUK_BRAND_BLUE
    font_loaded = page.evaluate(
        """async () => {
            await document.fonts.ready;
            return [...document.fonts].some(
                (face) => face.family.replace(/["']/g, "") === "GDS Transport" && face.status === "loaded"
            ) && document.fonts.check('19px "GDS Transport"');
        }"""
    )
    assert font_loaded, "the GDS Transport font file did not load"
    assert page_problems(page) == []


def test_javascript_modules_run_and_initialise_govuk_frontend(page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/")
    classes = page.evaluate("document.body.className").split()
    assert "js-enabled" in classes
    assert "govuk-frontend-supported" in classes

    # GOV.UK Frontend's service navigation shows its Menu toggle on small screens once initialised.
    toggle = page.locator(".govuk-service-navigation__toggle")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#navigation")).to_be_visible()
    assert page_problems(page) == []


def test_cookie_banner_accept_works_without_a_reload(page, browser_context):
    page.goto("/contact/")
    banner = page.locator("[data-app-cookie-banner]")
    expect(banner).to_be_visible()
    page.evaluate("window.__notReloaded = true")

    with page.expect_response(re.compile(r"/cookies/$")) as posted:
        page.get_by_role("button", name="Accept analytics cookies").click()
    assert posted.value.status == 204

    confirmation = page.locator('[data-app-cookie-banner-confirmation="accept"]')
    expect(confirmation).to_be_visible()
    expect(confirmation).to_contain_text("You’ve accepted analytics cookies")
    expect(confirmation).to_be_focused()
    expect(page.get_by_role("button", name="Accept analytics cookies")).to_be_hidden()
    assert page.evaluate("window.__notReloaded") is True
    cookies = {c["name"]: c for c in browser_context.cookies()}
    assert cookies["cookies_policy_analytics"]["value"] == "yes"
    assert cookies["cookies_policy_analytics"]["sameSite"] == "Lax"

    confirmation.get_by_role("button", name="Hide cookie message").click()
    expect(banner).to_be_hidden()
    page.reload()
    expect(page.locator(".govuk-cookie-banner")).to_have_count(0)
    assert page_problems(page) == []


def test_cookie_banner_reject_without_javascript_redirects_back_with_a_confirmation(
    browser, live_server
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/contact/")
        page.get_by_role("button", name="Reject analytics cookies").click()
        page.wait_for_url(re.compile(r"/contact/$"))
        expect(page.locator(".govuk-cookie-banner")).to_contain_text(
            "You’ve rejected analytics cookies"
        )
        cookies = {c["name"]: c["value"] for c in context.cookies()}
        assert cookies["cookies_policy_analytics"] == "no"
        page.get_by_role("button", name="Hide cookie message").click()
        page.wait_for_url(re.compile(r"/contact/$"))
        expect(page.locator(".govuk-cookie-banner")).to_have_count(0)
    finally:
        context.close()


def test_session_timeout_warning_extends_then_signs_out(page, settings, citizen, browser_sign_in):
    settings.SESSION_COOKIE_AGE = 10
    settings.SESSION_TIMEOUT_WARNING_SECONDS = 6
    browser_sign_in(citizen)
    page.goto("/contact/")
    dialog = page.locator("dialog[data-app-session-timeout-dialog]")
    expect(dialog).to_be_hidden()

    expect(dialog).to_be_visible(timeout=8_000)  # 4 seconds after the page loaded
    expect(page.locator("#app-timeout-dialog-title")).to_be_focused()
    expect(dialog).to_contain_text("we will sign you out in")
    with page.expect_response(re.compile(r"/session/extend/$")) as extended:
        dialog.get_by_role("button", name="Stay signed in").click()
    assert extended.value.status == 204
    expect(dialog).to_be_hidden()

    # It warns again, and when the time is up the page goes to "You have been signed out".
    expect(dialog).to_be_visible(timeout=8_000)
    page.wait_for_url(re.compile(r"/signed-out/$"), timeout=15_000)
    expect(page.locator("h1")).to_have_text("You have been signed out")
    expect(page.locator("dialog")).to_have_count(0)
    assert page_problems(page) == []
    page.goto(reverse("accounts:your-applications"))
    assert "/accounts/login/" in page.url
