"""Journeys declared as data, and the registry that holds them.

A service declares its journeys in its ``journeys.py``::

    from digital_services.journeys.definitions import Journey, RepeatingStep, Step, journey_register

    BOOK = journey_register(
        Journey(
            service="prison-visits",          # the slug in digital_services.core.registry
            slug="book",                      # /prison-visits/book/<step>/
            title="Book a prison visit",
            submit=visit_request_submit_from_journey,
            steps=[
                Step(slug="prisoner", title="Who are you visiting?", form_class=PrisonerForm),
                RepeatingStep(
                    slug="visitors", title="Visitor details", form_class=VisitorForm,
                    item_name="visitor", item_name_plural="visitors", min_items=1, max_items=6,
                ),
                Step(
                    slug="assistance", title="What help do you need?", form_class=AssistanceForm,
                    condition=lambda answers: answers.value("needs", "needs_help") == "yes",
                ),
            ],
        )
    )

and its ``urls.py`` adds ``*journey_urlpatterns(BOOK)``. A long application uses
``sections=[Section(...), ...]`` instead of ``steps`` and gets a task list.

``submit`` is called once, inside ``transaction.atomic()``, from the check page's POST
with keyword arguments ``answers`` (an ``Answers``), ``user`` (whose application
it is: the signed-in user, the citizen a member of staff is helping, or ``None``),
``channel`` ("digital" or "assisted"), ``assisted_session`` (the staff member's
``assisted_digital.models.AssistedSession``, or ``None``) and ``language``. It
returns the URL of the confirmation page, or raises
``JourneySubmitError`` (or Django's ``ValidationError``) to show a problem on the
check page without losing the draft.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

RESERVED_SLUGS = frozenset({"check", "save", "resume", "section", "add", "cancel"})


class Answers(dict):
    """Valid answers so far, by step slug.

    A step's value is its form's ``cleaned_data`` (a dict); a repeating step's value
    is a list of those, one per item.
    """

    def value(self, step: str, field_name: str | None = None, default: Any = None) -> Any:
        """One answer, or ``default`` when that step has no valid answer (yet, or any more)."""
        answer = self.get(step)
        if answer is None:
            return default
        if field_name is None:
            return answer
        return answer.get(field_name, default)


@dataclass(frozen=True, kw_only=True, eq=False)
class Step:
    """One page with one form.

    ``condition(answers)`` decides whether the step applies, given the valid answers to
    the steps before it; a step that does not apply is skipped and its stored answer is
    not used. ``form_kwargs(answers)`` gives extra keyword arguments for the form (for a
    form whose choices depend on an earlier answer). ``summary(cleaned_data)`` replaces
    the check-your-answers rows, as a list of (question, answer) pairs.
    ``initial(request)`` gives the starting answer of a step not answered yet (the
    citizen's recorded contact preference in an assisted-digital session).

    The quality tests walk every registered journey; the answers they give a step that
    made-up data cannot answer live with the tests (tests/quality/examples.py).
    """

    slug: str
    title: str
    form_class: type[forms.BaseForm]
    template_name: str = "journeys/step.html"
    condition: Callable[[Answers], bool] | None = None
    form_kwargs: Callable[[Answers], dict] | None = None
    summary: Callable[[dict], list[tuple[str, str]]] | None = None
    initial: Callable[[Any], dict] | None = None
    hint: str = ""

    repeating = False

    def applies(self, answers: Answers) -> bool:
        return self.condition is None or bool(self.condition(answers))

    def make_form(self, answers: Answers, **kwargs) -> forms.BaseForm:
        extra = self.form_kwargs(answers) if self.form_kwargs else {}
        return self.form_class(**extra, **kwargs)


@dataclass(frozen=True, kw_only=True, eq=False)
class RepeatingStep(Step):
    """A step that collects a list of items ("add another"): visitors, attorneys, rows.

    ``form_class`` is the form for one item. ``item_title(cleaned_data)`` names an item
    in lists and on the remove page (default: the first field's value).
    ``list_summary(items)`` gives (key, value) rows shown under the list, from the valid
    items so far (a running total of amounts, say).
    """

    item_name: str = _("item")
    item_name_plural: str = _("items")
    min_items: int = 0
    max_items: int | None = None
    item_title: Callable[[dict], str] | None = None
    list_summary: Callable[[list[dict]], list[tuple[str, str]]] | None = None

    repeating = True

    def title_for(self, cleaned_data: dict | None, number: int) -> str:
        if cleaned_data and self.item_title is not None:
            return str(self.item_title(cleaned_data))
        if cleaned_data:
            first = next(iter(cleaned_data.values()), None)
            if first not in (None, ""):
                return str(first)
        return f"{str(self.item_name).capitalize()} {number}"


@dataclass(frozen=True, kw_only=True, eq=False)
class Section:
    """A task on a task list: a small journey of its own."""

    slug: str
    title: str
    steps: Sequence[Step]
    required: bool = True
    hint: str = ""


@dataclass(frozen=True, kw_only=True, eq=False)
class Journey:
    service: str
    slug: str
    title: str
    submit: Callable[..., str]
    steps: Sequence[Step] = ()
    sections: Sequence[Section] = ()
    # Namespace of the service's URLs; by default the namespace of its start page.
    url_namespace: str | None = None
    check_title: str = _("Check your answers before sending your application")
    declaration: str = ""
    submit_label: str = _("Accept and send")
    # What the answers add up to, shown above them on the check page and worked out again
    # from the answers as they are on every visit: ``check_summary(answers)`` gives
    # (heading, [(key, value), ...]) or None.
    check_summary: Callable[[Answers], tuple[str, list[tuple[str, str]]] | None] | None = None
    _index: dict[str, tuple[Section | None, Step]] = field(
        init=False, repr=False, default_factory=dict
    )

    def __post_init__(self):
        if bool(self.steps) == bool(self.sections):
            raise ImproperlyConfigured(
                f"Journey {self.key}: declare either steps or sections, not both or neither"
            )
        for section, step in self.all_steps():
            if step.slug in RESERVED_SLUGS:
                raise ImproperlyConfigured(f"Journey {self.key}: {step.slug!r} is a reserved slug")
            if step.slug in self._index:
                raise ImproperlyConfigured(
                    f"Journey {self.key}: step {step.slug!r} is declared twice"
                )
            self._index[step.slug] = (section, step)
        slugs = [s.slug for s in self.sections]
        if len(slugs) != len(set(slugs)):
            raise ImproperlyConfigured(f"Journey {self.key}: a section slug is declared twice")

    @property
    def key(self) -> str:
        return f"{self.service}/{self.slug}"

    @property
    def has_task_list(self) -> bool:
        return bool(self.sections)

    def all_steps(self) -> list[tuple[Section | None, Step]]:
        if self.sections:
            return [(section, step) for section in self.sections for step in section.steps]
        return [(None, step) for step in self.steps]

    def step_get(self, slug: str) -> tuple[Section | None, Step] | None:
        return self._index.get(slug)

    def section_get(self, slug: str) -> Section | None:
        return next((s for s in self.sections if s.slug == slug), None)

    def namespace(self) -> str:
        if self.url_namespace:
            return self.url_namespace
        from digital_services.core.registry import service_get

        return service_get(self.service).start_url_name.split(":")[0]


_journeys: dict[tuple[str, str], Journey] = {}


def journey_register(journey: Journey) -> Journey:
    """Add (or replace, for reloads in tests) a journey in the registry."""
    _journeys[(journey.service, journey.slug)] = journey
    return journey


def journey_get(*, service: str, slug: str) -> Journey | None:
    return _journeys.get((service, slug))


def journeys_list() -> list[Journey]:
    return list(_journeys.values())
