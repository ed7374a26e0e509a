"""Fixtures for the fault tests: our own PostgreSQL, Redis, mail server, site and workers.

The servers are started once for the module (initdb and migrate take a while)
and put back the way they were after every test, even a failed one, so one
test's fault never leaks into the next. Workers are started per test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .helpers import SENDING_TIMEOUT_SECONDS, Citizen
from .servers import (
    PostgresCluster,
    RedisServer,
    SiteProcess,
    SmtpSink,
    WorkerProcess,
    migrate,
    project_env,
)


class Stack:
    """Everything the module started, and where the logs are."""

    def __init__(self, logs: Path):
        self.logs = logs
        self.smtp = self.postgres = self.redis = self.site = None
        try:
            self._start()
        except BaseException:
            self.close()
            raise

    def _start(self) -> None:
        self.smtp = SmtpSink()
        self.postgres = PostgresCluster()
        self.redis = RedisServer()
        self.env = project_env(
            postgres=self.postgres,
            redis=self.redis,
            smtp=self.smtp,
            # The sweep queues a created message again at once, and takes back a claim
            # after a few seconds (production: 60 s and 600 s).
            NOTIFICATIONS_SWEEP_CREATED_GRACE_SECONDS="0",
            NOTIFICATIONS_SWEEP_SENDING_TIMEOUT_SECONDS=str(SENDING_TIMEOUT_SECONDS),
        )
        migrate(self.env, self.logs / "migrate.log")
        self.site = SiteProcess(env=self.env, log=self.logs / "site.log")

    def restore(self) -> None:
        """Servers up, mail server answering: the state every test starts from."""
        if not self.postgres.is_running():
            self.postgres.start()
        if not self.redis.is_running():
            self.redis.start()
        self.smtp.take_hold()
        self.smtp.held.clear()
        self.smtp.release.set()

    def close(self) -> None:
        for server, stop in [
            (self.site, "stop"),
            (self.redis, "destroy"),
            (self.postgres, "destroy"),
            (self.smtp, "close"),
        ]:
            if server is None:
                continue
            try:
                getattr(server, stop)()
            except Exception:  # noqa: BLE001 - stop the rest whatever happens
                pass

    def diagnostics(self) -> str:
        parts = []
        for log in sorted(self.logs.glob("*.log")):
            text = log.read_text(errors="replace")
            parts.append(f"----- {log.name} (last 4000 characters)\n{text[-4000:]}")
        return "\n".join(parts)


@pytest.fixture(scope="module")
def stack(tmp_path_factory) -> Iterator[Stack]:
    logs = tmp_path_factory.mktemp("faults")
    started = Stack(logs)
    try:
        yield started
    finally:
        started.close()


@pytest.fixture
def servers(stack, request) -> Iterator[Stack]:
    """The module's servers, restored after the test; their logs shown if it failed."""
    stack.restore()
    yield stack
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        print(stack.diagnostics())
    stack.restore()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture
def start_worker(servers, request) -> Iterator:
    """Start a Celery worker on the module's servers; every one is stopped after the test."""
    started: list[WorkerProcess] = []
    test_name = request.node.name.removeprefix("test_")[:40]

    def start() -> WorkerProcess:
        log = servers.logs / f"worker-{test_name}-{len(started) + 1}.log"
        worker = WorkerProcess(env=servers.env, log=log)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


@pytest.fixture
def citizen(servers) -> Citizen:
    return Citizen(servers.site.base_url)
