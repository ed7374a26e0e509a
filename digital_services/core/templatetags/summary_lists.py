"""The rows of a GOV.UK summary list, written in Python.

A check-your-answers page has a row for every answer (the money claim response's has over a
hundred), and each row drawn through the template language cost about 40 µs of CPU: most of
the page after validating the answers (docs/performance.md). ``{% summary_rows rows %}`` gives
the markup the templates wrote, row for row (tests/core/test_summary_lists.py compares them):

- ``rows`` of dicts with ``key``, ``value``, ``change_url`` and ``hidden``: a row with its
  Change link (``hidden`` is the link's visually hidden text);
- ``rows`` of ``(key, value)`` pairs: a row with no action, or with ``change_url=`` a Change
  link on each row to that URL, its hidden text the key in lower case.

A value keeps its line breaks (``linebreaksbr``); everything is escaped as the templates did.
"""

from __future__ import annotations

from django import template
from django.template.defaultfilters import linebreaksbr, lower
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from digital_services.core.escaping import conditional_escape

register = template.Library()

_ROW = (
    '<div class="govuk-summary-list__row">'
    '<dt class="govuk-summary-list__key">{key}</dt>'
    '<dd class="govuk-summary-list__value">{value}</dd>'
    "{actions}"
    "</div>"
)
_ACTIONS = (
    '<dd class="govuk-summary-list__actions"><a class="govuk-link" href="{url}">{change}'
    '<span class="govuk-visually-hidden"> {hidden}</span></a></dd>'
)


@register.simple_tag
def summary_rows(rows, change_url=None) -> str:
    change = None
    out = []
    for row in rows:
        if isinstance(row, dict):
            if change is None:
                change = conditional_escape(gettext("Change"))
            key, value = row["key"], row["value"]
            actions = _ACTIONS.format(
                url=conditional_escape(row["change_url"]),
                change=change,
                hidden=conditional_escape(row["hidden"]),
            )
        else:
            key, value = row
            actions = ""
            if change_url:
                if change is None:
                    change = conditional_escape(gettext("Change"))
                actions = _ACTIONS.format(
                    url=conditional_escape(change_url),
                    change=change,
                    hidden=conditional_escape(lower(key)),
                )
        out.append(
            _ROW.format(
                key=conditional_escape(key),
                value=linebreaksbr(value, autoescape=True),
                actions=actions,
            )
        )
    return mark_safe("".join(out))  # noqa: S308 - every part escaped above
