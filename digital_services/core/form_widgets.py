"""The widget part of the lighter form renderer (digital_services/core/form_render.py).

``widget_gds(bound_field)`` is crispy-forms-gds's ``{% crispy_gds_field field %}``: the same
changes to the widgets' attributes, in the same order (crispy keeps them on the widget, so
the order of the HTML attributes depends on it), then the widget's HTML. ``widget_html``
writes Django's own widget templates for text, email, number, file, hidden, checkbox,
textarea and select (with its option groups) in Python, and lets Django render any other
widget.
"""

from __future__ import annotations

import copy

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.forms.boundfield import BoundField
from django.utils.html import format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext

from digital_services.core.escaping import conditional_escape, escape

_INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in (
        "text",
        "email",
        "number",
        "checkbox",
        "hidden",
        "file",
        "date",
        "time",
        "datetime",
    )
)
#: The admin's date and time widgets: Django's input in a paragraph of that class.
_ADMIN_WRAPPED = {"admin/widgets/date.html": "date", "admin/widgets/time.html": "time"}
_LABEL = "django/forms/label.html"
_ERRORS_UL = "django/forms/errors/list/ul.html"
_TEXTAREA = "django/forms/widgets/textarea.html"
_SELECT = "django/forms/widgets/select.html"
_OPTION = "django/forms/widgets/select_option.html"
_RELATED = "admin/widgets/related_widget_wrapper.html"
#: Radios and checkboxes (each template includes multiple_input.html): their options' template.
_MULTIPLE = {
    "django/forms/widgets/radio.html": "django/forms/widgets/radio_option.html",
    "django/forms/widgets/checkbox_select.html": "django/forms/widgets/checkbox_option.html",
}
_CONVERTERS = {
    "checkboxinput": "govuk-checkboxes__input",
    "select": "govuk-select",
    "textinput": "govuk-input",
    "emailinput": "govuk-input",
    "passwordinput": "govuk-input",
    "textarea": "govuk-textarea",
    "clearablefileinput": "govuk-file-upload",
    **getattr(settings, "CRISPY_CLASS_CONVERTERS", {}),
}


def stringformat(value) -> str:
    """``{{ value|stringformat:"s" }}`` before escaping (the filter gives "" on an error)."""
    if isinstance(value, tuple):
        value = str(value)
    try:
        return "%s" % (value,)  # noqa: UP031 - the filter's own formatting
    except Exception:  # noqa: BLE001
        return ""


def _sfmt(value) -> str:
    """``{{ value|stringformat:"s" }}`` as a template prints it: a safe filter."""
    text = stringformat(value)
    return text if isinstance(value, SafeData) else escape(text)


def widget_gds(bf) -> str:
    """crispy_gds_field: the widgets' classes and aria-describedby, then the widget."""
    field = bf.field
    multi = isinstance(field.widget, forms.MultiWidget)
    widgets = getattr(field.widget, "widgets", [getattr(field.widget, "widget", field.widget)])
    error_widgets = [sub.widget for sub in field.fields] if multi else None
    error_count = sum(len(getattr(w, "errors", [])) for w in error_widgets) if multi else 0
    help_text, errors, auto_id = bf.help_text, bf.errors, bf.auto_id
    for index, widget in enumerate(widgets):
        class_name = widget.__class__.__name__.lower()
        class_name = _CONVERTERS.get(class_name, class_name)
        css_class = class_name.split() if class_name else []
        for extra in widget.attrs.get("class", "").split():
            if extra not in css_class:
                css_class.append(extra)
        css_class = " ".join(css_class)
        attrs = widget.attrs
        if hasattr(widget, "input_type") and "input_type" in attrs:
            widget.input_type = attrs.pop("input_type")
        if help_text and not multi:
            attrs["aria-describedby"] = f"{auto_id}_hint"
        if "class" in attrs and "govuk-js-character-count" in attrs["class"]:
            if attrs["aria-describedby"]:
                attrs["aria-describedby"] += f" {auto_id}-info"
            else:
                attrs["aria-describedby"] = f"{auto_id}-info"
        if errors:
            own = getattr(error_widgets[index], "errors", None) if multi else None
            kind = widget.__class__.__name__
            if kind in ("Select", "TextInput", "Textarea"):
                if not multi or error_count == 0 or own:
                    css_class += " govuk-input--error"
            elif kind in ("FileInput", "ClearableFileInput"):
                css_class += " govuk-file-upload--error"
            if not help_text:
                attrs["aria-describedby"] = ""
            for number, error in enumerate(errors, start=1):
                if not multi or (own and error in own):
                    if "aria-describedby" not in attrs:
                        attrs["aria-describedby"] = ""
                    if attrs["aria-describedby"]:
                        attrs["aria-describedby"] += " "
                    attrs["aria-describedby"] += f"{auto_id}_{number}_error"
        attrs["class"] = css_class
    return widget_html(bf)


def widget_html(bf) -> str:
    """``str(bound_field)`` before Django's renderer strips it: BoundField.as_widget, then the
    widget's template. A field that also shows its initial value (a model field with a
    callable default) is Django's. The admin's related-object wrapper (the select and its
    add and change links) draws its select here and its links with Django's template (that
    one comes stripped already, as ``str(bound_field)`` does)."""
    widget = bf.field.widget
    if bf.field.show_hidden_initial:
        return str(bf)
    attrs = bf.build_widget_attrs({}, widget)
    if bf.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", bf.auto_id)
    value = bf.value()
    if type(widget) is RelatedFieldWidgetWrapper and widget.template_name == _RELATED:
        inner = _drawn(widget.widget, bf.html_name, value, attrs)
        if inner is None:
            return str(bf)
        wrapper = copy.copy(widget)
        wrapper.widget = _Drawn(widget.widget, mark_safe(inner.strip()))  # noqa: S308 - escaped
        context = wrapper.get_context(bf.html_name, value, attrs)
        return widget._render(widget.template_name, context, bf.form.renderer)
    html = _drawn(widget, bf.html_name, value, attrs)
    return str(bf) if html is None else html


class _Drawn:
    """An inner widget already drawn, for RelatedFieldWidgetWrapper.get_context."""

    def __init__(self, widget, html: str):
        self.is_hidden = widget.is_hidden
        self.html = html

    def render(self, name, value, attrs=None, renderer=None) -> str:
        return self.html


def _drawn(widget, name: str, value, attrs: dict) -> str | None:
    """``widget.render(name, value, attrs)`` for Django's own templates (unstripped), or None
    for a widget drawn by Django."""
    template = widget.template_name
    kind = type(widget)
    if kind.render is not forms.Widget.render or kind._render is not forms.Widget._render:
        return None  # a widget that draws itself its own way
    if template in _MULTIPLE:
        if widget.option_template_name != _MULTIPLE[template]:
            return None
        return _multiple_input(
            widget.get_context(name, value, attrs)["widget"], _MULTIPLE[template]
        )
    if (
        template not in _INPUT_TEMPLATES
        and template not in (_TEXTAREA, _SELECT)
        and template not in _ADMIN_WRAPPED
    ):
        return None
    if template == _SELECT and widget.option_template_name != _OPTION:
        return None
    data = widget.get_context(name, value, attrs)["widget"]
    name = conditional_escape(data["name"])
    value = data["value"]
    if template == _TEXTAREA:
        text = conditional_escape(value) if value else ""
        return f'<textarea name="{name}"{_attrs(data["attrs"])}>\n{text}</textarea>\n'
    if template == _SELECT:
        return _select(data, name)
    html = _input(data) + "\n"
    if template in _ADMIN_WRAPPED:
        return f'<p class="{_ADMIN_WRAPPED[template]}">\n  {html}\n</p>\n'
    return html


def errors_ul(errors) -> str:
    """``error_list.as_ul()``: Django's template draws nothing for no errors."""
    if not errors and errors.template_name_ul == _ERRORS_UL:
        return ""
    return errors.as_ul()


def label_tag_html(bf, contents=None, attrs=None, label_suffix=None) -> str:
    """``bound_field.label_tag(contents, attrs, label_suffix)`` with Django's label template
    written here (a field or form with its own label template is Django's)."""
    form = bf.form
    if form.template_name_label != _LABEL or type(bf).label_tag is not BoundField.label_tag:
        return bf.label_tag(contents, attrs, label_suffix)
    # BoundField.label_tag, line for line, then django/forms/label.html.
    contents = contents or bf.label
    if label_suffix is None:
        field_suffix = bf.field.label_suffix
        label_suffix = field_suffix if field_suffix is not None else form.label_suffix
    if label_suffix and contents and contents[-1] not in gettext(":?.!"):
        contents = format_html("{}{}", contents, label_suffix)
    widget = bf.field.widget
    id_ = widget.attrs.get("id") or bf.auto_id
    if id_:
        id_for_label = widget.id_for_label(id_)
        if id_for_label:
            attrs = {**(attrs or {}), "for": id_for_label}
        if bf.field.required and hasattr(form, "required_css_class"):
            attrs = attrs or {}
            if "class" in attrs:
                attrs["class"] += " " + form.required_css_class
            else:
                attrs["class"] = form.required_css_class
        label = f"<label{_attrs(attrs or {})}>{conditional_escape(contents)}</label>"
        return mark_safe(label)  # noqa: S308 - the attributes and label escaped
    return conditional_escape(contents)


def _multiple_input(data: dict, option_template: str) -> str | None:
    """django/forms/widgets/multiple_input.html (radio.html and checkbox_select.html include
    it), each option through input_option.html; None for grouped choices (Django's)."""
    id_, css = data["attrs"].get("id"), data["attrs"].get("class")
    out = [
        "<div",
        f' id="{conditional_escape(id_)}"' if id_ else "",
        f' class="{conditional_escape(css)}"' if css else "",
        ">",
    ]
    options = _ungrouped_options(data, option_template)
    if options is None:
        return None
    for option in options:
        drawn = _input(option)
        if option["wrap_label"]:
            option_id = option["attrs"].get("id")
            label_for = f' for="{conditional_escape(option_id)}"' if option_id else ""
            drawn = f"<label{label_for}>{drawn} {conditional_escape(option['label'])}</label>"
        out.append(f"<div>\n    {drawn}\n\n</div>")
    out.append("\n</div>\n\n")
    return "".join(out)


def _select(data: dict, name: str) -> str | None:
    """django/forms/widgets/select.html, its option groups too (the booking's list of times
    without JavaScript has a group a day); None for an option of another template or a group
    named by anything but text (Django draws those)."""
    groups = data["optgroups"]
    if any(group and not isinstance(group, str) for group, _options, _index in groups):
        return None
    if any(option["template_name"] != _OPTION for _g, options, _i in groups for option in options):
        return None
    out = [f'<select name="{name}"{_attrs(data["attrs"])}>']
    for group, options, _index in groups:
        if group:
            out.append(f'\n  <optgroup label="{conditional_escape(group)}">')
        for option in options:
            label = conditional_escape(option["label"])
            out.append(
                f'\n  <option value="{_sfmt(option["value"])}"{_attrs(option["attrs"])}>'
                f"{label}</option>\n"
            )
        if group:
            out.append("\n  </optgroup>")
    out.append("\n</select>\n")
    return "".join(out)


def _ungrouped_options(data: dict, option_template: str) -> list[dict] | None:
    """A choice widget's options, or None when they are grouped or one has another template
    (Django draws those)."""
    options = []
    for group, group_options, _index in data["optgroups"]:
        if group:
            return None
        options.extend(group_options)
    if any(option["template_name"] != option_template for option in options):
        return None
    return options


def _input(data: dict) -> str:
    """django/forms/widgets/input.html for a widget's or an option's context."""
    value = data["value"]
    shown = f' value="{_sfmt(value)}"' if value is not None else ""
    return (
        f'<input type="{conditional_escape(data["type"])}" '
        f'name="{conditional_escape(data["name"])}"{shown}{_attrs(data["attrs"])}>\n'
    )


def _attrs(attrs) -> str:
    """django/forms/widgets/attrs.html."""
    out = []
    for name, value in attrs.items():
        if value is True:
            out.append(f" {conditional_escape(name)}")
        elif value is not False:
            out.append(f' {conditional_escape(name)}="{_sfmt(value)}"')
    return "".join(out)
