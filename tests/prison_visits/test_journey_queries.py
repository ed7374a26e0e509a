"""The journey's pages make a bounded number of queries that does not grow with the data.

Every page re-checks every answer (the journey engine), so each page pays for the
prison, the register check and the availability once: ``journeys.availability_for``
works the availability out once per request however many times forms are built.
"""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import sign_in

from .factories import BookedVisitFactory, PrisonFactory, RegisterEntryFactory, slot_on
from .test_journey import BOOK, answer_all, answer_until_visitors

pytestmark = pytest.mark.django_db

#: Most queries each page may make (session, user and draft included).
CEILINGS = {"slots": 16, "lead-visitor": 16, "check": 18, "status": 10}


def count(client, url: str) -> int:
    client.get(url)  # warm up
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def more_data(prison):
    """Rows these pages might read by accident: other prisons, visits and register entries."""
    PrisonFactory.create_batch(5)
    for day in (date(2026, 12, 1), date(2026, 12, 3), date(2026, 12, 5)):
        BookedVisitFactory(prison=prison, slot=slot_on(day), prisoner_number="Z9999ZZ")
    RegisterEntryFactory.create_batch(10, prison=prison)


@pytest.mark.parametrize("page", ["slots", "lead-visitor", "check"])
def test_a_journey_page_stays_under_its_ceiling_whatever_the_data(
    client, citizen, prison, frozen, page
):
    RegisterEntryFactory(prison=prison, prison_number="A1234BC", date_of_birth=date(1990, 5, 17))
    sign_in(client, citizen)
    answer_all(client, prison, others=[("Casey", date(2015, 9, 10))])
    url = BOOK + ("check/" if page == "check" else f"{page}/")
    few = count(client, url)

    more_data(prison)
    many = count(client, url)

    assert many == few
    assert many <= CEILINGS[page], f"{url}: {many} queries"


def test_the_visitors_list_costs_the_same_for_5_visitors_as_for_1(client, prison, frozen):
    answer_until_visitors(client, prison)
    client.post(
        BOOK + "visitors/add/",
        {
            "first_name": "A",
            "last_name": "B",
            "date_of_birth_0": "1",
            "date_of_birth_1": "1",
            "date_of_birth_2": "2015",
        },
    )
    few = count(client, BOOK + "visitors/")
    for n in range(4):
        client.post(
            BOOK + "visitors/add/",
            {
                "first_name": f"C{n}",
                "last_name": "B",
                "date_of_birth_0": "1",
                "date_of_birth_1": "1",
                "date_of_birth_2": "2015",
            },
        )

    assert count(client, BOOK + "visitors/") == few


def test_the_status_page_stays_under_its_ceiling(client, citizen, prison, frozen):
    visit = BookedVisitFactory(prison=prison, user=citizen)
    sign_in(client, citizen)
    url = f"/prison-visits/visits/{visit.reference}/"
    few = count(client, url)

    more_data(prison)
    many = count(client, url)

    assert many == few
    assert many <= CEILINGS["status"]
