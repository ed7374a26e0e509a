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


def _userlinks_both_ways(client, monkeypatch, path):
    """The page with the userlinks block remembered and drawn by Django, CSRF tokens blanked."""
    import re

    from digital_services.core.templatetags import staff_admin

    def page():
        response = client.get(path)
        assert response.status_code == 200
        html = response.content.decode()
        assert staff_admin._CSRF_STAND_IN not in html
        return re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]+', r"\1", html)

    remembered = [page(), page()]  # drawn and kept, then from the memo
    monkeypatch.setattr(staff_admin, "REMEMBER_USERLINKS", False)
    djangos = page()
    monkeypatch.setattr(staff_admin, "REMEMBER_USERLINKS", True)
    assert remembered[0] == djangos and remembered[1] == djangos
    return djangos


@pytest.mark.parametrize(
    "name", ["admin:index", "admin:audit_auditevent_changelist", "admin:password_change"]
)
def test_the_remembered_userlinks_are_djangos(staff_client, monkeypatch, name):
    html = _userlinks_both_ways(staff_client, monkeypatch, reverse(name))
    assert f'action="{reverse("admin:logout")}"' in html
    if name != "admin:password_change":  # that page leaves its own link out
        assert f'href="{reverse("admin:password_change")}"' in html


def test_the_remembered_userlinks_follow_the_user_and_the_site(
    staff_client, client, django_user_model, monkeypatch
):
    from digital_services.core import admin_index_page
    from digital_services.core.templatetags import staff_admin

    # The index through Django's templates (test_admin_page.py compares the one drawn in Python).
    monkeypatch.setattr(admin_index_page, "DRAW", False)
    monkeypatch.setattr(staff_admin, "_USERLINKS", type(staff_admin._USERLINKS)(256))
    index = reverse("admin:index")
    with_password = _userlinks_both_ways(staff_client, monkeypatch, index)
    no_password = django_user_model.objects.create_user(
        email="sso@example.com", is_staff=True, is_superuser=True
    )
    no_password.set_unusable_password()
    no_password.save()
    sign_in(client, no_password, second_factor=True)
    without = _userlinks_both_ways(client, monkeypatch, index)
    change = f'href="{reverse("admin:password_change")}"'
    assert change in with_password and change not in without
    monkeypatch.setattr(admin.site, "site_url", None)
    assert ">View site</a>" in with_password
    assert ">View site</a>" not in _userlinks_both_ways(staff_client, monkeypatch, index)
    assert len(staff_admin._USERLINKS) == 3


def test_each_page_gets_its_own_csrf_token_in_the_sign_out_form(staff_client):
    import re

    from django.middleware.csrf import _unmask_cipher_token

    pattern = (
        r'id="logout-form"[^>]*>\s*<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"'
    )
    tokens = [
        re.search(pattern, staff_client.get(reverse("admin:index")).content.decode()).group(1)
        for _ in range(2)
    ]
    assert tokens[0] != tokens[1]  # masked afresh, as Django does
    secret = staff_client.cookies["csrftoken"].value
    assert [_unmask_cipher_token(token) for token in tokens] == [secret, secret]
