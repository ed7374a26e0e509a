"""``{% visit_calendar form %}`` writes the calendar the time question's template loop wrote,
for every kind of day and time (open, fully booked, ruled out by the allowance, blocked, a
bank holiday, outside the window, a day of another month), in English and in Welsh."""

from datetime import date, time
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from prison_visits import selectors
from prison_visits.forms.booking import SlotChoiceForm
from prison_visits.templatetags.visit_calendar import visit_calendar

from .factories import (
    BlockedDateFactory,
    BookedVisitFactory,
    DateSlotFactory,
    PrisonFactory,
    slot_on,
)

pytestmark = pytest.mark.django_db

# templates/prison_visits/journey/slots.html's loop before the tag, as it was.
LOOP = Template(
    "{% load i18n %}"
    + (Path(__file__).with_name("visit_calendar_loop.html")).read_text(encoding="utf-8")
)

TODAY = date(2026, 12, 10)  # the window runs into January, over Christmas


@pytest.fixture
def form():
    prison = PrisonFactory(
        name='HMP <Odd> & "Quoted"',
        slots=[(d, time(14), time(16), 1) for d in range(7)] + [(2, time(9), time(10, 30), 2)],
        visits_allowed=1,
        allowance_period_days=14,
    )
    DateSlotFactory(prison=prison, date=date(2026, 12, 28), start_time=time(10))
    BlockedDateFactory(prison=prison, date=date(2027, 1, 6), reason="Staff <training>")
    BookedVisitFactory(prison=prison, slot=slot_on(date(2026, 12, 17), time(14), time(16)))
    BookedVisitFactory(
        prison=prison, prisoner_number="A1234BC", slot=slot_on(date(2026, 12, 22), time(14))
    )
    availability = selectors.prison_availability_get(
        prison=prison, prisoner_number="A1234BC", today=TODAY
    )
    return SlotChoiceForm(availability=availability, prisoner_name="Jo <Bloggs>")


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_calendar_is_the_templates(form, language):
    with translation.override(language):
        expected = LOOP.render(Context({"form": form}))
        ours = visit_calendar(form)

    assert ours == expected
    assert ours.count("<table") == len(form.calendar()) >= 2
    for kind in ("available", "outside"):
        assert f"app-calendar__day--{kind}" in ours
    assert "app-calendar__empty" in ours


def test_a_form_without_availability_draws_no_calendar():
    assert visit_calendar(SlotChoiceForm()) == ""
