"""Working days skip weekends and England and Wales bank holidays, without the network."""

from datetime import date

import pytest
import time_machine
from django.utils import timezone

from digital_services.core import calendar


def test_a_weekday_is_a_working_day():
    assert calendar.is_working_day(date(2026, 11, 25))  # Wednesday


@pytest.mark.parametrize("day", [date(2026, 11, 28), date(2026, 11, 29)])
def test_saturday_and_sunday_are_not_working_days(day):
    assert not calendar.is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 12, 25),  # Christmas Day, Friday
        date(2026, 12, 28),  # Boxing Day substitute, Monday
        date(2027, 3, 26),  # Good Friday
        date(2027, 3, 29),  # Easter Monday
        date(2026, 8, 31),  # Summer bank holiday
    ],
)
def test_england_and_wales_bank_holidays_are_not_working_days(day):
    assert calendar.is_bank_holiday(day)
    assert not calendar.is_working_day(day)


def test_a_scottish_only_bank_holiday_is_a_working_day_in_england_and_wales():
    # 2 January is a bank holiday in Scotland only (2026-01-02 is a Friday).
    assert calendar.is_working_day(date(2026, 1, 2))


def test_adding_one_working_day_to_a_friday_gives_the_monday():
    assert calendar.working_days_add(date(2026, 11, 27), 1) == date(2026, 11, 30)


def test_adding_working_days_skips_a_bank_holiday_monday():
    # Friday 22 May 2026; Monday 25 May is the spring bank holiday.
    assert calendar.working_days_add(date(2026, 5, 22), 1) == date(2026, 5, 26)
    assert calendar.working_days_add(date(2026, 5, 22), 3) == date(2026, 5, 28)


def test_adding_working_days_over_christmas_skips_both_holidays_and_the_weekend():
    # Thursday 24 Dec 2026 + 1 working day: Fri 25 (holiday), Sat, Sun, Mon 28 (holiday) → Tue 29.
    assert calendar.working_days_add(date(2026, 12, 24), 1) == date(2026, 12, 29)


def test_adding_working_days_from_a_saturday_starts_counting_on_monday():
    assert calendar.working_days_add(date(2026, 11, 28), 3) == date(2026, 12, 2)


def test_adding_no_working_days_gives_the_same_day():
    assert calendar.working_days_add(date(2026, 11, 28), 0) == date(2026, 11, 28)


def test_adding_a_negative_number_of_working_days_is_refused():
    with pytest.raises(ValueError):
        calendar.working_days_add(date(2026, 11, 28), -1)


def test_working_days_between_counts_the_days_after_the_start():
    # Fri 27 Nov → Wed 2 Dec 2026: Mon, Tue, Wed.
    assert calendar.working_days_between(date(2026, 11, 27), date(2026, 12, 2)) == 3
    assert calendar.working_days_between(date(2026, 12, 2), date(2026, 11, 27)) == 0


@time_machine.travel("2026-12-23 10:00 +0000", tick=False)
def test_three_working_days_from_today_before_christmas_lands_in_the_new_week():
    today = timezone.localdate()
    # Wed 23: Thu 24 (1), Tue 29 (2), Wed 30 (3).
    assert calendar.working_days_add(today, 3) == date(2026, 12, 30)


def test_bank_holidays_are_read_from_the_packaged_copy_not_the_network(monkeypatch):
    import requests

    def no_network(*args, **kwargs):
        raise AssertionError("the calendar must not fetch bank holidays over the network")

    monkeypatch.setattr(requests, "get", no_network)
    calendar._bank_holidays.cache_clear()
    calendar.bank_holidays.cache_clear()

    assert date(2027, 12, 27) in calendar.bank_holidays()
