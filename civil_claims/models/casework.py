"""What caseworkers keep on a claim: notes, paper correspondence received and breathing
spaces (debt respite) recorded on it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from ..constants import (
    BREATHING_SPACE_REFERENCE_MAX_LENGTH,
    BREATHING_SPACE_TRANSITIONS,
    CORRESPONDENCE_TRANSITIONS,
    BreathingSpaceKind,
    BreathingSpaceStatus,
    CorrespondenceKind,
    CorrespondenceStatus,
)
from .claims import Claim

USER = settings.AUTH_USER_MODEL


class CaseNote(models.Model):
    """A caseworker's note on a claim (never shown to the parties)."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(USER, null=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Note of {self.created_at:%d %b %Y %H:%M}"


class PaperCorrespondence(models.Model):
    """Something that came by post about a claim, waiting for a caseworker to review it."""

    TRANSITIONS = CORRESPONDENCE_TRANSITIONS

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="correspondence")
    kind = models.CharField(max_length=20, choices=CorrespondenceKind.choices)
    received_on = models.DateField()
    description = models.TextField(blank=True)
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=CorrespondenceStatus.choices, default=CorrespondenceStatus.RECEIVED
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["received_on", "id"]
        indexes = [
            # Correspondence to review, oldest first, and the whole list in the same order.
            models.Index(
                fields=["status", "received_on", "id"], name="cc_correspondence_queue_idx"
            ),
            models.Index(fields=["received_on", "id"], name="cc_correspondence_list_idx"),
        ]
        verbose_name = "paper correspondence"
        verbose_name_plural = "paper correspondence"

    def __str__(self):
        return f"{self.get_kind_display()} received {self.received_on:%d %b %Y}"


class BreathingSpace(models.Model):
    """A breathing space (Debt Respite Scheme) the defendant is in, recorded by a caseworker.

    While it is in force the claim is paused: the defendant's response deadline stops and
    the claimant may take no step on the claim. Lifting it (``in_force`` → ``lifted``, the
    one move of ``BREATHING_SPACE_TRANSITIONS``) gives the defendant the days that were
    left, from the day it ended (``deadlines.response_deadline_after_breathing_space``).
    At most one is in force on a claim at a time.
    """

    TRANSITIONS = BREATHING_SPACE_TRANSITIONS

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="breathing_spaces")
    kind = models.CharField("type", max_length=15, choices=BreathingSpaceKind.choices)
    reference = models.CharField(
        max_length=BREATHING_SPACE_REFERENCE_MAX_LENGTH,
        blank=True,
        help_text="The Insolvency Service's reference for the breathing space, if known.",
    )
    started_on = models.DateField("began on")
    lifted_on = models.DateField("ended on", null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=BreathingSpaceStatus.choices, default=BreathingSpaceStatus.IN_FORCE
    )
    deadline_before = models.DateField("response deadline when it began", null=True, blank=True)
    deadline_after = models.DateField("response deadline once lifted", null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["started_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim"],
                condition=Q(status="in_force"),
                name="civil_claims_one_breathing_space_in_force",
                violation_error_message="A claim has at most one breathing space in force",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} from {self.started_on:%d %b %Y}"
