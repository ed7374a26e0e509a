"""The journey walker: answers each step with its example and follows the pages, and the test client driver."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import Resolver404
from django.urls import resolve as django_resolve

from digital_services.journeys.definitions import Answers, Journey, Step

from ..examples import example_for, journey_enter, journey_seed
from .drivers import Driver, ParsedForm, main_form, page_parse
from .pages import journey_url
from .step_examples import _as_lists, step_example

# The walker -------------------------------------------------------------------------


class WalkError(AssertionError):
    pass


@dataclass
class Visit:
    """One page of a journey as the walker met it."""

    kind: str  # start (task list), step, item-list, item-add, check, save, confirmation
    path: str
    step: Step | None = None


@dataclass
class JourneyWalker:
    """Completes a journey through a ``Driver``, answering each page as a person would.

    ``on_page(visit)`` is called on every journey page before it is answered, and on the
    confirmation page; ``on_form(visit)`` before each form is filled in with valid data
    (the a11y test sends it empty there first, to see the errors). ``stop_at(visit)``
    ends the walk early (True). Returns the path of the last page.
    """

    journey: Journey
    driver: Driver
    urlconf: str | None = None
    on_page: Callable[[Visit], None] = lambda visit: None
    on_form: Callable[[Visit], None] = lambda visit: None
    stop_at: Callable[[Visit], bool] = lambda visit: False
    answers: Answers = field(default_factory=Answers)
    posted: dict[str, list[dict]] = field(default_factory=dict)
    max_pages: int = 200
    visits: list[Visit] = field(default_factory=list)
    _plans: dict[str, list[tuple[dict, dict]]] = field(default_factory=dict)
    _added: dict[str, int] = field(default_factory=dict)
    _sections_started: list[str] = field(default_factory=list)
    _submitted: bool = False

    def url(self, name: str, **kwargs) -> str:
        return journey_url(self.journey, name, self.urlconf, **kwargs)

    def _classify(self, path: str) -> Visit:
        try:
            match = django_resolve(path.split("?")[0], self.urlconf)
        except Resolver404:
            return Visit("other", path)
        if match.kwargs.get("journey") is not self.journey:
            return Visit("confirmation" if self._submitted else "other", path)
        name = (match.url_name or "").removeprefix(f"{self.journey.slug}-")
        step = None
        if "step" in match.kwargs:
            step = self.journey.step_get(match.kwargs["step"])[1]
        if name == "step" and step is not None and step.repeating:
            name = "item-list"
        return Visit(name, path, step)

    def _plan(self, step: Step) -> list[tuple[dict, dict]]:
        if step.slug not in self._plans:
            self._plans[step.slug] = step_example(
                step, self.answers, example_for(self.journey, step)
            )
        return self._plans[step.slug]

    def _answer(self, visit: Visit, data: dict, cleaned: Any) -> None:
        self.on_form(visit)
        if self.driver.path() != visit.path:  # the empty form was accepted: all optional
            self.posted.setdefault(visit.step.slug, []).append({})
            return
        self.driver.submit(data)
        self.posted.setdefault(visit.step.slug, []).append(data)
        if self.driver.path() == visit.path:
            raise WalkError(
                f"{visit.path} did not accept the example answer {data}: "
                f"{error_text(self.driver.html())}. Fix the step or its example"
            )
        if not visit.step.repeating:
            self.answers[visit.step.slug] = cleaned

    def walk(self) -> str:
        journey_seed(self.journey)
        journey_enter(self.journey, self.driver)
        self.driver.goto(self.url("start"))
        for _ in range(self.max_pages):
            visit = self._classify(self.driver.path())
            self.visits.append(visit)
            if self.stop_at(visit):
                return visit.path
            self.on_page(visit)
            if visit.kind in ("confirmation", "other"):
                if not self._submitted:
                    raise WalkError(
                        f"the journey left its pages for {visit.path} before it was sent"
                    )
                return visit.path
            self._act(visit)
        raise WalkError(f"the journey did not end within {self.max_pages} pages")

    def _act(self, visit: Visit) -> None:
        journey = self.journey
        if visit.kind == "start":  # a task list
            for section in journey.sections:
                if section.slug not in self._sections_started:
                    self._sections_started.append(section.slug)
                    self.driver.follow(self.url("section", section=section.slug))
                    return
            self.driver.follow(self.url("check"))
            return
        if visit.kind == "step":
            ((data, cleaned),) = self._plan(visit.step)
            self._answer(visit, data, cleaned)
            return
        if visit.kind == "item-add":
            plan = self._plan(visit.step)
            number = self._added.get(visit.step.slug, 0)
            data, cleaned = plan[min(number, len(plan) - 1)]
            self._answer(visit, data, cleaned)
            self._added[visit.step.slug] = number + 1
            return
        if visit.kind == "item-list":
            plan = self._plan(visit.step)
            added = self._added.get(visit.step.slug, 0)
            has_question = any(
                f.name == "add_another"
                for f in getattr(main_form(page_parse(self.driver.html())), "fields", [])
            )
            data = {"add_another": "yes" if added < len(plan) else "no"} if has_question else {}
            self.on_form(visit)
            if self.driver.path() != visit.path:
                return
            self.driver.submit(data)
            if self.driver.path() == visit.path:
                raise WalkError(
                    f"{visit.path} did not accept {data}: {error_text(self.driver.html())}"
                )
            if data.get("add_another") != "yes":
                self.answers[visit.step.slug] = [cleaned for _data, cleaned in plan[:added]]
            return
        if visit.kind == "check":
            self._submitted = True
            self.driver.submit({})
            if self.driver.path() == visit.path:
                raise WalkError(f"the application was not sent: {error_text(self.driver.html())}")
            return
        raise WalkError(f"the walker does not know what to do on {visit.path} ({visit.kind})")


def error_text(html: str) -> str:
    """The error summary's messages, for failure messages."""
    match = re.search(r'class="govuk-error-summary__list"(.*?)</ul>', html, re.S)
    if not match:
        return "no error summary on the page"
    return " | ".join(
        " ".join(re.sub(r"<[^>]+>", " ", item).split())
        for item in re.findall(r"<li>(.*?)</li>", match.group(1), re.S)
    )


class ClientDriver:
    """The walker's ``Driver`` over Django's test client: it posts what a browser would
    (the form's current values, with ``data`` on top) and follows redirects."""

    def __init__(self, client):
        self.client = client
        self.response = None

    def _record(self, response) -> None:
        self.response = response
        if response.status_code >= 500:
            raise WalkError(f"{self.path()} answered {response.status_code}")

    def goto(self, path: str) -> None:
        self._record(self.client.get(path, follow=True))

    def path(self) -> str:
        request = self.response.request
        query = request.get("QUERY_STRING", "")
        return request["PATH_INFO"] + (f"?{query}" if query else "")

    def html(self) -> str:
        return self.response.content.decode()

    def form_values(self, form: ParsedForm) -> dict[str, list[str]]:
        """What a browser would send for ``form`` as it is on the page."""
        values: dict[str, list[str]] = {}
        for ff in form.fields:
            if ff.kind in ("radio", "checkbox"):
                if ff.checked:
                    values.setdefault(ff.name, []).append(ff.value or "on")
            elif ff.kind == "select":
                chosen = ff.selected or ff.options[:1]
                values.setdefault(ff.name, []).extend(chosen)
            else:
                values.setdefault(ff.name, []).append(ff.value)
        return values

    def submit(self, data: dict | None, *, form: ParsedForm | None = None) -> None:
        form = form or main_form(page_parse(self.html()))
        if form is None:
            raise WalkError(f"{self.path()} has no form to send")
        if data is None:
            values = {f.name: [f.value] for f in form.fields if f.kind == "hidden"}
        else:
            values = self.form_values(form)
            values.update(_as_lists(data))
        action = form.action or self.path()
        self._record(self.client.post(action, values, follow=True))

    def follow(self, href: str) -> None:
        if f'href="{href}"' not in self.html():
            raise WalkError(f"{self.path()} has no link to {href}")
        self.goto(href)
