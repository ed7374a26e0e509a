"""The pages services declare for the walks (tests/<app>/walks.py, read by
tests/quality/harness/declared.py), sent their example answer and then bad input, as
test_forms.py does for journey steps; and the declaration itself: every page of the
service is declared (or named in NOT_WALKED with a reason), every declared page opens
where it says, and every form on one has an example answer that the page accepts.
"""

import pytest
from django.urls import resolve

from digital_services.core.registry import service_get
from tests.quality.a11y.conftest import URLCONF
from tests.quality.harness import main_form, page_parse
from tests.quality.harness.declared import (
    declared_case_make,
    declared_gaps,
    declared_module,
    declared_pages,
    declaring_services,
)

from .fuzz import CSRF, form_fuzz

pytestmark = pytest.mark.django_db

DECLARED = {f"{service.slug}/{page.key}": (service, page) for service, page in declared_pages()}
SERVICES = [service.slug for service in declaring_services()]


def _cases(service, user) -> dict:
    return {
        name: declared_case_make(service, name, user) for name in declared_module(service).CASES
    }


def _reached(service, user) -> list[str]:
    cases = _cases(service, user)
    return [page.path(cases[page.case]) for owner, page in DECLARED.values() if owner == service]


def _fields(form) -> list[str]:
    names = [f.name for f in form.fields if f.name != CSRF and f.kind not in ("hidden", "submit")]
    return list(dict.fromkeys(names))


def _accepted(response) -> bool:
    """Sent on (a redirect) or answered without errors (a page that shows a result)."""
    if response.status_code in (301, 302, 303):
        return True
    return response.status_code == 200 and not page_parse(response.content.decode()).error_summary


@pytest.mark.parametrize("slug", SERVICES)
def test_every_page_of_the_service_is_declared_for_the_walks(slug, citizen):
    service = service_get(slug)
    gaps = declared_gaps(service, _reached(service, citizen), URLCONF)
    assert not gaps, (
        f"{slug}: pages no walk reaches: {gaps}. Declare them in tests/{service.label}/walks.py "
        "PAGES (or say why not in NOT_WALKED)"
    )


@pytest.mark.parametrize("slug", SERVICES)
def test_a_page_left_out_of_the_declaration_is_a_gap(slug, citizen):
    service = service_get(slug)
    paths = _reached(service, citizen)
    left_out = resolve(paths[-1].split("?")[0], URLCONF).url_name
    kept = [p for p in paths if resolve(p.split("?")[0], URLCONF).url_name != left_out]
    assert left_out in declared_gaps(service, kept, URLCONF)


@pytest.mark.parametrize("key", DECLARED)
def test_declared_page_survives_bad_input(key, client, citizen, fresh_limits):
    service, declared = DECLARED[key]
    made = declared_case_make(service, declared.case, citizen)
    client.force_login(citizen)
    path = declared.path(made)
    response = client.get(path)
    assert response.status_code == 200, f"{path} ({key}) answered {response.status_code}"
    form = main_form(page_parse(response.content.decode()))
    answer = declared.answer_for(made)
    if answer is None:
        fields = _fields(form) if form is not None else []
        assert not fields, f"{path} ({key}) has a form with {fields}: declare its answer"
        pytest.skip(f"{key} is looked at only: its form has no fields")
    assert form is not None, f"{path} ({key}) has an answer declared but no form"
    if not declared.same_form_as:
        form_fuzz(
            client,
            url=path,
            form=form,
            baseline=answer,
            before=fresh_limits,
            later=lambda: [path],
        )
    # After the bad input (the answer may move the case on: paying completes an LPA).
    fresh_limits()
    accepted = client.post(form.action or path, answer)
    assert _accepted(accepted), (
        f"{path} ({key}) did not accept its example answer {answer}: the walks' baseline"
    )
    if declared.same_form_as:
        assert f"{service.slug}/{declared.same_form_as}" in DECLARED, declared.same_form_as
        pytest.skip(f"{key} has the form of {declared.same_form_as}, attacked there")
