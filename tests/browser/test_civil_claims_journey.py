"""Making a money claim in real Chromium as a new user would (issue #14): from the start
page through "Can you use this service?", every task on the task list, check your answers
and the sandbox's card page to an issued claim; the same with JavaScript switched off by
someone not signed in; and an agent in an assisted-digital session making a claim for a
citizen who has no email address, who chose post (a telephone payment, and letters)."""

import importlib

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from civil_claims.constants import ClaimStatus
from civil_claims.models import Claim
from digital_services.notifications.models import OutboundMessage
from digital_services.payments.models import Payment
from tests.assisted_digital.factories import CitizenWithoutEmailFactory, agent_helping
from tests.browser_support import browser_session_from, page_problems
from tests.tribunal_fees.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ELIGIBLE = [
    ("claim-value", "within"),
    ("single-claimant", "no"),
    ("single-defendant", "no"),
    ("over-18", "yes"),
    ("claimant-address", "yes"),
    ("defendant-address", "yes"),
    ("defendant-age", "yes"),
    ("government-department", "no"),
    ("tenancy-deposit", "no"),
    ("on-behalf", "no"),
]


@pytest.fixture(autouse=True)
def _fee_bands(transactional_db):
    """The issue fee bands, as their data migration seeds them (a transactional test's
    flush empties the table after each test)."""
    from types import SimpleNamespace

    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    seed = importlib.import_module("civil_claims.migrations.0002_issue_fee_bands_seed")
    seed.bands_seed(apps, SimpleNamespace(connection=connection))
    # An earlier transactional test's flush recreated the content types with new ids; a
    # cached id would point the claim's payment at a row that no longer exists.
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _links_on_the_live_server(settings, live_server):
    """The payments sandbox sends the browser back to SITE_URL."""
    settings.SITE_URL = live_server.url


def _continue(page):
    page.get_by_role("button", name="Continue", exact=True).click()


def _fill(page, **values):
    for name, value in values.items():
        page.locator(f"[name={name}]").fill(value)


def _choose(page, name: str, value: str):
    page.locator(f"input[name={name}][value={value}]").check()


def _task(page, name: str):
    expect(page.locator("h1")).to_have_text("Make a money claim")
    page.get_by_role("link", name=name).click()


def _add_items(page, items: list[dict], *, first_needs_yes: bool = False):
    if first_needs_yes:
        _choose(page, "add_another", "yes")
        _continue(page)
    for number, item in enumerate(items):
        _fill(page, **{k: v for k, v in item.items() if k != "evidence_type"})
        if "evidence_type" in item:
            _choose(page, "evidence_type", item["evidence_type"])
        _continue(page)
        _choose(page, "add_another", "yes" if number + 1 < len(items) else "no")
        _continue(page)


def check_eligibility(page):
    page.goto(reverse("civil_claims:start"))
    page.get_by_role("button", name="Start now").click()
    # A wrong answer first: its own page says why, and the way back changes it.
    _choose(page, "answer", "over")
    _continue(page)
    expect(page.locator("h1")).to_have_text("You cannot use this service")
    expect(page.locator("main")).to_contain_text("Money Claim Online")
    page.get_by_role("link", name="change your answer").click()
    for _slug, value in ELIGIBLE:
        _choose(page, "answer", value)
        _continue(page)
    expect(page.locator("h1")).to_have_text("You can use this service")
    page.get_by_role("button", name="Continue").click()


def make_the_claim(page, *, contact: str, email: str = ""):
    """Every task on the task list, to check your answers."""
    _task(page, "Your details")
    _choose(page, "party_type", "individual")
    _continue(page)
    _fill(
        page,
        first_name="Sam",
        last_name="Claimant",
        date_of_birth_0="3",
        date_of_birth_1="4",
        date_of_birth_2="1980",
        line_1="1 High Street",
        town="Leeds",
        postcode="ls1 1aa",
    )
    _continue(page)
    _choose(page, "different", "no")
    _continue(page)
    expect(page.locator("h1")).to_contain_text("How we contact you")
    _choose(page, "contact", contact)
    if contact == "email":
        _fill(page, email=email)
    _continue(page)

    _task(page, "The defendant’s details")
    _choose(page, "party_type", "company")
    _continue(page)
    # A Scottish postcode is refused, and what was typed stays.
    _fill(page, organisation_name="Acme Builders Ltd", line_1="2 Low Road", town="Edinburgh")
    _fill(page, postcode="EH1 1AA")
    _continue(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a postcode in England")
    expect(page.locator("[name=organisation_name]")).to_have_value("Acme Builders Ltd")
    _fill(page, town="Cardiff", postcode="CF10 1AA")
    _continue(page)
    _choose(page, "different", "no")
    _continue(page)
    _fill(page, email="accounts@acme.example.com")
    _continue(page)

    _task(page, "How much you are claiming")
    _add_items(
        page,
        [
            {"reason": "Unpaid invoice 101", "amount_pence": "900.00"},
            {"reason": "Unpaid invoice 102", "amount_pence": "100.00"},
        ],
    )

    _task(page, "Interest")
    expect(page.locator("h1")).to_have_text("Interest on the £1,000.00 you are claiming")
    _choose(page, "kind", "same_rate")
    _continue(page)
    _choose(page, "rate_type", "statutory")
    _continue(page)
    _choose(page, "start", "custom")
    _fill(
        page,
        start_date_0="10",
        start_date_1="3",
        start_date_2="2025",
        start_reason="The invoices were due",
    )
    _continue(page)
    _choose(page, "end", "submission")
    _continue(page)

    _task(page, "The court fee")
    expect(page.locator("h1")).to_contain_text("The court fee is £")
    expect(page.locator("#interest-worked-out")).to_contain_text("Interest each day")
    _choose(page, "how", "card")
    _continue(page)

    _task(page, "Your claim")
    _fill(page, reason="Acme did not pay two invoices for plastering work.")
    _continue(page)
    _choose(page, "tried", "yes")
    _continue(page)
    _add_items(page, [{"when": "5 April 2025", "what": "I sent both invoices"}])
    _add_items(
        page,
        [{"evidence_type": "receipt", "description": "The two invoices"}],
        first_needs_yes=True,
    )

    _task(page, "Statement of truth")
    expect(page.locator("main")).to_contain_text("Proceedings for contempt of court")
    page.locator("input[name=believed_true]").check()
    _continue(page)

    page.get_by_role("link", name="Check your answers and send").click()
    expect(page.locator("h1")).to_have_text("Check your answers before you send your claim")
    expect(page.locator("#check-outcome")).to_contain_text("£1,000.00")
    page.get_by_role("button", name="Send my claim").click()
    expect(page.locator("h1")).to_have_text("Enter card details")


def enter_card(page, number: str = "4444333322221111"):
    page.get_by_label("Card number").fill(number)
    page.get_by_label("Month").fill("12")
    page.get_by_label("Year").fill("2040")
    page.get_by_label("Name on card").fill("Sam Claimant")
    page.get_by_label("Card security code").fill("123")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Confirm payment").click()
    expect(page.locator("h1")).to_have_text("Payment received")


def test_a_new_user_makes_a_claim_and_pays_by_card(page, browser_sign_in):
    user = UserFactory(email="sam@example.com")
    browser_sign_in(user)
    check_eligibility(page)
    make_the_claim(page, contact="email", email="sam@example.com")
    enter_card(page)

    claim = Claim.objects.get()
    assert (claim.status, claim.user) == (ClaimStatus.OPEN, user)
    page.get_by_role("link", name="Go back to your application").click()
    expect(page.locator("h1")).to_have_text("Your claim has been issued")
    expect(page.locator("main")).to_contain_text(claim.claim_number)
    expect(page.locator("main")).to_contain_text("by an email to sam@example.com")
    page.get_by_role("link", name="View your claim").click()
    expect(page.locator("#claim-summary")).to_contain_text("The defendant must respond by")
    expect(page.locator("#claim-history")).to_contain_text("Claim issued")
    page.goto(reverse("accounts:your-applications"))
    expect(page.locator("main")).to_contain_text("Money claim against Acme Builders Ltd")
    assert not page_problems(page)


def test_the_whole_claim_works_with_javascript_off(
    browser, live_server, _static_files_without_manifest
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        check_eligibility(page)
        make_the_claim(page, contact="email", email="sam@example.com")
        enter_card(page)
        page.get_by_role("link", name="Go back to your application").click()
        expect(page.locator("h1")).to_have_text("Your claim has been issued")
    finally:
        context.close()
    claim = Claim.objects.get()
    assert (claim.status, claim.user) == (ClaimStatus.OPEN, None)


def test_an_agent_makes_a_claim_for_a_citizen_without_email(page, browser_context, live_server):
    citizen = CitizenWithoutEmailFactory(full_name="Margaret Evans")
    client = agent_helping(citizen)
    agent = client.agent
    browser_session_from(browser_context, live_server, client)
    check_eligibility(page)
    make_the_claim(page, contact="post")
    expect(page.locator("main")).to_contain_text("Telephone payment")
    enter_card(page)

    claim = Claim.objects.get()
    assert (claim.status, claim.user, claim.channel) == (ClaimStatus.OPEN, citizen, "assisted")
    assert claim.claimant.contact_channel == "letter"
    payment = Payment.objects.get()
    assert (payment.moto, payment.entered_by, payment.started_by) == (True, agent, citizen)
    page.get_by_role("link", name="Go back to your application").click()
    # The agent reads of the citizen's claim, not of "your" claim (issue #12 point 4).
    expect(page.locator("h1")).to_have_text("Margaret Evans’s claim has been issued")
    expect(page.locator("#claim-contact")).to_contain_text("by a letter to Sam Claimant")
    assert OutboundMessage.objects.filter(channel="letter").exists()
    assert not OutboundMessage.objects.filter(channel="email", recipient__icontains="sam").exists()
