"""The admin index's app list written in Python: Django's ``admin/app_list.html``, byte for
byte (about 40 models, each row through the template engine, was two-thirds of the index's
CPU). ``tests/core/test_admin_render.py`` compares it, for staff who may see more or less and
with the current app and model marked, with what Django's template draws.
"""

from __future__ import annotations

from urllib.parse import quote as url_quote

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from digital_services.core.escaping import conditional_escape

APP_LIST_TEMPLATE = "admin/app_list.html"


def _current(url, path: str) -> bool:
    """``{% if url in request.path|urlencode %}``: False when there is no URL (None)."""
    return isinstance(url, str) and url in path


def _model_row(app_label: str, model: dict, path: str, show_changelinks: bool, words) -> str:
    """One model's row of ``admin/app_list.html`` (inside its ``{% with %}``); ``words`` are
    the translated link texts."""
    name = conditional_escape(model["object_name"].lower())
    label = conditional_escape(app_label)
    row_id = f"{label}-{name}"
    admin_url = model.get("admin_url")
    add_url = model.get("add_url")
    is_current = _current(admin_url, path)
    out = [
        f'\n            <tr class="model-{name}{" current-model" if is_current else ""}">'
        f'\n              <th scope="row" id="{row_id}">\n                '
    ]
    if admin_url:
        current = ' aria-current="page"' if is_current else ""
        out.append(
            f'\n                  <a href="{conditional_escape(admin_url)}"{current}>'
            f"{conditional_escape(model['name'])}</a>\n                "
        )
    else:
        out.append(f"\n                  {conditional_escape(model['name'])}\n                ")
    out.append("\n              </th>\n\n              ")
    if add_url:
        out.append(
            f'\n                <td><a href="{conditional_escape(add_url)}" class="addlink" '
            f'aria-describedby="{row_id}">{words["Add"]}</a></td>'
            "\n              "
        )
    else:
        out.append("\n                <td></td>\n              ")
    out.append("\n\n              ")
    if admin_url and show_changelinks:
        kind, word = ("viewlink", "View") if model.get("view_only") else ("changelink", "Change")
        out.append(
            f'\n                \n                  <td><a href="{conditional_escape(admin_url)}" '
            f'class="{kind}" aria-describedby="{row_id}">{words[word]}'
            "</a></td>\n                \n              "
        )
    elif show_changelinks:
        out.append("\n                <td></td>\n              ")
    out.append("\n            </tr>\n          ")
    return "".join(out)


def app_list_html(app_list, request_path: str, show_changelinks: bool = False) -> SafeString:
    """Django's ``admin/app_list.html`` for the admin index: every app's table of models with
    their add and change (or view) links, and the current app and model marked."""
    if not app_list:
        you_cannot = conditional_escape(
            gettext("You don’t have permission to view or edit anything.")
        )
        return mark_safe(f"\n\n\n  <p>{you_cannot}</p>\n\n")  # noqa: S308 - escaped
    path = url_quote(request_path)
    words = {
        word: conditional_escape(gettext(word))
        for word in ("Model name", "Add link", "Change or view list link", "Add", "View", "Change")
    }
    heads = [words["Model name"], words["Add link"], words["Change or view list link"]]
    out = ["\n\n\n  "]
    for app in app_list:
        label = conditional_escape(app["app_label"])
        name = conditional_escape(app["name"])
        title = gettext("Models in the %(name)s application") % {"name": name}
        current = " current-app" if _current(app["app_url"], path) else ""
        out.append(
            f'\n    <div class="app-{label} module{current}">\n      <table>\n        <caption>'
            f'\n          <a href="{conditional_escape(app["app_url"])}" class="section" '
            f'title="{title}">{name}</a>\n        </caption>'
            '\n        <thead class="visually-hidden">\n          <tr>'
            f'\n            <th scope="col">{heads[0]}</th>'
            f'\n            <th scope="col">{heads[1]}</th>'
            f'\n            <th scope="col">{heads[2]}</th>'
            "\n          </tr>\n        </thead>\n        "
        )
        for model in app["models"]:
            out.append("\n          ")
            out.append(_model_row(app["app_label"], model, path, show_changelinks, words))
            out.append("\n        ")
        out.append("\n      </table>\n    </div>\n  ")
    out.append("\n\n")
    return mark_safe("".join(out))  # noqa: S308 - every value escaped
