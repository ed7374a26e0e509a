"""``{% form_render form %}``: ``{% crispy form %}``'s HTML, written in Python where it can be.

See digital_services/core/form_render.py: the same bytes as crispy-forms-gds, which
renders anything the lighter renderer does not know.
"""

from django import template

from digital_services.core.form_render import form_html

register = template.Library()


@register.simple_tag(takes_context=True)
def form_render(context, form):
    return form_html(form, context)
