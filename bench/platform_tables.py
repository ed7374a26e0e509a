"""make bench data for the platform's own large tables: the audit log, the KPI events and the
outbox, 200,000 × scale rows each (bulk, seeded: the same rows every run).

The services' ``bench.py`` seed their cases; these tables grow with every case too (an audit
event per change, KPI events per journey, messages per case), and their admin lists are
measured with the rest. Values are spread the way the services write them: the service by
slug on some rows and by app label on others, tens of audit actions, a few outcomes.
"""

from __future__ import annotations

import random
from datetime import timedelta

BATCH = 5_000
SERVICES = ["prison-visits", "tribunal-fees", "money-claims", "lasting-power"]
VERBS = ["submitted", "booked", "rejected", "cancelled", "paid", "refunded", "viewed", "exported"]
OUTCOMES = ["submitted", "submitted", "submitted", "not_eligible", "exempt"]


def seed(*, scale: float, stdout) -> None:
    from django.utils import timezone

    from digital_services.audit.models import AuditEvent
    from digital_services.notifications.models import OutboundMessage
    from digital_services.performance.models import PerformanceEvent

    rng = random.Random(13)
    rows = max(1, int(200_000 * scale))
    now = timezone.now()

    def when() -> object:
        return now - timedelta(minutes=rng.randint(0, 60 * 24 * 365))

    def service() -> str:
        slug = rng.choice(SERVICES)
        return rng.choice([slug, slug.replace("-", "_"), ""])

    have = AuditEvent.objects.filter(object_type="bench.case").count()
    for start in range(have, rows, BATCH):
        AuditEvent.objects.bulk_create(
            AuditEvent(
                occurred_at=when(),
                action=f"{rng.choice(SERVICES).replace('-', '_')}.case.{rng.choice(VERBS)}",
                object_type="bench.case",
                object_id=str(n),
                service=service(),
                detail={},
            )
            for n in range(start, min(rows, start + BATCH))
        )
    have = PerformanceEvent.objects.filter(journey="bench").count()
    for start in range(have, rows, BATCH):
        events = []
        for _ in range(start, min(rows, start + BATCH)):
            completed = rng.random() < 0.5
            events.append(
                PerformanceEvent(
                    kind="journey_completed" if completed else "journey_started",
                    service=rng.choice(SERVICES),
                    journey="bench",
                    outcome=rng.choice(OUTCOMES) if completed else "",
                    occurred_at=when(),
                )
            )
        PerformanceEvent.objects.bulk_create(events)
    have = OutboundMessage.objects.filter(template_key="bench.platform").count()
    for start in range(have, rows, BATCH):
        OutboundMessage.objects.bulk_create(
            OutboundMessage(
                service=rng.choice(SERVICES).replace("-", "_"),
                channel="email",
                template_key="bench.platform",
                recipient=f"platform{n}@example.com",
                status=rng.choice(["delivered"] * 8 + ["sent", "permanent-failure"]),
            )
            for n in range(start, min(rows, start + BATCH))
        )
    stdout.write(f"  platform: {rows} audit events, KPI events and outbox messages (bulk)\n")
