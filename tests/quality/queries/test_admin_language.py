"""Issue #20: staff pages stay in English but show each case's language. Every admin whose
model stores a ``language`` (a visit, a fee, a claim, an LPA, a payment, a message…) shows
it on the case page, so a caseworker writing to the citizen knows which language to use.
Found from ``admin.site._registry``, so a new service's case is covered without editing this.
"""

import pytest
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist

from .seed import rows_seed
from .test_admin import change_url

pytestmark = pytest.mark.django_db


def _has_language(model) -> bool:
    try:
        model._meta.get_field("language")
    except FieldDoesNotExist:
        return False
    return True


WITH_LANGUAGE = sorted(
    (m for m in admin.site._registry if _has_language(m)), key=lambda m: m._meta.label
)


def test_the_case_models_with_a_language_are_found():
    labels = {m._meta.label for m in WITH_LANGUAGE}
    assert {
        "prison_visits.Visit",
        "tribunal_fees.FeeCase",
        "civil_claims.Claim",
        "civil_claims.PossessionClaim",
        "lasting_power.Lpa",
    } <= labels


@pytest.mark.parametrize("model", WITH_LANGUAGE, ids=lambda m: m._meta.label)
def test_the_case_page_says_which_language_the_case_is_in(superuser_client, model):
    rows = rows_seed(model, 1) or list(model._default_manager.order_by("pk")[:1])
    assert rows, f"No row of {model._meta.label} to open: add a seeder in seed.py"
    model._default_manager.filter(pk=rows[0].pk).update(language="cy")

    response = superuser_client.get(change_url(model, rows[0].pk))

    assert response.status_code == 200
    page = response.content.decode()
    assert 'lang="en"' in page, "staff pages stay in English"
    assert "Language:" in page or ">Language<" in page, "the page has no Language row"
    assert "Cymraeg" in page or "Welsh" in page, "the case's language is not shown"
