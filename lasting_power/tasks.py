"""Background work for Make a lasting power of attorney: drawing an LPA's documents.

The task takes the LPA's id only (nothing personal goes to the broker), returns
quietly when the LPA is gone or not ready, and retries when the document store
cannot be written to (a full disk, S3 unreachable).
"""

from celery import shared_task

from .documents.generate import DocumentsNotAvailable, lpa_documents_generate

TASK_DOCUMENTS_GENERATE = "lasting_power.documents_generate"


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
