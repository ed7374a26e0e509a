"""core.queries.CompiledQuery of ``values_list`` rows (a ``UNION`` of them too) and with date
ids: the prison calendar's slot pattern and booked visits, read on every booking page.

Each call must give exactly the rows the queryset gives for its own ids, read fresh."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db.models import CharField, F, Value

from digital_services.core.queries import CompiledQuery
from prison_visits.models import BlockedDate, DateSlot, Visit, WeeklySlot
from tests.prison_visits.factories import (
    BlockedDateFactory,
    BookedVisitFactory,
    DateSlotFactory,
    PrisonFactory,
)

pytestmark = pytest.mark.django_db

DAY = date(2031, 3, 3)


def _slots_of(*, prison_id, start, end):
    columns = ("kind", "on_date", "starts", "why")
    weekly = WeeklySlot.objects.filter(prison=prison_id).annotate(
        kind=Value("weekly"),
        on_date=Value(None, output_field=DateSlot._meta.get_field("date")),
        starts=F("start_time"),
        why=Value("", output_field=CharField()),
    )
    dated = DateSlot.objects.filter(prison=prison_id, date__range=(start, end)).annotate(
        kind=Value("dated"),
        on_date=F("date"),
        starts=F("start_time"),
        why=Value("", output_field=CharField()),
    )
    blocked = BlockedDate.objects.filter(prison=prison_id, date__range=(start, end)).annotate(
        kind=Value("blocked"),
        on_date=F("date"),
        starts=Value(None, output_field=WeeklySlot._meta.get_field("start_time")),
        why=F("reason"),
    )
    return (
        weekly.order_by()
        .values_list(*columns)
        .union(
            dated.order_by().values_list(*columns),
            blocked.order_by().values_list(*columns),
            all=True,
        )
    )


def _prison_with_days(**blocked):
    prison = PrisonFactory()
    DateSlotFactory(prison=prison, date=DAY, start_time=time(9, 30))
    DateSlotFactory(prison=prison, date=DAY + timedelta(days=20))
    BlockedDateFactory(prison=prison, date=DAY + timedelta(days=2), **blocked)
    return prison


def test_a_union_of_rows_gives_what_the_queryset_gives_for_each_prison_and_window():
    slots = CompiledQuery(_slots_of)
    first, second = _prison_with_days(), _prison_with_days(reason="Staff training")
    windows = [(DAY, DAY + timedelta(days=7)), (DAY + timedelta(days=1), DAY + timedelta(days=30))]
    for prison in (first, second):
        for start, end in windows:
            found = slots.rows(prison_id=prison.pk, start=start, end=end)
            expected = list(_slots_of(prison_id=prison.pk, start=start, end=end))
            assert all(type(row) is tuple for row in found)
            assert sorted(found, key=repr) == sorted(expected, key=repr)
    # The second prison's blocked day is its own; the short window has no day-20 slot.
    found = slots.rows(prison_id=second.pk, start=DAY, end=DAY + timedelta(days=7))
    assert ("blocked", DAY + timedelta(days=2), None, "Staff training") in found
    assert [row for row in found if row[0] == "dated"] == [("dated", DAY, time(9, 30), "")]


def test_rows_are_read_afresh_each_time():
    slots = CompiledQuery(_slots_of)
    prison = PrisonFactory(slots=[])
    assert slots.rows(prison_id=prison.pk, start=DAY, end=DAY) == []
    BlockedDateFactory(prison=prison, date=DAY, reason="Closed")
    assert slots.rows(prison_id=prison.pk, start=DAY, end=DAY) == [("blocked", DAY, None, "Closed")]


def _booked_on(*, prison_id, start, end):
    return Visit.objects.filter(prison=prison_id, slot_date__range=(start, end)).values_list(
        "slot_date", flat=True
    )


def test_flat_rows_are_the_values_themselves():
    booked = CompiledQuery(_booked_on)
    visit = BookedVisitFactory()
    other = BookedVisitFactory()
    day = visit.slot_date
    found = booked.rows(prison_id=visit.prison_id, start=day, end=day)
    assert found == list(_booked_on(prison_id=visit.prison_id, start=day, end=day)) == [day]
    assert booked.rows(prison_id=other.prison_id, start=day, end=day) == list(
        _booked_on(prison_id=other.prison_id, start=day, end=day)
    )
    assert booked.rows(prison_id=visit.prison_id, start=day + timedelta(1), end=day) == []


@pytest.mark.parametrize(
    "build",
    [
        # The date goes in changed: the day after it.
        lambda *, prison_id, start, end: Visit.objects.filter(
            prison=prison_id, slot_date__range=(start + timedelta(days=1), end)
        ).values_list("pk", flat=True),
        # Not a values_list: dicts.
        lambda *, prison_id, start, end: Visit.objects.filter(
            prison=prison_id, slot_date__range=(start, end)
        ).values("pk"),
    ],
    ids=["date-changed", "dicts"],
)
def test_a_query_of_dates_changed_or_of_dicts_is_refused(build):
    with pytest.raises(ImproperlyConfigured):
        CompiledQuery(build).rows(prison_id=PrisonFactory().pk, start=DAY, end=DAY)


def test_a_date_id_stays_a_date():
    booked = CompiledQuery(_booked_on)
    prison = PrisonFactory()
    booked.rows(prison_id=prison.pk, start=DAY, end=DAY)
    with pytest.raises(TypeError):
        booked.rows(prison_id=prison.pk, start=datetime(2031, 3, 3, 12, 0), end=DAY)
    with pytest.raises(TypeError):
        CompiledQuery(_booked_on).rows(prison_id=prison.pk, start=datetime(2031, 3, 3), end=DAY)
