"""The whole journey in real Chromium, as a new user would: both types, from the start
page to a completed LPA; and an agent making one on the phone for a donor with no email
(the documents go by post). Every page is checked for console, HTTP and CSP problems."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from digital_services.notifications.models import OutboundMessage
from lasting_power.constants import LpaStatus
from lasting_power.models import Lpa
from tests.accounts.factories import UserFactory
from tests.assisted_digital.factories import CitizenWithoutEmailFactory, agent_helping
from tests.browser_support import browser_session_from, page_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _links_on_the_live_server(settings, live_server):
    settings.SITE_URL = live_server.url


def _save(page):
    page.get_by_role("button", name="Save and continue").click()


def _continue(page):
    page.get_by_role("button", name="Continue", exact=True).click()


def _heading(page, text):
    expect(page.locator("h1")).to_have_text(text)


def _person(page, first, last, *, born=("17", "5", "1960"), postcode="LS1 1AA", line_1=None):
    page.get_by_label("Title", exact=True).select_option("Mr")
    page.get_by_label("First names", exact=True).fill(first)
    page.get_by_label("Last name", exact=True).fill(last)
    if born:
        page.get_by_label("Day").fill(born[0])
        page.get_by_label("Month").fill(born[1])
        page.get_by_label("Year").fill(born[2])
    page.get_by_label("Address line 1", exact=True).fill(line_1 or f"1 {last} Road")
    page.get_by_label("Town or city (optional)").fill("Leeds")
    page.get_by_label("Postcode (optional)").fill(postcode)


def _add_another(page, answer):
    page.get_by_label(answer, exact=True).check()
    _continue(page)


def _answer_common_start(page, *, donor_can_sign="Yes"):
    _heading(page, "The donor")
    _person(page, "Dorothy", "Donor")
    page.get_by_role("group", name="Can the donor sign").get_by_label(donor_can_sign).check()
    _save(page)


def _certificate_provider_and_the_rest(
    page, *, notify: bool, contact: str, registering="The donor"
):
    _heading(page, "The certificate provider")
    _person(page, "Cyril", "Certifier", born=None, postcode="LS9 9ZZ")
    page.get_by_label("Professionally", exact=False).check()
    page.get_by_label("None of these").check()
    _save(page)
    _heading(page, "People to notify")
    if notify:
        _add_another(page, "Yes")
        _person(page, "Nora", "Notified", born=None, postcode="LS7 7AA")
        _save(page)
    _add_another(page, "No")
    _heading(page, "Preferences and instructions")
    page.get_by_label("Instructions (optional)").fill("Do not sell the house while I live there.")
    _save(page)
    _heading(page, "Who is registering the LPA")
    page.get_by_label(registering, exact=True).check()
    _save(page)
    _heading(page, "Who gets the LPA and letters")
    page.get_by_label("The donor", exact=True).check()
    page.get_by_role("group", name="Welsh").get_by_label("No").check()
    _save(page)
    _heading(page, "How we send them the documents")
    page.get_by_label(contact, exact=True).check()
    if contact == "Email":
        page.get_by_label("Email address").fill("dorothy@example.com")
    page.get_by_label("Address line 1").fill("1 Donor Road")
    page.get_by_label("Town or city").fill("Leeds")
    page.get_by_label("Postcode").fill("LS1 1AA")
    _save(page)
    _heading(page, "Repeat application")
    page.get_by_label("No", exact=True).check()
    _save(page)
    _heading(page, "Check the LPA")
    page.get_by_role("link", name="Continue to the fee").click()


def test_a_new_user_makes_a_property_and_financial_affairs_lpa_and_pays_by_cheque(
    page, browser_sign_in
):
    user = UserFactory(email="new.user@example.com", full_name="Nia New")
    browser_sign_in(user)
    page.goto(reverse("lasting_power:start"))
    page.get_by_role("button", name="Start now").click()
    _heading(page, "Which type of LPA do you want to make?")
    page.get_by_label("Property and financial affairs").check()
    _continue(page)
    _answer_common_start(page)
    _heading(page, "When the LPA can be used")
    page.get_by_label("As soon as it is registered").check()
    _save(page)
    _heading(page, "A trust corporation as an attorney")
    page.get_by_role("group", name="trust corporation").get_by_label("No", exact=True).check()
    _save(page)
    _heading(page, "The attorneys")
    _add_another(page, "Yes")
    _person(page, "Ann", "Attorney")
    _save(page)
    _add_another(page, "Yes")
    _person(page, "Dorothy", "Donor", postcode="LS2 2AA")  # the donor's name: a warning
    _save(page)
    _add_another(page, "No")
    expect(page.get_by_role("button", name="Continue anyway")).to_be_visible()
    expect(page.locator("main")).to_contain_text("cannot be both the donor and an attorney")
    page.get_by_role("button", name="Continue anyway").click()
    _heading(page, "How the attorneys make decisions")
    page.get_by_label("Jointly and severally", exact=True).check()
    _save(page)
    _heading(page, "Replacement attorneys")
    _add_another(page, "Yes")
    _person(page, "Rita", "Replacement")
    _save(page)
    _add_another(page, "No")
    _heading(page, "When replacement attorneys step in")
    page.get_by_label("Only when none of the original attorneys can act").check()
    _save(page)
    _certificate_provider_and_the_rest(page, notify=True, contact="Email")
    page.get_by_role("group", name="reduced fee").get_by_label("No", exact=True).check()
    _continue(page)
    _heading(page, "Pay the fee")
    expect(page.locator("#fee-outcome")).to_contain_text("£92")
    page.get_by_label("By cheque").check()
    _continue(page)
    expect(page.locator("h1")).to_have_text("LPA completed")
    lpa = Lpa.objects.get(user=user)
    assert lpa.status == LpaStatus.COMPLETED and lpa.payment_method == "cheque"
    assert len(lpa.answers["attorneys"]["items"]) == 2
    page.get_by_role("link", name="Go to your LPAs").click()
    expect(page.locator("main")).to_contain_text(lpa.reference_display)
    expect(page.locator("main")).to_contain_text("Completed")
    assert page_problems(page) == []


def test_a_new_user_makes_a_health_and_welfare_lpa_and_pays_by_card(page, browser_sign_in):
    user = UserFactory(email="hw.user@example.com", full_name="Hal Welfare")
    browser_sign_in(user)
    page.goto(reverse("lasting_power:lpa-new"))
    page.get_by_label("Health and welfare").check()
    _continue(page)
    _answer_common_start(page, donor_can_sign="No")
    _heading(page, "Life-sustaining treatment")
    page.get_by_label("Option B").check()
    _save(page)
    _heading(page, "The attorneys")
    _add_another(page, "Yes")
    _person(page, "Ann", "Attorney")
    _save(page)
    _add_another(page, "No")
    _heading(page, "Replacement attorneys")
    _add_another(page, "No")
    _certificate_provider_and_the_rest(
        page, notify=False, contact="Email", registering="The attorney"
    )
    page.get_by_role("group", name="reduced fee").get_by_label("Yes", exact=True).check()
    page.get_by_label("None of these").check()
    page.get_by_role("group", name="damages").get_by_label("No").check()
    page.get_by_role("group", name="income").get_by_label("Yes").check()
    _continue(page)
    expect(page.locator("#fee-outcome")).to_contain_text("£46")
    page.get_by_label("By debit or credit card now").check()
    _continue(page)
    page.get_by_label("Card number").fill("4444333322221111")
    page.get_by_label("Month").fill("12")
    page.get_by_label("Year").fill("2040")
    page.get_by_label("Name on card").fill("Hal Welfare")
    page.get_by_label("Card security code").fill("123")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Confirm payment").click()
    expect(page.locator("h1")).to_have_text("Payment received")
    lpa = Lpa.objects.get(user=user)
    assert lpa.status == LpaStatus.COMPLETED and lpa.payment_method == "card"
    assert lpa.fee_pence == 4600


@pytest.fixture
def agent_page(page, browser_context, live_server):
    """An agent (second factor done) on the phone with Margaret, who has no email."""
    margaret = CitizenWithoutEmailFactory(full_name="Margaret Evans")
    client = agent_helping(margaret)
    browser_session_from(browser_context, live_server, client)
    page.margaret = margaret
    return page


def test_an_agent_makes_an_lpa_on_the_phone_for_a_donor_with_no_email(agent_page):
    page = agent_page
    page.goto(reverse("lasting_power:lpa-new"))
    page.get_by_label("Health and welfare").check()
    _continue(page)
    page.get_by_label("Use the details of").select_option("me")
    page.get_by_role("button", name="Use these details").click()
    expect(page.get_by_label("First names", exact=True)).to_have_value("Margaret")
    expect(page.get_by_label("Postcode (optional)")).to_have_value("CF10 1AA")
    page.get_by_label("Title", exact=True).select_option("Mrs")
    page.get_by_role("group", name="Can the donor sign").get_by_label("Yes").check()
    _save(page)
    page.get_by_label("Option A").check()
    _save(page)
    _add_another(page, "Yes")
    _person(page, "Ann", "Attorney")
    _save(page)
    _add_another(page, "No")
    _add_another(page, "No")
    _certificate_provider_and_the_rest(page, notify=False, contact="Post")
    page.get_by_role("group", name="reduced fee").get_by_label("No", exact=True).check()
    _continue(page)
    page.get_by_label("By cheque").check()
    _continue(page)
    expect(page.locator("h1")).to_have_text("LPA completed")
    lpa = Lpa.objects.get()
    assert lpa.user == page.margaret and lpa.channel == "assisted"
    letter = OutboundMessage.objects.get(template_key="lasting_power.completed")
    assert letter.channel == "letter" and "1 Donor Road" in letter.recipient
    assert not OutboundMessage.objects.filter(
        template_key="lasting_power.completed", channel="email"
    ).exists()
