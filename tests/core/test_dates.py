"""Dates and times in GOV.UK style (``digital_services.core.dates`` and the formats module)."""

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.template import Context, Template, TemplateSyntaxError
from django.utils import formats, translation

from digital_services.core.dates import date_format, datetime_format, time_format

UTC = dt.UTC
LONDON = ZoneInfo("Europe/London")
ROOT = Path(settings.BASE_DIR)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (dt.time(0, 0), "midnight"),
        (dt.time(0, 30), "12:30am"),
        (dt.time(8, 0), "8am"),
        (dt.time(8, 18), "8:18am"),
        (dt.time(11, 59), "11:59am"),
        (dt.time(12, 0), "midday"),
        (dt.time(12, 30), "12:30pm"),
        (dt.time(17, 0), "5pm"),
        (dt.time(17, 30), "5:30pm"),
        (dt.time(23, 5), "11:05pm"),
    ],
)
def test_time_format_is_gov_uk_style(value, shown):
    assert time_format(value) == shown


def test_date_format_is_day_month_year_in_words():
    assert date_format(dt.date(2026, 12, 5)) == "5 December 2026"
    assert date_format(dt.date(2026, 12, 5), weekday=True) == "Saturday 5 December 2026"
    assert date_format(None) == ""
    assert time_format(None) == ""
    assert datetime_format(None) == ""


def test_an_aware_datetime_is_shown_on_the_uk_clock_in_summer_and_winter():
    summer = dt.datetime(2026, 7, 5, 7, 18, tzinfo=UTC)  # BST: 8:18am in London
    winter = dt.datetime(2026, 12, 5, 8, 18, tzinfo=UTC)  # GMT: the same as UTC
    assert datetime_format(summer) == "5 July 2026 at 8:18am"
    assert datetime_format(winter) == "5 December 2026 at 8:18am"
    assert time_format(summer) == "8:18am"


def test_the_date_of_an_aware_datetime_is_the_uk_date():
    # 11:30pm UTC on 30 June is 12:30am on 1 July in London (BST).
    late = dt.datetime(2026, 6, 30, 23, 30, tzinfo=UTC)
    assert date_format(late) == "1 July 2026"
    assert datetime_format(late) == "1 July 2026 at 12:30am"
    assert datetime_format(dt.datetime(2026, 12, 5, 12, 0, tzinfo=LONDON)) == (
        "5 December 2026 at midday"
    )


def test_welsh_dates_use_welsh_words():
    with translation.override("cy"):
        assert date_format(dt.date(2026, 12, 5)) == "5 Rhagfyr 2026"
        assert time_format(dt.time(12, 0)) == "canol dydd"
        assert time_format(dt.time(0, 0)) == "canol nos"
        assert time_format(dt.time(8, 18)) == "8:18yb"
        assert time_format(dt.time(17, 0)) == "5yh"
        assert date_format(dt.date(2026, 12, 5), weekday=True) == "Dydd Sadwrn 5 Rhagfyr 2026"


def test_the_template_filters():
    template = Template(
        "{% load dates %}{{ d|govuk_date }}|{{ d|govuk_date:'weekday' }}|"
        "{{ t|govuk_time }}|{{ when|govuk_datetime }}|{{ nothing|govuk_date }}"
    )
    context = Context(
        {
            "d": dt.date(2026, 12, 5),
            "t": dt.time(14, 0),
            "when": dt.datetime(2026, 7, 5, 11, 0, tzinfo=UTC),
            "nothing": None,
        }
    )
    assert template.render(context) == (
        "5 December 2026|Saturday 5 December 2026|2pm|5 July 2026 at midday|"
    )


def test_the_date_filters_pass_words_through():
    template = Template("{% load dates %}{{ d|govuk_date }}|{{ d|govuk_time }}")
    assert template.render(Context({"d": "Tuesday 1 December 2026"})) == (
        "Tuesday 1 December 2026|Tuesday 1 December 2026"
    )


def test_the_date_filters_refuse_an_unknown_option():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load dates %}{{ d|govuk_date:'short' }}").render(
            Context({"d": dt.date(2026, 12, 5)})
        )


@pytest.mark.parametrize("language", ["en", "en-gb"])
def test_djangos_own_formats_are_gov_uk_style(language):
    """What the admin's date columns and ``{{ value|date }}`` show (the formats module)."""
    when = dt.datetime(2026, 12, 10, 8, 18, tzinfo=UTC)
    with translation.override(language):
        assert formats.date_format(when.date()) == "10 December 2026"  # not "Dec. 10, 2026"
        assert formats.date_format(when, "DATETIME_FORMAT") == "10 December 2026 at 8:18am"
        assert formats.time_format(dt.time(8, 18)) == "8:18am"  # not "8:18 a.m."
        assert formats.time_format(dt.time(17, 0)) == "5pm"
        assert formats.date_format(when.date(), "SHORT_DATE_FORMAT") == "10 Dec 2026"
        assert formats.localize(when.date()) == "10 December 2026"


def test_the_admin_shows_a_datetime_column_in_gov_uk_style():
    from django.contrib.admin.utils import display_for_field
    from django.db import models

    when = dt.datetime(2026, 7, 5, 7, 18, tzinfo=UTC)
    with translation.override("en"):
        shown = display_for_field(when, models.DateTimeField(), "-")
    assert shown == "5 July 2026 at 8:18am"


#: Dates written by hand: |date/|time with a format of their own (ISO "c", "F Y" and
#: "l j F" are GOV.UK already), and strftime day-month words, numeric dates or 12-hour clocks.
_NOT_GOV_UK = re.compile(
    r"""\|time:|\|date:["'](?!c["']|F Y["']|l j F["'])|"""
    r"""%-?d %[bB]|%d/%m/%[Yy]|%I:%M|%p\b|"""
    r"""formats\.(?:date|time)_format\(|utils\.formats import (?:date|time)_format"""
)


def test_no_page_email_or_admin_module_formats_dates_by_hand():
    offenders = []
    for top in (
        "digital_services",
        "prison_visits",
        "tribunal_fees",
        "assisted_digital",
        "templates",
    ):
        for path in (ROOT / top).rglob("*"):
            if path.suffix not in {".py", ".html", ".txt"} or "migrations" in path.parts:
                continue
            if path.name in {"demo.py", "dates.py"} or "formats" in path.parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                machine = "csv" in line.lower() or "strptime" in line  # spreadsheets, parsing
                if _NOT_GOV_UK.search(line) and not machine:
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


# django_date_format: Django's formats.date_format, the same text, worked out once per format.

_EVERY_LETTER = r"d j D l w m n F M N b E y Y \a\t a A f g G h H i s u P"
_FORMAT_NAMES = [
    "DATE_FORMAT",
    "DATETIME_FORMAT",
    "SHORT_DATE_FORMAT",
    "SHORT_DATETIME_FORMAT",
    "YEAR_MONTH_FORMAT",
    "MONTH_DAY_FORMAT",
]


def _datetimes():
    """Every hour and a spread of minutes, every month and weekday, years of 1 to 4 digits."""
    values = []
    for n, year in enumerate((1, 9, 99, 999, 2026, 9999)):
        for month in range(1, 13):
            for hour in range(24):
                for minute in (0, 1, 9, 10, 30, 59):
                    day = 1 + (month * 7 + hour + n) % 28
                    values.append(
                        dt.datetime(year, month, day, hour, minute, minute // 2, 123 * hour)
                    )
    return values


@pytest.mark.parametrize("language", ["en", "cy"])
def test_django_date_format_is_djangos_for_every_format_of_the_project(language):
    from digital_services.core.dates import django_date_format

    values = _datetimes()
    with translation.override(language):
        for name in _FORMAT_NAMES:
            for value in values:
                if name.endswith("DATETIME_FORMAT"):
                    assert django_date_format(value, name) == formats.date_format(value, name)
                    aware = value.replace(year=2026, tzinfo=LONDON)
                    assert django_date_format(aware, name) == formats.date_format(aware, name)
                else:
                    day = value.date()
                    assert django_date_format(day, name) == formats.date_format(day, name)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_django_date_format_is_djangos_for_every_letter_it_knows(language):
    from django.utils import dateformat

    from digital_services.core import dates

    date_letters = "d j D l w m n F M N b E y Y"
    with translation.override(language):
        assert dates._compile(_EVERY_LETTER) is not False  # not handed to Django
        for value in _datetimes():
            assert dates.formatted(value, _EVERY_LETTER) == dateformat.format(value, _EVERY_LETTER)
            day = value.date()
            assert dates.formatted(day, date_letters) == dateformat.format(day, date_letters)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_date_format_is_djangos_dateformat_of_its_format(language):
    """``date_format`` goes through the compiled formats: the same words as Django's."""
    from django.utils import dateformat

    from digital_services.core.dates import date_format

    with translation.override(language):
        for value in _datetimes():
            for day in (value, value.date()):
                assert date_format(day) == dateformat.format(day, "j F Y")
                assert date_format(day, weekday=True) == dateformat.format(day, "l j F Y")


@pytest.mark.parametrize(
    "letters", ["jS F Y", "e", "T", "O", "Z", "I", "U", "c", "r", "L", "t", "W", "o", "z"]
)
def test_django_date_format_hands_letters_it_does_not_know_to_django(letters):
    from django.utils import dateformat

    from digital_services.core import dates

    value = dt.datetime(2026, 3, 29, 1, 30, tzinfo=LONDON)
    assert dates._compile(letters) is False
    assert dates.formatted(value, letters) == dateformat.format(value, letters)


def test_django_date_format_refuses_a_time_letter_for_a_date_as_django_does():
    from digital_services.core.dates import django_date_format

    with pytest.raises(TypeError, match="time-related"):
        formats.date_format(dt.date(2026, 12, 6), "DATETIME_FORMAT")
    with pytest.raises(TypeError, match="time-related"):
        django_date_format(dt.date(2026, 12, 6), "DATETIME_FORMAT")
