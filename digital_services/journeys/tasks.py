"""Periodic jobs of the journeys app."""

from celery import shared_task
from celery.schedules import crontab

from .constants import TASK_DRAFTS_EXPIRE

BEAT_SCHEDULE = {
    "journeys-drafts-expire": {
        "task": TASK_DRAFTS_EXPIRE,
        # Every night at 02:15, away from the busy hours.
        "schedule": crontab(hour=2, minute=15),
    },
}


@shared_task(name=TASK_DRAFTS_EXPIRE, acks_late=True)
def drafts_expire() -> int:
    """Delete drafts past their expiry date (JOURNEYS_DRAFT_EXPIRY_DAYS after the last change)."""
    from .services import drafts_expire as expire

    return expire()
