"""The one nightly retention job: every record type's rule, in batches, counts logged."""

from celery import shared_task
from celery.schedules import crontab

TASK_RETENTION_RUN = "core.retention_run"

BEAT_SCHEDULE = {
    "retention-run": {
        "task": TASK_RETENTION_RUN,
        # Every night at 03:15, after the other nightly jobs and away from busy hours.
        "schedule": crontab(hour=3, minute=15),
    },
}


@shared_task(name=TASK_RETENTION_RUN, acks_late=True)
def retention_run_task() -> dict[str, int]:
    """Apply every retention rule (``retention.retention_run``); returns counts per rule."""
    from .retention import retention_run

    return retention_run()
