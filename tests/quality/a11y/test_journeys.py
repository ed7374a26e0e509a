"""Every registered journey, filled in with valid answers in headless Chromium.

With JavaScript on, every page on the way (the task list, each step, lists of items,
"save and come back later", check your answers and the confirmation) gets the same
checks as any page, and each form is first sent empty to check its error page. With
JavaScript off, each journey must still go from start to confirmation.

The journeys come from ``journeys_list()``: today the test-only example services
(tests/quality/a11y/example.py and tests/journeys/example.py); each real service's
journeys join automatically once its urls.py routes them.
"""

import pytest

from digital_services.journeys.models import Draft
from tests.quality.harness import JourneyWalker, journey_url, journeys_list, page_parse

from .checks import BrowserDriver, page_report
from .conftest import URLCONF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

JOURNEYS = {journey.key: journey for journey in journeys_list(URLCONF)}


@pytest.mark.parametrize("key", JOURNEYS)
def test_journey_is_accessible_at_every_page_and_every_error(key, new_page):
    journey = JOURNEYS[key]
    page = new_page()
    driver = BrowserDriver(page)
    problems: list[str] = []
    save_url = journey_url(journey, "save", URLCONF)

    # "Save and come back later" before any answer, then (below) with a draft.
    driver.goto(save_url)
    problems += page_report(page)
    detoured = []

    def on_page(visit):
        if walker.posted and not detoured and visit.kind in ("step", "item-add", "item-list"):
            detoured.append(visit.path)
            driver.goto(save_url)
            problems.extend(page_report(page))
            # Signed in (a journey for an account's own case), the draft is simply saved:
            # there is no email to give.
            if page.locator('main form[method="post"]').count():
                driver.submit(None)
                problems.extend(page_report(page, after_empty_post=True))
                driver.submit({"email": "person@example.com"})
                problems.extend(page_report(page))
            driver.goto(visit.path)
        problems.extend(page_report(page))

    def on_form(visit):
        driver.submit(None)
        if driver.path() == visit.path:
            problems.extend(page_report(page, after_empty_post=True))

    walker = JourneyWalker(journey, driver, URLCONF, on_page=on_page, on_form=on_form)
    walker.walk()
    kinds = {visit.kind for visit in walker.visits}
    assert {"check", "confirmation"} <= kinds
    assert detoured, "the walk never reached a second page to try saving a draft"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("key", JOURNEYS)
def test_journey_completes_with_javascript_off(key, new_page):
    journey = JOURNEYS[key]
    page = new_page(javascript=False)
    walker = JourneyWalker(journey, BrowserDriver(page), URLCONF)
    end = walker.walk()

    assert walker.visits[-1].kind == "confirmation", f"ended at {end}"
    assert page_parse(page.content()).h1_count == 1
    assert walker.posted, "no answer was sent"
    assert not Draft.objects.exists(), "sending the application deletes its draft"
