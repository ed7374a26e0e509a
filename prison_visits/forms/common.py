"""What the booking journey forms share: names, dates of birth, GOV.UK date fields."""

from __future__ import annotations

import functools
import re
from datetime import date

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.forms import GovukDateField  # noqa: F401 - re-exported

# ---------------------------------------------------------------- citizen journey forms
#
# The booking journey's steps (journeys.py) and the "check your visit" look-up. GOV.UK
# Design System markup through crispy-forms-gds; messages written per field.

NAME_MAX_LENGTH = 30
OLDEST_AGE = 120
PHONE_PATTERN = re.compile(r"^0\d{9,10}$")
#: Words that are not part of what tells prisons apart ("HMP Brixton" is "brixton").
PRISON_NAME_PREFIXES = frozenset({"hmp", "hmyoi", "hm", "yoi", "prison", "cef", "and", "the"})
CHOICE_FIELDS = ("choice_1", "choice_2", "choice_3")


def date_of_birth_check(
    value: date | None, *, whose: str, in_the_past: str = "", too_old: str = ""
) -> date | None:
    """A date of birth in the past and no more than 120 years ago.

    ``in_the_past`` and ``too_old`` are the whole messages in the page's language
    (``too_old`` with ``%(years)s``); without them, English ones are made from ``whose``."""
    if value is None:
        return None
    today = timezone.localdate()
    if value >= today:
        raise forms.ValidationError(in_the_past or f"{whose} date of birth must be in the past")
    try:
        earliest = today.replace(year=today.year - OLDEST_AGE)
    except ValueError:  # 29 February
        earliest = today.replace(year=today.year - OLDEST_AGE, day=28)
    if value < earliest:
        raise forms.ValidationError(
            too_old % {"years": OLDEST_AGE}
            if too_old
            else f"{whose} date of birth cannot be more than {OLDEST_AGE} years ago"
        )
    return value


def _name_field(label: str, required_message: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=NAME_MAX_LENGTH,
        error_messages={
            "required": required_message,
            "max_length": format_lazy(
                _("{label} must be {count} characters or fewer"), label=label, count=NAME_MAX_LENGTH
            ),
        },
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )


def _name_clean(value: str, label: str) -> str:
    value = " ".join((value or "").split())
    if "<" in value or ">" in value:
        raise forms.ValidationError(gettext("%(label)s must not include < or >") % {"label": label})
    return value


@functools.lru_cache(maxsize=4096)
def prison_name_key(text: str) -> str:
    """What tells one prison's name from another: "HMP/YOI Altcourse" → "altcourse".

    Kept per process (a pure function of the text): the prison question compares what was
    typed with every prison's names, on every page of the booking that checks it."""
    words = re.sub(r"[^0-9a-z]+", " ", (text or "").lower()).split()
    while words and words[0] in PRISON_NAME_PREFIXES:
        words = words[1:]
    return " ".join(words)
