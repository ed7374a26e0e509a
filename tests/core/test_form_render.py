"""The lighter form renderer (digital_services/core/form_render.py) gives crispy's bytes.

Every step form of every registered journey (walked with the quality examples, so each
form gets the answers before it) and of both LPA journeys is rendered unbound, bound with
its example answer, and bound with nothing (so it shows its errors), in English and in
Welsh, by the fast path and by crispy-forms-gds, on two fresh instances (crispy changes
the widgets' attributes as it renders). The HTML must be the same to the byte. The forms
that the fast path hands back to crispy are named, so a change that makes it fall back
silently fails here.
"""

from collections import Counter

import pytest
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Layout
from django import forms
from django.template import Context, Template
from django.utils import translation
from django.utils.datastructures import MultiValueDict

from digital_services.core import form_render
from digital_services.core.form_render import form_html, form_html_crispy, form_html_fast
from digital_services.journeys.definitions import Answers
from digital_services.journeys.forms import AddAnotherForm
from digital_services.journeys.views.common import _prepare
from tests.quality.a11y.conftest import (  # noqa: F401 - fixtures
    URLCONF,
    _example_services,
    _quality_urls,
)
from tests.quality.harness import ClientDriver, JourneyWalker, journeys_list
from tests.quality.harness.step_examples import ExampleDataError, step_example

pytestmark = pytest.mark.django_db

JOURNEYS = {journey.key: journey for journey in journeys_list(URLCONF)}

#: Step forms the fast path leaves to crispy-forms-gds, and why. Anything else falls
#: back only if this list says so.
FALLBACKS: dict[str, str] = {}


def _data(example: dict) -> MultiValueDict:
    return MultiValueDict(
        {key: value if isinstance(value, list) else [value] for key, value in example.items()}
    )


def _compare(make, label: str, counts: Counter, fell_back: set) -> None:
    """``make()`` gives a fresh, prepared form; both renderers must give the same HTML."""
    expected = form_html_crispy(make(), Context({}))
    fast = form_html_fast(make(), Context({}))
    if fast is None:
        counts["fallback"] += 1
        fell_back.add(label)
        assert form_html(make(), Context({})) == expected, label
        return
    counts["fast"] += 1
    assert fast == expected, f"{label}: the fast HTML differs from crispy's"


def _compare_step(step, answers, example, prepare, counts, fell_back, label) -> None:
    for language in ("en", "cy"):
        with translation.override(language):
            variants = {
                "unbound": lambda: step.make_form(answers),
                "example": lambda: step.make_form(answers, data=_data(example)),
                "empty": lambda: step.make_form(answers, data=MultiValueDict()),
            }
            for variant, make in variants.items():
                _compare(
                    lambda make=make: prepare(make()),
                    f"{label} ({variant}, {language})",
                    counts,
                    fell_back,
                )


@pytest.mark.parametrize("key", sorted(JOURNEYS))
def test_every_step_form_of_the_journey_renders_as_crispy_does(key, client, monkeypatch):
    journey = JOURNEYS[key]
    counts: Counter = Counter()
    fell_back: set = set()
    seen: set = set()
    pages: Counter = Counter()  # the pages' own {% form_render %}, in the page's context

    def watched(form, context=None):
        html = form_html_fast(form, context)
        pages["fast" if html is not None else "fallback"] += 1
        return html

    monkeypatch.setattr(form_render, "form_html_fast", watched)

    def on_form(visit):
        step = visit.step
        if visit.kind == "item-list":
            for has_items in (False, True):
                for data in (None, {}, {"add_another": "yes"}):
                    _compare(
                        lambda data=data, has_items=has_items: _prepare(
                            AddAnotherForm(data, item_name=step.item_name, has_items=has_items)
                        ),
                        f"{key}/{step.slug} add another",
                        counts,
                        fell_back,
                    )
            return
        if visit.kind not in ("step", "item-add") or step.slug in seen:
            return
        seen.add(step.slug)
        plan = walker._plan(step)
        answers = Answers(walker.answers)
        _compare_step(step, answers, plan[0][0], _prepare, counts, fell_back, f"{key}/{step.slug}")

    walker = JourneyWalker(
        journey,
        ClientDriver(client),
        URLCONF,
        on_form=on_form,
        stop_at=lambda visit: visit.kind == "check",
    )
    walker.walk()
    assert seen, f"{key}: no step was compared"
    expected = {label for label in fell_back if label.split(" (")[0] in FALLBACKS}
    assert fell_back == expected, f"{key}: fell back to crispy: {sorted(fell_back)}"
    assert counts["fast"] > 0
    assert pages["fast"] > 0
    assert pages["fallback"] == 0, f"{key}: a page's context sent its form to crispy"


def test_every_lpa_step_form_renders_as_crispy_does():
    from lasting_power.journeys.definitions import JOURNEYS as LPA_JOURNEYS
    from lasting_power.views.common import prepare

    counts: Counter = Counter()
    fell_back: set = set()
    for lpa_type, journey in LPA_JOURNEYS.items():
        for _section, step in journey.all_steps():
            answers = Answers()
            try:
                example = step_example(step, answers)[0][0]
            except ExampleDataError:  # needs a real case number: any typed text will do
                example = {name: "Typed <b>text</b>" for name in step.make_form(answers).fields}
            _compare_step(
                step, answers, example, prepare, counts, fell_back, f"lpa-{lpa_type}/{step.slug}"
            )
    expected = {label for label in fell_back if label.split(" (")[0] in FALLBACKS}
    assert fell_back == expected, f"fell back to crispy: {sorted(fell_back)}"
    steps = sum(len(journey.all_steps()) for journey in LPA_JOURNEYS.values())
    assert counts["fast"] + counts["fallback"] == steps * 3 * 2  # 3 variants, 2 languages
    assert counts["fast"] == steps * 3 * 2 - len(fell_back)


class _Unknown(forms.Form):
    """What the fast path does not know (another layout object, radios in groups), and
    what it knows: a hidden input, a select in groups."""

    name = forms.CharField(label="Name")
    token = forms.CharField(widget=forms.HiddenInput)
    grouped = forms.ChoiceField(
        label="Grouped",
        choices=[("Fruit", [("a", "Apple"), ("b", "Banana")])],
        widget=forms.RadioSelect,
    )
    menu = forms.ChoiceField(label="Menu", choices=[("Fruit", [("a", "Apple"), ("b", "Banana")])])

    def __init__(self, *args, fields=("name",), **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            *[HTML("<p>Read this</p>") if name == "html" else Field(name) for name in fields]
        )


@pytest.mark.parametrize(
    ("fields", "fast_path"),
    [
        (("name", "html"), False),
        (("grouped",), False),
        (("name",), True),
        (("menu", "token"), True),
    ],
)
@pytest.mark.parametrize("data", [None, {}, {"name": "Ann", "menu": "b", "grouped": "a"}])
def test_what_it_does_not_know_is_left_to_crispy(fields, fast_path, data):
    def make():
        return _Unknown(data, fields=fields)

    expected = form_html_crispy(make(), Context({}))
    fast = form_html_fast(make(), Context({}))
    if fast_path:
        assert fast == expected
    else:
        assert fast is None
    assert form_html(make(), Context({})) == expected
    if "html" in fields:
        assert "<p>Read this</p>" in expected


def test_a_page_that_sets_one_of_crispys_template_variables_falls_back():
    form = _Unknown()
    assert form_html_fast(form, Context({"label_size": "govuk-label--l"})) is None


def test_the_template_tag_gives_crispys_html():
    page = Template("{% load crispy_forms_tags %}{% crispy form %}")
    ours = Template("{% load form_render %}{% form_render form %}")
    for data in (None, {}, {"name": "<b>Ann</b>   <i>"}):
        assert ours.render(Context({"form": _Unknown(data)})) == page.render(
            Context({"form": _Unknown(data)})
        )


def test_widget_render_is_the_fields_own_html():
    """``{% widget_render field %}`` draws what ``{{ field }}`` draws, to the byte (Django's
    form renderer strips a widget's template output), for a select and a hidden field."""

    class Choose(forms.Form):
        action = forms.ChoiceField(choices=[("", "---------"), ("a", "A <b>")])
        across = forms.BooleanField(required=False, initial=0, widget=forms.HiddenInput)
        # The booking's times without JavaScript: a group a day, after an empty choice.
        time = forms.ChoiceField(
            required=False,
            choices=[
                ("", "Choose a time"),
                ('Monday <1> & "2"', [("m1", "2pm to 4pm"), ("m2", "6pm <late>")]),
                ("Tuesday", [("t1", "10am")]),
                ("solo", "Solo"),
            ],
        )

    from digital_services.core import form_widgets

    template = Template(
        "{% load form_render %}{% for field in form %}[{% widget_render field %}]{% endfor %}"
    )
    djangos = Template("{% for field in form %}[{{ field }}]{% endfor %}")
    for form in (Choose(), Choose(data={"action": "a", "time": "m2"})):
        ours = template.render(Context({"form": form}))

        assert ours == djangos.render(Context({"form": form}))
        assert "<select" in ours and 'type="hidden"' in ours and "<optgroup" in ours
        grouped = form["time"]
        assert form_widgets._drawn(grouped.field.widget, "time", grouped.value(), {}) is not None


class _Radios(forms.Form):
    outcome = forms.ChoiceField(
        choices=[("book", "Book <Monday>"), ("reject", translation.gettext_lazy("No")), (3, "3")],
        widget=forms.RadioSelect(attrs={"class": "radios & more", "data-x": True}),
    )
    reasons = forms.MultipleChoiceField(
        required=False,
        choices=[("full", "Full"), ("closed", 'Closed "today"'), ("", "Empty value")],
        widget=forms.CheckboxSelectMultiple,
    )
    grouped = forms.ChoiceField(
        required=False,
        choices=[("Group", [("g1", "One"), ("g2", "Two")]), ("solo", "Solo")],
        widget=forms.RadioSelect,
    )
    unlabelled = forms.MultipleChoiceField(
        required=False, choices=[("a", "A")], widget=forms.CheckboxSelectMultiple(attrs={"id": ""})
    )


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"outcome": "book", "reasons": ["full", "closed"], "grouped": "g2"},
        {"outcome": "3", "reasons": ["", "nope"], "unlabelled": ["a"]},
        {"outcome": "<script>"},
    ],
    ids=["empty", "chosen", "odd", "bad"],
)
@pytest.mark.parametrize("language", ["en", "cy"])
def test_radios_and_checkboxes_are_drawn_as_django_draws_them(data, language):
    """RadioSelect and CheckboxSelectMultiple drawn in Python (a staff decision form has one
    of each, and Django's templates were a third of that page): the same bytes as Django's
    templates, selected, with errors, in Welsh, with no id; grouped choices stay Django's."""
    from digital_services.core import form_widgets

    template = Template(
        "{% load form_render %}{% for field in form %}[{% widget_render field %}]{% endfor %}"
    )
    djangos = Template("{% for field in form %}[{{ field }}]{% endfor %}")
    with translation.override(language):
        form = _Radios(data=data)
        form.is_valid()
        assert template.render(Context({"form": form})) == djangos.render(Context({"form": form}))
        drawn = [
            form_widgets._drawn(
                bound.field.widget, bound.html_name, bound.value(), {"id": bound.auto_id}
            )
            for bound in form
        ]
    assert drawn[0] is not None and drawn[1] is not None and drawn[3] is not None
    assert drawn[2] is None  # grouped: Django's
