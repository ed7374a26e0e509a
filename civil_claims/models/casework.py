"""What caseworkers keep on a claim: notes and paper correspondence received."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from ..constants import CORRESPONDENCE_TRANSITIONS, CorrespondenceKind, CorrespondenceStatus
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
        verbose_name = "paper correspondence"
        verbose_name_plural = "paper correspondence"

    def __str__(self):
        return f"{self.get_kind_display()} received {self.received_on:%d %b %Y}"
