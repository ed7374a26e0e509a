"""Paying a tribunal fee in real Chromium as a new user would: from the start page
through the questions and "Your fee" to the sandbox's card pages, with its test cards
(success, declined, cancelled); and the whole journey with JavaScript switched off."""

import importlib
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser_support import page_problems
from tribunal_fees.constants import FeeCaseStatus
from tribunal_fees.models import FeeCase

from .factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _fee_schedule(transactional_db):
    """The 2013 fee schedule, as its data migration seeds it (a transactional test's
    flush empties the table after each test)."""
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    seed = importlib.import_module("tribunal_fees.migrations.0002_fee_schedule_2013")
    seed.schedule_seed(apps, SimpleNamespace(connection=connection))


@pytest.fixture(autouse=True)
def _links_on_the_live_server(settings, live_server):
    """The payments sandbox sends the browser back to SITE_URL."""
    settings.SITE_URL = live_server.url


def _continue(page):
    page.get_by_role("button", name="Continue", exact=True).click()


def answer_the_questions(page):
    """From the start page to the card page: a Type B issue fee for one claimant (£250)."""
    page.goto(reverse("tribunal_fees:start"))
    page.get_by_role("button", name="Start now").click()
    expect(page.locator("h1")).to_have_text("Which tribunal is the fee for?")
    page.get_by_label("Employment tribunal or Employment Appeal Tribunal").check()
    _continue(page)
    expect(page.locator("h1")).to_have_text("What are you paying for?")
    page.get_by_label("An issue fee for a new claim").check()
    _continue(page)
    page.get_by_label("Day").fill("14")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2016")
    _continue(page)
    page.get_by_label("The claimant").check()
    _continue(page)
    page.get_by_label("How many people are named as claimants on the claim?").fill("1")
    _continue(page)
    page.get_by_label("Unfair dismissal").check()
    page.get_by_label("Holiday pay or other Working Time rights").check()
    _continue(page)
    expect(page.locator("h1")).to_have_text("Your fee is £250.00")
    assert "pays the Type B fee, once" in page.content()
    page.get_by_label("Pay the fee now by card").check()
    _continue(page)
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Email address").fill("new.user@example.com")
    _continue(page)
    expect(page.locator("h1")).to_have_text("Check your answers before you continue")
    _continue(page)
    expect(page.locator("h1")).to_have_text("Enter card details")


def enter_card(page, number: str):
    page.get_by_label("Card number").fill(number)
    page.get_by_label("Month").fill("12")
    page.get_by_label("Year").fill("2040")
    page.get_by_label("Name on card").fill("Sam Smith")
    page.get_by_label("Card security code").fill("123")
    page.get_by_role("button", name="Continue").click()


@pytest.fixture
def new_user(browser_sign_in):
    user = UserFactory(email="new.user@example.com")
    browser_sign_in(user)
    return user


def test_a_new_user_pays_a_fee_with_a_good_test_card_and_gets_a_receipt(page, new_user):
    answer_the_questions(page)
    enter_card(page, "4444333322221111")
    page.get_by_role("button", name="Confirm payment").click()

    expect(page.locator("h1")).to_have_text("Payment received")
    fee_case = FeeCase.objects.get()
    assert fee_case.status == FeeCaseStatus.PAID
    assert fee_case.user == new_user
    page.get_by_role("link", name="Go back to your application").click()
    expect(page.locator("h1")).to_have_text("Employment tribunal issue fee")
    page.get_by_role("link", name="View your receipt").click()
    expect(page.locator("h1")).to_have_text("Receipt for your tribunal fee")
    receipt = page.locator(".govuk-summary-list").inner_text()
    assert fee_case.reference in receipt
    assert "£250.00" in receipt
    with page.expect_download() as download:
        page.get_by_role("link", name="Download your receipt (PDF)").click()
    assert download.value.suggested_filename == f"receipt-{fee_case.reference}.pdf"
    assert page_problems(page) == []


def test_a_declined_card_can_be_tried_again(page, new_user):
    answer_the_questions(page)
    enter_card(page, "4000000000000002")

    expect(page.locator("h1")).to_have_text("Your payment was declined")
    assert FeeCase.objects.get().status == FeeCaseStatus.UNPAID
    page.get_by_role("button", name="Try again").click()
    expect(page.locator("h1")).to_have_text("Enter card details")
    enter_card(page, "4444333322221111")
    page.get_by_role("button", name="Confirm payment").click()
    expect(page.locator("h1")).to_have_text("Payment received")
    assert FeeCase.objects.get().status == FeeCaseStatus.PAID


def test_a_cancelled_payment_leaves_the_fee_to_pay_later(page, new_user):
    answer_the_questions(page)
    page.get_by_role("button", name="Cancel payment").click()

    expect(page.locator("h1")).to_have_text("Your payment has been cancelled")
    page.get_by_role("link", name="Go back to your application").click()
    expect(page.get_by_role("button", name="Pay £250.00 by card")).to_be_visible()
    assert FeeCase.objects.get().status == FeeCaseStatus.UNPAID


def test_the_whole_journey_works_with_javascript_off(
    browser, live_server, _static_files_without_manifest
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        answer_the_questions(page)
        enter_card(page, "4444333322221111")
        page.get_by_role("button", name="Confirm payment").click()
        expect(page.locator("h1")).to_have_text("Payment received")
        # Not signed in: the link back is a grant link (core/grants.py) for this browser.
        link = page.get_by_role("link", name="Go back to your application")
        assert re.search(r"^(https?://[^/]+)?/access/", link.get_attribute("href"))
        link.click()
        expect(page.locator("h1")).to_have_text("Employment tribunal issue fee")
        assert "Paid" in page.content()
    finally:
        context.close()
    fee_case = FeeCase.objects.get()
    assert (fee_case.status, fee_case.user, fee_case.email) == (
        FeeCaseStatus.PAID,
        None,
        "new.user@example.com",
    )
