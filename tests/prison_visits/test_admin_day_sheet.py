"""The day sheet: booked visits of a day for the staff's prisons, a prison at a time, to print
or download (the rest of the staff side is in test_admin.py)."""

from datetime import date

import pytest
from django.urls import reverse

from tests.conftest import sign_in

from .factories import (
    AssignmentFactory,
    BookedVisitFactory,
    CancelledVisitFactory,
    PrisonFactory,
    slot_on,
)

pytestmark = pytest.mark.django_db

TUE_1_DEC = date(2026, 12, 1)


def url(name, *args):
    return reverse(f"admin:prison_visits_{name}", args=args)


def test_the_day_sheet_and_its_csv_show_only_the_caseworkers_prisons(
    client, caseworker, prison, other_prison, frozen
):
    mine = BookedVisitFactory(prison=prison, slot=slot_on(TUE_1_DEC), prisoner_number="A1111AA")
    BookedVisitFactory(prison=other_prison, slot=slot_on(TUE_1_DEC), prisoner_number="B2222BB")
    excluded = mine.visitors.get(position=1)
    excluded.allowed = False
    excluded.save()
    sign_in(client, caseworker, second_factor=True)

    page = client.get(url("visit_day_sheet"), {"date": "2026-12-01"}).content.decode()
    assert "A1111AA" in page and "B2222BB" not in page
    assert "Lee Visitor" in page and "Kid Visitor" not in page  # allowed visitors only
    assert "2pm to 4pm" in page

    csv_response = client.get(url("visit_day_sheet"), {"date": "2026-12-01", "format": "csv"})
    assert csv_response["Content-Type"].startswith("text/csv")
    body = csv_response.content.decode()
    assert "A1111AA" in body and "B2222BB" not in body
    assert "Lee Visitor (2 March 1985)" in body and "Kid Visitor" not in body


def test_the_day_sheet_of_a_caseworker_with_one_prison_needs_no_choice(
    client, caseworker, prison, frozen
):
    BookedVisitFactory(prison=prison, slot=slot_on(TUE_1_DEC), prisoner_number="A1111AA")
    sign_in(client, caseworker, second_factor=True)

    page = client.get(url("visit_day_sheet"), {"date": "2026-12-01"}).content.decode()

    assert "HMP Alpha: Tuesday 1 December 2026" in page
    assert "A1111AA" in page
    assert "All your prisons" not in page and "Choose a prison" not in page
    empty = client.get(url("visit_day_sheet"), {"date": "2026-12-02"}).content.decode()
    assert "No visits are booked for Wednesday 2 December 2026 at HMP Alpha." in empty


@pytest.fixture
def two_prisons_visits(prison, other_prison, frozen):
    return {
        "alpha_booked": [
            BookedVisitFactory(prison=prison, slot=slot_on(TUE_1_DEC), prisoner_number=number)
            for number in ("A1111AA", "A2222AA")
        ],
        "alpha_cancelled": CancelledVisitFactory(
            prison=prison, slot=slot_on(TUE_1_DEC), prisoner_number="A3333AA"
        ),
        "beta_booked": BookedVisitFactory(
            prison=other_prison, slot=slot_on(TUE_1_DEC), prisoner_number="B2222BB"
        ),
        "beta_another_day": BookedVisitFactory(
            prison=other_prison, slot=slot_on(date(2026, 12, 2)), prisoner_number="B3333BB"
        ),
    }


@pytest.fixture
def two_prison_caseworker(caseworker, other_prison):
    AssignmentFactory(user=caseworker, prison=other_prison)
    return caseworker


@pytest.mark.parametrize("who", ["administrator", "two_prison_caseworker"])
def test_the_day_sheet_counts_visits_per_prison_for_someone_who_sees_several(
    client, request, who, prison, other_prison, two_prisons_visits
):
    sign_in(client, request.getfixturevalue(who), second_factor=True)

    response = client.get(url("visit_day_sheet"), {"date": "2026-12-01"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose a prison to see and print its day sheet." in page
    alpha = page.index(f'?date=2026-12-01&amp;prison={prison.pk}">HMP Alpha</a>')
    beta = page.index(f'?date=2026-12-01&amp;prison={other_prison.pk}">HMP Beta</a>')
    assert alpha < beta
    assert "<td>2</td>\n<td>1</td>" in page[alpha:beta]  # booked, cancelled
    assert "<td>1</td>\n<td>0</td>" in page[beta:]
    for number in ("A1111AA", "A2222AA", "A3333AA", "B2222BB", "B3333BB"):
        assert number not in page  # counts, not the visits


@pytest.mark.parametrize(
    "who, sees_gamma", [("administrator", True), ("two_prison_caseworker", False)]
)
def test_the_day_sheet_summary_counts_only_the_prisons_someone_sees(
    client, request, who, sees_gamma, two_prisons_visits
):
    """An administrator's summary counts every prison (with no prison filter in its query); a
    caseworker's only theirs."""
    gamma = PrisonFactory(name="HMP Gamma")
    BookedVisitFactory(prison=gamma, slot=slot_on(TUE_1_DEC))
    sign_in(client, request.getfixturevalue(who), second_factor=True)

    page = client.get(url("visit_day_sheet"), {"date": "2026-12-01"}).content.decode()

    assert ("HMP Alpha</a>" in page) and ("HMP Beta</a>" in page)
    assert (f'prison={gamma.pk}">HMP Gamma</a></th>\n<td>1</td>\n<td>0</td>' in page) is sees_gamma


def test_the_day_sheet_summary_links_to_each_prisons_full_sheet(
    client, two_prison_caseworker, prison, other_prison, two_prisons_visits
):
    sign_in(client, two_prison_caseworker, second_factor=True)

    page = client.get(
        url("visit_day_sheet"), {"date": "2026-12-01", "prison": other_prison.pk}
    ).content.decode()

    assert "HMP Beta: Tuesday 1 December 2026" in page
    assert "B2222BB" in page
    assert "A1111AA" not in page and "B3333BB" not in page
    assert 'href="?date=2026-12-01">Back to all your prisons' in page
    alpha = client.get(
        url("visit_day_sheet"), {"date": "2026-12-01", "prison": prison.pk}
    ).content.decode()
    assert "A1111AA" in alpha and "A2222AA" in alpha and "B2222BB" not in alpha
    assert "Cancelled" in alpha and "A3333AA" in alpha


def test_the_day_sheet_summary_says_when_no_prison_has_visits(
    client, administrator, two_prisons_visits
):
    sign_in(client, administrator, second_factor=True)

    page = client.get(url("visit_day_sheet"), {"date": "2026-12-03"}).content.decode()

    assert "No visits are booked for Thursday 3 December 2026 at your prisons." in page
    assert "Choose a prison to see" not in page


def test_the_day_sheet_csv_keeps_every_prisons_rows(client, administrator, two_prisons_visits):
    sign_in(client, administrator, second_factor=True)

    page = client.get(url("visit_day_sheet"), {"date": "2026-12-01"}).content.decode()
    assert '<a href="?date=2026-12-01&amp;format=csv">Download as CSV</a>' in page
    body = client.get(
        url("visit_day_sheet"), {"date": "2026-12-01", "format": "csv"}
    ).content.decode()

    for number in ("A1111AA", "A2222AA", "A3333AA", "B2222BB"):
        assert number in body
    assert "B3333BB" not in body  # another day
    assert body.count("HMP Alpha") == 3 and body.count("HMP Beta") == 1


def test_the_day_sheet_csv_link_works_without_a_date_typed(client, administrator, frozen):
    sign_in(client, administrator, second_factor=True)

    page = client.get(url("visit_day_sheet")).content.decode()

    assert '<a href="?date=2026-11-25&amp;format=csv">Download as CSV</a>' in page


def test_the_day_sheet_refuses_another_prisons_filter(
    client, caseworker, other_prison, two_prisons_visits
):
    sign_in(client, caseworker, second_factor=True)

    response = client.get(url("visit_day_sheet"), {"date": "2026-12-01", "prison": other_prison.pk})
    csv_response = client.get(
        url("visit_day_sheet"), {"date": "2026-12-01", "prison": other_prison.pk, "format": "csv"}
    )

    page = response.content.decode()
    assert "Choose one of your prisons from the list" in page
    assert "B2222BB" not in page and "HMP Beta" not in page
    assert csv_response["Content-Type"].startswith("text/html")  # the form, with its error
    assert "B2222BB" not in csv_response.content.decode()


def test_the_day_sheet_keeps_what_was_typed_when_the_date_is_wrong(
    client, two_prison_caseworker, other_prison, frozen
):
    sign_in(client, two_prison_caseworker, second_factor=True)

    page = client.get(
        url("visit_day_sheet"), {"date": "2026-02-31", "prison": other_prison.pk}
    ).content.decode()

    assert "Enter a real date" in page
    assert 'value="2026-02-31"' in page
    assert f'<option value="{other_prison.pk}" selected>HMP Beta</option>' in page


@pytest.mark.parametrize("chosen", [False, True], ids=["summary", "a prison"])
def test_the_day_sheet_makes_as_many_queries_for_many_visits_as_for_few(
    client, administrator, prison, other_prison, frozen, chosen
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sign_in(client, administrator, second_factor=True)
    query = {"date": "2026-12-01", **({"prison": prison.pk} if chosen else {})}

    def queries() -> int:
        client.get(url("visit_day_sheet"), query)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url("visit_day_sheet"), query).status_code == 200
        return len(captured.captured_queries)

    BookedVisitFactory(prison=prison, slot=slot_on(TUE_1_DEC))
    few = queries()
    for at in (prison, other_prison, PrisonFactory(name="HMP Gamma")):
        BookedVisitFactory.create_batch(5, prison=at, slot=slot_on(TUE_1_DEC))
        CancelledVisitFactory(prison=at, slot=slot_on(TUE_1_DEC))

    assert queries() == few <= 8
