"""Drafts of journeys in progress, and the single-use links that resume them."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q


class Draft(models.Model):
    """The answers given so far to one journey, by one user or one browser session.

    A draft belongs to a signed-in ``user`` or, for someone not signed in, to a
    ``session_key``: a random key kept in their session (not Django's session id, which
    changes at sign-in). It is deleted when the application is sent, and after
    ``expires_at`` by the ``journeys.drafts_expire`` beat job.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="journey_drafts",
    )
    session_key = models.CharField(max_length=64, blank=True, db_index=True)
    service = models.CharField(max_length=50)
    journey = models.CharField(max_length=50)
    answers = models.JSONField(default=dict, blank=True)
    current_step = models.CharField(
        max_length=50, blank=True, help_text="The last step answered: where people stop."
    )
    channel = models.CharField(max_length=20, default="digital")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "service", "journey"],
                condition=Q(user__isnull=False),
                name="journeys_one_draft_per_user_and_journey",
            ),
            models.UniqueConstraint(
                fields=["session_key", "service", "journey"],
                condition=Q(user__isnull=True),
                name="journeys_one_draft_per_session_and_journey",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(session_key=""),
                name="journeys_draft_has_an_owner",
            ),
        ]

    def __str__(self):
        return f"Draft {self.pk} of {self.service}/{self.journey}"


class ResumeLink(models.Model):
    """A link emailed to someone not signed in, so they can come back to their draft.

    The emailed token is this row's ``nonce`` signed with a timestamp; it works once,
    for as long as the draft exists (``selectors.resume_link_max_age``).
    """

    class Status(models.TextChoices):
        ISSUED = "issued", "Issued"
        USED = "used", "Used"

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="resume_links")
    nonce = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ISSUED)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Resume link {self.pk} ({self.get_status_display().lower()})"
