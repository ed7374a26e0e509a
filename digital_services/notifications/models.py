"""The outbox: one row per email, text message or letter we owe someone.

A row is written in the same transaction as the business change it reports, so
a message exists if and only if the change was committed. Delivery happens
later, in a Celery task; ``status`` is the single source of truth for where the
message is, and only ``services`` changes it.
"""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

from .constants import (
    ALLOWED_TRANSITIONS,
    LETTER_BATCH_TRANSITIONS,
    Channel,
    Language,
    LetterBatchStatus,
    Status,
)


class LetterBatch(models.Model):
    """Letters waiting to be printed together. Staff download one PDF, print, and mark it printed."""

    TRANSITIONS = LETTER_BATCH_TRANSITIONS  # the allowed moves of ``status`` (core.transitions)

    status = models.CharField(
        max_length=20, choices=LetterBatchStatus.choices, default=LetterBatchStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    printed_at = models.DateTimeField(null=True, blank=True)
    printed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The PDF to print, made by a background task once the batch is closed (kept in the
    # document store, not here); empty until then, and again after its retention date.
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "letter batches"
        constraints = [
            models.UniqueConstraint(
                fields=["status"],
                condition=Q(status="open"),
                name="notifications_one_open_letter_batch",
            )
        ]

    def __str__(self):
        return f"Letter batch {self.pk} ({self.get_status_display().lower()})"


class OutboundMessage(models.Model):
    TRANSITIONS = ALLOWED_TRANSITIONS  # the allowed moves of ``status`` (core.transitions)

    service = models.CharField(
        max_length=50, blank=True, db_index=True, help_text="The service the message is from."
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    template_key = models.CharField(max_length=100)
    language = models.CharField(max_length=2, choices=Language.choices, default=Language.ENGLISH)
    recipient = models.TextField(
        help_text="Email address, mobile number, or postal address lines (last line the postcode)."
    )
    personalisation = models.JSONField(default=dict, blank=True)
    reference = models.CharField(
        max_length=100, blank=True, db_index=True, help_text="The case reference, if any."
    )
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    # Not indexed alone: notif_status_next_idx starts with it. Every index here is written by
    # each INSERT (150,000 a night of reminders) and each change of status.
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CREATED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    provider_id = models.CharField(max_length=100, blank=True, db_index=True)
    letter_batch = models.ForeignKey(
        LetterBatch, null=True, blank=True, on_delete=models.PROTECT, related_name="letters"
    )

    content_type = models.ForeignKey(  # indexed by notif_about_idx, which starts with it
        ContentType, null=True, blank=True, on_delete=models.PROTECT, db_index=False
    )
    object_id = models.CharField(max_length=64, blank=True)
    about = GenericForeignKey("content_type", "object_id")

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "outbound message"
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="notif_status_next_idx"),
            models.Index(fields=["content_type", "object_id"], name="notif_about_idx"),
        ]

    def __str__(self):
        return f"{self.get_channel_display()} {self.template_key} #{self.pk} ({self.status})"

    @property
    def provider_reference(self) -> str:
        """What we give the provider as its reference: ours plus the idempotency key.

        The key makes it unique per message, so after an unclear failure we can ask
        Notify whether it already has this message instead of sending it twice.
        """
        return (
            f"{self.reference}-{self.idempotency_key}"
            if self.reference
            else str(self.idempotency_key)
        )

    @property
    def address_lines(self) -> list[str]:
        return [line for line in self.recipient.splitlines() if line.strip()]


class DeliveryProblem(models.Model):
    """What GOV.UK Notify told us after a message left: a letter came back, or someone
    complained about an email (marked it as spam).

    Notify sends these as callbacks with no ``status``, once (it does not retry a 4xx).
    Each is kept against the message and the message's case. Returned letters wait in
    a caseworker queue ("we could not deliver this letter") until someone deals with
    them, for example by phoning the person or checking their address.
    """

    class Kind(models.TextChoices):
        RETURNED_LETTER = "returned-letter", "We could not deliver this letter"
        COMPLAINT = "complaint", "Complaint about an email"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    # Notify's id for the event: the complaint id, or the returned letter's notification id.
    provider_event_id = models.CharField(max_length=100)
    message = models.ForeignKey(
        OutboundMessage, on_delete=models.PROTECT, related_name="delivery_problems"
    )
    service = models.CharField(max_length=50, blank=True, db_index=True)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64, blank=True)
    about = GenericForeignKey("content_type", "object_id")
    reported_at = models.DateTimeField(help_text="When Notify says it happened.")
    received_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["resolved_at", "-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "provider_event_id"], name="notifications_problem_once"
            )
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="notif_problem_about_idx")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} (message {self.message_id})"


class ReturnedLetter(DeliveryProblem):
    """The caseworkers' queue of returned letters (a view of ``DeliveryProblem``)."""

    class Meta:
        proxy = True
        verbose_name = "letter we could not deliver"
        verbose_name_plural = "letters we could not deliver"
