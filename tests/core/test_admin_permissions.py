"""The permissions pickers on the role and user pages are drawn in one pass (issue #13), and
show exactly what Django's own picker shows: every permission, in its order, with its label,
and the chosen ones selected."""

from __future__ import annotations

import re

import pytest
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from digital_services.core.admin_permissions import PermissionsSelectMultiple
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

OPTION = re.compile(r'<option value="(\d+)"( selected)?>([^<]*)</option>')


def _options(html: str) -> list[tuple[str, bool, str]]:
    return [(pk, bool(chosen), label) for pk, chosen, label in OPTION.findall(html)]


def _permissions_select(page: str, name: str) -> str:
    found = re.search(rf'<select name="{name}"[^>]*>.*?</select>', page, re.S)
    assert found, f"no {name} picker on the page"
    return found.group(0)


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_user(
        email="roles@example.com", password="a-long-password-1", is_staff=True, is_superuser=True
    )
    return sign_in(client, user, second_factor=True)


def test_the_options_are_djangos_own():
    chosen = list(Permission.objects.order_by("pk").values_list("pk", flat=True)[5:8])
    queryset = Permission.objects.select_related("content_type")
    djangos = FilteredSelectMultiple("permissions", is_stacked=False)
    djangos.choices = [(p.pk, str(p)) for p in queryset]
    ours = PermissionsSelectMultiple("permissions", is_stacked=False)

    expected = _options(djangos.render("permissions", chosen))
    got = _options(ours.render("permissions", chosen))

    assert len(expected) == Permission.objects.count() > 100
    assert got == expected
    assert sum(selected for _, selected, _ in got) == 3


def test_a_roles_page_shows_its_permissions_and_saves_a_change(superuser_client):
    role = Group.objects.create(name="Visits booking staff")
    first, second, third = Permission.objects.order_by("pk")[:3]
    role.permissions.set([first, second])
    url = reverse("admin:auth_group_change", args=[role.pk])

    page = superuser_client.get(url).content.decode()
    options = _options(_permissions_select(page, "permissions"))
    assert len(options) == Permission.objects.count()
    assert {int(pk) for pk, selected, _ in options if selected} == {first.pk, second.pk}
    assert 'class="selectfilter"' in page  # Django's filter still turns it into two lists

    response = superuser_client.post(
        url, {"name": role.name, "permissions": [second.pk, third.pk], "_save": "Save"}
    )
    assert response.status_code == 302
    assert set(role.permissions.values_list("pk", flat=True)) == {second.pk, third.pk}


def test_a_users_page_shows_their_own_permissions(superuser_client, django_user_model):
    user = django_user_model.objects.create_user(email="someone@example.com")
    permission = Permission.objects.get(codename="view_group")
    user.user_permissions.add(permission)

    page = superuser_client.get(reverse("admin:accounts_user_change", args=[user.pk]))
    options = _options(_permissions_select(page.content.decode(), "user_permissions"))

    assert [label for pk, selected, label in options if selected] == [str(permission)]
