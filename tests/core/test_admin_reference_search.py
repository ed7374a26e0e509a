"""Issue #12 point 7: in every service's staff pages, the search box finds a case by its
reference as the pages and emails show it ("G0QY EQP3"), not only as stored.

Each service's own tests search with real cases (tests/prison_visits/test_admin.py,
tests/tribunal_fees/test_admin.py); this one makes sure no service's case list was left out.
"""

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist

from digital_services.core.references import ReferenceSearchMixin
from digital_services.core.registry import service_for_app


def service_case_admins_with_a_reference():
    found = []
    for model, model_admin in admin.site._registry.items():
        if service_for_app(model._meta.app_label) is None or not model_admin.search_fields:
            continue
        try:
            model._meta.get_field("reference")
        except FieldDoesNotExist:
            continue
        found.append((model, model_admin))
    return found


def test_every_service_case_list_with_a_reference_searches_it_as_shown():
    found = service_case_admins_with_a_reference()
    labels = {model._meta.label for model, _ in found}
    assert {
        "prison_visits.Visit",
        "tribunal_fees.FeeCase",
        "tribunal_fees.HelpWithFeesApplication",
        "tribunal_fees.RefundApplication",
    } <= labels, labels
    for model, model_admin in found:
        assert isinstance(model_admin, ReferenceSearchMixin), model._meta.label
        forms = model_admin.reference_search_forms("g0qy eqp3")
        assert forms and all(" " not in form for form in forms), model._meta.label
