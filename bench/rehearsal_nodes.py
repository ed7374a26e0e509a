"""The processes of the rehearsal (bench/rehearsal.py): three gunicorn instances behind
HAProxy, two Celery workers, one beat; the faults put to them; and what they cost (CPU
seconds and resident memory, read from /proc while they run)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

from bench.outbox import free_port

ROOT = Path(__file__).resolve().parents[1]
WEB_INSTANCES = 3
WORKERS = 2
BURST_MESSAGES = 600
PAGE_SIZE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

HAPROXY_CONFIG = """\
global
    maxconn 1024
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    # A request that could not reach a node (connection refused, reset before an answer) goes
    # to another; HAProxy retries a request already sent only when its method is idempotent.
    retries 3
    option redispatch
    retry-on conn-failure empty-response response-timeout 502 503
    option http-buffer-request
frontend web
    bind 127.0.0.1:{port}
    default_backend app
backend app
    balance roundrobin
    option forwardfor
    option httpchk
    http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host 127.0.0.1
    default-server inter 1s fall 2 rise 2
{servers}
"""


def _wait_http(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - loopback http
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


class Nodes:
    def __init__(self, *, workdir: Path, smtp_port: int):
        self.workdir = workdir
        self.env = {
            **os.environ,
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "NOTIFY_API_KEY": "",
            "CELERY_TASK_ALWAYS_EAGER": "false",
        }
        self.web_ports = [free_port() for _ in range(WEB_INSTANCES)]
        self.lb_port = free_port()
        self.base_url = f"http://127.0.0.1:{self.lb_port}"
        # Payment return addresses and links in emails point at the load balancer.
        self.env["SITE_URL"] = self.base_url
        self.procs: dict[str, subprocess.Popen] = {}
        self.samples: dict[int, tuple[str, float, int]] = {}  # pid: (role, cpu s, rss KiB)
        self.peak_rss: dict[int, int] = {}
        self.instance_rss: dict[int, int] = {}  # process group: peak of its summed RSS
        self.instance_role: dict[int, str] = {}
        self.redis_peak_bytes = 0
        self.events: list[dict] = []
        self._sampling = threading.Event()
        self._chaos: threading.Thread | None = None

    # --- processes -------------------------------------------------------------------

    def _spawn(self, name: str, args: list[str]) -> None:
        log = (self.workdir / f"{name}.log").open("ab")
        self.procs[name] = subprocess.Popen(
            args, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    def _web_start(self, index: int) -> None:
        port = self.web_ports[index]
        self.env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
        self._spawn(f"web{index + 1}", [str(ROOT / ".venv/bin/gunicorn"),
                    "digital_services.wsgi:application", "--config", "gunicorn.conf.py",
                    "--access-logfile", "/dev/null"])  # fmt: skip
        _wait_http(f"http://127.0.0.1:{port}/healthz/live")

    def _worker_start(self, index: int) -> None:
        from digital_services.notifications.constants import ALL_QUEUES

        self._spawn(f"worker{index + 1}", [str(ROOT / ".venv/bin/celery"), "-A",
                    "digital_services", "worker", "-l", "warning", "--concurrency", "2",
                    "-Q", ",".join(ALL_QUEUES), "-n", f"rehearsal-{index + 1}@%h"])  # fmt: skip

    def _redis_start(self) -> None:
        port, directory = os.environ["TEST_REDIS_PORT"], os.environ["TEST_REDIS_DIR"]
        subprocess.run(
            ["redis-server", "--port", port, "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--daemonize", "yes", "--pidfile", f"{directory}/redis.pid",
             "--logfile", f"{directory}/redis.log", "--dir", directory],
            check=True,
        )  # fmt: skip
        for _ in range(100):
            if (
                subprocess.run(["redis-cli", "-p", port, "ping"], capture_output=True).returncode
                == 0
            ):
                return
            time.sleep(0.1)

    def start(self) -> None:
        subprocess.run([str(ROOT / ".venv/bin/python"), "manage.py", "migrate", "--no-input",
                        "-v0"], cwd=ROOT, env=self.env, check=True)  # fmt: skip
        self._bucket_create()
        for index in range(WEB_INSTANCES):
            self._web_start(index)
        haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
        servers = "\n".join(
            f"    server web{i + 1} 127.0.0.1:{port} check" for i, port in enumerate(self.web_ports)
        )
        config = self.workdir / "haproxy.cfg"
        config.write_text(HAPROXY_CONFIG.format(port=self.lb_port, servers=servers))
        self._spawn("haproxy", [haproxy, "-db", "-f", str(config)])
        _wait_http(f"{self.base_url}/healthz")
        for index in range(WORKERS):
            self._worker_start(index)
        self._spawn("beat", [str(ROOT / ".venv/bin/celery"), "-A", "digital_services", "beat",
                             "-l", "warning", "-s", str(self.workdir / "beat-schedule")])  # fmt: skip
        self._ping_workers()
        threading.Thread(target=self._sample, daemon=True).start()

    def _bucket_create(self) -> None:
        import boto3

        client = boto3.client(
            "s3",
            endpoint_url=os.environ["DOCUMENTS_S3_ENDPOINT_URL"],
            region_name=os.environ["DOCUMENTS_S3_REGION"],
        )
        client.create_bucket(
            Bucket=os.environ["DOCUMENTS_S3_BUCKET"],
            CreateBucketConfiguration={"LocationConstraint": os.environ["DOCUMENTS_S3_REGION"]},
        )

    def _ping_workers(self, timeout: float = 120) -> None:
        from digital_services.celery import app

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(app.control.ping(timeout=1.0) or []) >= WORKERS:
                return
        raise RuntimeError("the Celery workers did not answer a ping")

    def _kill_group(self, name: str) -> None:
        proc = self.procs[name]
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=30)

    def stop(self) -> None:
        self._sampling.set()
        for proc in self.procs.values():
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
        for name, proc in self.procs.items():
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._kill_group(name)

    # --- faults ----------------------------------------------------------------------

    def chaos(self, *, started: float, duration: int, stop: threading.Event) -> list[dict]:
        """Kill a web instance at 30% of the load, a worker holding messages at 50%, and
        restart Redis at 70%. Each event's window runs until the system is whole again."""

        def at(fraction: float) -> None:
            stop.wait(max(0.0, started + duration * fraction - time.monotonic()))

        def since() -> float:
            return round(time.monotonic() - started, 2)

        def run():
            at(0.3)
            event = {"what": "SIGKILL web instance web2 (master and workers)", "at": since()}
            self._kill_group("web2")
            stop.wait(10)  # as long as an orchestrator might take to replace the pod
            self._web_start(1)
            time.sleep(3)  # HAProxy's rise 2 x inter 1s
            event["until"] = since()
            self.events.append(event)

            at(0.5)
            from bench.outbox import messages_seed, queue
            from digital_services.notifications.models import OutboundMessage

            # A burst of reminders, queued in batches as the sweep does, so that the worker
            # is killed while it holds a batch (counted by the checks like every message).
            queue(messages_seed(count=BURST_MESSAGES), mode="batch")
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:  # wait for a batch to be in hand
                if OutboundMessage.objects.filter(status="sending").exists():
                    break
                time.sleep(0.05)
            holding = OutboundMessage.objects.filter(status="sending").count()
            event = {"what": "SIGKILL Celery worker rehearsal-1 (and its pool)", "at": since(),
                     "messages_in_sending_when_killed": holding}  # fmt: skip
            self._kill_group("worker1")
            stop.wait(5)
            self._worker_start(0)
            event["until"] = since()
            self.events.append(event)

            at(0.7)
            event = {"what": "restart Redis (cache and broker; no persistence)", "at": since()}
            port = os.environ["TEST_REDIS_PORT"]
            subprocess.run(["redis-cli", "-p", port, "shutdown", "nosave"], capture_output=True)
            time.sleep(1)
            self._redis_start()
            time.sleep(3)  # HAProxy sees /healthz answer again
            event["until"] = since()
            self.events.append(event)

        self._chaos = threading.Thread(target=run)
        self._chaos.start()
        return self.events

    def drain(self, *, timeout: int) -> bool:
        """Wait for the faults to finish and for every email and SMS to leave the outbox
        (the beat's sweep queues again what the broker lost)."""
        from digital_services.notifications.models import OutboundMessage

        if self._chaos is not None:
            self._chaos.join()
        deadline = time.monotonic() + timeout
        pending = OutboundMessage.objects.filter(status__in=("created", "sending")).exclude(
            channel="letter"
        )
        while time.monotonic() < deadline:
            if not pending.exists():
                return True
            time.sleep(2)
        return False

    # --- cost --------------------------------------------------------------------------

    def _sample(self) -> None:
        while not self._sampling.wait(0.5):
            self.redis_peak_bytes = max(self.redis_peak_bytes, _redis_used_memory())
            groups = _pids_by_group()
            for name, proc in list(self.procs.items()):
                role = name.rstrip("0123456789")
                for pid in groups.get(proc.pid, []):
                    stat = _proc_stat(pid)
                    if stat is None:
                        continue
                    cpu, rss = stat
                    self.samples[pid] = (role, cpu, rss)
                    self.peak_rss[pid] = max(self.peak_rss.get(pid, 0), rss)
                if role in ("web", "worker", "beat"):
                    alive = [pid for pid in groups.get(proc.pid, []) if pid in self.samples]
                    total = sum(self.samples[pid][2] for pid in alive)
                    self.instance_rss[proc.pid] = max(self.instance_rss.get(proc.pid, 0), total)
                    self.instance_role[proc.pid] = role

    def usage(self) -> dict:
        result: dict = {}
        for role in ("web", "worker", "beat", "haproxy"):
            pids = [pid for pid, (r, _, _) in self.samples.items() if r == role]
            peaks = sorted((self.peak_rss[pid] for pid in pids), reverse=True)
            result[role] = {
                "processes_seen": len(pids),
                "cpu_seconds": round(sum(self.samples[pid][1] for pid in pids), 1),
                "peak_rss_mib_largest": round(peaks[0] / 1024, 1) if peaks else 0,
                # One instance (a pod's worth: master and children), at its peak; an RSS sum
                # counts pages shared after the fork once per process, so it errs high.
                "peak_rss_mib_per_instance": round(
                    max((b for g, b in self.instance_rss.items()
                         if self.instance_role.get(g) == role), default=0) / 1024, 1),
            }  # fmt: skip
        result["redis_peak_used_memory_mib"] = round(self.redis_peak_bytes / 2**20, 2)
        return result


def _redis_used_memory() -> int:
    info = subprocess.run(
        ["redis-cli", "-p", os.environ["TEST_REDIS_PORT"], "info", "memory"],
        capture_output=True, text=True,
    ).stdout  # fmt: skip
    for line in info.splitlines():
        if line.startswith("used_memory:"):
            return int(line.split(":")[1])
    return 0


def database_size() -> dict:
    """The database's size in bytes, and its five largest tables (with indexes)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        (total,) = cursor.fetchone()
        cursor.execute(
            "SELECT relname, pg_total_relation_size(c.oid), reltuples::bigint FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
            "AND c.relkind = 'r' ORDER BY 2 DESC LIMIT 5"
        )
        largest = [{"table": t, "bytes": b, "rows_estimate": r} for t, b, r in cursor.fetchall()]
    return {"bytes": total, "largest_tables": largest}


def _pids_by_group() -> dict[int, list[int]]:
    groups: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                groups.setdefault(os.getpgid(int(entry)), []).append(int(entry))
            except (ProcessLookupError, PermissionError):
                continue
    return groups


def _proc_stat(pid: int) -> tuple[float, int] | None:
    """(CPU seconds, user + system, and resident KiB) of one process."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    cpu = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return cpu, int(fields[21]) * PAGE_SIZE_KIB
