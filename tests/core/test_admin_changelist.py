"""The staff lists' rows and filters written in Python are Django's, byte for byte (issue #13).

``templates/admin/change_list.html`` draws the table of rows and the filters with
``core/admin_changelist.py`` instead of Django's ``result_list`` and ``admin_list_filter``
tags. Every registered admin's list page is drawn both ways (with the Python renderer told to
hand over to Django's tags), with rows, sorted on two columns, filtered and searched, and must
be the same bytes; the template's two blocks must be Django's but for the tags' names; and no
admin may quietly fall back to Django's tags (which would be correct but slow).
"""

from __future__ import annotations

import re
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

import django
import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.main import ORDER_VAR, SEARCH_VAR
from django.test import RequestFactory
from django.urls import reverse

from digital_services.core import admin_changelist
from digital_services.core.templatetags import staff_admin_list
from tests.conftest import sign_in
from tests.quality.queries.seed import rows_seed

pytestmark = pytest.mark.django_db

MODELS = sorted(admin.site._registry, key=lambda m: m._meta.label)
LABELS = [m._meta.label for m in MODELS]

#: What differs between two renderings of the same page whatever draws it.
VOLATILE = re.compile(rb'(name="csrfmiddlewaretoken" value="|nonce=")[^"]+"')


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        email="lists-admin@example.com", password="a-long-password-1"
    )
    return sign_in(client, user, second_factor=True)


def djangos_tags():
    """Our change list template with Django's tags drawing the rows and filters."""
    stack = ExitStack()
    stack.enter_context(mock.patch.object(staff_admin_list, "result_list_html", lambda cl: None))
    stack.enter_context(mock.patch.object(staff_admin_list, "filter_html", lambda cl, spec: None))
    return stack


def _block(source: str, name: str) -> str:
    return re.search(r"{% block " + name + r" %}.*?{% endblock %}", source, re.S).group(0)


def test_the_templates_blocks_are_djangos_but_for_the_tags():
    ours = (Path(settings.BASE_DIR) / "templates/admin/change_list.html").read_text()
    djangos = (
        Path(django.__file__).parent / "contrib/admin/templates/admin/change_list.html"
    ).read_text()
    renamed = ours.replace("{% staff_result_list cl %}", "{% result_list cl %}").replace(
        "{% staff_list_filter cl spec %}", "{% admin_list_filter cl spec %}"
    )

    for name in ("result_list", "filters"):
        assert _block(renamed, name) == _block(djangos, name)
    assert "{% staff_result_list cl %}" in ours
    assert "{% staff_list_filter cl spec %}" in ours


def _variants(model, model_admin) -> list[str]:
    """The list plain; sorted on two columns, the second descending; filtered on the first
    choice of the first filter; searched."""
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    variants = [url]
    if len(model_admin.get_list_display(RequestFactory().get(url))) > 2:
        variants.append(f"{url}?{ORDER_VAR}=2.-3")
    if model_admin.search_fields:
        variants.append(f"{url}?{SEARCH_VAR}=a")
    return variants


def _page(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    return VOLATILE.sub(b"", response.content)


@pytest.mark.parametrize("model", MODELS, ids=LABELS)
def test_every_list_page_is_the_same_as_djangos(model, staff_client):
    model_admin = admin.site._registry[model]
    rows_seed(model, 3)
    urls = _variants(model, model_admin)
    # The first link of the filter sidebar, once the page has shown it.
    filtered = re.search(rb'<li>\s*<a href="(\?[^"]+)">', _page(staff_client, urls[0]))
    if filtered:
        urls.append(urls[0] + filtered.group(1).decode().replace("&amp;", "&"))
    ours = {url: _page(staff_client, url) for url in urls}

    with djangos_tags():
        djangos = {url: _page(staff_client, url) for url in urls}

    for url in urls:
        assert ours[url] == djangos[url], url


@pytest.mark.parametrize("model", MODELS, ids=LABELS)
def test_no_list_falls_back_to_djangos_tags(model, rf, django_user_model):
    """Each admin's rows and filters are drawn in Python (a fallback is Django's slow path)."""
    model_admin = admin.site._registry[model]
    rows_seed(model, 2)
    request = rf.get("/")
    request.user = django_user_model.objects.create_superuser(
        email="fallback-admin@example.com", password="a-long-password-1"
    )
    changelist = model_admin.get_changelist_instance(request)

    if changelist.result_list:
        assert admin_changelist.result_list_html(changelist) is not None
    for spec in changelist.filter_specs:
        assert admin_changelist.filter_html(changelist, spec) is not None, spec.title


def test_a_row_links_to_its_case_with_the_lists_filters_kept(staff_client):
    """The one reversed URL a page keeps is given each row's own key and the filters."""
    from digital_services.audit.models import AuditEvent

    rows = rows_seed(AuditEvent, 2)
    url = reverse("admin:audit_auditevent_changelist") + "?o=-1"
    page = staff_client.get(url).content.decode()

    for row in rows:
        change = reverse("admin:audit_auditevent_change", args=[row.pk])
        assert f'href="{change}?_changelist_filters=o%3D-1"' in page
