"""Every page of an LPA in headless Chromium with axe-core and the quality checks of
tests/quality/a11y (one h1, a language, the skip link, reflow at 320 px, no console or CSP
errors): each question with every step applying, its add-another pages, a warning, check,
fee, pay, completion, the read-only page, the dashboard, reuse and delete; and the error
page of a question sent empty (the error summary takes focus and links to each field)."""

import pytest
from django.urls import reverse

from lasting_power import services
from lasting_power.constants import LpaType
from lasting_power.journeys import lpa_flow
from tests.accounts.factories import UserFactory
from tests.quality.a11y.checks import context_prepare, page_report, page_watch

from .factories import add, lpa_answered, lpa_completed, person_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(browser, live_server, _static_files_without_manifest):
    """A page watched as the accessibility walk watches its pages (tests/quality/a11y)."""
    context = browser.new_context(base_url=live_server.url)
    context_prepare(context, javascript=True)
    yield page_watch(context.new_page())
    context.close()


@pytest.fixture
def browser_sign_in(page, live_server, client):
    from django.conf import settings

    def _sign_in(user):
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
        )

    return _sign_in


def _url(name, *args):
    return reverse(f"lasting_power:{name}", args=args)


def _check(page, path):
    page.goto(path)
    assert page.url.endswith(path), f"{path} went to {page.url}"
    return page_report(page)


@pytest.mark.parametrize("lpa_type", LpaType.values)
def test_every_question_page_is_accessible(page, browser_sign_in, lpa_type):
    user = UserFactory(full_name="Ada Access")
    lpa = lpa_answered(
        user,
        lpa_type=lpa_type,
        attorneys=2,
        trust=lpa_type == LpaType.PROPERTY_FINANCE,
        replacements=2,
        step_in="last",
        notify=1,
    )
    browser_sign_in(user)
    problems = []
    for state in lpa_flow(lpa).evaluation.states:
        if not state.applies:
            continue
        problems += _check(page, _url("lpa-step", lpa.pk, state.step.slug))
        if state.step.repeating:
            problems += _check(page, _url("lpa-item-add", lpa.pk, state.step.slug))
            problems += _check(page, _url("lpa-item-change", lpa.pk, state.step.slug, 1))
            problems += _check(page, _url("lpa-item-remove", lpa.pk, state.step.slug, 1))
    for name in ("lpa-tasks", "lpa-check", "lpa-fee"):
        problems += _check(page, _url(name, lpa.pk))
    services.lpa_fee_decide(lpa=lpa, cleaned_data={"wanted": "no"})
    problems += _check(page, _url("lpa-pay", lpa.pk))
    assert not problems, "\n".join(problems)


def test_the_error_pages_of_questions_are_accessible(page, browser_sign_in):
    user = UserFactory(full_name="Eve Errors")
    lpa = services.lpa_start(user=user, lpa_type=LpaType.PROPERTY_FINANCE)
    browser_sign_in(user)
    page.goto(_url("lpa-step", lpa.pk, "donor"))
    page.get_by_role("button", name="Save and continue").click()
    problems = page_report(page, after_empty_post=True)
    answered = lpa_answered(user, stop_before="attorneys")
    page.goto(_url("lpa-item-add", answered.pk, "attorneys"))
    page.get_by_role("button", name="Save and continue").click()
    problems += page_report(page, after_empty_post=True)
    page.goto(_url("lpa-step", answered.pk, "attorneys"))
    page.get_by_role("button", name="Continue").click()
    problems += page_report(page, after_empty_post=True)
    assert not problems, "\n".join(problems)


def test_the_warning_dashboard_and_completed_pages_are_accessible(page, browser_sign_in):
    user = UserFactory(full_name="Walt Warned")
    warned = lpa_answered(user, stop_before="attorneys")
    add(warned, "attorneys", person_data("Dorothy", "Donor"))
    services.lpa_items_confirm(lpa=warned, step="attorneys")
    done = lpa_completed(user)
    browser_sign_in(user)
    problems = _check(page, _url("lpa-warning", warned.pk, "attorneys"))
    problems += _check(page, _url("dashboard"))
    problems += _check(page, _url("dashboard") + "?search=Dorothy")
    problems += _check(page, _url("lpa-new"))
    for name in ("lpa-done", "lpa-view", "lpa-reuse", "lpa-delete"):
        problems += _check(page, _url(name, done.pk))
    assert not problems, "\n".join(problems)
