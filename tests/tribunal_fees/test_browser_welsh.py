"""Issue #20's second end-to-end case: paying a tribunal fee in Welsh in real Chromium, as a
new user would (no account): the "Cymraeg" switcher on the start page, every question, an
error, "Your fee", check your answers, the payments sandbox's card pages, the confirmation
and the fee's page, every page with lang="cy"; then the receipt email in the outbox is the
Welsh template with the description and date in Welsh, and the receipt PDF downloaded from
the fee's page reads back in Welsh (pypdf), money formatted as in English."""

import io
import re

import pytest
from django.utils import translation
from playwright.sync_api import expect
from pypdf import PdfReader

from digital_services.core.dates import date_format
from digital_services.notifications.models import OutboundMessage
from digital_services.notifications.registry import template_get, template_render
from tribunal_fees.constants import FeeCaseStatus
from tribunal_fees.models import FeeCase

from .test_browser_journey import _fee_schedule, _links_on_the_live_server  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WELSH_MONTHS = (
    "Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr"
).split()


def welsh_page(page, heading: str) -> None:
    """The page has the heading, and is marked as Welsh."""
    expect(page.locator("h1")).to_have_text(heading)
    expect(page.locator("html")).to_have_attribute("lang", "cy")


def parhau(page) -> None:
    page.get_by_role("button", name="Parhau", exact=True).click()


def test_a_new_user_pays_a_fee_in_welsh_and_gets_a_welsh_email_and_receipt(page):
    page.goto("/tribunal-fees/")
    page.get_by_role("link", name="Cymraeg").click()
    welsh_page(page, "Talu ffioedd tribiwnlys")
    page.get_by_role("button", name="Dechrau nawr").click()

    welsh_page(page, "Ar gyfer pa dribiwnlys mae’r ffi?")
    parhau(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Mae problem wedi codi")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Dewiswch ar gyfer pa dribiwnlys mae’r ffi"
    )
    assert page.title().startswith("Gwall:")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    page.get_by_label("Tribiwnlys cyflogaeth neu’r Tribiwnlys Apêl Cyflogaeth").check()
    parhau(page)

    welsh_page(page, "Am beth ydych chi’n talu?")
    page.get_by_label("Ffi gyhoeddi ar gyfer hawliad newydd").check()
    parhau(page)

    welsh_page(page, "O bryd mae’r ffi yn berthnasol")
    expect(page.locator("legend").first).to_contain_text(
        "Pryd cyflwynwyd yr hawliad i’r tribiwnlys?"
    )
    page.get_by_label("Diwrnod").fill("14")
    page.get_by_label("Mis").fill("3")
    page.get_by_label("Blwyddyn").fill("2016")
    parhau(page)

    welsh_page(page, "Pwy sy’n talu’r ffi?")
    page.get_by_label("Yr hawlydd").check()
    parhau(page)

    welsh_page(page, "Faint o hawlwyr sydd?")
    page.get_by_label("Faint o bobl sydd wedi’u henwi fel hawlwyr ar yr hawliad?").fill("1")
    parhau(page)

    welsh_page(page, "Am beth mae’r hawliad?")
    page.get_by_label("Diswyddo annheg").check()
    page.get_by_label("Tâl gwyliau neu hawliau Amser Gwaith eraill").check()
    parhau(page)

    welsh_page(page, "Eich ffi yw £250.00")
    expect(page.locator("main")).to_contain_text("mewn grym ar 14 Mawrth 2016")
    page.get_by_label("Talu’r ffi nawr â cherdyn").check()
    parhau(page)

    expect(page.locator("html")).to_have_attribute("lang", "cy")
    page.get_by_label("E-bost", exact=True).check()
    page.get_by_label("Cyfeiriad e-bost", exact=True).fill("new.user@example.com")
    parhau(page)

    welsh_page(page, "Gwiriwch eich atebion cyn parhau")
    expect(page.locator("main")).to_contain_text("Newid")
    parhau(page)

    welsh_page(page, "Rhowch fanylion y cerdyn")
    expect(page.locator("main")).to_contain_text("Tribiwnlys cyflogaeth: ffi gyhoeddi")
    page.get_by_label("Rhif y cerdyn").fill("4444333322221111")
    page.get_by_label("Mis").fill("12")
    page.get_by_label("Blwyddyn").fill("2040")
    page.get_by_label("Enw ar y cerdyn").fill("Sam Smith")
    page.get_by_label("Cod diogelwch y cerdyn").fill("123")
    parhau(page)

    welsh_page(page, "Cadarnhewch eich taliad")
    page.get_by_role("button", name="Cadarnhau’r taliad").click()

    welsh_page(page, "Taliad wedi dod i law")
    expect(page.locator("main")).to_contain_text("Gwnaethoch dalu £250.00 am")
    page.get_by_role("link", name="Mynd yn ôl i’ch cais").click()

    welsh_page(page, "Tribiwnlys cyflogaeth: ffi gyhoeddi")
    expect(page.locator("main .govuk-tag")).to_have_text("Talwyd")
    with page.expect_download() as download:
        page.get_by_role("link", name="ei lawrlwytho (PDF)").click()
    pdf = PdfReader(io.BytesIO(open(download.value.path(), "rb").read()))
    text = " ".join(pdf.pages[0].extract_text().split())

    fee_case = FeeCase.objects.get()
    assert (fee_case.status, fee_case.language, fee_case.user) == (
        FeeCaseStatus.PAID,
        "cy",
        None,
    )
    with translation.override("cy"):
        paid_on = date_format(fee_case.paid_at)
    assert paid_on.split()[1] in WELSH_MONTHS

    # The receipt PDF, in the fee's language: Welsh labels and date, money as in English.
    assert "Derbynneb: ffi tribiwnlys" in text
    assert "Gwasanaeth Llysoedd a Thribiwnlysoedd EF" in text
    assert f"Cyfeirnod {fee_case.reference}" in text
    assert "Beth yw’r taliad Tribiwnlys cyflogaeth: ffi gyhoeddi" in text
    assert "Swm a dalwyd £250.00" in text
    assert f"Dyddiad talu {paid_on}" in text
    assert "Amount paid" not in text and "Date paid" not in text

    # The receipt email: the Welsh template, with the description and the date in Welsh.
    email = OutboundMessage.objects.get(channel="email", template_key="tribunal_fees.fee_receipt")
    assert (email.language, email.recipient) == ("cy", "new.user@example.com")
    assert email.personalisation["description"] == "Tribiwnlys cyflogaeth: ffi gyhoeddi"
    assert email.personalisation["paid_on"] == paid_on
    assert email.personalisation["amount_paid"] == "£250.00"
    sent = template_render(
        template_get(email.template_key),
        language=email.language,
        personalisation=email.personalisation,
        channel="email",
    )
    assert sent.subject == f"Derbynneb ar gyfer eich ffi tribiwnlys: {fee_case.reference}"
    assert sent.body.startswith("Rydym wedi cael eich taliad.")
    assert f"Dyddiad talu: {paid_on}" in sent.body
    assert re.search(r"Swm a dalwyd: £250\.00", sent.body)
