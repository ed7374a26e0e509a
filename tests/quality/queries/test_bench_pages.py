"""`make bench` measures every question page of every citizen journey, not only the first.

Issue #13's goal holds each question page and check-your-answers page of a citizen journey to
0.08x of /healthz/live; a page the bench does not list is never measured against it. These
walk each journey with its example answers, as the bench does (bench/journeys.py), and check
which pages the bench lists and under which names (results.json follows pages by name from
run to run), and that each answers 200 with the session the bench gives it. Never how fast.
"""

import pytest
from django.test import Client
from django.urls import reverse

from bench.journeys import journey_pages, service_question_pages
from bench.load import cookie_pairs
from bench.run import bench_modules, session_cookies
from lasting_power import bench as lasting_power_bench
from lasting_power.journeys.definitions import journey_for
from tests.quality import harness
from tests.quality.harness import journey_is_test_only, journey_url, journeys_list

pytestmark = pytest.mark.django_db

QUESTION_KINDS = ("start", "step", "item-list", "item-add")


def answers_200(page, cookie: str) -> bool:
    client = Client()
    for name, value in cookie_pairs(cookie):
        client.cookies[name] = value
    return client.get(page.path).status_code == 200


def expected_questions(journey, walker, first: str, check: str) -> dict[str, str]:
    """Name -> path of each page the walker asked a question on, but the first step and the
    check page: ``/money-claims/response/som-debts/add/`` is "question som-debts/add"."""
    label = f"{journey.service}/{journey.slug}"
    under = journey_url(journey, "start")
    expected = {}
    for visit in walker.visits:
        if visit.kind not in QUESTION_KINDS or visit.path in (first, check):
            continue
        if visit.kind == "start":
            name = f"journey {label} task list"
        else:
            name = f"journey {label} question {visit.path.removeprefix(under).strip('/')}"
        expected.setdefault(name, visit.path)
    return expected


def test_the_bench_lists_every_question_page_of_every_journey_by_name(monkeypatch):
    # The walks the bench itself makes: a second walk of a journey whose draft belongs to a
    # signed-in user resumes that draft and can meet its pages in another order.
    walkers = {}

    class RecordedWalker(harness.JourneyWalker):
        def walk(self):
            walkers[f"{self.journey.service}/{self.journey.slug}"] = self
            return super().walk()

    monkeypatch.setattr(harness, "JourneyWalker", RecordedWalker)
    listed = journey_pages()
    names = [page.name for page in listed]
    assert len(names) == len(set(names)), "two pages share a name"

    journeys = [journey for journey in journeys_list() if not journey_is_test_only(journey)]
    assert journeys
    assert sorted(walkers) == sorted(f"{j.service}/{j.slug}" for j in journeys)
    for journey in journeys:
        label = f"{journey.service}/{journey.slug}"
        walker = walkers[label]
        check = walker.visits[-1].path
        assert walker.visits[-1].kind == "check", f"{label} was not walked to its check page"
        first = next(visit.path for visit in walker.visits if visit.kind == "step")
        pages = {page.name: page for page in listed if page.name.startswith(f"journey {label} ")}

        # The two names results.json and docs/performance.md have always followed.
        assert pages[f"journey {label} first step"].path == first
        assert pages[f"journey {label} check answers"].path == check
        assert not pages[f"journey {label} first step"].question
        assert not pages[f"journey {label} check answers"].question

        expected = expected_questions(journey, walker, first, check)
        assert expected, f"{label}: the walk asked nothing but its first step"
        questions = {name: page.path for name, page in pages.items() if page.question}
        assert questions == expected, label
        assert list(questions) == list(expected), f"{label}: not in the order walked"
        for page in pages.values():
            assert answers_200(page, page.who), f"{page.name} {page.path}"


def test_the_bench_lists_each_lasting_power_question_the_citizen_answered():
    lpa = lasting_power_bench._template()  # what seeding makes for the bench's citizen
    listed = service_question_pages(bench_modules())

    expected = {}
    for _, step in journey_for(lpa.lpa_type).all_steps():
        if lpa.answers.get(step.slug) is None:
            continue
        name = f"journey lasting-power/lpa question {step.slug}"
        expected[name] = reverse("lasting_power:lpa-step", args=[lpa.pk, step.slug])
        if step.repeating:
            add = reverse("lasting_power:lpa-item-add", args=[lpa.pk, step.slug])
            expected[f"{name}/add"] = add
    assert len(expected) > 10
    assert {page.name: page.path for page in listed} == expected
    assert len({page.name for page in listed}) == len(listed)
    cookie = session_cookies()["citizen"]
    for page in listed:
        assert page.question and page.who == "citizen", page.name
        assert answers_200(page, cookie), f"{page.name} {page.path}"
