"""A lighter ``{% crispy form %}`` for the layouts our citizen forms use: the same HTML, in Python.

crispy-forms-gds renders each field through five to eight Django templates (field.html,
help_text_and_errors.html, radios.html, one radio_item.html per choice, ...). On a journey
page that was 2-7 ms of CPU for the larger forms (issue #13). ``form_html`` writes the same
markup with string joins, for what it knows exactly:

- a gds ``FormHelper`` with a ``Layout`` of field names, ``Field`` and ``Fieldset`` (the
  helper's defaults, no form tag, no CSRF input, no buttons, no media);
- fields shown as text, email, number, file, hidden, textarea (with a character count),
  select, one checkbox, checkboxes, radios (with crispy-forms-gds ``Choice`` hints and dividers), and
  multi-value fields such as the date input (the widget itself is left to Django);
- the helper's and each ``Field``'s label, legend, size, small and inline settings.

Anything else (another layout object or template, radios in groups, a page
context that sets one of the templates' variables) returns ``None`` before anything is
changed, and ``form_html`` renders it with crispy-forms-gds itself. The output is
byte-for-byte crispy's, including its whitespace rules (``remove_spaces``) and the changes
crispy makes to the widgets' attributes (form_widgets.py); tests/core/test_form_render.py renders every step
form of every journey both ways and compares them.
"""

from __future__ import annotations

from crispy_forms.templatetags.crispy_forms_utils import remove_spaces
from crispy_forms_gds.choices import Choice
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Layout, Size
from django import forms
from django.template import engines
from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from digital_services.core.escaping import conditional_escape
from digital_services.core.form_helpers import helper_of
from digital_services.core.form_widgets import stringformat, widget_gds, widget_html

__all__ = ["form_html", "form_html_fast"]

#: Template variables that change crispy's markup: a page context that sets one falls back.
_LEAKY = (
    "tag",
    "wrapper_class",
    "label_tag",
    "label_size",
    "legend_size",
    "legend_tag",
    "checkboxes_small",
    "radios_small",
    "radios_inline",
    "inline",
    "max_characters",
    "max_words",
    "threshold",
    "html5_required",
)
_FIELD_CONTEXT = frozenset(
    {
        "label_size",
        "label_tag",
        "legend_size",
        "legend_tag",
        "checkboxes_small",
        "radios_small",
        "radios_inline",
        "max_characters",
        "max_words",
        "threshold",
    }
)
_HELPER_KEYS = frozenset(
    {"form", "layout", "form_tag", "disable_csrf", "label_size", "legend_size", "attrs", "inputs"}
)
_CHARACTERS = "\n              You can enter up to %(max_characters)s characters\n              "
_WORDS = "\n              You can enter up to %(max_words)s words\n              "
_SEP = "\n    "  # crispy's whitespace between two tags: remove_spaces makes it one space

_crispy_template = None


class _Fallback(Exception):
    """Something the fast path does not render exactly: crispy-forms-gds renders the form."""


def form_html(form, context) -> SafeString:
    """The form as ``{% crispy form %}`` renders it in ``context`` (a template Context)."""
    html = form_html_fast(form, context)
    if html is not None:
        return html
    return form_html_crispy(form, context)


def form_html_crispy(form, context) -> SafeString:
    global _crispy_template
    if _crispy_template is None:
        _crispy_template = engines["django"].from_string(
            "{% load crispy_forms_tags %}{% crispy form %}"
        )
    values = context.flatten() if hasattr(context, "flatten") else dict(context or {})
    values["form"] = form
    return mark_safe(_crispy_template.render(values))  # noqa: S308 - crispy's own output


def form_html_fast(form, context=None) -> SafeString | None:
    """The form's HTML, or None (with nothing changed) when crispy must render it."""
    helper = helper_of(form)
    try:
        base = _helper_context(form, helper, context)
        layout = helper.layout
        if layout is None:  # crispy's uni_form.html: every field, in the form's order
            if form.non_field_errors():
                raise _Fallback
            plan = _plan(form, form.fields)
        else:
            plan = _plan(form, layout.fields)
    except _Fallback:
        return None
    if layout is not None:  # what crispy's FormHelper.render_layout does
        form.use_required_attribute = False
        form.rendered_fields = set()
        form.crispy_field_template = None
    inner = "".join(_render(form, item, base) for item in plan)
    if layout is not None:
        form.form_html = mark_safe(inner)  # noqa: S308 - every value escaped as crispy does
    return mark_safe("\n\n" + remove_spaces(inner.strip()) + "\n")  # noqa: S308 - as above


def _helper_context(form, helper, context) -> dict:
    if type(helper) is not FormHelper:
        raise _Fallback
    if helper.layout is not None and type(helper.layout) is not Layout:
        raise _Fallback
    if not set(vars(helper)) <= _HELPER_KEYS:
        raise _Fallback
    if (
        helper.form_tag
        or not helper.disable_csrf
        or helper.inputs
        or helper.template
        or helper.field_template
        or not helper.form_show_errors
        or not helper.form_show_labels
        or helper.help_text_inline
        or not helper.error_text_inline
        or helper.show_non_field_errors
        or helper.render_unmentioned_fields
        or helper.render_hidden_fields
        or helper.render_required_fields
    ):
        raise _Fallback
    if helper.include_media and str(form.media):
        raise _Fallback
    if context is not None and any(name in context for name in _LEAKY):
        raise _Fallback
    if helper.layout is None:
        # crispy passes the helper's own attributes to the templates as they are
        return {name: value for name, value in vars(helper).items() if name in _LEAKY}
    base = {}
    if helper.label_size:
        base["label_size"] = Size.for_label(helper.label_size)
    if helper.legend_size:
        base["legend_size"] = Size.for_legend(helper.legend_size)
    return base


def _plan(form, layout_fields) -> list:
    """The layout as (kind, ...) items, checked before anything is rendered or changed."""
    plan = []
    seen = set()

    def field_item(name, layout_field):
        if not isinstance(name, str) or name not in form.fields or name in seen:
            raise _Fallback
        seen.add(name)
        field = form.fields[name]
        if field.show_hidden_initial or getattr(field, "localize", False):
            raise _Fallback
        if layout_field is not None:
            if layout_field.template != Field.template or not set(layout_field.context) <= (
                _FIELD_CONTEXT
            ):
                raise _Fallback
            if "type" in layout_field.attrs:
                raise _Fallback
        return ["field", name, layout_field]

    def walk(objects, into):
        for obj in objects:
            if isinstance(obj, str):
                into.append(field_item(obj, None))
            elif type(obj) is Field:
                for name in obj.fields:
                    into.append(field_item(name, obj))
            elif type(obj) is Fieldset:
                if (
                    obj.template != Fieldset.template
                    or obj.css_id
                    or obj.flat_attrs
                    or not set(obj.context) <= {"legend", "legend_size", "legend_tag"}
                ):
                    raise _Fallback
                inner = []
                walk(obj.fields, inner)
                into.append(("fieldset", obj, inner))
            else:
                raise _Fallback

    walk(layout_fields, plan)
    if not plan:
        raise _Fallback
    for item in _flat(plan):
        item.append(_check_field(form, item[1], item[2]))
    return plan


def _flat(plan):
    for item in plan:
        if item[0] == "fieldset":
            yield from _flat(item[2])
        else:
            yield item


def _check_field(form, name, layout_field) -> list | None:
    """The field's choices for radios and checkboxes (read once, as the template does)."""
    field = form.fields[name]
    widget = field.widget
    context = layout_field.context if layout_field is not None else {}
    kind = _kind(widget)
    choices = None
    if kind in ("radios", "checkboxes"):
        choices = list(field.choices)
        for choice in choices:
            if not isinstance(choice, tuple | list | Choice) or len(tuple(choice)) != 2:
                raise _Fallback
            if isinstance(choice[1], list | tuple):  # optgroups
                raise _Fallback
    counted = context.get("max_characters") or context.get("max_words")
    if counted and not field.help_text:  # crispy-forms-gds itself fails here
        raise _Fallback
    attrs = layout_field.attrs if layout_field is not None else {}
    if (
        "govuk-js-character-count"
        in (attrs.get("class") or "") + str(widget.attrs.get("class", ""))
        and not field.help_text
    ):
        raise _Fallback
    return choices


def _kind(widget) -> str:
    if isinstance(widget, forms.CheckboxSelectMultiple) and widget.input_type == "checkbox":
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect) and widget.input_type == "radio":
        return "radios"
    if isinstance(widget, forms.MultiWidget):
        return "multi"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    return "input"


def _render(form, item, base) -> str:
    if item[0] == "fieldset":
        return _fieldset(form, item[1], item[2], base)
    _kind_name, name, layout_field, choices = item
    context = dict(base)
    if layout_field is not None:
        _apply_layout_attrs(form.fields[name], layout_field.attrs)
        context.update(layout_field.context)
    if hasattr(form, "rendered_fields"):
        form.rendered_fields.add(name)
    return _field(form[name], context, choices)


def _apply_layout_attrs(field, attrs) -> None:
    """What crispy's render_field does with a ``Field``'s attributes (it keeps them)."""
    if attrs is None:
        return
    widgets = getattr(field.widget, "widgets", [field.widget])
    for widget in widgets:
        widget.attrs.update(attrs)


def _fieldset(form, fieldset, items, base) -> str:
    """gds/layout/fieldset.html (rendered by crispy with its own context, not the page's)."""
    ctx = fieldset.context
    css = f'class="{_esc(fieldset.css_class)}"' if fieldset.css_class else ""
    parts = [f"<fieldset \n    {css}\n    >\n    "]
    legend = ctx.get("legend")
    if legend:
        size, tag = _size(ctx.get("legend_size")), ctx.get("legend_tag")
        parts.append(
            f'\n      <legend class="govuk-fieldset__legend{size}">\n      {_open(tag)}\n'
            f"      {legend}\n      {_close(tag)}\n      </legend>\n    "
        )
    parts.append("\n    ")
    parts.extend(_render(form, item, base) for item in items)
    parts.append("\n</fieldset>\n")
    return "".join(parts)


def _esc(value) -> str:
    return conditional_escape(value)


def _size(size) -> str:
    return f" {_esc(size)}" if size else ""


def _open(tag, css="govuk-fieldset__heading") -> str:
    return f'<{_esc(tag)} class="{css}">' if tag else ""


def _close(tag) -> str:
    return f"</{_esc(tag)}>" if tag else ""


def _unlocalize(value) -> str:
    """``{{ value|unlocalize }}`` (not a safe filter: escaped unless already safe)."""
    return conditional_escape(str(localize(value, use_l10n=False)))


def _count_message(max_characters, max_words) -> str:
    """field.html's {% blocktrans %}, with its whitespace (part of the message id)."""
    return gettext(_CHARACTERS if max_characters else _WORDS) % {
        "max_characters": _esc(localize(max_characters)),
        "max_words": _esc(localize(max_words)),
    }


def _field(bf, ctx, choices) -> str:
    """gds/field.html and the templates it includes."""
    field = bf.field
    widget = field.widget
    if widget.is_hidden:  # {{ field }}, without crispy_gds_field
        return _SEP + widget_html(bf) + _SEP
    kind = _kind(widget)
    errors = bf.errors
    max_characters, max_words = ctx.get("max_characters"), ctx.get("max_words")
    counted = max_characters or max_words
    out = []
    if counted:
        limit = (
            f' data-maxlength="{_esc(localize(max_characters))}"'
            if max_characters
            else f' data-maxwords="{_esc(localize(max_words))}"'
        )
        threshold = ctx.get("threshold")
        if threshold:
            limit += f' data-threshold="{_esc(localize(threshold))}"'
        out.append(
            f'<div class="govuk-character-count" data-module="govuk-character-count"{limit}>'
        )
    classes = "govuk-form-group"
    if errors:
        classes += " govuk-form-group--error"
    extra = bf.css_classes()
    if extra:
        classes += f" {_esc(extra)}"
    out.append(f'{_SEP}<div id="div_{_esc(bf.auto_id)}" class="{classes}">{_SEP}')
    if kind in ("checkboxes", "radios"):
        out.append(_choices(bf, ctx, errors, choices, checkboxes=kind == "checkboxes"))
    elif kind == "multi":
        out.append(_fieldset_open(bf, ctx, errors) + _hint_and_errors(bf, errors))
        out.append(f"{_SEP}{widget_gds(bf)}\n\n</fieldset>")
    else:
        label = field.label
        for_id = _esc(bf.id_for_label)
        if label and kind != "checkbox":
            tag = ctx.get("label_tag")
            if tag:
                out.append(_open(tag, "govuk-label-wrapper") + _SEP)
            out.append(
                f'<label for="{for_id}" class="govuk-label{_size(ctx.get("label_size"))}">\n'
                f"          {label}\n        </label>{_SEP}"
            )
            if tag:
                out.append(_close(tag) + _SEP)
        out.append(_hint_and_errors(bf, errors))
        if kind == "checkbox":
            small = " govuk-checkboxes--small" if ctx.get("checkboxes_small") else ""
            out.append(
                f'<div class="govuk-checkboxes{small}">{_SEP}<div class="govuk-checkboxes__item">'
                f"{_SEP}{widget_gds(bf)}{_SEP}"
                f'<label class="govuk-label govuk-checkboxes__label" for="{for_id}">\n'
                f"              {label}\n            </label>{_SEP}</div>{_SEP}</div>"
            )
        else:
            out.append(widget_gds(bf))
            if counted:
                out.append(
                    f'{_SEP}<span id="{for_id}-info" class="govuk-hint govuk-character-count__message"'
                    f' aria-live="polite">\n            \n              '
                    f"{_count_message(max_characters, max_words)}\n            \n          </span>"
                )
    out.append(f"{_SEP}</div>")
    if counted:
        out.append(f"{_SEP}</div>")
    out.append(_SEP)
    return "".join(out)


def _fieldset_open(bf, ctx, errors) -> str:
    """The start of radios.html, checkboxes.html and multifield.html: fieldset and legend."""
    auto_id = _esc(bf.auto_id)
    described = ""
    if bf.help_text or errors:
        ids = f"{auto_id}_hint" if bf.help_text else ""
        ids += "".join(f" {auto_id}_{number}_error" for number in range(1, len(errors) + 1))
        described = f' aria-describedby="{ids}"'
    out = f'<fieldset class="govuk-fieldset"{described}>{_SEP}'
    label = bf.field.label
    if label:
        tag = ctx.get("legend_tag")
        out += (
            f'<legend class="govuk-fieldset__legend{_size(ctx.get("legend_size"))}">\n'
            f"      {_open(tag)}\n      {label}\n      {_close(tag)}\n    </legend>{_SEP}"
        )
    return out


def _hint_and_errors(bf, errors) -> str:
    """help_text_and_errors.html, with this project's field_errors.html ("Error:" translated)."""
    auto_id = _esc(bf.auto_id)
    out = []
    if bf.help_text:
        out.append(f'<div id="{auto_id}_hint" class="govuk-hint">{bf.help_text}</div>{_SEP}')
    if errors:
        hidden = gettext("Error:")
        for number, error in enumerate(errors, start=1):
            out.append(
                f'<span id="{auto_id}_{number}_error" class="govuk-error-message">{_SEP}'
                f'<span class="govuk-visually-hidden">{hidden}</span> {_esc(error)}\n'
                f"    </span>{_SEP}"
            )
    return "".join(out)


def _choices(bf, ctx, errors, choices, *, checkboxes: bool) -> str:
    """radios.html with radio_item.html, or checkboxes.html."""
    out = [_fieldset_open(bf, ctx, errors), _hint_and_errors(bf, errors)]
    name = _esc(bf.html_name)
    value = bf.value()
    if checkboxes:
        inline = "--inline" if ctx.get("inline") else ""
        small = " govuk-checkboxes--small" if ctx.get("checkboxes_small") else ""
        out.append(f'<div class="govuk-checkboxes{inline}{small}">')
        item, pad, hint_pad = "checkboxes", "          ", "             "
    else:
        inline = "--inline" if ctx.get("radios_inline") else ""
        small = " govuk-radios--small" if ctx.get("radios_small") else ""
        out.append(f'<div class="govuk-radios{inline}{small}">')
        item, pad, hint_pad = "radios", "    ", "      "
    value_text = stringformat(value)
    for position, choice in enumerate(choices, start=1):
        key = choice[0]
        hint = getattr(choice, "hint", "")
        divider = getattr(choice, "divider", "")
        ident = f"id_{name}_{position}"
        if checkboxes:
            checked = _in(key, value) or _in(stringformat(key), value)
        else:
            checked = stringformat(key) == value_text
        checked = f'\n{pad}  checked="checked"\n{pad}' if checked else ""
        described = f'\n{hint_pad}aria-describedby="{ident}_hint"\n{pad}' if hint else ""
        # radio_item.html has an empty block where checkboxes.html has nothing
        ending = f"\n{pad}\n  >" if not checkboxes else "\n        >"
        label_pad = "  " if not checkboxes else "        "
        out.append(
            f'{_SEP}<div class="govuk-{item}__item">{_SEP}<input\n{pad}type="'
            f'{"checkbox" if checkboxes else "radio"}"\n{pad}name="{name}"\n'
            f'{pad}class="govuk-{item}__input"\n{pad}id="{ident}"\n'
            f'{pad}value="{_unlocalize(key)}"\n{pad}{checked}\n{pad}{described}{ending}'
            f'{_SEP}<label class="govuk-label govuk-{item}__label" for="{ident}">\n'
            f"{label_pad}  {_unlocalize(choice[1])}\n{label_pad}</label>"
        )
        if hint:
            out.append(
                f'{_SEP}<span id="{ident}_hint" class="govuk-hint govuk-{item}__hint">\n'
                f"{label_pad}    {_esc(hint)}\n{label_pad}  </span>"
            )
        out.append(f"{_SEP}</div>{_SEP}")
        if divider:
            out.append(f'<div class="govuk-{item}__divider">{_esc(divider)}</div>')
    out.append(_SEP + ("</div>\n\n</fieldset>" if checkboxes else f"</div>{_SEP}</fieldset>"))
    return "".join(out)


def _in(item, container) -> bool:
    try:
        return item in container
    except Exception:  # noqa: BLE001 - the template's "in" is False on an error
        return False
