"""Booking a visit in real Chromium as a new user would: from the start page to the
confirmation, then the status page and withdrawing, with JavaScript on and off.

Time runs from Wednesday 25 November 2026, 9am (the live server's thread shares it).
"""

from datetime import date

import pytest
import time_machine
from playwright.sync_api import expect

from prison_visits.constants import VisitStatus
from prison_visits.models import Visit
from tests.browser_support import page_problems

from .conftest import NOW
from .factories import PrisonFactory, RegisterEntryFactory, slot_on

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def moving_time():
    with time_machine.travel(NOW, tick=True):
        yield


@pytest.fixture
def brixton(moving_time):
    prison = PrisonFactory(name="HMP Brixton", slug="hmp-brixton")
    PrisonFactory(name="HMP Kingston", availability="closed")
    RegisterEntryFactory(prison=prison, prison_number="A1234BC", date_of_birth=date(1990, 5, 17))
    return prison


def fill_date(page, legend: str, value: date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(value.day))
    group.get_by_label("Month").fill(str(value.month))
    group.get_by_label("Year").fill(str(value.year))


def book_a_visit(page) -> str:
    """Goes through the whole journey; returns the reference shown on the confirmation."""
    page.goto("/prison-visits/")
    page.get_by_role("button", name="Start now").click()

    expect(page.locator("h1")).to_have_text("Which prison is the person you want to visit in?")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the name of the prison")
    page.get_by_label("Prison name").fill("kingston")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("HMP Kingston has closed")
    page.get_by_role("link", name="Choose a different prison").click()
    page.get_by_label("Prison name").fill("brixton")
    page.get_by_role("button", name="Continue").click()

    expect(page.locator("h1")).to_have_text("Who are you visiting?")
    page.get_by_label("First name").fill("Jo")
    page.get_by_label("Last name").fill("Bloggs")
    fill_date(page, "Date of birth", date(1990, 5, 18))
    page.get_by_label("Prison number").fill("a1234 bc")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Check the prison number")
    fill_date(page, "Date of birth", date(1990, 5, 17))
    page.get_by_role("button", name="Continue").click()

    expect(page.locator("h1")).to_have_text("When do you want to visit?")
    expect(page.locator("table caption").first).to_have_text("November 2026")
    page.get_by_label("First choice").select_option(slot_on(date(2026, 12, 1)).key)
    page.get_by_label("Second choice (optional)").select_option(slot_on(date(2026, 12, 3)).key)
    page.get_by_role("button", name="Continue").click()

    expect(page.locator("h1")).to_have_text("Your details")
    page.get_by_label("First name").fill("Morgan")
    page.get_by_label("Last name").fill("Visitor")
    fill_date(page, "Date of birth", date(1982, 4, 1))
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Email address", exact=True).fill("morgan@example.com")
    page.get_by_label("Confirm email address").fill("morgan@example.com")
    page.get_by_label("UK phone number").fill("07700 900982")
    page.get_by_role("button", name="Continue").click()

    expect(page.locator("h1")).to_have_text("You have not added any visitors")
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("Another visitor’s details")
    page.get_by_label("First name").fill("Casey")
    page.get_by_label("Last name").fill("Visitor")
    fill_date(page, "Date of birth", date(2015, 9, 10))
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("You have added 1 visitor")
    page.get_by_label("No").check()
    page.get_by_role("button", name="Continue").click()

    expect(page.locator("h1")).to_have_text("Check your visit request")
    expect(page.locator("main")).to_contain_text("1. Tuesday 1 December 2026, 2pm to 4pm")
    expect(page.locator("main")).to_contain_text("Casey Visitor")
    page.get_by_role("button", name="Send request").click()

    expect(page.locator("h1")).to_have_text("Visit request sent")
    expect(page.locator("main")).to_contain_text("Monday 30 November 2026")
    return page.locator(".govuk-panel__body strong").inner_text()


def check_and_withdraw(page) -> None:
    page.get_by_role("link", name="check your visit request").click()
    expect(page.locator("h1")).to_have_text("Your visit is not booked yet")
    expect(page.locator("main")).to_contain_text("Casey Visitor")
    page.get_by_role("button", name="Withdraw your request").click()
    expect(page.locator("h1")).to_have_text("Are you sure you want to withdraw your visit request?")
    page.get_by_role("button", name="Yes, withdraw my request").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "You have withdrawn your visit request"
    )


def test_a_new_user_books_a_visit_and_withdraws_it(page, brixton):
    reference = book_a_visit(page)
    check_and_withdraw(page)

    visit = Visit.objects.get()
    assert visit.reference_display == reference
    assert visit.status == VisitStatus.WITHDRAWN
    assert visit.prison == brixton
    assert [v.first_name for v in visit.visitors.order_by("position")] == ["Morgan", "Casey"]
    # A favicon request that a quick navigation aborts is reported as "failed"; it is not
    # a problem of these pages (tests/quality/a11y sees the same on other journeys).
    assert [p for p in page_problems(page) if not p.endswith("/favicon.svg")] == []


def test_the_whole_journey_works_with_javascript_off(browser, live_server, brixton):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        reference = book_a_visit(page)
        assert page.locator("body.js-enabled").count() == 0  # no script ran
        check_and_withdraw(page)
    finally:
        context.close()

    visit = Visit.objects.get()
    assert visit.reference_display == reference
    assert visit.status == VisitStatus.WITHDRAWN


#: Problems at the page's current width: sideways scrolling, and words broken across lines
#: (each word of the main content's text must sit on one line).
REFLOW_PROBLEMS = """() => {
    const problems = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) {
        problems.push(`scrolls sideways: ${root.scrollWidth}px wide in ${root.clientWidth}px`);
    }
    const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const box = node.parentElement.getBoundingClientRect();
        if (!box.width || getComputedStyle(node.parentElement).visibility === "hidden") continue;
        for (const match of node.textContent.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (tops.size > 1) problems.push(`"${match[0]}" is broken across lines`);
        }
    }
    return problems;
}"""


def test_the_calendar_and_the_status_page_reflow_at_320_px(browser, live_server, brixton):
    """Issue #12 point 11 (WCAG 1.4.10): no sideways scrolling, no word broken mid-word."""
    from prison_visits.models import BlockedDate

    BlockedDate.objects.create(prison=brixton, date=date(2026, 12, 5), reason="Family day")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto("/prison-visits/book/prison/")
        page.get_by_label("Prison name").fill("brixton")
        page.get_by_role("button", name="Continue").click()
        page.get_by_label("First name").fill("Jo")
        page.get_by_label("Last name").fill("Bloggs")
        fill_date(page, "Date of birth", date(1990, 5, 17))
        page.get_by_label("Prison number").fill("A1234BC")
        page.get_by_role("button", name="Continue").click()
        expect(page.locator("h1")).to_have_text("When do you want to visit?")
        calendar = page.evaluate(REFLOW_PROBLEMS)

        reference = book_a_visit_from_slots(page)
        page.get_by_role("link", name="check your visit request").click()
        expect(page.locator("h1")).to_have_text("Your visit is not booked yet")
        status = page.evaluate(REFLOW_PROBLEMS)
    finally:
        context.close()

    assert reference
    assert calendar == [], calendar
    assert status == [], status


def book_a_visit_from_slots(page) -> str:
    page.get_by_label("First choice").select_option(slot_on(date(2026, 12, 1)).key)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("First name").fill("Morgan")
    page.get_by_label("Last name").fill("Visitor")
    fill_date(page, "Date of birth", date(1982, 4, 1))
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Email address", exact=True).fill("morgan@example.com")
    page.get_by_label("Confirm email address").fill("morgan@example.com")
    page.get_by_label("UK phone number").fill("07700 900982")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("No").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Send request").click()
    expect(page.locator("h1")).to_have_text("Visit request sent")
    return page.locator(".govuk-panel__body strong").inner_text()
