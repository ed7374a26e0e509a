"""A lasting power of attorney being made (or made) by a signed-in account.

One row per LPA: one donor and one type. The applicant's answers are kept as they are
given, step by step, in ``answers`` (the journeys codec's format, keyed by step slug:
see ``journeys``); ``selectors.lpa_details`` reads them back as typed people and
decisions for pages and documents. ``status`` is the one workflow field: in progress
until completed, which locks the LPA (``services.lpa_complete``). Whether it is
"created" (ready for a draft LP1) is worked out from the answers, never stored.

Payments and documents point at an LPA through their own generic keys
(``payments.Payment``, ``documents.Document``), so none is named here.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from digital_services.core.references import reference_display

from .constants import (
    FEE_DECISION_TRANSITIONS,
    LPA_TRANSITIONS,
    OBJECTION_TRANSITIONS,
    FeeDecisionStatus,
    LpaStatus,
    LpaType,
    ObjectionOutcome,
    ObjectionType,
    PaymentMethod,
)


class Lpa(models.Model):
    TRANSITIONS = LPA_TRANSITIONS  # the allowed moves of ``status`` (core.transitions)

    reference = models.CharField(
        max_length=12, unique=True, help_text="Shown to the applicant as A000 0000 0000."
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lasting_powers",
        help_text="The account the LPA belongs to (the citizen, also when an agent typed it). "
        "Empty once the account was closed: an LPA OPG has received is kept as its record.",
    )
    lpa_type = models.CharField("type", max_length=30, choices=LpaType.choices)
    status = models.CharField(
        max_length=30, choices=LpaStatus.choices, default=LpaStatus.IN_PROGRESS
    )
    answers = models.JSONField(
        default=dict, blank=True, help_text="The answers by step, as they were given."
    )
    acknowledged = models.JSONField(
        default=list,
        blank=True,
        help_text="The warnings the applicant has read and chosen to continue past.",
    )
    seed = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reused_by",
        help_text="The earlier LPA whose people this one was started from.",
    )
    donor_name = models.CharField(
        max_length=120,
        blank=True,
        db_index=True,
        help_text="The donor's full name, kept for searching the dashboard.",
    )
    channel = models.CharField(
        max_length=20,
        default="digital",
        choices=[("digital", "Online"), ("assisted", "By phone with an agent")],
    )
    language = models.CharField(
        max_length=2, default="en", choices=[("en", "English"), ("cy", "Cymraeg")]
    )

    # The fee, as worked out when the applicant went to pay (lasting_power.fees).
    fee_pence = models.PositiveIntegerField(
        "fee", null=True, blank=True, help_text="Empty: not worked out yet, or decided later."
    )
    fee_reduction = models.JSONField(
        default=dict, blank=True, help_text="The fee reduction answers, as given."
    )
    payment_method = models.CharField(max_length=10, choices=PaymentMethod.choices, blank=True)

    # The notes' inactive-account timetable (lasting_power.retention): when the account's
    # owner was warned that this LPA will be deleted if they do not sign in.
    inactivity_warned_at = models.DateTimeField(null=True, blank=True)
    inactivity_final_warning_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who completed it: the applicant, or the agent acting for them.",
    )

    # Registration at the Office of the Public Guardian (lasting_power.registration).
    received_on = models.DateField(
        "date received", null=True, blank=True, help_text="The day OPG received the signed LPA."
    )
    received_at = models.DateTimeField(null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_at = models.DateTimeField(null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    problems = models.JSONField(
        default=list, blank=True, help_text="What must be corrected (the last check)."
    )
    problems_cy = models.JSONField(
        default=list,
        blank=True,
        help_text="The same problems in Welsh, for a Welsh page or letter.",
    )
    notices_sent_at = models.DateTimeField(null=True, blank=True)
    notices_sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    waiting_period_ends_on = models.DateField(
        null=True,
        blank=True,
        help_text="The last day of the 4-week waiting period; it can be registered after it.",
    )
    waiting_period_ended_at = models.DateTimeField(null=True, blank=True)
    registered_on = models.DateField(null=True, blank=True)
    registered_at = models.DateTimeField(null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status_reason = models.TextField(
        blank=True, help_text="Why it cannot be registered, was withdrawn, cancelled, ..."
    )
    status_reason_at = models.DateTimeField(null=True, blank=True)
    status_reason_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-updated_at", "-id"]
        permissions = [
            ("receive_lpa", "Receive and check signed LPAs"),
            ("register_lpa", "Give notice of, register and change the status of LPAs"),
            ("objections_lpa", "Record and resolve objections to LPAs"),
            ("fees_lpa", "Decide fee reductions and exemptions on LPAs, with refunds"),
        ]
        verbose_name = "lasting power of attorney"
        verbose_name_plural = "lasting powers of attorney"
        indexes = [
            models.Index(fields=["user", "-updated_at"], name="lpa_user_updated_idx"),
            # The staff list, newest first (its ordering), whole or by status.
            models.Index(fields=["-updated_at", "-id"], name="lpa_admin_list_idx"),
            models.Index(fields=["status", "-updated_at", "-id"], name="lpa_admin_status_idx"),
        ]

    def __str__(self):
        return f"LPA {self.reference_display}"

    @property
    def reference_display(self) -> str:
        return reference_display(self.reference, group=4)

    @property
    def is_locked(self) -> bool:
        """A completed LPA can no longer change (the notes' LockedException), nor can one
        OPG has received, registered or closed."""
        return self.status != LpaStatus.IN_PROGRESS


class LpaFeeRate(models.Model):
    """The LPA fee amounts in force from ``effective_from`` until the next row starts
    (lasting_power.fees reads them). A fee change is a new row with its first day, so
    an LPA is always charged the amounts of its own day."""

    effective_from = models.DateField(unique=True, help_text="The first day these fees apply.")
    full_pence = models.PositiveIntegerField("full fee")
    repeat_pence = models.PositiveIntegerField("repeat application fee")
    low_income_pence = models.PositiveIntegerField("fee on a low income")
    low_income_repeat_pence = models.PositiveIntegerField("repeat fee on a low income")
    source = models.CharField(max_length=200, blank=True, help_text="Where the amounts come from.")

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = "LPA fee rate"

    def __str__(self):
        return f"LPA fees from {self.effective_from:%d %B %Y}"


class Objection(models.Model):
    """An objection to registering one or more LPAs [S objections]: when it was received,
    its type and notes. Each LPA it is about is resolved on its own (``ObjectionLpa``);
    while one is open (or was upheld) that LPA cannot be registered."""

    received_on = models.DateField("date received")
    objection_type = models.CharField("type", max_length=20, choices=ObjectionType.choices)
    notes = models.TextField(blank=True)
    lpas = models.ManyToManyField(Lpa, through="ObjectionLpa", related_name="objections")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self):
        return f"{self.get_objection_type_display()} objection received {self.received_on:%d/%m/%Y}"


class ObjectionLpa(models.Model):
    """One LPA an objection is about, and the objection's outcome for it."""

    TRANSITIONS = OBJECTION_TRANSITIONS

    objection = models.ForeignKey(Objection, on_delete=models.CASCADE, related_name="links")
    lpa = models.ForeignKey(Lpa, on_delete=models.CASCADE, related_name="objection_links")
    status = models.CharField(
        "outcome", max_length=20, choices=ObjectionOutcome.choices, default=ObjectionOutcome.OPEN
    )
    resolution_notes = models.TextField(blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status_changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["objection", "lpa"],
                name="objection_lpa_once",
                violation_error_message="This objection is already about that LPA.",
            )
        ]
        verbose_name = "LPA objected to"

    def __str__(self):
        return f"{self.objection} about LPA {self.lpa.reference_display}"

    @property
    def reference_display(self) -> str:
        return self.lpa.reference_display


class FeeDecision(models.Model):
    """A caseworker's decision on the fee reduction or exemption asked for with an LPA
    (``lasting_power.fee_decisions``): the donor's evidence came with the signed LPA.
    Universal Credit is decided here too. An approval that lowers a fee already paid by
    card refunds the difference through the platform's payments (``refund``)."""

    TRANSITIONS = FEE_DECISION_TRANSITIONS

    lpa = models.OneToOneField(Lpa, on_delete=models.CASCADE, related_name="fee_decision")
    status = models.CharField(
        max_length=20, choices=FeeDecisionStatus.choices, default=FeeDecisionStatus.PENDING
    )
    reduction_asked = models.CharField(
        max_length=20, blank=True, help_text="The reduction asked for (lasting_power.fees)."
    )
    reduction_given = models.CharField(
        max_length=20, blank=True, help_text="The reduction approved: exemption or remission."
    )
    fee_before_pence = models.PositiveIntegerField("fee before the decision", null=True, blank=True)
    fee_after_pence = models.PositiveIntegerField("fee decided", null=True, blank=True)
    notes = models.TextField(
        blank=True, help_text="Why, or the evidence asked for (sent to the correspondent)."
    )
    refund = models.ForeignKey(
        "payments.Refund", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    evidence_asked_at = models.DateTimeField(null=True, blank=True)
    evidence_asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "LPA fee decision"

    def __str__(self):
        return f"Fee decision on {self.lpa}"

    @property
    def reference_display(self) -> str:
        return self.lpa.reference_display


class AttorneyRemoval(models.Model):
    """An attorney removed from an LPA by a caseworker, with the reason [S remove an
    attorney], and the replacement attorney who stepped in, if any. Who acts is worked out
    from the answers and these rows (``attorneys.lpa_attorneys_acting``), never stored twice.
    ``person`` and ``replacement`` name people on the LPA by role and key
    ("attorney:1", "replacement:2", "attorney:trust")."""

    lpa = models.ForeignKey(Lpa, on_delete=models.CASCADE, related_name="attorney_removals")
    person = models.CharField(max_length=30)
    reason = models.TextField()
    replacement = models.CharField(max_length=30, blank=True)
    removed_at = models.DateTimeField(default=timezone.now)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["removed_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["lpa", "person"],
                name="attorney_removed_once",
                violation_error_message="This attorney was removed already.",
            )
        ]

    def __str__(self):
        return f"Attorney removed from {self.lpa}"


class AttorneyAccess(models.Model):
    """The access code posted to an attorney named on a registered LPA, and the account
    that linked the LPA with it (``attorneys.attorney_lpa_link``). Only a keyed hash of
    the code is kept; it is used once. A new code for the same attorney revokes the old."""

    lpa = models.ForeignKey(Lpa, on_delete=models.CASCADE, related_name="attorney_accesses")
    person = models.CharField(max_length=30, help_text="The attorney, as 'attorney:1'.")
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lpa_attorney_links",
        help_text="The attorney's account, once they linked the LPA.",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "attorney access code"

    def __str__(self):
        return f"Attorney access code for {self.lpa}"

    @property
    def is_live(self) -> bool:
        return self.used_at is None and self.revoked_at is None
