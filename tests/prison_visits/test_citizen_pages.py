"""Citizen pages found wanting in issue #12 (points 13 to 17): the look-up's error on its
field, links to "Check your visit", what the status page says about visitors and the
prison's messages, and a calendar that gives nothing away about another booking."""

import re
from datetime import date, time

import pytest
import time_machine
from django.urls import reverse

from digital_services.journeys.models import Draft
from prison_visits import selectors, services
from prison_visits.constants import VisitStatus
from prison_visits.journeys import confirmation_token

from .factories import (
    FACTORY_FOR_STATUS,
    BookedVisitFactory,
    DateSlotFactory,
    PrisonFactory,
    RequestedVisitFactory,
    slot_on,
)
from .test_journey import BOOK, PRISONER, TUE_1_DEC, answer_until_visitors, errors, visitor
from .test_status import FIND, find, status_url

pytestmark = pytest.mark.django_db


# ---------------------------------------------------------------- point 13: look-up error


def test_a_visit_not_found_is_an_error_on_the_reference_field(client, prison, frozen):
    BookedVisitFactory(prison=prison)

    response = find(client, "ZZZZ9999")
    page = response.content.decode()

    assert 'href="#id_reference"' in errors(response)  # the summary links to the field
    assert 'class="govuk-form-group govuk-form-group--error"' in page
    assert 'id="id_reference_1_error" class="govuk-error-message"' in page  # inline
    assert "govuk-input--width-10 govuk-input--error" in page  # the red border
    assert 'value="ZZZZ9999"' in page


def test_your_details_errors_are_summarised_in_the_order_of_the_fields(client, prison, frozen):
    answer_until_visitors(client, prison)  # then send "Your details" again, all wrong
    response = client.post(
        BOOK + "lead-visitor/",
        {"date_of_birth_0": "40", "contact": "email", "email": "x", "phone": "1"},
    )
    page = response.content.decode()
    summary = errors(response)
    links = re.findall(r'href="#([^"]+)"', summary)
    on_page = sorted(links, key=lambda anchor: page.index(f'id="{anchor}"'))

    assert len(links) >= 5
    assert links == on_page


# ---------------------------------------------------------------- point 14: finding the look-up


def test_the_start_page_links_to_check_your_visit(client, frozen):
    page = client.get(reverse("prison_visits:start")).content.decode()

    assert f'href="{FIND}">Check your visit</a>' in page


def test_the_confirmation_links_to_check_your_visit(client, prison, frozen):
    visit = RequestedVisitFactory(prison=prison)
    url = reverse("prison_visits:book-confirmation", args=[confirmation_token(visit.reference)])

    page = client.get(url).content.decode()

    assert f'href="{FIND}">Check your visit</a>' in page


# ---------------------------------------------------------------- point 15: the status page


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        (VisitStatus.REQUESTED, False),
        (VisitStatus.WITHDRAWN, False),
        (VisitStatus.BOOKED, True),
    ],
)
def test_who_can_come_is_shown_only_once_the_prison_has_decided(
    client, prison, frozen, status, shown
):
    visit = FACTORY_FOR_STATUS[status](prison=prison)
    find(client, visit.reference)

    page = client.get(status_url(visit)).content.decode()

    assert "Lee Visitor" in page
    assert ("Can come" in page) is shown
    assert (">Yes<" in page) is shown


def test_the_status_page_shows_the_prisons_messages(client, prison, caseworker, frozen):
    visit = RequestedVisitFactory(prison=prison)
    services.visit_book(
        visit=visit, slot=slot_on(TUE_1_DEC), message="Please use the side gate.", by=caseworker
    )
    services.visit_message_send(
        visit=visit, message="The car park is closed on Tuesday.", by=caseworker
    )
    find(client, visit.reference)

    page = client.get(status_url(visit)).content.decode()

    assert "Messages from the prison" in page
    assert page.index("Please use the side gate.") < page.index("The car park is closed")


def test_the_status_page_has_no_messages_section_without_messages(client, prison, frozen):
    visit = BookedVisitFactory(prison=prison)
    find(client, visit.reference)

    assert "Messages from the prison" not in client.get(status_url(visit)).content.decode()


# ---------------------------------------------------------------- point 16: the visitor count


def test_the_visitor_count_goes_down_as_visitors_are_added(client, prison, frozen):
    answer_until_visitors(client, prison)
    client.post(BOOK + "visitors/add/", visitor("Casey", date(2015, 9, 10)))
    one = client.get(BOOK + "visitors/").content.decode()
    client.post(BOOK + "visitors/add/", visitor("Dana", date(2016, 9, 10)))
    two = client.get(BOOK + "visitors/").content.decode()

    assert "You can add up to 4 more visitors." in one
    assert "You can add up to 3 more visitors." in two
    assert "You can add up to 5 visitors" not in one + two


# ---------------------------------------------------------------- point 17: the calendar


def test_the_calendar_does_not_tell_anyone_about_the_prisoners_other_booking(client, frozen):
    prison = PrisonFactory(name="HMP Alpha", visits_allowed=10)
    BookedVisitFactory(prisoner_number="A1234BC", slot=slot_on(TUE_1_DEC))  # another prison
    client.post(BOOK + "prison/", {"prison": prison.name})
    client.post(BOOK + "prisoner/", PRISONER)

    page = client.get(BOOK + "slots/").content.decode()

    assert "already has a visit" not in page
    assert "Not available" in page
    assert slot_on(TUE_1_DEC).key not in page


# ---------------------------------------------------------------- point 18: bank holidays

EVERY_AFTERNOON = [(d, time(14), time(16), 2) for d in range(7)]
CHRISTMAS = date(2026, 12, 25)  # a Friday; Boxing Day's holiday is Monday 28 December


def test_a_prison_is_closed_on_bank_holidays_unless_its_timetable_opens_them(db):
    prison = PrisonFactory(slots=EVERY_AFTERNOON)
    DateSlotFactory(prison=prison, date=date(2026, 12, 28), start_time=time(10))

    days = selectors.prison_availability_get(prison=prison, today=date(2026, 12, 10)).days

    assert not days[CHRISTMAS].available
    assert days[CHRISTMAS].citizen_reason_text == "Bank holiday: no visits"
    assert days[date(2026, 12, 24)].available
    assert days[date(2026, 12, 28)].available  # opened by staff with a dated slot
    assert [s.slot.start for s in days[date(2026, 12, 28)].slots] == [time(10)]


def test_the_calendar_offers_no_visit_on_christmas_day(client, db):
    prison = PrisonFactory(name="HMP Cardiff", slots=EVERY_AFTERNOON)
    with time_machine.travel("2026-12-10 09:00 +0000", tick=False):
        client.post(BOOK + "prison/", {"prison": prison.name})
        client.post(BOOK + "prisoner/", PRISONER)
        page = client.get(BOOK + "slots/").content.decode()
        chosen = client.post(BOOK + "slots/", {"choice_1": slot_on(CHRISTMAS).key})

    assert slot_on(CHRISTMAS).key not in page
    assert slot_on(date(2026, 12, 24)).key in page
    assert "Choose a time from the list" in errors(chosen) or "no longer available" in errors(
        chosen
    )


@pytest.mark.parametrize(
    ("weekend_processing", "respond_by"),
    [(False, date(2026, 12, 9)), (True, date(2026, 12, 7))],
    ids=["Monday to Friday", "weekends count"],
)
def test_a_prison_that_processes_at_weekends_counts_them_in_its_lead_time(
    db, weekend_processing, respond_by
):
    prison = PrisonFactory(weekend_processing=weekend_processing)
    friday = date(2026, 12, 4)

    assert selectors.prison_respond_by(prison=prison, day=friday) == respond_by


def test_bank_holidays_never_count_in_the_lead_time_even_at_weekends(db):
    prison = PrisonFactory(weekend_processing=True, lead_days=3)

    # Thursday 24 December: Christmas (Fri) and 28 December (Mon) do not count.
    assert selectors.prison_respond_by(prison=prison, day=date(2026, 12, 24)) == date(2026, 12, 29)


# ---------------------------------------------------------------- point 21: a way out


def test_the_booking_pages_offer_cancel_and_delete_your_answers(client, prison, frozen):
    answer_until_visitors(client, prison)
    cancel = BOOK + "cancel/"

    for page in ("prison/", "slots/", "lead-visitor/", "visitors/"):
        assert (
            f'href="{cancel}">Cancel and delete your answers</a>'
            in client.get(BOOK + page).content.decode()
        ), page
    client.post(cancel)

    assert not Draft.objects.exists()
