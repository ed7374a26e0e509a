"""Example answers for a journey step, generated from its form fields and checked by the form."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from digital_services.core.money import PenceField
from digital_services.journeys.codec import form_data_for
from digital_services.journeys.definitions import Answers, Step

from ..examples import Example


class ExampleDataError(AssertionError):
    """A step that the harness cannot answer: it needs an entry in tests/quality/examples.py."""


DATE_CANDIDATES_DAYS = (None, 14, 15, 16, 17, 18, 19, 20, 60, 1, -30, 0)


def _date_candidates() -> list[dt.date]:
    today = timezone.localdate()
    values = []
    for days in DATE_CANDIDATES_DAYS:
        values.append(dt.date(1980, 8, 13) if days is None else today + dt.timedelta(days=days))
    return values


def _text_candidates(name: str, field: forms.Field) -> list[str]:
    lowered = name.lower()
    values = []
    if "postcode" in lowered:
        values.append("SW1A 1AA")
    if any(word in lowered for word in ("phone", "mobile")):
        values.append("07700 900982")
    if "email" in lowered:
        values.append("person@example.com")
    values += ["Example", "Example text", "SW1A 1AA", "07700 900982", "A1234BC", "123456"]
    max_length = getattr(field, "max_length", None)
    if max_length:
        values = [v[:max_length] for v in values]
    return values


def field_candidates(name: str, form_field: forms.Field) -> list[Any]:
    """Python values to try, most likely valid first; ``OMIT`` leaves the field empty."""
    candidates: list[Any]
    if isinstance(form_field, forms.FileField):
        candidates = []
    elif isinstance(form_field, forms.BooleanField | forms.NullBooleanField):
        candidates = [True, False]
    elif isinstance(form_field, forms.ModelMultipleChoiceField):
        candidates = [[row] for row in form_field.queryset[:5]]
    elif isinstance(form_field, forms.ModelChoiceField):
        candidates = list(form_field.queryset[:5])
    elif isinstance(form_field, forms.ChoiceField):
        keys = [key for key, _label in _flat(form_field.choices) if key not in ("", None)]
        multiple = isinstance(form_field, forms.MultipleChoiceField)
        candidates = [[key] for key in keys] if multiple else keys
    elif isinstance(form_field, PenceField):
        candidates = [1000, 125050, 100]
    elif isinstance(form_field, forms.DateTimeField):
        candidates = [
            timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))
            for day in _date_candidates()
        ]
    elif isinstance(form_field, forms.DateField) or _is_date_input(form_field):
        candidates = _date_candidates()
    elif isinstance(form_field, forms.IntegerField):
        low = form_field.min_value if form_field.min_value is not None else 1
        candidates = [low, 1, 7, 10, 0, form_field.max_value]
    elif isinstance(form_field, forms.DecimalField | forms.FloatField):
        low = form_field.min_value if form_field.min_value is not None else 1
        candidates = [Decimal("8"), Decimal("1"), Decimal(str(low))]
    elif isinstance(form_field, forms.EmailField):
        candidates = ["person@example.com"]
    elif isinstance(form_field, forms.URLField):
        candidates = ["https://www.example.com/"]
    else:
        candidates = _text_candidates(name, form_field)
    candidates = [c for c in candidates if c is not None]
    if not form_field.required or not candidates:
        candidates.append(OMIT)
    return candidates


OMIT = object()


def _is_date_input(form_field: forms.Field) -> bool:
    return (
        isinstance(form_field, forms.MultiValueField)
        and any(isinstance(sub, forms.IntegerField | forms.CharField) for sub in form_field.fields)
        and len(form_field.fields) == 3
        and "date" in type(form_field).__name__.lower()
    )


def _flat(choices):
    for key, label in choices:
        if isinstance(label, list | tuple):
            yield from _flat(label)
        else:
            yield key, label


def data_dict(data: MultiValueDict | dict) -> dict[str, str | list[str]]:
    """Plain POST data: one string per name, or a list where a name has several values."""
    if isinstance(data, MultiValueDict):
        return {k: (v[0] if len(v) == 1 else v) for k, v in data.lists()}
    return dict(data)


def _generate(step: Step, answers: Answers) -> tuple[dict, dict]:
    probe = step.make_form(answers)
    names = list(probe.fields)
    candidates = {name: field_candidates(name, probe.fields[name]) for name in names}
    unanswerable = [name for name, values in candidates.items() if values == [OMIT]]
    if unanswerable and any(probe.fields[n].required for n in unanswerable):
        raise ExampleDataError(
            f"Step {step.slug!r}: the harness cannot make up a value for "
            f"{', '.join(unanswerable)}: give it an example in tests/quality/examples.py"
        )
    choice = dict.fromkeys(names, 0)
    errors: dict = {}
    for _attempt in range(40):
        values = {
            n: candidates[n][choice[n]] for n in names if candidates[n][choice[n]] is not OMIT
        }
        data = form_data_for(probe, values)
        form = step.make_form(answers, data=data)
        if form.is_valid():
            return data_dict(data), form.cleaned_data
        errors = form.errors.get_json_data()
        bad = [n for n in errors if n in candidates] or (
            names if NON_FIELD_ERRORS in errors else []
        )
        advanced = False
        for name in bad:
            if choice[name] + 1 < len(candidates[name]):
                choice[name] += 1
                advanced = True
                if NON_FIELD_ERRORS in errors:
                    break  # one field at a time when the whole form objects
        if not advanced:
            break
    messages = "; ".join(f"{k}: {v[0]['message']}" for k, v in errors.items())
    raise ExampleDataError(
        f"Step {step.slug!r} of {step.title!r}: no made-up answer is valid ({messages}). "
        "Give it an example (valid POST data) in tests/quality/examples.py"
    )


def _validate_example(step: Step, answers: Answers, data: dict) -> dict:
    form = step.make_form(answers, data=MultiValueDict(_as_lists(data)))
    if not form.is_valid():
        raise ExampleDataError(
            f"Step {step.slug!r}: its example is not valid: {form.errors.get_json_data()}"
        )
    return form.cleaned_data


def _as_lists(data: dict) -> dict[str, list[str]]:
    return {k: list(v) if isinstance(v, list | tuple) else [v] for k, v in data.items()}


def step_example(
    step: Step, answers: Answers, example: Example | None = None
) -> list[tuple[dict, dict]]:
    """Valid POST data for a step, with the cleaned data it gives: one pair, or for a
    repeating step one pair per item to add (at least ``min_items``, at least one).
    ``example`` is the step's entry in tests/quality/examples.py; without one the data
    is made up from the form's fields."""
    if callable(example):
        example = example(answers)
    if example is None:
        count = max(getattr(step, "min_items", 0), 1) if step.repeating else 1
        return [_generate(step, answers) for _ in range(count)]
    items = example if isinstance(example, list) else [example]
    if not step.repeating and len(items) != 1:
        raise ExampleDataError(f"Step {step.slug!r}: a list example needs a RepeatingStep")
    return [(dict(item), _validate_example(step, answers, dict(item))) for item in items]
