"""Issue date, deemed service and the response deadline: one time-machine test per rule."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from civil_claims.deadlines import (
    deadline_passed,
    deemed_service_date,
    issue_date_for,
    more_time_allowed,
    response_deadline_after_breathing_space,
    response_deadline_for,
)


def _now():
    return timezone.now()


@time_machine.travel("2026-12-01 15:59:59 +0000", tick=False)  # a Tuesday, GMT
def test_submitted_before_16_00_on_a_working_day_is_issued_that_day():
    assert issue_date_for(_now()) == dt.date(2026, 12, 1)


@time_machine.travel("2026-12-01 16:00 +0000", tick=False)
def test_submitted_at_16_00_is_issued_the_next_working_day():
    assert issue_date_for(_now()) == dt.date(2026, 12, 2)


@time_machine.travel("2026-07-01 15:30 +0000", tick=False)  # 16:30 in London (BST)
def test_the_cut_off_is_16_00_london_time_in_summer():
    assert issue_date_for(_now()) == dt.date(2026, 7, 2)


@time_machine.travel("2026-12-04 17:00 +0000", tick=False)  # Friday evening
def test_submitted_on_friday_evening_is_issued_on_monday():
    assert issue_date_for(_now()) == dt.date(2026, 12, 7)


@time_machine.travel("2026-12-05 10:00 +0000", tick=False)  # Saturday morning
def test_submitted_at_a_weekend_is_issued_on_monday():
    assert issue_date_for(_now()) == dt.date(2026, 12, 7)


@time_machine.travel("2026-12-24 16:30 +0000", tick=False)  # Christmas Eve, after 16:00
def test_after_16_00_before_bank_holidays_skips_them():
    # 25 Dec (Fri) and 28 Dec (Mon, Boxing Day substitute) are bank holidays in 2026.
    assert issue_date_for(_now()) == dt.date(2026, 12, 29)


@time_machine.travel("2026-12-25 09:00 +0000", tick=False)
def test_submitted_on_a_bank_holiday_is_issued_the_next_working_day():
    assert issue_date_for(_now()) == dt.date(2026, 12, 29)


def test_naive_datetime_is_refused():
    with pytest.raises(ValueError):
        issue_date_for(dt.datetime(2026, 12, 1, 10, 0))


def test_deemed_service_is_five_days_after_issue_even_at_a_weekend():
    assert deemed_service_date(dt.date(2026, 12, 1)) == dt.date(2026, 12, 6)  # a Sunday


def test_response_deadline_is_issue_plus_19_days():
    assert response_deadline_for(dt.date(2026, 12, 1)) == dt.date(2026, 12, 20 + 1)  # Sun → Mon
    assert response_deadline_for(dt.date(2026, 11, 30)) == dt.date(2026, 12, 21)  # Sat → Mon
    assert response_deadline_for(dt.date(2026, 11, 26)) == dt.date(2026, 12, 15)  # a Tuesday


def test_response_deadline_on_a_bank_holiday_moves_to_the_next_working_day():
    # 6 Dec + 19 = 25 Dec (Fri, bank holiday), then the weekend and Boxing Day substitute.
    assert response_deadline_for(dt.date(2026, 12, 6)) == dt.date(2026, 12, 29)


def test_more_time_is_counted_from_the_issue_date():
    assert response_deadline_for(dt.date(2026, 11, 26), more_time=True) == dt.date(2026, 12, 29)
    assert response_deadline_for(dt.date(2026, 12, 3), more_time=True) == dt.date(2027, 1, 5)


@time_machine.travel("2026-12-15 15:59 +0000", tick=False)
def test_deadline_day_is_open_until_16_00():
    assert not deadline_passed(dt.date(2026, 12, 15))
    assert more_time_allowed(response_deadline=dt.date(2026, 12, 15), already_given=False)
    assert not more_time_allowed(response_deadline=dt.date(2026, 12, 15), already_given=True)


@time_machine.travel("2026-12-15 16:00 +0000", tick=False)
def test_deadline_has_passed_at_16_00_and_more_time_is_refused():
    assert deadline_passed(dt.date(2026, 12, 15))
    assert not more_time_allowed(response_deadline=dt.date(2026, 12, 15), already_given=False)


# Breathing space: the days left when it began run again from the lift ------------------


def test_breathing_space_counts_the_days_left_again_from_the_lift():
    # 10 days left on Friday 4 December; lifted Wednesday 9 December: Saturday 19 -> Monday 21.
    new = response_deadline_after_breathing_space(
        deadline=dt.date(2026, 12, 14),
        started_on=dt.date(2026, 12, 4),
        lifted_on=dt.date(2026, 12, 9),
    )
    assert new == dt.date(2026, 12, 21)


def test_breathing_space_deadline_skips_christmas_bank_holidays():
    # 10 days left; lifted 15 December: Friday 25 (Christmas), the weekend and Monday 28
    # (Boxing Day's substitute) are skipped.
    new = response_deadline_after_breathing_space(
        deadline=dt.date(2026, 12, 11),
        started_on=dt.date(2026, 12, 1),
        lifted_on=dt.date(2026, 12, 15),
    )
    assert new == dt.date(2026, 12, 29)


def test_breathing_space_lifted_the_day_it_began_leaves_the_deadline():
    day = dt.date(2026, 12, 1)
    deadline = dt.date(2026, 12, 14)
    assert (
        response_deadline_after_breathing_space(deadline=deadline, started_on=day, lifted_on=day)
        == deadline
    )


def test_a_deadline_passed_before_the_breathing_space_is_not_revived():
    deadline = dt.date(2026, 11, 30)
    new = response_deadline_after_breathing_space(
        deadline=deadline, started_on=dt.date(2026, 12, 1), lifted_on=dt.date(2027, 1, 4)
    )
    assert new == deadline


def test_a_breathing_space_cannot_be_lifted_before_it_began():
    with pytest.raises(ValueError):
        response_deadline_after_breathing_space(
            deadline=dt.date(2026, 12, 14),
            started_on=dt.date(2026, 12, 4),
            lifted_on=dt.date(2026, 12, 3),
        )
