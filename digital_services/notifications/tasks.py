"""Celery tasks for the outbox. They take ids only and call one service each.

Both run on QUEUE_NOTIFICATIONS through CELERY_TASK_ROUTES ("notifications.*").
"""

from celery import shared_task
from celery.schedules import crontab

from .constants import (
    QUEUE_NOTIFICATIONS,
    TASK_DELIVER,
    TASK_DELIVER_BATCH,
    TASK_DELIVER_TIME_LIMIT_SECONDS,
    TASK_LETTER_BATCH_RENDER,
    TASK_LETTER_STATUSES_POLL,
    TASK_SWEEP,
)
from .services import (
    letter_batch_render,
    letter_statuses_poll,
    outbound_message_deliver,
    outbound_messages_deliver,
    outbound_messages_sweep,
)


@shared_task(
    name=TASK_DELIVER,
    bind=True,
    acks_late=True,
    max_retries=None,  # the row counts attempts (NOTIFICATIONS_MAX_ATTEMPTS), not Celery
    ignore_result=True,
    soft_time_limit=120,
    time_limit=TASK_DELIVER_TIME_LIMIT_SECONDS,
)
def notification_deliver(self, message_id: int) -> str:
    """Send one outbound message. Running it twice is safe: the row is claimed
    before sending and a message already sent is skipped. A transient failure
    schedules the next attempt on the row and as a Celery retry; the sweep is
    the safety net if that retry is lost. In eager mode (``make run``) there is
    no retry: the row waits for the sweep."""
    outcome = outbound_message_deliver(message_id=message_id)
    if outcome.action == "retry" and not self.request.is_eager:
        raise self.retry(countdown=outcome.retry_in)
    return outcome.action


@shared_task(
    name=TASK_DELIVER_BATCH,
    bind=True,
    acks_late=True,
    ignore_result=True,
    soft_time_limit=120,
    time_limit=TASK_DELIVER_TIME_LIMIT_SECONDS,
)
def notification_deliver_batch(self, message_ids: list[int]) -> dict:
    """Send a batch of outbound messages over one connection (see outbound_messages_deliver).
    Running it twice is safe, as for one message. A message that failed transiently waits
    on its row (next_attempt_at) and the sweep queues it again: no Celery retry of the batch."""
    return outbound_messages_deliver(message_ids=message_ids)


@shared_task(name=TASK_SWEEP, ignore_result=True, acks_late=True)
def notifications_sweep() -> dict:
    """Queue again the messages the fast path lost (see outbound_messages_sweep)."""
    result = outbound_messages_sweep()
    return {"requeued": result.requeued, "unstuck": result.unstuck, "gave_up": result.gave_up}


@shared_task(
    name=TASK_LETTER_BATCH_RENDER,
    bind=True,
    acks_late=True,
    ignore_result=True,
    soft_time_limit=300,
    time_limit=360,
)
def letter_batch_render_task(self, batch_id: int) -> str:
    """Make the PDF of a closed letter batch (it can be hundreds of pages, so not on
    the staff member's request). Running it twice makes one PDF; a batch that is
    gone, open, printed or done is skipped. If this task is lost, staff ask again
    from the admin ("Close and prepare the PDF"), which queues it for any batch
    without a PDF."""
    document = letter_batch_render(batch_id=batch_id)
    return "rendered" if document is not None else "skipped"


@shared_task(name=TASK_LETTER_STATUSES_POLL, ignore_result=True, acks_late=True)
def letter_statuses_poll_task() -> dict:
    """Ask Notify how its letters are getting on (it sends no callbacks for letters)."""
    result = letter_statuses_poll()
    return {"checked": result.checked, "finished": result.finished}


BEAT_SCHEDULE = {
    "notifications-letter-statuses": {
        "task": TASK_LETTER_STATUSES_POLL,
        "schedule": crontab(minute="*/15"),
        "options": {"queue": QUEUE_NOTIFICATIONS, "expires": 14 * 60},
    },
    "notifications-sweep": {
        "task": TASK_SWEEP,
        "schedule": crontab(),  # every minute
        "options": {"queue": QUEUE_NOTIFICATIONS, "expires": 55},
    },
}
