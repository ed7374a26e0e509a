"""Discovery for the quality tests: every citizen-facing page and every registered journey.

Nothing here names a service. A service added later is covered because:

- its pages are found by walking the URL patterns (``page_paths``): every pattern that
  needs no arguments, minus the staff area (``STAFF_PATH_PREFIXES``), machine endpoints
  (health checks, callbacks, webhooks) and the journey engine's own URLs;
- its journeys are found in ``journeys_list()`` (a service's ``urls.py`` registers them
  through ``journey_urlpatterns``) and walked by ``JourneyWalker``, which first makes the
  rows the journey's examples need (``examples.journey_seed``), then answers each step
  with its example in tests/quality/examples.py or, when a step has none, with data made
  up from the form's fields (``step_example``). A journey that made-up data cannot
  complete fails its test with ``ExampleDataError``, naming the step that needs an example.

The walker drives either a real browser (tests/quality/a11y) or Django's test client
(tests/quality/bad_input) through the same small ``Driver`` interface, and follows
wherever the server sends it, so it checks the journey's real flow (conditions, lists
of items, task lists, check your answers, confirmation) rather than a copy of it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any, Protocol

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.urls import NoReverseMatch, Resolver404, URLPattern, URLResolver, get_resolver
from django.urls import resolve as django_resolve
from django.urls import reverse as django_reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from digital_services.accounts.middleware import STAFF_PATH_PREFIXES
from digital_services.core.money import PenceField
from digital_services.journeys.codec import form_data_for
from digital_services.journeys.definitions import Answers, Journey, Step
from digital_services.journeys.definitions import journeys_list as registered_journeys

from .examples import Example, example_for, journey_seed

# Paths for machines, not people: load balancers, GOV.UK Notify and GOV.UK Pay callbacks.
MACHINE_PATH_WORDS = ("healthz", "callback", "webhook", "download")  # download: a file
EXCLUDED_PATH_PREFIXES = (*STAFF_PATH_PREFIXES, "/static/", "/media/")


# Pages ------------------------------------------------------------------------------


def _patterns(patterns, prefix: str = "", default_args: dict | None = None) -> Iterable:
    for entry in patterns:
        regex = entry.pattern.regex
        route = str(entry.pattern)
        if regex.groups:  # needs an argument (a token, an id): not discoverable
            continue
        route = route.removeprefix("^").removesuffix("$")
        if isinstance(entry, URLResolver):
            yield from _patterns(
                entry.url_patterns, prefix + route, {**(default_args or {}), **entry.default_kwargs}
            )
        elif isinstance(entry, URLPattern):
            yield prefix + route, {**(default_args or {}), **entry.default_args}, entry


def page_paths(urlconf: str | None = None) -> list[str]:
    """Every GET page a citizen can open without knowing an id, in URL order.

    A page that answers POST only, or needs signing in, is still listed: the tests find
    that out when they open it (405, or a redirect to sign in).
    """
    paths = []
    for route, default_args, _pattern in _patterns(get_resolver(urlconf).url_patterns):
        path = "/" + route
        if path.startswith(EXCLUDED_PATH_PREFIXES):
            continue
        if any(word in path for word in MACHINE_PATH_WORDS):
            continue
        if "journey" in default_args:  # walked, with a draft, by the journey tests
            continue
        if path not in paths:
            paths.append(path)
    return paths


# Journeys ---------------------------------------------------------------------------


def journey_url(journey: Journey, name: str, urlconf: str | None = None, **kwargs) -> str:
    return django_reverse(
        f"{journey.namespace()}:{journey.slug}-{name}", urlconf=urlconf, kwargs=kwargs or None
    )


def journey_is_test_only(journey: Journey) -> bool:
    return getattr(journey.submit, "__module__", "").startswith("tests.")


def journeys_list(urlconf: str | None = None) -> list[Journey]:
    """Every registered journey a citizen can reach, plus any service journey that has no
    URLs (its test then fails, saying so). Test-only journeys that other test modules
    registered without routing them here are left out."""
    get_resolver(urlconf).url_patterns  # noqa: B018 - importing every urls.py registers its journeys
    found = []
    for journey in registered_journeys():
        try:
            journey_url(journey, "start", urlconf)
        except (NoReverseMatch, KeyError):
            if journey_is_test_only(journey):
                continue
        found.append(journey)
    return found


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


# Drivers ----------------------------------------------------------------------------


class Driver(Protocol):
    """What the walker needs from a browser or a test client."""

    def goto(self, path: str) -> None: ...

    def path(self) -> str: ...

    def html(self) -> str: ...

    def submit(self, data: dict | None) -> None:
        """Fill the page's main form with ``data`` (None: clear every field) and send it."""

    def follow(self, href: str) -> None: ...


@dataclass
class FormField:
    name: str
    kind: str  # text, email, password, hidden, radio, checkbox, select, textarea, number...
    value: str = ""
    checked: bool = False
    options: list[str] = field(default_factory=list)
    selected: list[str] = field(default_factory=list)


@dataclass
class ParsedForm:
    method: str
    action: str
    in_main: bool
    fields: list[FormField] = field(default_factory=list)

    def names(self) -> list[str]:
        names = []
        for f in self.fields:
            if f.name not in names:
                names.append(f.name)
        return names


class PageParser(HTMLParser):
    """The parts of a rendered page the quality tests read: forms, headings, error summary."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[ParsedForm] = []
        self.h1_count = 0
        self.title = ""
        self.ids: set[str] = set()
        self.error_summary = False
        self.error_links: list[str] = []
        self.lang: str | None = None
        self._in = {"title": False, "main": 0, "summary": 0, "textarea": None, "select": None}
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if a.get("id"):
            self.ids.add(a["id"])
        classes = a.get("class", "").split()
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "title":
            self._in["title"] = True
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "main":
            self._in["main"] += 1
        if "govuk-error-summary" in classes:
            self.error_summary = True
            self._in["summary"] = True
        if tag == "a" and self._in["summary"] and a.get("href", "").startswith("#"):
            self.error_links.append(a["href"][1:])
        if tag == "form":
            self.forms.append(
                ParsedForm(
                    method=a.get("method", "get").lower(),
                    action=a.get("action", ""),
                    in_main=bool(self._in["main"]),
                )
            )
        if not self.forms or tag not in ("input", "textarea", "select", "option", "button"):
            return
        current = self.forms[-1]
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset"):
                return
            current.fields.append(FormField(name, kind, a.get("value", ""), checked="checked" in a))
        elif tag == "textarea" and name:
            ff = FormField(name, "textarea")
            current.fields.append(ff)
            self._in["textarea"] = ff
        elif tag == "select" and name:
            ff = FormField(name, "select")
            current.fields.append(ff)
            self._in["select"] = ff
        elif tag == "option" and self._in["select"] is not None:
            ff = self._in["select"]
            ff.options.append(a.get("value", ""))
            if "selected" in a:
                ff.selected.append(a.get("value", ""))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in["title"] = False
        elif tag == "main":
            self._in["main"] -= 1
        elif tag == "textarea":
            self._in["textarea"] = None
        elif tag == "select":
            self._in["select"] = None
        elif tag == "ul" and self._in["summary"]:
            self._in["summary"] = False

    def handle_data(self, data):
        if self._in["title"]:
            self.title += data
        if self._in["textarea"] is not None:
            ff = self._in["textarea"]
            ff.value += data


def page_parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    parser.close()
    parser.title = " ".join(parser.title.split())
    for form in parser.forms:
        for ff in form.fields:
            if ff.kind == "textarea" and ff.value.startswith("\n"):
                ff.value = ff.value[1:]  # the HTML parser drops one leading newline
    return parser


def main_form(parsed: PageParser) -> ParsedForm | None:
    return next((f for f in parsed.forms if f.in_main and f.method == "post"), None)


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
