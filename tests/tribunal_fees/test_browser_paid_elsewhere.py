"""Issue #19 in real Chromium: a new user who has already paid an immigration appeal fee
to the tribunal applies for Help with Fees within 3 months, then sends evidence of payment
on its own page (a plain multipart form, no script needed). axe-core checks the upload
page and its error page."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser_support import page_problems
from tests.quality.a11y.checks import AXE_PATH, axe_violations, structure_problems
from tribunal_fees.constants import FeeCaseStatus
from tribunal_fees.models import HelpWithFeesApplication
from tribunal_fees.services import fee_case_payment_evidence

from .test_browser_immigration import _continue, _fee_schedule, _links_on_the_live_server, new_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
__all__ = ["_fee_schedule", "_links_on_the_live_server", "new_user"]  # fixtures

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _fill_date(page, day: dt.date, *, within=None):
    scope = page.locator(within) if within else page
    scope.get_by_label("Day").fill(str(day.day))
    scope.get_by_label("Month").fill(str(day.month))
    scope.get_by_label("Year").fill(str(day.year))


def test_a_new_user_who_paid_the_tribunal_applies_and_sends_evidence(page, new_user, tmp_path):
    page.context.add_init_script(path=str(AXE_PATH))
    today = timezone.localdate()
    page.goto(reverse("tribunal_fees:apply-for-help-with-fees-start"))
    if page.get_by_role("button", name="Start now").count():
        page.get_by_role("button", name="Start now").click()
    expect(page.locator("h1")).to_have_text("Your fee reference")
    page.get_by_label("No").check()
    _continue(page)
    page.get_by_label("First-tier Tribunal (Immigration and Asylum Chamber)").check()
    _continue(page)
    page.get_by_label("An appeal decided at a hearing").check()
    _continue(page)
    _fill_date(page, today - dt.timedelta(days=30))
    _continue(page)
    page.get_by_label("None of these").check()
    _continue(page)
    expect(page.locator("h1")).to_have_text("Have you already paid this fee?")
    page.get_by_label("Yes, I paid it to the tribunal").check()
    _continue(page)
    page.get_by_label("Tribunal case number or appeal reference").fill("AB/01234/2026")
    _fill_date(page, today - dt.timedelta(days=10))
    page.get_by_label("How much did you pay?").fill("140")
    page.get_by_label("By card, online or by phone").check()
    _continue(page)
    page.get_by_label("Full name").fill("Ana Appellant")
    _fill_date(page, dt.date(1990, 5, 2))
    _continue(page)
    page.get_by_label("Home Office reference, if you do not have a National Insurance number").fill(
        "B1234567"
    )
    _continue(page)
    page.get_by_label("No").check()
    _continue(page)
    page.get_by_label("Less than £4,250").check()
    _continue(page)
    page.get_by_label("None of these").check()
    _continue(page)
    page.get_by_label("Wages, salary or tips").check()
    page.get_by_label("The last calendar month").check()
    page.get_by_label("What is your total monthly income before tax?").fill("1000")
    _continue(page)
    page.get_by_label("Children aged 0 to 13").fill("0")
    page.get_by_label("Children aged 14 or over").fill("0")
    _continue(page)
    expect(page.locator("h1")).to_have_text("Where we pay a refund")
    page.get_by_label("Name on the account").fill("Ana Appellant")
    page.get_by_label("Name of the bank or building society").fill("Example Bank")
    page.get_by_label("Sort code").fill("309430")
    page.get_by_label("Account number").fill("00733445")
    _continue(page)
    expect(page.locator("h1")).to_have_text("You are likely to get full Help with Fees")
    expect(page.locator("main")).to_contain_text("once we have checked your evidence of payment")
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Email address").fill("appellant@example.com")
    _continue(page)
    page.get_by_role("button", name="Accept and send").click()
    expect(page.locator("h1")).to_have_text("Help with Fees application sent")

    page.get_by_role("link", name="Send evidence of payment").click()
    expect(page.locator("h1")).to_have_text("Send evidence of payment")
    assert axe_violations(page) == [] and structure_problems(page) == []
    page.get_by_role("button", name="Send file").click()  # nothing chosen
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select a file")
    assert axe_violations(page) == [] and structure_problems(page) == []
    receipt = tmp_path / "tribunal-receipt.pdf"
    receipt.write_bytes(PDF)
    page.get_by_label("Upload evidence of payment").set_input_files(str(receipt))
    page.get_by_role("button", name="Send file").click()
    expect(page.locator("main")).to_contain_text("tribunal-receipt.pdf")

    application = HelpWithFeesApplication.objects.get()
    assert application.fee_case.status == FeeCaseStatus.PAID_ELSEWHERE
    assert [d.filename for d in fee_case_payment_evidence(application.fee_case)] == [
        "tribunal-receipt.pdf"
    ]
    assert page_problems(page) == []
