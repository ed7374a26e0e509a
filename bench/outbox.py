"""Outbox throughput: how many emails a second one Celery worker hands to a local SMTP server.

    make bench ARGS="--outbox"            (throwaway PostgreSQL and Redis, then this)
    .venv/bin/python bench/outbox.py [--messages 5000] [--concurrency 2] [--mode batch]

Against the database and Redis in DATABASE_URL / REDIS_URL. It starts an SMTP sink (aiosmtpd,
in this process) that counts every message by its ``X-Outbound-Message-Id`` header, adds
``--messages`` emails to the outbox as ``notification_send`` leaves them (status created, a real
template), starts one Celery worker (``--concurrency`` processes, as docker-compose runs it)
with the Django email backend pointed at the sink, queues the messages and times them until the
outbox has every one as sent. Delivery must stay exactly once: the sink must have received each
message once, none twice, or the run fails.

``--mode single`` queues one ``notifications.deliver`` task per message (what ``notification_send``
does for a message on its own, and the sweep); ``--mode batch`` queues them as
``notification_send_many`` does, in ``notifications.deliver_batch`` tasks of ``DELIVER_BATCH_SIZE``
messages that share one SMTP connection. The goal of issue #13 is 200 emails a second.
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
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digital_services.settings")

GOAL_PER_SECOND = 200
TEMPLATE = "prison_visits.reminder"
SEED_BATCH = 5_000
HEADER = re.compile(rb"^X-Outbound-Message-Id: *([0-9a-f-]+)", re.MULTILINE | re.IGNORECASE)


class CountingSink:
    """An aiosmtpd handler that accepts every message and counts each outbox id it carries."""

    def __init__(self):
        self.received: Counter = Counter()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        match = HEADER.search(envelope.original_content or envelope.content)
        with self.lock:
            self.received[match.group(1).decode() if match else "?"] += 1
        return "250 OK"

    @property
    def total(self) -> int:
        with self.lock:
            return sum(self.received.values())


def sink_serve(port: int) -> None:
    """Run the sink until SIGTERM, then print what it received and its CPU time as JSON."""
    import resource

    from aiosmtpd.controller import Controller

    sink = CountingSink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print("ready", flush=True)
    stop.wait()
    controller.stop()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps({"received": sink.received, "cpu_s": usage.ru_utime + usage.ru_stime}),
        flush=True,
    )


def sink_start(port: int) -> subprocess.Popen:
    """The sink in a process of its own, so it does not share this one's interpreter lock."""
    proc = subprocess.Popen(
        [sys.executable, __file__, "--sink", str(port)],
        stdout=subprocess.PIPE,
        text=True,
    )
    if proc.stdout.readline().strip() != "ready":
        raise RuntimeError("the SMTP sink did not start")
    return proc


def sink_stop(proc: subprocess.Popen) -> tuple[Counter, float]:
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=60)
    data = json.loads(out.strip().splitlines()[-1])
    return Counter(data["received"]), data["cpu_s"]


def queues_purge(app) -> int:
    """Empty every queue the worker listens on (``control.purge`` empties only the default
    one); returns how many tasks were waiting."""
    from digital_services.notifications.constants import ALL_QUEUES

    with app.connection_for_write() as conn:
        return sum(conn.default_channel.queue_purge(queue) or 0 for queue in ALL_QUEUES)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def messages_seed(*, count: int) -> list[int]:
    """``count`` emails in created, as ``notification_send`` writes them (not yet queued)."""
    from django.utils import timezone

    from digital_services.notifications.models import OutboundMessage
    from digital_services.notifications.registry import template_get

    names = template_get(TEMPLATE).personalisation
    now = timezone.now()
    ids: list[int] = []
    for start in range(0, count, SEED_BATCH):
        rows = OutboundMessage.objects.bulk_create(
            [
                OutboundMessage(
                    service="bench",
                    channel="email",
                    template_key=TEMPLATE,
                    recipient=f"outbox-bench-{n}@example.com",
                    personalisation={name: f"Bench {name} {n}" for name in names},
                    reference=f"BENCH{n}",
                    next_attempt_at=now,
                )
                for n in range(start, min(count, start + SEED_BATCH))
            ]
        )
        ids.extend(row.pk for row in rows)
    return ids


def worker_start(*, smtp_port: int, concurrency: int, log: Path) -> subprocess.Popen:
    from digital_services.notifications.constants import ALL_QUEUES

    env = {
        **os.environ,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "NOTIFICATIONS_BACKEND": "django",
        "NOTIFY_API_KEY": "",
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    return subprocess.Popen(
        [
            str(ROOT / ".venv/bin/celery"),
            "-A",
            "digital_services",
            "worker",
            "-l",
            "warning",
            "--concurrency",
            str(concurrency),
            "-Q",
            ",".join(ALL_QUEUES),
            "--without-mingle",
            "--without-gossip",
            "-n",
            f"outbox-bench-{os.getpid()}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def worker_wait_ready(app, *, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if app.control.ping(timeout=1.0):
            return
    raise RuntimeError("the Celery worker did not answer a ping")


def queue(ids: list[int], *, mode: str) -> None:
    from digital_services.notifications import services

    if mode == "single":
        for message_id in ids:
            services.outbound_message_enqueue(message_id=message_id)
    else:
        services.outbound_messages_enqueue(message_ids=ids)


def run(*, messages: int, concurrency: int, mode: str, timeout: float) -> dict:
    import resource

    import django

    django.setup()
    from django.core.management import call_command

    from digital_services.celery import app
    from digital_services.notifications.constants import Status
    from digital_services.notifications.models import OutboundMessage

    call_command("migrate", verbosity=0, interactive=False)
    queues_purge(app)
    OutboundMessage.objects.filter(service="bench", template_key=TEMPLATE).delete()
    smtp_port = free_port()
    sink = sink_start(smtp_port)
    log = Path(tempfile.gettempdir()) / f"outbox-bench-worker-{os.getpid()}.log"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker = worker_start(smtp_port=smtp_port, concurrency=concurrency, log=log)
    try:
        worker_wait_ready(app)
        ids = messages_seed(count=messages)
        mine = OutboundMessage.objects.filter(pk__in=ids)
        load = os.getloadavg()[0]
        started = time.monotonic()
        queue(ids, mode=mode)
        queued_in = time.monotonic() - started
        deadline = started + timeout
        sent = 0
        while time.monotonic() < deadline:
            sent = mine.filter(status=Status.SENT).count()
            if sent >= messages:
                break
            time.sleep(0.1)
        elapsed = time.monotonic() - started
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=60)
        received, sink_cpu = sink_stop(sink)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # The worker (its main process and its pool, waited for at shutdown), from start to stop:
    # start-up included, so this overstates the CPU an email costs a running worker.
    worker_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime) - sink_cpu
    keys = {str(k) for k in mine.values_list("idempotency_key", flat=True)}
    twice = sum(1 for n in received.values() if n > 1)
    missing = len(keys - set(received))
    per_second = round(sent / elapsed, 1) if elapsed else 0.0
    result = {
        "mode": mode,
        "messages": messages,
        "worker_concurrency": concurrency,
        "load_average_at_start": round(load, 2),
        "queued_in_s": round(queued_in, 2),
        "seconds": round(elapsed, 2),
        "sent": sent,
        "emails_per_second": per_second,
        "worker_cpu_ms_per_email": round(worker_cpu * 1000 / max(sent, 1), 2),
        "smtp_sink_cpu_ms_per_email": round(sink_cpu * 1000 / max(sent, 1), 2),
        "smtp_received": sum(received.values()),
        "received_twice": twice,
        "not_received": missing,
        "goal_per_second": GOAL_PER_SECOND,
        "met_goal": per_second >= GOAL_PER_SECOND and sent == messages,
    }
    if sent < messages:
        result["error"] = f"only {sent} of {messages} sent in {timeout:g}s; worker log: {log}"
    return result


def results_merge(key: str, value) -> None:
    """Add ``value`` to bench/results.json under ``key``, keeping what the other benches wrote."""
    path = ROOT / "bench/results.json"
    data = json.loads(path.read_text()) if path.exists() else {}
    data[key] = value
    path.write_text(json.dumps(data, indent=2) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=5_000)
    parser.add_argument("--concurrency", type=int, default=2, help="worker processes (compose: 2)")
    parser.add_argument(
        "--mode",
        choices=("single", "batch", "both"),
        default="both",
        help="one task per message, batches of messages, or both one after the other",
    )
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--sink", type=int, help=argparse.SUPPRESS)  # internal: serve the sink
    args = parser.parse_args(argv)
    if args.sink:
        sink_serve(args.sink)
        return 0
    modes = ("single", "batch") if args.mode == "both" else (args.mode,)
    out = {}
    for mode in modes:
        result = run(
            messages=args.messages, concurrency=args.concurrency, mode=mode, timeout=args.timeout
        )
        out[mode] = result
        print(
            f"outbox ({mode}): {result['sent']} of {result['messages']} emails in "
            f"{result['seconds']}s = {result['emails_per_second']}/s (goal {GOAL_PER_SECOND}/s"
            f"{', met' if result['met_goal'] else ', MISSED'}); SMTP received "
            f"{result['smtp_received']}, {result['received_twice']} twice, "
            f"{result['not_received']} not at all; CPU per email: worker "
            f"{result['worker_cpu_ms_per_email']} ms, SMTP sink {result['smtp_sink_cpu_ms_per_email']} ms"
            f" (load average {result['load_average_at_start']})",
            flush=True,
        )
    results_merge("outbox", {"machine_cores": os.cpu_count(), **out})
    failed = [r for r in out.values() if r["received_twice"] or r["not_received"] or "error" in r]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
