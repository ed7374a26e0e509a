"""The staff pages' admin site builds the app list only on the pages that show it (issue #13)."""

from __future__ import annotations

from unittest import mock

import pytest
from django.contrib import admin
from django.contrib.admin import AdminSite
from django.test import RequestFactory
from django.urls import reverse

from digital_services.core.admin_site import StaffAdminSite
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_admin_site_is_the_staff_site():
    assert isinstance(admin.site, StaffAdminSite)
    assert admin.site.enable_nav_sidebar is False
    assert admin.site.site_header == "MoJ digital services: staff"


def test_each_context_has_the_same_keys_as_djangos(django_user_model):
    """The override copies Django's each_context: a Django upgrade that adds a key fails here."""
    request = RequestFactory().get("/admin/")
    request.user = django_user_model(email="x@example.com", is_staff=True, is_superuser=True)
    ours = admin.site.each_context(request)
    django_context = AdminSite.each_context(admin.site, request)
    assert set(ours) == set(django_context)
    assert list(ours["available_apps"]) == django_context["available_apps"]


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user(
        email="admin@example.com", password="a-long-password-1", is_staff=True, is_superuser=True
    )
    return sign_in(client, user, second_factor=True)


def test_a_changelist_does_not_build_the_app_list(staff_client):
    with mock.patch.object(StaffAdminSite, "get_app_list", autospec=True) as app_list:
        response = staff_client.get(reverse("admin:audit_auditevent_changelist"))
    assert response.status_code == 200
    app_list.assert_not_called()


def test_the_index_still_lists_the_apps(staff_client):
    response = staff_client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert reverse("admin:audit_auditevent_changelist") in response.content.decode()


def test_a_staff_page_does_not_work_out_the_govuk_layouts_facts(staff_client):
    """The ``site`` context processor's navigation, feedback link and service name are for the
    GOV.UK layout; Django's admin templates use none of them, so they are not worked out."""
    from digital_services.core import context_processors

    with mock.patch.object(
        context_processors, "site_facts", wraps=context_processors.site_facts
    ) as facts:
        for name in ("admin:index", "admin:audit_auditevent_changelist"):
            assert staff_client.get(reverse(name)).status_code == 200
        facts.assert_not_called()
        page = staff_client.get(reverse("core:start"))
    assert facts.call_count == 1  # a GOV.UK page: once, however many of them it uses
    html = page.content.decode()
    assert f'href="{reverse("admin:index")}"' in html and ">Staff<" in html  # the navigation
    assert "data-session-timeout=" in html  # signed in: the timeout warning's settings
    assert f"{reverse('performance:feedback')}?from=%2F" in html  # the feedback link
