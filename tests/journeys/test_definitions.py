import pytest
from django import forms
from django.core.exceptions import ImproperlyConfigured

from digital_services.journeys.definitions import Answers, Journey, Section, Step
from digital_services.journeys.engine import journey_evaluate

from .example import APPLY


class TextForm(forms.Form):
    text = forms.CharField()


def submit(**kwargs):
    return "/"


def test_a_journey_has_steps_or_sections_not_both():
    step = Step(slug="a", title="A", form_class=TextForm)
    with pytest.raises(ImproperlyConfigured):
        Journey(service="s", slug="j", title="J", submit=submit)
    with pytest.raises(ImproperlyConfigured):
        Journey(
            service="s",
            slug="j",
            title="J",
            submit=submit,
            steps=[step],
            sections=[Section(slug="x", title="X", steps=[step])],
        )


@pytest.mark.parametrize("slug", ["check", "save", "resume", "section"])
def test_a_step_cannot_use_a_reserved_slug(slug):
    with pytest.raises(ImproperlyConfigured):
        Journey(
            service="s",
            slug="j",
            title="J",
            submit=submit,
            steps=[Step(slug=slug, title="A", form_class=TextForm)],
        )


def test_step_slugs_are_unique_in_a_journey():
    with pytest.raises(ImproperlyConfigured):
        Journey(
            service="s",
            slug="j",
            title="J",
            submit=submit,
            steps=[Step(slug="a", title="A", form_class=TextForm)] * 2,
        )


def test_answers_value_reads_a_field_or_gives_the_default():
    answers = Answers({"name": {"full_name": "Ann"}})
    assert answers.value("name", "full_name") == "Ann"
    assert answers.value("name", "other", "x") == "x"
    assert answers.value("missing", "full_name", "y") == "y"


@pytest.mark.django_db
def test_evaluation_walks_steps_in_order_skipping_false_conditions():
    stored = {
        "name": {"full_name": "Ann"},
        "date-of-birth": {"date_of_birth": {"$date": "1980-01-01"}},
        "has-children": {"has_children": "no"},
        "children": {"items": [{"name": "Bo", "age": 7}], "complete": True},
    }
    evaluation = journey_evaluate(APPLY, stored)
    assert [(s.step.slug, s.status) for s in evaluation.states] == [
        ("name", "valid"),
        ("date-of-birth", "valid"),
        ("has-children", "valid"),
        ("children", "skipped"),
        ("amount", "missing"),
        ("visit-date", "missing"),
    ]
    assert "children" not in evaluation.answers
    assert evaluation.first_to_answer().step.slug == "amount"
    assert evaluation.previous_step("amount").step.slug == "has-children"
    assert evaluation.blocking_step("visit-date").step.slug == "amount"
    assert not evaluation.is_complete


def test_the_resume_link_template_declares_exactly_the_placeholders_it_uses():
    import re

    from digital_services.journeys.notifications import TEMPLATES

    template = TEMPLATES["journeys.resume_link"]
    for subject, body in (("subject", "body"), ("cy_subject", "cy_body")):
        used = set(re.findall(r"\(\(([^()]*)\)\)", template[subject] + template[body]))
        assert used == set(template["personalisation"]), subject
    assert template["channels"] == ["email"]
