"""A staff case page (the admin's change form) drawn in Python: Django's ``change_form.html``
and the templates around it, the same markup but for blank lines and indentation (issue #13).

As ``admin_page`` does for the lists: ``staff_form_response`` gives a change form's
``TemplateResponse`` a template object (:class:`ChangeFormPage`) that draws the page in Python
while every template it stands for is the one it was written from (:func:`drawable`): the
project's ``change_form.html`` and ``base_site.html`` over Django's ``change_form.html``,
``base_site.html`` and ``base.html``, with Django's ``submit_line.html``,
``change_form_object_tools.html``, ``prepopulated_fields_js.html``, ``includes/fieldset.html``
and ``edit_inline/tabular.html``, none overridden for the app or model. The fieldsets and
inlines are ``admin_render``'s and ``admin_inlines``'s, as the project's template draws them.
A popup, a form with errors (Django's error list templates), the nav sidebar or an inline of
another kind go to Django's templates. ``tests/core/test_admin_case_page.py`` draws every case
page both ways and pins the templates' sources.
"""

from __future__ import annotations

from django.contrib.admin.templatetags.admin_modify import prepopulated_fields_js, submit_row
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import quote
from django.middleware.csrf import get_token
from django.template.defaultfilters import truncatewords
from django.templatetags.static import static
from django.utils.text import capfirst
from django.utils.translation import gettext

from digital_services.core import admin_inlines, admin_render
from digital_services.core.admin_page import (
    DrawnPage,
    _url,
    page_html,
    page_title,
    template_drawn,
    text,
)
from digital_services.core.escaping import conditional_escape, escape

#: Set False to hand every case page to Django's templates (the tests compare the two).
DRAW = True

#: The admin's inclusion tags' and includes' templates on a case page (all Django's).
TAG_TEMPLATES = (
    "submit_line.html",
    "change_form_object_tools.html",
    "prepopulated_fields_js.html",
)


def _form_templates(model_admin, add: bool) -> list[str]:
    """The templates Django's ``render_change_form`` asks for."""
    template = model_admin.add_form_template if add else None
    template = template or model_admin.change_form_template
    if template:
        return [template] if isinstance(template, str) else list(template)
    app, model = model_admin.opts.app_label, model_admin.opts.model_name
    return [
        f"admin/{app}/{model}/change_form.html",
        f"admin/{app}/change_form.html",
        "admin/change_form.html",
    ]


def drawable(model_admin, add: bool) -> str:
    """Which template a case page is drawn from (``"ours"``, or ``"own"``: the admin's own
    template that extends the project's, whose blocks it draws with ``case_page_blocks``,
    named by ``case_page_drawn_from``), or ``""`` for Django's templates to draw it
    (``admin_page.template_drawn``); the fieldsets' template must be Django's too."""
    opts = model_admin.opts
    names = _form_templates(model_admin, add)
    known = template_drawn(
        model_admin,
        ("case page", opts.app_label, opts.model_name, tuple(names)),
        names,
        "change_form.html",
        blocks="case_page_blocks",
        drawn_from="case_page_drawn_from",
        tags=dict.fromkeys(TAG_TEMPLATES),
    )
    return known if admin_render.djangos_template(admin_render._FIELDSET_TEMPLATE) else ""


def _object_tools(ctx, request, opts) -> str:
    """Django's ``admin/change_form_object_tools.html``."""
    original = ctx.get("original")
    history = _url(
        f"admin:{opts.app_label}_{opts.model_name}_history",
        request,
        object_id=quote(original.pk),
    )
    out = (
        f'<li>\n<a href="{escape(add_preserved_filters(ctx, history))}" class="historylink">'
        f"{gettext('History')}</a>\n</li>\n"
    )
    if ctx.get("has_absolute_url"):
        out += (
            f'<li><a href="{text(ctx.get("absolute_url"))}" class="viewsitelink">'
            f"{gettext('View on site')}</a></li>\n"
        )
    return out


def _submit_row(ctx, request, opts) -> str:
    """Django's ``admin/submit_line.html`` (its ``submit_row`` tag's context)."""
    row = submit_row(ctx)
    out = ['<div class="submit-row">\n']
    if row["show_save"]:
        out.append(
            f'<input type="submit" value="{gettext("Save")}" class="default" name="_save">\n'
        )
    if row["show_save_as_new"]:
        out.append(f'<input type="submit" value="{gettext("Save as new")}" name="_saveasnew">\n')
    if row["show_save_and_add_another"]:
        out.append(
            f'<input type="submit" value="{gettext("Save and add another")}" name="_addanother">\n'
        )
    if row["show_save_and_continue"]:
        label = (
            gettext("Save and continue editing") if row["can_change"] else gettext("Save and view")
        )
        out.append(f'<input type="submit" value="{label}" name="_continue">\n')
    if row["show_close"]:
        changelist = _url(f"admin:{opts.app_label}_{opts.model_name}_changelist", request)
        out.append(
            f'<a href="{escape(add_preserved_filters(ctx, changelist))}" class="closelink">'
            f"{gettext('Close')}</a>\n"
        )
    original = ctx.get("original")
    if row["show_delete_link"] and original:
        delete = _url(
            f"admin:{opts.app_label}_{opts.model_name}_delete",
            request,
            object_id=quote(original.pk),
        )
        out.append(
            f'<a href="{escape(add_preserved_filters(ctx, delete))}" class="deletelink">'
            f"{gettext('Delete')}</a>\n"
        )
    out.append("</div>\n")
    return "".join(out)


def _inlines(ctx) -> str | None:
    out = []
    formsets = ctx.get("inline_admin_formsets") or []
    for index, inline_admin_formset in enumerate(formsets):
        name = inline_admin_formset.opts.template
        if name != admin_inlines.TABULAR or not admin_render.djangos_template(name):
            return None
        out.append(admin_inlines.tabular_html(inline_admin_formset, index == len(formsets) - 1))
        out.append("\n")
    return "".join(out)


def changeform_html(ctx, request, model_admin) -> str | None:
    """The whole case page, or ``None`` for Django's templates to draw it."""
    add = bool(ctx.get("add"))
    if (
        ctx.get("is_popup")
        or ctx.get("is_nav_sidebar_enabled")
        or ctx.get("errors")
        or ctx.get("to_field")
        or not drawable(model_admin, add)
    ):
        return None
    inlines = _inlines(ctx)
    if inlines is None:
        return None
    opts = ctx["opts"]
    token = get_token(request)
    blocks = {}
    if drawable(model_admin, add) == "own":
        blocks = model_admin.case_page_blocks(ctx, request, token)
    fieldsets = "".join(
        f"{admin_render.fieldset_html(fieldset, index)}\n"
        for index, fieldset in enumerate(ctx["adminform"])
    )
    tools = ""
    if ctx.get("change"):
        tools = (
            f'<ul class="object-tools">\n{blocks.get("object_tools", "")}'
            f"{_object_tools(ctx, request, opts)}</ul>\n"
        )
    enctype = 'enctype="multipart/form-data" ' if ctx.get("has_file_field") else ""
    action = f'action="{text(ctx["form_url"])}" ' if ctx.get("form_url") else ""
    submit = _submit_row(ctx, request, opts)
    model_name = text(opts.model_name)
    named = f'\n data-model-name="{model_name}"\n' if ctx.get("adminform") and add else ""
    found = prepopulated_fields_js(
        {
            "adminform": ctx.get("adminform"),
            "inline_admin_formsets": ctx.get("inline_admin_formsets") or [],
        }
    )
    content = (
        f'<div id="content-main">\n{tools}'
        f'<form {enctype}{action}method="post" id="{model_name}_form" novalidate>'
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(token)}">\n<div>\n'
        f"{submit if ctx.get('save_on_top') else ''}"
        f"{fieldsets}{inlines}{blocks.get('after_related_objects', '')}{submit}"
        '<script id="django-admin-form-add-constants"\n'
        f'src="{static("admin/js/change_form.js")}"{named}\nasync>\n</script>\n'
        '<script id="django-admin-prepopulated-fields-constants"\n'
        f'src="{static("admin/js/prepopulate_init.js")}"\n'
        f'data-prepopulated-fields="{text(found["prepopulated_fields_json"])}">\n</script>\n'
        "</div>\n</form></div>\n"
        f"{blocks.get('content_after', '')}"
    )
    changelist = ""
    plural = text(capfirst(opts.verbose_name_plural))
    if ctx.get("has_view_permission"):
        url = escape(_url(f"admin:{opts.app_label}_{opts.model_name}_changelist", request))
        changelist = f'<a href="{url}">{plural}</a>'
    else:
        changelist = plural
    if add:
        last = gettext("Add %(name)s") % {"name": text(opts.verbose_name)}
    else:
        last = conditional_escape(truncatewords(ctx.get("original"), 18))
    breadcrumbs = (
        f'<div class="breadcrumbs">\n<a href="{escape(_url("admin:index", request))}">'
        f'{gettext("Home")}</a>\n&rsaquo; <a href="'
        f'{escape(_url("admin:app_list", request, app_label=opts.app_label))}">'
        f"{text(opts.app_config.verbose_name)}</a>\n"
        f"&rsaquo; {changelist}\n&rsaquo; {last}\n</div>\n"
    )
    return page_html(
        ctx,
        request,
        token=token,
        title=page_title(ctx),
        extrastyle=(
            f'<link rel="stylesheet" href="{static("staff/staff.css")}">'
            f'<link rel="stylesheet" href="{static("admin/css/forms.css")}">'
            f"{blocks.get('extrastyle', '')}"
        ),
        extrahead=(
            f'\n<script src="{escape(_url("admin:jsi18n", request))}"></script>\n'
            f"{conditional_escape(ctx['media'])}\n"
        ),
        bodyclass=f" app-{text(opts.app_label)} model-{model_name} change-form",
        breadcrumbs=breadcrumbs,
        content=content,
        coltype="colM",
    )


def staff_form_response(response, model_admin):
    """A change form's response, with its page drawn by ``admin_page.DrawnPage`` when the admin
    keeps Django's templates."""
    names = getattr(response, "template_name", None)
    context = getattr(response, "context_data", None) or {}
    if isinstance(names, str):
        names = [names]
    if (
        isinstance(names, list)
        and names == _form_templates(model_admin, bool(context.get("add")))
        and not getattr(response, "is_rendered", True)
    ):
        response.template_name = DrawnPage(
            names,
            lambda context, request: changeform_html(context, request, model_admin),
            lambda: DRAW,
        )
    return response
