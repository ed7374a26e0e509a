"""The defendant in real Chromium with axe-core and the quality checks of tests/quality/a11y:
from the letter's claim number and access code, through signing in, to the claim page,
asking for 14 more days, choosing how to be contacted, and the refusal of more time when
asked again."""

import importlib

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from civil_claims.models import Claim
from tests.accounts.factories import PASSWORD, UserFactory
from tests.quality.a11y.checks import context_prepare, page_report, page_watch

from .factories import claim_issued
from .factories_defendant import access_code_from_letter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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
    ContentType.objects.clear_cache()


def test_a_defendant_links_the_claim_signs_in_and_asks_for_more_time(page):
    context_prepare(page.context)
    page_watch(page)
    claim = claim_issued()
    code = access_code_from_letter(claim)
    defendant = UserFactory(email="dee@example.com")

    page.goto(reverse("civil_claims:respond-start"))
    problems = page_report(page)
    page.get_by_label("Claim number").fill(claim.claim_number)
    page.get_by_label("Access code").fill("WRONG234")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("do not match a claim")
    problems += page_report(page, after_empty_post=True)
    page.get_by_label("Access code").fill(code)
    page.get_by_role("button", name="Continue").click()

    expect(page.locator("h1")).to_have_text("Sign in or create an account to respond")
    problems += page_report(page)
    page.get_by_role("button", name="Sign in").click()
    page.locator('input[name="login"]').fill(defendant.email)
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Sign in").click()

    expect(page.locator("h1")).to_have_text("Add the claim to the account")
    problems += page_report(page)
    page.get_by_role("button", name="Add the claim and continue").click()

    expect(page.locator("#defendant-claim-summary")).to_contain_text(claim.claim_number)
    problems += page_report(page)
    page.get_by_role("button", name="Ask for 14 more days").click()
    expect(page.locator("#new-deadline")).to_contain_text("4pm on")
    problems += page_report(page)
    page.get_by_role("button", name="Ask for 14 more days").click()
    expect(page.locator("#more-time-given")).to_contain_text("14 more days to respond were given")

    with page.expect_navigation():
        page.get_by_role("link", name="Change how we contact you").click()
    problems += page_report(page)
    page.get_by_role("button", name="Save").click()  # the answer it starts with: post
    expect(page.locator("#defendant-contact")).to_contain_text("a letter to")
    page.get_by_role("link", name="Change how we contact you").click()
    page.get_by_label("Text message").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a UK mobile number")
    problems += page_report(page, after_empty_post=True)
    page.get_by_label("UK mobile number").fill("07700 900 123")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#defendant-contact")).to_contain_text("a text message to 07700 900 123")

    page.goto(reverse("civil_claims:respond-more-time", args=[claim.reference]))
    expect(page.locator("#more-time-refused")).to_contain_text("only be given once")
    problems += page_report(page)
    assert not problems, "\n".join(problems)

    claim = Claim.objects.get(pk=claim.pk)
    assert claim.more_time_given_at is not None
    assert claim.defendant.user == defendant
    assert (claim.defendant.contact_channel, claim.defendant.mobile) == ("sms", "07700900123")
