"""Bookable slots: lead time in working days, window, weekly times, overrides, blocked dates,
capacity and the prisoner's allowance."""

from datetime import date, time

import pytest
import time_machine

from prison_visits import selectors
from prison_visits.models import SlotTime

from .factories import (
    BlockedDateFactory,
    BookedVisitFactory,
    DateSlotFactory,
    PrisonFactory,
    RequestedVisitFactory,
    slot_on,
)

pytestmark = pytest.mark.django_db

TUE_1_DEC = date(2026, 12, 1)
THU_3_DEC = date(2026, 12, 3)
SAT_5_DEC = date(2026, 12, 5)


def test_the_first_bookable_day_follows_the_lead_time_in_working_days(prison, frozen):
    availability = selectors.prison_availability_get(prison=prison)

    # Wed 25 Nov + 3 working days = Mon 30 Nov; the first bookable day is the day after.
    assert availability.respond_by == date(2026, 11, 30)
    assert availability.first_day == TUE_1_DEC
    assert availability.last_day == date(2026, 12, 23)
    assert availability.days[date(2026, 11, 28)].reason == selectors.REASON_OUTSIDE_WINDOW
    assert availability.days[TUE_1_DEC].available


@time_machine.travel("2026-11-27 09:00 +0000", tick=False)
def test_a_request_made_on_a_friday_does_not_count_the_weekend(prison):
    availability = selectors.prison_availability_get(prison=prison)

    # Fri 27 Nov: Mon 30, Tue 1, Wed 2 are the 3 working days.
    assert availability.respond_by == date(2026, 12, 2)
    assert not availability.days[TUE_1_DEC].available
    assert availability.days[THU_3_DEC].available


@time_machine.travel("2026-12-23 09:00 +0000", tick=False)
def test_bank_holidays_over_christmas_are_not_working_days(prison):
    availability = selectors.prison_availability_get(prison=prison)

    # Wed 23 Dec: Thu 24 (1), Fri 25 and Mon 28 are bank holidays, Tue 29 (2), Wed 30 (3).
    assert availability.respond_by == date(2026, 12, 30)
    assert availability.days[date(2026, 12, 29)].reason == selectors.REASON_OUTSIDE_WINDOW
    assert availability.days[date(2026, 12, 31)].available


def test_days_without_weekly_times_have_no_slots(prison, frozen):
    availability = selectors.prison_availability_get(prison=prison)

    wednesday = availability.days[date(2026, 12, 2)]
    assert wednesday.state == selectors.UNAVAILABLE
    assert wednesday.reason == selectors.REASON_NO_SLOTS
    assert [s.key for s in availability.days[TUE_1_DEC].slots] == ["2026-12-01T14:00/16:00"]


def test_the_booking_window_ends_after_the_prisons_number_of_days(frozen):
    prison = PrisonFactory(booking_window_days=14)

    availability = selectors.prison_availability_get(prison=prison)

    assert availability.last_day == date(2026, 12, 9)
    assert availability.days[date(2026, 12, 8)].available
    assert availability.days[date(2026, 12, 10)].reason == selectors.REASON_OUTSIDE_WINDOW


def test_a_dated_slot_replaces_that_days_weekly_times(prison, frozen):
    DateSlotFactory(prison=prison, date=THU_3_DEC, start_time=time(10), end_time=time(12))

    day = selectors.prison_availability_get(prison=prison).days[THU_3_DEC]

    assert [s.key for s in day.slots] == ["2026-12-03T10:00/12:00"]


def test_a_dated_slot_opens_a_day_without_weekly_times(prison, frozen):
    DateSlotFactory(prison=prison, date=date(2026, 12, 7), start_time=time(9), end_time=time(11))

    day = selectors.prison_availability_get(prison=prison).days[date(2026, 12, 7)]

    assert day.available
    assert [s.key for s in day.slots] == ["2026-12-07T09:00/11:00"]


def test_a_blocked_date_has_no_slots_and_says_why(prison, frozen):
    BlockedDateFactory(prison=prison, date=SAT_5_DEC, reason="Family day")
    DateSlotFactory(prison=prison, date=SAT_5_DEC)

    availability = selectors.prison_availability_get(prison=prison)

    day = availability.days[SAT_5_DEC]
    assert day.reason == selectors.REASON_BLOCKED
    assert day.reason_text == "Family day"
    assert day.slots == ()
    assert availability.slot("2026-12-05T14:00/16:00") is None


def test_a_slot_is_fully_booked_when_booked_visits_fill_its_tables(prison, frozen):
    BookedVisitFactory.create_batch(2, prison=prison, slot=slot_on(TUE_1_DEC))

    availability = selectors.prison_availability_get(prison=prison)

    slot = availability.slot("2026-12-01T14:00/16:00")
    assert slot.state == selectors.FULLY_BOOKED
    assert availability.days[TUE_1_DEC].state == selectors.FULLY_BOOKED


def test_requests_waiting_for_a_decision_use_no_tables(prison, frozen):
    BookedVisitFactory(prison=prison, slot=slot_on(TUE_1_DEC))
    RequestedVisitFactory.create_batch(3, prison=prison, slot=slot_on(TUE_1_DEC))

    slot = selectors.prison_availability_get(prison=prison).slot("2026-12-01T14:00/16:00")

    assert slot.available
    assert slot.tables_left == 1


def test_visits_at_another_prison_use_none_of_this_prisons_tables(prison, other_prison, frozen):
    BookedVisitFactory.create_batch(2, prison=other_prison, slot=slot_on(TUE_1_DEC))

    assert selectors.prison_availability_get(prison=prison).slot("2026-12-01T14:00/16:00").available


def test_a_prisoner_with_no_allowance_left_sees_why_and_when_it_renews(prison, frozen):
    BookedVisitFactory(prison=prison, prisoner_number="A1234BC", slot=slot_on(TUE_1_DEC))
    BookedVisitFactory(prison=prison, prisoner_number="A1234BC", slot=slot_on(THU_3_DEC))

    availability = selectors.prison_availability_get(prison=prison, prisoner_number="a1234 bc")

    day = availability.days[date(2026, 12, 8)]
    assert day.reason == selectors.REASON_NO_ALLOWANCE
    assert day.slots[0].reason == selectors.REASON_NO_ALLOWANCE
    assert availability.allowance.exhausted
    # 2 visits in any 28 days: the window holding both ends on 28 Dec.
    assert availability.allowance.renews_on == date(2026, 12, 29)


def test_a_prisoner_with_allowance_left_can_book(prison, frozen):
    BookedVisitFactory(prison=prison, prisoner_number="A1234BC", slot=slot_on(TUE_1_DEC))

    availability = selectors.prison_availability_get(prison=prison, prisoner_number="A1234BC")

    assert availability.days[date(2026, 12, 8)].available
    assert availability.allowance.exhausted is False
    assert availability.allowance.renews_on is None


def test_the_allowance_counts_visits_in_the_period_before_the_window(prison, frozen):
    prison.visits_allowed = 1
    prison.save()
    BookedVisitFactory(prison=prison, prisoner_number="A1234BC", slot=slot_on(date(2026, 11, 24)))

    availability = selectors.prison_availability_get(prison=prison, prisoner_number="A1234BC")

    assert availability.days[date(2026, 12, 19)].reason == selectors.REASON_NO_ALLOWANCE
    assert availability.days[date(2026, 12, 22)].available  # 24 Nov + 28 days
    assert availability.allowance.renews_on == date(2026, 12, 22)
    assert not availability.allowance.exhausted


def test_a_prisoner_already_visited_at_that_time_cannot_be_booked_again(prison, frozen):
    prison.visits_allowed = 10
    prison.save()
    BookedVisitFactory(prisoner_number="A1234BC", slot=slot_on(TUE_1_DEC))  # another prison

    availability = selectors.prison_availability_get(prison=prison, prisoner_number="A1234BC")

    assert availability.slot("2026-12-01T14:00/16:00").reason == selectors.REASON_PRISONER_HAS_VISIT
    assert availability.slot("2026-12-03T14:00/16:00").available


def test_the_month_grid_runs_monday_to_sunday_with_gaps_for_other_months(prison, frozen):
    months = selectors.prison_availability_get(prison=prison).months

    assert [(m.year, m.month) for m in months] == [(2026, 11), (2026, 12)]
    first_week = months[0].weeks[0]
    assert first_week[:6] == (None,) * 6  # 1 November 2026 is a Sunday
    assert first_week[6].date == date(2026, 11, 1)
    december = [d for week in months[1].weeks for d in week if d is not None]
    assert len(december) == 31


def test_availability_takes_a_fixed_number_of_queries(prison, frozen, django_assert_num_queries):
    for day in (TUE_1_DEC, THU_3_DEC, SAT_5_DEC):
        BookedVisitFactory(prison=prison, slot=slot_on(day))
        DateSlotFactory(prison=prison, date=day, start_time=time(9), end_time=time(10))
    BlockedDateFactory(prison=prison, date=date(2026, 12, 8))

    with django_assert_num_queries(2):  # the slot pattern, then the booked visits
        selectors.prison_availability_get(prison=prison, prisoner_number="A1234BC")


def test_a_slot_key_round_trips():
    slot = SlotTime(TUE_1_DEC, time(14), time(16, 30))

    assert SlotTime.from_key(slot.key) == slot


@pytest.mark.parametrize("key", ["", "2026-12-01", "2026-12-01T16:00/14:00", "nonsense/x"])
def test_a_malformed_slot_key_is_refused(key):
    with pytest.raises(ValueError):
        SlotTime.from_key(key)
