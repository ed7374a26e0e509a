"""Issue #20: booking a prison visit in Welsh in real Chromium, as a new user would: the
"Cymraeg" switcher on the start page, every question, an error, check your answers and the
confirmation in Welsh, then the email in the outbox is the Welsh template.

Time runs from Wednesday 25 November 2026, 9am (the live server's thread shares it).
"""

from datetime import date

import pytest
from playwright.sync_api import expect

from digital_services.notifications.models import OutboundMessage
from digital_services.notifications.registry import template_get, template_render
from prison_visits.models import Visit

from .factories import slot_on
from .test_browser_journey import brixton, moving_time  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_date(page, legend: str, value: date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Diwrnod").fill(str(value.day))
    group.get_by_label("Mis").fill(str(value.month))
    group.get_by_label("Blwyddyn").fill(str(value.year))


def test_a_new_user_books_a_visit_in_welsh_and_gets_the_welsh_email(page, brixton):  # noqa: F811
    page.goto("/prison-visits/")
    page.get_by_role("link", name="Cymraeg").click()
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.locator("h1")).to_have_text("Trefnu ymweliad â charchar")
    page.get_by_role("button", name="Dechrau nawr").click()

    expect(page.locator("h1")).to_have_text(
        "Ym mha garchar mae’r person rydych eisiau ymweld ag ef?"
    )
    page.get_by_role("button", name="Parhau").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Mae problem wedi codi")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Rhowch enw’r carchar")
    assert page.title().startswith("Gwall:")
    page.get_by_label("Enw’r carchar").fill("brixton")
    page.get_by_role("button", name="Parhau").click()

    expect(page.locator("h1")).to_have_text("Pwy ydych chi’n ymweld â nhw?")
    page.get_by_label("Enw cyntaf").fill("Jo")
    page.get_by_label("Cyfenw").fill("Bloggs")
    fill_date(page, "Dyddiad geni", date(1990, 5, 17))
    page.get_by_label("Rhif carchar").fill("a1234 bc")
    page.get_by_role("button", name="Parhau").click()

    expect(page.locator("h1")).to_have_text("Pryd ydych chi eisiau ymweld?")
    expect(page.locator("table caption").first).to_have_text("Tachwedd 2026")
    page.get_by_label("Dewis cyntaf").select_option(slot_on(date(2026, 12, 1)).key)
    page.get_by_role("button", name="Parhau").click()

    expect(page.locator("h1")).to_have_text("Eich manylion")
    page.get_by_label("Enw cyntaf").fill("Morgan")
    page.get_by_label("Cyfenw").fill("Visitor")
    fill_date(page, "Dyddiad geni", date(1982, 4, 1))
    page.get_by_label("E-bost", exact=True).check()
    page.get_by_label("Cyfeiriad e-bost", exact=True).fill("morgan@example.com")
    page.get_by_label("Cadarnhewch y cyfeiriad e-bost").fill("morgan@example.com")
    page.get_by_label("Rhif ffôn yn y DU").fill("07700 900982")
    page.get_by_role("button", name="Parhau").click()

    expect(page.locator("h1")).to_have_text("Nid ydych wedi ychwanegu unrhyw ymwelwyr")
    page.get_by_label("Na", exact=True).check()
    page.get_by_role("button", name="Parhau").click()

    expect(page.locator("h1")).to_have_text("Gwirio eich cais am ymweliad")
    expect(page.locator("main")).to_contain_text("1. Dydd Mawrth 1 Rhagfyr 2026")
    expect(page.locator("main")).to_contain_text("Newid")
    page.get_by_role("button", name="Anfon y cais").click()

    expect(page.locator("h1")).to_have_text("Cais am ymweliad wedi’i anfon")
    expect(page.locator("main")).to_contain_text("Dydd Llun 30 Tachwedd 2026")

    visit = Visit.objects.get()
    assert visit.language == "cy"
    email = OutboundMessage.objects.get(
        channel="email", template_key="prison_visits.request_received"
    )
    assert email.language == "cy"
    sent = template_render(
        template_get(email.template_key),
        language=email.language,
        personalisation=email.personalisation,
        channel="email",
    )
    assert sent.subject.startswith("Wedi cael y cais am ymweliad")
    assert sent.body.startswith("Annwyl Morgan Visitor")
    assert "Rhagfyr 2026" in sent.body
