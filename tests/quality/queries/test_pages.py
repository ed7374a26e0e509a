"""The main public pages make a bounded number of queries that does not grow with the data.

Each page has a ceiling (``django_assert_max_num_queries``), and is measured with a
little data and with more: the two counts must be equal.
"""

import datetime as dt
import re

import pytest
from django.utils import timezone

from digital_services.journeys.models import Draft
from tests.conftest import sign_in
from tests.journeys.helpers import APPLY_URL, date_data

from .conftest import measured, production_queries_for, queries_for
from .seed import drafts_seed, payments_seed, rows_seed, users_seed
from .urls import MANY

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.quality.queries.urls")]

#: Most queries each page may make. A session-backed page already pays for the
#: session, the user and saving the session (SESSION_SAVE_EVERY_REQUEST).
CEILINGS = {
    "start": 4,
    "healthz": 1,
    "journey step": 8,
    "check your answers": 8,
    # Counted as production runs it (no savepoints): session, user, one query per kind of
    # case each service lists (7 here, the example service's included), drafts, session save.
    "your applications": 12,
}


def more_data():
    """Rows in the tables these pages might read by accident."""
    users_seed(20)
    drafts_seed(20)
    payments_seed(5)


def answer_all(client, *, children: int):
    client.post(APPLY_URL + "name/", {"full_name": "Ann Example"})
    client.post(APPLY_URL + "date-of-birth/", date_data("date_of_birth", dt.date(1980, 8, 13)))
    client.post(APPLY_URL + "has-children/", {"has_children": "yes"})
    for number in range(children):
        client.post(APPLY_URL + "children/add/", {"name": f"Child {number}", "age": "7"})
    client.post(APPLY_URL + "children/", {"add_another": "no"})
    client.post(APPLY_URL + "amount/", {"amount": "10", "interest_rate": "8"})
    visit = timezone.localdate() + dt.timedelta(days=10)
    client.post(APPLY_URL + "visit-date/", date_data("visit_date", visit))


@pytest.mark.parametrize(("page", "url"), [("start", "/"), ("healthz", "/healthz")])
def test_public_pages_stay_under_their_ceiling_whatever_the_data(
    client, page, url, django_assert_max_num_queries
):
    few, _ = queries_for(client, url)
    more_data()

    many, response = measured(client, url, CEILINGS[page], django_assert_max_num_queries)

    assert response.status_code == 200
    assert many == few


def test_a_journey_step_stays_under_its_ceiling_whatever_the_data(
    client, citizen, django_assert_max_num_queries
):
    sign_in(client, citizen)
    client.post(APPLY_URL + "name/", {"full_name": "Ann Example"})
    few, _ = queries_for(client, APPLY_URL + "date-of-birth/")
    more_data()

    many, response = measured(
        client,
        APPLY_URL + "date-of-birth/",
        CEILINGS["journey step"],
        django_assert_max_num_queries,
    )

    assert response.status_code == 200
    assert many == few


def test_check_your_answers_stays_under_its_ceiling_whatever_the_answers(
    client, citizen, django_assert_max_num_queries
):
    sign_in(client, citizen)
    answer_all(client, children=1)
    few, first = queries_for(client, APPLY_URL + "check/")
    assert "Child 0" in first.content.decode()
    Draft.objects.all().delete()
    more_data()
    answer_all(client, children=2)

    many, response = measured(
        client, APPLY_URL + "check/", CEILINGS["check your answers"], django_assert_max_num_queries
    )

    assert "Child 1" in response.content.decode()
    assert many == few


def test_your_applications_makes_as_many_queries_for_20_drafts_as_for_1(client, citizen):
    sign_in(client, citizen)
    client.post(f"/example/{MANY[0].slug}/name/", {"full_name": "Ann"})
    few, first = production_queries_for(client, "/accounts/your-applications/")
    assert MANY[0].title in first.content.decode()
    for journey in MANY[1:]:
        client.post(f"/example/{journey.slug}/name/", {"full_name": "Ann"})
    assert Draft.objects.filter(user=citizen).count() == 20
    more_data()

    many, response = production_queries_for(client, "/accounts/your-applications/")

    assert MANY[19].title in response.content.decode()
    assert many == few
    assert many <= CEILINGS["your applications"]


def test_rows_seed_makes_the_rows_it_is_asked_for():
    """Guards the data the tests above rely on."""
    from django.contrib.auth import get_user_model

    before = get_user_model().objects.count()
    rows_seed(get_user_model(), 3)

    assert get_user_model().objects.count() == before + 3


def test_your_applications_makes_as_many_queries_with_a_case_of_every_kind_as_with_none(
    client, citizen
):
    """A service's list must not add a query (a prefetch, a look-up per case) once the
    person has a case in it: counted with none, then with one of each kind and more."""
    from lasting_power import demo as lpa_demo
    from lasting_power.constants import LpaType
    from tests.civil_claims.factories import claim_issued
    from tests.civil_claims.factories_defendant import claim_linked_to
    from tests.civil_claims.factories_possession_defendant import (
        possession_claim_issued,
        possession_claim_linked_to,
    )
    from tests.prison_visits.factories import BookedVisitFactory, RequestedVisitFactory
    from tests.tribunal_fees.factories import FeeCaseFactory, PaidFeeCaseFactory

    sign_in(client, citizen)
    none, _ = production_queries_for(client, "/accounts/your-applications/")

    lpa_demo.lpa_answered(citizen, LpaType.PROPERTY_FINANCE, lpa_demo.COMPLETED)
    lpa_demo.lpa_answered(citizen, LpaType.HEALTH_WELFARE, lpa_demo.IN_PROGRESS)
    claim_issued(user=citizen)
    claim_linked_to(citizen)
    possession_claim_issued(user=citizen)
    possession_claim_linked_to(citizen)
    RequestedVisitFactory(user=citizen)
    BookedVisitFactory(user=citizen)
    FeeCaseFactory(user=citizen)
    PaidFeeCaseFactory(user=citizen)
    more_data()

    every, response = production_queries_for(client, "/accounts/your-applications/")

    html = response.content.decode()
    # One row per case in each service's table body (the header rows left out): all 10.
    bodies = re.findall(r"<tbody.*?</tbody>", html, re.S)
    assert sum(body.count("<tr") for body in bodies) == 10
    assert "Money claim made against you by" in html
    assert "Possession claim for" in html
    assert every == none
    assert every <= CEILINGS["your applications"]
