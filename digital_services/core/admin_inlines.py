"""A case page's tabular inlines written in Python: Django's ``admin/edit_inline/tabular.html``,
less CPU.

The prison case page draws three tables of slots and dates, and the template works out every
cell through the template engine (``{% for fieldset %}{% for line %}{% for field %}``, a
``cell_count`` per row with errors, the header's labels and help texts). ``tabular_html``
writes the same bytes; the values in it are still Django's (the error lists, ``contents()`` of
a read-only field, the widgets, which core's ``widget_html`` writes as Django's templates do,
as it does the management form's four hidden inputs when the form has no errors).

``InlineMedia`` gives an inline's formset the media Django's ``InlineAdminFormSet.media`` gives,
from one of its forms rather than from every row and a new empty form each (a sixth of the
prison case page's time): a formset's forms are of one class and share the inline's fieldsets,
and Django's own ``BaseFormSet.media`` reads the first form's media only. ``EmptyFormOnce`` makes
an inline's empty form once a page: Django's ``empty_form`` makes a new one each time it is
read, and the admin read it five times an inline (its rows, its headers, its media, whether it
is multipart).

It draws only an inline whose template is Django's own ``tabular.html`` (no project override);
for anything else ``templates/admin/change_form.html`` includes the inline's template as Django
does. ``tests/core/test_admin_inlines.py`` compares every case page with inlines, byte for
byte, with the page Django's templates draw, including one posted with errors.
"""

from __future__ import annotations

from django.contrib.admin import helpers
from django.contrib.admin.templatetags.admin_modify import cell_count
from django.contrib.admin.utils import quote as admin_quote
from django.forms.models import BaseInlineFormSet
from django.template.defaultfilters import capfirst, striptags
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import gettext

from digital_services.core.escaping import conditional_escape

from .admin_render import _text
from .form_widgets import errors_ul, widget_html
from .queries import read_shaped

TABULAR = "admin/edit_inline/tabular.html"


def _filtered(func, value) -> str:
    """``{{ value|func }}`` for one of Django's safe string filters (capfirst, striptags)."""
    out = func(value)
    return out if isinstance(value, SafeData) else conditional_escape(out)


def _widget(bound) -> str:
    """``{{ bound_field }}``."""
    return widget_html(bound).strip()


def _header(inline_admin_formset) -> str:
    help_icon = None
    out = []
    for field in inline_admin_formset.fields():
        widget = field["widget"]
        hidden = widget["is_hidden"] if isinstance(widget, dict) else widget.is_hidden
        out.append(
            f'\n       <th class="column-{_text(field["name"])}'
            f"{' required' if field['required'] else ''}{' hidden' if hidden else ''}"
            f'">{_filtered(capfirst, field["label"])}\n       '
        )
        help_text = field["help_text"]
        if help_text:
            if help_icon is None:
                help_icon = conditional_escape(static("admin/img/icon-unknown.svg"))
            stripped = _filtered(striptags, help_text)
            out.append(
                f'<img src="{help_icon}" class="help help-tooltip" width="10" height="10"'
                f' alt="({stripped})" title="{stripped}">'
            )
        out.append("\n       </th>\n     ")
    return "".join(out)


def _original_cell(inline_admin_formset, inline_admin_form) -> str:
    original = inline_admin_form.original
    show_url = inline_admin_form.show_url
    out = ['\n        <td class="original">\n          ']
    if original or show_url:
        out.append("<p>\n          ")
        if original:
            out.append(f"\n          {_text(original)}\n          ")
            model_admin = inline_admin_form.model_admin
            if model_admin.show_change_link and model_admin.has_registered_model:
                opts = model_admin.opts
                url = reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_change",
                    args=[admin_quote(original.pk)],
                    current_app=model_admin.admin_site.name,
                )
                can_change = inline_admin_formset.has_change_permission
                out.append(
                    f'<a href="{_text(url)}" class="'
                    f'{"inlinechangelink" if can_change else "inlineviewlink"}">'
                    f"{_text(gettext('Change') if can_change else gettext('View'))}</a>"
                )
            out.append("\n          ")
        out.append("\n          ")
        if show_url:
            out.append(
                f'<a href="{_text(inline_admin_form.absolute_url)}">'
                f"{_text(gettext('View on site'))}</a>"
            )
        out.append("\n            </p>")
    out.append("\n          ")
    if inline_admin_form.needs_explicit_pk_field():
        out.append(_widget(inline_admin_form.pk_field().field))
    out.append("\n          ")
    fk_field = inline_admin_form.fk_field()
    if fk_field:
        out.append(_widget(fk_field.field))
    out.append("\n        </td>\n        ")
    return "".join(out)


def _cells(inline_admin_form) -> str:
    out = []
    for fieldset in inline_admin_form:
        out.append("\n          ")
        for line in fieldset:
            out.append("\n            ")
            for field in line:
                bound = field.field
                if field.is_readonly:
                    name, hidden = bound["name"], bound["is_hidden"]
                else:
                    name, hidden = bound.name, bound.is_hidden
                out.append('\n              <td class="')
                if name:
                    out.append(f"field-{_text(name)}")
                if hidden:
                    out.append(" hidden")
                out.append('">\n              ')
                if field.is_readonly:
                    out.append(
                        f"\n                  <p>{_text(field.contents())}</p>\n              "
                    )
                else:
                    out.append(
                        f"\n                  {_text(errors_ul(bound.errors))}\n"
                        f"                  {_widget(bound)}\n              "
                    )
                out.append("\n              </td>\n            ")
            out.append("\n          ")
        out.append("\n        ")
    return "".join(out)


def _rows(inline_admin_formset) -> str:
    formset = inline_admin_formset.formset
    prefix = _text(formset.prefix)
    forms = list(inline_admin_formset)
    can_add = inline_admin_formset.has_add_permission
    may_delete = formset.can_delete and inline_admin_formset.has_delete_permission
    out = []
    for index, inline_admin_form in enumerate(forms):
        last = index == len(forms) - 1
        original = inline_admin_form.original
        out.append("\n        ")
        non_field_errors = inline_admin_form.form.non_field_errors()
        if non_field_errors:
            out.append(
                f'\n        <tr class="row-form-errors"><td colspan="'
                f'{cell_count(inline_admin_form)}">{_text(non_field_errors)}</td></tr>\n        '
            )
        row_id = "empty" if last and can_add else str(index)
        out.append(
            f'\n        <tr class="form-row '
            f"{'has_original' if original or inline_admin_form.show_url else ''}"
            f'{" empty-form" if last and can_add else ""}"\n'
            f'             id="{prefix}-{row_id}">'
        )
        out.append(_original_cell(inline_admin_formset, inline_admin_form))
        out.append(_cells(inline_admin_form))
        out.append('\n        <td class="delete">')
        if may_delete and original:
            out.append(_widget(inline_admin_form.deletion_field().field))
        out.append("</td>\n        </tr>\n     ")
    return "".join(out)


def tabular_html(inline_admin_formset, last_related: bool) -> SafeString:
    """What ``{% include "admin/edit_inline/tabular.html" %}`` draws for one inline of a change
    form; ``last_related`` is whether it is the form's last inline (``forloop.last``)."""
    formset = inline_admin_formset.formset
    opts = inline_admin_formset.opts
    prefix = _text(formset.prefix)
    collapsible = inline_admin_formset.is_collapsible
    heading = _filtered(
        capfirst, opts.verbose_name if formset.max_num == 1 else opts.verbose_name_plural
    )
    delete_header = (
        _text(gettext("Delete?"))
        if formset.can_delete and inline_admin_formset.has_delete_permission
        else ""
    )
    html = (
        f'\n<div class="js-inline-admin-formset inline-group" id="{prefix}-group"\n'
        '     data-inline-type="tabular"\n'
        f'     data-inline-formset="{_text(inline_admin_formset.inline_formset_data())}">\n'
        f'  <div class="tabular inline-related {"last-related" if last_related else ""}">\n'
        f"{_management_form(formset)}\n"
        f'<fieldset class="module {_text(inline_admin_formset.classes)}"'
        f' aria-labelledby="{prefix}-heading">\n'
        f"  {'<details><summary>' if collapsible else ''}\n"
        f'  <h2 id="{prefix}-heading" class="inline-heading">\n'
        f"  \n    {heading}\n  \n"
        "  </h2>\n"
        f"  {'</summary>' if collapsible else ''}\n"
        f"   {_non_form_errors(formset)}\n"
        "   <table>\n"
        '     <thead><tr>\n       <th class="original"></th>\n     '
        f"{_header(inline_admin_formset)}\n"
        f"     <th>{delete_header}</th>\n"
        "     </tr></thead>\n\n     <tbody>\n     "
        f"{_rows(inline_admin_formset)}\n"
        "     </tbody>\n   </table>\n"
        f"  {'</details>' if collapsible else ''}\n"
        "</fieldset>\n  </div>\n</div>\n"
    )
    return mark_safe(html)  # noqa: S308 - every value escaped as Django's template does


_FORM_DIV = "django/forms/div.html"
_ERRORS_DEFAULT = "django/forms/errors/list/default.html"


def _management_form(formset) -> str:
    """``{{ formset.management_form }}``: Django's form template draws a form of hidden fields
    with no errors as its hidden inputs one after the other (a form with errors, or with a
    template of its own, is Django's)."""
    form = formset.management_form
    fields = [form[name] for name in form.fields]
    if (
        form.template_name != _FORM_DIV
        or (form.is_bound and form.errors)
        or not all(bound.is_hidden for bound in fields)
    ):
        return _text(form)
    return "".join(widget_html(bound).strip() for bound in fields)


def _non_form_errors(formset) -> str:
    errors = formset.non_form_errors()
    return "" if not errors and errors.template_name == _ERRORS_DEFAULT else _text(errors)


class InlineMedia(helpers.InlineAdminFormSet):
    """Django's ``InlineAdminFormSet`` whose ``media`` is worked out from one of its forms (the
    first, or the empty form when it has none), not from every one (see the module)."""

    @property
    def media(self):
        media = self.opts.media + self.formset.media
        first = next(iter(self), None)
        return media if first is None else media + first.media


class EmptyFormOnce(BaseInlineFormSet):
    """Django's inline formset, its empty form (the row the "Add another" script copies, and
    what the admin reads the fields' labels from) made once rather than at every read. The
    empty form is made from nothing that changes while the formset lives: its prefix, form
    kwargs and renderer. Its rows are read with their SQL compiled once per shape
    (``get_queryset``). ``StaffAdminSite.register`` gives it to every inline that uses
    Django's own formset."""

    @cached_property
    def empty_form(self):
        return super().empty_form

    def get_queryset(self):
        # Django's, its rows read with their SQL compiled once per shape (the parent's id
        # is the value in its WHERE: ``queries.shaped_rows``).
        return read_shaped(super().get_queryset())

    def _construct_form(self, i, **kwargs):
        # Each row's foreign key holds the formset's instance's key (Django sets that): point
        # it at the instance, as the related manager does, so that a read-only column reading
        # the parent (a visitor's age on the visit's date) asks no query for each row.
        form = super()._construct_form(i, **kwargs)
        parent_key = getattr(self.instance, self.fk.target_field.attname, None)
        if parent_key is not None and getattr(form.instance, self.fk.attname) == parent_key:
            self.fk.set_cached_value(form.instance, self.instance)
        return form


def inline_formsets(get_inline_formsets):
    """``ModelAdmin.get_inline_formsets``, its Django formsets made :class:`InlineMedia`."""

    def wrapper(*args, **kwargs):
        formsets = get_inline_formsets(*args, **kwargs)
        for formset in formsets:
            if type(formset) is helpers.InlineAdminFormSet:
                formset.__class__ = InlineMedia
        return formsets

    return wrapper
