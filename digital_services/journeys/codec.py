"""How a step's answer is stored: JSON-safe values in, Python values out, and back to form data.

A draft keeps each step's *cleaned* answer, encoded so that ``json`` can store it:

- ``str``, ``int`` (money is always an ``int`` of pence), ``float``, ``bool`` and ``None``
  are stored as they are; lists and dicts are encoded item by item;
- ``date``, ``datetime``, ``time``, ``Decimal`` and ``UUID`` become a one-key dict tagged
  with the type, for example ``{"$date": "2026-03-05"}`` or ``{"$decimal": "12.50"}``;
- a model instance becomes ``{"$model": "app_label.model", "pk": 3}`` and a queryset
  (a ``ModelMultipleChoiceField`` answer) a list of those. Decoding looks the row up again
  and gives ``None`` if it has gone, so the step is asked again.

A form may replace all of this for its own answer by defining ``to_json(cleaned_data)``
and ``from_json(data)`` (static or class methods).

Stored answers are always revalidated through the step's form before they are used
(conditions, check your answers, submit), so a rule that depends on today (a date that
must be in the future) or on rows that have since changed is applied again.
``form_data_for`` turns stored values back into the POST-like data a bound form expects.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from django import forms
from django.apps import apps
from django.db import models
from django.forms.widgets import ChoiceWidget
from django.utils.datastructures import MultiValueDict


def json_encode(value: Any) -> Any:
    """A JSON-safe copy of ``value``; raises ``TypeError`` for a type it does not know."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    # datetime before date: a datetime is a date.
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dt.time):
        return {"$time": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, uuid.UUID):
        return {"$uuid": str(value)}
    if isinstance(value, models.Model):
        return {"$model": value._meta.label_lower, "pk": json_encode(value.pk)}
    if isinstance(value, models.QuerySet):
        return [json_encode(item) for item in value]
    if isinstance(value, dict):
        return {str(key): json_encode(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [json_encode(item) for item in value]
    raise TypeError(f"Cannot store a {type(value).__name__} in a journey draft")


def json_decode(value: Any) -> Any:
    """The Python value ``json_encode`` was given (model rows are fetched again)."""
    if isinstance(value, list):
        return [json_decode(item) for item in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        ((tag, raw),) = value.items()
        if tag == "$datetime":
            return dt.datetime.fromisoformat(raw)
        if tag == "$date":
            return dt.date.fromisoformat(raw)
        if tag == "$time":
            return dt.time.fromisoformat(raw)
        if tag == "$decimal":
            return Decimal(raw)
        if tag == "$uuid":
            return uuid.UUID(raw)
    if set(value) == {"$model", "pk"}:
        model = apps.get_model(value["$model"])
        return model._default_manager.filter(pk=json_decode(value["pk"])).first()
    return {key: json_decode(item) for key, item in value.items()}


def answer_encode(form_class: type[forms.BaseForm], cleaned_data: dict) -> dict:
    """The stored form of one form's cleaned data."""
    to_json = getattr(form_class, "to_json", None)
    if to_json is not None:
        return to_json(cleaned_data)
    return json_encode(dict(cleaned_data))


def answer_decode(form_class: type[forms.BaseForm], stored: dict) -> dict:
    """The Python values of one stored answer, used as a form's ``initial``."""
    from_json = getattr(form_class, "from_json", None)
    if from_json is not None:
        return from_json(stored)
    return json_decode(stored)


def form_data_for(form: forms.BaseForm, values: dict) -> MultiValueDict:
    """POST-like data that, bound to ``form``'s class, reproduces ``values``.

    Each field's ``prepare_value`` and widget ``format_value`` do the work, so a
    ``DateInputField`` comes back as day/month/year parts, a choice as its key, a
    model row as its primary key and a ``PenceField`` as pounds.
    """
    return fields_data_for(form.fields, values, form.add_prefix)


def bound_form_for(form_class, values: dict, make, *, prefix: str | None = None):
    """A bound form holding stored ``values``, made by ``make(data)`` (one form, not an
    unbound one to read the fields from as well).

    The form keeps the dict it is given, so its own fields write the data into it once it is
    made; while it is being made the dict holds what the class's declared fields give, for a
    form that reads its data as it builds itself (the possession upload's token). ``prefix``:
    the form's, if its keyword arguments give one (else the class's).
    """
    prefix = form_class.prefix if prefix is None else prefix
    data = fields_data_for(
        form_class.base_fields, values, lambda name: f"{prefix}-{name}" if prefix else name
    )
    form = make(data)
    fields_data_for(form.fields, values, form.add_prefix, data)
    return form


def fields_data_for(fields: dict, values: dict, add_prefix, data: MultiValueDict | None = None):
    """``form_data_for`` from a dict of fields (a form's, or its class's ``base_fields``),
    written into ``data`` (emptied first) when given."""
    if data is None:
        data = MultiValueDict()
    else:
        data.clear()
    for name, field in fields.items():
        if name not in values or field.disabled:
            continue
        _widget_data(field.widget, add_prefix(name), field.prepare_value(values[name]), data)
    return data


def _widget_data(widget: forms.Widget, key: str, value: Any, data: MultiValueDict) -> None:
    if isinstance(widget, forms.MultiWidget):
        parts = value if isinstance(value, (list, tuple)) else widget.decompress(value)
        for suffix, subwidget, part in zip(
            widget.widgets_names, widget.widgets, parts, strict=False
        ):
            _widget_data(subwidget, key + suffix, part, data)
    elif isinstance(widget, forms.CheckboxInput):
        if value:
            data[key] = "on"
    elif isinstance(widget, ChoiceWidget):
        if value is None:
            return
        items = value if isinstance(value, (list, tuple)) else [value]
        prepared = [str(item) for item in items if item is not None]
        if widget.allow_multiple_selected:
            data.setlist(key, prepared)
        elif prepared:
            data[key] = prepared[0]
    else:
        formatted = widget.format_value(value)
        if formatted is not None:
            data[key] = str(formatted)
