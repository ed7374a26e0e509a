"""KPI figures for the dashboard, against numbers worked out by hand (see kpi_data)."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured

from digital_services.core.money import pence_format
from digital_services.performance.kpis import (
    ALL_SERVICES_LABEL,
    CSV_HEADER,
    kpi_csv_rows,
    kpi_dashboard_get,
    period_shift,
    period_start_of,
    periods_list,
)
from digital_services.performance.selectors import (
    PeriodJourneyCounts,
    journey_counts_by_period,
    satisfaction_counts_by_period,
)
from digital_services.performance.templatetags.performance_tags import kpi_percent

from .factories import JourneyCompletedFactory, JourneyStartedFactory
from .kpi_data import CLAIMS, COSTS, VISITS, known_events_create

pytestmark = pytest.mark.django_db

WEEKS = {"start": date(2026, 9, 28), "end": date(2026, 11, 1), "granularity": "week"}
MONTHS = {"start": date(2026, 9, 1), "end": date(2026, 11, 30), "granularity": "month"}
TODAY = date(2027, 1, 15)


@pytest.fixture(autouse=True)
def _costs(settings):
    settings.PERFORMANCE_COST_PER_TRANSACTION_PENCE = dict(COSTS)


@pytest.fixture
def known_events():
    known_events_create()


def kpis(figures) -> tuple[str, str, str, str]:
    """Completion rate, digital take-up, satisfaction and cost per transaction, as shown."""
    return (
        kpi_percent(figures.completion_rate),
        kpi_percent(figures.digital_take_up),
        kpi_percent(figures.user_satisfaction),
        pence_format(figures.cost_per_transaction_pence) or "–",
    )


def by_period(service_figures) -> dict[date, object]:
    return {period.start: figures for period, figures in service_figures.by_period}


def test_journey_counts_by_period_are_counted_per_uk_week_and_service(known_events):
    rows = journey_counts_by_period(**WEEKS)

    assert rows == [
        PeriodJourneyCounts(CLAIMS, date(2026, 10, 5), 2, 1, 0, 0, 1, 0, 0, 0),
        PeriodJourneyCounts(CLAIMS, date(2026, 10, 26), 3, 3, 0, 0, 0, 1, 1, 1),
        PeriodJourneyCounts(VISITS, date(2026, 9, 28), 2, 0, 0, 0, 0, 0, 0, 0),
        PeriodJourneyCounts(VISITS, date(2026, 10, 5), 4, 3, 2, 1, 0, 0, 0, 0),
        PeriodJourneyCounts(VISITS, date(2026, 10, 19), 0, 1, 1, 0, 0, 0, 0, 0),
        PeriodJourneyCounts(VISITS, date(2026, 10, 26), 2, 0, 0, 0, 0, 0, 0, 0),
    ]


def test_satisfaction_counts_by_period_keep_feedback_from_no_service_apart(known_events):
    rows = satisfaction_counts_by_period(**WEEKS)

    assert [(r.service, r.period_start, r.responses, r.satisfied) for r in rows] == [
        ("", date(2026, 10, 5), 1, 1),
        (CLAIMS, date(2026, 10, 5), 1, 0),
        (VISITS, date(2026, 10, 5), 3, 2),
    ]


def test_counts_by_period_refuse_an_unknown_granularity():
    with pytest.raises(ValueError, match="Unknown period 'day'"):
        journey_counts_by_period(start=date(2026, 1, 1), end=date(2026, 1, 2), granularity="day")


def test_each_kpi_per_service_and_week_matches_the_hand_worked_figures(known_events):
    dashboard = kpi_dashboard_get(**WEEKS, today=TODAY)

    assert [p.start for p in dashboard.periods] == [
        date(2026, 9, 28),
        date(2026, 10, 5),
        date(2026, 10, 12),
        date(2026, 10, 19),
        date(2026, 10, 26),
    ]
    rows = {row.slug: row for row in dashboard.services}
    visits, claims = by_period(rows[VISITS]), by_period(rows[CLAIMS])

    assert kpis(visits[date(2026, 9, 28)]) == ("0.0%", "–", "–", "–")
    assert kpis(visits[date(2026, 10, 5)]) == ("75.0%", "66.7%", "66.7%", "£5.63")
    assert kpis(visits[date(2026, 10, 12)]) == ("–", "–", "–", "–")
    assert kpis(visits[date(2026, 10, 19)]) == ("–", "100.0%", "–", "£1.20")
    assert kpis(visits[date(2026, 10, 26)]) == ("0.0%", "–", "–", "–")
    assert visits[date(2026, 10, 26)].started == 2  # Monday 00:00 GMT and Sunday 1 Nov 00:00 GMT

    assert kpis(claims[date(2026, 10, 5)]) == ("50.0%", "0.0%", "0.0%", "£26.00")
    assert kpis(claims[date(2026, 10, 26)]) == ("100.0%", "0.0%", "–", "£13.83")
    assert [count for _, _, count in claims[date(2026, 10, 26)].volumes] == [0, 0, 0, 1, 1, 1]


def test_all_services_add_up_the_counts_before_dividing(known_events):
    dashboard = kpi_dashboard_get(**WEEKS, today=TODAY)
    overall = by_period(dashboard.overall)

    assert dashboard.overall.name == ALL_SERVICES_LABEL
    week = overall[date(2026, 10, 5)]
    assert (week.started, week.completed, week.completed_digital, week.cost_pence) == (
        6,
        4,
        2,
        4290,
    )
    # 4290p ÷ 4 = 1072.5p, rounded half up; satisfaction includes feedback from no service.
    assert kpis(week) == ("66.7%", "50.0%", "60.0%", "£10.73")
    assert kpis(overall[date(2026, 10, 12)]) == ("–", "–", "–", "–")
    assert kpis(overall[date(2026, 10, 26)]) == ("60.0%", "0.0%", "–", "£13.83")
    assert [count for _, _, count in overall[date(2026, 10, 5)].volumes] == [2, 1, 1, 0, 0, 0]


def test_totals_over_the_range_per_service_and_for_all_services(known_events):
    dashboard = kpi_dashboard_get(**WEEKS, today=TODAY)
    totals = {row.slug: row.total for row in dashboard.services}

    assert kpis(totals[VISITS]) == ("50.0%", "75.0%", "66.7%", "£4.53")
    assert kpis(totals[CLAIMS]) == ("80.0%", "0.0%", "0.0%", "£16.88")
    assert kpis(dashboard.overall.total) == ("61.5%", "37.5%", "60.0%", "£10.70")
    assert dashboard.overall.total.started == 13
    # Services with no events are listed, with nothing to divide by.
    assert {row.slug for row in dashboard.services} >= {VISITS, CLAIMS, "tribunal-fees"}
    assert kpis(totals["tribunal-fees"]) == ("–", "–", "–", "–")


def test_each_kpi_by_month_puts_midnight_events_in_the_right_month(known_events):
    dashboard = kpi_dashboard_get(**MONTHS, today=TODAY)
    visits = by_period(next(r for r in dashboard.services if r.slug == VISITS))
    overall = by_period(dashboard.overall)

    assert list(visits) == [date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)]
    assert visits[date(2026, 9, 1)].started == 1  # 23:59 BST on 30 September
    assert visits[date(2026, 10, 1)].started == 6  # from 00:00 BST on 1 October
    assert visits[date(2026, 11, 1)].started == 1  # 00:00 GMT on 1 November
    assert kpis(visits[date(2026, 10, 1)]) == ("66.7%", "75.0%", "66.7%", "£4.53")
    assert kpis(overall[date(2026, 10, 1)]) == ("72.7%", "37.5%", "60.0%", "£10.70")
    assert kpis(overall[date(2026, 11, 1)]) == ("0.0%", "–", "–", "–")


def test_one_service_only_counts_that_service(known_events):
    dashboard = kpi_dashboard_get(**WEEKS, service=CLAIMS, today=TODAY)

    assert [row.slug for row in dashboard.services] == [CLAIMS]
    assert dashboard.overall.slug == CLAIMS
    assert kpis(dashboard.overall.total) == ("80.0%", "0.0%", "0.0%", "£16.88")


def test_a_service_no_longer_registered_is_listed_by_its_slug_and_counted_in_all():
    JourneyStartedFactory(service="old-service", occurred_at=datetime(2026, 10, 7, tzinfo=UTC))
    JourneyCompletedFactory(service="old-service", occurred_at=datetime(2026, 10, 7, tzinfo=UTC))

    dashboard = kpi_dashboard_get(**WEEKS, today=TODAY)

    old = next(row for row in dashboard.services if row.slug == "old-service")
    assert old.name == "old-service"
    assert kpis(old.total) == ("100.0%", "100.0%", "–", "£1.20")
    assert kpis(dashboard.overall.total) == ("100.0%", "100.0%", "–", "£1.20")


def test_costs_come_from_settings(known_events, settings):
    settings.PERFORMANCE_COST_PER_TRANSACTION_PENCE = {**COSTS, "digital": 0, "phone": 300}

    dashboard = kpi_dashboard_get(**WEEKS, service=VISITS, today=TODAY)

    # Week of 5 October: (2 × 0 + 1 × 300) ÷ 3 = 100p.
    assert (
        pence_format(by_period(dashboard.overall)[date(2026, 10, 5)].cost_per_transaction_pence)
        == "£1.00"
    )


@pytest.mark.parametrize(
    ("costs", "message"),
    [
        ({**COSTS, "fax": 10}, "unknown channels fax"),
        ({k: v for k, v in COSTS.items() if k != "paper"}, "no cost for paper"),
        ({**COSTS, "phone": 14.5}, "'phone'] must be a whole number of pence"),
        ({**COSTS, "webchat": -1}, "'webchat'] must be a whole number of pence"),
        ({**COSTS, "digital": True}, "'digital'] must be a whole number of pence"),
        ([120], "must be a JSON object"),
    ],
)
def test_bad_costs_in_settings_stop_the_dashboard_with_a_clear_message(settings, costs, message):
    settings.PERFORMANCE_COST_PER_TRANSACTION_PENCE = costs

    with pytest.raises(ImproperlyConfigured, match=message.replace("[", r"\[").replace("]", r"\]")):
        kpi_dashboard_get(**WEEKS, today=TODAY)


def test_periods_are_whole_iso_weeks_and_calendar_months():
    weeks = periods_list(
        start=date(2026, 10, 1), end=date(2026, 10, 14), granularity="week", today=TODAY
    )
    months = periods_list(
        start=date(2026, 12, 15), end=date(2027, 2, 1), granularity="month", today=TODAY
    )

    assert [(p.start, p.end) for p in weeks] == [
        (date(2026, 9, 28), date(2026, 10, 4)),
        (date(2026, 10, 5), date(2026, 10, 11)),
        (date(2026, 10, 12), date(2026, 10, 18)),
    ]
    assert [(p.start, p.end) for p in months] == [
        (date(2026, 12, 1), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2027, 1, 31)),
        (date(2027, 2, 1), date(2027, 2, 28)),
    ]
    assert [p.label for p in weeks] == ["28 Sep 2026", "5 Oct 2026", "12 Oct 2026"]
    # 15 January 2027 is in January: that month and February are not over.
    assert [p.label for p in months] == [
        "December 2026",
        "January 2027 (so far)",
        "February 2027 (so far)",
    ]


def test_period_helpers_step_back_across_years():
    assert period_start_of(date(2027, 1, 3), granularity="week") == date(2026, 12, 28)
    assert period_shift(date(2027, 1, 15), granularity="month", periods=-11) == date(2026, 2, 1)
    assert period_shift(date(2027, 1, 15), granularity="week", periods=-1) == date(2027, 1, 4)


def test_the_csv_rows_have_one_row_per_service_and_period_with_every_kpi(known_events):
    dashboard = kpi_dashboard_get(**WEEKS, today=TODAY)

    rows = list(kpi_csv_rows(dashboard))

    assert rows[0] == CSV_HEADER
    # Every registered service and all services, for each of the 5 weeks.
    assert len(rows) == 1 + 5 * (len(dashboard.services) + 1)
    line = dict(
        zip(
            CSV_HEADER,
            next(r for r in rows if r[0] == "Book a prison visit" and r[2] == "2026-10-05"),
            strict=True,
        )
    )
    assert line == {
        "Service": "Book a prison visit",
        "Period": "5 Oct 2026",
        "Period start": "2026-10-05",
        "Period end": "2026-10-11",
        "Journeys started": 4,
        "Journeys completed": 3,
        "Completion rate (%)": "75.0",
        "Digital completions": 2,
        "Assisted completions": 1,
        "Digital take-up (%)": "66.7",
        "Completions: Digital": 2,
        "Completions: Phone": 1,
        "Completions: Face to face": 0,
        "Completions: Webchat": 0,
        "Completions: Paper": 0,
        "Completions: Assisted, how not recorded": 0,
        "Feedback responses": 3,
        "Satisfied responses": 2,
        "User satisfaction (%)": "66.7",
        "Total cost (£)": "16.90",
        "Cost per transaction (£)": "5.63",
    }
    empty = next(r for r in rows if r[0] == ALL_SERVICES_LABEL and r[2] == "2026-10-12")
    assert empty[6] == "" and empty[9] == "" and empty[-1] == ""


@time_machine.travel(datetime(2027, 1, 15, 12, 0, tzinfo=UTC), tick=False)
def test_the_current_period_is_marked_as_not_over():
    dashboard = kpi_dashboard_get(start=date(2027, 1, 1), end=date(2027, 1, 15), granularity="week")

    assert [p.label for p in dashboard.periods] == [
        "28 Dec 2026",
        "4 Jan 2027",
        "11 Jan 2027 (so far)",
    ]
