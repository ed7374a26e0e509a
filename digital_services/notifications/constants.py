"""Names that other code, deployment and tests depend on: keep them stable."""

from django.db import models

# Celery queues. The worker must listen on every one of ALL_QUEUES:
#   celery -A digital_services worker -Q celery,notifications
QUEUE_DEFAULT = "celery"
QUEUE_NOTIFICATIONS = "notifications"
ALL_QUEUES = (QUEUE_DEFAULT, QUEUE_NOTIFICATIONS)

# Stable Celery task names (renaming one strands messages already queued).
TASK_DELIVER = "notifications.deliver"
TASK_SWEEP = "notifications.sweep"


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    SMS = "sms", "Text message"
    LETTER = "letter", "Letter"


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    WELSH = "cy", "Cymraeg"


class Status(models.TextChoices):
    """Where a message is. Notify's own names, so callbacks map one to one.

    created: waiting to be sent (new, or waiting for its next attempt);
    sending: claimed by a worker, or a letter waiting in a print batch;
    sent: handed to the provider (SMTP accepted it, Notify accepted it, the letter was printed);
    delivered / permanent-failure / temporary-failure: what the provider reported back;
    technical-failure: we gave up after the last retry.
    """

    CREATED = "created", "Created"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    DELIVERED = "delivered", "Delivered"
    TEMPORARY_FAILURE = "temporary-failure", "Temporary failure"
    PERMANENT_FAILURE = "permanent-failure", "Permanent failure"
    TECHNICAL_FAILURE = "technical-failure", "Technical failure"


FAILED_STATUSES = (
    Status.TEMPORARY_FAILURE,
    Status.PERMANENT_FAILURE,
    Status.TECHNICAL_FAILURE,
)


class LetterBatchStatus(models.TextChoices):
    OPEN = "open", "Open (collecting letters)"
    CLOSED = "closed", "Downloaded, waiting to be printed"
    PRINTED = "printed", "Printed and posted"


# A queued message whose next attempt is this overdue is re-queued by the sweep.
SWEEP_CREATED_GRACE_SECONDS = 60
# A message claimed this long ago without an outcome is treated as lost by its worker.
SWEEP_SENDING_TIMEOUT_SECONDS = 10 * 60
# Rows re-queued per sweep run, so one run stays short after a long broker outage.
SWEEP_BATCH_SIZE = 500
