"""Multi-node rehearsal on one machine (make rehearsal; a benchmark, not a test).

Against the PostgreSQL, Redis and S3 (moto) that scripts/rehearsal.sh started and named in
the environment: three gunicorn instances behind HAProxy (health-checking /healthz), two
Celery workers and one beat. It drives a bounded, mixed load at loopback addresses (journeys
walked to their submit by the quality harness over HTTP, sandbox card payments, staff
decisions on visit requests) and, in the middle of it, kills one web instance, kills a worker
while it holds a batch of messages, and restarts Redis. Then it lets the outbox drain and
checks that every submitted case exists exactly once, every message reached the SMTP sink
exactly once, and every document is in the bucket. Report: bench/rehearsal.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
# Imports from the project root (bench.outbox...), not from bench/ itself, where a module
# could shadow the standard library's.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digital_services.settings")

from bench.outbox import free_port, sink_stop  # noqa: E402
from bench.rehearsal_nodes import Nodes, database_size  # noqa: E402

#: How often each journey is chosen; the rest of the load is staff decisions.
JOURNEY_WEIGHTS = {"prison-visits/book": 4, "tribunal-fees/pay": 4, "tribunal-fees/refund": 1}
JOURNEY_WEIGHTS_OTHER = 1  # any other journey (help with fees, money claims...)
REFERENCE = re.compile(r'govuk-panel__body">.*?<strong>([^<]+)</strong>', re.S)
SANDBOX_CARD = re.compile(r"^/payments/sandbox/[^/]+/$")
SANDBOX_CONFIRM = re.compile(r"^/payments/sandbox/[^/]+/confirm/$")
SERVICE_APPS = {"prison-visits": "prison_visits", "tribunal-fees": "tribunal_fees"}
SERVICE_APPS_OTHER = {"money-claims": "civil_claims", "lasting-power": "lasting_power"}


class RequestFailed(Exception):
    pass


class Ledger:
    """Every HTTP exchange the load made: when, and whether it was answered."""

    def __init__(self):
        self.lock = threading.Lock()
        self.rows: list[tuple[float, str, int | None]] = []  # (time, what, status or None)

    def add(self, what: str, status: int | None) -> None:
        with self.lock:
            self.rows.append((time.monotonic(), what, status))


class HttpDriver:
    """The quality harness's Driver over real HTTP (requests), through the load balancer."""

    def __init__(self, base: str, ledger: Ledger, cookie: str = ""):
        import requests

        self.base = base
        self.ledger = ledger
        self.session = requests.Session()
        from bench.load import cookie_pairs

        for name, value in cookie_pairs(cookie):
            self.session.cookies.set(name, value)
        self.response = None

    def _send(self, method: str, path: str, data=None):
        import requests

        url = path if path.startswith("http") else self.base + path
        try:
            response = self.session.request(method, url, data=data, timeout=30)
        except requests.RequestException as exc:
            self.ledger.add(f"{method} {path}", None)
            raise RequestFailed(f"{method} {path}: {exc.__class__.__name__}") from None
        for hop in response.history:
            self.ledger.add(f"{method} {path}", hop.status_code)
        self.ledger.add(f"{method} {path}", response.status_code)
        self.response = response
        if response.status_code >= 500:
            raise RequestFailed(f"{method} {path}: {response.status_code}")
        return response

    def goto(self, path: str) -> None:
        self._send("GET", path)

    def path(self) -> str:
        parts = urlsplit(self.response.url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def html(self) -> str:
        return self.response.text

    def submit(self, data: dict | None, *, form=None) -> None:
        from tests.quality.harness import main_form, page_parse
        from tests.quality.harness.step_examples import _as_lists
        from tests.quality.harness.walker import ClientDriver, WalkError

        form = form or main_form(page_parse(self.html()))
        if form is None:
            raise WalkError(f"{self.path()} has no form to send")
        values = ClientDriver.form_values(None, form)
        values.update(_as_lists(data or {}))
        self._send("POST", form.action or self.path(), data=values)

    def follow(self, href: str) -> None:
        self.goto(href)


def _pay_in_the_sandbox(driver: HttpDriver) -> bool:
    """On the sandbox's card page: pay with a test card that succeeds, and confirm."""
    if not SANDBOX_CARD.match(driver.path()):
        return False
    driver.submit(
        {
            "card_no": "4444333322221111",
            "expiry_month": "12",
            "expiry_year": str(time.gmtime().tm_year + 2),
            "cardholder_name": "Rehearsal Payer",
            "cvc": "123",
            "address_postcode": "SW1A 1AA",
        }
    )
    if SANDBOX_CONFIRM.match(driver.path()):
        driver.submit({})
    return True


def sink_start(port: int) -> subprocess.Popen:
    """bench/outbox.py's SMTP sink, counting each message by its outbox id, run as a module
    (so bench/ is not first on its import path)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.outbox", "--sink", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    if proc.stdout.readline().strip() != "ready":
        raise RuntimeError("the SMTP sink did not start")
    return proc


def walk_one(journey, base: str, ledger: Ledger) -> dict:
    """Walk ``journey`` to its confirmation; pay in the sandbox when it asks. One record."""
    from tests.quality.harness import JourneyWalker

    driver = HttpDriver(base, ledger)
    walker = JourneyWalker(journey, driver)
    record = {"journey": f"{journey.service}/{journey.slug}", "submitted": False}
    try:
        walker.walk()
        record["submitted"] = True
        record["paid"] = _pay_in_the_sandbox(driver)
        match = REFERENCE.search(driver.html())
        record["reference"] = " ".join(match.group(1).split()) if match else None
        record["end"] = driver.path()
    except RequestFailed as exc:
        # The check page's POST may have been answered by a node that then died: its case
        # may exist. Such walks are counted, and their cases looked for, separately.
        record["failed"] = str(exc)
        record["submitted"] = walker._submitted
    except Exception as exc:  # noqa: BLE001 - a journey that cannot be walked is reported
        record["walk_error"] = f"{exc.__class__.__name__}: {str(exc)[:200]}"
    return record


def decide_one(base: str, ledger: Ledger, staff_cookie: str, tried: set[int]) -> dict | None:
    """Reject one requested visit through the admin's process page, as prison staff do."""
    from prison_visits.constants import RejectionReason, VisitStatus
    from prison_visits.forms.staff import ACTION_CONFIRM, REJECT
    from prison_visits.models import Visit

    visit = (
        Visit.objects.filter(status=VisitStatus.REQUESTED)
        .exclude(pk__in=tried)
        .order_by("?")
        .first()
    )
    if visit is None:
        return None
    tried.add(visit.pk)
    driver = HttpDriver(base, ledger, staff_cookie)
    record = {"visit": visit.pk}
    try:
        driver.goto(f"/admin/prison_visits/visit/{visit.pk}/process/")
        driver.submit(
            {
                "outcome": REJECT,
                "reasons": [RejectionReason.SLOT_UNAVAILABLE],
                "action": ACTION_CONFIRM,
            }
        )
        visit.refresh_from_db()
        record["decided"] = visit.status != VisitStatus.REQUESTED
    except RequestFailed as exc:
        record["failed"] = str(exc)
    return record


def staff_cookie_make() -> str:
    from bench.run import session_cookies

    return session_cookies()["staff"]


def cases_check(walks: list[dict]) -> dict:
    """Every reference shown on a confirmation page is one row in its service's tables."""
    from django.apps import apps
    from django.db.models import Q

    apps_of = {**SERVICE_APPS, **SERVICE_APPS_OTHER}
    found = Counter()
    missing, doubled = [], []
    for walk in walks:
        reference = walk.get("reference")
        if not reference:
            continue
        label = apps_of.get(walk["journey"].split("/")[0])
        candidates = {reference, reference.replace(" ", ""), reference.replace(" ", "-")}
        rows = 0
        for model in apps.get_app_config(label).get_models():
            names = {f.name for f in model._meta.get_fields()}
            if "reference" not in names or "history_id" in names:
                continue
            query = Q()
            for candidate in candidates:
                query |= Q(reference__iexact=candidate)
            rows += model.objects.filter(query).count()
        found[rows] += 1
        if rows == 0:
            missing.append(reference)
        elif rows > 1:
            doubled.append(reference)
    return {
        "confirmed": sum(found.values()),
        "exist_exactly_once": found[1],
        "missing": missing,
        "more_than_once": doubled,
    }


def messages_check(received: Counter) -> dict:
    from digital_services.notifications.models import OutboundMessage

    statuses = Counter(
        f"{channel} {status}"
        for channel, status in OutboundMessage.objects.values_list("channel", "status")
    )
    emails = OutboundMessage.objects.filter(channel="email")
    sent_ids = {
        str(v) for v in emails.filter(status="sent").values_list("idempotency_key", flat=True)
    }
    all_ids = {str(v) for v in emails.values_list("idempotency_key", flat=True)}
    return {
        "outbox_by_channel_and_status": dict(statuses),
        "emails": len(all_ids),
        "emails_sent": len(sent_ids),
        "received_by_smtp": sum(n for key, n in received.items() if key in all_ids),
        "received_twice": sorted(key for key, n in received.items() if n > 1),
        "sent_but_not_received": len(sent_ids - set(received)),
        "not_sent": len(all_ids - sent_ids),
    }


def documents_check() -> dict:
    from django.core.files.storage import storages

    from digital_services.documents.models import Document

    storage = storages["documents"]
    missing, wrong_size = [], []
    documents = list(Document.objects.all())
    for document in documents:
        try:
            size = storage.size(document.storage_name)
        except Exception:  # noqa: BLE001 - any failure to find it counts as missing
            missing.append(str(document.public_id))
            continue
        if size != document.size:
            wrong_size.append(str(document.public_id))
    return {
        "documents": len(documents),
        "in_s3": len(documents) - len(missing),
        "missing": missing,
        "wrong_size": wrong_size,
        "storage": storage.__class__.__name__,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=90, help="seconds of load")
    parser.add_argument("--walkers", type=int, default=4, help="concurrent citizens")
    parser.add_argument("--max-walks", type=int, default=400)
    parser.add_argument("--drain-timeout", type=int, default=420)
    parser.add_argument("--report", default=str(ROOT / "bench" / "rehearsal.json"))
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.conf import settings

    from tests.quality.examples import journey_seed
    from tests.quality.harness import journey_is_test_only, journeys_list

    random.seed(21)
    workdir = Path(tempfile.mkdtemp(prefix="ds-rehearsal-"))
    smtp_port = free_port()
    sink = sink_start(smtp_port)
    nodes = Nodes(workdir=workdir, smtp_port=smtp_port)
    report: dict = {"started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    try:
        nodes.start()
        journeys = [j for j in journeys_list() if not journey_is_test_only(j)]
        for journey in journeys:
            journey_seed(journey)
        weights = [
            JOURNEY_WEIGHTS.get(f"{j.service}/{j.slug}", JOURNEY_WEIGHTS_OTHER) for j in journeys
        ]
        staff_cookie = staff_cookie_make()
        size_before = database_size()
        ledger = Ledger()
        walks: list[dict] = []
        decisions: list[dict] = []
        lock = threading.Lock()
        stop = threading.Event()
        started = time.monotonic()

        def citizen():
            while not stop.is_set():
                with lock:
                    if len(walks) >= args.max_walks:
                        return
                journey = random.choices(journeys, weights)[0]
                record = walk_one(journey, nodes.base_url, ledger)
                with lock:
                    walks.append(record)

        def staff():
            tried: set[int] = set()
            while not stop.is_set():
                record = decide_one(nodes.base_url, ledger, staff_cookie, tried)
                if record is not None:
                    decisions.append(record)
                stop.wait(1.0)

        threads = [threading.Thread(target=citizen) for _ in range(args.walkers)]
        threads.append(threading.Thread(target=staff))
        for thread in threads:
            thread.start()
        events = nodes.chaos(started=started, duration=args.duration, stop=stop)
        stop.wait(max(0.0, args.duration - (time.monotonic() - started)))
        stop.set()
        for thread in threads:
            thread.join(timeout=120)
        load_seconds = time.monotonic() - started
        drained = nodes.drain(timeout=args.drain_timeout)
        usage = nodes.usage()
        size_after = database_size()
    finally:
        nodes.stop()
        received, _sink_cpu = sink_stop(sink)

    window = [(e["at"], e["until"]) for e in events]
    in_window = lambda t: any(a <= t - started <= b for a, b in window)  # noqa: E731
    failed = [(t, what) for t, what, status in ledger.rows if status is None or status >= 500]
    answered = [r for r in ledger.rows if r[2] is not None]
    gunicorn_cpu = usage["web"]["cpu_seconds"]
    report.update(
        {
            "machine": {"cores": os.cpu_count(), "load_average": os.getloadavg()},
            "shape": {
                "web": f"3 gunicorn x {os.environ.get('GUNICORN_WORKERS', '2')} workers behind HAProxy",
                "workers": "2 Celery workers x 2 processes, 1 beat",
                "load": f"{args.walkers} citizens walking journeys + 1 member of staff deciding",
                "duration_s": args.duration,
                "settings": {
                    k: os.environ.get(k)
                    for k in (
                        "NOTIFICATIONS_SWEEP_CREATED_GRACE_SECONDS",
                        "NOTIFICATIONS_SWEEP_SENDING_TIMEOUT_SECONDS",
                    )
                },
                "documents_storage": settings.STORAGES["documents"]["BACKEND"],
            },
            "events": events,
            "requests": {
                "sent": len(ledger.rows),
                "answered": len(answered),
                "failed": len(failed),
                "failed_in_kill_windows": sum(1 for t, _ in failed if in_window(t)),
                "failed_outside_kill_windows": [w for t, w in failed if not in_window(t)],
                "per_second": round(len(ledger.rows) / load_seconds, 1),
            },
            "journeys": {
                "walked": len(walks),
                "submitted_and_confirmed": sum(1 for w in walks if w.get("reference")),
                "paid_in_sandbox": sum(1 for w in walks if w.get("paid")),
                "cut_off_by_a_failed_request": sum(1 for w in walks if "failed" in w),
                "could_not_be_walked": dict(
                    Counter(
                        f"{w['journey']}: {w['walk_error']}" for w in walks if "walk_error" in w
                    )
                ),
                "by_journey": dict(Counter(w["journey"] for w in walks)),
            },
            "staff_decisions": {
                "made": sum(1 for d in decisions if d.get("decided")),
                "failed": sum(1 for d in decisions if "failed" in d),
            },
            "cases": cases_check(walks),
            "messages": {**messages_check(received), "outbox_drained": drained},
            "documents": documents_check(),
            "measured": usage,
            "database": {
                "bytes_before_load": size_before["bytes"],
                "bytes_after": size_after["bytes"],
                "largest_tables_after": size_after["largest_tables"],
            },
            "cpu_ms_per_answered_request": round(gunicorn_cpu * 1000 / max(len(answered), 1), 1),
        }
    )
    report["verdict"] = {
        "zero_lost_cases": not report["cases"]["missing"],
        "zero_duplicate_cases": not report["cases"]["more_than_once"],
        "zero_duplicate_messages": not report["messages"]["received_twice"],
        "every_message_sent": report["messages"]["not_sent"] == 0
        and report["messages"]["sent_but_not_received"] == 0,
        "zero_missing_documents": not report["documents"]["missing"],
        "failures_only_in_kill_windows": not report["requests"]["failed_outside_kill_windows"],
    }
    Path(args.report).write_text(json.dumps(report, indent=2, default=str) + "\n")
    print(json.dumps({"requests": report["requests"], "verdict": report["verdict"]}, indent=2))
    return 0 if all(report["verdict"].values()) else 1


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    sys.exit(main())
