"""make bench data and pages for Book a prison visit.

``seed`` makes 100×scale prisons and 200,000×scale visits with ``bulk_create``
(going through ``visit_request_submit`` would take hours at that volume; the
rows are the same shape: a lead visitor each, a spread of states and dates).
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone

from digital_services.core.references import reference_for_number

from .constants import REFERENCE_LENGTH, PrisonerCheck, VisitStatus
from .models import Prison, SlotTime, Visit, Visitor, WeeklySlot

BATCH = 5000
STATES = [
    VisitStatus.REQUESTED,
    VisitStatus.BOOKED,
    VisitStatus.BOOKED,
    VisitStatus.REJECTED,
    VisitStatus.WITHDRAWN,
    VisitStatus.CANCELLED,
]
#: Bench references start with B: "B" is 11 in the reference alphabet.
BENCH_REFERENCE_BASE = 11 * 32**7


def _reference(n: int) -> str:
    """The n-th bench visit's reference, from the platform's generator (check character too)."""
    return reference_for_number(BENCH_REFERENCE_BASE + n, length=REFERENCE_LENGTH)


def prisoner_number(n: int) -> str:
    """The n-th bench visit's prisoner: "B" and four digits, never a demo prisoner's number.
    A visit booked for a prisoner counts against their allowance at every prison, so the bench's
    visits once used the demo's Jo Bloggs' A1234BC, and at 200,000 visits could leave the
    booking journey no time to offer her (``make bench`` could not walk it some days)."""
    return f"B{n % 10000:04d}BC"


def seed(*, scale: float, stdout) -> None:
    rng = random.Random(6)  # seeded: the same data set every run
    prison_count = max(1, int(100 * scale))
    visit_count = max(1, int(200_000 * scale))
    start = Prison.objects.filter(slug__startswith="bench-").count()
    Prison.objects.bulk_create(
        [
            Prison(name=f"HMP Bench {n}", slug=f"bench-{n}", email_address="bench@example.com")
            for n in range(start, prison_count)
        ]
    )
    prisons = list(Prison.objects.filter(slug__startswith="bench-").order_by("pk")[:prison_count])
    WeeklySlot.objects.bulk_create(
        [
            WeeklySlot(prison=p, weekday=d, start_time=time(14), end_time=time(16), capacity=20)
            for p in prisons
            if not p.weekly_slots.exists()
            for d in (1, 3, 5)
        ]
    )
    have = Visit.objects.filter(prison__slug__startswith="bench-").count()
    today = timezone.localdate()
    now = timezone.now()
    made = 0
    for offset in range(have, visit_count, BATCH):
        visits = []
        for n in range(offset, min(offset + BATCH, visit_count)):
            status = STATES[n % len(STATES)]
            day = today + timedelta(days=rng.randint(-180, 28))
            slot = SlotTime(day, time(14), time(16))
            booked = status in (VisitStatus.BOOKED, VisitStatus.CANCELLED)
            requested_at = timezone.make_aware(datetime.combine(day - timedelta(days=10), time(9)))
            visits.append(
                Visit(
                    reference=_reference(n),
                    prison=prisons[n % len(prisons)],
                    status=status,
                    prisoner_first_name="Bench",
                    prisoner_last_name=f"Prisoner{n % 5000}",
                    prisoner_date_of_birth=day.replace(year=1980),
                    prisoner_number=prisoner_number(n),
                    prisoner_check=PrisonerCheck.NO_REGISTER,
                    requested_slots=[slot.key],
                    visit_date=day,
                    slot_date=day if booked else None,
                    slot_start=slot.start if booked else None,
                    slot_end=slot.end if booked else None,
                    contact_email=f"bench{n}@example.com",
                    requested_at=min(requested_at, now),
                    respond_by=day - timedelta(days=5),
                    rejection_reasons=["slot_unavailable"]
                    if status == VisitStatus.REJECTED
                    else [],
                )
            )
        Visit.objects.bulk_create(visits)
        Visitor.objects.bulk_create(
            [
                Visitor(
                    visit=v,
                    position=0,
                    first_name="Lead",
                    last_name=v.prisoner_last_name,
                    date_of_birth=v.prisoner_date_of_birth.replace(year=1975),
                )
                for v in visits
            ]
        )
        made += len(visits)
    stdout.write(f"  prison_visits: {len(prisons)} prisons, {made} new visits (bulk)")


def _first_request() -> str:
    visit = Visit.objects.filter(status=VisitStatus.REQUESTED).order_by("pk").first()
    return reverse("admin:prison_visits_visit_process", args=[visit.pk])


PAGES = [
    {
        "name": "prison visits staff inbox",
        "path": lambda: reverse("admin:prison_visits_visit_changelist") + "?inbox=requests",
        "who": "staff",
    },
    {"name": "prison visits process a request", "path": _first_request, "who": "staff"},
    {
        "name": "prison visits day sheet",
        "path": lambda: (
            reverse("admin:prison_visits_visit_day_sheet")
            + f"?date={timezone.localdate().isoformat()}"
        ),
        "who": "staff",
    },
]
