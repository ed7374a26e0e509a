"""The CaseMan (RPA) feed: a row with the event's JSON for claim issued and breathing space in
and out, queued after commit by id; the local stand-in without a URL; a real HTTP POST to a
fake CaseMan with one; retries on transient errors, failure on refusal or after the last
retry; the caseworker's resend; the sweep; and the retention rule blanking the JSON."""

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import time_machine
from celery.exceptions import Retry
from django.urls import reverse

from civil_claims import tasks
from civil_claims.constants import BreathingSpaceKind, CasemanEventKind, CasemanEventStatus
from civil_claims.models import CasemanEvent
from civil_claims.retention import CASEMAN_EVENT_RETENTION_DAYS
from civil_claims.services import claim_breathing_space_enter, claim_breathing_space_lift
from civil_claims.services.caseman import (
    CasemanTransientError,
    caseman_event_send,
    caseman_events_stuck_requeue,
    claim_caseman_resend,
)
from digital_services.core.transitions import TransitionNotAllowed
from digital_services.privacy.retention import retention_run
from tests.conftest import sign_in

from .factories import claim_issued

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def fake_caseman(settings):
    """A CaseMan feed endpoint on localhost answering with the statuses queued in
    ``answers`` (200 once they run out), recording what it was sent."""
    received, answers = [], []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append({"headers": dict(self.headers), "json": json.loads(body)})
            status = answers.pop(0) if answers else 200
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CIVIL_CLAIMS_CASEMAN_FEED_URL = f"http://127.0.0.1:{server.server_port}/events"
    settings.CIVIL_CLAIMS_CASEMAN_FEED_TOKEN = "feed-token"
    settings.CIVIL_CLAIMS_CASEMAN_FEED_TIMEOUT_SECONDS = 5
    yield received, answers
    server.shutdown()
    server.server_close()


def test_issuing_records_the_event_and_queues_it_by_id_after_commit(
    django_capture_on_commit_callbacks, monkeypatch
):
    queued = []
    monkeypatch.setattr(tasks.caseman_event_send, "delay", lambda *args: queued.append(args))
    with django_capture_on_commit_callbacks(execute=True):
        claim = claim_issued()
    event = CasemanEvent.objects.get(claim=claim)
    assert (event.kind, event.status) == (CasemanEventKind.CLAIM_ISSUED, CasemanEventStatus.PENDING)
    assert queued == [(event.pk,)]
    payload = event.payload
    assert payload["schema"] == "civil_claims.caseman/1"
    assert (payload["event"], payload["claim_number"], payload["status"]) == (
        "claim_issued",
        claim.claim_number,
        "open",
    )
    assert (payload["issue_date"], payload["response_deadline"]) == ("2026-12-01", "2026-12-21")
    assert payload["claimant"]["name"] == "Alex Claimant"
    assert payload["defendant"]["address"] == {
        "line_1": "2 Low Road",
        "line_2": "",
        "town": "Cardiff",
        "postcode": "CF10 1AA",
    }
    assert payload["amount_pence"] == 125050
    assert payload["total_pence"] == claim.total_claimed_pence
    assert "breathing_space" not in payload


def test_without_a_feed_url_the_stand_in_keeps_it_and_marks_it_sent_locally(settings):
    settings.CIVIL_CLAIMS_CASEMAN_FEED_URL = ""
    claim = claim_issued()
    event = CasemanEvent.objects.get(claim=claim)
    assert tasks.caseman_event_send.apply(args=[event.pk]).get() == "sent_locally"
    event.refresh_from_db()
    assert (event.status, event.attempts, event.sent_at) == ("sent_locally", 1, NOW)
    # Sent once: the task again does nothing.
    assert caseman_event_send(event_id=event.pk) is None


def test_with_a_feed_url_the_json_is_posted_to_caseman(fake_caseman):
    received, _ = fake_caseman
    claim = claim_issued()
    event = CasemanEvent.objects.get(claim=claim)
    assert tasks.caseman_event_send.apply(args=[event.pk]).get() == "sent"
    event.refresh_from_db()
    assert event.status == CasemanEventStatus.SENT
    (request,) = received
    assert request["json"] == event.payload
    assert request["headers"]["Authorization"] == "Bearer feed-token"
    assert request["headers"]["X-Event-Id"] == str(event.event_id)
    assert request["headers"]["Content-Type"] == "application/json"


def test_a_busy_caseman_is_tried_again_and_the_attempt_counted(fake_caseman):
    received, answers = fake_caseman
    answers.extend([503, 429])
    claim = claim_issued()
    event = CasemanEvent.objects.get(claim=claim)
    for expected_attempts in (1, 2):
        with pytest.raises(CasemanTransientError, match="CaseMan answered"):
            caseman_event_send(event_id=event.pk)
        event.refresh_from_db()
        assert (event.status, event.attempts) == ("pending", expected_attempts)
    caseman_event_send(event_id=event.pk)
    event.refresh_from_db()
    assert (event.status, event.attempts, event.last_error) == ("sent", 3, "")
    assert len(received) == 3


def test_a_refusal_fails_the_event_at_once(fake_caseman):
    _, answers = fake_caseman
    answers.append(400)
    claim = claim_issued()
    event = CasemanEvent.objects.get(claim=claim)
    caseman_event_send(event_id=event.pk)
    event.refresh_from_db()
    assert (event.status, event.last_error) == ("failed", "CaseMan refused the event: 400")


def test_an_unreachable_caseman_fails_the_event_after_the_last_retry(settings):
    settings.CIVIL_CLAIMS_CASEMAN_FEED_URL = "http://127.0.0.1:9/events"  # nothing listens
    settings.CIVIL_CLAIMS_CASEMAN_FEED_TIMEOUT_SECONDS = 1
    claim = claim_issued()
    event = CasemanEvent.objects.get(claim=claim)
    with pytest.raises(Retry):  # Celery puts it back on the queue, later
        tasks.caseman_event_send.apply(args=[event.pk])
    event.refresh_from_db()
    assert (event.status, event.attempts) == (CasemanEventStatus.PENDING, 1)
    last = tasks.caseman_event_send.apply(args=[event.pk], retries=tasks.CASEMAN_MAX_RETRIES)
    assert (last.status, last.get()) == ("SUCCESS", None)
    event.refresh_from_db()
    assert (event.status, event.attempts) == (CasemanEventStatus.FAILED, 2)
    assert event.last_error == "CaseMan unreachable (ConnectionError)"


def test_breathing_space_in_and_out_are_sent_with_its_details(caseworker, _now):
    claim = claim_issued()
    claim_breathing_space_enter(
        claim=claim,
        actor=caseworker,
        kind=BreathingSpaceKind.STANDARD,
        started_on=dt.date(2026, 12, 1),
        reference="BS-77",
    )
    _now.move_to("2027-02-01 10:00 +0000")
    claim_breathing_space_lift(claim=claim, actor=caseworker, lifted_on=dt.date(2027, 2, 1))
    entered, lifted = CasemanEvent.objects.filter(claim=claim).exclude(
        kind=CasemanEventKind.CLAIM_ISSUED
    )
    assert (entered.kind, lifted.kind) == ("breathing_space_entered", "breathing_space_lifted")
    assert entered.payload["breathing_space"] == {
        "type": "standard",
        "reference": "BS-77",
        "started_on": "2026-12-01",
        "lifted_on": None,
    }
    assert lifted.payload["breathing_space"]["lifted_on"] == "2027-02-01"
    assert lifted.payload["response_deadline"] == "2027-02-22"


def test_resend_queues_every_sent_or_failed_event_again_with_the_same_id(
    caseworker, django_capture_on_commit_callbacks, monkeypatch
):
    claim = claim_issued()
    with pytest.raises(TransitionNotAllowed):  # still pending: nothing to resend
        claim_caseman_resend(claim=claim, actor=caseworker)
    event = CasemanEvent.objects.get(claim=claim)
    caseman_event_send(event_id=event.pk)
    queued = []
    monkeypatch.setattr(tasks.caseman_event_send, "delay", lambda *args: queued.append(args))
    with django_capture_on_commit_callbacks(execute=True):
        assert claim_caseman_resend(claim=claim, actor=caseworker) == 1
    event_id = event.event_id
    event.refresh_from_db()
    assert (event.status, event.event_id) == ("pending", event_id)
    assert queued == [(event.pk,)]


def test_caseworker_resends_from_the_case_page(client, caseworker):
    claim = claim_issued()
    event = CasemanEvent.objects.get(claim=claim)
    caseman_event_send(event_id=event.pk)
    sign_in(client, caseworker, second_factor=True)
    change = reverse("admin:civil_claims_claim_change", args=[claim.pk])
    action = reverse("admin:civil_claims_claim_caseman_resend", args=[claim.pk])
    body = client.get(change).content.decode()
    assert action in body and "Kept here (no CaseMan feed configured)" in body
    page = client.post(action, follow=True)
    assert "1 event queued for CaseMan again." in page.content.decode()
    event.refresh_from_db()
    assert event.status == CasemanEventStatus.PENDING


def test_the_sweep_queues_events_whose_task_was_lost(_now, monkeypatch):
    queued = []
    monkeypatch.setattr(tasks.caseman_event_send, "delay", lambda *args: queued.append(args))
    claim = claim_issued()
    event = CasemanEvent.objects.get(claim=claim)
    assert caseman_events_stuck_requeue() == 0
    _now.shift(dt.timedelta(minutes=11))
    assert caseman_events_stuck_requeue() == 1
    assert queued == [(event.pk,)]


def test_the_json_is_blanked_after_its_retention_period(_now):
    claim = claim_issued()
    event = CasemanEvent.objects.get(claim=claim)
    caseman_event_send(event_id=event.pk)
    _now.shift(dt.timedelta(days=CASEMAN_EVENT_RETENTION_DAYS - 1))
    retention_run(keys={"civil_claims.caseman_events"})
    event.refresh_from_db()
    assert event.payload["claim_number"] == claim.claim_number
    _now.shift(dt.timedelta(days=2))
    retention_run(keys={"civil_claims.caseman_events"})
    event.refresh_from_db()
    assert (event.payload, event.status) == ({}, CasemanEventStatus.SENT_LOCALLY)
