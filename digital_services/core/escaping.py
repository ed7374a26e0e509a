"""Django's ``escape`` and ``conditional_escape`` for markup drawn in Python, faster for text.

Both of Django's are wrapped by ``keep_lazy``, which looks at every argument for a lazy string
on each call: on a staff list page (a few hundred cells, each escaped) that check was most of
the escaping's cost. Here a plain ``str`` is escaped directly, the way Django's ``escape``
does it (``SafeString(html.escape(text))``); anything else (a safe string, a lazy string, a
number, ``None``, an object with ``__html__``) goes to Django's own, so every result is the same
text of the same type (tests/core/test_escaping.py compares them).
"""

from __future__ import annotations

from html import escape as _html_escape

from django.utils import html as django_html
from django.utils.safestring import SafeString


def escape(text) -> SafeString:
    """``django.utils.html.escape``."""
    if text.__class__ is str:
        return SafeString(_html_escape(text))
    return django_html.escape(text)


def conditional_escape(text) -> SafeString:
    """``django.utils.html.conditional_escape``: safe strings as they are, the rest escaped."""
    if text.__class__ is str:
        return SafeString(_html_escape(text))
    return django_html.conditional_escape(text)
