"""The crispy helper every GOV.UK form of ours is drawn with, and one made only when drawn.

Our pages write the ``<form>`` tag, the CSRF token and the buttons themselves, so a form's
helper only lays out its fields. ``form_helper`` is that helper; each service used to keep
a copy of it.

``lazy_form_helper`` makes it the first time anything reads it. The journey engine makes a
form for every stored answer of a draft on every page, only to check the answer (a question
page checks the answers before it, the check page all of them), and never draws those
forms: building crispy's layout objects for them was up to a fifth of that work (7-21% by
journey, measured eager against lazy). The one form a page draws builds its helper as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout
from django.utils.functional import LazyObject, SimpleLazyObject, empty


def form_helper(*fields) -> FormHelper:
    """A helper laying out ``fields`` (crispy layout objects or field names), or every field
    in the form's order when none are given."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True  # the page's own <form> has the token
    if fields:
        helper.layout = Layout(*fields)
    return helper


def lazy_form_helper(layout: Callable[[], Iterable]) -> FormHelper:
    """``form_helper(*layout())``, made the first time it is used.

    ``layout`` runs then, not now: it sees the form as it is when drawn (its fields and
    labels after the rest of ``__init__``), as crispy itself reads them when it draws.
    """
    return SimpleLazyObject(lambda: form_helper(*layout()))


def helper_of(form) -> FormHelper | None:
    """``form.helper`` itself (made now if it waited), or None: for code that checks its
    type, which a lazy helper hides."""
    helper = getattr(form, "helper", None)
    if isinstance(helper, LazyObject):
        if helper._wrapped is empty:
            helper._setup()
        return helper._wrapped
    return helper
