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

from django.utils import dateformat, dates, timezone
from django.utils.formats import get_format
from django.utils.translation import get_language, gettext

from .memo import BoundedMemo

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
    # Django's dateformat.format, with the format worked out once (``formatted``): a list of
    # visits formats 50 dates.
    return formatted(value, "l j F Y" if weekday else "j F Y")


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


def django_date_format(value: date | datetime, format_name: str = "DATE_FORMAT") -> str:
    """Django's ``formats.date_format(value, format_name)``, the same text: what the admin shows
    for a date or datetime (``display_for_field`` and ``display_for_value``; a datetime already
    in local time). Django parses the format and looks up each month and "a.m."/"p.m." word
    again for every value, about 20 µs a date and 50 µs a datetime cell: 3 ms of a money claims
    list page. Here each format, in each language, is worked out once (``_compile``); a
    format with a letter not listed in ``_DATE_PIECES``/``_TIME_PIECES``, a time letter for a
    date, or anything but a date or datetime goes to Django."""
    return formatted(value, get_format(format_name))


def admin_date_display(value) -> str | None:
    """What the admin's ``display_for_field``/``display_for_value`` show for a date or a
    datetime (``DATE_FORMAT``/``DATETIME_FORMAT``, a datetime in local time) through
    ``django_date_format``; None for any other value (core/admin_render.py's list cells)."""
    if value.__class__ is datetime:
        return django_date_format(timezone.template_localtime(value), "DATETIME_FORMAT")
    if value.__class__ is date:
        return django_date_format(value, "DATE_FORMAT")
    return None


def formatted(value: date | datetime, fmt: str) -> str:
    """Django's ``dateformat.format(value, fmt)``, the same text (see ``django_date_format``)."""
    kind = type(value)
    compiled = _COMPILED.get_or_set((get_language(), fmt), lambda: _compile(fmt))
    if compiled is False or (kind is not datetime and (kind is not date or compiled[1])):
        return dateformat.format(value, fmt)
    words = compiled[2]
    return "".join(
        piece if piece.__class__ is str else piece(value, words) for piece in compiled[0]
    )


def _twelve(value) -> str:
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d}" if value.minute else str(hour)


def _a(value, words) -> str:
    return words["p.m."] if value.hour > 11 else words["a.m."]


#: Django's date letters (django/utils/dateformat.py), each given the value and the words of
#: the language it was compiled in.
_DATE_PIECES = {
    "d": lambda v, w: f"{v.day:02d}",
    "j": lambda v, w: str(v.day),
    "D": lambda v, w: w["D"][v.weekday()],
    "l": lambda v, w: w["l"][v.weekday()],
    "w": lambda v, w: str((v.weekday() + 1) % 7),
    "m": lambda v, w: f"{v.month:02d}",
    "n": lambda v, w: str(v.month),
    "F": lambda v, w: w["F"][v.month],
    "M": lambda v, w: w["M"][v.month],
    "N": lambda v, w: w["N"][v.month],
    "b": lambda v, w: w["b"][v.month],
    "E": lambda v, w: w["E"][v.month],
    "y": lambda v, w: f"{(v.year % 100):02d}",
    "Y": lambda v, w: f"{v.year:04d}",
}
#: Django's time letters that need no time zone.
_TIME_PIECES = {
    "a": _a,
    "A": lambda v, w: w["PM"] if v.hour > 11 else w["AM"],
    "f": lambda v, w: _twelve(v),
    "g": lambda v, w: str(v.hour % 12 or 12),
    "G": lambda v, w: str(v.hour),
    "h": lambda v, w: f"{(v.hour % 12 or 12):02d}",
    "H": lambda v, w: f"{v.hour:02d}",
    "i": lambda v, w: f"{v.minute:02d}",
    "s": lambda v, w: f"{v.second:02d}",
    "u": lambda v, w: f"{v.microsecond:06d}",
    "P": lambda v, w: (
        w["midnight"]
        if v.minute == 0 and v.hour == 0
        else w["noon"]
        if v.minute == 0 and v.hour == 12
        else f"{_twelve(v)} {_a(v, w)}"
    ),
}
_COMPILED = BoundedMemo(64)


def _compile(fmt: str):
    """(pieces, whether it has time letters, the words) for ``fmt`` in the active language,
    or False when Django must do it."""
    pieces, has_time = [], False
    for index, piece in enumerate(dateformat.re_formatchars.split(str(fmt))):
        if index % 2:
            if piece in _DATE_PIECES:
                pieces.append(_DATE_PIECES[piece])
            elif piece in _TIME_PIECES:
                pieces.append(_TIME_PIECES[piece])
                has_time = True
            else:
                return False
        elif piece:
            pieces.append(dateformat.re_escaped.sub(r"\1", piece))
    months = range(1, 13)
    words = {
        "F": {m: str(dates.MONTHS[m]) for m in months},
        "M": {m: str(dates.MONTHS_3[m]).title() for m in months},
        "N": {m: str(dates.MONTHS_AP[m]) for m in months},
        "b": {m: str(dates.MONTHS_3[m]) for m in months},
        "E": {m: str(dates.MONTHS_ALT[m]) for m in months},
        "l": {d: str(dates.WEEKDAYS[d]) for d in range(7)},
        "D": {d: str(dates.WEEKDAYS_ABBR[d]) for d in range(7)},
        **{word: gettext(word) for word in ("a.m.", "p.m.", "AM", "PM", "midnight", "noon")},
    }
    return pieces, has_time, words
