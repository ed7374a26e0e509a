"""The fault tests' own servers and processes, so stopping one affects no other test.

``PostgresCluster`` and ``RedisServer`` are private copies of what ``make test``
starts (same binaries, their own port and directory). ``SmtpSink`` is a mail
server in this process that can hold a message unanswered, so a worker is
caught mid-send. ``SiteProcess`` (gunicorn) and ``WorkerProcess`` (a Celery
worker) run the real project in subprocesses pointed at those servers, with the
example service of ``example/`` installed. Every wait is bounded.
"""

from __future__ import annotations

import email
import email.message
import os
import re
import select
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent
SETTINGS_MODULE = "tests.quality.faults.example.settings"
DEFAULT_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ProcessExited(RuntimeError):
    """A process we wait for has died: waiting longer will not help."""


def wait_for(
    condition: Callable[[], object], *, timeout: float = DEFAULT_TIMEOUT, what: str, every=0.2
):
    """Poll ``condition`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            result = condition()
        except ProcessExited:
            raise
        except Exception as exc:  # noqa: BLE001 - keep polling; report the last one
            last_error = exc
        else:
            if result:
                return result
        time.sleep(every)
    raise TimeoutError(
        f"Waited {timeout:.0f} s for {what}" + (f" ({last_error!r})" if last_error else "")
    )


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def pg_bindir() -> Path:
    if os.environ.get("TEST_PG_BINDIR"):
        return Path(os.environ["TEST_PG_BINDIR"])
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists():
            return candidate
    raise RuntimeError("PostgreSQL is not installed (make test installs it)")


class PostgresCluster:
    """A throwaway PostgreSQL cluster of our own, which the tests may stop and restart."""

    def __init__(self):
        self.bindir = pg_bindir()
        self.dir = Path(tempfile.mkdtemp(prefix="ds-faults-pg-"))
        self.dir.chmod(0o755)
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/digital_services"
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
            "--locale=C.UTF-8",
        )  # fmt: skip
        self.start()
        self._run(
            "psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-qc",
            "CREATE DATABASE digital_services",
        )  # fmt: skip

    def _run(self, program: str, *args: str) -> None:
        subprocess.run(
            _as_postgres([str(self.bindir / program), *args]),
            check=True,
            capture_output=True,
            timeout=DEFAULT_TIMEOUT,
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o", options,
            "start",
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def restart(self) -> None:
        # -l again: without it the new server would write to (and keep open) our pipe.
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-m", "fast", "-w", "-t", "60",
            "restart",
        )  # fmt: skip

    def is_running(self) -> bool:
        status = subprocess.run(
            _as_postgres([str(self.bindir / "pg_ctl"), "-D", str(self.data), "status"]),
            capture_output=True,
            timeout=DEFAULT_TIMEOUT,
        )
        return status.returncode == 0

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Rows of one query, on a connection of its own (autocommit)."""
        import psycopg2

        connection = psycopg2.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="digital_services"
        )
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()
        finally:
            connection.close()

    def destroy(self) -> None:
        if self.is_running():
            try:
                self.stop("immediate")
            except subprocess.SubprocessError:
                pass
        shutil.rmtree(self.dir, ignore_errors=True)


class RedisServer:
    """A Redis of our own (no persistence: a restart loses every queued task, the worst case)."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="ds-faults-redis-"))
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None
        self.start()

    def start(self) -> None:
        command = [
            "redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
            "--appendonly", "no", "--dir", str(self.dir),
        ]  # fmt: skip
        log = (self.dir / "redis.log").open("ab")
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        wait_for(self.ping, timeout=20, what=f"Redis on port {self.port}")

    def ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None

    def is_running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def destroy(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=20)
        shutil.rmtree(self.dir, ignore_errors=True)


class _SmtpHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend. A message counts as accepted only when we
    answer 250 to its final "." (RFC 5321): a client that dies before that sent nothing."""

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def _wait_for_release(self, sink: SmtpSink) -> bool:
        """Leave the client waiting for our answer: True once released, False if it went away."""
        # poll, not select: after a long test run the process may hold more than 1,024 file
        # descriptors, and select() refuses any numbered above that.
        poller = select.poll()
        poller.register(self.connection, select.POLLIN | select.POLLHUP)
        while not sink.release.wait(0.1):
            if poller.poll(0) and not self.connection.recv(1, socket.MSG_PEEK):
                return False
        return True

    def handle(self):
        sink: SmtpSink = self.server.sink  # type: ignore[attr-defined]
        self.reply("220 fault-tests ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line.decode("ascii", "replace").strip().split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 fault-tests")
            elif verb in ("MAIL", "RCPT", "RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                if not chunk:
                    return
                if sink.take_hold() and not self._wait_for_release(sink):
                    sink.note_abandoned()
                    return
                sink.note_accepted(b"".join(lines))
                self.reply("250 OK: queued")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


class _ThreadingServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True


class SmtpSink:
    """A local mail server that keeps every message it accepts.

    ``hold_next()`` makes it read the next message and then not answer, so the
    sender is stuck exactly between "the mail server has the text" and "the mail
    server accepted it"; ``held`` is set when that happens. ``accept_held()`` accepts
    the held message; ``abandoned`` counts senders that went away while held.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._accepted: list[email.message.Message] = []
        self._hold = False
        self.held = threading.Event()
        self.release = threading.Event()
        self.abandoned = 0
        self.server = _ThreadingServer(("127.0.0.1", 0), _SmtpHandler)
        self.server.sink = self  # type: ignore[attr-defined]
        self.port = self.server.server_address[1]
        self.url = f"smtp://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def hold_next(self) -> None:
        with self._lock:
            self._hold = True
            self.held.clear()
            self.release.clear()

    def accept_held(self) -> None:
        self.release.set()

    def take_hold(self) -> bool:
        with self._lock:
            if not self._hold:
                return False
            self._hold = False
        self.held.set()
        return True

    def note_accepted(self, raw: bytes) -> None:
        with self._lock:
            self._accepted.append(email.message_from_bytes(raw))

    def note_abandoned(self) -> None:
        with self._lock:
            self.abandoned += 1

    def messages_to(self, address: str) -> list[email.message.Message]:
        with self._lock:
            return [m for m in self._accepted if m["To"] == address]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def project_env(*, postgres: PostgresCluster, redis: RedisServer, smtp: SmtpSink, **extra) -> dict:
    """Production settings (no DJANGO_DEBUG) pointed at our servers, plus the example service."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_DEBUG", "CELERY_BROKER_URL", "CACHE_REDIS_URL", "NOTIFY_API_KEY")
        and not key.startswith(("PYTEST_", "COV_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
            "PYTHONPATH": str(ROOT),
            "PYTHONDONTWRITEBYTECODE": "1",
            "DATABASE_URL": postgres.url,
            "REDIS_URL": redis.url,
            "SECRET_KEY": "fault-tests-" + "x" * 50,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
            "EMAIL_URL": smtp.url,
            "NOTIFICATIONS_BACKEND": "django",
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "LOG_LEVEL": "INFO",
            **extra,
        }
    )
    return env


class _Process:
    """A subprocess in its own process group, its output in a log file."""

    name = "process"

    def __init__(self, command: list[str], *, env: dict, log: Path):
        self.log = log
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.pid = self.process.pid

    def _wait_or_stop(self, condition: Callable[[], object], *, what: str) -> None:
        try:
            wait_for(condition, what=what)
        except BaseException as exc:
            self.stop()
            raise RuntimeError(f"{exc}\n{self.output()[-4000:]}") from exc

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def alive(self) -> bool:
        return self.process.poll() is None

    def children(self) -> set[int]:
        path = Path(f"/proc/{self.pid}/task/{self.pid}/children")
        return {int(pid) for pid in path.read_text().split()} if path.exists() else set()

    def kill(self) -> None:
        """SIGKILL the whole group: no clean-up, no acknowledgement, like a killed container."""
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=20)

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        try:
            os.killpg(self.pid, signal.SIGTERM)
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill()
        except ProcessLookupError:
            pass
        # Whatever the group left behind (prefork children) goes too.
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


class SiteProcess(_Process):
    """The site under gunicorn, as deployed (two sync workers, persistent DB connections)."""

    def __init__(self, *, env: dict, log: Path):
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        env = {**env, "SITE_URL": self.base_url}
        super().__init__(
            [
                str(BIN / "gunicorn"), "digital_services.wsgi:application", "-c", "gunicorn.conf.py",
                "--bind", f"127.0.0.1:{self.port}", "--workers", "2",
            ],
            env=env,
            log=log,
        )  # fmt: skip
        self._wait_or_stop(self._healthy, what="the site to answer /healthz")

    def _healthy(self) -> bool:
        if not self.alive():
            raise ProcessExited("gunicorn exited")
        return requests.get(self.base_url + "/healthz", timeout=5).status_code == 200


class WorkerProcess(_Process):
    """A Celery worker listening on every queue, as docker-compose runs it (prefork)."""

    _count = 0

    def __init__(self, *, env: dict, log: Path):
        from digital_services.notifications.constants import ALL_QUEUES

        WorkerProcess._count += 1
        self.node = f"faults-{os.getpid()}-{WorkerProcess._count}@%h"
        super().__init__(
            [
                str(BIN / "celery"), "-A", "digital_services", "worker", "-l", "info",
                "--concurrency", "1", "-Q", ",".join(ALL_QUEUES), "-n", self.node,
                "--without-mingle", "--without-gossip",
            ],
            env=env,
            log=log,
        )  # fmt: skip
        self._wait_or_stop(self._ready, what="the Celery worker to be ready")

    def _ready(self) -> bool:
        if not self.alive():
            raise ProcessExited("the Celery worker exited")
        return " ready." in self.output()

    def task_finished(self, task_id: str) -> str | None:
        """What the worker logged as the task's return value, once it has finished."""
        match = re.search(
            rf"Task [\w.]+\[{re.escape(task_id)}\] succeeded in [\d.]+s: (.*)", self.output()
        )
        return match.group(1).strip() if match else None


def task_send(*, broker_url: str, name: str, args: list | None = None, queue: str) -> str:
    """Put a task on the queue as Celery beat does; returns its id."""
    from celery import Celery

    app = Celery("fault-tests", broker=broker_url, set_as_current=False)
    try:
        result = app.send_task(name, args=args or [], queue=queue)
        return result.id
    finally:
        app.close()


def migrate(env: dict, log: Path) -> None:
    with log.open("ab") as out:
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--no-input"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=True,
            timeout=300,
        )
