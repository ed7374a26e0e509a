"""The harness and the checks themselves: discovery, made-up answers, and checks that
do fail on a page that breaks the rules."""

import pytest
from django import forms

from digital_services.journeys.definitions import Answers, Journey, Step
from tests.quality.examples import EXAMPLES, example_for
from tests.quality.harness import (
    ExampleDataError,
    journeys_list,
    page_paths,
    step_example,
)

from . import example
from .checks import axe_violations, runtime_problems, structure_problems
from .conftest import URLCONF


def test_discovery_finds_service_pages_and_leaves_out_staff_and_machine_urls():
    paths = page_paths(URLCONF)
    assert "/quality-example/" in paths
    assert "/feedback/" in paths
    assert "/accounts/login/" in paths
    assert not [p for p in paths if p.startswith(("/admin/", "/assisted-digital/"))]
    assert "/healthz" not in paths
    assert "/notifications/callback/" not in paths
    assert not [p for p in paths if "/visit/" in p], "journey pages are walked, not listed"


def test_discovery_finds_every_routed_journey():
    keys = [journey.key for journey in journeys_list(URLCONF)]
    assert {"quality-example/visit", "example/apply", "example/lpa"} <= set(keys)


class ReferenceForm(forms.Form):
    reference = forms.RegexField(regex=r"^REF-\d{6}$")


def test_a_step_made_up_data_cannot_answer_names_the_examples_module():
    step = Step(slug="reference", title="Your reference", form_class=ReferenceForm)
    with pytest.raises(ExampleDataError, match=r"'reference'.*tests/quality/examples\.py"):
        step_example(step, Answers())


def test_an_invalid_step_example_is_reported():
    step = Step(slug="reference", title="Your reference", form_class=ReferenceForm)
    with pytest.raises(ExampleDataError, match="its example is not valid"):
        step_example(step, Answers(), {"reference": "nope"})


def test_step_example_can_depend_on_earlier_answers():
    visitors = example.VISIT.step_get("visitors")[1]
    answers = Answers(prisoner={"prisoner_number": "B5678CD"})
    items = step_example(visitors, answers, example_for(example.VISIT, visitors))
    assert [data for data, _cleaned in items] == [
        {"visitor_name": "Ann Example"},
        {"visitor_name": "Friend of B5678CD"},
    ]


def test_every_example_names_a_step_of_a_registered_journey():
    journeys = {journey.key: journey for journey in journeys_list(URLCONF)}
    stale = [
        f"{key} {slug}"
        for key, steps in EXAMPLES.items()
        for slug in steps
        if key not in journeys or journeys[key].step_get(slug) is None
    ]
    assert not stale


def test_no_production_journey_carries_example_answers():
    from digital_services.journeys.definitions import Step as StepClass

    assert "example" not in StepClass.__dataclass_fields__


def test_made_up_answers_meet_date_and_choice_rules():
    needs = example.VISIT.step_get("needs")[1]
    ((data, cleaned),) = step_example(needs, Answers())
    assert cleaned == {"needs_help": "yes", "details": data["details"]}


def test_a_service_journey_without_urls_is_not_dropped_from_discovery(monkeypatch):
    from digital_services.journeys import definitions

    orphan = Journey(
        service="prison-visits",
        slug="orphan",
        title="Not routed",
        submit=lambda **kwargs: "/",
        steps=[Step(slug="one", title="One", form_class=ReferenceForm)],
    )
    orphan.submit.__module__ = "prison_visits.journeys"
    monkeypatch.setitem(definitions._journeys, ("prison-visits", "orphan"), orphan)
    assert orphan in journeys_list(URLCONF)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_page_checks_fail_on_a_page_that_breaks_the_rules(new_page):
    page = new_page()
    page.goto("/contact/")
    assert runtime_problems(page) == []
    assert axe_violations(page) == []
    assert structure_problems(page) == []

    page.evaluate(
        """() => {
            const main = document.querySelector("main");
            main.insertAdjacentHTML("beforeend", '<h1>Second</h1><img src="/static/none.png">');
            main.insertAdjacentHTML("beforeend", '<p id="twice">a</p><p id="twice">b</p>');
            const script = document.createElement("script");
            script.textContent = "window.inline = 1";
            document.body.appendChild(script);
            document.documentElement.removeAttribute("lang");
        }"""
    )
    page.wait_for_timeout(200)
    assert any("CSP: script-src" in p for p in runtime_problems(page))
    assert any(v.startswith("axe image-alt") for v in axe_violations(page))
    problems = structure_problems(page)
    assert "2 <h1> elements (a page has exactly one)" in problems
    assert "<html> has no lang attribute" in problems
    assert 'id "twice" is used 2 times (an id must be unique)' in problems
