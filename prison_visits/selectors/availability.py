"""Reads for availability: booking windows, slots and days a citizen or member of staff can choose, allowances."""

from __future__ import annotations

import calendar as month_calendar
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, time, timedelta

from django.db.models import (
    CharField,
    Count,
    DateField,
    F,
    IntegerField,
    Q,
    TimeField,
    Value,
)
from django.utils import timezone

from digital_services.core.calendar import is_bank_holiday, working_days_add
from digital_services.core.queries import CompiledQuery

from ..constants import VisitStatus
from ..models import (
    BlockedDate,
    DateSlot,
    Prison,
    SlotTime,
    Visit,
    WeeklySlot,
)
from ..rules import prison_number_normalise
from .slot_states import (
    AVAILABLE,
    BANK_HOLIDAY_TEXT,
    FULLY_BOOKED,
    REASON_BLOCKED,
    REASON_FULLY_BOOKED,
    REASON_NO_ALLOWANCE,
    REASON_NO_SLOTS,
    REASON_NOT_A_SLOT,
    REASON_OUTSIDE_WINDOW,
    REASON_PRISONER_HAS_VISIT,
    UNAVAILABLE,
    Allowance,
    CalendarMonth,
    DayAvailability,
    PrisonAvailability,
    SlotAvailability,
)

ONE_DAY = timedelta(days=1)


# ---------------------------------------------------------------- dates


def prison_respond_by(*, prison: Prison, day: date) -> date:
    """The date staff must reply by for a request made on ``day``: ``lead_days`` working days
    later (weekends count for a prison that processes requests at weekends)."""
    return working_days_add(day, prison.lead_days, weekends=prison.weekend_processing)


def prison_booking_window(*, prison: Prison, today: date) -> tuple[date, date]:
    """The first and last days a visitor can ask for today (first > last means none)."""
    first = prison_respond_by(prison=prison, day=today) + ONE_DAY
    last = today + timedelta(days=prison.booking_window_days)
    return first, last


def _day_slot_rows(*, prison_id: int, start: date, end: date):
    """The weekly slots, the dated slots and the blocked dates as one ``UNION ALL``."""
    none_date = Value(None, output_field=DateField())
    none_int = Value(None, output_field=IntegerField())
    none_time = Value(None, output_field=TimeField())
    no_reason = Value("", output_field=CharField())
    columns = ("kind", "on_weekday", "on_date", "starts", "ends", "tables", "why")
    weekly_rows = WeeklySlot.objects.filter(prison=prison_id).annotate(
        kind=Value("weekly"),
        on_weekday=F("weekday"),
        on_date=none_date,
        starts=F("start_time"),
        ends=F("end_time"),
        tables=F("capacity"),
        why=no_reason,
    )
    dated_rows = DateSlot.objects.filter(prison=prison_id, date__range=(start, end)).annotate(
        kind=Value("dated"),
        on_weekday=none_int,
        on_date=F("date"),
        starts=F("start_time"),
        ends=F("end_time"),
        tables=F("capacity"),
        why=no_reason,
    )
    blocked_rows = BlockedDate.objects.filter(prison=prison_id, date__range=(start, end)).annotate(
        kind=Value("blocked"),
        on_weekday=none_int,
        on_date=F("date"),
        starts=none_time,
        ends=none_time,
        tables=none_int,
        why=F("reason"),
    )
    return (
        weekly_rows.order_by()
        .values_list(*columns)
        .union(
            dated_rows.order_by().values_list(*columns),
            blocked_rows.order_by().values_list(*columns),
            all=True,
        )
    )


#: Its SQL built once per process: every calendar, check page and staff process page reads it.
_DAY_SLOT_ROWS = CompiledQuery(_day_slot_rows)


def _day_slots(
    *, prison: Prison, start: date, end: date
) -> tuple[dict[date, list[tuple[time, time, int]]], dict[date, str]]:
    """Each day's (start, end, capacity) times from the pattern, and the blocked days.

    1 query: the weekly slots, the dated slots and the blocked dates as one ``UNION ALL``."""
    rows = _DAY_SLOT_ROWS.rows(prison_id=prison.pk, start=start, end=end)
    weekly: dict[int, list[tuple[time, time, int]]] = defaultdict(list)
    dated: dict[date, list[tuple[time, time, int]]] = defaultdict(list)
    blocked: dict[date, str] = {}
    for kind, on_weekday, on_date, starts, ends, tables, why in rows:
        if kind == "weekly":
            weekly[on_weekday].append((starts, ends, tables))
        elif kind == "dated":
            dated[on_date].append((starts, ends, tables))
        else:
            blocked[on_date] = why
    for times in (*weekly.values(), *dated.values()):
        times.sort(key=lambda t: t[0])
    days = {}
    day = start
    while day <= end:
        if day in dated:  # the prison's own timetable for that date, bank holiday or not
            days[day] = dated[day]
        elif is_bank_holiday(day):  # closed unless staff open it with a dated slot
            days[day] = []
            blocked.setdefault(day, BANK_HOLIDAY_TEXT)
        else:
            days[day] = weekly.get(day.weekday(), [])
        day += ONE_DAY
    return days, blocked


def _booked_visit_rows(*, prison_id: int, start: date, end: date, **prisoner):
    """The booked visits at the prison between two dates, and with ``prisoner`` (its
    ``number``, ``prisoner_start`` and ``prisoner_end``) the prisoner's at any prison between
    theirs."""
    wanted = Q(prison=prison_id, slot_date__range=(start, end))
    if prisoner:
        wanted |= Q(
            prisoner_number=prisoner["number"],
            slot_date__range=(prisoner["prisoner_start"], prisoner["prisoner_end"]),
        )
    return Visit.objects.filter(wanted, status=VisitStatus.BOOKED).values_list(
        "prison_id", "prisoner_number", "slot_date", "slot_start", "slot_end"
    )


#: Built once per process each, with and without a prisoner.
_BOOKED_AT_PRISON = CompiledQuery(_booked_visit_rows)
_BOOKED_WITH_PRISONER = CompiledQuery(_booked_visit_rows)


def _booked_visits(
    *,
    prison: Prison,
    start: date,
    end: date,
    prisoner_number: str | None,
    prisoner_start: date,
    prisoner_end: date,
) -> tuple[dict[tuple[date, time], int], list[tuple[date, time, time]] | None]:
    """``_booked_counts`` and ``_prisoner_booked`` (None without a prisoner) in 1 query: the
    booked visits at the prison in the window, or the prisoner's at any prison around it."""
    number = prison_number_normalise(prisoner_number) if prisoner_number else None
    counts: dict[tuple[date, time], int] = defaultdict(int)
    theirs: list[tuple[date, time, time]] = []
    if number:
        rows = _BOOKED_WITH_PRISONER.rows(
            prison_id=prison.pk,
            start=start,
            end=end,
            number=number,
            prisoner_start=prisoner_start,
            prisoner_end=prisoner_end,
        )
    else:
        rows = _BOOKED_AT_PRISON.rows(prison_id=prison.pk, start=start, end=end)
    for prison_id, visit_prisoner, day, slot_start, slot_end in rows:
        if prison_id == prison.pk and start <= day <= end:
            counts[(day, slot_start)] += 1
        if number and visit_prisoner == number and prisoner_start <= day <= prisoner_end:
            theirs.append((day, slot_start, slot_end))
    return dict(counts), (sorted(theirs) if prisoner_number else None)


def _booked_count_rows(*, prison_id: int, start: date, end: date, **leaving_out):
    """(date, start time, booked visits) of the prison's slots between two dates, leaving
    out the visit ``leaving_out["visit_id"]`` if given."""
    visits = Visit.objects.filter(
        prison=prison_id, status=VisitStatus.BOOKED, slot_date__range=(start, end)
    )
    if leaving_out:
        visits = visits.exclude(pk=leaving_out["visit_id"])
    return (
        visits.values("slot_date", "slot_start")
        .annotate(n=Count("id"))
        .values_list("slot_date", "slot_start", "n")
    )


def _prisoner_booked_rows(*, number: str, start: date, end: date, **leaving_out):
    """(date, start, end) of the prisoner's booked visits at any prison between two dates,
    leaving out the visit ``leaving_out["visit_id"]`` if given."""
    visits = Visit.objects.filter(
        prisoner_number=number, status=VisitStatus.BOOKED, slot_date__range=(start, end)
    )
    if leaving_out:
        visits = visits.exclude(pk=leaving_out["visit_id"])
    return visits.values_list("slot_date", "slot_start", "slot_end")


#: The staff process page's reads, built once per process each (with and without a visit
#: left out).
_BOOKED_COUNTS = CompiledQuery(_booked_count_rows)
_BOOKED_COUNTS_LEAVING_OUT = CompiledQuery(_booked_count_rows)
_PRISONER_BOOKED = CompiledQuery(_prisoner_booked_rows)
_PRISONER_BOOKED_LEAVING_OUT = CompiledQuery(_prisoner_booked_rows)


def _booked_counts(
    *, prison: Prison, start: date, end: date, exclude_visit_id: int | None = None
) -> dict[tuple[date, time], int]:
    """Booked visits per (date, start time): what uses a slot's tables. 1 query."""
    if exclude_visit_id:
        rows = _BOOKED_COUNTS_LEAVING_OUT.rows(
            prison_id=prison.pk, start=start, end=end, visit_id=exclude_visit_id
        )
    else:
        rows = _BOOKED_COUNTS.rows(prison_id=prison.pk, start=start, end=end)
    return {(day, slot_start): n for day, slot_start, n in rows}


def _prisoner_booked(
    *, prisoner_number: str, start: date, end: date, exclude_visit_id: int | None = None
) -> list[tuple[date, time, time]]:
    """The prisoner's booked visits (at any prison) between two dates. 1 query."""
    number = prison_number_normalise(prisoner_number)
    if exclude_visit_id:
        rows = _PRISONER_BOOKED_LEAVING_OUT.rows(
            number=number, start=start, end=end, visit_id=exclude_visit_id
        )
    else:
        rows = _PRISONER_BOOKED.rows(number=number, start=start, end=end)
    return sorted(rows)


def allowance_allows(*, day: date, booked_dates: Sequence[date], allowed: int, period: int) -> bool:
    """Whether one more visit on ``day`` keeps every ``period``-day stretch at ``allowed`` visits or fewer."""
    for offset in range(period):
        window_start = day - timedelta(days=period - 1 - offset)
        window_end = window_start + timedelta(days=period - 1)
        used = sum(1 for d in booked_dates if window_start <= d <= window_end)
        if used + 1 > allowed:
            return False
    return True


def allowance_renews_on(
    *, day: date, booked_dates: Sequence[date], allowed: int, period: int
) -> date:
    """The first day on or after ``day`` when the allowance allows a visit again."""
    candidate = day
    limit = day + timedelta(days=2 * period + 1)
    while candidate < limit:
        if allowance_allows(
            day=candidate, booked_dates=booked_dates, allowed=allowed, period=period
        ):
            return candidate
        candidate += ONE_DAY
    return limit


def _slot_state(
    *,
    slot: SlotTime,
    capacity: int,
    booked: int,
    prisoner_visits: Sequence[tuple[date, time, time]] | None,
    allowance_ok: bool,
) -> SlotAvailability:
    if booked >= capacity:
        return SlotAvailability(slot, capacity, booked, FULLY_BOOKED, REASON_FULLY_BOOKED)
    if prisoner_visits is not None:
        for day, start, end in prisoner_visits:
            if day == slot.date and start < slot.end and slot.start < end:
                return SlotAvailability(
                    slot, capacity, booked, UNAVAILABLE, REASON_PRISONER_HAS_VISIT
                )
    if not allowance_ok:
        return SlotAvailability(slot, capacity, booked, UNAVAILABLE, REASON_NO_ALLOWANCE)
    return SlotAvailability(slot, capacity, booked, AVAILABLE)


def _month_grid(first: date, last: date, days: dict[date, DayAvailability]) -> tuple:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        weeks = []
        for week in month_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
            weeks.append(tuple(days.get(d) if d.month == month else None for d in week))
        months.append(CalendarMonth(year=year, month=month, weeks=tuple(weeks)))
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return tuple(months)


def prison_availability_get(
    *, prison: Prison, prisoner_number: str | None = None, today: date | None = None
) -> PrisonAvailability:
    """The prison's bookable slots for the citizen calendar, in 2 queries whatever the window
    (the prison's slot pattern, then the booked visits: the prison's and the prisoner's).

    The window runs from the day after the lead time (``lead_days`` working days,
    skipping weekends and England and Wales bank holidays) to ``booking_window_days``
    from today. Each day's times are its dated slots if it has any, else the
    weekly ones; blocked dates have none. A slot is fully booked when its booked
    visits fill its tables (requests waiting for a decision use none). With
    ``prisoner_number``, slots the prisoner's allowance rules out, or that clash
    with a visit already booked for them, are unavailable and ``allowance`` says
    when it renews.
    """
    today = today or timezone.localdate()
    respond_by = prison_respond_by(prison=prison, day=today)
    first = respond_by + ONE_DAY
    last = today + timedelta(days=prison.booking_window_days)
    grid_start = date(today.year, today.month, 1)
    grid_end_month = max(last, first)
    grid_end = date(
        grid_end_month.year,
        grid_end_month.month,
        month_calendar.monthrange(grid_end_month.year, grid_end_month.month)[1],
    )

    patterns, blocked = _day_slots(prison=prison, start=first, end=last)
    period = prison.allowance_period_days
    counts, prisoner_visits = _booked_visits(
        prison=prison,
        start=first,
        end=last,
        prisoner_number=prisoner_number,
        prisoner_start=first - timedelta(days=period),
        prisoner_end=last + timedelta(days=period),
    )
    booked_dates = [v[0] for v in prisoner_visits or []]

    days: dict[date, DayAvailability] = {}
    slots: dict[str, SlotAvailability] = {}
    ruled_out_by_allowance: list[date] = []
    any_day_open = False
    day = grid_start
    while day <= grid_end:
        if not first <= day <= last:
            days[day] = DayAvailability(day, UNAVAILABLE, REASON_OUTSIDE_WINDOW)
        elif day in blocked:
            days[day] = DayAvailability(
                day, UNAVAILABLE, REASON_BLOCKED, blocked_reason=blocked[day]
            )
        elif not patterns.get(day):
            days[day] = DayAvailability(day, UNAVAILABLE, REASON_NO_SLOTS)
        else:
            allowance_ok = prisoner_visits is None or allowance_allows(
                day=day, booked_dates=booked_dates, allowed=prison.visits_allowed, period=period
            )
            day_slots = []
            for start, end, capacity in patterns[day]:
                slot = SlotTime(day, start, end)
                state = _slot_state(
                    slot=slot,
                    capacity=capacity,
                    booked=counts.get((day, start), 0),
                    prisoner_visits=prisoner_visits,
                    allowance_ok=allowance_ok,
                )
                day_slots.append(state)
                slots[slot.key] = state
            if any(s.available for s in day_slots):
                days[day] = DayAvailability(day, AVAILABLE, "", tuple(day_slots))
            elif all(s.state == FULLY_BOOKED for s in day_slots):
                days[day] = DayAvailability(
                    day, FULLY_BOOKED, REASON_FULLY_BOOKED, tuple(day_slots)
                )
            else:
                reason = REASON_NO_ALLOWANCE if not allowance_ok else REASON_PRISONER_HAS_VISIT
                days[day] = DayAvailability(day, UNAVAILABLE, reason, tuple(day_slots))
            if not allowance_ok:
                ruled_out_by_allowance.append(day)
            else:
                any_day_open = True
        day += ONE_DAY

    allowance = None
    if prisoner_number is not None:
        renews = None
        if ruled_out_by_allowance:
            renews = allowance_renews_on(
                day=ruled_out_by_allowance[0],
                booked_dates=booked_dates,
                allowed=prison.visits_allowed,
                period=period,
            )
        allowance = Allowance(
            visits_allowed=prison.visits_allowed,
            period_days=period,
            exhausted=bool(ruled_out_by_allowance) and not any_day_open,
            renews_on=renews,
        )
    return PrisonAvailability(
        prison=prison,
        today=today,
        respond_by=respond_by,
        first_day=first,
        last_day=last,
        days=days,
        months=_month_grid(grid_start, grid_end, days),
        allowance=allowance,
        _slots=slots,
    )


def slots_availability_for_staff(
    *, visit: Visit, slots: Iterable[SlotTime] | None = None
) -> list[tuple[SlotTime, SlotAvailability]]:
    """Each requested slot of a visit as it stands now, for the staff "process" page.

    Unlike the citizen calendar there is no lead time: staff may book any slot
    that still exists in the prison's times, is not blocked and has a table
    left. The visit itself is left out of the counts.
    """
    prison = visit.prison
    slots = list(slots if slots is not None else visit.slot_options)
    if not slots:
        return []
    start = min(s.date for s in slots)
    end = max(s.date for s in slots)
    period = prison.allowance_period_days
    patterns, blocked = _day_slots(prison=prison, start=start, end=end)
    counts = _booked_counts(prison=prison, start=start, end=end, exclude_visit_id=visit.pk)
    prisoner_visits = _prisoner_booked(
        prisoner_number=visit.prisoner_number,
        start=start - timedelta(days=period),
        end=end + timedelta(days=period),
        exclude_visit_id=visit.pk,
    )
    booked_dates = [v[0] for v in prisoner_visits]
    result = []
    for slot in slots:
        if slot.date in blocked:
            result.append((slot, SlotAvailability(slot, 0, 0, UNAVAILABLE, REASON_BLOCKED)))
            continue
        match = next(
            (
                (s, e, c)
                for s, e, c in patterns.get(slot.date, [])
                if s == slot.start and e == slot.end
            ),
            None,
        )
        if match is None:
            result.append((slot, SlotAvailability(slot, 0, 0, UNAVAILABLE, REASON_NOT_A_SLOT)))
            continue
        allowance_ok = allowance_allows(
            day=slot.date, booked_dates=booked_dates, allowed=prison.visits_allowed, period=period
        )
        result.append(
            (
                slot,
                _slot_state(
                    slot=slot,
                    capacity=match[2],
                    booked=counts.get((slot.date, slot.start), 0),
                    prisoner_visits=prisoner_visits,
                    allowance_ok=allowance_ok,
                ),
            )
        )
    return result


def slot_capacity_get(*, prison: Prison, slot: SlotTime) -> int | None:
    """The tables of a slot on its date, or None when the prison has no such slot that day."""
    patterns, blocked = _day_slots(prison=prison, start=slot.date, end=slot.date)
    if slot.date in blocked:
        return None
    for start, end, capacity in patterns.get(slot.date, []):
        if start == slot.start and end == slot.end:
            return capacity
    return None


def prisoner_allowance_renews_on(*, visit: Visit, day: date) -> date | None:
    """When the prisoner's allowance allows a visit again, if it does not on ``day`` (None if it does)."""
    prison = visit.prison
    period = prison.allowance_period_days
    booked = _prisoner_booked(
        prisoner_number=visit.prisoner_number,
        start=day - timedelta(days=period),
        end=day + timedelta(days=3 * period),
        exclude_visit_id=visit.pk,
    )
    dates = [v[0] for v in booked]
    if allowance_allows(day=day, booked_dates=dates, allowed=prison.visits_allowed, period=period):
        return None
    return allowance_renews_on(
        day=day, booked_dates=dates, allowed=prison.visits_allowed, period=period
    )
