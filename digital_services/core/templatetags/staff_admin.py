"""The staff pages' heaviest admin tags written in Python (core/admin_render.py), the same
markup: ``{% staff_result_list cl %}`` and ``{% staff_list_filter cl spec %}`` for Django's
``result_list`` and ``admin_list_filter`` (``admin/change_list.html``), and
``{% staff_fieldset fieldset index %}`` for the change form's ``admin/includes/fieldset.html``
and ``{% staff_inline inline_admin_formset last %}`` for its tabular inlines (core/admin_inlines.py,
``admin/change_form.html``), and ``{% staff_app_list app_list %}`` for the index's
``admin/app_list.html``. Each hands over to Django's own for what it does not know."""

from django import template
from django.contrib.admin.templatetags.admin_list import admin_list_filter, result_list_tag

from digital_services.core import admin_inlines, admin_render

register = template.Library()


class _ResultListNode(template.Node):
    def __init__(self, cl, fallback):
        self.cl = cl
        self.fallback = fallback

    def render(self, context):
        html = admin_render.result_list_html(self.cl.resolve(context))
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
    html = admin_render.filter_html(cl, spec)
    return admin_list_filter(cl, spec) if html is None else html


@register.simple_tag(takes_context=True)
def staff_fieldset(context, fieldset, index):
    """Django's ``admin/includes/fieldset.html`` for a change form's fieldset, drawn in Python
    while that template is Django's own."""
    if admin_render.djangos_template(admin_render._FIELDSET_TEMPLATE):
        return admin_render.fieldset_html(fieldset, index)
    template = context.template.engine.get_template(admin_render._FIELDSET_TEMPLATE)
    with context.push(
        fieldset=fieldset, heading_level=2, prefix="fieldset", id_prefix=0, id_suffix=index
    ):
        return template.render(context)


@register.simple_tag(takes_context=True)
def staff_inline(context, inline_admin_formset, last):
    """What ``{% include inline_admin_formset.opts.template %}`` draws in a change form: Django's
    ``tabular.html`` drawn in Python while it is Django's own, any other template included."""
    name = inline_admin_formset.opts.template
    if name == admin_inlines.TABULAR and admin_render.djangos_template(name):
        return admin_inlines.tabular_html(inline_admin_formset, last)
    return context.template.engine.get_template(name).render(context)


@register.simple_tag(takes_context=True)
def staff_app_list(context, app_list, show_changelinks=False):
    """``{% include "admin/app_list.html" with app_list=... show_changelinks=... %}`` drawn in
    Python while that template is Django's own."""
    if admin_render.djangos_template(admin_render._APP_LIST_TEMPLATE):
        return admin_render.app_list_html(
            app_list, context["request"].path, show_changelinks=show_changelinks
        )
    template = context.template.engine.get_template(admin_render._APP_LIST_TEMPLATE)
    with context.push(app_list=app_list, show_changelinks=show_changelinks):
        return template.render(context)
