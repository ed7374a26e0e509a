"""The permissions pickers on the staff pages (a role's permissions, a user's own
permissions), drawn in one pass.

Django's picker makes a Permission (and its content type) for each of the ~400
permissions, then renders a template per option: 50–70 ms of CPU for a role's or a user's
page (issue #13, docs/performance.md). The same options, in the same order with the same
labels ("app | model | permission") and the same selection, come here from one
``values_list`` query and are joined as HTML. The JavaScript filter (``selectfilter``) and
the form's validation (against the field's queryset) are Django's, unchanged.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.contrib.auth.models import Permission
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from digital_services.core.escaping import escape
from digital_services.core.queries import CompiledQuery

PERMISSION_FIELDS = ("permissions", "user_permissions")


def _model_label(app_label: str, model: str) -> str:
    """What ``str(ContentType)`` says: "app verbose name | model verbose name"."""
    try:
        found = apps.get_model(app_label, model)
    except LookupError:
        return f"{app_label} | {model}"
    return f"{found._meta.app_config.verbose_name} | {found._meta.verbose_name}"


#: Its SQL built once per process (the role and user pages read it on every request).
_PERMISSION_ROWS = CompiledQuery(
    lambda: Permission.objects.order_by(*Permission._meta.ordering).values_list(
        "pk", "name", "content_type__app_label", "content_type__model"
    )
)


def permission_choices() -> list[tuple[int, str]]:
    """Every permission as (pk, label), in Permission's own order, labelled as
    ``str(permission)`` is."""
    rows = _PERMISSION_ROWS.rows()
    labels: dict[tuple[str, str], str] = {}
    choices = []
    for pk, name, app_label, model in rows:
        key = (app_label, model)
        if key not in labels:
            labels[key] = _model_label(app_label, model)
        choices.append((pk, f"{labels[key]} | {name}"))
    return choices


class PermissionsSelectMultiple(FilteredSelectMultiple):
    """``FilteredSelectMultiple`` whose options are joined in one pass from
    :func:`permission_choices` instead of a template per option (the ``<select>`` is
    Django's ``select.html`` written out)."""

    def optgroups(self, name, value, attrs=None):
        return []

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = {str(v) for v in (value or [])}
        # ~400 labels are escaped on every role or user page (core.escaping: Django's
        # escape without its check of every argument for a lazy string).
        context["widget"]["options_html"] = mark_safe(  # noqa: S308 (each label is escaped)
            "".join(
                f'<option value="{pk}"{" selected" if str(pk) in chosen else ""}>'
                f"{escape(label)}</option>"
                for pk, label in permission_choices()
            )
        )
        return context

    def _render(self, template_name, context, renderer=None):
        widget = context["widget"]
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            widget["options_html"],
        )


class PermissionsPickerMixin:
    """For a ModelAdmin with a permissions many-to-many in ``filter_horizontal``: the
    one-pass picker above."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in PERMISSION_FIELDS and db_field.name in self.filter_horizontal:
            kwargs["widget"] = PermissionsSelectMultiple(db_field.verbose_name, is_stacked=False)
        return super().formfield_for_manytomany(db_field, request, **kwargs)
