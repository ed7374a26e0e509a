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
from django.db import models
from django.urls import resolve

from digital_services.core.registry import service_get
from tests.quality.harness.declared import declared_case_make, declared_pages

from .test_welsh_pages import opted_out, welsh_problems

pytestmark = pytest.mark.django_db

DECLARED = declared_pages()
CASES = list(dict.fromkeys((service.slug, page.case) for service, page in DECLARED))


def case_strings(case) -> set[str]:
    """The short strings the made case holds (its fields and the answers inside its JSON:
    names, addresses, a few words): the person's own words, which a Welsh page shows as they
    were given. Sentences are left out: a case also keeps text the service wrote."""
    found: set[str] = set()

    def walk(value):
        if isinstance(value, str):
            found.add(" ".join(value.split()))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    if isinstance(case, models.Model):
        for field in case._meta.concrete_fields:
            walk(getattr(case, field.attname))
    return {text for text in found if 0 < len(text.split()) <= 3}


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
        problems += welsh_problems(response.content.decode(), path, case_strings(made))
        if declared.answer_for(made) is not None:
            sent = client.post(path, {})
            if sent.status_code == 200 and "text/html" in sent.get("Content-Type", ""):
                problems += welsh_problems(
                    sent.content.decode(), f"{path} (sent empty)", case_strings(made)
                )
    if not walked:
        pytest.skip(f"{slug}/{case}: no declared page is translated yet")
    assert not problems, "\n".join(problems)
