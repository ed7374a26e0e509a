"""Background work for Make a money claim: the sealed claim form of each issued claim,
closing claims whose fee never came, and the CaseMan (RPA) feed.

``claim_issue`` queues ``claim_form_seal`` after commit with the claim's id only; a beat
job seals any issued claim still without its form (a task lost while the broker was down).
"""

from celery import shared_task
from celery.schedules import crontab
from django.db import OperationalError

from .services import claim_form_seal as claim_form_seal_service
from .services import claims_stale_close, claims_unsealed_seal
from .services.caseman import (
    CasemanTransientError,
    caseman_event_fail,
    caseman_events_stuck_requeue,
)
from .services.caseman import caseman_event_send as caseman_event_send_service
from .services.defendant import claims_response_reminders_send
from .services.orders import claims_order_transfer_ready
from .services.outcomes import (
    claims_reply_overdue_stay,
)
from .services.timing import claims_no_judgment_stay, judgments_claimant_remind

UNSEALED_SWEEP_EVERY_SECONDS = 15 * 60
STALE_CLOSE_EVERY_SECONDS = 24 * 60 * 60
#: Reminders to respond: hourly in the working day (none at night), so each goes out in the
#: morning of its day even if one run is missed; each is sent once per deadline.
RESPONSE_REMINDERS_SCHEDULE = crontab(minute=5, hour="8-15")
CASEMAN_SWEEP_EVERY_SECONDS = 15 * 60
#: Claims with no claimant reply 33 days after the response are stayed early each morning.
REPLY_OVERDUE_STAY_SCHEDULE = crontab(minute=20, hour=6)
#: Orders drawn 19 days ago make their claims ready for transfer, early each morning.
ORDER_TRANSFER_READY_SCHEDULE = crontab(minute=25, hour=6)
#: The claimant's reminder of a default judgment asked for 10 days ago, in the morning.
DEFAULT_JUDGMENT_REMINDER_SCHEDULE = crontab(minute=30, hour=8)
#: Claims with no response and no judgment asked for 6 months after the deadline are stayed.
NO_JUDGMENT_STAY_SCHEDULE = crontab(minute=35, hour=6)
CASEMAN_MAX_RETRIES = 8

BEAT_SCHEDULE = {
    "civil-claims-unsealed-sweep": {
        "task": "civil_claims.unsealed_sweep",
        "schedule": UNSEALED_SWEEP_EVERY_SECONDS,
    },
    "civil-claims-stale-close": {
        "task": "civil_claims.stale_close",
        "schedule": STALE_CLOSE_EVERY_SECONDS,
    },
    "civil-claims-response-reminders": {
        "task": "civil_claims.response_reminders",
        "schedule": RESPONSE_REMINDERS_SCHEDULE,
    },
    "civil-claims-caseman-sweep": {
        "task": "civil_claims.caseman_sweep",
        "schedule": CASEMAN_SWEEP_EVERY_SECONDS,
    },
    "civil-claims-reply-overdue-stay": {
        "task": "civil_claims.reply_overdue_stay",
        "schedule": REPLY_OVERDUE_STAY_SCHEDULE,
    },
    "civil-claims-order-transfer-ready": {
        "task": "civil_claims.order_transfer_ready",
        "schedule": ORDER_TRANSFER_READY_SCHEDULE,
    },
    "civil-claims-default-judgment-reminders": {
        "task": "civil_claims.default_judgment_reminders",
        "schedule": DEFAULT_JUDGMENT_REMINDER_SCHEDULE,
    },
    "civil-claims-no-judgment-stay": {
        "task": "civil_claims.no_judgment_stay",
        "schedule": NO_JUDGMENT_STAY_SCHEDULE,
    },
}


@shared_task(
    name="civil_claims.claim_form_seal",
    bind=True,
    acks_late=True,
    autoretry_for=(OperationalError, OSError),
    retry_backoff=True,
    max_retries=5,
)
def claim_form_seal(self, claim_id: int) -> int | None:
    """Make and keep the sealed claim form PDF; quietly nothing for a claim that is gone,
    not issued or already sealed. Retries when the database or the storage is unreachable."""
    document = claim_form_seal_service(claim_id=claim_id)
    return document.pk if document is not None else None


@shared_task(name="civil_claims.unsealed_sweep", bind=True, acks_late=True)
def claims_unsealed_sweep(self) -> int:
    """Seal the issued claims left without a claim form."""
    return claims_unsealed_seal()


@shared_task(name="civil_claims.stale_close", bind=True, acks_late=True)
def claims_stale_close_task(self) -> int:
    """Close claims never issued after CLAIM_STALE_DAYS without their fee."""
    return claims_stale_close()


@shared_task(
    name="civil_claims.caseman_event_send",
    bind=True,
    acks_late=True,
    autoretry_for=(CasemanTransientError, OperationalError),
    retry_backoff=True,
    retry_backoff_max=60 * 60,
    max_retries=CASEMAN_MAX_RETRIES,
)
def caseman_event_send(self, event_id: int) -> str | None:
    """Send one CaseMan event; quietly nothing for one gone or already sent. Retried with
    back-off while CaseMan is unreachable or busy; after the last retry it is failed."""
    try:
        event = caseman_event_send_service(event_id=event_id)
    except CasemanTransientError as exc:
        if self.request.retries >= CASEMAN_MAX_RETRIES:
            caseman_event_fail(event_id=event_id, error=str(exc))
            return None
        raise
    return event.status if event is not None else None


@shared_task(name="civil_claims.caseman_sweep", bind=True, acks_late=True)
def caseman_sweep(self) -> int:
    """Queue again the CaseMan events whose task was lost."""
    return caseman_events_stuck_requeue()


@shared_task(name="civil_claims.response_reminders", bind=True, acks_late=True)
def claims_response_reminders(self) -> int:
    """Send the defendants' reminders to respond due now (5 days and 1 day before the
    deadline, once each); takes no arguments: the service finds the claims by id."""
    return claims_response_reminders_send()


@shared_task(name="civil_claims.reply_overdue_stay", bind=True, acks_late=True)
def claims_reply_overdue_stay_task(self) -> int:
    """Stay the claims whose claimant did not reply within 33 days of the response; takes
    no arguments (the service finds the claims by id, each in its own transaction)."""
    return claims_reply_overdue_stay()


@shared_task(name="civil_claims.order_transfer_ready", bind=True, acks_late=True)
def claims_order_transfer_ready_task(self) -> int:
    """Make ready for transfer the claims whose order was drawn 19 days ago; takes no
    arguments (the service finds the claims by id, each in its own transaction)."""
    return claims_order_transfer_ready()


@shared_task(name="civil_claims.default_judgment_reminders", bind=True, acks_late=True)
def judgments_claimant_remind_task(self) -> int:
    """Remind claimants whose default judgment, asked for 10 days ago, is not entered yet
    (once each); takes no arguments."""
    return judgments_claimant_remind()


@shared_task(name="civil_claims.no_judgment_stay", bind=True, acks_late=True)
def claims_no_judgment_stay_task(self) -> int:
    """Stay the claims with no response and no judgment asked for within 6 months of the
    response deadline; takes no arguments."""
    return claims_no_judgment_stay()
