"""KPI figures, checked against numbers worked out by hand.

October 2026 in UK time runs from 2026-09-30 23:00 UTC (BST) to 2026-11-01 00:00
UTC (GMT after 25 October).
"""

from datetime import UTC, date, datetime

import pytest

from digital_services.performance.selectors import (
    JourneyCounts,
    journey_counts_by_service,
    satisfaction_score_get,
)

from .factories import (
    AssistedJourneyCompletedFactory,
    JourneyCompletedFactory,
    JourneyStartedFactory,
    SatisfactionResponseFactory,
)

pytestmark = pytest.mark.django_db

OCTOBER = {"start": date(2026, 10, 1), "end": date(2026, 10, 31)}
MID_OCTOBER = datetime(2026, 10, 15, 12, 0, tzinfo=UTC)
FIRST_MINUTE_OF_OCTOBER = datetime(2026, 9, 30, 23, 0, tzinfo=UTC)  # 00:00 BST
LAST_MINUTE_OF_SEPTEMBER = datetime(2026, 9, 30, 22, 59, tzinfo=UTC)  # 23:59 BST
FIRST_MINUTE_OF_NOVEMBER = datetime(2026, 11, 1, 0, 0, tzinfo=UTC)  # 00:00 GMT


@pytest.fixture
def october_journeys():
    # Book a prison visit: 4 started, 3 completed (2 digital, 1 by phone).
    JourneyStartedFactory.create_batch(3, occurred_at=MID_OCTOBER)
    JourneyStartedFactory(occurred_at=FIRST_MINUTE_OF_OCTOBER)
    JourneyCompletedFactory(occurred_at=MID_OCTOBER)
    JourneyCompletedFactory(occurred_at=MID_OCTOBER, outcome="not_eligible")
    AssistedJourneyCompletedFactory(occurred_at=MID_OCTOBER)
    # Make a money claim: 2 started, none completed.
    JourneyStartedFactory.create_batch(2, service="money-claims", occurred_at=MID_OCTOBER)
    # Outside October: not counted.
    JourneyStartedFactory(occurred_at=LAST_MINUTE_OF_SEPTEMBER)
    JourneyCompletedFactory(occurred_at=FIRST_MINUTE_OF_NOVEMBER)


def test_journey_counts_by_service_counts_starts_and_completions_in_the_period(october_journeys):
    assert journey_counts_by_service(**OCTOBER) == [
        JourneyCounts(
            "money-claims", started=2, completed=0, completed_digital=0, completed_assisted=0
        ),
        JourneyCounts(
            "prison-visits", started=4, completed=3, completed_digital=2, completed_assisted=1
        ),
    ]


def test_journey_counts_give_completion_rate_and_digital_take_up(october_journeys):
    [visits] = journey_counts_by_service(**OCTOBER, service="prison-visits")
    assert visits.completion_rate == 75.0  # 3 of 4
    assert visits.digital_take_up == pytest.approx(66.667, abs=0.001)  # 2 of 3


def test_journey_counts_have_no_rates_when_nothing_happened(october_journeys):
    [claims] = journey_counts_by_service(**OCTOBER, service="money-claims")
    assert claims.completion_rate == 0.0
    assert claims.digital_take_up is None
    assert JourneyCounts("x", 0, 0, 0, 0).completion_rate is None


def test_journey_counts_leave_out_services_with_no_events(october_journeys):
    assert journey_counts_by_service(**OCTOBER, service="tribunal-fees") == []


def test_a_period_of_one_day_counts_only_that_day(october_journeys):
    [visits] = journey_counts_by_service(start=date(2026, 10, 1), end=date(2026, 10, 1))
    assert (visits.started, visits.completed) == (1, 0)


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="before its start"):
        journey_counts_by_service(start=date(2026, 10, 2), end=date(2026, 10, 1))


@pytest.fixture
def october_feedback():
    # Book a prison visit: very satisfied, satisfied, neither, very dissatisfied.
    for rating in (5, 4, 3, 1):
        SatisfactionResponseFactory(rating=rating, created_at=MID_OCTOBER)
    SatisfactionResponseFactory(rating=4, service="money-claims", created_at=MID_OCTOBER)
    SatisfactionResponseFactory(rating=5, service="", journey="", created_at=MID_OCTOBER)
    SatisfactionResponseFactory(rating=5, created_at=FIRST_MINUTE_OF_NOVEMBER)  # not October


def test_satisfaction_score_is_the_share_satisfied_or_very_satisfied(october_feedback):
    score = satisfaction_score_get(**OCTOBER, service="prison-visits")
    assert (score.responses, score.satisfied, score.percent) == (4, 2, 50.0)


def test_satisfaction_score_across_all_services(october_feedback):
    score = satisfaction_score_get(**OCTOBER)
    assert (score.responses, score.satisfied) == (6, 4)
    assert score.percent == pytest.approx(66.667, abs=0.001)


def test_satisfaction_score_for_feedback_given_outside_any_service(october_feedback):
    score = satisfaction_score_get(**OCTOBER, service="")
    assert (score.responses, score.satisfied, score.percent) == (1, 1, 100.0)


def test_satisfaction_score_is_none_without_responses():
    score = satisfaction_score_get(**OCTOBER)
    assert (score.responses, score.satisfied, score.percent) == (0, 0, None)
