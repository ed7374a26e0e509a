"""A field's choice labels looked up in a dict kept on the field, not rebuilt on every call.

Django's ``get_<field>_display()`` rebuilds the field's whole choices on each call and makes
each of them hashable, which translates every lazy label of the field (one ``gettext`` per
choice) to show one of them. A staff list shows a status or a kind on every row, and the row
checkbox's label is the row's ``__str__``, which often shows one too: under cProfile it was
40% of drawing the fee list's rows (docs/performance.md, "Admin lists: a lighter table").

``install()`` (run by the core app's ``ready()``) gives every model field with choices whose
``get_<field>_display`` is Django's own a faster one with the same result: the label of the
value, translated now (the dict keeps the lazy labels, so the language is the request's), or
the value itself when it is not one of the choices. Choices whose keys cannot be put in a
dict (list-like ones) keep Django's way. ``tests/core/test_choices.py`` compares the two for
every choice of every model.
"""

from __future__ import annotations

from functools import partialmethod

from django.apps import apps
from django.db.models import Model
from django.utils.choices import CallableChoiceIterator
from django.utils.encoding import force_str

_DJANGOS = Model._get_FIELD_display
_UNHASHABLE = object()


def choice_labels(field) -> dict | None:
    """``{value: label}`` for ``field``'s choices (labels as declared, lazy or not), made once
    per field (each time for choices a callable gives, which Django asks again each time);
    None when the field has no choices or their values cannot be dict keys."""
    labels = field.__dict__.get("_choice_labels")
    if labels is None:
        flat = getattr(field, "flatchoices", None)
        try:
            labels = dict(flat) if flat else _UNHASHABLE
        except TypeError:
            labels = _UNHASHABLE
        if not isinstance(field.choices, CallableChoiceIterator):
            field.__dict__["_choice_labels"] = labels
    return None if labels is _UNHASHABLE else labels


def get_field_display(instance, field):
    """Django's ``Model._get_FIELD_display`` with the labels looked up in ``choice_labels``."""
    labels = choice_labels(field)
    if labels is None:
        return _DJANGOS(instance, field)
    value = getattr(instance, field.attname)
    try:
        label = labels.get(value, value)
    except TypeError:  # an unhashable value: Django makes it hashable
        return _DJANGOS(instance, field)
    return force_str(label, strings_only=True)


def install() -> None:
    """Give each model field with choices the faster ``get_<field>_display``, unless its
    model wrote its own."""
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if not field.choices:
                continue
            name = f"get_{field.name}_display"
            current = model.__dict__.get(name)
            if isinstance(current, partialmethod) and current.func is _DJANGOS:
                setattr(model, name, partialmethod(get_field_display, field=field))
