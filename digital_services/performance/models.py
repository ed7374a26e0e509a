"""What the Service Standard's KPIs are counted from (point 10).

``PerformanceEvent`` rows say a journey was started or completed, by which
channel and with what outcome. ``SatisfactionResponse`` rows come from the
feedback page. Neither holds personal data: no user, no name, no reference.
Cost per transaction comes from finance data outside the app.
"""

from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 1200


class PerformanceEvent(models.Model):
    class Kind(models.TextChoices):
        JOURNEY_STARTED = "journey_started", "Journey started"
        JOURNEY_COMPLETED = "journey_completed", "Journey completed"

    class Channel(models.TextChoices):
        DIGITAL = "digital", "Digital"
        ASSISTED = "assisted", "Assisted digital"

    class ChannelDetail(models.TextChoices):
        PHONE = "phone", "Phone"
        FACE_TO_FACE = "face_to_face", "Face to face"
        WEBCHAT = "webchat", "Webchat"
        PAPER = "paper", "Paper (typed in by staff)"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    service = models.CharField(max_length=50)
    journey = models.CharField(max_length=100)
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.DIGITAL)
    channel_detail = models.CharField(
        max_length=20,
        choices=ChannelDetail.choices,
        blank=True,
        help_text="How an assisted-digital journey was done.",
    )
    outcome = models.CharField(
        max_length=50,
        blank=True,
        help_text="How a completed journey ended, for example submitted or not_eligible.",
    )
    journey_key = models.CharField(
        max_length=64,
        blank=True,
        db_index=True,
        help_text="An opaque key (such as a draft's UUID) pairing a start with its completion.",
    )
    occurred_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["service", "kind", "occurred_at"], name="perf_event_kpi_idx"),
            # The staff list, newest first (its ordering): a page without sorting every event.
            models.Index(fields=["-occurred_at", "-id"], name="perf_event_newest_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["journey_started", "journey_completed"]),
                name="perf_event_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(channel="assisted") | models.Q(channel_detail=""),
                name="perf_event_channel_detail_only_when_assisted",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="journey_started", outcome="")
                    | (models.Q(kind="journey_completed") & ~models.Q(outcome=""))
                ),
                name="perf_event_outcome_only_when_completed",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.service}/{self.journey} ({self.channel})"


class SatisfactionResponse(models.Model):
    class Rating(models.IntegerChoices):
        VERY_SATISFIED = 5, "Very satisfied"
        SATISFIED = 4, "Satisfied"
        NEITHER = 3, "Neither satisfied nor dissatisfied"
        DISSATISFIED = 2, "Dissatisfied"
        VERY_DISSATISFIED = 1, "Very dissatisfied"

    rating = models.PositiveSmallIntegerField(choices=Rating.choices)
    comment = models.TextField(blank=True, max_length=COMMENT_MAX_LENGTH)
    service = models.CharField(max_length=50, blank=True, db_index=True)
    journey = models.CharField(max_length=100, blank=True)
    page = models.CharField(
        max_length=500, blank=True, help_text="The path of the page the feedback link was on."
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5),
                name="satisfaction_rating_1_to_5",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("comment"), COMMENT_MAX_LENGTH),
                name="satisfaction_comment_max_length",
            ),
        ]

    def __str__(self):
        return f"{self.get_rating_display()} ({self.service or 'no service'})"


class ContactMessage(models.Model):
    """A message from the contact form on the feedback page: what it is about, which service,
    the reference if any, the message and (optionally) an email address for a reply. Unlike
    a satisfaction answer it may name someone; staff read it in the admin, and it is deleted
    after ``RETENTION_FEEDBACK_COMMENTS_DAYS`` (privacy.rules)."""

    class Topic(models.TextChoices):
        PROBLEM = "problem", _("A problem using the service")
        APPLICATION = "application", _("A question about an application or booking")
        ACCESSIBILITY = "accessibility", _("Accessibility: something you could not use")
        SUGGESTION = "suggestion", _("A suggestion")
        OTHER = "other", _("Something else")

    topic = models.CharField("what it is about", max_length=20, choices=Topic.choices)
    service = models.CharField(max_length=50, blank=True, db_index=True)
    reference = models.CharField(max_length=30, blank=True)
    message = models.TextField(max_length=COMMENT_MAX_LENGTH)
    email = models.EmailField("email address for a reply", blank=True)
    page = models.CharField(
        max_length=500, blank=True, help_text="The path of the page the feedback link was on."
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("message"), COMMENT_MAX_LENGTH),
                name="contact_message_max_length",
            ),
        ]

    def __str__(self):
        return f"{self.get_topic_display()} ({self.service or 'no service'})"
