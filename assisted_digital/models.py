"""Assisted-digital sessions (staff helping one citizen) and how each application was sent."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .constants import CHANNEL_PHRASES, Channel, ConsentMethod, IdentityCheck, Route


class AssistedDigitalPermissions(models.Model):
    """Holds the permissions of the assisted-digital roles (no table of its own)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("act_on_behalf", "Can help a citizen and act on their behalf"),
            ("view_all_sessions", "Can see every assisted-digital session"),
        ]

    def __str__(self):
        return "Assisted digital permissions"


class AssistedSession(models.Model):
    """A member of staff helping one citizen, through the citizen's own service pages.

    Started only with at least one identity check and the consent statement read
    and accepted (``services.assisted_session_start``); while it is active the
    agent's requests carry it as ``request.assisted_session`` and can see and
    change only this citizen's cases. ``status`` changes only through
    ``digital_services.core.transitions.transition_apply``, by ``TRANSITIONS``.
    """

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        ENDED = "ended", "Ended"

    TRANSITIONS = {Status.ACTIVE: frozenset({Status.ENDED}), Status.ENDED: frozenset()}

    class EndReason(models.TextChoices):
        ENDED_BY_AGENT = "ended_by_agent", "Ended by the member of staff"
        SIGNED_OUT = "signed_out", "Member of staff signed out"
        EXPIRED = "expired", "Timed out"

    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assisted_sessions_run"
    )
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assisted_sessions"
    )
    channel = models.CharField(max_length=20, choices=Channel.choices)
    citizen_created = models.BooleanField(
        default=False, help_text="The citizen's record was created at the start of this session."
    )
    identity_checks = models.JSONField(
        default=list, help_text=f"Which were checked: {', '.join(IdentityCheck.values)}."
    )
    consent_statement_version = models.CharField(max_length=20)
    consent_statement = models.TextField(help_text="The statement read to the citizen.")
    consent_accepted = models.BooleanField(default=False)
    consent_method = models.CharField(max_length=20, choices=ConsentMethod.choices)
    consent_read_at = models.DateTimeField()
    language = models.CharField(
        max_length=2,
        choices=[("en", "English"), ("cy", "Cymraeg")],
        default="en",
        help_text="The language the citizen wants: the service pages show in it during the "
        "session, and what they send is in it.",
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )
    started_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_seen_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.CharField(max_length=20, choices=EndReason.choices, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["agent"],
                condition=Q(status="active"),
                name="assisted_one_active_session_per_agent",
            ),
            models.CheckConstraint(
                condition=Q(consent_accepted=True), name="assisted_session_has_consent"
            ),
        ]

    def __str__(self):
        return f"{self.agent} helping {self.citizen} {self.channel_phrase}"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def citizen_name(self) -> str:
        return self.citizen.full_name or "the citizen"

    @property
    def channel_phrase(self) -> str:
        return CHANNEL_PHRASES[self.channel]

    @property
    def banner_text(self) -> str:
        return f"You are helping {self.citizen_name} {self.channel_phrase}"

    @property
    def language_url(self) -> str:
        return reverse("assisted_digital:session-language")

    @property
    def end_url(self) -> str:
        return reverse("assisted_digital:session-end")

    def identity_check_labels(self) -> list[str]:
        labels = dict(IdentityCheck.choices)
        return [str(labels.get(value, value)) for value in self.identity_checks]


class SubmissionRecord(models.Model):
    """How one application was sent: the route, the channel, who typed it, the consent.

    Written by the journeys engine for every application it sends, digital or
    assisted (``services.submission_record``), so digital take-up can be counted
    per service and the citizen's consent found for any assisted one. A service
    may link the case it created (``case``), from inside its submit function.
    """

    service = models.CharField(max_length=50, db_index=True)
    journey = models.CharField(max_length=50)
    journey_key = models.CharField(
        max_length=64, blank=True, help_text="The draft's id (pairs with performance events)."
    )
    route = models.CharField(max_length=10, choices=Route.choices)
    started_route = models.CharField(
        max_length=10, choices=Route.choices, help_text="The route of the draft's first answer."
    )
    channel = models.CharField(
        max_length=20, choices=Channel.choices, blank=True, help_text="Assisted only."
    )
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submissions",
        help_text="Whose application it is (empty: sent without signing in).",
    )
    typed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who pressed send: the citizen, or the member of staff helping them.",
    )
    assisted_session = models.ForeignKey(
        AssistedSession,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submissions",
        help_text="Assisted only: the session, which holds the consent.",
    )
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64, blank=True)
    case = GenericForeignKey("content_type", "object_id")
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        default_permissions = ("view",)
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(route="assisted", assisted_session__isnull=False) & ~Q(channel="")
                    | Q(route="digital", assisted_session__isnull=True, channel="")
                ),
                name="assisted_submission_route_matches_session",
            ),
        ]

    def __str__(self):
        return f"{self.service}/{self.journey} sent ({self.get_route_display().lower()})"
