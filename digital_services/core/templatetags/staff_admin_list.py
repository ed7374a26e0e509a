"""``{% staff_result_list cl %}`` and ``{% staff_list_filter cl spec %}``: Django's
``result_list`` and ``admin_list_filter`` written in Python (core/admin_changelist.py), falling
back to Django's own tags for a list or filter they do not know. ``admin/change_list.html``
uses them."""

from django import template
from django.contrib.admin.templatetags.admin_list import admin_list_filter, result_list_tag

from digital_services.core.admin_changelist import filter_html, result_list_html

register = template.Library()


class _ResultListNode(template.Node):
    def __init__(self, cl, fallback):
        self.cl = cl
        self.fallback = fallback

    def render(self, context):
        html = result_list_html(self.cl.resolve(context))
        return self.fallback.render(context) if html is None else html


@register.tag
def staff_result_list(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% staff_result_list cl %}")
    fallback = result_list_tag(
        parser, template.base.Token(token.token_type, f"result_list {bits[1]}")
    )
    return _ResultListNode(parser.compile_filter(bits[1]), fallback)


@register.simple_tag
def staff_list_filter(cl, spec):
    html = filter_html(cl, spec)
    return admin_list_filter(cl, spec) if html is None else html
