"""Periodic job: end sessions whose member of staff has gone (their sign-in timed out)."""

from celery import shared_task
from celery.schedules import crontab

from .constants import TASK_SESSIONS_EXPIRE

BEAT_SCHEDULE = {
    "assisted-digital-sessions-expire": {
        "task": TASK_SESSIONS_EXPIRE,
        "schedule": crontab(minute="*/10"),
    },
}


@shared_task(name=TASK_SESSIONS_EXPIRE, acks_late=True)
def sessions_expire() -> int:
    """End active sessions not used for SESSION_COOKIE_AGE (see services.assisted_sessions_expire)."""
    from .services import assisted_sessions_expire

    return assisted_sessions_expire()
