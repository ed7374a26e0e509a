"""Everyone can finish (issue #12), in real Chromium: an agent helps Margaret Evans, who
has no email address and wants letters, through every tribunal fees journey and a
prison visit request. The contact step starts on her recorded preference (post), the
pages say a letter goes to her address, a card payment is a telephone (MOTO) payment
that ends on "Payment received", and the outbox holds a letter for each outcome."""

import importlib
from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from digital_services.notifications.models import OutboundMessage
from digital_services.payments.models import Payment
from tests.assisted_digital.factories import CitizenWithoutEmailFactory, agent_helping
from tests.browser_support import browser_session_from
from tribunal_fees.constants import FeeCaseStatus
from tribunal_fees.models import FeeCase

from .test_browser_journey import enter_card

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _fee_schedule(transactional_db):
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    seed = importlib.import_module("tribunal_fees.migrations.0002_fee_schedule_2013")
    seed.schedule_seed(apps, SimpleNamespace(connection=connection))


@pytest.fixture(autouse=True)
def _links_on_the_live_server(settings, live_server):
    settings.SITE_URL = live_server.url


@pytest.fixture
def margaret(transactional_db):
    return CitizenWithoutEmailFactory(full_name="Margaret Evans")


@pytest.fixture
def agent_page(page, browser_context, live_server, margaret):
    """The browser of an agent (signed in with a second factor) helping Margaret by phone."""
    client = agent_helping(margaret)
    browser_session_from(browser_context, live_server, client)
    page.agent = client.agent
    return page


def _continue(page):
    page.get_by_role("button", name="Continue", exact=True).click()


def _contact_is_post_already(page):
    """The agent sees Margaret's recorded preference chosen, and her address filled in."""
    expect(page.get_by_label("Post", exact=True)).to_be_checked()
    expect(page.get_by_label("Address line 1")).to_have_value(margaret_address_line(page.margaret))
    expect(page.locator("main")).not_to_contain_text("Enter your email address")


def margaret_address_line(citizen) -> str:
    return citizen.citizen_profile.address_line_1


def _letter(template: str) -> OutboundMessage:
    return OutboundMessage.objects.get(template_key=template, channel="letter")


def _describe_a_fee(page):
    page.get_by_label("Employment tribunal or Employment Appeal Tribunal").check()
    _continue(page)
    page.get_by_label("An issue fee for a new claim").check()
    _continue(page)
    page.get_by_label("Day").fill("14")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2016")
    _continue(page)


def test_an_agent_pays_a_fee_for_a_citizen_without_email(agent_page, margaret):
    page = agent_page
    page.margaret = margaret
    page.goto(reverse("tribunal_fees:start"))
    page.get_by_role("button", name="Start now").click()
    _describe_a_fee(page)
    page.get_by_label("The claimant").check()
    _continue(page)
    page.get_by_label("How many people are named as claimants on the claim?").fill("1")
    _continue(page)
    page.get_by_label("Unfair dismissal").check()
    _continue(page)
    page.get_by_label("Pay the fee now by card").check()
    _continue(page)
    _contact_is_post_already(page)
    _continue(page)
    expect(page.locator("main")).to_contain_text(
        f"A letter to {margaret_address_line(margaret)}, Cardiff, CF10 1AA"
    )
    _continue(page)

    expect(page.locator("h1")).to_have_text("Enter card details")
    expect(page.locator("main")).to_contain_text("Telephone payment")
    enter_card(page, "4444333322221111")
    page.get_by_role("button", name="Confirm payment").click()

    expect(page.locator("h1")).to_have_text("Payment received")
    fee_case = FeeCase.objects.get()
    assert fee_case.status == FeeCaseStatus.PAID
    payment = Payment.objects.get()
    assert (payment.moto, payment.entered_by, payment.started_by) == (True, page.agent, margaret)
    page.get_by_role("link", name="Go back to your application").click()
    expect(page.locator("main")).to_contain_text("Margaret Evans’s receipt")
    letter = _letter("tribunal_fees.fee_receipt")
    assert letter.recipient.splitlines()[0] == "Margaret Evans"
    assert not OutboundMessage.objects.filter(channel="email").exists()


def _fill(page, **values):
    for name, value in values.items():
        page.locator(f"input[name={name}]").fill(value)


def _choose(page, name: str, value: str):
    page.locator(f"input[name={name}][value={value}]").check()


def test_an_agent_applies_for_help_with_fees_for_a_citizen_without_email(agent_page, margaret):
    page = agent_page
    page.margaret = margaret
    page.goto(reverse("tribunal_fees:apply-for-help-with-fees-start"))
    _choose(page, "has_reference", "no")
    _continue(page)
    _describe_a_fee(page)
    _choose(page, "claim_elements", "unfair_dismissal")
    _continue(page)
    _fill(
        page,
        applicant_name="Margaret Evans",
        applicant_date_of_birth_0="14",
        applicant_date_of_birth_1="3",
        applicant_date_of_birth_2="1948",
    )
    _continue(page)
    _fill(page, ni_number="QQ123456C")
    _continue(page)
    _choose(page, "has_partner", "no")
    _continue(page)
    _fill(page, capital_pence="0")
    _continue(page)
    _choose(page, "benefit", "jsa")
    _continue(page)
    _contact_is_post_already(page)
    _continue(page)
    page.get_by_role("button", name="Accept and send").click()

    expect(page.locator("h1")).to_have_text("Help with Fees application sent")
    expect(page.locator("main")).to_contain_text("in a letter to Margaret Evans, ")
    _letter("tribunal_fees.hwf_submitted")
    assert not OutboundMessage.objects.filter(channel="email").exists()


def test_an_agent_applies_for_a_refund_for_a_citizen_without_email(agent_page, margaret):
    page = agent_page
    page.margaret = margaret
    page.goto(reverse("tribunal_fees:refund-start"))
    _choose(page, "profile", "paid_myself")
    _continue(page)
    _fill(
        page,
        full_name="Margaret Evans",
        date_of_birth_0="14",
        date_of_birth_1="3",
        date_of_birth_2="1948",
    )
    _continue(page)
    _choose(page, "name_changed", "no")
    _continue(page)
    _contact_is_post_already(page)
    _continue(page)
    _choose(page, "paid_here", "no")
    _continue(page)
    _choose(page, "region", "england_wales")
    _fill(page, et_case_number="1234567/2016")
    _continue(page)
    _fill(page, respondent_name="Example Ltd")
    _continue(page)
    if page.locator("input[name=add_another]").count():
        _choose(page, "add_another", "yes")
        _continue(page)
    _choose(page, "kind", "et_issue")
    _choose(page, "method", "card")
    _fill(page, amount_pence="250", paid_month="3", paid_year="2016")
    _continue(page)
    _choose(page, "add_another", "no")
    _continue(page)
    _fill(
        page,
        account_name="M Evans",
        bank_name="Example Bank",
        sort_code="309430",
        account_number="00733445",
    )
    _continue(page)
    page.get_by_role("button", name="Accept and send").click()

    expect(page.locator("h1")).to_have_text("Refund application sent")
    expect(page.locator("main")).to_contain_text("in a letter to Margaret Evans, ")
    _letter("tribunal_fees.refund_submitted")
    assert not OutboundMessage.objects.filter(channel="email").exists()


def test_an_agent_requests_a_prison_visit_for_a_citizen_without_email(agent_page, margaret):
    from prison_visits.models import Visit
    from tests.prison_visits.factories import PrisonFactory, RegisterEntryFactory

    page = agent_page
    page.margaret = margaret
    prison = PrisonFactory(name="HMP Brixton", slug="hmp-brixton")
    RegisterEntryFactory(prison=prison, prison_number="A1234BC", date_of_birth=date(1990, 5, 17))
    page.goto(reverse("prison_visits:start"))
    page.get_by_role("button", name="Start now").click()
    page.get_by_label("Prison name").fill("brixton")
    _continue(page)
    page.get_by_label("First name").fill("Jo")
    page.get_by_label("Last name").fill("Bloggs")
    page.get_by_label("Day").fill("17")
    page.get_by_label("Month").fill("5")
    page.get_by_label("Year").fill("1990")
    page.get_by_label("Prison number").fill("A1234BC")
    _continue(page)
    first = page.get_by_label("First choice")
    first.select_option(index=1)
    _continue(page)
    page.get_by_label("First name").fill("Margaret")
    page.get_by_label("Last name").fill("Evans")
    page.get_by_label("Day").fill("14")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("1948")
    page.get_by_label("UK phone number").fill("01792 000111")
    _contact_is_post_already(page)
    _continue(page)
    page.get_by_label("No").check()
    _continue(page)
    page.get_by_role("button", name="Send request").click()

    expect(page.locator("h1")).to_have_text("Visit request sent")
    main = page.locator("main")
    expect(main).to_contain_text("in a letter to ")
    expect(main).not_to_contain_text("We email you")
    expect(main).not_to_contain_text("text message")
    visit = Visit.objects.get()
    letter = _letter("prison_visits.request_received")
    assert letter.object_id == str(visit.pk)
    assert not OutboundMessage.objects.filter(channel__in=["email", "sms"]).exists()
