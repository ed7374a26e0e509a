"""Both parties and the court in real Chromium (issue #15), with axe-core and the quality
checks of tests/quality/a11y on every citizen page: a claim is issued; the defendant links
it with the claim number and access code from their letter, signs in and responds with a
part admission paid by instalments and a statement of means; the claimant rejects the plan
and proposes their own; a caseworker records the court's decision from the statement of
means and enters the judgment by determination; both parties' pages show the judgment."""

import datetime as dt
import importlib

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from civil_claims.constants import ClaimStatus, JudgmentStatus, JudgmentType
from civil_claims.models import Claim
from tests.accounts.factories import PASSWORD, StaffWithTotpFactory, UserFactory
from tests.conftest import sign_in
from tests.quality.a11y.checks import context_prepare, page_report, page_watch

from .factories import claim_issued, defendant_draft
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


def _fill(page, data: dict) -> None:
    for name, value in data.items():
        control = page.locator(f'main [name="{name}"]')
        kind = control.first.get_attribute("type")
        if kind == "radio":
            page.locator(f'main input[name="{name}"][value="{value}"]').check()
        elif kind == "checkbox":
            control.check()
        else:
            control.fill(value)


def _answer(page, problems: list, data: dict, button: str = "Continue") -> None:
    problems += page_report(page)
    _fill(page, data)
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=button).click()


def _date(name: str, day: dt.date) -> dict:
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def _section(page, problems: list, title: str) -> None:
    expect(page.locator("h1")).to_have_text("Respond to a money claim")
    problems += page_report(page)
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name=title).click()


def _add_items(page, problems: list, items: list[dict]) -> None:
    for number, item in enumerate(items):
        if number or page.locator('main input[name="add_another"]').count():
            _answer(page, problems, {"add_another": "yes"})
        _answer(page, problems, item)
    _answer(page, problems, {"add_another": "no"})


@pytest.fixture
def contexts():
    """Each party's own browser (their own cookies), closed after the test."""
    made = []
    yield made
    for context in made:
        context.close()


def _context(browser, live_server, contexts):
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    context_prepare(context)
    contexts.append(context)
    return context


def _respond_with_part_admission(page, problems: list, first_payment: dt.date) -> None:
    """The defendant's response journey: £100 admitted, £10 a month, a statement of means."""
    page.locator("#respond-to-claim").click()
    _section(page, problems, "Your response to the claim")
    _answer(page, problems, {"response_type": "part_admission"})
    _answer(page, problems, {"already_paid": "no"})
    _answer(page, problems, {"amount_pence": "100"})
    _answer(page, problems, {"defence": "Only half of the work was done."})
    _section(page, problems, "Make a counterclaim")
    _answer(page, problems, {"wants": "no"})
    _section(page, problems, "How you will pay")
    _answer(page, problems, {"option": "instalments"})
    _answer(
        page,
        problems,
        {"amount_pence": "10", "frequency": "monthly", **_date("first_date", first_payment)},
    )
    _section(page, problems, "Your finances")
    _add_items(page, problems, [{"kind": "current", "joint": "no", "balance_pence": "120.50"}])
    _answer(page, problems, {"kind": "private_rent"})
    _answer(
        page,
        problems,
        {
            "under_11": "1",
            "age_11_to_15": "0",
            "age_16_to_19": "0",
            "in_education": "0",
            "disability": "no",
        },
    )
    _answer(page, problems, {"number": "0", "carer": "no"})
    _answer(page, problems, {"status": "employed"})
    _add_items(page, problems, [{"employer": "Acme Ltd", "job_title": "Driver"}])
    _add_items(page, problems, [])
    _add_items(page, problems, [])
    _answer(page, problems, {"council_tax": "20"})
    _answer(page, problems, {"wages": "1800"})
    _answer(page, problems, {"rent": "750", "food": "300"})
    _answer(page, problems, {"explanation": "My hours were cut this year."})
    _section(page, problems, "Your timeline and evidence")
    _add_items(page, problems, [{"when": "March 2026", "what": "The work stopped halfway."}])
    _add_items(page, problems, [])
    _section(page, problems, "Free mediation")
    _answer(page, problems, {"agrees": "no"})
    _section(page, problems, "Your hearing requirements")
    _answer(page, problems, {"answer": "no"})
    _answer(page, problems, {"answer": "no"})
    _answer(page, problems, {"self_witness": "yes", "other_witnesses": "0"})
    _answer(page, problems, {"answer": "no"})
    _add_items(page, problems, [])
    _section(page, problems, "Statement of truth")
    _answer(page, problems, {"believed_true": "on"})
    expect(page.locator("h1")).to_have_text("Respond to a money claim")
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Check your answers and send").click()
    problems += page_report(page)
    page.locator("main").get_by_role("button", name="Send your response").click()
    expect(page.locator("h1")).to_have_text("Your response has been sent")


def test_part_admission_rejected_plan_court_decision_and_judgment(
    browser, live_server, client, contexts, _static_files_without_manifest
):
    claimant = UserFactory(email="alex@example.com")
    defendant = UserFactory(email="dee@example.com")
    claim = claim_issued(
        user=claimant,
        defendant=defendant_draft(
            party_type="individual",
            name="Dee Fendant",
            first_name="Dee",
            last_name="Fendant",
            contact_person="",
            date_of_birth=dt.date(1985, 2, 3),
        ),
    )
    code = access_code_from_letter(claim)
    problems: list[str] = []
    first_payment = timezone.localdate() + dt.timedelta(days=30)

    # The defendant: the letter's claim number and code, sign in, add the claim, respond.
    them = _context(browser, live_server, contexts).new_page()
    page_watch(them)
    them.goto(reverse("civil_claims:respond-start"))
    problems += page_report(them)
    them.get_by_label("Claim number").fill(claim.claim_number)
    them.get_by_label("Access code").fill(code)
    them.get_by_role("button", name="Continue").click()
    them.get_by_role("button", name="Sign in").click()
    them.locator('input[name="login"]').fill(defendant.email)
    them.locator('input[name="password"]').fill(PASSWORD)
    them.locator("main").get_by_role("button", name="Sign in").click()
    expect(them.locator("h1")).to_have_text("Add the claim to the account")
    them.get_by_role("button", name="Add the claim and continue").click()
    expect(them.locator("#defendant-claim-summary")).to_contain_text(claim.claim_number)
    _respond_with_part_admission(them, problems, first_payment)

    # The claimant: their claim page, the response, rejecting the plan with their own.
    us = _context(browser, live_server, contexts).new_page()
    page_watch(us)
    us.goto(reverse("account_login"))
    us.locator('input[name="login"]').fill(claimant.email)
    us.locator('input[name="password"]').fill(PASSWORD)
    us.locator("main").get_by_role("button", name="Sign in").click()
    us.goto(reverse("civil_claims:claim-detail", args=[claim.reference]))
    expect(us.locator("#claim-summary")).to_contain_text("The defendant responded on")
    problems += page_report(us)
    us.locator("#action-reply").click()
    expect(us.locator("#defendant-response")).to_contain_text("£100.00")
    _answer(us, problems, {"choice": "reject_plan"})
    expect(us.locator("h1")).to_have_text("Suggest how the defendant should pay")
    _answer(us, problems, {"payment_option": "instalments"}, button="Send your plan")
    expect(us.locator(".govuk-error-summary")).to_contain_text("Enter the amount of each")
    problems += page_report(us, after_empty_post=True)
    _fill(
        us,
        {
            "instalment_amount_pence": "50",
            "instalment_frequency": "monthly",
            **_date("instalment_first_date", first_payment),
        },
    )
    us.locator("main").get_by_role("button", name="Send your plan").click()
    expect(us.locator("#claim-summary")).to_contain_text("The court will decide how")
    problems += page_report(us)

    # The caseworker: the queue of plans for a decision, the statement of means, the decision.
    staff = StaffWithTotpFactory()
    from civil_claims.service import CASEWORKER_ROLE
    from digital_services.accounts.services import user_role_add

    user_role_add(user=staff, role=CASEWORKER_ROLE)
    sign_in(client, staff, second_factor=True)
    court_context = _context(browser, live_server, contexts)
    court_context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    court = court_context.new_page()
    court.goto(reverse("admin:civil_claims_claimantreply_changelist") + "?queue=plans")
    court.get_by_role("link", name=claim.claim_number).click()
    expect(court.locator("#content")).to_contain_text("Acme Ltd")
    court.get_by_role("link", name="Record the court's decision").click()
    court.locator('input[name="decision"][value="claimant"]').check()
    court.locator('textarea[name="reason"]').fill("Income allows £50 a month.")
    court.get_by_role("button", name="Record the court's decision").click()
    expect(court.locator(".messagelist")).to_contain_text("Decision recorded")
    court.goto(reverse("admin:civil_claims_judgment_changelist") + "?queue=requested")
    court.get_by_role("link", name=claim.claim_number).click()
    court.get_by_role("link", name="Enter the judgment").click()
    court.get_by_role("button", name="Enter the judgment on the register").click()
    expect(court.locator(".messagelist")).to_contain_text("Judgment entered")

    # Both parties see the judgment and what it means for them.
    us.goto(reverse("civil_claims:claim-detail", args=[claim.reference]))
    expect(us.locator("#claim-judgment")).to_contain_text("Judgment by determination")
    expect(us.locator("#claim-summary")).to_contain_text("Judgment was entered on")
    problems += page_report(us)
    them.goto(reverse("civil_claims:respond-claim", args=[claim.reference]))
    expect(them.locator("#defendant-next-step")).to_contain_text(
        "A county court judgment was entered against you"
    )
    expect(them.locator("#claim-judgment")).to_contain_text("£50.00 every month")
    problems += page_report(them)
    assert not problems, "\n".join(problems)

    claim = Claim.objects.get(pk=claim.pk)
    assert claim.status == ClaimStatus.JUDGMENT_REQUESTED
    assert (claim.judgment.kind, claim.judgment.status) == (
        JudgmentType.DETERMINATION,
        JudgmentStatus.ENTERED,
    )
    assert claim.judgment.instalment_amount_pence == 5000
    assert claim.judgment.total_pence == 10000
    assert claim.claimant_reply.decided_by == staff
