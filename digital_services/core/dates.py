"""Dates and times in GOV.UK style: the one place they become words.

"5 December 2026", "Saturday 5 December 2026", "8:18am", "5pm", "midday", "midnight",
"5 December 2026 at 8:18am". Never "Dec. 5, 2026", "05/12/2026" or "8:18 a.m.".
Pages use the filters in ``{% load dates %}`` (``govuk_date``, ``govuk_time``,
``govuk_datetime``); emails, letters, PDFs and admin columns call these functions.

An aware datetime is shown in the current time zone (Europe/London: GMT in winter,
BST in summer), so "the time on the clock" is what people read. Month and day names
follow the active language (Welsh pages get "Rhagfyr"); Django's own ``DATE_FORMAT``
and friends match, from ``digital_services/formats/<language>/formats.py``.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import dateformat, timezone
from django.utils.translation import get_language

_WORDS = {
    "en": {"midday": "midday", "midnight": "midnight", "at": "at", "am": "am", "pm": "pm"},
    # GOV.UK's Welsh style: "yb" (y bore) and "yh" (yr hwyr) for am and pm.
    "cy": {"midday": "canol dydd", "midnight": "canol nos", "at": "am", "am": "yb", "pm": "yh"},
}


def _words() -> dict[str, str]:
    language = (get_language() or "en").split("-")[0]
    return _WORDS.get(language, _WORDS["en"])


def _local(value: datetime) -> datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def date_format(value: date | datetime | None, *, weekday: bool = False) -> str:
    """ "5 December 2026" ("Saturday 5 December 2026" with ``weekday``); None → ""."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = _local(value)
    return dateformat.format(value, "l j F Y" if weekday else "j F Y")


def time_format(value: time | datetime | None) -> str:
    """ "8:18am", "5pm", "12:30pm", "12:30am", "midday", "midnight" (Welsh: "8:18yb", "5yh",
    "canol dydd"); None → ""."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = _local(value).time()
    if value.minute == 0 and value.hour in (0, 12):
        return _words()["midnight" if value.hour == 0 else "midday"]
    hour = value.hour % 12 or 12
    suffix = _words()["am" if value.hour < 12 else "pm"]
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def datetime_format(value: datetime | None, *, weekday: bool = False) -> str:
    """ "5 December 2026 at 8:18am", in the current time zone; None → ""."""
    if value is None or value == "":
        return ""
    value = _local(value)
    return f"{date_format(value, weekday=weekday)} {_words()['at']} {time_format(value)}"
