"""CPU per request of the journey pages, in process (no gunicorn, no load), and where it goes.

Against a migrated database (the dev PostgreSQL is enough; the journeys' example rows are
seeded as the quality walker does), with the production settings (``DJANGO_DEBUG`` unset):

    .venv/bin/python bench/journey_cpu.py [--only REGEX] [--requests 200] [--profile 25]

For each service journey it walks the example answers to the check page with Django's test
client, then fetches the journey's first question, its last question and its check page
``--requests`` times each (after a warm-up, in ten batches) and prints the median batch's
process CPU time per request, next
to ``/healthz/live`` measured the same way. ``--profile N`` prints the N costliest functions
(cumulative) of each page under cProfile. This is how the journey numbers in
docs/performance.md were measured.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digital_services.settings")


def cpu_ms(client, path: str, requests: int) -> float:
    """The median CPU per request of ten batches (other work on the machine inflates some)."""
    for _ in range(10):
        response = client.get(path)
    assert response.status_code == 200, f"{path} answered {response.status_code}"
    batch = max(1, requests // 10)
    means = []
    for _ in range(10):
        started = time.process_time()
        for _ in range(batch):
            client.get(path)
        means.append((time.process_time() - started) * 1000 / batch)
    return statistics.median(means)


def profile(client, path: str, requests: int, top: int) -> None:
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(requests):
        client.get(path)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(top)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="regular expression: journeys to measure")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--profile", type=int, default=0, help="print this many functions")
    parser.add_argument("--pages", default="first|last|check", help="which pages (regex)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.test import Client

    from bench.journeys import journeys_walked

    print(f"/healthz/live: {cpu_ms(Client(), '/healthz/live', args.requests):.2f} ms", flush=True)
    for _journey, label, client, walker, check_path in journeys_walked(args.only):
        steps = [v.path for v in walker.visits if v.kind == "step"]
        for name, path in (("first", steps[0]), ("last", steps[-1]), ("check", check_path)):
            if not re.search(args.pages, name):
                continue
            ms = cpu_ms(client, path, args.requests)
            print(f"{label} {name} ({path}): {ms:.2f} ms", flush=True)
            if args.profile:
                profile(client, path, args.requests, args.profile)
    if not args.only or re.search(args.only, "lasting-power"):
        lasting_power(args)
    return 0


def lasting_power(args) -> None:
    """The LPA's questions have views of their own over the same engine: the bench's
    citizen's completed LPA (lasting_power.bench), its first and last question and its
    check page."""
    from django.test import Client
    from django.urls import reverse

    from lasting_power.bench import _template
    from lasting_power.journeys.definitions import journey_for

    lpa = _template()
    client = Client()
    client.force_login(lpa.user)
    steps = [
        step.slug
        for _, step in journey_for(lpa.lpa_type).all_steps()
        if lpa.answers.get(step.slug) is not None and not step.repeating
    ]
    pages = (
        ("first", reverse("lasting_power:lpa-step", args=[lpa.pk, steps[0]])),
        ("last", reverse("lasting_power:lpa-step", args=[lpa.pk, steps[-1]])),
        ("check", reverse("lasting_power:lpa-check", args=[lpa.pk])),
    )
    for name, path in pages:
        if not re.search(args.pages, name):
            continue
        ms = cpu_ms(client, path, args.requests)
        print(f"lasting-power/lpa {name} ({path}): {ms:.2f} ms", flush=True)
        if args.profile:
            profile(client, path, args.requests, args.profile)


if __name__ == "__main__":
    sys.exit(main())
