"""What is sent to CaseMan (the court's case-management system): one row per claim event,
with the JSON as it was built when the event happened (docs/civil-claims-caseman-feed.md)."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone

from ..constants import CASEMAN_EVENT_TRANSITIONS, CasemanEventKind, CasemanEventStatus
from .claims import Claim


class CasemanEvent(models.Model):
    """One event of a claim for CaseMan, sent by the ``civil_claims.caseman_event_send``
    task. ``event_id`` goes with it every time it is sent, so CaseMan can ignore a resend
    it has already taken."""

    TRANSITIONS = CASEMAN_EVENT_TRANSITIONS

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="caseman_events")
    event_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField("event", max_length=30, choices=CasemanEventKind.choices)
    payload = models.JSONField(
        default=dict, help_text="The JSON sent (blanked by the retention rule once sent)."
    )
    status = models.CharField(
        max_length=15, choices=CasemanEventStatus.choices, default=CasemanEventStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(
        max_length=255, blank=True, help_text="What went wrong (status codes, never the JSON)."
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "CaseMan event"
        indexes = [
            models.Index(fields=["status", "status_changed_at"], name="cc_caseman_status_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display().lower()})"
