"""The defendant's response in real Chromium with axe-core and the quality checks of
tests/quality/a11y: signed in, from the claim's page through the task list, a part admission
paid by instalments with a statement of means, then check your answers and send."""

import datetime as dt
import importlib

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from civil_claims.models import Response
from tests.accounts.factories import PASSWORD, UserFactory
from tests.quality.a11y.checks import context_prepare, page_report, page_watch

from .response_answers import claim_against_individual

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


def _answer(page, problems: list, data: dict, *, report: bool = True) -> None:
    if report:  # an error page was checked as one already
        problems += page_report(page)
    _fill(page, data)
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Continue").click()


def _date(name: str, day: dt.date) -> dict:
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def _section(page, problems: list, title: str) -> None:
    expect(page.locator("h1")).to_have_text("Respond to a money claim")
    problems += page_report(page)
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name=title).click()


def _add_items(page, problems: list, items: list[dict]) -> None:
    """On a list step: answer each item, then say there are no more."""
    for number, item in enumerate(items):
        if number or page.locator('main input[name="add_another"]').count():
            _answer(page, problems, {"add_another": "yes"})
        _answer(page, problems, item)
    _answer(page, problems, {"add_another": "no"})


def test_a_part_admission_with_instalments_and_a_statement_of_means(page):
    context_prepare(page.context)
    page_watch(page)
    user = UserFactory(email="dee@example.com")
    claim = claim_against_individual(user)
    problems: list[str] = []
    first_payment = timezone.localdate() + dt.timedelta(days=30)

    page.goto(reverse("account_login"))
    page.locator('input[name="login"]').fill(user.email)
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Sign in").click()
    page.goto(reverse("civil_claims:respond-claim", args=[claim.reference]))
    problems += page_report(page)
    page.locator("#respond-to-claim").click()

    _section(page, problems, "Your response to the claim")
    _answer(page, problems, {"response_type": "part_admission"})
    _answer(page, problems, {"already_paid": "no"})
    _answer(page, problems, {"amount_pence": "not money"})  # an error, kept on the page
    expect(page.locator(".govuk-error-summary")).to_contain_text("pounds and pence")
    expect(page.locator('input[name="amount_pence"]')).to_have_value("not money")
    problems += page_report(page, after_empty_post=True)
    _answer(page, problems, {"amount_pence": "100"}, report=False)
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
    _add_items(page, problems, [])  # no other debts
    _add_items(page, problems, [])  # no court orders
    _answer(page, problems, {"council_tax": "20"})
    _answer(page, problems, {"wages": "1800"})
    _answer(page, problems, {"rent": "750", "food": "300"})
    _answer(page, problems, {"explanation": "My hours were cut this year."})

    _section(page, problems, "Your timeline and evidence")
    _add_items(page, problems, [{"when": "March 2026", "what": "The work stopped halfway."}])
    _add_items(page, problems, [])
    _section(page, problems, "Free mediation")
    _answer(page, problems, {"agrees": "yes", "phone": "07700 900 982"})
    _section(page, problems, "Your hearing requirements")
    _answer(page, problems, {"answer": "no"})
    _answer(page, problems, {"answer": "no"})
    _answer(page, problems, {"self_witness": "yes", "other_witnesses": "0"})
    _answer(page, problems, {"answer": "no"})
    _add_items(page, problems, [])
    _section(page, problems, "Statement of truth")
    _answer(page, problems, {"believed_true": "on"})

    expect(page.locator("h1")).to_have_text("Respond to a money claim")
    page.locator("main").get_by_role("link", name="Check your answers and send").click()
    expect(page.locator("main")).to_contain_text("Left each month")
    problems += page_report(page)
    page.locator("main").get_by_role("button", name="Send your response").click()

    expect(page.locator("h1")).to_have_text("Your response has been sent")
    problems += page_report(page)
    response = Response.objects.get(claim=claim)
    assert response.admitted_amount_pence == 10000
    assert response.instalment_first_date == first_payment
    assert response.statement_of_means["employers"][0]["employer"] == "Acme Ltd"
    assert not problems, "\n".join(problems)
