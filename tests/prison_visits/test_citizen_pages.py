"""Citizen pages found wanting in issue #12 (points 13 to 17): the look-up's error on its
field, links to "Check your visit", what the status page says about visitors and the
prison's messages, and a calendar that gives nothing away about another booking."""

from datetime import date

import pytest
from django.urls import reverse

from prison_visits import services
from prison_visits.constants import VisitStatus
from prison_visits.journeys import confirmation_token

from .factories import (
    FACTORY_FOR_STATUS,
    BookedVisitFactory,
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
