"""End to end: a real Celery worker, the test Redis and the test database."""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection, transaction

from digital_services.notifications.constants import ALL_QUEUES, Status
from digital_services.notifications.models import OutboundMessage
from digital_services.notifications.services import notification_send

ROOT = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).with_name("celery")


def _test_database_url() -> str:
    s = connection.settings_dict
    credentials = quote(s["USER"] or "")
    if s.get("PASSWORD"):
        credentials += ":" + quote(s["PASSWORD"])
    return f"postgres://{credentials}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.fixture
def celery_worker_process(tmp_path):
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs the Redis started by make test (REDIS_URL)")
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": _test_database_url(),
        "DATABASE_CONN_MAX_AGE": "0",
        "EMAIL_URL": f"filemail:///{outbox}",  # four slashes: an absolute path
        "NOTIFY_API_KEY": "",
        "NOTIFICATIONS_BACKEND": "django",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "DJANGO_SETTINGS_MODULE": "digital_services.settings",
    }
    with log.open("w") as log_file:
        worker = subprocess.Popen(
            [
                str(CELERY),
                "-A",
                "digital_services",
                "worker",
                "-Q",
                ",".join(ALL_QUEUES),
                "--pool=solo",
                "--concurrency=1",
                "--without-mingle",
                "--without-gossip",
                "--without-heartbeat",
                "-n",
                f"notifications-test-{os.getpid()}@%h",
                "-l",
                "info",
            ],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        try:
            yield outbox, log
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait(timeout=10)


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_delivers_an_email_queued_by_a_committed_transaction(celery_worker_process):
    outbox, log = celery_worker_process

    with transaction.atomic():
        message = notification_send(
            template="notifications.test_message",
            to="ann@example.com",
            personalisation={"service_name": "Visit someone in prison"},
            channel="email",
            service="prison_visits",
        )

    deadline = time.monotonic() + 60
    files: list[Path] = []
    while time.monotonic() < deadline:
        message.refresh_from_db()
        files = list(outbox.iterdir())
        if message.status == Status.SENT and files:
            break
        time.sleep(0.5)
    else:
        pytest.fail(
            f"not delivered within 60 s (status {message.status}); worker log:\n{log.read_text()}"
        )

    assert message.attempts == 1
    assert OutboundMessage.objects.count() == 1
    email = "".join(f.read_text() for f in files)
    assert "To: ann@example.com" in email
    assert "Subject: Test message from Visit someone in prison" in email
    assert str(message.idempotency_key) in email
