"""The escaping of markup drawn in Python gives what Django's gives: the same text of the
same type, for every kind of value a page escapes (digital_services/core/escaping.py)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import html as django_html
from django.utils import translation
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

from digital_services.core import escaping


class Marked:
    def __html__(self):
        return "<b>already markup</b>"


class Text(str):
    """A str subclass that is not safe: Django escapes it, so must we."""


VALUES = [
    "",
    "plain",
    'Tom & Jerry\'s <b>"shop"</b>',
    "Siân O’Brien > £1,000 & costs",
    Text("<i>subclass</i>"),
    mark_safe("<b>safe</b>"),
    SafeString("<i>safe & sound</i>"),
    gettext_lazy("Change"),
    gettext_lazy("Remove from sorting"),
    3,
    Decimal("12.50"),
    None,
    dt.date(2026, 12, 7),
    Marked(),
]
#: Test ids the same in every process (xdist compares them; a repr can hold an address).
IDS = [f"{number}-{type(value).__name__}" for number, value in enumerate(VALUES)]


@pytest.mark.parametrize("value", VALUES, ids=IDS)
@pytest.mark.parametrize("language", ["en", "cy"])
def test_conditional_escape_is_djangos(value, language):
    with translation.override(language):
        ours = escaping.conditional_escape(value)
        theirs = django_html.conditional_escape(value)
        assert str(ours) == str(theirs)
        assert type(ours) is type(theirs)


@pytest.mark.parametrize("value", VALUES, ids=IDS)
def test_escape_is_djangos(value):
    ours = escaping.escape(value)
    theirs = django_html.escape(value)
    # A lazy string stays lazy, as Django's keeps it: made text when it is used.
    assert isinstance(ours, Promise) == isinstance(theirs, Promise)
    with translation.override("cy"):
        assert str(ours) == str(theirs)
    if not isinstance(theirs, Promise):
        assert type(ours) is type(theirs) is SafeString


def test_text_with_every_special_character_is_escaped():
    assert escaping.conditional_escape("<a href=\"x\">'&'</a>") == (
        "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;"
    )
