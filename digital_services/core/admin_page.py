"""A staff list page drawn in Python: Django's ``admin/change_list.html`` and the templates
around it, the same markup but for blank lines and indentation (issue #13).

What a small admin list cost after its rows and filters were drawn in Python
(``admin_render``) was mostly Django's page around them: five templates extending each other
(``templates/admin/change_list.html``, Django's, ``templates/admin/base_site.html``, Django's,
``admin/base.html``), about twenty ``{% static %}`` and ``{% translate %}`` tags, and the
search form, actions, pagination and "Add" button, each an inclusion tag that looks its
template up and renders it with a context of its own (docs/performance.md, "The staff list page
drawn in Python").

``staff_list_response`` gives a change list's ``TemplateResponse`` a template object
(:class:`ChangeListPage`) that draws the page in Python while every template it stands for is
the one it was written from (:func:`drawable`): the project's ``change_list.html``,
``base_site.html``, ``search_form.html``, ``pagination.html`` and ``actions.html``, and Django's
``base.html``, ``base_site.html``, ``change_list.html``, ``actions.html``,
``change_list_object_tools.html`` and ``date_hierarchy.html``, none overridden for the app or
model. It hands the page to Django's templates for a popup, an editable list, the nav sidebar,
or a row or filter that ``admin_render`` does not draw. ``tests/core/test_admin_page.py`` draws
every list both ways and pins the templates' sources.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.admin.templatetags.admin_list import date_hierarchy, paginator_number
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.views.main import IS_FACETS_VAR, IS_POPUP_VAR, SEARCH_VAR
from django.contrib.messages import get_messages
from django.middleware.csrf import get_token
from django.template import TemplateDoesNotExist
from django.template.loader import select_template
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.formats import localize
from django.utils.safestring import SafeData, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext

from digital_services.core import admin_render
from digital_services.core.escaping import conditional_escape, escape
from digital_services.core.form_widgets import widget_html

#: Set False to hand every list page to Django's templates (the tests compare the two).
DRAW = True

_OURS = Path(settings.BASE_DIR, "templates", "admin")
#: The templates the page is drawn from, and whose each must be found for it (``None``: Django's).
PAGE_TEMPLATES = {
    "change_list.html": _OURS / "change_list.html",
    "base_site.html": _OURS / "base_site.html",
    "base.html": None,
}
#: The admin's inclusion tags' templates (looked up per app and model, as Django does).
TAG_TEMPLATES = {
    "search_form.html": _OURS / "search_form.html",
    "pagination.html": _OURS / "pagination.html",
    "actions.html": _OURS / "actions.html",
    "change_list_object_tools.html": None,
    "date_hierarchy.html": None,
}

_SVGS = """<svg xmlns="http://www.w3.org/2000/svg" class="base-svgs">
  <symbol viewBox="0 0 24 24" width="1.5rem" height="1.5rem" id="icon-auto"><path d="M0 0h24v24H0z" fill="currentColor"/><path d="M12 22C6.477 22 2 17.523 2 12S6.477 2 12 2s10 4.477 10 10-4.477 10-10 10zm0-2V4a8 8 0 1 0 0 16z"/></symbol>
  <symbol viewBox="0 0 24 24" width="1.5rem" height="1.5rem" id="icon-moon"><path d="M0 0h24v24H0z" fill="currentColor"/><path d="M10 7a7 7 0 0 0 12 4.9v.1c0 5.523-4.477 10-10 10S2 17.523 2 12 6.477 2 12 2h.1A6.979 6.979 0 0 0 10 7zm-6 5a8 8 0 0 0 15.062 3.762A9 9 0 0 1 8.238 4.938 7.999 7.999 0 0 0 4 12z"/></symbol>
  <symbol viewBox="0 0 24 24" width="1.5rem" height="1.5rem" id="icon-sun"><path d="M0 0h24v24H0z" fill="currentColor"/><path d="M12 18a6 6 0 1 1 0-12 6 6 0 0 1 0 12zm0-2a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM11 1h2v3h-2V1zm0 19h2v3h-2v-3zM3.515 4.929l1.414-1.414L7.05 5.636 5.636 7.05 3.515 4.93zM16.95 18.364l1.414-1.414 2.121 2.121-1.414 1.414-2.121-2.121zm2.121-14.85l1.414 1.415-2.121 2.121-1.414-1.414 2.121-2.121zM5.636 16.95l1.414 1.414-2.121 2.121-1.414-1.414 2.121-2.121zM23 11v2h-3v-2h3zM4 11v2H1v-2h3z"/></symbol>
</svg>"""  # noqa: E501 - Django's admin/base.html, as it is


def _is(name: str, names: list[str], expected: Path | None) -> bool:
    """Whether the first of ``names`` found is ``expected`` (``None``: Django's ``name``)."""
    try:
        origin = select_template(names).origin.name
    except TemplateDoesNotExist:
        return False
    if expected is None:
        return origin.replace("\\", "/").endswith("django/contrib/admin/templates/admin/" + name)
    return Path(origin) == expected


def drawable(model_admin) -> str:
    """Which template a list page is drawn from (``"ours"`` or ``"own"``), or ``""`` for
    Django's templates to draw it (:func:`template_drawn`)."""
    opts = model_admin.opts
    names = _list_templates(model_admin)
    return template_drawn(
        model_admin,
        ("page", opts.app_label, opts.model_name, tuple(names)),
        names,
        "change_list.html",
        blocks="list_page_blocks",
        drawn_from="list_page_drawn_from",
        tags=TAG_TEMPLATES,
    )


def template_drawn(model_admin, key, names, template, *, blocks, drawn_from, tags) -> str:
    """Whether every template a staff page stands for is the one it was written from, for this
    admin (worked out once per process, as ``admin_render``'s look-ups): ``"ours"`` when the
    page's template (the first of ``names`` found) is the project's ``admin/<template>``,
    ``"own"`` when it is the admin's own that extends it and the admin draws its blocks (a
    method ``blocks``, and ``drawn_from``, the template's path under the project), and ``""``
    otherwise, or when the frame's templates or the inclusion tags' (``tags``: name to the
    project's path, ``None`` for Django's) are not the ones drawn here."""
    known = admin_render._templates.get(key)
    if known is None:
        app, model = model_admin.opts.app_label.lower(), model_admin.opts.model_name
        ours = _OURS / template
        own = getattr(model_admin, drawn_from, None)
        if _is(template, names, ours):
            known = "ours"
        elif (
            own is not None
            and hasattr(model_admin, blocks)
            and _is(template, names, Path(settings.BASE_DIR, own))
            and _is(template, [f"admin/{template}"], ours)
        ):
            known = "own"
        else:
            known = ""
        around = _is("base_site.html", ["admin/base_site.html"], _OURS / "base_site.html")
        around = around and _is("base.html", ["admin/base.html"], None)
        for name, expected in tags.items():
            tag_names = [f"admin/{app}/{model}/{name}", f"admin/{app}/{name}", f"admin/{name}"]
            around = around and _is(name, tag_names, expected)
        known = known if around else ""
        admin_render._templates[key] = known
    return known


def _list_templates(model_admin) -> list[str]:
    """The templates Django's ``changelist_view`` asks for."""
    if model_admin.change_list_template:
        return [model_admin.change_list_template]
    app, model = model_admin.opts.app_label, model_admin.opts.model_name
    return [
        f"admin/{app}/{model}/change_list.html",
        f"admin/{app}/change_list.html",
        "admin/change_list.html",
    ]


def text(value) -> str:
    """``{{ value }}`` in a template: localised, escaped unless safe (for an admin's
    ``list_page_blocks``, as here)."""
    return conditional_escape(localize(value))


def _url(name: str, request, **kwargs) -> str:
    return reverse(name, kwargs=kwargs or None, current_app=getattr(request, "current_app", None))


def _userlinks(ctx, request, user, token: str) -> str:
    """Django's ``userlinks`` block of ``admin/base.html``."""
    out = []
    if ctx.get("site_url"):
        out.append(f'<a href="{text(ctx["site_url"])}">{gettext("View site")}</a> /\n')
    if user.is_active and user.is_staff:
        try:
            docsroot = _url("django-admindocs-docroot", request)
        except NoReverseMatch:
            docsroot = ""
        if docsroot:
            out.append(f'<a href="{escape(docsroot)}">{gettext("Documentation")}</a> /\n')
    if user.has_usable_password():
        out.append(
            f'<a href="{escape(_url("admin:password_change", request))}">'
            f"{gettext('Change password')}</a> /\n"
        )
    out.append(
        f'<form id="logout-form" method="post" action="{escape(_url("admin:logout", request))}">\n'
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(token)}">\n'
        f'<button type="submit">{gettext("Log out")}</button>\n</form>\n'
    )
    out.append(_theme_toggle())
    return "".join(out)


def _theme_toggle() -> str:
    """Django's ``admin/color_theme_toggle.html``."""
    return (
        '<button class="theme-toggle">\n'
        '<span class="visually-hidden theme-label-when-auto">'
        f"{gettext('Toggle theme (current theme: auto)')}</span>\n"
        '<span class="visually-hidden theme-label-when-light">'
        f"{gettext('Toggle theme (current theme: light)')}</span>\n"
        '<span class="visually-hidden theme-label-when-dark">'
        f"{gettext('Toggle theme (current theme: dark)')}</span>\n"
        '<svg aria-hidden="true" class="theme-icon-when-auto">\n<use xlink:href="#icon-auto" />\n'
        '</svg>\n<svg aria-hidden="true" class="theme-icon-when-dark">\n'
        '<use xlink:href="#icon-moon" />\n</svg>\n'
        '<svg aria-hidden="true" class="theme-icon-when-light">\n'
        '<use xlink:href="#icon-sun" />\n</svg>\n</button>\n'
    )


def _messages(request) -> str:
    messages = list(get_messages(request))  # marks them shown, as the template's loop does
    if not messages:
        return ""
    items = []
    for message in messages:
        said = str(message)
        shown = said[0].upper() + said[1:] if said else said  # |capfirst, which keeps safety
        if isinstance(said, SafeData):
            shown = mark_safe(shown)  # noqa: S308 - the message was marked safe by its author
        tags = f' class="{text(message.tags)}"' if message.tags else ""
        items.append(f"\n<li{tags}>{conditional_escape(shown)}</li>\n")
    return f'<ul class="messagelist">{"".join(items)}</ul>\n'


def page_html(
    ctx,
    request,
    *,
    token: str,
    title: str,
    extrastyle: str,
    extrahead: str,
    bodyclass: str,
    breadcrumbs: str | None,
    content: str,
    content_title: str | None = None,
    coltype: str = "",
) -> str:
    """Django's ``admin/base.html`` (with ``base_site.html``'s and the project's blocks) around
    a page's blocks, for a page that is not a popup and has no nav sidebar (``breadcrumbs``
    ``None``: a page that empties the ``nav-breadcrumbs`` block, as the index does)."""
    user = request.user
    bidi = translation.get_language_bidi()
    head = [
        f'<!DOCTYPE html>\n<html lang="{text(translation.get_language() or "en-us")}" '
        f'dir="{"rtl" if bidi else "ltr"}">\n<head>\n<title>{title}</title>\n'
        f'<link rel="stylesheet" href="{static("admin/css/base.css")}">\n'
        f'<link rel="stylesheet" href="{static("admin/css/dark_mode.css")}">\n'
        f'<script src="{static("admin/js/theme.js")}"></script>\n',
        extrastyle,
        "\n",
    ]
    if bidi:
        head.append(f'<link rel="stylesheet" href="{static("admin/css/rtl.css")}">\n')
    head.append(extrahead)
    head.append(
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f'<link rel="stylesheet" href="{static("admin/css/responsive.css")}">\n'
    )
    if bidi:
        head.append(f'<link rel="stylesheet" href="{static("admin/css/responsive_rtl.css")}">\n')
    head.append('<meta name="robots" content="NONE,NOARCHIVE">\n</head>\n')
    offset = date_format(datetime.now(tz=timezone.get_current_timezone()), "Z")
    index = escape(_url("admin:index", request))
    header = (
        f'<header id="header">\n<div id="branding">\n<div id="site-name"><a href="{index}">'
        f"{text(ctx.get('site_header') or gettext('Django administration'))}</a></div>\n"
    )
    if user.is_anonymous:
        header += _theme_toggle()
    header += "</div>\n"
    if ctx.get("has_permission"):
        name = user.get_short_name() or user.get_username()
        header += (
            f'<div id="user-tools">\n{gettext("Welcome,")}\n<strong>{text(name)}</strong>.\n'
            f"{_userlinks(ctx, request, user, token)}</div>\n"
        )
    header += "</header>\n"
    subtitle = ctx.get("subtitle")
    body = [
        f'<body class="{bodyclass}"\n  data-admin-utc-offset="{offset}">\n'
        f'<a href="#content-start" class="skip-to-content-link">'
        f'{gettext("Skip to main content")}</a>\n<!-- Container -->\n<div id="container">\n'
        f"<!-- Header -->\n{header}<!-- END Header -->\n",
        ""
        if breadcrumbs is None
        else f'<nav aria-label="{gettext("Breadcrumbs")}">\n{breadcrumbs}</nav>\n',
        '<div class="main" id="main">\n<main id="content-start" class="content" tabindex="-1">\n',
        _messages(request),
        f'<!-- Content -->\n<div id="content" class="{coltype}">\n',
        content_title
        if content_title is not None
        else (f"<h1>{text(ctx['title'])}</h1>\n" if ctx.get("title") else ""),
        f"<h2>{text(subtitle)}</h2>\n" if subtitle else "",
        content,
        '<br class="clear">\n</div>\n<!-- END Content -->\n</main>\n</div>\n'
        '<footer id="footer"></footer>\n</div>\n<!-- END Container -->\n\n<!-- SVGs -->\n',
        _SVGS,
        "\n<!-- END SVGs -->\n\n</body>\n</html>\n",
    ]
    return "".join(head) + "\n" + "".join(body)


def page_title(ctx) -> str:
    """``base_site.html``'s title block, for every page drawn here (a title that starts
    "Error:", a form or an editable list with mistakes, is left to Django's templates)."""
    site_title = ctx.get("site_title") or gettext("Django site admin")
    subtitle = ctx.get("subtitle")
    before = f"{text(subtitle)} | " if subtitle else ""
    return f"{before}{text(ctx.get('title'))} | {text(site_title)}"


def _object_tools(ctx, request, cl) -> str:
    """Django's ``admin/change_list_object_tools.html``."""
    if not ctx.get("has_add_permission"):
        return ""
    opts = cl.opts
    add_url = _url(f"admin:{opts.app_label}_{opts.model_name}_add", request)
    href = add_preserved_filters(ctx, add_url, ctx.get("is_popup"), ctx.get("to_field"))
    label = gettext("Add %(name)s") % {"name": text(opts.verbose_name)}
    return f'<li>\n<a href="{escape(href)}" class="addlink">\n{label}\n</a>\n</li>\n'


def _search_form(cl) -> str:
    """The project's ``admin/search_form.html``."""
    if not cl.search_fields:
        return ""
    described = ' aria-describedby="searchbar_helptext"' if cl.search_help_text else ""
    out = [
        '<div id="toolbar"><form id="changelist-search" method="get" role="search">\n'
        "<div><!-- DIV needed for valid HTML -->\n"
        f'<label for="searchbar"><img src="{static("admin/img/search.svg")}" alt="Search">'
        "</label>\n"
        f'<input type="text" size="40" name="{SEARCH_VAR}" value="{text(cl.query)}" '
        f'id="searchbar"{described}>\n<input type="submit" value="{gettext("Search")}">\n'
    ]
    if cl.result_count != cl.full_result_count:
        paginator = cl.paginator
        if getattr(paginator, "count_capped", False):
            counted = f"More than {text(paginator.count_at_most_text)} results"
        else:
            counted = ngettext("%(counter)s result", "%(counter)s results", cl.result_count) % {
                "counter": text(cl.result_count)
            }
        query = ""
        if cl.is_popup:
            query += f"{IS_POPUP_VAR}=1" + ("&" if cl.add_facets else "")
        if cl.add_facets:
            query += IS_FACETS_VAR
        if cl.show_full_result_count:
            total = gettext("%(full_result_count)s total") % {
                "full_result_count": text(cl.full_result_count)
            }
        else:
            total = gettext("Show all")
        out.append(f'<span class="small quiet">{counted} (<a href="?{query}">{total}</a>)</span>\n')
    for name, value in cl.params.items():
        if name != SEARCH_VAR:
            out.append(f'<input type="hidden" name="{text(name)}" value="{text(value)}">\n')
    out.append("</div>\n")
    if cl.search_help_text:
        out.append(
            f'<br class="clear">\n<div class="help" id="searchbar_helptext">'
            f"{text(cl.search_help_text)}</div>\n"
        )
    out.append("</form></div>\n")
    return "".join(out)


def _date_hierarchy(cl) -> str:
    """Django's ``admin/date_hierarchy.html``."""
    found = date_hierarchy(cl) or {}
    if not found.get("show"):
        return ""
    out = ['<nav class="toplinks">\n']
    back = found.get("back")
    if back:
        out.append(
            f'<a href="{text(back["link"])}" class="date-back">&lsaquo; {text(back["title"])}</a>\n'
        )
    for choice in found.get("choices", ()):
        if choice.get("link"):
            out.append(f'<a href="{text(choice["link"])}">{text(choice["title"])}</a>\n')
        else:
            out.append(f"{text(choice['title'])}\n")
    out.append("</nav>\n")
    return "".join(out)


def _actions(ctx, cl, index: int) -> str:
    """The project's ``admin/actions.html`` over Django's."""
    fields = []
    for field in ctx["action_form"]:
        # The select and the hidden input in Python: through Django's templates they were
        # about half a millisecond of every list page with actions.
        widget = widget_html(field).strip()
        fields.append(f"<label>{text(field.label)} {widget}</label>" if field.label else widget)
    out = [
        '<div class="actions">\n',
        "".join(fields),
        f'\n<button type="submit" class="button" title="{gettext("Run the selected action")}" '
        f'name="index" value="{index}">{gettext("Go")}</button>\n',
    ]
    if ctx.get("actions_selection_counter"):
        shown = len(cl.result_list)
        out.append(
            f'<span class="action-counter" data-actions-icnt="{text(shown)}">'
            f"{text(ctx.get('selection_note'))}</span>\n"
        )
        module_name = text(ctx.get("module_name"))
        title = gettext("Click here to select the objects across all pages")
        clear = f'<span class="clear hidden"><a role="button" href="#">{gettext("Clear selection")}</a></span>\n'
        if getattr(cl.paginator, "count_capped", False):
            most = text(cl.paginator.count_at_most_text)
            out.append(
                f'<span class="all hidden">All the {module_name} that match selected '
                f"(more than {most})</span>\n"
                f'<span class="question hidden">\n<a role="button" href="#" title="{title}">'
                f"Select all the {module_name} that match (more than {most})</a>\n</span>\n{clear}"
            )
        elif cl.result_count != shown:
            select_all = gettext("Select all %(total_count)s %(module_name)s") % {
                "total_count": text(cl.result_count),
                "module_name": module_name,
            }
            out.append(
                f'<span class="all hidden">{text(ctx.get("selection_note_all"))}</span>\n'
                f'<span class="question hidden">\n<a role="button" href="#" title="{title}">'
                f"{select_all}</a>\n</span>\n{clear}"
            )
    out.append("</div>\n")
    return "".join(out)


def _pagination(cl) -> str:
    """The project's ``admin/pagination.html`` (Django's ``pagination`` tag's context)."""
    required = (not cl.show_all or not cl.can_show_all) and cl.multi_page
    out = ['<p class="paginator">\n']
    if required:
        out.extend(
            paginator_number(cl, i) + "\n" for i in cl.paginator.get_elided_page_range(cl.page_num)
        )
    opts = cl.opts
    if getattr(cl.paginator, "count_capped", False):
        out.append(
            f"More than {text(cl.paginator.count_at_most_text)} {text(opts.verbose_name_plural)}\n"
        )
    else:
        noun = opts.verbose_name if cl.result_count == 1 else opts.verbose_name_plural
        out.append(f"{text(cl.result_count)} {text(noun)}\n")
    if cl.can_show_all and not cl.show_all and cl.multi_page:
        out.append(
            f'<a href="{text(cl.get_query_string({"all": ""}))}" class="showall">{gettext("Show all")}</a>\n'
        )
    out.append("</p>\n")
    return "".join(out)


def _filters(cl) -> str | None:
    """The project's ``filters`` block of ``admin/change_list.html``."""
    if not cl.has_filters:
        return ""
    out = [
        '<nav id="changelist-filter" aria-labelledby="changelist-filter-header">\n'
        f'<h2 id="changelist-filter-header">{gettext("Filter")}</h2>\n'
    ]
    if cl.is_facets_optional or cl.has_active_filters:
        out.append('<div id="changelist-filter-extra-actions">\n')
        if cl.is_facets_optional:
            if cl.add_facets:
                link = f'<a href="{text(cl.remove_facet_link)}" class="hidelink">{gettext("Hide counts")}</a>'
            else:
                link = f'<a href="{text(cl.add_facet_link)}" class="viewlink">{gettext("Show counts")}</a>'
            out.append(f"<h3>\n{link}\n</h3>\n")
        if cl.has_active_filters:
            out.append(
                f'<h3>\n<a href="{text(cl.clear_all_filters_qs)}">&#10006; '
                f"{gettext('Clear all filters')}</a>\n</h3>\n"
            )
        out.append("</div>\n")
    for spec in cl.filter_specs:
        html = admin_render.filter_html(cl, spec)
        if html is None:
            return None
        out.append(html)
    out.append("</nav>\n")
    return "".join(out)


def changelist_html(ctx, request) -> str | None:
    """The whole list page, or ``None`` for Django's templates to draw it."""
    cl = ctx.get("cl")
    if (
        cl is None
        or ctx.get("is_popup")
        or ctx.get("is_nav_sidebar_enabled")
        or cl.formset is not None
        or not drawable(cl.model_admin)
    ):
        return None
    token = get_token(request)
    rows = admin_render.result_list_html(cl)
    filters = _filters(cl)
    if rows is None or filters is None:
        return None
    opts = cl.opts
    blocks = {}
    if drawable(cl.model_admin) == "own":
        blocks = cl.model_admin.list_page_blocks(ctx, request)
    action_form = ctx.get("action_form")
    actions_shown = bool(action_form) and cl.show_admin_actions
    result_list = []
    index = 0
    if actions_shown and ctx.get("actions_on_top"):
        result_list.append(_actions(ctx, cl, index))
        index += 1
    result_list.append(rows)
    if actions_shown and ctx.get("actions_on_bottom"):
        result_list.append(_actions(ctx, cl, index))
    media = ctx["media"]
    extrastyle = [
        f'<link rel="stylesheet" href="{static("staff/staff.css")}">\n'
        f'<link rel="stylesheet" href="{static("admin/css/changelists.css")}">\n'
    ]
    if action_form:
        extrastyle.append(f'<script src="{escape(_url("admin:jsi18n", request))}"></script>\n')
    extrastyle.append(f"{conditional_escape(media['css'])}\n")
    if not ctx.get("actions_on_top") and not ctx.get("actions_on_bottom"):
        extrastyle.append(
            "<style>\n#changelist table thead th:first-child {width: inherit}\n</style>\n"
        )
    extrastyle.append(blocks.get("extrastyle", ""))
    app_url = escape(_url("admin:app_list", request, app_label=opts.app_label))
    breadcrumbs = (
        f'<div class="breadcrumbs">\n<a href="{escape(_url("admin:index", request))}">'
        f'{gettext("Home")}</a>\n&rsaquo; <a href="{app_url}">'
        f"{text(opts.app_config.verbose_name)}</a>\n"
        f"&rsaquo; {text(capfirst(opts.verbose_name_plural))}\n</div>\n"
    )
    content = (
        '<div id="content-main">\n<ul class="object-tools">\n'
        f"{blocks.get('object_tools', '')}{_object_tools(ctx, request, cl)}</ul>\n"
        f'<div class="module{" filtered" if cl.has_filters else ""}" id="changelist">\n'
        '<div class="changelist-form-container">\n'
        f"{_search_form(cl)}"
        f"{_date_hierarchy(cl) if cl.date_hierarchy else ''}"
        '<form id="changelist-form" method="post" novalidate>'
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(token)}">\n'
        f"{''.join(result_list)}"
        f"{_pagination(cl)}"
        "</form>\n</div>\n"
        f"{filters}"
        "</div>\n</div>\n"
    )
    return page_html(
        ctx,
        request,
        token=token,
        title=page_title(ctx),
        extrastyle="".join(extrastyle),
        extrahead=(
            f"{conditional_escape(media['js'])}\n"
            f'<script src="{static("admin/js/filters.js")}" defer></script>\n'
        ),
        bodyclass=f" app-{text(opts.app_label)} model-{text(opts.model_name)} change-list",
        breadcrumbs=breadcrumbs,
        content=content,
        content_title=blocks.get("content_title"),
    )


class DrawnPage:
    """What a staff page's ``TemplateResponse`` renders: the page as ``draw(context, request)``
    draws it in Python, or Django's templates (``names``, as the view gave them) when it gives
    ``None`` (and always while ``drawn()`` is false: the tests compare the two)."""

    def __init__(self, names, draw, drawn):
        self.names, self.draw, self.drawn = names, draw, drawn

    def render(self, context=None, request=None):
        html = self.draw(context, request) if self.drawn() and request is not None else None
        if html is None:
            return select_template(self.names).render(context, request)
        return mark_safe(html)  # noqa: S308 - every value is escaped where it goes in


def staff_list_response(response, model_admin):
    """A change list view's response, with its page drawn by :class:`DrawnPage` when the
    admin keeps Django's list templates."""
    names = getattr(response, "template_name", None)
    if isinstance(names, str):
        names = [names]
    if (
        isinstance(names, list)
        and names == _list_templates(model_admin)
        and not getattr(response, "is_rendered", True)
    ):
        response.template_name = DrawnPage(names, changelist_html, lambda: DRAW)
    return response
