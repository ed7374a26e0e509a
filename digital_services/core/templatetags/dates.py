"""``{% load dates %}``: GOV.UK-style dates and times (see ``core.dates``).

``{{ visit.slot_date|govuk_date }}`` → "5 December 2026";
``{{ visit.slot_date|govuk_date:"weekday" }}`` → "Saturday 5 December 2026";
``{{ slot.start|govuk_time }}`` → "2pm", "2:30pm", "midday";
``{{ payment.finished_at|govuk_datetime }}`` → "5 December 2026 at 8:18am" (UK time).
"""

from django import template

from digital_services.core.dates import date_format, datetime_format, time_format

register = template.Library()


def _weekday(arg: str) -> bool:
    if arg not in ("", "weekday"):
        raise template.TemplateSyntaxError(f'The only option is "weekday", not {arg!r}')
    return arg == "weekday"


# Text is passed through unchanged: a view may already have put the date into words.


@register.filter
def govuk_date(value, arg: str = "") -> str:
    weekday = _weekday(arg)
    return value if isinstance(value, str) else date_format(value, weekday=weekday)


@register.filter
def govuk_time(value) -> str:
    return value if isinstance(value, str) else time_format(value)


@register.filter
def govuk_datetime(value, arg: str = "") -> str:
    weekday = _weekday(arg)
    return value if isinstance(value, str) else datetime_format(value, weekday=weekday)
