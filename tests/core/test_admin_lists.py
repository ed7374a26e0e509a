"""``admin_lists.StaffChangeList``: every admin's list, whose filter links' query strings are
put together from pieces encoded once, gives the query strings Django's change list gives
(issue #13)."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList

from digital_services.core.admin_lists import StaffChangeList
from prison_visits.models import Visit

pytestmark = pytest.mark.django_db

PARAMS = [
    {},
    {"inbox": ["requests"]},
    {"prison__id__exact": ["7"], "q": ["Jo Bloggs"], "o": ["-2.1"]},
    {"status__in": ["requested", "booked"], "q": ["A&B = C+D 50% /?#"]},
    {"q": ["Siân Ífor ŵ"], "date__gte": ["2026-12-01"], "date__lt": ["2026-12-02"]},
    {"empty": [], "flag": [""], "x": ["1", ""]},
]
CHANGES = [
    (None, None),
    ({"prison__id__exact": 12}, ["prison__isnull"]),
    ({"prison__id__exact": "12", "q": None}, None),
    ({"status__in": ["requested", "cancelled"]}, ["status__"]),
    ({"date__gte": None, "date__lt": None}, ["date__"]),
    ({"o": "3"}, ["inbox", "q"]),
    ({"new": "ŵ & ŷ", "list": ["a b", "c/d"]}, []),
    ({}, ["nothing-matches"]),
]


@pytest.fixture
def changelist(rf, django_user_model):
    request = rf.get("/")
    request.user = django_user_model.objects.create_superuser(
        email="lists-admin@example.com", password="a-long-password-1"
    )
    found = admin.site._registry[Visit].get_changelist_instance(request)
    assert isinstance(found, StaffChangeList)
    return found


@pytest.mark.parametrize("params", PARAMS)
@pytest.mark.parametrize("new_params, remove", CHANGES)
def test_each_query_string_is_djangos(changelist, params, new_params, remove):
    changelist.filter_params = {name: list(values) for name, values in params.items()}

    for _ in range(2):  # encoded, then from the pieces remembered
        ours = changelist.get_query_string(new_params and dict(new_params), remove)
        djangos = ChangeList.get_query_string(changelist, new_params and dict(new_params), remove)
        assert ours == djangos


def test_every_admin_keeping_djangos_change_list_gets_the_staff_one(rf):
    request = rf.get("/")
    for model, model_admin in admin.site._registry.items():
        own = type(model_admin).get_changelist is not admin.ModelAdmin.get_changelist
        expected = type(model_admin).get_changelist(model_admin, request) if own else None
        assert model_admin.get_changelist(request) is (expected or StaffChangeList), model


@pytest.mark.parametrize("value", [True, False, None, 1, 0])
def test_the_boolean_icon_is_djangos_once_worked_out(value):
    from django.contrib.admin.templatetags.admin_list import _boolean_icon

    from digital_services.core.admin_lists import boolean_icon

    assert boolean_icon(value) == _boolean_icon(value)  # alt="1" for 1, not "True"
    assert boolean_icon(value) is boolean_icon(value)
