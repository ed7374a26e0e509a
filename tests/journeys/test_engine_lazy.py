"""The engine works out only as many steps as a page asks, reads each step's answer through
its form once, and gives the same states as the whole walk (issue #13: question pages paid
for revalidating every later step)."""

from collections import Counter

from django import forms

from digital_services.journeys.definitions import Journey, RepeatingStep, Step
from digital_services.journeys.engine import journey_evaluate, summary_rows

#: How many times each step's form_kwargs and form were made, by step slug.
made = Counter()


class NameForm(forms.Form):
    name = forms.CharField(label="Your name")

    def __init__(self, *args, slug, **kwargs):
        made[f"form:{slug}"] += 1
        super().__init__(*args, **kwargs)


def _kwargs(slug):
    def form_kwargs(answers):
        made[f"kwargs:{slug}"] += 1
        return {"slug": slug}

    return form_kwargs


def submit(**kwargs):
    return "/"


JOURNEY = Journey(
    service="engine-test",
    slug="lazy",
    title="Lazy",
    submit=submit,
    steps=[
        Step(slug="one", title="One", form_class=NameForm, form_kwargs=_kwargs("one")),
        Step(slug="two", title="Two", form_class=NameForm, form_kwargs=_kwargs("two")),
        Step(
            slug="skipped",
            title="Skipped",
            form_class=NameForm,
            form_kwargs=_kwargs("skipped"),
            condition=lambda answers: answers.value("two", "name") == "skip me not",
        ),
        RepeatingStep(
            slug="people",
            title="People",
            form_class=NameForm,
            form_kwargs=_kwargs("people"),
            item_name="person",
            item_name_plural="people",
        ),
        Step(slug="four", title="Four", form_class=NameForm, form_kwargs=_kwargs("four")),
    ],
)

STORED = {
    "one": {"name": "Ann"},
    "two": {"name": "Bo"},
    "skipped": {"name": "Cy"},
    "people": {"items": [{"name": "Di"}, {"name": ""}, {"name": "Ed"}], "complete": True},
    "four": {"name": "Flo"},
}


def _states(evaluation):
    return [(s.step.slug, s.status, s.value, s.items) for s in evaluation.states]


def test_a_question_page_reads_no_step_after_its_own():
    made.clear()
    evaluation = journey_evaluate(JOURNEY, STORED)
    assert evaluation.state("two").status == "valid"
    assert evaluation.blocking_step("two") is None
    assert evaluation.previous_step("two").step.slug == "one"
    assert evaluation.answers_before("two") == {"one": {"name": "Ann"}}
    assert set(made) == {"kwargs:one", "form:one", "kwargs:two", "form:two"}


def test_walking_part_of_the_way_first_gives_the_same_states_as_the_whole_walk():
    whole = _states(journey_evaluate(JOURNEY, STORED))
    partial = journey_evaluate(JOURNEY, STORED)
    assert partial.next_step("one").step.slug == "two"
    assert partial.first_to_answer().step.slug == "people"  # the second person is blank
    assert _states(partial) == whole
    assert [slug for slug, *_ in whole] == ["one", "two", "skipped", "people", "four"]
    assert [status for _, status, *_ in whole] == [
        "valid",
        "valid",
        "skipped",
        "invalid",
        "valid",
    ]
    assert partial.answers_before("four") == {"one": {"name": "Ann"}, "two": {"name": "Bo"}}


def test_each_step_works_out_its_form_kwargs_once_even_for_many_items():
    made.clear()
    journey_evaluate(JOURNEY, STORED).states  # noqa: B018 - the whole walk
    assert made["kwargs:people"] == 1
    # One bound form an answer: its own fields turn the stored values into form data, so
    # no unbound form is made to read them from (there was one a step before).
    assert made["form:people"] == 3
    assert made["kwargs:one"] == 1 and made["form:one"] == 1
    assert made["kwargs:skipped"] == 0 and made["form:skipped"] == 0


def test_check_your_answers_takes_its_labels_from_the_form_the_answer_was_read_through():
    evaluation = journey_evaluate(JOURNEY, STORED)
    state = evaluation.state("one")
    answers = evaluation.answers
    made.clear()
    rows = summary_rows(state.step, state.value, answers, state.form)
    assert rows == [("Your name", "Ann")]
    assert made == Counter()
    # Without the form, one is made, as before.
    assert summary_rows(state.step, state.value, answers) == rows
    assert made["form:one"] == 1


def test_a_request_reads_again_only_the_steps_whose_answers_or_earlier_answers_changed():
    memo = {}
    journey_evaluate(JOURNEY, STORED, memo=memo).states  # noqa: B018
    made.clear()
    again = journey_evaluate(JOURNEY, STORED, memo=memo)
    assert _states(again) == _states(journey_evaluate(JOURNEY, STORED))
    made.clear()
    journey_evaluate(JOURNEY, STORED, memo=memo).states  # noqa: B018
    assert made == Counter()

    changed = {**STORED, "two": {"name": ""}}
    evaluation = journey_evaluate(JOURNEY, changed, memo=memo)
    assert [s.status for s in evaluation.states][:2] == ["valid", "invalid"]
    assert made["form:one"] == 0  # unchanged, and nothing before it changed
    assert made["form:two"] == 1
    assert made["form:four"] == 1  # after a changed answer: read again


def test_what_a_service_keeps_on_the_answers_is_kept_for_the_forms_made_before_a_step():
    # prison_visits.journeys.availability_for keeps the slot availability there for the request.
    evaluation = journey_evaluate(JOURNEY, STORED)
    evaluation.answers.__dict__["_memo"] = {"worked out": 1}
    assert evaluation.answers_before("four").__dict__["_memo"] == {"worked out": 1}


def test_journey_urls_are_reversed_once_and_follow_the_script_prefix():
    from unittest import mock

    from django.urls import set_script_prefix

    from digital_services.journeys import selectors
    from digital_services.journeys.definitions import journeys_list

    journey = journeys_list()[0]
    selectors._URLS.clear()
    step = journey.all_steps()[0][1].slug
    with mock.patch.object(selectors, "reverse", wraps=selectors.reverse) as reversed_:
        first = selectors.journey_url(journey, "step", step=step)
        assert selectors.journey_url(journey, "step", step=step) == first
        assert reversed_.call_count == 1
        assert first.endswith(f"/{step}/")
        try:
            set_script_prefix("/mounted/")
            assert selectors.journey_url(journey, "step", step=step) == "/mounted" + first
        finally:
            set_script_prefix("/")
        selectors.journey_url(journey, "resume", token="secret-token-1")
        assert not any("secret-token-1" in url for url in selectors._URLS.values())


class BuildsFromItsDataForm(forms.Form):
    """Reads its data while it builds itself (as the possession upload reads its token), and
    adds a field when bound that the unbound form does not have."""

    token = forms.CharField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.token_seen = self.data.get("token") if self.is_bound else None
        if self.is_bound:
            self.fields["when"] = forms.DateField(label="When")

    def clean(self):
        data = super().clean()
        if self.token_seen != data.get("token"):
            raise forms.ValidationError("The form did not see its token as it was made")
        return data


BUILDS_JOURNEY = Journey(
    service="engine-test",
    slug="builds",
    title="Builds",
    submit=submit,
    steps=[Step(slug="upload", title="Upload", form_class=BuildsFromItsDataForm)],
)


def test_a_form_sees_its_answer_while_it_builds_itself_and_is_read_through_its_own_fields():
    import datetime as dt

    stored = {"upload": {"token": "abc123", "when": {"$date": "2026-03-05"}}}
    state = journey_evaluate(BUILDS_JOURNEY, stored).state("upload")
    assert state.status == "valid"
    # The date came back through the field only the bound form has.
    assert state.value == {"token": "abc123", "when": dt.date(2026, 3, 5)}
    assert state.form.token_seen == "abc123"
    assert [label for label, _ in summary_rows(state.step, state.value, {}, state.form)] == [
        "Token",
        "When",
    ]
