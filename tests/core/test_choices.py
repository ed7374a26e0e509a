"""Every model field's ``get_<field>_display`` gives what Django's own gives (core/choices.py)."""

from __future__ import annotations

from functools import partialmethod

import pytest
from django.apps import apps
from django.db.models import Model
from django.utils import translation

from digital_services.core import choices
from prison_visits.models import Visit

FIELDS = sorted(
    (
        (model, field)
        for model in apps.get_models(include_auto_created=True)
        for field in model._meta.concrete_fields
        if field.choices
    ),
    key=lambda mf: (mf[0]._meta.label, mf[1].name),
)
IDS = [f"{model._meta.label}.{field.name}" for model, field in FIELDS]


@pytest.mark.parametrize(("model", "field"), FIELDS, ids=IDS)
def test_the_display_is_djangos_for_every_choice_and_an_unknown_value(model, field):
    values = [key for key, _ in field.flatchoices] + ["not-a-choice", None]
    for language in ("en", "cy"):
        with translation.override(language):
            for value in values:
                instance = model()
                setattr(instance, field.attname, value)
                ours = getattr(instance, f"get_{field.name}_display")()
                assert ours == Model._get_FIELD_display(instance, field), (value, language)
                assert type(ours) is type(Model._get_FIELD_display(instance, field))


def test_every_default_display_is_the_faster_one():
    for model, field in FIELDS:
        method = model.__dict__.get(f"get_{field.name}_display")
        if isinstance(method, partialmethod):
            assert method.func is choices.get_field_display, (model, field.name)


def test_the_labels_follow_the_language():
    visit = Visit(status=Visit._meta.get_field("status").flatchoices[0][0])
    english = visit.get_status_display()
    with translation.override("cy"):
        welsh = visit.get_status_display()
    with translation.override("cy"):
        assert welsh == Model._get_FIELD_display(visit, Visit._meta.get_field("status"))
    assert english == Model._get_FIELD_display(visit, Visit._meta.get_field("status"))


def test_unhashable_choices_keep_djangos_way():
    from django.db import models

    field = models.CharField(choices=[(("a", "b"), "Pair")], max_length=5)
    field.name = field.attname = "pair"
    assert choices.choice_labels(field) is not None  # a tuple key is hashable
    field = models.JSONField(choices=[([1, 2], "List")])
    field.name = field.attname = "items"
    assert choices.choice_labels(field) is None


def test_choices_a_callable_gives_are_asked_for_each_time():
    """Django works a callable's choices out again on each call; so does the lookup."""
    from django.db import models

    offered = [("a", "Band A")]
    field = models.CharField(max_length=1, choices=lambda: list(offered))

    assert choices.choice_labels(field) == {"a": "Band A"}
    offered[:] = [("a", "Band A"), ("b", "Band B")]
    assert choices.choice_labels(field) == {"a": "Band A", "b": "Band B"}
