"""The tenant's whole journey in real Chromium, as a new user would take it, with the
quality checks of tests/quality/a11y on every page: the claim number and access code from
the claim pack, creating an account (with the emailed code), adding the claim, the
response task list section by section with a mistake on the way, check your answers,
sending, the claim page (its status after the response), and an application to adjourn
the hearing, which a caseworker grants."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from civil_claims.models import PossessionApplication, PossessionHearing, PossessionResponse
from civil_claims.services.possession_decisions import possession_application_decide
from tests.accounts.conftest import code_from_last_email
from tests.accounts.factories import StaffUserFactory
from tests.quality.a11y.checks import BrowserDriver, context_prepare, page_report, page_watch

from .factories_possession_defendant import possession_claim_issued, tenant_code
from .possession_response_answers import RESPONSE_ANSWERS, response_walk_seed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "new.tenant@example.com"
PASSWORD = "correct-horse-battery-tenant-9"


def test_a_new_tenant_links_the_claim_responds_and_asks_to_adjourn_the_hearing(page):
    response_walk_seed()  # the dated fees (a transactional test's flush empties them)
    context_prepare(page.context)
    page_watch(page)
    claim = possession_claim_issued()
    code = tenant_code(claim)
    PossessionHearing.objects.create(
        claim=claim,
        kind="first",
        starts_at=timezone.now() + dt.timedelta(days=30),
        duration_hours=1,
        notice_wording="Possession hearing at Leeds County Court",
    )
    driver = BrowserDriver(page)

    # The claim pack's claim number and code (first with a typing mistake).
    page.goto(reverse("civil_claims:possession-respond-start"))
    problems = page_report(page)
    page.get_by_label("Claim number").fill(claim.claim_number)
    page.get_by_label("Access code").fill("WRONG234")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("do not match a claim")
    problems += page_report(page, after_empty_post=True)
    page.get_by_label("Access code").fill(code)
    page.get_by_role("button", name="Continue").click()

    # No account yet: create one, confirm the email with its code.
    expect(page.locator("h1")).to_have_text("Sign in or create an account to respond")
    problems += page_report(page)
    with page.expect_navigation():
        page.get_by_role("link", name="create an account").click()
    problems += page_report(page)
    page.locator('input[name="email"]').fill(EMAIL)
    page.locator('input[name="password1"]').fill(PASSWORD)
    page.locator('input[name="password2"]').fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main form").get_by_role("button").first.click()
    problems += page_report(page)
    page.locator('input[name="code"]').fill(code_from_last_email())
    page.locator("main form").get_by_role("button").first.click()
    expect(page.locator("h1")).to_have_text("Add the claim to the account")
    # Loaded afresh for the checks: Chromium keeps where the verification page's button
    # was pressed as the place Tab starts from after the redirect.
    page.goto(reverse("civil_claims:possession-respond-link"))
    expect(page.locator("h1")).to_have_text("Add the claim to the account")
    problems += page_report(page)
    page.get_by_role("button", name="Add the claim and continue").click()

    # The claim page: the claim, the deadline, the hearing, what to do next.
    expect(page.locator("#tenant-claim-summary")).to_contain_text(claim.claim_number)
    expect(page.locator("#tenant-hearing")).to_contain_text("Leeds County Court")
    expect(page.locator("#tenant-response-deadline")).to_contain_text("4pm on")
    problems += page_report(page)
    # Each click that leaves a page waits for the next one: a click starts a navigation
    # without waiting for it, and the task list is read straight after.
    with page.expect_navigation():
        page.get_by_role("button", name="Respond to the claim").click()

    # The task list, one section at a time, as listed.
    titles = page.locator(".govuk-task-list__link").all_inner_texts()
    assert titles[0] == "The claim and your details" and "Counterclaim" in titles
    for title in titles:
        if "Check your answers" in title:
            continue
        with page.expect_navigation():
            page.locator(".govuk-task-list__link", has_text=title).first.click()
        while page.locator(".govuk-task-list").count() == 0:
            step = page.url.rstrip("/").split("/")[-1].split("?")[0]
            example = RESPONSE_ANSWERS[step]
            data = example(None) if callable(example) else example
            if step == "claim":
                expect(page.locator('input[name="claim_number"]')).to_have_value(claim.claim_number)
                data = {"claim_number": claim.claim_number}
            if step == "arrears":  # a mistake first: the amount in words
                driver.submit({"correct": "no", "owed": "about two thousand"})
                expect(page.locator(".govuk-error-summary")).to_contain_text("how much you think")
                expect(page.locator('input[name="owed"]')).to_have_value("about two thousand")
                problems += page_report(page, after_empty_post=True)
            else:
                problems += page_report(page)
            driver.submit(data)
        problems += page_report(page)

    page.get_by_role("link", name=re.compile("Check your answers")).click()
    expect(page.locator("main")).to_contain_text("None: responding is free")
    problems += page_report(page)
    page.get_by_role("button", name="Send your response").click()
    expect(page.locator("h1")).to_have_text("Your response has been sent")
    expect(page.locator("#counterclaim-hwf")).to_contain_text("HWF-A1B-23C")
    problems += page_report(page)
    page.get_by_role("link", name="Go to your claim").click()
    expect(page.locator("#tenant-responded")).to_contain_text("You responded on")
    # The claim says a response (or a defence) arrived, and what happens next.
    expect(page.locator("#tenant-claim-status")).to_contain_text(
        re.compile("(Response|Defence) received")
    )
    expect(page.locator("#tenant-next-step")).to_contain_text(
        "The court will look at your response"
    )

    # An application to adjourn: the hearing is 30 days away, so it is free.
    page.get_by_role("button", name="Make an application").click()
    expect(page.locator("#application-fees")).to_contain_text("is free")
    problems += page_report(page)
    page.get_by_label("Adjourn (put off) the hearing").check()
    page.get_by_role("button", name="Send the application").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter what you are asking")
    problems += page_report(page, after_empty_post=True)
    page.get_by_label("What you are asking the court to do, and why").fill(
        "I am in hospital that week."
    )
    page.get_by_role("button", name="Send the application").click()
    expect(page.locator("#tenant-applications")).to_contain_text("Adjourn (put off) the hearing")

    # A caseworker grants it: the listed hearing is adjourned, and the tenant's page says so.
    possession_application_decide(
        application=PossessionApplication.objects.get(claim=claim),
        decision="grant",
        reason="The tenant is in hospital that week",
        actor=StaffUserFactory(),
    )
    page.reload()
    expect(page.locator("#tenant-applications")).to_contain_text("granted")
    expect(page.locator("#tenant-claim-status")).to_contain_text("Hearing adjourned")

    response = PossessionResponse.objects.get(claim=claim)
    assert response.user.email == EMAIL and response.status == "submitted"
    assert PossessionApplication.objects.get(claim=claim).status == "granted"
    assert not problems, "\n".join(problems)
