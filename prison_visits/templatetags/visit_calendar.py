"""The booking journey's calendar of visiting times, written in Python.

The time question shows each month of the booking window as a table: a cell a day, with that
day's times and why a time or a day cannot be chosen. Through the template language its loops
(about 40 cells, each with its times) cost about 2 ms of the page's 15 in process.
``{% visit_calendar form %}``
writes the same text the template's loop wrote (tests/prison_visits/test_visit_calendar.py
renders both and compares them), from ``SlotChoiceForm.calendar()`` and ``weekdays``.
"""

from __future__ import annotations

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.safestring import SafeString, mark_safe

from digital_services.core.escaping import conditional_escape

register = template.Library()


@register.simple_tag
def visit_calendar(form) -> SafeString:
    headers = "".join(
        f'<th scope="col" class="govuk-table__header"><abbr title="{conditional_escape(long)}">'
        f"{conditional_escape(short)}</abbr></th>"
        for short, long in form.weekdays
    )
    return mark_safe(  # noqa: S308 - every value escaped
        "".join(
            '\n<table class="govuk-table app-calendar">\n'
            '  <caption class="govuk-table__caption govuk-table__caption--s">'
            f"{conditional_escape(date_filter(month['first_day'], 'F Y'))}</caption>\n"
            '  <thead class="govuk-table__head">\n'
            '    <tr class="govuk-table__row">\n'
            f"      {headers}\n"
            "    </tr>\n"
            "  </thead>\n"
            '  <tbody class="govuk-table__body">\n'
            "    " + "".join(_week(week) for week in month["weeks"]) + "\n"
            "  </tbody>\n"
            "</table>\n"
            for month in form.calendar()
        )
    )


def _week(week: list) -> str:
    return (
        '\n    <tr class="govuk-table__row">\n      '
        + "".join(_day(day) for day in week)
        + "\n    </tr>\n    "
    )


def _day(day: dict | None) -> str:
    if not day:
        return '\n      \n      <td class="govuk-table__cell app-calendar__empty"></td>\n      \n      '
    if day["available"]:
        state = " app-calendar__day--available"
    elif not day["in_window"]:
        state = " app-calendar__day--outside"
    else:
        state = ""
    label = conditional_escape(day["label"])
    times = ""
    if day["in_window"]:
        if day["slots"]:
            items = "".join(
                f"<li>{conditional_escape(slot['text'])}"
                + (
                    ""
                    if slot["available"]
                    else f": {conditional_escape(str(slot['note']).lower())}"
                )
                + "</li>"
                for slot in day["slots"]
            )
            shown = (
                '\n        <ul class="app-calendar__times">\n'
                f"          {items}\n"
                "        </ul>\n        "
            )
        elif day["note"]:
            shown = f'<span class="govuk-body-s">{conditional_escape(day["note"])}</span>'
        else:
            shown = ""
        times = f"\n        {shown}\n        "
    return (
        f'\n      \n      <td class="govuk-table__cell{state}">\n'
        '        <span class="app-calendar__number"><span aria-hidden="true">'
        f'{day["date"].day}</span><span class="govuk-visually-hidden">{label}</span></span>\n'
        f'        <span class="app-calendar__label" aria-hidden="true">{label}</span>\n'
        f"        {times}\n"
        "      </td>\n      \n      "
    )
