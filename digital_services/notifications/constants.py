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
TASK_LETTER_BATCH_RENDER = "notifications.letter_batch_render"
TASK_LETTER_STATUSES_POLL = "notifications.letter_statuses_poll"
# Many messages queued at once (notification_send_many: a job's reminders) go in tasks of this many ids:
# one claim for them all and one connection to the mail server, each still sent at most once.
TASK_DELIVER_BATCH = "notifications.deliver_batch"
DELIVER_BATCH_SIZE = 50
# The delivery task's hard time limit: the sweep's claim timeout must be longer.
TASK_DELIVER_TIME_LIMIT_SECONDS = 180


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


# How overdue a queued message and how old a claim must be before the sweep acts are
# settings: NOTIFICATIONS_SWEEP_CREATED_GRACE_SECONDS, NOTIFICATIONS_SWEEP_SENDING_TIMEOUT_SECONDS.
# Rows re-queued per sweep run, so one run stays short after a long broker outage.
SWEEP_BATCH_SIZE = 500
# Letters asked about per run of the letter status job (it runs every 15 minutes).
LETTER_POLL_BATCH_SIZE = 500


# The allowed moves of each model's ``status`` (see digital_services.core.transitions).
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    # created → sent: a worker finished after the sweep had given its claim up for lost.
    Status.CREATED: frozenset(
        {
            Status.SENDING,
            Status.SENT,
            Status.PERMANENT_FAILURE,
            Status.TECHNICAL_FAILURE,
        }
    ),
    Status.SENDING: frozenset(
        {
            Status.CREATED,
            Status.SENT,
            Status.DELIVERED,
            Status.TEMPORARY_FAILURE,
            Status.PERMANENT_FAILURE,
            Status.TECHNICAL_FAILURE,
        }
    ),
    Status.SENT: frozenset(
        {
            Status.DELIVERED,
            Status.TEMPORARY_FAILURE,
            Status.PERMANENT_FAILURE,
            Status.TECHNICAL_FAILURE,
        }
    ),
    Status.DELIVERED: frozenset(),
    Status.TEMPORARY_FAILURE: frozenset({Status.CREATED}),
    Status.PERMANENT_FAILURE: frozenset({Status.CREATED}),
    Status.TECHNICAL_FAILURE: frozenset({Status.CREATED}),
}
LETTER_BATCH_TRANSITIONS: dict[str, frozenset[str]] = {
    LetterBatchStatus.OPEN: frozenset({LetterBatchStatus.CLOSED}),
    LetterBatchStatus.CLOSED: frozenset({LetterBatchStatus.PRINTED}),
    LetterBatchStatus.PRINTED: frozenset(),
}
