"""The staff pages' rows, filters and fieldsets written in Python are Django's, byte for byte
(issue #13).

``templates/admin/change_list.html`` draws the table of rows and the filters, and
``templates/admin/change_form.html`` a case page's fieldsets, with ``core/admin_render.py``
instead of Django's ``result_list``, ``admin_list_filter`` and ``admin/includes/fieldset.html``.
Every registered admin's list page (with rows, sorted on two columns, filtered and searched) and
case page is drawn both ways (with the Python renderer told to hand over to Django's) and must
be the same bytes; the templates' blocks must be Django's but for the tags; and no admin may
quietly fall back to Django's tags (which would be correct but slow).
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

from digital_services.core import admin_app_list, admin_case_page, admin_page, admin_render
from tests.quality.queries.seed import rows_seed

pytestmark = pytest.mark.django_db

MODELS = sorted(admin.site._registry, key=lambda m: m._meta.label)
LABELS = [m._meta.label for m in MODELS]

#: What differs between two renderings of the same page whatever draws it.
VOLATILE = re.compile(rb'(name="csrfmiddlewaretoken" value="|nonce=")[^"]+"')


def djangos_tags():
    """Our templates with Django's tags and templates drawing the rows, filters, fieldsets and
    inlines."""
    stack = ExitStack()
    stack.enter_context(mock.patch.object(admin_render, "result_list_html", lambda cl: None))
    stack.enter_context(mock.patch.object(admin_render, "filter_html", lambda cl, spec: None))
    stack.enter_context(mock.patch.object(admin_render, "djangos_template", lambda name: False))
    return stack


def _block(source: str, name: str) -> str:
    return re.search(r"{% block " + name + r" %}.*?{% endblock %}", source, re.S).group(0)


DJANGOS_FIELDSET = (
    '{% include "admin/includes/fieldset.html" with heading_level=2 prefix="fieldset"'
    " id_prefix=0 id_suffix=forloop.counter0 %}"
)


@pytest.mark.parametrize(
    ("template", "ours_for_djangos", "blocks"),
    [
        (
            "change_list.html",
            {
                "{% staff_result_list cl %}": "{% result_list cl %}",
                "{% staff_list_filter cl spec %}": "{% admin_list_filter cl spec %}",
            },
            ("result_list", "filters"),
        ),
        (
            "change_form.html",
            {
                "{% staff_fieldset fieldset forloop.counter0 %}": DJANGOS_FIELDSET,
                "{% staff_inline inline_admin_formset forloop.last %}": (
                    "{% include inline_admin_formset.opts.template %}"
                ),
            },
            ("field_sets", "inline_field_sets"),
        ),
    ],
)
def test_the_templates_blocks_are_djangos_but_for_the_tags(template, ours_for_djangos, blocks):
    ours = (Path(settings.BASE_DIR) / "templates/admin" / template).read_text()
    djangos = (
        Path(django.__file__).parent / "contrib/admin/templates/admin" / template
    ).read_text()
    renamed = ours
    for tag, djangos_tag in ours_for_djangos.items():
        assert tag in ours
        renamed = renamed.replace(tag, djangos_tag)

    for name in blocks:
        assert _block(renamed, name) == _block(djangos, name)


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


def _page(client, url: str, data=None) -> bytes:
    """The page in Django's page templates: here (and in test_admin_inlines.py) the tags are
    compared, byte for byte; the pages drawn in Python are compared with these in
    test_admin_page.py and test_admin_case_page.py."""
    with (
        mock.patch.object(admin_page, "DRAW", False),
        mock.patch.object(admin_case_page, "DRAW", False),
    ):
        response = client.get(url) if data is None else client.post(url, data)
    assert response.status_code == 200, url
    return VOLATILE.sub(b"", response.content)


def both_ways(client, url: str, data=None) -> tuple[bytes, bytes]:
    """The page as we draw it and as Django's tags and templates draw it."""
    ours = _page(client, url, data)
    with djangos_tags():
        return ours, _page(client, url, data)


@pytest.mark.parametrize("model", MODELS, ids=LABELS)
def test_every_list_page_is_the_same_as_djangos(model, superuser_client):
    model_admin = admin.site._registry[model]
    rows_seed(model, 3)
    urls = _variants(model, model_admin)
    # The first link of the filter sidebar, once the page has shown it.
    filtered = re.search(rb'<li>\s*<a href="(\?[^"]+)">', _page(superuser_client, urls[0]))
    if filtered:
        urls.append(urls[0] + filtered.group(1).decode().replace("&amp;", "&"))
    ours = {url: _page(superuser_client, url) for url in urls}

    with djangos_tags():
        djangos = {url: _page(superuser_client, url) for url in urls}

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
        assert admin_render.result_list_html(changelist) is not None
    for spec in changelist.filter_specs:
        assert admin_render.filter_html(changelist, spec) is not None, spec.title


def test_a_column_is_looked_up_as_django_looks_it_up(rf, django_user_model):
    """What a column's name is (a field, an admin method, a callable, the row's own attribute
    or a path through its relations) is worked out at the first row, and every row then gets
    what Django's ``lookup_field`` gives it."""
    from django.contrib.admin.utils import lookup_field

    from prison_visits.models import Visit

    rows_seed(Visit, 3)
    model_admin = admin.site._registry[Visit]
    request = rf.get("/")
    request.user = django_user_model.objects.create_superuser(
        email="lookup-admin@example.com", password="a-long-password-1"
    )
    changelist = model_admin.get_changelist_instance(request)
    assert len(changelist.result_list) == 3

    def callable_column(visit):
        return f"#{visit.pk}"

    names = [
        "status",  # a field with choices
        "prison",  # a foreign key
        "prison_id",  # a foreign key's column
        "days_waiting",  # an admin method
        callable_column,
        "__str__",  # the row's own method, though the admin has one of that name too
        "prison__name",  # a path through a relation
    ]
    kinds = []
    for index, name in enumerate(names):
        column = admin_render._Column(changelist, index, name, link=False)
        for visit in changelist.result_list:
            assert column.lookup(visit, model_admin) == lookup_field(name, visit, model_admin)
        kinds.append(column.kind)

    assert kinds == ["field", "field", "row", "admin", "callable", "row", "row"]


def test_a_row_links_to_its_case_with_the_lists_filters_kept(superuser_client):
    """The one reversed URL a page keeps is given each row's own key and the filters."""
    from digital_services.audit.models import AuditEvent

    rows = rows_seed(AuditEvent, 2)
    url = reverse("admin:audit_auditevent_changelist") + "?o=-1"
    page = superuser_client.get(url).content.decode()

    for row in rows:
        change = reverse("admin:audit_auditevent_change", args=[row.pk])
        assert f'href="{change}?_changelist_filters=o%3D-1"' in page


@pytest.mark.parametrize("model", MODELS, ids=LABELS)
def test_every_case_page_is_the_same_as_djangos(model, superuser_client):
    rows = rows_seed(model, 1) or list(model._default_manager.order_by("pk")[:1])
    if not rows:
        pytest.skip(f"no row of {model._meta.label} to open (no seeder)")
    url = reverse(
        f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[rows[0].pk]
    )
    ours, djangos = both_ways(superuser_client, url)

    assert b'class="module aligned' in ours
    assert ours == djangos


def test_a_fieldset_with_an_error_is_the_same_as_djangos(superuser_client):
    """A change form posted with a mistake: the error rows and the kept values."""
    from django.contrib.auth.models import Group

    group = Group.objects.create(name="Caseworkers")
    url = reverse("admin:auth_group_change", args=[group.pk])
    ours = VOLATILE.sub(b"", superuser_client.post(url, {"name": ""}).content)

    with djangos_tags():
        djangos = VOLATILE.sub(b"", superuser_client.post(url, {"name": ""}).content)

    assert b"errorlist" in ours
    assert ours == djangos


def test_a_template_of_the_projects_own_is_seen_when_the_settings_change(tmp_path, settings):
    """Which admin templates are Django's is worked out once per process, and again when a
    test changes the template settings: an ``admin/filter.html`` or
    ``admin/change_list_results.html`` of the project's own is then Django's tags' to draw."""
    from django.contrib.auth.models import Group

    assert admin_render.djangos_template("admin/filter.html")
    own = tmp_path / "admin"
    own.mkdir()
    (own / "filter.html").write_text("own filter")
    (own / "change_list_results.html").write_text("own results")
    templates = [dict(settings.TEMPLATES[0])]
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates

    assert not admin_render.djangos_template("admin/filter.html")
    assert admin_render._own_template(Group._meta, "change_list_results.html")


def test_a_related_objects_select_is_drawn_without_djangos_widget_templates(superuser_client):
    """The prisoner register entry's prison (a select of every prison, with the admin's add and
    change links around it) is drawn in Python; only the links are Django's template. Drawing
    each option with Django's template made that case page twice as slow."""
    from django.forms.renderers import DjangoTemplates

    from prison_visits.models import PrisonerRegisterEntry

    entry = rows_seed(PrisonerRegisterEntry, 1)[0]
    url = reverse("admin:prison_visits_prisonerregisterentry_change", args=[entry.pk])
    drawn = []
    render = DjangoTemplates.render

    def spy(self, template_name, context, request=None):
        drawn.append(template_name)
        return render(self, template_name, context, request)

    with mock.patch.object(DjangoTemplates, "render", spy):
        page = _page(superuser_client, url)

    assert b'<div class="related-widget-wrapper"' in page
    assert f'<option value="{entry.prison_id}" selected>'.encode() in page
    assert "admin/widgets/related_widget_wrapper.html" in drawn
    assert "django/forms/widgets/select.html" not in drawn
    assert "django/forms/widgets/select_option.html" not in drawn


def _staff_with(django_user_model, client, *codenames):
    from django.contrib.auth.models import Permission

    from tests.conftest import sign_in

    user = django_user_model.objects.create_user(
        email="limited-staff@example.com", password="a-long-password-1", is_staff=True
    )
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return sign_in(client, user, second_factor=True)


@pytest.mark.parametrize(
    "codenames",
    [
        None,  # a superuser: every app, add and change links
        ("view_auditevent", "view_refund", "add_refund", "change_refund"),  # view-only and not
        ("view_kpis",),  # no model at all, the KPIs link only
        (),  # nothing: "You don't have permission"
    ],
    ids=["superuser", "some-models", "kpis-only", "nothing"],
)
def test_the_index_is_the_same_as_djangos(codenames, client, django_user_model):
    """The index's list of apps and models (``{% staff_app_list %}``) is Django's
    ``admin/app_list.html``, byte for byte, whatever the member of staff may see."""
    if codenames is None:
        user = django_user_model.objects.create_superuser(
            email="index-admin@example.com", password="a-long-password-1"
        )
        from tests.conftest import sign_in

        signed_in = sign_in(client, user, second_factor=True)
    else:
        signed_in = _staff_with(django_user_model, client, *codenames)

    ours, djangos = both_ways(signed_in, reverse("admin:index"))

    assert ours == djangos
    if codenames:
        assert b"Audit events" in ours or b"KPIs" in ours


@pytest.mark.parametrize("path", ["/admin/", "/admin/audit/", "/admin/audit/auditevent/"])
@pytest.mark.parametrize("show_changelinks", [True, False])
def test_the_app_list_marks_the_current_app_and_model_as_django_does(
    path, show_changelinks, rf, django_user_model
):
    """The current app's and model's marks, and the list without its change links (the
    template's other uses), drawn as Django's template draws them."""
    from django.template.loader import get_template

    request = rf.get(path)
    request.user = django_user_model(email="x@example.com", is_staff=True, is_superuser=True)
    app_list = admin.site.get_app_list(request)
    djangos = get_template("admin/app_list.html").render(
        {"app_list": app_list, "show_changelinks": show_changelinks, "request": request}
    )

    ours = admin_app_list.app_list_html(app_list, path, show_changelinks=show_changelinks)

    assert ours == djangos
    if path != "/admin/":
        assert "current-app" in ours
    if path.endswith("auditevent/"):
        assert 'class="model-auditevent current-model"' in ours
        assert 'aria-current="page"' in ours
