"""Working out where a draft stands: which steps apply, which are answered, what comes next.

Nothing here touches the database or the request. ``journey_evaluate`` walks the steps
in order, skips the ones whose condition is false, and revalidates every stored answer
through its form; every page of the journey is decided from the result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django import forms
from django.db import models
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.dates import date_format, datetime_format
from digital_services.core.money import PenceField, pence_format

from .codec import answer_decode, form_data_for
from .definitions import Answers, Journey, RepeatingStep, Section, Step

SKIPPED = "skipped"
MISSING = "missing"
INVALID = "invalid"
VALID = "valid"

NOT_STARTED = "not-started"
IN_PROGRESS = "in-progress"
COMPLETED = "completed"
SECTION_STATUS_LABELS = {
    NOT_STARTED: _("Not started"),
    IN_PROGRESS: _("In progress"),
    COMPLETED: _("Completed"),
}


@dataclass
class StepState:
    section: Section | None
    step: Step
    status: str
    # Cleaned answer: a dict, or for a repeating step a list of dicts.
    value: Any = None
    # Repeating steps: each stored item's cleaned data, or None where it is invalid.
    items: list[dict | None] = field(default_factory=list)

    @property
    def applies(self) -> bool:
        return self.status != SKIPPED

    @property
    def needs_answer(self) -> bool:
        return self.status in (MISSING, INVALID)


@dataclass
class SectionState:
    section: Section
    status: str
    steps: list[StepState]

    @property
    def status_label(self) -> str:
        return SECTION_STATUS_LABELS[self.status]


def item_validate(step: Step, stored_item: Any, answers: Answers) -> dict | None:
    """One form's cleaned data from its stored answer, or None if it is no longer valid."""
    if not isinstance(stored_item, dict):
        return None
    try:
        values = answer_decode(step.form_class, stored_item)
    except (ValueError, TypeError, LookupError):
        return None
    probe = step.make_form(answers)
    form = step.make_form(answers, data=form_data_for(probe, values))
    if not form.is_valid():
        return None
    return form.cleaned_data


def stored_items(stored: Any) -> list:
    if isinstance(stored, dict) and isinstance(stored.get("items"), list):
        return stored["items"]
    return []


def items_confirmed(stored: Any) -> bool:
    return isinstance(stored, dict) and stored.get("complete") is True


def _state_for(section, step, stored, answers) -> StepState:
    if stored is None:
        return StepState(section=section, step=step, status=MISSING)
    if isinstance(step, RepeatingStep):
        items = [item_validate(step, item, answers) for item in stored_items(stored)]
        count = len(items)
        valid = (
            items_confirmed(stored)
            and all(item is not None for item in items)
            and count >= step.min_items
            and (step.max_items is None or count <= step.max_items)
        )
        if valid:
            return StepState(section=section, step=step, status=VALID, value=items, items=items)
        if not items and not items_confirmed(stored):
            return StepState(section=section, step=step, status=MISSING, items=items)
        return StepState(section=section, step=step, status=INVALID, items=items)
    cleaned = item_validate(step, stored, answers)
    if cleaned is None:
        return StepState(section=section, step=step, status=INVALID)
    return StepState(section=section, step=step, status=VALID, value=cleaned)


@dataclass
class Evaluation:
    journey: Journey
    states: list[StepState]
    answers: Answers
    stored: dict

    def state(self, slug: str) -> StepState | None:
        return next((s for s in self.states if s.step.slug == slug), None)

    def _scope(self, section: Section | None) -> list[StepState]:
        if section is None:
            return self.states
        return [s for s in self.states if s.section is section]

    def first_to_answer(self, section: Section | None = None) -> StepState | None:
        """The first applicable step (of the section, if given) without a valid answer."""
        return next((s for s in self._scope(section) if s.needs_answer), None)

    def blocking_step(self, slug: str) -> StepState | None:
        """The first earlier applicable step (same section) that needs an answer, if any."""
        state = self.state(slug)
        for earlier in self._scope(state.section if state else None):
            if earlier.step.slug == slug:
                return None
            if earlier.needs_answer:
                return earlier
        return None

    def previous_step(self, slug: str) -> StepState | None:
        state = self.state(slug)
        previous = None
        for candidate in self._scope(state.section if state else None):
            if candidate.step.slug == slug:
                return previous
            if candidate.applies:
                previous = candidate
        return None

    def next_step(self, slug: str) -> StepState | None:
        state = self.state(slug)
        seen = False
        for candidate in self._scope(state.section if state else None):
            if seen and candidate.applies:
                return candidate
            if candidate.step.slug == slug:
                seen = True
        return None

    def last_applicable(self) -> StepState | None:
        applicable = [s for s in self.states if s.applies]
        return applicable[-1] if applicable else None

    def sections(self) -> list[SectionState]:
        result = []
        for section in self.journey.sections:
            steps = self._scope(section)
            applicable = [s for s in steps if s.applies]
            if all(s.status == VALID for s in applicable):
                status = COMPLETED
            elif any(self.stored.get(s.step.slug) is not None for s in applicable):
                status = IN_PROGRESS
            else:
                status = NOT_STARTED
            result.append(SectionState(section=section, status=status, steps=steps))
        return result

    @property
    def is_complete(self) -> bool:
        """True when the final check (and submit) may open."""
        if self.journey.has_task_list:
            return all(s.status == COMPLETED for s in self.sections() if s.section.required)
        return self.first_to_answer() is None


def journey_evaluate(journey: Journey, stored: dict | None) -> Evaluation:
    """Revalidate every stored answer, in order, with the conditions applied."""
    stored = stored or {}
    answers = Answers()
    states = []
    for section, step in journey.all_steps():
        if not step.applies(answers):
            states.append(StepState(section=section, step=step, status=SKIPPED))
            continue
        state = _state_for(section, step, stored.get(step.slug), answers)
        if state.status == VALID:
            answers[step.slug] = state.value
        states.append(state)
    return Evaluation(journey=journey, states=states, answers=answers, stored=stored)


# Check your answers -----------------------------------------------------------------


def display_value(form_field: forms.Field, value: Any) -> str:
    """An answer as the user should read it back."""
    if value is None or value == "" or value == [] or value == ():
        return gettext("Not provided")
    if isinstance(form_field, PenceField):
        return pence_format(value)
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, models.QuerySet):
        value = list(value)
    if isinstance(value, list | tuple):
        return "\n".join(display_value(form_field, item) for item in value)
    if isinstance(form_field, forms.ChoiceField) and not isinstance(
        form_field, forms.ModelChoiceField
    ):
        for key, label in _flat_choices(form_field.choices):
            if str(key) == str(value):
                return str(label)
    if isinstance(value, dt.datetime):
        return datetime_format(value)
    if isinstance(value, dt.date):
        return date_format(value)
    if isinstance(value, Decimal):
        return formats.number_format(value)
    return str(value)


def _flat_choices(choices):
    for key, label in choices:
        if isinstance(label, list | tuple):
            yield from _flat_choices(label)
        else:
            yield key, label


def hidden_label(text: str) -> str:
    """'date of birth' from 'Date of birth', keeping acronyms ('UK address') as they are."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def summary_rows(step: Step, cleaned: dict, answers: Answers) -> list[tuple[str, str]]:
    """(question, answer) pairs for one form's cleaned data."""
    if step.summary is not None:
        return [(str(k), str(v)) for k, v in step.summary(cleaned)]
    form = step.make_form(answers)
    visible = form.visible_fields()
    rows = []
    for bound in visible:
        key = str(bound.label or (step.title if len(visible) == 1 else bound.name))
        rows.append((key, display_value(bound.field, cleaned.get(bound.name))))
    return rows
