"""The staff pages' heaviest admin tags written in Python (core/admin_render.py), the same
markup: ``{% staff_result_list cl %}`` and ``{% staff_list_filter cl spec %}`` for Django's
``result_list`` and ``admin_list_filter`` (``admin/change_list.html``), and
``{% staff_fieldset fieldset index %}`` for the change form's ``admin/includes/fieldset.html``
and ``{% staff_inline inline_admin_formset last %}`` for its tabular inlines (core/admin_inlines.py,
``admin/change_form.html``), and ``{% staff_app_list app_list %}`` for the index's
``admin/app_list.html``. Each hands over to Django's own for what it does not know.
``{% staff_userlinks %}`` remembers Django's own ``userlinks`` block, as Django draws it."""

from django import template
from django.contrib.admin.templatetags.admin_list import admin_list_filter, result_list_tag
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.urls import get_script_prefix, get_urlconf
from django.utils import translation
from django.utils.safestring import mark_safe

from digital_services.core import admin_app_list, admin_inlines, admin_render
from digital_services.core.escaping import conditional_escape
from digital_services.core.memo import BoundedMemo

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
    if admin_render.djangos_template(admin_app_list.APP_LIST_TEMPLATE):
        return admin_app_list.app_list_html(
            app_list, context["request"].path, show_changelinks=show_changelinks
        )
    template = context.template.engine.get_template(admin_app_list.APP_LIST_TEMPLATE)
    with context.push(app_list=app_list, show_changelinks=show_changelinks):
        return template.render(context)


#: Stands in for the page's CSRF token while Django's ``userlinks`` block is drawn to be kept.
_CSRF_STAND_IN = "staffuserlinkscsrfstandin" + "0" * 39
_USERLINKS = BoundedMemo(256)
#: False: Django draws the block on every page (the tests compare the two).
REMEMBER_USERLINKS = True


@register.simple_tag(takes_context=True)
def staff_userlinks(context):
    """Django's ``userlinks`` block of ``admin/base.html`` (the links to the site, to change
    the password and to sign out, and the theme toggle) as Django draws it, drawn once per
    kind of user, language and admin site and then remembered: only its CSRF token changes from
    page to page. Used as ``{% block userlinks %}{% staff_userlinks %}{% endblock %}``
    (``templates/admin/base_site.html``); a page that overrides the block keeps its own.

    Every staff page drew it, about 0.7 ms of a small list's 9 (five template tags, three
    translations and an include). The key is everything the block reads: the block's own
    nodes (another template, another key), the language, ``site_url``, whether the user is
    active staff and has a usable password, the admin site the URLs are reversed for, and the
    URL configuration and script prefix. Without a CSRF token, or if Django's block ever
    draws the token other than once, the block is drawn by Django every time."""
    block = context.get("block")
    djangos = context.render_context.get(BLOCK_CONTEXT_KEY)
    djangos = djangos.get_block("userlinks") if djangos is not None else None
    request, user, token = context.get("request"), context.get("user"), context.get("csrf_token")
    if block is None or djangos is None:
        return ""
    if (
        not REMEMBER_USERLINKS
        or request is None
        or user is None
        or token is None
        or str(token) == "NOTPROVIDED"
    ):
        return block.super()
    try:
        current_app = request.current_app
    except AttributeError:  # as {% url %} finds it
        current_app = getattr(getattr(request, "resolver_match", None), "namespace", None)
    key = (
        id(djangos.nodelist),
        translation.get_language(),
        context.get("site_url"),
        bool(user.is_active and user.is_staff),
        user.has_usable_password(),
        current_app,
        get_script_prefix(),
        get_urlconf(),
    )

    def draw():
        with context.push(csrf_token=_CSRF_STAND_IN):
            html = str(block.super())
        return djangos.nodelist, html if html.count(_CSRF_STAND_IN) == 1 else None

    kept = _USERLINKS.get_or_set(key, draw)
    if kept[0] is not djangos.nodelist:  # another template's nodes now have that id
        kept = _USERLINKS[key] = draw()
    if kept[1] is None:
        return block.super()
    html = kept[1].replace(_CSRF_STAND_IN, conditional_escape(str(token)))
    return mark_safe(html)  # noqa: S308 - Django's block as it drew it, the token escaped
