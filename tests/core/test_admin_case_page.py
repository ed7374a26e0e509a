"""Staff case pages drawn in Python (``digital_services/core/admin_case_page.py``, issue #13)
are Django's pages: the same markup as Django's templates draw, but for blank lines and
indentation, compared as a browser reads them (each run of white space one space).

Every registered admin's case page (and the add page of those that may add) is drawn both
ways; a form posted with a mistake, a popup and an admin with its own template are left to
Django's templates; the templates the Python stands for are pinned.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

import pytest
import time_machine
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from digital_services.core import admin_case_page, admin_page
from tests.core.test_admin_page import DJANGOS, VOLATILE, _normalised
from tests.quality.queries.seed import rows_seed

pytestmark = pytest.mark.django_db

MODELS = sorted(admin.site._registry, key=lambda m: m._meta.label)
LABELS = [m._meta.label for m in MODELS]

#: The sources the Python was written from (the base page's are pinned in test_admin_page).
PINNED = {
    DJANGOS / "change_form.html": "e85dacd09dd7731a",
    DJANGOS / "submit_line.html": "c88ed75990a3bd8e",
    DJANGOS / "change_form_object_tools.html": "0b49740491761ee4",
    DJANGOS / "prepopulated_fields_js.html": "3d2846a6a4160415",
    # The visit's own, whose blocks prison_visits/admin/visit_pages.py draws.
    admin_page._OURS / "prison_visits/visit/change_form.html": "7faa29d5747cc030",
    admin_page._OURS / "change_form.html": "d421f0e98bc90a20",
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def test_the_templates_drawn_in_python_are_the_ones_it_was_written_from():
    changed = {str(p): _digest(p) for p, digest in PINNED.items() if _digest(p) != digest}
    assert not changed, changed


def both_ways(client, url: str, data=None):
    def fetch():
        return client.get(url) if data is None else client.post(url, data)

    # The clock stopped: an add page shows "now" as the initial value of a date and time.
    with time_machine.travel(timezone.now(), tick=False):
        drawn = fetch()
        with mock.patch.object(admin_case_page, "DRAW", False):
            djangos = fetch()
    assert drawn.status_code == djangos.status_code == 200, url
    return drawn.content, djangos.content


def _own_template(model_admin, url: str) -> bool:
    """The user admin's add page has a template of its own (the visit's own template is drawn
    by its admin's case_page_blocks)."""
    own = model_admin.add_form_template if url.endswith("/add/") else None
    return bool(
        own or (model_admin.change_form_template and not hasattr(model_admin, "case_page_blocks"))
    )


@pytest.mark.parametrize("model", MODELS, ids=LABELS)
def test_every_case_page_is_djangos_page(model, superuser_client):
    model_admin = admin.site._registry[model]
    rows = rows_seed(model, 1) or list(model._default_manager.order_by("pk")[:1])
    if not rows:
        pytest.skip(f"no row of {model._meta.label} to open (no seeder)")
    meta = model._meta
    urls = [reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[rows[0].pk])]
    urls[0] += "?_changelist_filters=o%3D-1"  # the list's filters kept in the page's links
    add = reverse(f"admin:{meta.app_label}_{meta.model_name}_add")
    if superuser_client.get(add).status_code == 200:  # the admins that may add
        urls.append(add)

    for url in urls:
        drawn, djangos = both_ways(superuser_client, url)
        assert _normalised(drawn) == _normalised(djangos), url
        same = VOLATILE.sub(b"", drawn) == VOLATILE.sub(b"", djangos)
        assert same is _own_template(model_admin, url), url


def test_a_form_with_a_mistake_is_left_to_djangos_templates(superuser_client):
    group = Group.objects.create(name="Caseworkers")
    url = reverse("admin:auth_group_change", args=[group.pk])
    drawn, djangos = both_ways(superuser_client, url, {"name": ""})
    assert b"errornote" in drawn
    assert VOLATILE.sub(b"", drawn) == VOLATILE.sub(b"", djangos)


def test_a_popup_is_left_to_djangos_templates(superuser_client):
    group = Group.objects.create(name="Caseworkers")
    url = reverse("admin:auth_group_change", args=[group.pk]) + "?_popup=1"
    drawn, djangos = both_ways(superuser_client, url)
    assert VOLATILE.sub(b"", drawn) == VOLATILE.sub(b"", djangos)


def test_a_view_only_case_page(client, django_user_model):
    """Someone who may only view: no save buttons, a Close link, the list not linked if they
    may not view it either."""
    from tests.conftest import sign_in

    user = django_user_model.objects.create_user(
        email="viewer@example.com", password="a-long-password-1", is_staff=True
    )
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="view_group"))
    group = Group.objects.create(name="Caseworkers")
    signed_in = sign_in(client, user, second_factor=True)
    url = reverse("admin:auth_group_change", args=[group.pk])
    drawn, djangos = both_ways(signed_in, url)
    assert b'class="closelink"' in drawn
    assert b'name="_save"' not in drawn
    assert _normalised(drawn) == _normalised(djangos)


@pytest.mark.parametrize("kind", ["requested", "booked", "cancelled by the visitor"])
def test_a_visits_case_page_draws_its_own_templates_blocks(kind, client):
    """The visit's own template (staff actions, the visitor cancellation to mark done, the
    timeline with a message) drawn by prison_visits/admin/visit_pages.py, for a caseworker of
    the prison."""
    from prison_visits.models import VisitEvent
    from tests.conftest import sign_in
    from tests.prison_visits.conftest import caseworker_for
    from tests.prison_visits.factories import (
        BookedVisitFactory,
        CancelledVisitFactory,
        PrisonFactory,
        RequestedVisitFactory,
    )

    prison = PrisonFactory()
    visit = {
        "requested": lambda: RequestedVisitFactory(prison=prison),
        "booked": lambda: BookedVisitFactory(prison=prison),
        "cancelled by the visitor": lambda: CancelledVisitFactory(
            prison=prison, cancelled_by_visitor=True
        ),
    }[kind]()
    staff = caseworker_for(prison, full_name="Pat <Prisons>")
    summer = datetime(2026, 7, 1, 8, 30, tzinfo=UTC)  # 9:30am in London: +01:00 in the markup
    VisitEvent.objects.create(
        visit=visit,
        kind=VisitEvent.Kind.MESSAGE,
        occurred_at=summer,
        actor=staff,
        message="See you & soon",
    )
    VisitEvent.objects.create(
        visit=visit, kind=VisitEvent.Kind.REMINDER, occurred_at=summer, by_visitor=True
    )
    signed_in = sign_in(client, staff, second_factor=True)
    url = reverse("admin:prison_visits_visit_change", args=[visit.pk])

    drawn, djangos = both_ways(signed_in, url)

    assert VOLATILE.sub(b"", drawn) != VOLATILE.sub(b"", djangos)
    assert b"<blockquote>See you &amp; soon</blockquote>" in drawn
    assert b"Pat &lt;Prisons&gt;" in drawn
    assert b'datetime="2026-07-01T09:30:00+01:00">1 July 2026 at 9:30am</time>' in drawn
    expected = {
        "requested": b"Process request",
        "booked": b"Cancel visit",
        "cancelled by the visitor": b'id="visitor-cancellation"',
    }[kind]
    assert expected in drawn
    assert _normalised(drawn) == _normalised(djangos)
