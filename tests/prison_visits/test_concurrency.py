"""Two members of staff book the last table of a slot at the same moment, on real PostgreSQL."""

import threading
from datetime import date

import pytest
import time_machine
from django.db import connection, connections

from prison_visits import services
from prison_visits.constants import VisitStatus
from prison_visits.models import SlotLock, Visit

from .conftest import NOW, caseworker_for
from .factories import AFTERNOON, PrisonFactory, RequestedVisitFactory, slot_on

TUE_1_DEC = date(2026, 12, 1)


@pytest.mark.django_db(transaction=True)
@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    "slot_booked_before", [False, True], ids=["first-booking", "lock-row-exists"]
)
def test_two_staff_booking_the_last_table_at_once_give_one_booking_and_one_slot_full(
    slot_booked_before,
):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    prison = PrisonFactory(slots=[(1, *AFTERNOON, 1)])  # Tuesdays, 1 table
    first, second = RequestedVisitFactory.create_batch(2, prison=prison, slot=slot_on(TUE_1_DEC))
    staff = [caseworker_for(prison), caseworker_for(prison)]
    if slot_booked_before:  # a booking since cancelled left the slot's lock row behind
        SlotLock.objects.create(prison=prison, date=TUE_1_DEC, start_time=AFTERNOON[0])
    barrier = threading.Barrier(2)
    outcomes: dict[int, str] = {}

    def book(visit, user):
        try:
            barrier.wait(timeout=10)
            services.visit_book(
                visit=visit, slot=slot_on(TUE_1_DEC), booking_reference="BK", by=user
            )
            outcomes[visit.pk] = "booked"
        except services.SlotFull as exc:
            outcomes[visit.pk] = f"full: {exc}"
        finally:
            connections.close_all()  # each thread has its own connection: close it

    threads = [
        threading.Thread(target=book, args=(visit, user))
        for visit, user in zip((first, second), staff, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(o.split(":")[0] for o in outcomes.values()) == ["booked", "full"]
    assert "now full" in next(o for o in outcomes.values() if o.startswith("full"))
    assert Visit.objects.filter(status=VisitStatus.BOOKED).count() == 1
    assert Visit.objects.filter(status=VisitStatus.REQUESTED).count() == 1
