"""``{% summary_rows %}`` writes the rows the check pages' templates wrote, row for row."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from digital_services.core.templatetags.summary_lists import summary_rows

# The check page's loops as they were (templates/journeys/check.html before the tag).
WITH_CHANGE = Template(
    """{% load i18n %}{% for row in rows %}
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{{ row.key }}</dt>
            <dd class="govuk-summary-list__value">{{ row.value|linebreaksbr }}</dd>
            <dd class="govuk-summary-list__actions"><a class="govuk-link" href="{{ row.change_url }}">{% translate "Change" %}<span class="govuk-visually-hidden"> {{ row.hidden }}</span></a></dd>
          </div>
          {% endfor %}"""
)
PAIRS = Template(
    """{% for key, value in rows %}
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{{ key }}</dt>
                <dd class="govuk-summary-list__value">{{ value|linebreaksbr }}</dd>
              </div>
              {% endfor %}"""
)

VALUES = [
    'Dorothy <Smith> & "Co"',
    "1 Road\nLeeds\r\nLS1 1AA",
    mark_safe("<strong>safe</strong>\nline"),
    gettext_lazy("Yes"),
    None,
    "",
    "£1,234.56",
]


def _same(html: str) -> str:
    return re.sub(r">\s+<", "><", str(html)).strip()


@pytest.mark.parametrize("language", ["en", "cy"])
def test_rows_with_a_change_link_are_the_templates_markup(language):
    rows = [
        {
            "key": key,
            "value": value,
            "change_url": "/money-claims/claim/amount/?return=check&x=<1>",
            "hidden": f"hidden {key}",
        }
        for key, value in zip(
            ["Name", gettext_lazy("Address"), "A <b>", "D", "E", "F", "G"], VALUES, strict=True
        )
    ]
    with translation.override(language):
        expected = WITH_CHANGE.render(Context({"rows": rows}))
        ours = summary_rows(rows)
    assert _same(ours) == _same(expected)
    assert ours.count('class="govuk-summary-list__row"') == len(VALUES)
    if language == "cy":
        assert "Newid" in ours  # the Welsh "Change"


def test_rows_of_pairs_are_the_templates_markup():
    rows = [(f"Key {n} <i>", value) for n, value in enumerate(VALUES)]

    assert _same(summary_rows(rows)) == _same(PAIRS.render(Context({"rows": rows})))
    assert "govuk-summary-list__actions" not in summary_rows(rows)


# templates/lasting_power/_answers.html's rows, with the group's one Change link on each.
PAIRS_WITH_CHANGE = Template(
    """{% load i18n %}{% for key, value in rows %}
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">{{ key }}</dt>
        <dd class="govuk-summary-list__value">{{ value|linebreaksbr }}</dd>
        {% if change_url %}<dd class="govuk-summary-list__actions"><a class="govuk-link" href="{{ change_url }}">{% translate "Change" %}<span class="govuk-visually-hidden"> {{ key|lower }}</span></a></dd>{% endif %}
      </div>
      {% endfor %}"""
)


@pytest.mark.parametrize(
    "change_url", ["/lasting-power-of-attorney/1/questions/donor/?a=1&b=<2>", ""]
)
def test_rows_of_pairs_with_one_change_link_are_the_templates_markup(change_url):
    rows = [(f"Key {n} <I> Ä", value) for n, value in enumerate(VALUES)]

    expected = PAIRS_WITH_CHANGE.render(Context({"rows": rows, "change_url": change_url}))
    ours = summary_rows(rows, change_url=change_url)

    assert _same(ours) == _same(expected)
    assert ("govuk-summary-list__actions" in ours) == bool(change_url)


def test_no_rows_no_markup():
    assert summary_rows([]) == ""
