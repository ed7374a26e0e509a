"""The staff index page drawn in Python: the project's ``admin/index.html`` over Django's (the
staff's own work, the app list, the recent actions), in ``admin_page.page_html``'s frame, the
same markup but for blank lines and indentation (issue #13).

``StaffAdminSite.index`` gives its ``TemplateResponse`` :func:`index_page`, which draws the page
while ``admin/index.html`` is the project's over Django's and the frame's and app list's
templates are the ones drawn here, and otherwise renders Django's templates.
``tests/core/test_admin_page.py`` draws the index both ways for staff with different
permissions and pins the templates' sources.
"""

from __future__ import annotations

from django.middleware.csrf import get_token
from django.templatetags.static import static
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext

from digital_services.core import admin_app_list, admin_render
from digital_services.core.admin_page import _OURS, DrawnPage, _is, page_html, page_title, text

#: Set False to hand the index to Django's templates (the tests compare the two).
DRAW = True
TEMPLATE = "admin/index.html"


def drawable() -> bool:
    key = ("index page",)
    known = admin_render._templates.get(key)
    if known is None:
        known = (
            _is("index.html", [TEMPLATE], _OURS / "index.html")
            and _is("base_site.html", ["admin/base_site.html"], _OURS / "base_site.html")
            and _is("base.html", ["admin/base.html"], None)
            and admin_render.djangos_template(admin_app_list.APP_LIST_TEMPLATE)
        )
        admin_render._templates[key] = known
    return known


def _recent_actions(ctx, user) -> str:
    """Django's ``sidebar`` block of ``admin/index.html``: the user's last ten actions."""
    entries = ctx["log_entries"].filter(user__pk=user.pk)[:10]
    out = [
        '<div id="content-related">\n<div class="module" id="recent-actions-module">\n'
        f"<h2>{gettext('Recent actions')}</h2>\n<h3>{gettext('My actions')}</h3>\n"
    ]
    if not entries:
        out.append(f"<p>{gettext('None available')}</p>\n")
    else:
        out.append('<ul class="actionlist">\n')
        for entry in entries:
            css = (
                ("addlink" if entry.is_addition() else "")
                + ("changelink" if entry.is_change() else "")
                + ("deletelink" if entry.is_deletion() else "")
            )
            if entry.is_addition():
                said = gettext("Added:")
            elif entry.is_change():
                said = gettext("Changed:")
            elif entry.is_deletion():
                said = gettext("Deleted:")
            else:
                said = ""
            url = None if entry.is_deletion() else entry.get_admin_url()
            shown = text(entry.object_repr)
            what = f'<a href="{text(url)}">{shown}</a>' if url else shown
            kind = (
                text(capfirst(str(entry.content_type.name)))
                if entry.content_type
                else gettext("Unknown content")
            )
            out.append(
                f'<li class="{css}">\n<span class="visually-hidden">{said}</span>\n{what}\n'
                f'<br>\n<span class="mini quiet">{kind}</span>\n</li>\n'
            )
        out.append("</ul>\n")
    out.append("</div>\n</div>\n")
    return "".join(out)


def index_html(ctx, request) -> str | None:
    if ctx.get("is_popup") or ctx.get("is_nav_sidebar_enabled") or not drawable():
        return None
    user = request.user
    assisted = user.has_perm("assisted_digital.act_on_behalf")
    kpis = user.has_perm("accounts.view_kpis")
    content = ['<div id="content-main">\n']
    if assisted or kpis:
        content.append(
            '<div class="module" id="staff-work">\n<table>\n<caption>Your work</caption>\n'
        )
        if assisted:
            content.append(
                f'<tr><th scope="row"><a href="{text(reverse("assisted_digital:start"))}">'
                "Assisted digital: help someone use a service</a></th></tr>\n"
            )
        if kpis:
            content.append(
                f'<tr><th scope="row"><a href="{text(reverse("performance_staff:dashboard"))}">'
                "Service performance (KPIs)</a></th></tr>\n"
            )
        content.append("</table>\n</div>\n")
    app_list = ctx.get("app_list")
    if app_list or (not assisted and not kpis):
        content.append(
            admin_app_list.app_list_html(app_list, request.path, show_changelinks=True) + "\n"
        )
    content.append("</div>\n")
    content.append(_recent_actions(ctx, user))
    return page_html(
        ctx,
        request,
        token=get_token(request),
        title=page_title(ctx),
        extrastyle=(
            f'<link rel="stylesheet" href="{static("staff/staff.css")}">'
            f'<link rel="stylesheet" href="{static("admin/css/dashboard.css")}">'
        ),
        extrahead="",
        bodyclass=" dashboard",
        breadcrumbs=None,
        content="".join(content),
        coltype="colMS",
    )


def index_page() -> DrawnPage:
    """The template object for the index's ``TemplateResponse``."""
    return DrawnPage([TEMPLATE], index_html, lambda: DRAW)
