"""Day-before reminders at volume: how long ``visit_reminders_send`` takes for 100,000 visits.

    make bench ARGS="--reminders"         (throwaway PostgreSQL and Redis, then this)
    .venv/bin/python bench/reminders.py [--visits 100000]

Against the database and Redis in DATABASE_URL / REDIS_URL. It adds ``--visits`` booked visits
on one day (a lead visitor and a second visitor each, an email address each, a UK mobile on
every other one, spread over 100 prisons), runs the reminder job for that day as the beat
schedule does, and times it from the first query to the last commit: the visits stamped, their
events and field history written, their emails and texts in the outbox and queued for delivery
(in batches; no worker runs, so they wait in Redis and are purged). It then runs the job again,
which must remind nobody. The goal of issue #13 is under 60 seconds for 100,000 visits.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import datetime, timedelta
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digital_services.settings")

GOAL_SECONDS = 60
SEED_BATCH = 5_000
PRISONS = 100
#: Far enough ahead that the bench's own visits (up to 28 days ahead) are not on that day.
DAYS_AHEAD = 400


def visits_seed(*, count: int, day) -> None:
    """``count`` booked visits on ``day`` (bulk, the shape ``prison_visits.bench`` makes)."""
    from django.utils import timezone

    from digital_services.core.references import reference_for_number
    from prison_visits.constants import REFERENCE_LENGTH, PrisonerCheck, VisitStatus
    from prison_visits.models import Prison, SlotTime, Visit, Visitor

    Prison.objects.bulk_create(
        [
            Prison(name=f"HMP Reminders {n}", slug=f"reminders-{n}", email_address="r@example.com")
            for n in range(PRISONS)
        ],
        ignore_conflicts=True,
    )
    prisons = list(Prison.objects.filter(slug__startswith="reminders-").order_by("pk"))
    slot = SlotTime(day, clock(14), clock(16))
    requested_at = timezone.make_aware(datetime.combine(day - timedelta(days=30), clock(9)))
    base = 13 * 32**7  # references starting with D: not the page bench's (B)
    for offset in range(0, count, SEED_BATCH):
        visits = [
            Visit(
                reference=reference_for_number(base + n, length=REFERENCE_LENGTH),
                prison=prisons[n % len(prisons)],
                status=VisitStatus.BOOKED,
                prisoner_first_name="Bench",
                prisoner_last_name=f"Prisoner{n % 5000}",
                prisoner_date_of_birth=day.replace(year=1980),
                prisoner_number=f"A{n % 10000:04d}BC",
                prisoner_check=PrisonerCheck.NO_REGISTER,
                requested_slots=[slot.key],
                visit_date=day,
                slot_date=day,
                slot_start=slot.start,
                slot_end=slot.end,
                contact_email=f"reminder{n}@example.com",
                contact_phone="07700900123" if n % 2 else "",
                requested_at=requested_at,
                respond_by=day - timedelta(days=5),
            )
            for n in range(offset, min(count, offset + SEED_BATCH))
        ]
        Visit.objects.bulk_create(visits)
        Visitor.objects.bulk_create(
            [
                Visitor(
                    visit=visit,
                    position=position,
                    first_name=first,
                    last_name=visit.prisoner_last_name,
                    date_of_birth=visit.prisoner_date_of_birth.replace(year=year),
                )
                for visit in visits
                for position, first, year in ((0, "Lead", 1975), (1, "Second", 1990))
            ]
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=100_000)
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from digital_services.celery import app
    from digital_services.notifications.models import OutboundMessage
    from prison_visits.models import Visit
    from prison_visits.services import scheduled

    sys.path.insert(0, str(ROOT / "bench"))
    from outbox import queues_purge, results_merge

    call_command("migrate", verbosity=0, interactive=False)
    day = timezone.localdate() + timedelta(days=DAYS_AHEAD)
    booked = Visit.objects.filter(slot_date=day, prison__slug__startswith="reminders-")
    if booked.count() < args.visits:
        booked.delete()
        print(f"Seeding {args.visits} booked visits on {day}...", flush=True)
        visits_seed(count=args.visits, day=day)
    booked.update(reminder_sent_at=None)
    outbox = OutboundMessage.objects.filter(template_key__startswith="prison_visits.reminder")
    outbox.delete()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")

    load = os.getloadavg()[0]
    queries = []

    def counted(execute, sql, params, many, context):
        queries.append(1)  # counted, not recorded: recording 100,000-row INSERTs costs time
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        started = time.monotonic()
        reminded = scheduled.visit_reminders_send(for_date=day)
        seconds = time.monotonic() - started
    messages = outbox.count()
    again = scheduled.visit_reminders_send(for_date=day)
    purged = queues_purge(app)
    batches = -(-reminded // scheduled.REMINDERS_BATCH_SIZE)
    result = {
        "visits": args.visits,
        "reminded": reminded,
        "outbox_messages": messages,
        "seconds": round(seconds, 2),
        "visits_per_second": round(reminded / seconds, 1) if seconds else None,
        "batch_size": scheduled.REMINDERS_BATCH_SIZE,
        "queries": len(queries),
        "queries_per_batch": round(len(queries) / max(batches, 1), 1),
        "delivery_tasks_queued": purged,
        "reminded_by_a_second_run": again,
        "load_average_at_start": round(load, 2),
        "goal_seconds": GOAL_SECONDS,
        "met_goal": seconds < GOAL_SECONDS and reminded == args.visits and again == 0,
    }
    results_merge("reminders", result)
    print(
        f"reminders: {reminded} visits reminded in {result['seconds']}s "
        f"({result['visits_per_second']}/s, goal under {GOAL_SECONDS}s"
        f"{': met' if result['met_goal'] else ': MISSED'}); {messages} outbox messages, "
        f"{purged} delivery tasks, {result['queries']} queries; a second run reminded {again}"
        f" (load average {result['load_average_at_start']})",
        flush=True,
    )
    return 0 if reminded == args.visits and again == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
