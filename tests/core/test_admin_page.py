"""Staff list pages drawn in Python (``digital_services/core/admin_page.py``, issue #13) are
Django's pages: the same markup as Django's templates draw, but for blank lines and indentation.

Every registered admin's list (plain, sorted, searched, filtered, on more than one page, with a
message to show) is drawn both ways and compared with runs of white space made one space,
which is what a browser makes of them; the templates the Python stands for are pinned, so an
upgrade of Django or an edit of one of ours fails here until the Python is checked against it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from unittest import mock

import django
import pytest
import time_machine
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from digital_services.core import admin_page
from tests.core.test_admin_render import _variants
from tests.quality.queries.seed import rows_seed

pytestmark = pytest.mark.django_db

MODELS = sorted(admin.site._registry, key=lambda m: m._meta.label)
LABELS = [m._meta.label for m in MODELS]

VOLATILE = re.compile(rb'(name="csrfmiddlewaretoken" value="|nonce=")[^"]+"')
DJANGOS = Path(django.__file__).parent / "contrib/admin/templates/admin"
ROOT = Path(settings.BASE_DIR)

#: The sources the Python was written from. When one changes, read the change, make
#: admin_page.py draw the same, and put the new digest here.
PINNED = {
    DJANGOS / "base.html": "49c62197ece3d8a3",
    DJANGOS / "base_site.html": "182897817c02fd96",
    DJANGOS / "change_list.html": "20b8d0e45467ccd3",
    DJANGOS / "actions.html": "0556a5ebfabb06e4",
    DJANGOS / "change_list_object_tools.html": "f805f46d84f10ec7",
    DJANGOS / "date_hierarchy.html": "1ee834e8bd6e4333",
    DJANGOS / "color_theme_toggle.html": "6b6ba1eff736ba66",
    admin_page.PAGE_TEMPLATES["change_list.html"]: "ee3ec3cdb4ca91de",
    admin_page.PAGE_TEMPLATES["base_site.html"]: "b9931f9510b0271c",
    admin_page.TAG_TEMPLATES["search_form.html"]: "711b9c131fe1d98f",
    admin_page.TAG_TEMPLATES["pagination.html"]: "da324418f9924990",
    # The index (admin_index_page.py).
    DJANGOS / "index.html": "4d0c59740cb66727",
    admin_page._OURS / "index.html": "ed8136ec7951d1fa",
    # The admins' own, whose blocks their list_page_blocks draw.
    ROOT / "templates/admin/prison_visits/visit/change_list.html": "46196dfb34cb9996",
    ROOT / "templates/lasting_power/admin_change_list.html": "04a339e8c0ad1fcf",
    admin_page.TAG_TEMPLATES["actions.html"]: "20e639b77fba30bf",
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def test_the_templates_drawn_in_python_are_the_ones_it_was_written_from():
    changed = {
        str(path): _digest(path) for path, digest in PINNED.items() if _digest(path) != digest
    }
    assert not changed, changed


def _normalised(content: bytes) -> bytes:
    return re.sub(rb"\s+", b" ", VOLATILE.sub(b"", content)).strip()


def both_ways(client, url: str) -> tuple[bytes, bytes]:
    """The page drawn in Python and by Django's templates, the clock stopped between them."""
    with time_machine.travel(timezone.now(), tick=False):
        drawn = client.get(url)
        with mock.patch.object(admin_page, "DRAW", False):
            djangos = client.get(url)
    assert drawn.status_code == djangos.status_code == 200, url
    return drawn.content, djangos.content


@pytest.mark.parametrize("model", MODELS, ids=LABELS)
def test_every_list_page_is_djangos_page(model, superuser_client):
    model_admin = admin.site._registry[model]
    rows_seed(model, 3)
    urls = _variants(model, model_admin)
    first = superuser_client.get(urls[0]).content
    filtered = re.search(rb'<li>\s*<a href="(\?[^"]+)">', first)
    if filtered:
        urls.append(urls[0] + filtered.group(1).decode().replace("&amp;", "&"))

    for url in urls:
        drawn, djangos = both_ways(superuser_client, url)
        assert _normalised(drawn) == _normalised(djangos), url
        # Every list is drawn in Python (the visit inbox and the LPA list through their
        # admins' list_page_blocks): not the same bytes as Django's.
        assert VOLATILE.sub(b"", drawn) != VOLATILE.sub(b"", djangos), url


def test_a_list_on_several_pages(superuser_client):
    """Page links with an ellipsis, "Show all" and "Select all 34 groups"."""
    for n in range(25):
        Group.objects.create(name=f"Role {n:02}")
    url = reverse("admin:auth_group_changelist")
    with mock.patch.object(admin.site._registry[Group], "list_per_page", 2):
        drawn, djangos = both_ways(superuser_client, url + "?p=5")
    assert b'class="this-page">5</span>' in drawn
    assert "\u2026".encode() in drawn  # the ellipsis between page links
    assert b'class="showall"' in drawn
    assert f"Select all {Group.objects.count()} groups".encode() in drawn
    assert _normalised(drawn) == _normalised(djangos)


@pytest.mark.parametrize(
    "query", ["", "?occurred_at__year=2026", "?occurred_at__year=2026&occurred_at__month=1"]
)
def test_a_date_hierarchy_is_djangos(query, superuser_client):
    from digital_services.audit.models import AuditEvent

    rows_seed(AuditEvent, 3)
    url = reverse("admin:audit_auditevent_changelist") + query
    with mock.patch.object(admin.site._registry[AuditEvent], "date_hierarchy", "occurred_at"):
        drawn, djangos = both_ways(superuser_client, url)
    assert b'class="toplinks"' in drawn
    assert _normalised(drawn) == _normalised(djangos)


def test_a_message_is_shown_once_as_django_shows_it(superuser_client):
    """The message after adding a role (marked safe by the admin: a link to the role)."""
    add = reverse("admin:auth_group_add")
    pages = []
    for draw in (True, False):
        Group.objects.filter(name="Caseworkers").delete()
        with mock.patch.object(admin_page, "DRAW", draw):
            page = superuser_client.post(add, {"name": "Caseworkers"}, follow=True).content
            again = superuser_client.get(reverse("admin:auth_group_changelist")).content
        assert b'<ul class="messagelist">' in page
        assert b"messagelist" not in again
        pk = str(Group.objects.get(name="Caseworkers").pk).encode()
        pages.append(
            page.replace(b"/group/" + pk + b"/", b"/group/N/").replace(
                b'value="' + pk + b'"', b'value="N"'
            )
        )
    drawn, djangos = pages
    assert re.search(
        rb'<li class="success">The group .+?<a href="[^"]+">Caseworkers</a>.+? was added', drawn
    )
    assert _normalised(drawn) == _normalised(djangos)


def test_a_popup_list_is_left_to_djangos_templates(superuser_client):
    url = reverse("admin:auth_group_changelist") + "?_popup=1"
    drawn, djangos = both_ways(superuser_client, url)
    assert VOLATILE.sub(b"", drawn) == VOLATILE.sub(b"", djangos)


def test_a_template_of_an_apps_own_is_left_to_django(tmp_path, settings):
    """An app's own ``search_form.html`` (looked up as the admin's tags look it up) means the
    page is Django's to draw."""
    own = tmp_path / "admin" / "auth" / "group"
    own.mkdir(parents=True)
    (own / "search_form.html").write_text("<p>our search</p>")
    assert admin_page.drawable(admin.site._registry[Group])
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    assert not admin_page.drawable(admin.site._registry[Group])


@pytest.mark.parametrize(
    "codenames",
    [
        None,  # a superuser, with recent actions of each kind
        ("view_auditevent", "view_refund", "add_refund", "change_refund"),
        ("view_kpis", "act_on_behalf"),  # the staff's own work only
        (),  # nothing
    ],
    ids=["superuser", "some-models", "own-work", "nothing"],
)
def test_the_index_is_djangos_page(codenames, client, django_user_model):
    """The index (admin_index_page.py): the staff's own work, the app list and the recent
    actions (added, changed, deleted, a link to each that is still there)."""
    from digital_services.core import admin_index_page
    from tests.conftest import sign_in
    from tests.core.test_admin_render import _staff_with

    if codenames is None:
        user = django_user_model.objects.create_superuser(
            email="index-admin@example.com", password="a-long-password-1"
        )
        signed_in = sign_in(client, user, second_factor=True)
        signed_in.post(reverse("admin:auth_group_add"), {"name": "Role <one>"})
        role = Group.objects.get(name="Role <one>")
        signed_in.post(reverse("admin:auth_group_change", args=[role.pk]), {"name": "Role 2"})
        gone = Group.objects.create(name="Gone")
        signed_in.post(reverse("admin:auth_group_delete", args=[gone.pk]), {"post": "yes"})
        signed_in.get(reverse("admin:auth_group_changelist"))  # the messages shown there
    else:
        signed_in = _staff_with(django_user_model, client, *codenames)
    url = reverse("admin:index")

    drawn = signed_in.get(url)
    with mock.patch.object(admin_index_page, "DRAW", False):
        djangos = signed_in.get(url)

    assert drawn.status_code == djangos.status_code == 200
    assert VOLATILE.sub(b"", drawn.content) != VOLATILE.sub(b"", djangos.content)
    assert _normalised(drawn.content) == _normalised(djangos.content)
    if codenames is None:
        for kind in (b"addlink", b"changelink", b"deletelink"):
            assert kind in drawn.content


@pytest.mark.parametrize("site_url", ["/", None])
def test_the_user_links_without_a_password_or_a_site_link(site_url, client, django_user_model):
    """The header's links drawn in Python for someone who signs in without a password of
    ours, with and without the link to the site."""
    from digital_services.core import admin_index_page
    from tests.conftest import sign_in

    user = django_user_model.objects.create_user(
        email="sso@example.com", is_staff=True, is_superuser=True
    )
    user.set_unusable_password()
    user.save()
    signed_in = sign_in(client, user, second_factor=True)
    url = reverse("admin:index")
    with mock.patch.object(admin.site, "site_url", site_url):
        drawn = signed_in.get(url).content
        with mock.patch.object(admin_index_page, "DRAW", False):
            djangos = signed_in.get(url).content
    assert b"password_change" not in drawn
    assert (b">View site</a>" in drawn) is bool(site_url)
    assert _normalised(drawn) == _normalised(djangos)
