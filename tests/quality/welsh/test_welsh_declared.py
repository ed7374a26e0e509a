"""Issue #20's gate for the pages services declare (tests/<app>/walks.py): pages with an id
in their URL that neither discovery nor the journey walker reaches, such as an LPA's
questions, task list, check page, fee and documents.

For each declared case, citizen A's case is made and every page on it is fetched in order
with the language cookie set to Welsh (Django's test client), and checked as
test_welsh_pages.py checks a page: ``<html lang="cy">`` and no text node that is an English
msgid of our catalogues. A question (a page with an example answer) is then sent empty and
its error page is checked too. A service opted out in ``NOT_TRANSLATED`` is skipped.
"""

import pytest
from django.conf import settings
from django.urls import resolve

from digital_services.core.registry import service_get
from tests.quality.harness.declared import declared_case_make, declared_pages

from .test_welsh_pages import opted_out, welsh_problems

pytestmark = pytest.mark.django_db

DECLARED = declared_pages()
CASES = list(dict.fromkeys((service.slug, page.case) for service, page in DECLARED))


@pytest.mark.parametrize(("slug", "case"), CASES, ids=[f"{s}/{c}" for s, c in CASES])
def test_declared_pages_are_in_welsh(slug, case, client, citizen):
    service = service_get(slug)
    made = declared_case_make(service, case, citizen)
    client.force_login(citizen)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    problems: list[str] = []
    walked = 0
    for owner, declared in DECLARED:
        if owner.slug != slug or declared.case != case:
            continue
        path = declared.path(made)
        match = resolve(path.split("?")[0])
        if opted_out(match.func.__module__, match.view_name):
            continue
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue  # the a11y walk says when a declared page no longer opens
        walked += 1
        problems += welsh_problems(response.content.decode(), path)
        if declared.answer_for(made) is not None:
            sent = client.post(path, {})
            if sent.status_code == 200 and "text/html" in sent.get("Content-Type", ""):
                problems += welsh_problems(sent.content.decode(), f"{path} (sent empty)")
    if not walked:
        pytest.skip(f"{slug}/{case}: no declared page is translated yet")
    assert not problems, "\n".join(problems)
