"""Nightly deletion of documents past their retention date."""

from celery import shared_task
from celery.schedules import crontab

from .constants import TASK_DELETE_EXPIRED
from .services import documents_delete_expired

BEAT_SCHEDULE = {
    "documents-delete-expired": {
        "task": TASK_DELETE_EXPIRED,
        "schedule": crontab(hour=2, minute=30),
    },
}


@shared_task(name=TASK_DELETE_EXPIRED, ignore_result=True, acks_late=True)
def documents_delete_expired_task() -> int:
    """Delete the documents whose ``delete_after`` date has passed (1,000 a run)."""
    return documents_delete_expired()
