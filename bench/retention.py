"""How the retention job copes with a large outbox: rows, seconds, and the longest batch.

    .venv/bin/python bench/retention.py [--rows 1000000] [--batch-size N]

Against the database in DATABASE_URL (a throwaway or a bench one: it adds ``--rows`` outbox
messages settled long ago, then runs the ``notifications.outbox`` retention rule over them with
``digital_services.privacy.retention.rule_apply``). Each batch is one transaction holding row
locks on its rows only (PostgreSQL takes no table lock for ``UPDATE``/``DELETE``); the goal of
issue #13 is that no batch holds them for more than a second. Prints the result and adds it to
``bench/results.json`` under ``retention`` when that file exists.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digital_services.settings")

SEED_BATCH = 10_000
MAX_BATCH_SECONDS = 1.0


def outbox_seed(*, rows: int, settled_days_ago: int) -> int:
    """Add ``rows`` delivered emails, settled ``settled_days_ago`` days ago (bulk, not services)."""
    from django.utils import timezone

    from digital_services.notifications.models import OutboundMessage

    long_ago = timezone.now() - timedelta(days=settled_days_ago)
    first = OutboundMessage.objects.count()
    for start in range(0, rows, SEED_BATCH):
        OutboundMessage.objects.bulk_create(
            [
                OutboundMessage(
                    service="bench",
                    channel="email",
                    template_key="bench.retention",
                    recipient=f"retention{first + n}@example.com",
                    personalisation={"name": "Bench"},
                    status="delivered",
                    sent_at=long_ago,
                    completed_at=long_ago,
                )
                for n in range(start, min(start + SEED_BATCH, rows))
            ]
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--batch-size", type=int, default=0, help="default RETENTION_BATCH_SIZE")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.utils import timezone

    from digital_services.privacy import retention

    rule = next(r for r in retention.retention_rules() if r.key == "notifications.outbox")
    batch_size = args.batch_size or settings.RETENTION_BATCH_SIZE
    started = time.monotonic()
    outbox_seed(rows=args.rows, settled_days_ago=rule.days + 30)
    print(f"Seeded {args.rows} expired outbox messages in {time.monotonic() - started:.1f}s")

    batch_seconds: list[float] = []
    apply = retention._apply

    def timed_apply(rule, model, ids):
        # ``rule_apply`` calls this inside the batch's transaction: time it to the commit.
        from django.db import transaction

        began = time.monotonic()
        transaction.on_commit(lambda: batch_seconds.append(time.monotonic() - began))
        apply(rule, model, ids)

    retention._apply = timed_apply
    started = time.monotonic()
    try:
        done = retention.rule_apply(rule, now=timezone.now(), batch_size=batch_size)
    finally:
        retention._apply = apply
    seconds = time.monotonic() - started
    ordered = sorted(batch_seconds)
    result = {
        "rule": rule.key,
        "rows": done,
        "seconds": round(seconds, 1),
        "rows_per_second": round(done / seconds) if seconds else None,
        "batch_size": batch_size,
        "batches": len(ordered),
        "batch_p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 1) if ordered else None,
        "batch_max_ms": round(ordered[-1] * 1000, 1) if ordered else None,
    }
    met = bool(ordered) and ordered[-1] <= MAX_BATCH_SECONDS
    result["goal"] = (
        f"each batch's locks held ≤ {MAX_BATCH_SECONDS:g} s: {'ok' if met else 'MISSED'}"
    )
    print(json.dumps(result, indent=2))
    results = ROOT / "bench/results.json"
    if results.exists():
        data = json.loads(results.read_text())
        data["retention"] = result
        results.write_text(json.dumps(data, indent=2) + "\n")
        print(f"Added to {results}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
