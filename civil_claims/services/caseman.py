"""The CaseMan (RPA) feed: each claim event CaseMan must know about is kept as a row with
its JSON (layout: docs/civil-claims-caseman-feed.md) and sent after commit by a task that
takes the row's id only.

With ``CIVIL_CLAIMS_CASEMAN_FEED_URL`` set, the JSON is POSTed there (bearer token,
``X-Event-Id``); timeouts, connection failures, 429 and 5xx are retried with back-off, any
other refusal ends the event as failed at once, and so does the last retry. Without it, a
local stand-in keeps the row and marks it "sent locally", so development and tests run the
same code path without a network.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import partial

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from digital_services.audit.services import audit_record
from digital_services.core.transitions import TransitionNotAllowed, transition_apply

from ..constants import AUDIT_SERVICE, CasemanEventKind, CasemanEventStatus
from ..models import BreathingSpace, CasemanEvent, Claim, Party

logger = logging.getLogger(__name__)

SCHEMA = "civil_claims.caseman/1"
#: A pending event older than this is queued again by the sweep (its task was lost).
STUCK_AFTER = dt.timedelta(minutes=10)


class CasemanTransientError(Exception):
    """CaseMan could not be reached or asked us to come back later: try again."""


class CasemanRefused(Exception):
    """CaseMan refused the event (a 4xx other than 429): sending it again will not help."""


class LocalCasemanTransport:
    """The stand-in when no feed URL is configured: nothing leaves the machine."""

    status = CasemanEventStatus.SENT_LOCALLY

    def send(self, *, event_id: str, payload: dict) -> None:
        logger.info("CaseMan feed not configured: event %s kept locally", event_id)


class HttpCasemanTransport:
    """POSTs an event's JSON to CaseMan's feed endpoint."""

    status = CasemanEventStatus.SENT

    def __init__(self, *, url: str, token: str = "", timeout: float = 10.0, session=None):
        self.url = url
        self.timeout = timeout
        self.session = session or requests.Session()
        self.session.headers.update({"Accept": "application/json"})
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def send(self, *, event_id: str, payload: dict) -> None:
        try:
            response = self.session.post(
                self.url, json=payload, headers={"X-Event-Id": event_id}, timeout=self.timeout
            )
        except requests.RequestException as exc:  # timeouts and connection failures
            raise CasemanTransientError(f"CaseMan unreachable ({type(exc).__name__})") from exc
        code = response.status_code
        if code == 429 or code >= 500:
            raise CasemanTransientError(f"CaseMan answered {code}")
        if code >= 400:
            raise CasemanRefused(f"CaseMan refused the event: {code}")


def caseman_transport():
    """The HTTP client when a feed URL is configured, otherwise the local stand-in."""
    url = settings.CIVIL_CLAIMS_CASEMAN_FEED_URL
    if not url:
        return LocalCasemanTransport()
    return HttpCasemanTransport(
        url=url,
        token=settings.CIVIL_CLAIMS_CASEMAN_FEED_TOKEN,
        timeout=settings.CIVIL_CLAIMS_CASEMAN_FEED_TIMEOUT_SECONDS,
    )


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _party(party: Party | None) -> dict | None:
    if party is None:
        return None
    correspondence = None
    if party.correspondence_line_1:
        correspondence = {
            "line_1": party.correspondence_line_1,
            "line_2": party.correspondence_line_2,
            "town": party.correspondence_town,
            "postcode": party.correspondence_postcode,
        }
    return {
        "type": party.party_type,
        "name": party.display_name,
        "contact_person": party.contact_person,
        "address": {
            "line_1": party.address_line_1,
            "line_2": party.address_line_2,
            "town": party.address_town,
            "postcode": party.address_postcode,
        },
        "correspondence_address": correspondence,
    }


def caseman_payload(
    *, claim: Claim, kind: str, breathing_space: BreathingSpace | None = None
) -> dict:
    """The JSON of one event, as docs/civil-claims-caseman-feed.md lays it out."""
    payload = {
        "schema": SCHEMA,
        "event": kind,
        "occurred_at": timezone.now().isoformat(),
        "claim_number": claim.claim_number,
        "status": claim.status,
        "issue_date": _date(claim.issue_date),
        "deemed_service_date": _date(claim.deemed_service_date),
        "response_deadline": _date(claim.response_deadline),
        "claimant": _party(claim.claimant),
        "defendant": _party(claim.defendant),
        "amount_pence": claim.amount_pence,
        "interest_to_issue_pence": claim.interest_to_date_pence,
        "fee_pence": claim.fee_pence,
        "fee_paid_pence": claim.amount_paid_pence,
        "help_with_fees_reference": claim.hwf_reference or None,
        "total_pence": claim.total_claimed_pence,
    }
    if breathing_space is not None:
        payload["breathing_space"] = {
            "type": breathing_space.kind,
            "reference": breathing_space.reference or None,
            "started_on": _date(breathing_space.started_on),
            "lifted_on": _date(breathing_space.lifted_on),
        }
    return payload


def caseman_event_record(
    *, claim: Claim, kind: str, breathing_space: BreathingSpace | None = None
) -> CasemanEvent:
    """Keep the event's JSON and queue it for CaseMan after the caller's commit."""
    if kind not in CasemanEventKind.values:
        raise ValueError(f"Unknown CaseMan event {kind!r}")
    event = CasemanEvent.objects.create(
        claim=claim,
        kind=kind,
        payload=caseman_payload(claim=claim, kind=kind, breathing_space=breathing_space),
    )
    transaction.on_commit(partial(caseman_event_enqueue, event_id=event.pk))
    return event


def caseman_event_enqueue(*, event_id: int) -> None:
    from ..tasks import caseman_event_send as task

    try:
        task.delay(event_id)
    except Exception:  # the broker is down: the sweep queues it again
        logger.exception("Could not queue CaseMan event %s", event_id)


def caseman_event_send(*, event_id: int, transport=None) -> CasemanEvent | None:
    """Send one pending event: it becomes sent (or sent locally). Returns None for an event
    that is gone or not pending. Raises ``CasemanTransientError`` (after counting the
    attempt) for the task to retry; a refusal marks the event failed at once."""
    transport = transport or caseman_transport()
    with transaction.atomic():
        event = CasemanEvent.objects.select_for_update().filter(pk=event_id).first()
        if event is None or event.status != CasemanEventStatus.PENDING:
            return None
        try:
            transport.send(event_id=str(event.event_id), payload=event.payload)
        except CasemanTransientError as exc:
            error = exc
        except CasemanRefused as exc:
            logger.error("CaseMan event %s refused: %s", event.pk, exc)
            return transition_apply(
                event,
                to=CasemanEventStatus.FAILED,
                fields={"attempts": event.attempts + 1, "last_error": str(exc)[:255]},
                stamp="failed",
                action=None,
            )
        else:
            return transition_apply(
                event,
                to=transport.status,
                fields={"attempts": event.attempts + 1, "last_error": ""},
                stamp="sent",
                action=None,
            )
        event.attempts += 1
        event.last_error = str(error)[:255]
        event.save(update_fields=["attempts", "last_error", "updated_at"])
    logger.warning("CaseMan event %s not sent yet: %s", event_id, error)
    raise error


def caseman_event_fail(*, event_id: int, error: str) -> CasemanEvent | None:
    """The last retry failed: the event is failed (a caseworker can resend it)."""
    with transaction.atomic():
        event = CasemanEvent.objects.select_for_update().filter(pk=event_id).first()
        if event is None or event.status != CasemanEventStatus.PENDING:
            return None
        logger.error("CaseMan event %s failed after its retries: %s", event.pk, error)
        return transition_apply(
            event,
            to=CasemanEventStatus.FAILED,
            fields={"last_error": error[:255]},
            stamp="failed",
            action=None,
        )


def claim_caseman_resend(*, claim: Claim, actor, request=None) -> int:
    """Queue every event of the claim for CaseMan again, with the same event ids (CaseMan
    ignores one it already has). Events whose JSON the retention rule has blanked are left.
    Returns how many were queued; raises ``TransitionNotAllowed`` when there are none."""
    with transaction.atomic():
        events = list(
            CasemanEvent.objects.select_for_update()
            .filter(claim=claim)
            .exclude(status=CasemanEventStatus.PENDING)
            .exclude(payload={})
        )
        if not events:
            raise TransitionNotAllowed(
                f"Claim {claim.reference_display} has no CaseMan events to send again"
            )
        for event in events:
            transition_apply(event, to=CasemanEventStatus.PENDING, action=None)
            transaction.on_commit(partial(caseman_event_enqueue, event_id=event.pk))
        audit_record(
            action="claim.caseman_resent",
            obj=claim,
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"events": [event.pk for event in events]},
        )
    return len(events)


def caseman_events_stuck_requeue(*, now=None) -> int:
    """The beat job: queue again the pending events whose task was lost."""
    cutoff = (now or timezone.now()) - STUCK_AFTER
    ids = list(
        CasemanEvent.objects.filter(
            status=CasemanEventStatus.PENDING, status_changed_at__lt=cutoff
        ).values_list("pk", flat=True)[:500]
    )
    for event_id in ids:
        caseman_event_enqueue(event_id=event_id)
    return len(ids)
