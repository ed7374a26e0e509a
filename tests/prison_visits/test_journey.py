"""The booking journey through the test client: every step, its errors, and sending.

Time is Wednesday 25 November 2026 (conftest ``frozen``): HMP Alpha has Tuesday,
Thursday and Saturday afternoons (2 tables), the first day that can be asked for is
Tuesday 1 December and the last Wednesday 23 December.
"""

from datetime import date

import pytest
from django.urls import reverse

from digital_services.journeys.models import Draft
from prison_visits.constants import PrisonAvailability, PrisonerCheck
from prison_visits.models import Visit

from .booking import (
    BOOK,
    PRISONER,
    SAT_5_DEC,
    THU_3_DEC,
    TUE_1_DEC,
    answer_all,
    answer_until_visitors,
    date_data,
    errors,
    lead,
    visitor,
)
from .factories import (
    BlockedDateFactory,
    BookedVisitFactory,
    PrisonFactory,
    RegisterEntryFactory,
    slot_on,
)

pytestmark = pytest.mark.django_db


# ---------------------------------------------------------------- start and prison


def test_the_start_page_starts_the_journey(client, prison, frozen):
    page = client.get(reverse("prison_visits:start")).content.decode()

    assert f'href="{BOOK}"' in page
    assert client.get(BOOK)["Location"] == BOOK + "prison/"


def test_the_prison_page_lists_every_prison_and_works_without_choosing_from_a_list(
    client, prison, other_prison, frozen
):
    page = client.get(BOOK + "prison/").content.decode()

    assert "HMP Alpha" in page and "HMP Beta" in page
    response = client.post(BOOK + "prison/", {"prison": "  alpha "})
    assert response["Location"] == BOOK + "prisoner/"


def test_a_prison_name_that_matches_nothing_or_several_is_an_error(client, frozen):
    PrisonFactory(name="HMP Leeds")
    PrisonFactory(name="HMP Lewes")

    blank = client.post(BOOK + "prison/", {"prison": ""})
    unknown = client.post(BOOK + "prison/", {"prison": "Narnia"})
    several = client.post(BOOK + "prison/", {"prison": "HMP Le"})

    assert "Enter the name of the prison" in errors(blank)
    assert "Enter the name of a prison in England or Wales" in errors(unknown)
    assert 'value="Narnia"' in unknown.content.decode()
    assert "More than one prison has that name in it" in errors(several)
    assert "HMP Leeds or HMP Lewes" in errors(several)


@pytest.mark.parametrize(
    ("availability", "enabled", "heading", "link"),
    [
        (
            PrisonAvailability.CLOSED,
            True,
            "HMP Gone has closed",
            "https://www.gov.uk/find-prisoner",
        ),
        (
            PrisonAvailability.PRIVATE,
            True,
            "HMP Gone books its own visits",
            "https://www.gov.uk/guidance/gone-prison",
        ),
        (
            PrisonAvailability.NOT_ON_SERVICE,
            True,
            "You cannot book visits to HMP Gone online",
            "mailto:visits@testville.example",
        ),
        (
            PrisonAvailability.ON_SERVICE,
            False,
            "You cannot book visits to HMP Gone online",
            "0300 060 6000",
        ),
    ],
)
def test_a_prison_that_takes_no_online_requests_gets_its_own_cannot_book_page(
    client, frozen, availability, enabled, heading, link
):
    PrisonFactory(
        name="HMP Gone", availability=availability, enabled=enabled, finder_slug="gone-prison"
    )

    response = client.post(BOOK + "prison/", {"prison": "Gone"}, follow=True)

    page = response.content.decode()
    assert response.redirect_chain[-1][0] == BOOK + "cannot-book/"
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in page
    assert link in page
    assert "What did you think of this service?" in page
    # There is no way on: the next questions and the check page lead back here.
    assert client.get(BOOK + "prisoner/")["Location"] == BOOK + "cannot-book/"
    assert client.get(BOOK + "check/")["Location"] == BOOK + "cannot-book/"


# ---------------------------------------------------------------- prisoner


def test_each_prisoner_detail_has_its_own_error(client, prison, frozen):
    client.post(BOOK + "prison/", {"prison": prison.name})

    response = client.post(
        BOOK + "prisoner/",
        {
            "first_name": "",
            "last_name": "<b>x</b>",
            "date_of_birth_0": "31",
            "date_of_birth_1": "2",
            "date_of_birth_2": "1990",
            "prison_number": "12345",
        },
    )

    summary = errors(response)
    assert "Enter the prisoner’s first name" in summary
    assert "Last name must not include &lt; or &gt;" in summary
    assert "The prisoner’s date of birth must be a real date" in summary
    assert "Enter a prison number in the format A1234BC" in summary
    assert 'value="12345"' in response.content.decode()
    assert response.content.decode().count("<title>Error: ") == 1


@pytest.mark.parametrize(
    ("born", "message"),
    [
        (date(2027, 1, 1), "The prisoner’s date of birth must be in the past"),
        (date(1906, 11, 24), "cannot be more than 120 years ago"),
    ],
)
def test_a_prisoner_date_of_birth_must_be_believable(client, prison, frozen, born, message):
    client.post(BOOK + "prison/", {"prison": prison.name})

    response = client.post(BOOK + "prisoner/", {**PRISONER, **date_data("date_of_birth", born)})

    assert message in errors(response)


def test_a_prisoner_on_the_register_is_matched_by_number_and_date_of_birth(client, prison, frozen):
    RegisterEntryFactory(prison=prison, prison_number="A1234BC", date_of_birth=date(1990, 5, 17))
    client.post(BOOK + "prison/", {"prison": prison.name})

    response = client.post(BOOK + "prisoner/", PRISONER)

    assert response["Location"] == BOOK + "slots/"


def test_a_register_mismatch_is_an_error_on_both_the_number_and_the_date_of_birth(
    client, prison, frozen
):
    RegisterEntryFactory(prison=prison, prison_number="A1234BC", date_of_birth=date(1990, 5, 18))
    client.post(BOOK + "prison/", {"prison": prison.name})

    response = client.post(BOOK + "prisoner/", PRISONER)

    summary = errors(response)
    assert "Check the prison number: it does not match a prisoner at HMP Alpha" in summary
    assert "Check the date of birth: it does not match a prisoner at HMP Alpha" in summary
    assert 'href="#id_prison_number"' in summary


def test_a_prison_without_a_register_lets_the_request_through_not_verified(client, prison, frozen):
    answer_all(client, prison)

    client.post(BOOK + "check/")

    assert Visit.objects.get().prisoner_check == PrisonerCheck.NO_REGISTER


# ---------------------------------------------------------------- slots


def test_the_calendar_shows_bookable_full_and_blocked_days(client, prison, frozen):
    BookedVisitFactory.create_batch(
        2, prison=prison, slot=slot_on(THU_3_DEC), prisoner_number="Z9999ZZ"
    )
    BlockedDateFactory(prison=prison, date=SAT_5_DEC, reason="Family day: no social visits")
    client.post(BOOK + "prison/", {"prison": prison.name})
    client.post(BOOK + "prisoner/", PRISONER)

    page = client.get(BOOK + "slots/").content.decode()

    assert "December 2026" in page and "November 2026" in page
    assert "between Tuesday 1 December and Wednesday 23 December 2026" in page
    assert "The prison will tell you by Monday 30 November" in page
    assert "2pm to 4pm: fully booked" in page
    assert "Family day: no social visits" in page
    assert f'<option value="{slot_on(TUE_1_DEC).key}">2pm to 4pm</option>' in page
    assert slot_on(THU_3_DEC).key not in page  # full: shown in the calendar, not offered
    assert slot_on(SAT_5_DEC).key not in page


def test_one_to_three_different_times_can_be_chosen_and_a_gap_is_closed(client, prison, frozen):
    client.post(BOOK + "prison/", {"prison": prison.name})
    client.post(BOOK + "prisoner/", PRISONER)

    none = client.post(BOOK + "slots/", {})
    twice = client.post(
        BOOK + "slots/", {"choice_1": slot_on(TUE_1_DEC).key, "choice_2": slot_on(TUE_1_DEC).key}
    )
    junk = client.post(BOOK + "slots/", {"choice_1": "2026-12-01T99:00/16:00"})
    gap = client.post(
        BOOK + "slots/", {"choice_1": slot_on(TUE_1_DEC).key, "choice_3": slot_on(SAT_5_DEC).key}
    )

    assert "Choose a time for your visit" in errors(none)
    assert "You have already chosen this time" in errors(twice)
    assert "Choose a time from the list" in errors(junk)
    assert gap.status_code == 302
    draft = Draft.objects.get()
    assert draft.answers["slots"] == {
        "choice_1": slot_on(TUE_1_DEC).key,
        "choice_2": slot_on(SAT_5_DEC).key,
        "choice_3": "",
    }


def test_a_time_outside_the_window_cannot_be_chosen(client, prison, frozen):
    client.post(BOOK + "prison/", {"prison": prison.name})
    client.post(BOOK + "prisoner/", PRISONER)

    response = client.post(BOOK + "slots/", {"choice_1": slot_on(date(2026, 11, 28)).key})

    assert "Choose a time from the list" in errors(response)


def test_a_prisoner_without_allowance_left_is_told_why_and_when_it_renews(client, frozen):
    prison = PrisonFactory(name="HMP Alpha", visits_allowed=1, allowance_period_days=28)
    BookedVisitFactory(prison=prison, prisoner_number="A1234BC", slot=slot_on(date(2026, 11, 24)))
    client.post(BOOK + "prison/", {"prison": prison.name})
    client.post(BOOK + "prisoner/", PRISONER)

    page = client.get(BOOK + "slots/").content.decode()
    response = client.post(BOOK + "slots/", {"choice_1": slot_on(TUE_1_DEC).key})

    assert "Some days are not available because Jo Bloggs has used their visiting allowance" in page
    assert "from Tuesday 22 December 2026" in page
    assert "the prisoner has no visiting allowance left for that day" in errors(response)


def test_a_time_that_fills_up_after_it_was_chosen_must_be_chosen_again(client, prison, frozen):
    answer_all(client, prison)
    BookedVisitFactory.create_batch(
        2, prison=prison, slot=slot_on(TUE_1_DEC), prisoner_number="Z9999ZZ"
    )

    response = client.get(BOOK + "check/", follow=True)

    assert response.redirect_chain[-1][0] == BOOK + "slots/"
    assert "Tuesday 1 December 2026, 2pm to 4pm is now fully booked" in errors(response)


# ---------------------------------------------------------------- visitors


def test_the_lead_visitors_details_each_have_their_own_error(client, prison, frozen):
    answer_until_visitors(client, prison)

    response = client.post(
        BOOK + "lead-visitor/",
        lead(email="not-an-email", email_confirm="other@example.com", phone="12345"),
    )
    mismatch = client.post(BOOK + "lead-visitor/", lead(email_confirm="other@example.com"))

    summary = errors(response)
    assert "Enter an email address in the correct format" in summary
    assert "Enter a UK phone number" in summary
    assert "The email addresses do not match" in errors(mismatch)
    assert 'value="12345"' in response.content.decode()


@pytest.mark.parametrize(
    ("born", "accepted"),
    [(date(2008, 12, 1), True), (date(2008, 12, 2), False)],
    ids=["18 on the day of the visit", "18 the day after"],
)
def test_the_lead_visitor_must_be_18_on_the_day_of_the_visit(
    client, prison, frozen, born, accepted
):
    client.post(BOOK + "prison/", {"prison": prison.name})
    client.post(BOOK + "prisoner/", PRISONER)
    client.post(BOOK + "slots/", {"choice_1": slot_on(TUE_1_DEC).key})

    response = client.post(BOOK + "lead-visitor/", lead(born))

    if accepted:
        assert response.status_code == 302
    else:
        assert "The main visitor must be 18 or over on the day of the visit" in errors(response)


def test_a_lead_visitor_18_only_by_the_later_choice_is_refused(client, prison, frozen):
    answer_until_visitors(client, prison, slots=(SAT_5_DEC,))
    client.post(
        BOOK + "slots/", {"choice_1": slot_on(TUE_1_DEC).key, "choice_2": slot_on(SAT_5_DEC).key}
    )

    response = client.post(BOOK + "lead-visitor/", lead(date(2008, 12, 3)))

    assert "must be 18 or over on the day of the visit" in errors(response)


def test_another_visitor_needs_a_name_and_a_real_date_of_birth(client, prison, frozen):
    answer_until_visitors(client, prison)

    response = client.post(
        BOOK + "visitors/add/",
        {"first_name": "Casey", "last_name": "", "date_of_birth_0": "10", "date_of_birth_1": "9"},
    )

    summary = errors(response)
    assert "Enter the visitor’s last name" in summary
    assert "The visitor’s date of birth must include a year" in summary
    assert 'value="Casey"' in response.content.decode()


def test_up_to_5_more_visitors_can_be_added_and_no_more(client, prison, frozen):
    answer_until_visitors(client, prison)
    for n in range(5):
        client.post(BOOK + "visitors/add/", visitor(f"Child{n}", date(2015, 1, 1)))

    sixth = client.post(BOOK + "visitors/add/", visitor("Extra", date(2015, 1, 1)))
    page = client.get(BOOK + "visitors/").content.decode()

    # Sent from a second tab past the limit: an error, not dropped silently.
    assert sixth.status_code == 200
    assert "You have already added 5 visitors, the most you can" in errors(sixth)
    assert 'value="Extra"' in sixth.content.decode()
    assert "You cannot add any more visitors" in page
    assert len(Draft.objects.get().answers["visitors"]["items"]) == 5


@pytest.mark.parametrize(
    ("third_adult_born", "too_many"),
    [(date(2008, 12, 2), False), (date(2008, 12, 1), True)],
    ids=["turns 18 the day after: 3 adults", "turns 18 on the day: 4 adults"],
)
def test_at_most_3_visitors_may_be_adults_on_the_day(
    client, prison, frozen, third_adult_born, too_many
):
    answer_all(
        client,
        prison,
        others=[
            ("Adult", date(1980, 1, 1)),
            ("Adult", date(1981, 1, 1)),
            ("Teen", third_adult_born),
        ],
    )

    response = client.get(BOOK + "check/", follow=True)

    if too_many:
        assert response.redirect_chain[-1][0] == BOOK + "visitor-rules/"
        assert "You can bring up to 3 visitors aged 18 or over" in response.content.decode()
        assert 'href="/prison-visits/book/visitors/"' in response.content.decode()
    else:
        assert response.redirect_chain == []
        assert "Check your visit request" in response.content.decode()


def test_the_prisons_own_adult_age_counts(client, frozen):
    prison = PrisonFactory(name="HMP Alpha", adult_age=12)
    answer_all(
        client,
        prison,
        others=[("A", date(1980, 1, 1)), ("B", date(1981, 1, 1)), ("Twelve", date(2014, 12, 1))],
    )

    response = client.get(BOOK + "check/", follow=True)

    assert response.redirect_chain[-1][0] == BOOK + "visitor-rules/"
    assert "You can bring up to 3 visitors aged 12 or over" in response.content.decode()
