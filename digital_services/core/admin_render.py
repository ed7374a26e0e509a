"""The staff pages' tables of rows, filters and case fieldsets, written in Python: Django's
markup, less CPU.

A busy admin list spent two-thirds of its CPU in Django's change-list templates, most of it in
``{% result_list cl %}``: ``items_for_result`` works out, for every cell of every row, what the
column is (a field, a method, its CSS class, whether it links), reverses the row's change URL
and merges the preserved filters into it (a ``resolve()`` per row when a filter is on), then
the template loops over the cells (docs/performance.md, "Admin lists: a lighter table").

``result_list_html`` writes the same bytes as Django's ``change_list_results.html`` fed by
``result_list``: what a column is, is worked out once per page; each row's change URL is the
page's one reversed URL with the row's key put in; the header and each cell's value are still
Django's own functions (``result_headers``, ``lookup_field``, ``display_for_field``,
``display_for_value``). ``filter_html`` writes ``admin/filter.html`` for a filter's choices.

Anything these do not know goes to Django's own tag (``None`` is returned): an editable list
(``list_editable``), a popup, a ``to_field`` list, a template of the list's own
(``admin/<app>/[<model>/]change_list_results.html`` or a filter's own template).
``fieldset_html`` writes a change form's ``admin/includes/fieldset.html``: each line's fields
are made once, where the template made them twice (for the row's class and for the row), and
their values (``contents()``, ``label_tag()``, the widgets) are still Django's.
The index's app list is drawn in ``admin_app_list``.

``tests/core/test_admin_render.py`` compares every registered admin's list page and case page
byte for byte with the page Django's templates draw.
"""

from __future__ import annotations

import datetime
from urllib.parse import quote as url_quote

from django.contrib.admin.helpers import AdminField, Fieldline
from django.contrib.admin.templatetags.admin_list import (
    _coerce_field_name,
    result_headers,
)
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import (
    FieldIsAForeignKeyColumnName,
    _get_non_gfk_field,
    display_for_field,
    display_for_value,
    lookup_field,
)
from django.contrib.admin.utils import quote as admin_quote
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.core.signals import setting_changed
from django.db import models
from django.template import TemplateDoesNotExist
from django.template.loader import select_template
from django.urls import NoReverseMatch, reverse
from django.utils.encoding import iri_to_uri
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext

from digital_services.core.escaping import conditional_escape, escape

from .admin_lists import action_checkbox_html, boolean_icon
from .choices import choice_labels
from .dates import admin_date_display as _date_display
from .form_widgets import errors_ul, label_tag_html, widget_html

#: Put where a row's key goes in the page's one reversed change URL (letters only, so no
#: quoting changes it).
_KEY = "ZZrowkeyZZ"


#: Template lookups, worked out once per process (and again when a test changes the template
#: settings): the lists' and case pages' templates do not change while it runs.
_templates: dict[tuple, bool] = {}


def _forget_templates(setting, **kwargs):
    if setting in ("TEMPLATES", "INSTALLED_APPS"):
        _templates.clear()


setting_changed.connect(_forget_templates)


def _own_template(opts, name: str) -> bool:
    """Whether the list's app or model has its own ``name`` template, which Django would use,
    or the project has its own ``admin/<name>``."""
    key = ("own", opts.app_label, opts.model_name, name)
    own = _templates.get(key)
    if own is None:
        try:
            select_template(
                [
                    f"admin/{opts.app_label.lower()}/{opts.model_name}/{name}",
                    f"admin/{opts.app_label.lower()}/{name}",
                ]
            )
        except TemplateDoesNotExist:
            own = not djangos_template(f"admin/{name}")
        else:
            own = True
        _templates[key] = own
    return own


def djangos_template(name: str) -> bool:
    """Whether template ``name`` is the Django admin's own (no project or app override)."""
    key = ("django", name)
    djangos = _templates.get(key)
    if djangos is None:
        origin = select_template([name]).origin.name.replace("\\", "/")
        djangos = origin.endswith("django/contrib/admin/templates/" + name)
        _templates[key] = djangos
    return djangos


class _Column:
    """One column of the list: what Django's ``items_for_result`` works out for each cell."""

    __slots__ = ("name", "css", "link", "field", "choices", "checkbox", "kind", "source")

    def __init__(self, cl, index: int, name, link: bool):
        self.name = name
        self.css = f"field-{_coerce_field_name(name, index)}"
        self.link = link
        self.field = None
        self.choices = None
        self.kind = None  # what the name is, worked out at the first row (lookup)
        self.source = None
        # Our own checkbox (StaffAdminSite.register): its label is translated once a page.
        self.checkbox = name == "action_checkbox" and (
            getattr(cl.model_admin.action_checkbox, "__func__", cl.model_admin.action_checkbox)
            is action_checkbox_html
        )

    def lookup(self, result, model_admin):
        """``lookup_field(name, result, model_admin)``. Whether the name is a model field or an
        admin method is the same for every row, so it is worked out once a page: Django looks
        the field up again in every cell, and raises and catches ``FieldDoesNotExist`` in each
        cell of a column that is not a field. A name that is the row's own attribute or a
        path through its relations is left to Django."""
        if self.kind is None:
            name = self.name
            try:
                self.source = _get_non_gfk_field(result._meta, name)
                self.kind = "field"
            except (FieldDoesNotExist, FieldIsAForeignKeyColumnName):
                if callable(name):
                    self.kind, self.source = "callable", name
                elif hasattr(model_admin, name) and name != "__str__":
                    self.kind, self.source = "admin", getattr(model_admin, name)
                else:
                    self.kind = "row"
        if self.kind == "field":
            return self.source, None, getattr(result, self.name)
        if self.kind == "row":
            return lookup_field(self.name, result, model_admin)
        return None, self.source, self.source(result)


class _Rows:
    def __init__(self, cl):
        self.cl = cl
        self.empty = cl.model_admin.get_empty_value_display()
        self.pk_attname = cl.lookup_opts.pk.attname
        display_links = cl.list_display_links
        self.columns = []
        first = True
        for index, name in enumerate(cl.list_display):
            if display_links is None:
                link = False
            elif first and not display_links:
                link = True
            else:
                link = name in display_links
            column = _Column(cl, index, name, link)
            if link:
                first = False
            self.columns.append(column)
        self.url = self._url_pattern()
        self.checkbox_label = gettext("Select this object for an action - {}")

    def _url_pattern(self) -> str | None:
        """The change URL of a row whose key is ``_KEY``, with the preserved filters, as
        ``items_for_result`` builds it; None when the change view has no URL."""
        cl = self.cl
        try:
            url = reverse(
                f"admin:{cl.opts.app_label}_{cl.opts.model_name}_change",
                args=(_KEY,),
                current_app=cl.model_admin.admin_site.name,
            )
        except NoReverseMatch:
            return None
        return add_preserved_filters(
            {"preserved_filters": cl.preserved_filters, "opts": cl.opts}, url
        )

    def row_url(self, result) -> str:
        key = url_quote(
            str(admin_quote(getattr(result, self.pk_attname))), safe=RFC3986_SUBDELIMS + "/~:@"
        )
        return self.url.replace(_KEY, key, 1)

    def checkbox(self, result) -> str:
        return action_checkbox_html(result, self.checkbox_label)

    @staticmethod
    def _field_display(column: _Column, f, value, empty):
        """``display_for_field``, with a field's choices (their labels made text) looked up
        once a page rather than flattened and translated again for every cell."""
        if column.field is not f:
            column.field = f
            labels = choice_labels(f)
            column.choices = (
                None if labels is None else {key: str(label) for key, label in labels.items()}
            )
        if column.choices is not None:
            try:
                return column.choices.get(value, empty)
            except TypeError:
                pass
        elif (
            # display_for_field: a DateTimeField's datetime, a DateField's date
            isinstance(f, models.DateField)
            and (value.__class__ is datetime.datetime) == isinstance(f, models.DateTimeField)
            and (shown := _date_display(value)) is not None
        ):
            return shown
        elif isinstance(f, models.BooleanField):
            return boolean_icon(value)
        return display_for_field(value, f, empty, avoid_link=column.link)

    def cells(self, result):
        cl = self.cl
        first = True
        for column in self.columns:
            css = column.css
            if column.checkbox:
                yield f'<td class="action-checkbox">{self.checkbox(result)}</td>'
                continue
            nowrap = False
            empty = self.empty
            try:
                f, attr, value = column.lookup(result, cl.model_admin)
            except ObjectDoesNotExist:
                shown = empty
            else:
                empty = getattr(attr, "empty_value_display", empty)
                if isinstance(value, str) and value.strip() == "":
                    value = ""
                if f is None or f.auto_created:
                    if column.name == "action_checkbox":
                        css = "action-checkbox"
                    boolean = getattr(attr, "boolean", False)
                    if isinstance(attr, property) and hasattr(attr, "fget"):
                        boolean = getattr(attr.fget, "boolean", False)
                    shown = boolean_icon(value) if boolean else _date_display(value)
                    if shown is None:
                        shown = display_for_value(value, empty, boolean)
                    if isinstance(value, (datetime.date, datetime.time)):
                        nowrap = True
                else:
                    if isinstance(f.remote_field, models.ManyToOneRel):
                        field_val = getattr(result, f.name)
                        shown = empty if field_val is None else field_val
                    else:
                        shown = self._field_display(column, f, value, empty)
                    if isinstance(f, (models.DateField, models.TimeField, models.ForeignKey)):
                        nowrap = True
            css_attr = f' class="{css}{" nowrap" if nowrap else ""}"'
            if column.link:
                tag = "th" if first else "td"
                first = False
                if self.url is None:
                    inner = conditional_escape(shown)
                else:
                    url = escape(self.row_url(result))
                    inner = f'<a href="{url}">{conditional_escape(shown)}</a>'
                yield f"<{tag}{css_attr}>{inner}</{tag}>"
            else:
                yield f"<td{css_attr}>{conditional_escape(shown)}</td>"


_SORTED = (
    '\n       <div class="sortoptions">\n'
    '         <a class="sortremove" href="%(remove)s" title="%(remove_title)s"></a>\n'
    "         %(priority)s\n"
    '         <a href="%(toggle)s" class="toggle %(direction)s" title="%(toggle_title)s"></a>\n'
    "       </div>\n   "
)


def _header(header: dict, num_sorted: int) -> str:
    sort = "\n   "
    if header["sortable"] and header["sort_priority"] > 0:
        priority = ""
        if num_sorted > 1:
            title = gettext("Sorting priority: %(priority_number)s") % {
                "priority_number": header["sort_priority"]
            }
            priority = (
                f'<span class="sortpriority" title="{escape(title)}">'
                f"{header['sort_priority']}</span>"
            )
        sort = "\n   " + _SORTED % {
            "remove": escape(header["url_remove"]),
            "remove_title": escape(gettext("Remove from sorting")),
            "priority": priority,
            "toggle": escape(header["url_toggle"]),
            "direction": "ascending" if header["ascending"] else "descending",
            "toggle_title": escape(gettext("Toggle sorting")),
        }
    text = header["text"]
    text = conditional_escape(
        mark_safe(capfirst(text))  # noqa: S308 - it was safe before its first letter went up
        if isinstance(text, SafeData)
        else capfirst(text)
    )
    if header["sortable"]:
        text = f'<a href="{escape(header["url_primary"])}">{text}</a>'
    else:
        text = f"<span>{text}</span>"
    css = conditional_escape(header["class_attrib"])
    return (
        f'<th scope="col"{css}>{sort}\n   <div class="text">{text}</div>\n'
        '   <div class="clear"></div>\n</th>'
    )


def result_list_html(cl) -> SafeString | None:
    """What ``{% result_list cl %}`` draws, or None for a list this does not know."""
    if (
        getattr(cl, "formset", None)  # set by the change list view for an editable list
        or cl.is_popup
        or cl.to_field
        or _own_template(cl.opts, "change_list_results.html")
    ):
        return None
    if not cl.result_list:
        return mark_safe("\n\n\n")
    headers = list(result_headers(cl))
    num_sorted = sum(1 for h in headers if h["sortable"] and h["sorted"])
    rows = _Rows(cl)
    head = "".join("\n" + _header(h, num_sorted) for h in headers)
    body = "".join(f"\n\n<tr>{''.join(rows.cells(result))}</tr>\n" for result in cl.result_list)
    return mark_safe(  # noqa: S308 - every value escaped as Django's template does
        f'\n\n\n<div class="results">\n<table id="result_list">\n<thead>\n<tr>\n{head}\n</tr>\n'
        f"</thead>\n<tbody>\n{body}\n</tbody>\n</table>\n</div>\n\n"
    )


_SELECTED = ' class="selected"'


def filter_html(cl, spec) -> SafeString | None:
    """What ``{% admin_list_filter cl spec %}`` draws with Django's ``admin/filter.html``, or
    None for a filter with a template of its own."""
    if spec.template != "admin/filter.html" or not djangos_template(spec.template):
        return None
    title = gettext(" By %(filter_title)s ") % {"filter_title": conditional_escape(spec.title)}
    choices = "".join(
        f"\n    <li{_SELECTED if choice['selected'] else ''}>\n"
        f'    <a href="{escape(iri_to_uri(choice["query_string"]))}">'
        f"{conditional_escape(choice['display'])}</a></li>\n  "
        for choice in spec.choices(cl)
    )
    return mark_safe(  # noqa: S308 - every value escaped as Django's template does
        f'\n<details data-filter-title="{conditional_escape(spec.title)}" open>\n'
        f"  <summary>\n    {title}\n  </summary>\n  <ul>\n  {choices}\n  </ul>\n</details>\n"
    )


# ------------------------------------------------------------------ a case page's fieldsets

_FIELDSET_TEMPLATE = "admin/includes/fieldset.html"


def _text(value) -> str:
    """``{{ value }}`` in an autoescaping template."""
    return conditional_escape("" if value is None else value)


def _field_errors(field) -> str:
    """``AdminField.errors()``."""
    if type(field).errors is not AdminField.errors:
        return field.errors()
    return mark_safe(errors_ul(field.field.errors))  # noqa: S308 - Django's own error list


def _line_errors(line) -> str:
    """``Fieldline.errors()``."""
    if type(line).errors is not Fieldline.errors:
        return line.errors()
    errors = (
        errors_ul(line.form[name].errors)
        for name in line.fields
        if name not in line.readonly_fields
    )
    return mark_safe("\n".join(errors).strip("\n"))  # noqa: S308 - Django's own error lists


def _label_tag(field) -> str:
    """``field.label_tag()``: an editable field's through ``label_tag_html`` (Django's label
    template written in Python), a read-only one's Django's own."""
    if field.is_readonly or type(field).label_tag is not AdminField.label_tag:
        return field.label_tag()
    bound = field.field
    classes = []
    if field.is_checkbox:
        classes.append("vCheckboxLabel")
    if bound.field.required:
        classes.append("required")
    if not field.is_first:
        classes.append("inline")
    return label_tag_html(
        bound,
        contents=mark_safe(conditional_escape(bound.label)),  # noqa: S308 - escaped just now
        attrs={"class": " ".join(classes)} if classes else {},
        label_suffix="" if field.is_checkbox else None,
    )


def _field_html(field, single: bool) -> str:
    readonly = field.is_readonly
    bound = field.field
    if readonly:
        name, hidden, help_text, id_for_label = (
            bound["name"],
            bound["is_hidden"],
            bound["help_text"],
            "",
        )
    else:
        name, hidden, help_text, id_for_label = (
            bound.name,
            bound.is_hidden,
            bound.help_text,
            bound.id_for_label,
        )
    out = ["\n                <div>\n                    "]
    errors = "" if readonly else _field_errors(field)
    if not single and not readonly:
        out.append(_text(errors))
    out.append('\n                        <div class="flex-container')
    if not single:
        out.append(" fieldBox")
        if name:
            out.append(f" field-{_text(name)}")
        if not readonly and errors:
            out.append(" errors")
        if hidden:
            out.append(" hidden")
    if field.is_checkbox:
        out.append(" checkbox-row")
    out.append('">\n                            ')
    if field.is_checkbox:
        out.append(
            f"\n                                {widget_html(bound).strip()}{_text(_label_tag(field))}\n"
        )
    else:
        out.append(f"\n                                {_text(_label_tag(field))}\n")
        out.append("                                ")
        if readonly:
            out.append(
                '\n                                    <div class="readonly">'
                f"{_text(field.contents())}</div>\n                                "
            )
        else:
            out.append(
                f"\n                                    {widget_html(bound).strip()}\n                                "
            )
        out.append("\n")
    out.append("                            \n                        </div>\n                    ")
    if help_text:
        out.append(f'\n                        <div class="help{" hidden" if hidden else ""}"')
        if id_for_label:
            out.append(f' id="{_text(id_for_label)}_helptext"')
        out.append(
            f">\n                            <div>{help_text}</div>\n                        </div>\n                    "
        )
    out.append("\n                </div>\n            ")
    return "".join(out)


def fieldset_html(fieldset, index: int) -> SafeString:
    """What ``{% include "admin/includes/fieldset.html" with heading_level=2
    prefix="fieldset" id_prefix=0 id_suffix=index %}`` draws in Django's change form. Each
    line's fields are made once (the template made them twice: for the row's class and for
    the row)."""
    heading = f"fieldset-0-{index}-heading"
    out = [f'<fieldset class="module aligned {_text(fieldset.classes)}"']
    if fieldset.name:
        out.append(f' aria-labelledby="{heading}"')
    out.append(">\n    ")
    if fieldset.name:
        collapsible = fieldset.is_collapsible
        out.append("\n        ")
        if collapsible:
            out.append("<details><summary>")
        out.append(
            f'\n        <h2 id="{heading}" class="fieldset-heading">{_text(fieldset.name)}</h2>\n        '
        )
        if collapsible:
            out.append("</summary>")
        out.append("\n    ")
    out.append("\n    ")
    if fieldset.description:
        out.append(f'\n        <div class="description">{fieldset.description}</div>\n    ')
    out.append("\n    ")
    for line in fieldset:
        fields = list(line)
        single = len(line.fields) == 1
        errors = _line_errors(line) if single else ""
        out.append('\n        <div class="form-row')
        if single and errors:
            out.append(" errors")
        if not line.has_visible_field:
            out.append(" hidden")
        for field in fields:
            name = field.field["name"] if field.is_readonly else field.field.name
            if name:
                out.append(f" field-{_text(name)}")
        out.append('">\n            ')
        out.append(_text(errors) if single else '<div class="flex-container form-multiline">')
        out.append("\n            ")
        out.extend(_field_html(field, single) for field in fields)
        out.append("\n            ")
        if not single:
            out.append("</div>")
        out.append("\n        </div>\n    ")
    out.append("\n    ")
    if fieldset.name and fieldset.is_collapsible:
        out.append("</details>")
    out.append("\n</fieldset>\n")
    return mark_safe("".join(out))  # noqa: S308 - every value escaped as Django's template does
