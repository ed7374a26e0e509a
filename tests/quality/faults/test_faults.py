"""Faults, with real servers: Redis stopped mid-submission, a worker killed mid-send,
PostgreSQL restarted under a running site. Nothing may be lost in any of them.

The site runs under gunicorn and the workers are real Celery workers, all in
subprocesses pointed at a PostgreSQL, a Redis and a mail server of this module's
own (see servers.py), so stopping them disturbs no other test. The citizen uses
the example service's journey (example/): its submit saves an application and
queues a confirmation email in one transaction, as a real service's submit does.
The sweep is put on the queue the way Celery beat puts it there.
"""

import re
import time

import pytest
import requests

from digital_services.notifications.constants import QUEUE_NOTIFICATIONS, TASK_DELIVER, TASK_SWEEP

from .helpers import (
    SENDING_TIMEOUT_SECONDS,
    Citizen,
    application_rows,
    confirmation_reference,
    outbox_rows,
    wait_for_delivery,
    wait_for_email,
)
from .servers import task_send, wait_for

pytestmark = pytest.mark.services


def sweep(stack) -> str:
    return task_send(broker_url=stack.redis.url, name=TASK_SWEEP, queue=QUEUE_NOTIFICATIONS)


def test_a_submission_while_redis_is_down_is_saved_confirmed_and_emailed_once_redis_is_back(
    servers, citizen, start_worker
):
    worker = start_worker()
    citizen.answer_questions(full_name="Ann Outage", email="ann.outage@example.com")

    servers.redis.stop()
    started = time.monotonic()
    page = citizen.send_application()
    # Queuing failed fast (two quick retries), so the citizen was not kept waiting.
    assert time.monotonic() - started < 10

    # The citizen sees the confirmation, and the application and its email are saved.
    reference = confirmation_reference(page)
    assert application_rows(servers, reference) == [("Ann Outage", "ann.outage@example.com")]
    assert outbox_rows(servers, reference) == [("created", 0, "ann.outage@example.com")]
    time.sleep(2)
    assert servers.smtp.messages_to("ann.outage@example.com") == []

    servers.redis.start()
    # The site's broker connection comes back by itself: the next submission goes
    # straight to the worker, which also reconnected, with no sweep needed...
    later = Citizen(servers.site.base_url)
    later_reference = later.apply(full_name="Bo Later", email="bo.later@example.com")
    wait_for_email(servers, "bo.later@example.com")
    assert outbox_rows(servers, later_reference) == [("sent", 1, "bo.later@example.com")]
    # ...while the message queued during the outage waits for the sweep,
    assert outbox_rows(servers, reference) == [("created", 0, "ann.outage@example.com")]
    assert servers.smtp.messages_to("ann.outage@example.com") == []

    # which queues it again: it is delivered, once.
    sweep(servers)
    wait_for_email(servers, "ann.outage@example.com")
    emails = servers.smtp.messages_to("ann.outage@example.com")
    assert len(emails) == 1
    assert emails[0]["Subject"] == f"Application received: {reference}"
    assert outbox_rows(servers, reference) == [("sent", 1, "ann.outage@example.com")]

    # Sweeping again sends nothing more.
    task_id = sweep(servers)
    wait_for(lambda: worker.task_finished(task_id), what="the second sweep")
    assert "'requeued': 0" in worker.task_finished(task_id)
    time.sleep(1)
    assert len(servers.smtp.messages_to("ann.outage@example.com")) == 1
    assert len(servers.smtp.messages_to("bo.later@example.com")) == 1
    assert worker.alive()


def test_a_worker_killed_while_sending_leads_to_exactly_one_delivery_after_restart(
    servers, citizen, start_worker
):
    """Proves: a send cut off before the mail server accepted the message (the worker
    was SIGKILLed while waiting for the answer to the message text) is delivered
    exactly once, by a new worker, after the sweep takes the lost claim back; and the
    killed worker's task, when Redis hands it out again, sends nothing more.

    It does not cover a worker killed after the mail server accepted the message but
    before the row was marked sent: SMTP cannot be asked whether it had the message,
    so that message is sent again (at least once, not exactly once).
    """
    first = start_worker()
    servers.smtp.hold_next()
    reference = citizen.apply(full_name="Cy Killed", email="cy.killed@example.com")
    assert application_rows(servers, reference) == [("Cy Killed", "cy.killed@example.com")]

    # The worker has sent the message text and waits for the mail server's answer.
    assert servers.smtp.held.wait(timeout=60), first.output()
    assert outbox_rows(servers, reference) == [("sending", 1, "cy.killed@example.com")]
    first.kill()
    wait_for(lambda: servers.smtp.abandoned == 1, what="the mail server to see the worker gone")
    assert servers.smtp.messages_to("cy.killed@example.com") == []

    second = start_worker()
    # A new worker alone does not send it: the killed worker's task is unacknowledged
    # in Redis (handed out again only after the visibility timeout) and the row is
    # still claimed.
    assert outbox_rows(servers, reference) == [("sending", 1, "cy.killed@example.com")]
    assert servers.smtp.messages_to("cy.killed@example.com") == []

    # Once the claim is older than NOTIFICATIONS_SWEEP_SENDING_TIMEOUT_SECONDS, the
    # sweep takes it back and queues the message, once.
    wait_for(
        lambda: servers.postgres.query(
            "SELECT now() - claimed_at > %s * interval '1 second' "
            "FROM notifications_outboundmessage WHERE reference = %s",
            (SENDING_TIMEOUT_SECONDS + 0.5, reference),
        )[0][0],
        what="the claim to time out",
    )
    task_id = sweep(servers)
    wait_for_delivery(servers, reference, "cy.killed@example.com")
    wait_for(lambda: second.task_finished(task_id), what="the sweep")
    assert "'requeued': 0, 'unstuck': 1, 'gave_up': 0" in second.task_finished(task_id)
    time.sleep(1)
    emails = servers.smtp.messages_to("cy.killed@example.com")
    assert len(emails) == 1
    assert emails[0]["Subject"] == f"Application received: {reference}"
    assert outbox_rows(servers, reference) == [("sent", 2, "cy.killed@example.com")]

    # The killed worker never acknowledged its task, so Redis hands it out again (after
    # the visibility timeout); running it now changes nothing.
    message_id = servers.postgres.query(
        "SELECT id FROM notifications_outboundmessage WHERE reference = %s", (reference,)
    )[0][0]
    task_id = task_send(
        broker_url=servers.redis.url,
        name=TASK_DELIVER,
        args=[message_id],
        queue=QUEUE_NOTIFICATIONS,
    )
    wait_for(lambda: second.task_finished(task_id), what="the redelivered task")
    assert second.task_finished(task_id) == "'skipped'"
    assert len(servers.smtp.messages_to("cy.killed@example.com")) == 1
    assert outbox_rows(servers, reference) == [("sent", 2, "cy.killed@example.com")]


def _all_ok(citizen: Citizen, paths: list[str], times: int) -> list[tuple[str, int]]:
    """(path, status) of every request that did not get 200."""
    failures = []
    for _ in range(times):
        for path in paths:
            status = citizen.get(path).status_code
            if status != 200:
                failures.append((path, status))
    return failures


def test_the_site_and_worker_recover_from_a_postgresql_restart_without_a_restart_of_their_own(
    servers, citizen, start_worker
):
    worker = start_worker()
    before = citizen.apply(full_name="Di Before", email="di.before@example.com")
    wait_for_delivery(servers, before, "di.before@example.com")
    done_page = f"/fault-example/done/{before}/"
    pages = ["/healthz", done_page, "/fault-example/apply/name/"]
    # Both gunicorn workers now hold a persistent database connection.
    assert _all_ok(citizen, pages, times=5) == []
    site_processes = (servers.site.pid, servers.site.children())
    worker_processes = (worker.pid, worker.children())

    # A restart with no request in between: every connection the site and the worker
    # hold is now dead, and the very first requests must still work.
    servers.postgres.restart()
    assert _all_ok(citizen, pages, times=5) == []
    during = citizen.apply(full_name="Ed Restart", email="ed.restart@example.com")
    wait_for_delivery(servers, during, "ed.restart@example.com")

    # PostgreSQL goes down while a worker waits for the mail server to accept a message.
    servers.smtp.hold_next()
    mid_send = citizen.apply(full_name="Fay Midsend", email="fay.midsend@example.com")
    assert servers.smtp.held.wait(timeout=60)
    servers.postgres.stop()
    # Meanwhile the site says so (503 from /healthz, the error page elsewhere) and keeps running.
    health = requests.get(servers.site.base_url + "/healthz", timeout=30)  # as a load balancer
    assert health.status_code == 503
    assert health.json()["database"].startswith("error")
    down = citizen.get(done_page)
    assert down.status_code == 500
    assert "Sorry, there is a problem with the service" in down.text
    # The mail server accepts the message while the database is still down: the worker
    # cannot record it yet, and keeps trying until PostgreSQL is back.
    servers.smtp.accept_held()
    wait_for_email(servers, "fay.midsend@example.com")
    time.sleep(2)
    servers.postgres.start()
    wait_for_delivery(servers, mid_send, "fay.midsend@example.com")
    assert _all_ok(citizen, pages, times=5) == []
    after = Citizen(servers.site.base_url).apply(
        full_name="Gus After", email="gus.after@example.com"
    )
    wait_for_delivery(servers, after, "gus.after@example.com")

    # A sweep long after finds nothing stuck: the message sent during the outage is not
    # sent again.
    time.sleep(SENDING_TIMEOUT_SECONDS + 0.5)
    task_id = sweep(servers)
    wait_for(lambda: worker.task_finished(task_id), what="the sweep")
    assert "'requeued': 0, 'unstuck': 0, 'gave_up': 0" in worker.task_finished(task_id)

    # Nothing was lost, nothing sent twice, and nothing was restarted.
    for reference, name, address in [
        (before, "Di Before", "di.before@example.com"),
        (during, "Ed Restart", "ed.restart@example.com"),
        (mid_send, "Fay Midsend", "fay.midsend@example.com"),
        (after, "Gus After", "gus.after@example.com"),
    ]:
        assert application_rows(servers, reference) == [(name, address)]
        assert outbox_rows(servers, reference) == [("sent", 1, address)]
        assert len(servers.smtp.messages_to(address)) == 1
    assert (servers.site.pid, servers.site.children()) == site_processes
    assert (worker.pid, worker.children()) == worker_processes
    assert servers.site.alive() and worker.alive()


class PagesFailWhileRedisIsDown(AssertionError):
    pass


def test_signing_in_signing_up_and_feedback_do_not_fail_while_redis_is_down(servers, citizen):
    feedback = citizen.get("/feedback/")
    rating = re.search(r'name="rating"[^>]*value="([^"]+)"', feedback.text)
    assert rating, feedback.text[:2000]
    servers.redis.stop()

    sign_in = citizen.post_form(
        "/accounts/login/", {"login": "nobody@example.com", "password": "not-the-password-1"}
    )
    sign_up = citizen.post_form(
        "/accounts/signup/",
        {
            "email": "new.person@example.com",
            "password1": "a-long-password-1x",
            "password2": "a-long-password-1x",
        },
    )
    sent = citizen.post_form("/feedback/", {"rating": rating.group(1), "comment": "Fine"})

    statuses = [sign_in.status_code, sign_up.status_code, sent.status_code]
    # Sign-in with a wrong password shows the form again; sign-up and feedback redirect.
    if statuses != [200, 302, 302]:
        raise PagesFailWhileRedisIsDown(f"sign-in, sign-up, feedback: {statuses}")
