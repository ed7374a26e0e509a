"""The service performance dashboard page and its CSV export (staff: service owners)."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from digital_services.accounts.constants import CASEWORKER_ROLES, CITIZEN, SERVICE_OWNER
from digital_services.accounts.services import user_role_add
from tests.accounts.factories import StaffWithTotpFactory, UserFactory
from tests.conftest import sign_in

from .factories import (
    AssistedJourneyCompletedFactory,
    JourneyCompletedFactory,
    JourneyStartedFactory,
    SatisfactionResponseFactory,
)
from .kpi_data import CLAIMS, COSTS, VISITS, known_events_create

pytestmark = pytest.mark.django_db

DASHBOARD_URL = reverse("performance_staff:dashboard")
CSV_URL = reverse("performance_staff:dashboard-csv")
OCTOBER_WEEKS = {
    "period": "week",
    "date_from_0": "28",
    "date_from_1": "9",
    "date_from_2": "2026",
    "date_to_0": "1",
    "date_to_1": "11",
    "date_to_2": "2026",
}
NOW = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _frozen_time_and_costs(settings):
    settings.PERFORMANCE_COST_PER_TRANSACTION_PENCE = dict(COSTS)
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def service_owner(client):
    owner = StaffWithTotpFactory()
    user_role_add(user=owner, role=SERVICE_OWNER)
    return sign_in(client, owner, second_factor=True)


def table(content: str, table_id: str) -> list[list[str]]:
    """The text of each row of the table with this id (header row first)."""
    match = re.search(rf'<table[^>]*id="{table_id}".*?</table>', content, re.S)
    assert match, f"no table {table_id}"
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", match.group(0), re.S)
    return [
        [
            re.sub(r"<[^>]+>|\s+", " ", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in rows
    ]


def test_the_dashboard_needs_a_signed_in_user(client):
    response = client.get(DASHBOARD_URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_citizen_may_not_see_the_dashboard(client):
    citizen = UserFactory()
    user_role_add(user=citizen, role=CITIZEN)
    sign_in(client, citizen)

    assert client.get(DASHBOARD_URL).status_code == 403
    assert client.get(CSV_URL).status_code == 403


def test_a_caseworker_without_the_kpi_permission_may_not_see_the_dashboard(client):
    caseworker = StaffWithTotpFactory()
    user_role_add(user=caseworker, role=CASEWORKER_ROLES["prison_visits"])
    sign_in(client, caseworker, second_factor=True)

    assert client.get(DASHBOARD_URL).status_code == 403
    assert client.get(CSV_URL).status_code == 403


def test_staff_must_pass_the_second_factor_before_the_dashboard_opens(client):
    owner = StaffWithTotpFactory()
    user_role_add(user=owner, role=SERVICE_OWNER)
    sign_in(client, owner)

    response = client.get(DASHBOARD_URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:staff-second-factor"))


def test_a_superuser_may_see_the_dashboard(client, django_user_model):
    admin = django_user_model.objects.create_superuser(
        email="root@justice.example", password="a-long-password-1"
    )
    sign_in(client, admin, second_factor=True)

    assert client.get(DASHBOARD_URL).status_code == 200


def test_a_service_owner_sees_the_last_12_weeks_by_default(service_owner):
    response = service_owner.get(DASHBOARD_URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1") == 1
    assert "All services, by week, 26 October 2026 to 17 January 2027" in content
    rows = table(content, "kpi-rates")
    assert len(rows) == 1 + 12
    assert rows[-1][0] == "11 Jan 2027 (so far)"
    assert rows[-1][1:] == ["0", "0", "–", "0", "–"]  # no events: no rates, not 0%
    assert 'value="week" checked' in content or re.search(r'value="week"[^>]*checked', content)


def test_the_dashboard_shows_the_hand_worked_figures_in_tables(service_owner):
    known_events_create()

    response = service_owner.get(DASHBOARD_URL, OCTOBER_WEEKS)

    content = response.content.decode()
    assert "All services, by week, 28 September 2026 to 1 November 2026" in content
    totals = {row[0]: row[1:] for row in table(content, "kpi-totals")[1:]}
    assert totals["Book a prison visit"] == ["8", "4", "50.0%", "75.0%", "66.7%", "£4.53"]
    assert totals["Make a money claim"] == ["5", "4", "80.0%", "0.0%", "0.0%", "£16.88"]
    assert totals["All services"] == ["13", "8", "61.5%", "37.5%", "60.0%", "£10.70"]
    assert totals["Pay tribunal fees"] == ["0", "0", "–", "–", "–", "–"]

    rates = table(content, "kpi-rates")
    assert rates[0] == [
        "Week beginning",
        "Journeys started",
        "Journeys completed",
        "Completion rate",
        "Completed digitally",
        "Digital take-up",
    ]
    assert rates[2] == ["5 Oct 2026", "6", "4", "66.7%", "2", "50.0%"]
    assert rates[4] == ["19 Oct 2026", "0", "1", "–", "1", "100.0%"]
    satisfaction = table(content, "kpi-satisfaction-cost")
    assert satisfaction[2] == ["5 Oct 2026", "5", "3", "60.0%", "£42.90", "£10.73"]
    volumes = table(content, "kpi-volumes")
    assert volumes[0][1:] == [
        "Digital",
        "Phone",
        "Face to face",
        "Webchat",
        "Paper",
        "Assisted, how not recorded",
        "Total",
    ]
    assert volumes[5] == ["26 Oct 2026", "0", "0", "0", "1", "1", "1", "3"]


def test_the_dashboard_filters_to_one_service_by_month(service_owner):
    known_events_create()

    response = service_owner.get(
        DASHBOARD_URL,
        {
            **OCTOBER_WEEKS,
            "service": CLAIMS,
            "period": "month",
            "date_from_0": "1",
            "date_from_1": "10",
            "date_to_0": "31",
            "date_to_1": "10",
        },
    )

    content = response.content.decode()
    assert "Make a money claim, by month, 1 October 2026 to 31 October 2026" in content
    assert table(content, "kpi-totals")[1:] == [
        ["Make a money claim", "5", "4", "80.0%", "0.0%", "0.0%", "£16.88"]
    ]
    assert table(content, "kpi-rates")[1] == ["October 2026", "5", "4", "80.0%", "0", "0.0%"]


def test_each_chart_is_an_accessible_svg_next_to_a_table_of_the_same_figures(service_owner):
    known_events_create()

    content = service_owner.get(DASHBOARD_URL, OCTOBER_WEEKS).content.decode()

    for chart_id, table_id in (
        ("kpi-rates-chart", "kpi-rates"),
        ("kpi-volumes-chart", "kpi-volumes"),
    ):
        svg = re.search(rf'<svg[^>]*id="{chart_id}".*?</svg>', content, re.S).group(0)
        assert 'role="img"' in svg
        assert f'aria-labelledby="{chart_id}-title {chart_id}-desc"' in svg
        assert re.search(rf'<title id="{chart_id}-title">[^<]+</title>', svg)
        assert re.search(rf'<desc id="{chart_id}-desc">[^<]*table after the chart[^<]*</desc>', svg)
        assert "style=" not in svg  # the CSP forbids inline styles
        # The table with the same figures comes straight after the chart.
        after = content[content.index(svg) + len(svg) :]
        assert re.match(rf'\s*</div>\s*<table[^>]*id="{table_id}"', after)
    rates_svg = re.search(r'<svg[^>]*id="kpi-rates-chart".*?</svg>', content, re.S).group(0)
    assert "5 Oct 2026: Completion rate 66.7%" in rates_svg
    volumes_svg = re.search(r'<svg[^>]*id="kpi-volumes-chart".*?</svg>', content, re.S).group(0)
    assert "26 Oct 2026: Webchat 1" in volumes_svg
    assert 'fill="#1d70b8"' in volumes_svg


def test_the_page_explains_how_each_figure_is_worked_out(service_owner):
    content = service_owner.get(DASHBOARD_URL).content.decode()

    assert '<details class="govuk-details">' in content
    for term in ("Completion rate", "Digital take-up", "User satisfaction", "Cost per transaction"):
        assert f'<dt class="govuk-summary-list__key">{term}</dt>' in content
    assert "including “not eligible”" in content
    costs = {row[0]: row[1] for row in table(content, "kpi-costs")[1:]}
    assert costs["Digital"] == "£1.20" and costs["Face to face"] == "£26.00"


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        (
            {"date_from_0": "1", "date_from_1": "10", "date_from_2": "2026"},
            "date_to_0",
            "Enter an end date",
        ),
        (
            {"date_to_0": "1", "date_to_1": "10", "date_to_2": "2026"},
            "date_from_0",
            "Enter a start date",
        ),
        (
            {**OCTOBER_WEEKS, "date_from_0": "31", "date_from_1": "2"},
            "date_from_0",
            "Start date must be a real date",
        ),
        ({**OCTOBER_WEEKS, "date_from_1": ""}, "date_from_1", "Start date must include a month"),
        ({**OCTOBER_WEEKS, "date_to_2": "26"}, "date_to_0", "End date year must include 4 numbers"),
        ({**OCTOBER_WEEKS, "date_to_0": "x"}, "date_to_0", "End date must be a real date"),
        (
            {**OCTOBER_WEEKS, "date_to_2": "2027", "date_to_1": "2"},
            "date_to_0",
            "End date must be today or in the past",
        ),
        (
            {**OCTOBER_WEEKS, "date_from_2": "2027", "date_from_1": "1", "date_to_2": "2026"},
            "date_from_0",
            "Start date must be the same as or before the end date",
        ),
        (
            {**OCTOBER_WEEKS, "date_from_2": "2024"},
            "date_from_0",
            "Start date must be no more than 2 years before the end date when showing figures by week",
        ),
        ({"service": "no-such-service"}, "service", "Select a service from the list"),
        ({"period": "day"}, "period_1", "Select whether to show figures by week or by month"),
    ],
)
def test_bad_filters_are_explained_and_what_was_typed_is_kept(
    service_owner, params, field, message
):
    response = service_owner.get(DASHBOARD_URL, params)

    assert response.status_code == 200
    content = response.content.decode()
    assert content.startswith("<!DOCTYPE html>")
    assert "<title>Error: Service performance" in content
    # The summary links to the first date part or radio, as the GOV.UK pattern asks.
    assert f'<a href="#id_{field}">{message}</a>' in content
    assert 'class="govuk-error-message"' in content
    assert 'id="kpi-totals"' not in content  # no figures for filters that make no sense
    for name, value in params.items():
        if value and name.startswith("date_"):
            assert f'name="{name}"' in content
            assert re.search(
                rf'name="{name}"[^>]*value="{re.escape(value)}"|value="{re.escape(value)}"[^>]*name="{name}"',
                content,
            ), name


def test_five_years_of_months_are_allowed_where_weeks_would_be_too_many(service_owner):
    params = {**OCTOBER_WEEKS, "period": "month", "date_from_2": "2022"}

    content = service_owner.get(DASHBOARD_URL, params).content.decode()

    assert "Error:" not in content
    assert len(table(content, "kpi-rates")) == 1 + 51  # September 2022 to November 2026


def test_the_csv_export_has_a_row_per_service_and_period_with_every_kpi(service_owner):
    known_events_create()

    response = service_owner.get(CSV_URL, OCTOBER_WEEKS)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="service-performance-all-services-week-2026-09-28-2026-11-01.csv"'
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    services = {row["Service"] for row in rows}
    assert {"Book a prison visit", "Make a money claim", "All services"} <= services
    assert len(rows) == 5 * len(services)
    week = next(
        r for r in rows if r["Service"] == "All services" and r["Period start"] == "2026-10-05"
    )
    assert week["Completion rate (%)"] == "66.7"
    assert week["Digital take-up (%)"] == "50.0"
    assert week["User satisfaction (%)"] == "60.0"
    assert week["Cost per transaction (£)"] == "10.73"
    assert week["Completions: Face to face"] == "1"


def test_the_dashboard_links_to_the_csv_with_the_same_filters(service_owner):
    content = service_owner.get(
        DASHBOARD_URL, {**OCTOBER_WEEKS, "service": VISITS}
    ).content.decode()

    link = (
        re.search(r'<a class="govuk-link" href="([^"]+)" download>', content)
        .group(1)
        .replace("&amp;", "&")
    )
    assert link.startswith(CSV_URL + "?")
    assert "service=prison-visits" in link and "date_from_0=28" in link


def test_the_csv_export_is_safe_to_open_in_a_spreadsheet(service_owner):
    JourneyStartedFactory(service="-2+3", occurred_at=NOW - timedelta(days=1))

    response = service_owner.get(CSV_URL)

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert any(row[0] == "'-2+3" for row in rows)
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_the_csv_export_with_bad_filters_goes_back_to_the_page(service_owner):
    response = service_owner.get(CSV_URL, {"period": "day"})

    assert response.status_code == 302
    assert response["Location"] == f"{DASHBOARD_URL}?period=day"


def test_the_dashboard_makes_the_same_number_of_queries_whatever_the_data(service_owner):
    service_owner.get(DASHBOARD_URL)  # warm up the session and permission caches
    with CaptureQueriesContext(connection) as empty:
        service_owner.get(DASHBOARD_URL, {"period": "month"})

    for weeks_ago in range(0, 52, 3):
        when = NOW - timedelta(weeks=weeks_ago)
        for service in (VISITS, CLAIMS, "tribunal-fees", "lasting-power"):
            JourneyStartedFactory.create_batch(2, service=service, occurred_at=when)
            JourneyCompletedFactory(service=service, occurred_at=when)
            AssistedJourneyCompletedFactory(service=service, occurred_at=when)
            SatisfactionResponseFactory(service=service, created_at=when)

    with CaptureQueriesContext(connection) as full:
        response = service_owner.get(DASHBOARD_URL, {"period": "month"})

    assert response.status_code == 200
    assert len(full) == len(empty)
    kpi_queries = [q for q in full.captured_queries if "performance_" in q["sql"]]
    assert len(kpi_queries) == 2


def test_the_dashboard_query_count_stays_small(service_owner, django_assert_max_num_queries):
    known_events_create()

    # Session, user, 2 for permissions, 2 for the figures, and the session save
    # (an UPDATE between a savepoint and its release).
    with django_assert_max_num_queries(9):
        service_owner.get(DASHBOARD_URL, OCTOBER_WEEKS)
