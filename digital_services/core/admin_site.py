"""The staff pages' admin site: Django's, with the app list worked out only when a page shows it.

Django's ``AdminSite.each_context`` builds the whole app list (every registered model, a
permission check and two ``reverse()`` calls each) for every staff page, because the nav sidebar
might show it. The sidebar is off here (it took 300 px of a 1280 px screen from the lists and
case pages, issue #12 point 10), so only the index and app index pages show the list, and they
build their own. On every other page that was about 4 ms of CPU for nothing (issue #13, see
docs/performance.md "The staff pages' fixed cost"): ``available_apps`` is now lazy, built on
first use, so a template that reads it still gets the same list.

Each row of a change list starts with a checkbox, which Django renders through the form widget
templates: about 40% of rendering a small row. ``register`` gives every admin that keeps
Django's ``action_checkbox`` the same markup written directly (``admin_lists.action_checkbox_html``),
including the admins of other packages (groups, login attempts, email addresses, second factors).
``register`` also gives them ``admin_lists.StaffChangeList``: a filter's links, one query string
each, put together from pieces encoded once, and the page's rows read with their SQL compiled
once per shape of list (``queries.shaped_rows``), as a case page's read of its case is
(``get_object``, through ``queries.shaped_get``); and gives every admin's list page the template
object that draws it in Python while the admin keeps Django's templates (``admin_page``), and
each case page's the same (``admin_case_page``).
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.forms.models import BaseInlineFormSet
from django.utils.functional import SimpleLazyObject


class StaffAdminSite(admin.AdminSite):
    site_header = "MoJ digital services: staff"
    site_title = "MoJ digital services staff"
    index_title = "Casework"
    enable_nav_sidebar = False

    def register(self, model_or_iterable, admin_class=None, **options):
        super().register(model_or_iterable, admin_class, **options)
        from django.db.models.base import ModelBase

        from .admin_case_page import staff_form_response
        from .admin_inlines import EmptyFormOnce, inline_formsets
        from .admin_lists import action_checkbox_html
        from .admin_page import staff_list_response

        models = (
            [model_or_iterable] if isinstance(model_or_iterable, ModelBase) else model_or_iterable
        )
        for model in models:
            model_admin = self._registry.get(model)  # none for a swapped model (auth.User)
            if model_admin is None:
                continue
            if type(model_admin).action_checkbox is admin.ModelAdmin.action_checkbox:
                model_admin.action_checkbox = action_checkbox_html
            if type(model_admin).get_changelist is admin.ModelAdmin.get_changelist:
                model_admin.get_changelist = _staff_changelist
            if type(model_admin).get_object is admin.ModelAdmin.get_object:
                model_admin.get_object = _shaped_get_object(model_admin)
            if type(model_admin).get_inline_formsets is admin.ModelAdmin.get_inline_formsets:
                model_admin.get_inline_formsets = inline_formsets(model_admin.get_inline_formsets)
            for inline in model_admin.inlines:
                if getattr(inline, "formset", None) is BaseInlineFormSet:
                    inline.formset = EmptyFormOnce
            model_admin.changelist_view = _drawn(
                model_admin.changelist_view, model_admin, staff_list_response
            )
            model_admin.render_change_form = _drawn(
                model_admin.render_change_form, model_admin, staff_form_response
            )

    def index(self, request, extra_context=None):
        """Django's index, its page drawn in Python while its templates are the ones
        ``admin_index_page`` draws (the project's ``index_template`` is Django's default)."""
        from .admin_index_page import index_page

        response = super().index(request, extra_context)
        if self.index_template is None and response.template_name == "admin/index.html":
            response.template_name = index_page()
        return response

    def each_context(self, request):
        # Django 5.2's each_context, with available_apps lazy (tests/core/test_admin_site.py
        # checks the keys still match Django's).
        script_name = request.META["SCRIPT_NAME"]
        site_url = script_name if self.site_url == "/" and script_name else self.site_url
        return {
            "site_title": self.site_title,
            "site_header": self.site_header,
            "site_url": site_url,
            "has_permission": self.has_permission(request),
            "available_apps": SimpleLazyObject(lambda: self.get_app_list(request)),
            "is_popup": False,
            "is_nav_sidebar_enabled": self.enable_nav_sidebar,
            "log_entries": self.get_log_entries(request),
        }


def _staff_changelist(request, **kwargs):
    """``ModelAdmin.get_changelist`` for every admin that keeps Django's: the change list whose
    filter links are put together from pieces encoded once (``admin_lists.StaffChangeList``)."""
    from .admin_lists import StaffChangeList

    return StaffChangeList


def shaped_admin_object(model_admin, request, object_id, from_field=None):
    """``ModelAdmin.get_object`` (Django 5.2's), the case read through ``queries.shaped_get``:
    the admin's joins and columns compiled once per process, the case's id in its ``WHERE``.
    Every admin that keeps Django's ``get_object`` has this one (``register``); an admin
    with its own calls it where it would call Django's."""
    from django.core.exceptions import ValidationError

    from .queries import shaped_get

    queryset = model_admin.get_queryset(request)
    model = queryset.model
    field = model._meta.pk if from_field is None else model._meta.get_field(from_field)
    try:
        object_id = field.to_python(object_id)
        return shaped_get(queryset, **{field.name: object_id})
    except (model.DoesNotExist, ValidationError, ValueError):
        return None


def _shaped_get_object(model_admin):
    def get_object(request, object_id, from_field=None):
        return shaped_admin_object(model_admin, request, object_id, from_field)

    return get_object


def _drawn(view, model_admin, respond):
    """The admin's ``view`` (its change list view or ``render_change_form``), its response given
    to ``respond`` (``admin_page.staff_list_response``, ``admin_case_page.staff_form_response``),
    which draws the page in Python while the admin keeps Django's templates."""
    from functools import wraps

    @wraps(view)
    def drawn(*args, **kwargs):
        return respond(view(*args, **kwargs), model_admin)

    return drawn


class StaffAdminConfig(AdminConfig):
    """``django.contrib.admin`` with :class:`StaffAdminSite` as ``admin.site``."""

    default_site = "digital_services.core.admin_site.StaffAdminSite"
