"""Checking a draft's answers builds no crispy helper; drawing a form builds its own once.

The journey engine makes a form for every stored answer on every page of a journey only to
check it (digital_services/journeys/engine.py) and never draws those forms. Their helpers
wait until they are read (digital_services/core/form_helpers.py). The fast renderer still
draws every step form itself, not through crispy: tests/core/test_form_render.py.
"""

import pytest
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout
from django import forms

from digital_services.core.form_helpers import form_helper, helper_of, lazy_form_helper
from digital_services.journeys.engine import VALID, journey_evaluate
from digital_services.journeys.models import Draft
from tests.quality.harness import (
    ClientDriver,
    JourneyWalker,
    journey_is_test_only,
    journeys_list,
)

pytestmark = pytest.mark.django_db

JOURNEYS = {
    journey.key: journey for journey in journeys_list() if not journey_is_test_only(journey)
}


@pytest.fixture
def helpers_made(monkeypatch):
    """How many crispy helpers are made while the test runs."""
    made = []
    real_init = FormHelper.__init__

    def counting_init(self, *args, **kwargs):
        made.append(self)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(FormHelper, "__init__", counting_init)
    return made


@pytest.mark.parametrize("key", sorted(JOURNEYS))
def test_checking_every_answer_of_a_draft_makes_no_helper(key, client, helpers_made):
    journey = JOURNEYS[key]
    JourneyWalker(journey, ClientDriver(client), stop_at=lambda v: v.kind == "check").walk()
    draft = Draft.objects.filter(journey=journey.slug).latest("updated_at")
    helpers_made.clear()

    states = journey_evaluate(journey, draft.answers).states

    checked = [state for state in states if state.status == VALID and state.form is not None]
    assert len(checked) >= 3, f"{key}: only {len(checked)} answers were read through a form"
    assert helpers_made == [], f"{key}: {len(helpers_made)} helpers made to check answers"


class _Form(forms.Form):
    name = forms.CharField(label="Name")
    other = forms.CharField(label="Other")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(lambda: [Field.text("name")])
        self.fields["name"].label = "Full name"


def test_a_lazy_helper_is_made_once_when_it_is_first_read(helpers_made):
    form = _Form()
    assert helpers_made == []

    helper = helper_of(form)

    assert type(helper) is FormHelper
    assert isinstance(form.helper, FormHelper)
    assert helper_of(form) is helper
    assert len(helpers_made) == 1
    assert (helper.form_tag, helper.disable_csrf) == (False, True)
    assert [field.fields for field in helper.layout.fields] == [["name"]]


def test_the_helper_lays_out_the_fields_given_or_every_field():
    assert form_helper().layout is None
    layout = form_helper("name", Field.text("other")).layout
    assert type(layout) is Layout
    assert layout.fields[0] == "name"
    assert helper_of(forms.Form()) is None
