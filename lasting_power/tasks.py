"""Background work for Make a lasting power of attorney: drawing an LPA's documents,
sending a registered LPA, and the beat job that ends statutory waiting periods.

Each task takes the LPA's id only (or nothing) (nothing personal goes to the broker), returns
quietly when the LPA is gone or not ready, and retries when the document store
cannot be written to (a full disk, S3 unreachable).
"""

from celery import shared_task
from celery.schedules import crontab
from django.db import OperationalError

from .documents.generate import DocumentsNotAvailable, lpa_documents_generate

TASK_DOCUMENTS_GENERATE = "lasting_power.documents_generate"
TASK_REGISTERED_SEND = "lasting_power.registered_send"
TASK_WAITING_PERIODS_END = "lasting_power.waiting_periods_end"

#: Waiting periods end at midnight: the job runs early each morning, and again at midday
#: in case a run was missed (moving an LPA twice is impossible: it is checked under lock).
BEAT_SCHEDULE = {
    "lasting-power-waiting-periods-end": {
        "task": TASK_WAITING_PERIODS_END,
        "schedule": crontab(minute=15, hour="1,12"),
    },
}


@shared_task(
    name=TASK_DOCUMENTS_GENERATE,
    bind=True,
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def lpa_documents_generate_task(self, lpa_id: int) -> int:
    """Draw and store the LPA's PDFs (lasting_power.documents); return how many."""
    try:
        return len(lpa_documents_generate(lpa_id=lpa_id))
    except DocumentsNotAvailable:
        return 0


@shared_task(
    name=TASK_REGISTERED_SEND,
    bind=True,
    acks_late=True,
    autoretry_for=(OSError, OperationalError),
    retry_backoff=True,
    max_retries=5,
)
def lpa_registered_send_task(self, lpa_id: int) -> bool:
    """Stamp the registered LPA and send it to the correspondent (registration.lpa_registered_send)."""
    from .registration import lpa_registered_send

    return lpa_registered_send(lpa_id=lpa_id)


@shared_task(name=TASK_WAITING_PERIODS_END, bind=True, acks_late=True)
def lpas_waiting_periods_end_task(self) -> int:
    """Move on every LPA whose statutory waiting period is over (registration.lpas_waiting_period_end)."""
    from .registration import lpas_waiting_period_end

    return lpas_waiting_period_end()
