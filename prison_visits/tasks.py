"""Periodic jobs of Book a prison visit: reminders the day before (anonymisation is a
retention rule, run by the nightly retention job)."""

from datetime import timedelta

from celery import shared_task
from celery.schedules import crontab
from django.conf import settings
from django.utils import timezone

from .constants import TASK_REMINDERS_SEND, TASK_VISITS_ANONYMISE

BEAT_SCHEDULE = {
    "prison-visits-reminders-send": {
        "task": TASK_REMINDERS_SEND,
        # Late afternoon, so the reminder arrives the evening before the visit.
        "schedule": crontab(hour=16, minute=0),
    },
}


@shared_task(name=TASK_REMINDERS_SEND, acks_late=True)
def reminders_send() -> int:
    """Remind visitors of tomorrow's booked visits (each visit once, however often this runs)."""
    from .services import visit_reminders_send

    return visit_reminders_send(for_date=timezone.localdate() + timedelta(days=1))


@shared_task(name=TASK_VISITS_ANONYMISE, acks_late=True)
def visits_anonymise() -> int:
    """Remove personal details from visits more than PRISON_VISITS_ANONYMISE_AFTER_DAYS old.

    Not on the beat schedule: the nightly retention job ("core.retention_run") does this
    through the service's retention rule. Kept to run it by hand for one service.
    """
    from .services import visits_anonymise as anonymise

    before = timezone.localdate() - timedelta(days=settings.PRISON_VISITS_ANONYMISE_AFTER_DAYS)
    return anonymise(before=before)
