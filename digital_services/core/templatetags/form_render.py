"""``{% form_render form %}``: ``{% crispy form %}``'s HTML, written in Python where it can be.
``{% widget_render field %}``: ``{{ field }}`` (the widget alone), the same way.

See digital_services/core/form_render.py: the same bytes as crispy-forms-gds, which
renders anything the lighter renderer does not know.
"""

from django import template
from django.utils.safestring import SafeString, mark_safe

from digital_services.core.form_render import form_html
from digital_services.core.form_widgets import widget_html

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
