"""The pages services declare for the walks (tests/<app>/walks.py, read by
tests/quality/harness/declared.py): pages with an id in their URL that are not the
platform's journey views, such as an LPA's questions.

For each declared case, citizen A's case is made and every page on it is opened in order,
signed in as citizen A, and given the same checks as any page (test_pages.py). A question
(a page with an example answer) is then sent empty and its error page is checked too. A
declared page that sends the citizen elsewhere fails: the declaration no longer says where
the page is.
"""

import pytest

from digital_services.core.registry import service_get
from tests.quality.harness.declared import declared_case_make, declared_pages

from .checks import BrowserDriver, page_report, path_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DECLARED = declared_pages()
CASES = list(dict.fromkeys((service.slug, page.case) for service, page in DECLARED))


@pytest.mark.parametrize(("slug", "case"), CASES, ids=[f"{s}/{c}" for s, c in CASES])
def test_declared_pages_are_accessible(slug, case, new_page, sign_in_page, citizen):
    service = service_get(slug)
    made = declared_case_make(service, case, citizen)
    page = new_page()
    sign_in_page(page, citizen)
    driver = BrowserDriver(page)
    problems: list[str] = []
    walked = 0
    for owner, declared in DECLARED:
        if owner.slug != slug or declared.case != case:
            continue
        path = declared.path(made)
        response = page.goto(path)
        if path_of(page) != path:
            problems.append(f"{path} ({declared.key}) sent the citizen to {path_of(page)}")
            continue
        if response.status >= 400:
            problems.append(f"{path} ({declared.key}) answered {response.status}")
            continue
        walked += 1
        problems += page_report(page)
        if declared.answer_for(made) is not None:
            driver.submit(None)
            if driver.path() == path:
                problems += page_report(page, after_empty_post=True)
    assert walked, f"no declared page of {slug}/{case} was walked"
    assert not problems, "\n".join(problems)
