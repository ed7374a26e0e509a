"""``{% form_render form %}``: ``{% crispy form %}``'s HTML, written in Python where it can be.
``{% widget_render field %}``: ``{{ field }}`` (the widget alone), the same way;
``{% label_render field %}`` and ``{% errors_render field.errors %}`` its label and errors.

See digital_services/core/form_render.py: the same bytes as crispy-forms-gds, which
renders anything the lighter renderer does not know.
"""

from django import template
from django.utils.safestring import SafeString, mark_safe

from digital_services.core.form_render import form_html
from digital_services.core.form_widgets import errors_ul, label_tag_html, widget_html

register = template.Library()


@register.simple_tag(takes_context=True)
def form_render(context, form):
    return form_html(form, context)


@register.simple_tag
def widget_render(field) -> SafeString:
    """``{{ field }}`` for a page that lays its fields out itself (a staff page): Django's
    select template costs a template include per option, a select of 100 prisons 20 ms.
    Stripped, as Django's form renderer strips what a widget's template draws."""
    return mark_safe(widget_html(field).strip())  # noqa: S308 - every value escaped as Django does


@register.simple_tag
def label_render(field) -> SafeString:
    """``{{ field.label_tag }}``, the same way (a field or form with a label template of its
    own is Django's to draw)."""
    return mark_safe(label_tag_html(field))  # noqa: S308 - escaped as Django does


@register.simple_tag
def errors_render(errors) -> SafeString:
    """``{{ field.errors }}`` (or a form's ``non_field_errors``): nothing for no errors,
    without a template."""
    return mark_safe(errors_ul(errors))  # noqa: S308 - Django's own error list
