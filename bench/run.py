"""make bench: throughput, latency and SQL queries per request of the main pages.

Seeds a data set through each service's own code (a service names a module in its
registry entry, ``Service.bench``, with ``seed(*, scale, stdout)`` and ``PAGES``, and
``question_pages()`` for a journey with views of its own), walks each journey (bench/journeys.py),
serves the site with gunicorn and production settings on PostgreSQL and Redis,
and drives each page with wrk from a second process at a fixed concurrency.
It measures at two data sizes (``--scale`` and ``--scale * --growth``) so a page
whose cost grows with the data shows up. Throughput is also given as a ratio to
the bare liveness view ``/healthz/live`` (no database, no cache), measured for a second just
before each run of the page, so numbers compare across machines and the machine's drift during
the run (its speed changes by tens of per cent over half an hour here) does not count against
the page. Each page is measured ``--rounds`` times at each size and the median is kept; each
journey question page but the first (about 140 of them) ``--question-rounds`` times of
``--question-duration`` seconds, or not at all with ``--no-questions``.
Writes ``bench/results.json`` and prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digital_services.settings")


from bench.journeys import (  # noqa: E402
    JOURNEY_FAILURES,
    Page,
    journey_pages,
    service_question_pages,
)
from bench.load import LIVENESS, cookie_pairs, measure, wrk  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_modules():
    """Each service's bench module, as its registry entry names it (``Service.bench``)."""
    from digital_services.core.registry import services_list

    return [import_module(service.bench) for service in services_list() if service.bench]


def seed(scale: float) -> None:
    for module in [*bench_modules(), import_module("bench.platform_tables")]:
        if hasattr(module, "seed"):
            started = time.monotonic()
            module.seed(scale=scale, stdout=sys.stdout)
            print(f"  seeded {module.__name__} in {time.monotonic() - started:.1f}s", flush=True)
    # A live database has the planner statistics and visibility map that autovacuum keeps; right
    # after a bulk load it has neither (plans for empty tables, no index-only scans).
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def pages(*, journeys: bool = True, questions: bool = True) -> list[Page]:
    """The platform's pages, each app's PAGES, each journey's pages (bench/journeys.py; with
    ``questions``, all its question pages), and every admin changelist and case page."""
    from django.contrib import admin
    from django.urls import reverse

    found = [
        Page("/healthz/live", "/healthz/live"),
        Page("/healthz", "/healthz"),
        Page("start page", "/"),
        Page("your applications", reverse("accounts:your-applications"), who="citizen"),
        Page("admin index", reverse("admin:index"), who="staff"),
    ]
    modules = bench_modules()
    for module in modules:
        for spec in getattr(module, "PAGES", []):
            found.append(Page(spec["name"], spec["path"](), spec.get("who", "anonymous")))
    if journeys:
        found.extend(journey_pages(questions=questions))
        if questions:
            found.extend(service_question_pages(modules))
    for model, model_admin in sorted(
        admin.site._registry.items(), key=lambda kv: kv[0]._meta.label
    ):
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        found.append(Page(f"admin {meta.label} list", changelist, who="staff"))
        first = (
            model_admin.get_queryset_for_bench()
            if hasattr(model_admin, "get_queryset_for_bench")
            else None
        )
        obj = first if first is not None else model._default_manager.order_by("pk").first()
        if obj is not None:
            change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
            found.append(Page(f"admin {meta.label} case", change, who="staff"))
    return found


def session_cookies() -> dict[str, str]:
    """Signed-in sessions for a citizen and for a superuser who passed the second factor, each
    with the CSRF cookie a browser sends back once it has seen a page with a form (without it,
    every page would make and set a new one)."""
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from django.middleware.csrf import _get_new_csrf_string

    User = get_user_model()
    citizen, _ = User.objects.get_or_create(email="bench-citizen@example.com")
    staff, created = User.objects.get_or_create(
        email="bench-admin@example.com", defaults={"is_staff": True, "is_superuser": True}
    )
    cookies = {"anonymous": ""}
    for who, user in (("citizen", citizen), ("staff", staff)):
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        if who == "staff":  # as allauth records a TOTP sign-in
            now = time.time()
            store["account_authentication_methods"] = [
                {"method": "password", "at": now, "email": user.email},
                {"method": "mfa", "type": "totp", "at": now},
            ]
            store["account_authentication_methods_user"] = str(user.pk)
        store.create()
        cookies[who] = (
            f"{settings.SESSION_COOKIE_NAME}={store.session_key}; "
            f"{settings.CSRF_COOKIE_NAME}={_get_new_csrf_string()}"
        )
    return cookies


def count_queries(page: Page, cookie: str) -> tuple[int, int]:
    """The page's status and its queries: the fewer of two requests after a warm-up. A
    signed-in session is written at most once a minute (accounts/sessions.py), so a request
    that falls on that minute makes one more query (the session's ``UPDATE``) whatever the
    page: the 2017 refund list once counted 5 queries at 200,000 cases for that reason."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    for name, value in cookie_pairs(cookie):
        client.cookies[name] = value
    client.get(page.path)  # warm caches, as a real second request would be
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(page.path)
        counts.append(len(ctx.captured_queries))
    return response.status_code, min(counts)


def start_gunicorn(port: int, **extra_env: str) -> subprocess.Popen:
    env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}", **extra_env}
    proc = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "digital_services.wsgi:application",
            "--config",
            "gunicorn.conf.py",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    # Ready when a worker answers, not when the socket accepts: without preload the master
    # listens before its workers have imported Django.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/live", timeout=5):
                return proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stderr.read().decode()) from None
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


#: The goals of issue #13, as ratios to /healthz/live in the same run, queries per request and p95.
JOURNEY_MIN_RATIO = 0.08  # a citizen question page or check page (a form to render)
PAGE_MIN_RATIO = 0.10  # a citizen page that reads the database, an admin changelist or case page
CITIZEN_MAX_QUERIES = 12
ADMIN_MAX_QUERIES = 15
MAX_P95_MS = 100.0
NOT_GOALED = {"/healthz/live", "/healthz"}  # LIVENESS and the health check


def goals_missed(page: Page, result: dict) -> list[str]:
    """The goals this measurement misses (empty when it meets them all)."""
    if page.name in NOT_GOALED:
        return []
    missed = []
    journey = page.name.startswith("journey ")
    staff = page.who == "staff"
    min_ratio = JOURNEY_MIN_RATIO if journey or result["queries"] == 0 else PAGE_MIN_RATIO
    ratio = result.get("ratio_to_healthz")
    if ratio is not None and ratio < min_ratio:
        missed.append(f"ratio<{min_ratio:g}")
    max_queries = ADMIN_MAX_QUERIES if staff else CITIZEN_MAX_QUERIES
    if result["queries"] > max_queries:
        missed.append(f"queries>{max_queries}")
    if result["p95_ms"] > MAX_P95_MS:
        missed.append(f"p95>{MAX_P95_MS:g}ms")
    if result["status"] != 200:
        missed.append("not 200")
    if not result["rps"]:
        missed.append("no request finished")
    if result.get("errors"):
        missed.append(f"{result['errors']} errors or timeouts")
    first = page.results[0]
    if result is not first and result["queries"] != first["queries"]:
        missed.append(f"queries changed ({first['queries']} -> {result['queries']})")
    return missed


def gunicorn_change(*, duration: int, connections: int, threads: int) -> dict:
    """/healthz/live and the start page under the old gunicorn settings (a worker recycled every
    2,000 requests, no preload) and under the current ones, one server after the other."""
    settings = {
        "before (max_requests 2000, no preload)": {
            "GUNICORN_MAX_REQUESTS": "2000",
            "GUNICORN_PRELOAD": "false",
        },
        "after (gunicorn.conf.py defaults)": {},
    }
    out: dict = {}
    for label, env in settings.items():
        port = free_port()
        server = start_gunicorn(port, **env)
        try:
            out[label] = {
                path: wrk(
                    f"http://127.0.0.1:{port}{path}",
                    "",
                    duration=duration,
                    connections=connections,
                    threads=threads,
                )
                for path in ("/healthz/live", "/")
            }
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        for path, r in out[label].items():
            print(
                f"  gunicorn {label}: {path:<14} {r['rps']:>8.1f} req/s  p95 {r['p95_ms']:>8.2f} ms"
            )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scale",
        type=float,
        default=0.005,
        help="first data size: 1.0 is 200,000 cases per service (default 0.005: 1,000 cases)",
    )
    parser.add_argument(
        "--growth",
        type=float,
        default=200.0,
        help="second data size = scale x growth (default 200: 200,000 cases per service)",
    )
    parser.add_argument(
        "--gunicorn-compare",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also measure the old gunicorn settings against the current ones",
    )
    parser.add_argument(
        "--duration", type=int, default=3, help="seconds of load per page and round"
    )
    parser.add_argument(
        "--rounds", type=int, default=2, help="runs of each page at each size (median kept)"
    )
    parser.add_argument(
        "--questions",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also measure every journey question page besides the first (bench/journeys.py)",
    )
    parser.add_argument(
        "--question-rounds",
        type=int,
        default=1,
        help="runs of each of those question pages at each size (they are many: ~140)",
    )
    parser.add_argument(
        "--question-duration",
        type=int,
        default=2,
        help="seconds of load per question page and round",
    )
    parser.add_argument(
        "--healthz-seconds",
        type=int,
        default=1,
        help="seconds of /healthz/live just before each run of a page (its ratio's base)",
    )
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--only", default="", help="regular expression: measure only matching pages"
    )
    parser.add_argument(
        "--seed-only",
        action="store_true",
        help="seed the larger data size and stop (for bench/explain.py)",
    )
    parser.add_argument(
        "--outbox",
        action="store_true",
        help="measure the outbox instead (bench/outbox.py: one Celery worker to an SMTP sink)",
    )
    parser.add_argument(
        "--reminders",
        action="store_true",
        help="measure the day-before reminders instead (bench/reminders.py: 100,000 visits)",
    )
    args, rest = parser.parse_known_args()
    if args.outbox or args.reminders:
        # Each takes its own options (see its --help): make bench ARGS="--outbox --messages 2000".
        module = import_module("bench.outbox" if args.outbox else "bench.reminders")
        return module.main(rest)
    if rest:
        parser.error(f"unrecognised arguments: {' '.join(rest)}")

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    if args.seed_only:
        seed(args.scale * args.growth)
        return 0
    call_command("collectstatic", verbosity=0, interactive=False)
    change = (
        gunicorn_change(duration=args.duration, connections=args.connections, threads=args.threads)
        if args.gunicorn_compare
        else None
    )
    port = free_port()
    server = start_gunicorn(port)
    sizes = [args.scale, args.scale * args.growth]
    try:
        cookies = session_cookies()
        measured: list[Page] = []
        failed: list[str] = []
        for size in sizes:
            print(f"Seeding scale {size:g}...", flush=True)
            seed(size)
            for page in pages(questions=args.questions):
                if args.only and not re.search(args.only, page.name) and page.name != LIVENESS:
                    continue
                # ``who`` names a shared session, or is a journey page's own cookie.
                cookie = cookies.get(page.who, page.who)
                try:
                    status, queries = count_queries(page, cookie)
                    result = measure(
                        port,
                        page,
                        cookie,
                        rounds=args.question_rounds if page.question else args.rounds,
                        duration=args.question_duration if page.question else args.duration,
                        healthz_seconds=args.healthz_seconds,
                        connections=args.connections,
                        threads=args.threads,
                    )
                except Exception as exc:  # noqa: BLE001 - report it loudly and measure the rest
                    failed.append(f"{page.name} (scale {size:g}): {exc.__class__.__name__}: {exc}")
                    print(f"  FAILED {page.name}: {exc.__class__.__name__}: {exc}", flush=True)
                    continue
                if status != 200:
                    failed.append(f"{page.name} (scale {size:g}): HTTP {status}")
                result.update({"scale": size, "status": status, "queries": queries})
                existing = next((p for p in measured if p.name == page.name), None)
                if existing is None:
                    existing = page
                    measured.append(page)
                existing.results.append(result)
                ratio = result.get("ratio_to_healthz")
                print(
                    f"  {page.name:<62} {status} {result['rps']:>8.1f} req/s  p95 {result['p95_ms']:>7.2f} ms"
                    f"  {queries:>3} queries"
                    + (f"  ratio {ratio:.3f}" if ratio is not None else ""),
                    flush=True,
                )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    for page in measured:
        for r in page.results:
            if page.name == LIVENESS:
                r["ratio_to_healthz"] = 1.0

    for page in measured:
        for r in page.results:
            r["missed_goals"] = goals_missed(page, r)
    header = f"{'page':<62} {'scale':>6} {'status':>6} {'req/s':>9} {'ratio':>7} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}  goals"
    print("\n" + header + "\n" + "-" * len(header))
    for page in measured:
        for r in page.results:
            print(
                f"{page.name:<62} {r['scale']:>6g} {r['status']:>6} {r['rps']:>9.1f} {r['ratio_to_healthz'] or 0:>7.3f}"
                f" {r['p50_ms']:>8.2f} {r['p95_ms']:>8.2f} {r['queries']:>8}"
                f"  {'MISSED ' + ', '.join(r['missed_goals']) if r['missed_goals'] else 'ok'}"
            )
    grew = [
        p.name
        for p in measured
        if len(p.results) == 2 and p.results[1]["queries"] > p.results[0]["queries"]
    ]
    if grew:
        print("\nQueries grew with the data on: " + ", ".join(grew))
    out = {
        "machine": {
            "cores": os.cpu_count(),
            "connections": args.connections,
            "duration_s": args.duration,
            "rounds": args.rounds,
            "questions": args.questions,
            "question_duration_s": args.question_duration,
            "question_rounds": args.question_rounds,
            "healthz_seconds_before_each_round": args.healthz_seconds,
        },
        "sizes": sizes,
        "cases_per_service": [int(200_000 * size) for size in sizes],
        "goals": {
            "journey_min_ratio": JOURNEY_MIN_RATIO,
            "page_min_ratio": PAGE_MIN_RATIO,
            "citizen_max_queries": CITIZEN_MAX_QUERIES,
            "admin_max_queries": ADMIN_MAX_QUERIES,
            "max_p95_ms": MAX_P95_MS,
        },
        "gunicorn_change": change,
        "pages": [
            {
                "name": p.name,
                "path": p.path,
                "who": p.who if "=" not in p.who else "journey session",
                "results": p.results,
            }
            for p in measured
        ],
    }
    path = ROOT / "bench/results.json"
    previous = json.loads(path.read_text()) if path.exists() else {}
    if args.only and previous.get("pages"):
        # A partial run replaces the pages it measured and keeps the others (each page's ratio
        # is to /healthz/live of its own run); "partial_runs" says which were measured when.
        fresh = {p["name"]: p for p in out["pages"]}
        kept_pages = [fresh.pop(p["name"], p) for p in previous["pages"]]
        out["pages"] = kept_pages + list(fresh.values())
        out["partial_runs"] = [
            *previous.get("partial_runs", []),
            {"only": args.only, "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())},
        ]
        if out["gunicorn_change"] is None:
            out["gunicorn_change"] = previous.get("gunicorn_change")
    # The outbox, reminders and retention benches add their own keys: keep them.
    kept = {k: v for k, v in previous.items() if k not in out}
    path.write_text(json.dumps({**out, **kept}, indent=2) + "\n")
    print(f"\nWrote {ROOT / 'bench/results.json'}")
    missing = sorted({p.name for p in measured for r in p.results if r["missed_goals"]})
    if missing:
        print(
            f"\n{len(missing)} PAGES MISS A GOAL (see the goals column):\n  " + "\n  ".join(missing)
        )
    failed.extend(dict.fromkeys(JOURNEY_FAILURES))
    if failed:
        print("\nPAGES THAT FAILED (not measured or not 200):\n  " + "\n  ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
