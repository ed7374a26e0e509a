"""An immigration appeal fee in real Chromium, as a new user would pay it today: which
tribunal, what for, the decision date and exemptions, "Your fee" explained from the
schedule (SI 2011/2841), then a card payment through the payments sandbox, or Help with
Fees under the November 2023 scheme with a full-remission outcome."""

import importlib

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser_support import page_problems
from tribunal_fees.constants import FeeCaseStatus, HwfScheme
from tribunal_fees.models import FeeCase, HelpWithFeesApplication

from .factories import UserFactory
from .test_browser_journey import enter_card

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _fee_schedule(transactional_db):
    """The fee schedule as the data migrations seed it (a transactional test's flush
    empties the table after each test)."""
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    for name in ("0002_fee_schedule_2013", "0008_fee_schedule_current_tribunals"):
        seed = importlib.import_module(f"tribunal_fees.migrations.{name}")
        seed.schedule_seed(apps, SimpleNamespace(connection=connection))


@pytest.fixture(autouse=True)
def _links_on_the_live_server(settings, live_server):
    settings.SITE_URL = live_server.url


@pytest.fixture
def new_user(browser_sign_in):
    user = UserFactory(email="appellant@example.com")
    browser_sign_in(user)
    return user


def _continue(page):
    page.get_by_role("button", name="Continue", exact=True).click()


def describe_the_appeal_fee(page, *, next_step: str):
    """From the start page to the contact question: a £140 appeal decided at a hearing."""
    page.goto(reverse("tribunal_fees:start"))
    page.get_by_role("button", name="Start now").click()
    expect(page.locator("h1")).to_have_text("Which tribunal is the fee for?")
    page.get_by_label("First-tier Tribunal (Immigration and Asylum Chamber)").check()
    _continue(page)
    expect(page.locator("h1")).to_have_text("What is the fee for?")
    page.get_by_label("An appeal decided at a hearing").check()
    _continue(page)
    page.get_by_label("Day").fill("20")
    page.get_by_label("Month").fill("11")
    page.get_by_label("Year").fill("2026")
    _continue(page)
    expect(page.locator("h1")).to_have_text("Exemptions from the appeal fee")
    page.get_by_label("None of these").check()
    _continue(page)
    expect(page.locator("h1")).to_have_text("Your fee is £140.00")
    main = page.locator("main")
    expect(main).to_contain_text("First-tier Tribunal (Immigration and Asylum Chamber)")
    expect(main).to_contain_text("SI 2011/2841")
    expect(main).not_to_contain_text("Type A")
    page.get_by_label(next_step).check()
    _continue(page)
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Email address").fill("appellant@example.com")
    _continue(page)
    expect(page.locator("h1")).to_have_text("Check your answers before you continue")
    _continue(page)


def test_a_new_user_pays_an_immigration_appeal_fee_by_card(page, new_user):
    describe_the_appeal_fee(page, next_step="Pay the fee now by card")
    expect(page.locator("h1")).to_have_text("Enter card details")
    enter_card(page, "4444333322221111")
    page.get_by_role("button", name="Confirm payment").click()

    expect(page.locator("h1")).to_have_text("Payment received")
    fee_case = FeeCase.objects.get()
    assert (fee_case.jurisdiction, fee_case.kind, fee_case.claim_type) == ("IAC", "iac_hearing", "")
    assert (fee_case.status, fee_case.amount_paid_pence) == (FeeCaseStatus.PAID, 14000)
    assert fee_case.user == new_user
    assert page_problems(page) == []


def test_a_new_user_gets_full_help_with_fees_on_an_immigration_appeal_fee(page, new_user):
    describe_the_appeal_fee(page, next_step="Apply for Help with Fees")
    expect(page.locator("h1")).to_have_text("Apply for Help with Fees")
    expect(page.locator("main")).to_contain_text("£140.00")
    _continue(page)
    page.get_by_label("Full name").fill("Ana Appellant")
    page.get_by_label("Day").fill("2")
    page.get_by_label("Month").fill("5")
    page.get_by_label("Year").fill("1990")
    _continue(page)
    page.get_by_label("Home Office reference, if you do not have a National Insurance number").fill(
        "B1234567"
    )
    _continue(page)
    page.get_by_label("No").check()
    _continue(page)
    page.get_by_label("Less than £4,250").check()  # the 2023 scheme's band settles it
    _continue(page)
    page.get_by_label("None of these").check()
    _continue(page)
    page.get_by_label("Wages, salary or tips").check()
    page.get_by_label("The last calendar month").check()
    page.get_by_label("What is your total monthly income before tax?").fill("1420")
    _continue(page)
    page.get_by_label("Children aged 0 to 13").fill("0")
    page.get_by_label("Children aged 14 or over").fill("0")
    _continue(page)

    expect(page.locator("h1")).to_have_text("You are likely to get full Help with Fees")
    expect(page.locator("main")).to_contain_text("You would pay nothing")
    _continue(page)
    page.get_by_role("button", name="Accept and send").click()

    expect(page.locator("h1")).to_have_text("Help with Fees application sent")
    application = HelpWithFeesApplication.objects.get()
    assert application.scheme == HwfScheme.NOV_2023
    assert (application.computed_outcome, application.computed_amount_to_pay_pence) == ("full", 0)
    assert application.fee_case.kind == "iac_hearing"
    assert application.fee_case.status == FeeCaseStatus.AWAITING_HWF
    assert page_problems(page) == []
