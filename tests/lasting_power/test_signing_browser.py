"""The signing-dates and documents pages in headless Chromium with axe-core and the quality
checks of tests/quality/a11y: the form, its error page (the summary takes focus and links
to each field), a result with problems, and the documents page with its download links."""

import pytest
from django.urls import reverse

from lasting_power.documents import lpa_documents_generate
from tests.accounts.factories import UserFactory
from tests.quality.a11y.checks import context_prepare, page_report, page_watch

from .factories import lpa_completed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_signing_dates_page_its_errors_and_its_result_are_accessible(page, browser_sign_in):
    context_prepare(page.context)
    page_watch(page)
    user = UserFactory(full_name="Sid Signer")
    lpa = lpa_completed(user, lpa_type="health-and-welfare", attorneys=2, how="jointly")
    browser_sign_in(user)
    path = reverse("lasting_power:lpa-signing-dates", args=[lpa.pk])
    page.goto(path)
    problems = page_report(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Check the dates").click()
    problems += page_report(page, after_empty_post=True)
    for fieldset in page.locator("main fieldset").all():
        inputs = fieldset.locator("input")
        inputs.nth(0).fill("2")
        inputs.nth(1).fill("3")
        inputs.nth(2).fill("2026")
    page.locator("main fieldset").nth(2).locator("input").nth(0).fill("1")  # provider first
    page.get_by_role("button", name="Check the dates").click()
    assert "Print and sign sections 10, 11 and 15 again" in page.locator("main").inner_text()
    problems += page_report(page)
    assert not problems, "\n".join(problems)


def test_the_documents_page_is_accessible(page, browser_sign_in):
    context_prepare(page.context)
    page_watch(page)
    user = UserFactory(full_name="Doc Reader")
    lpa = lpa_completed(user, notify=1)
    browser_sign_in(user)
    path = reverse("lasting_power:lpa-documents", args=[lpa.pk])
    page.goto(path)
    problems = page_report(page)
    lpa_documents_generate(lpa_id=lpa.pk)
    page.goto(path)
    assert page.get_by_role("link", name="LP3: notice to person to notify 1").count() == 1
    problems += page_report(page)
    assert not problems, "\n".join(problems)
