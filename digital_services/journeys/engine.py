"""Working out where a draft stands: which steps apply, which are answered, what comes next.

Nothing here touches the database or the request. ``journey_evaluate`` walks the steps
in order, skips the ones whose condition is false, and revalidates every stored answer
through its form; every page of the journey is decided from the result.

The walk goes only as far as a page asks (a question page needs the steps up to its own,
the check page all of them): a step's state depends only on the stored answers of the
steps before it and its own, so stopping early changes no state it gives. A ``memo`` dict
shared by the evaluations of one request (the page's, and the one after an answer is saved)
keeps each step's state under the stored answers that led to it, so a step whose answers
did not change is not read through its form again.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
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

from .codec import answer_decode, bound_form_for
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
    # The unbound form the stored answer was read through (made with the answers before
    # this step): check your answers takes its labels from it rather than making another.
    form: forms.BaseForm | None = field(default=None, repr=False)

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


class _StepReader:
    """Reads stored answers of one step through its form, given the answers before it.

    The step's ``form_kwargs`` are worked out once for every item of a repeating step. Each
    answer is validated by one bound form made for it (``codec.bound_form_for``: its own
    fields turn the stored values back into form data).
    """

    def __init__(self, step: Step, answers: Answers):
        self.step = step
        self.answers = answers
        self._extra: dict | None = None
        self.form: forms.BaseForm | None = None  # the first answer's form, once one is read

    def validate(self, stored_item: Any) -> dict | None:
        if not isinstance(stored_item, dict):
            return None
        form_class = self.step.form_class
        try:
            values = answer_decode(form_class, stored_item)
        except (ValueError, TypeError, LookupError):
            return None
        if self._extra is None:
            self._extra = self.step.form_kwargs(self.answers) if self.step.form_kwargs else {}
        extra = self._extra
        form = bound_form_for(
            form_class,
            values,
            lambda data: form_class(**extra, data=data),
            prefix=extra.get("prefix"),
        )
        if self.form is None:
            self.form = form
        if not form.is_valid():
            return None
        return form.cleaned_data


def item_validate(step: Step, stored_item: Any, answers: Answers) -> dict | None:
    """One form's cleaned data from its stored answer, or None if it is no longer valid."""
    return _StepReader(step, answers).validate(stored_item)


def stored_items(stored: Any) -> list:
    if isinstance(stored, dict) and isinstance(stored.get("items"), list):
        return stored["items"]
    return []


def items_confirmed(stored: Any) -> bool:
    return isinstance(stored, dict) and stored.get("complete") is True


def _state_for(section, step, stored, answers) -> StepState:
    if stored is None:
        return StepState(section=section, step=step, status=MISSING)
    reader = _StepReader(step, answers)
    if isinstance(step, RepeatingStep):
        items = [reader.validate(item) for item in stored_items(stored)]
        count = len(items)
        valid = (
            items_confirmed(stored)
            and all(item is not None for item in items)
            and count >= step.min_items
            and (step.max_items is None or count <= step.max_items)
        )
        if valid:
            return StepState(
                section=section,
                step=step,
                status=VALID,
                value=items,
                items=items,
                form=reader.form,
            )
        if not items and not items_confirmed(stored):
            return StepState(section=section, step=step, status=MISSING, items=items)
        return StepState(section=section, step=step, status=INVALID, items=items)
    cleaned = reader.validate(stored)
    if cleaned is None:
        return StepState(section=section, step=step, status=INVALID)
    return StepState(section=section, step=step, status=VALID, value=cleaned, form=reader.form)


class Evaluation:
    """Where a draft stands: each step's state, worked out in order as far as asked.

    ``states`` and ``answers`` are the whole journey's; the other methods walk only as far
    as they need. ``answers_before(slug)`` is what a step's form is made with: the valid
    answers of the steps before it, as its stored answer was validated with.
    """

    def __init__(self, journey: Journey, stored: dict, memo: dict | None = None):
        self.journey = journey
        self.stored = stored
        self._steps = journey.all_steps()
        self._states: list[StepState] = []
        self._answers = Answers()
        self._before: dict[str, Answers] = {}
        self._memo = memo
        self._key: tuple | None = ()

    def _advance(self) -> bool:
        """Work out the next step's state; False when every step has one."""
        index = len(self._states)
        if index >= len(self._steps):
            return False
        section, step = self._steps[index]
        stored = self.stored.get(step.slug)
        state = None
        if self._memo is not None and self._key is not None:
            try:
                self._key = (self._key, step.slug, json.dumps(stored, sort_keys=True))
            except (TypeError, ValueError):
                self._key = None  # not JSON: nothing from here on is remembered
            state = self._memo.get(self._key) if self._key is not None else None
        before = Answers(self._answers)
        # What a service keeps on the answers for the request (prison visits' availability)
        # is kept for the forms made with the snapshot too.
        before.__dict__ = self._answers.__dict__
        self._before[step.slug] = before
        if state is None:
            if not step.applies(self._answers):
                state = StepState(section=section, step=step, status=SKIPPED)
            else:
                state = _state_for(section, step, stored, self._answers)
            if self._memo is not None and self._key is not None:
                self._memo[self._key] = state
        if state.status == VALID:
            self._answers[step.slug] = state.value
        self._states.append(state)
        return True

    def _walk(self) -> Iterator[StepState]:
        index = 0
        while index < len(self._states) or self._advance():
            yield self._states[index]
            index += 1

    @property
    def states(self) -> list[StepState]:
        while self._advance():
            pass
        return self._states

    @property
    def answers(self) -> Answers:
        """Every valid answer of the journey."""
        while self._advance():
            pass
        return self._answers

    def answers_before(self, slug: str) -> Answers:
        """The valid answers of the steps before ``slug`` (all of them if there is no such step)."""
        if self.state(slug) is None:
            return self.answers
        return self._before[slug]

    def state(self, slug: str) -> StepState | None:
        return next((s for s in self._walk() if s.step.slug == slug), None)

    def _scope(self, section: Section | None) -> Iterator[StepState]:
        if section is None:
            return self._walk()
        return (s for s in self._walk() if s.section is section)

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
            steps = list(self._scope(section))
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


def journey_evaluate(
    journey: Journey, stored: dict | None, *, memo: dict | None = None
) -> Evaluation:
    """Revalidate the stored answers, in order, with the conditions applied (as far as asked).

    ``memo``: a dict kept for one request, shared by its evaluations of the same journey.
    """
    return Evaluation(journey, stored or {}, memo)


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


def summary_rows(
    step: Step, cleaned: dict, answers: Answers, form: forms.BaseForm | None = None
) -> list[tuple[str, str]]:
    """(question, answer) pairs for one form's cleaned data.

    ``form``: the step's unbound form made with ``answers`` already (``StepState.form``).
    """
    if step.summary is not None:
        return [(str(k), str(v)) for k, v in step.summary(cleaned)]
    if form is None:
        form = step.make_form(answers)
    visible = form.visible_fields()
    rows = []
    for bound in visible:
        key = str(bound.label or (step.title if len(visible) == 1 else bound.name))
        rows.append((key, display_value(bound.field, cleaned.get(bound.name))))
    return rows
