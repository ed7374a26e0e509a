"""A possession claim after issue: its hearings and the landlord's warrant of possession.

A hearing is listed by a caseworker (``services.possession_case``) with its type, start,
length and the notice's wording; it is adjourned, cancelled (each with a reason) or heard
(its outcome), through ``HEARING_TRANSITIONS``. The claim's own status says where the
case is (``POSSESSION_TRANSITIONS``). The warrant is the landlord's request after an
order: what is still owed, its fee (card or Help with Fees) and, once a caseworker issues
it, the eviction date and time.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ..constants import HwfOutcome
from ..possession_constants import (
    HEARING_NOTICE_WORDING_MAX_LENGTH,
    HEARING_TRANSITIONS,
    POSSESSION_TEXT_MAX_LENGTH,
    REASON_MAX_LENGTH,
    HearingKind,
    HearingOutcome,
    HearingStatus,
    WarrantBasis,
)
from .possession import PossessionClaim, PossessionFee

USER = settings.AUTH_USER_MODEL


class PossessionHearing(models.Model):
    """One hearing of a possession claim, as the caseworker listed it."""

    TRANSITIONS = HEARING_TRANSITIONS

    claim = models.ForeignKey(PossessionClaim, on_delete=models.CASCADE, related_name="hearings")
    kind = models.CharField("type", max_length=12, choices=HearingKind.choices)
    starts_at = models.DateTimeField("date and time")
    duration_days = models.PositiveSmallIntegerField(default=0)
    duration_hours = models.PositiveSmallIntegerField(default=0)
    duration_minutes = models.PositiveSmallIntegerField(default=0)
    notice_wording = models.TextField(
        "wording of the notice", validators=[MaxLengthValidator(HEARING_NOTICE_WORDING_MAX_LENGTH)]
    )
    short_notice_days = models.SmallIntegerField(
        null=True,
        blank=True,
        help_text="Days' notice when the papers would be served less than 21 days before it.",
    )
    status = models.CharField(
        max_length=10, choices=HearingStatus.choices, default=HearingStatus.LISTED
    )
    outcome = models.CharField(max_length=10, choices=HearingOutcome.choices, blank=True)
    reason = models.TextField(
        "reason for adjourning or cancelling",
        blank=True,
        validators=[MaxLengthValidator(REASON_MAX_LENGTH)],
    )
    listed_at = models.DateTimeField(default=timezone.now)
    listed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["claim", "starts_at", "id"]
        verbose_name = "possession hearing"

    def __str__(self):
        return f"{self.get_kind_display()} {timezone.localtime(self.starts_at):%d %b %Y %H:%M}"

    @property
    def reference_display(self) -> str:
        return self.claim.reference_display

    @property
    def duration_text(self) -> str:
        parts = [
            (self.duration_days, "day"),
            (self.duration_hours, "hour"),
            (self.duration_minutes, "minute"),
        ]
        words = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in parts if n]
        return ", ".join(words) or "not given"


class PossessionWarrant(models.Model):
    """The landlord's request for a warrant of possession (one per claim), its fee and,
    once issued, the eviction."""

    claim = models.OneToOneField(PossessionClaim, on_delete=models.CASCADE, related_name="warrant")
    basis = models.CharField(max_length=15, choices=WarrantBasis.choices)
    breach_details = models.TextField(
        "how the terms were broken",
        blank=True,
        validators=[MaxLengthValidator(POSSESSION_TEXT_MAX_LENGTH)],
    )
    amount_owed_pence = models.PositiveIntegerField("amount still owed")
    fee_pence = models.PositiveIntegerField("warrant fee")
    fee = models.ForeignKey(PossessionFee, null=True, on_delete=models.PROTECT, related_name="+")
    hwf_reference = models.CharField("Help with Fees reference", max_length=11, blank=True)
    hwf_outcome = models.CharField(
        "Help with Fees outcome", max_length=10, choices=HwfOutcome.choices, blank=True
    )
    hwf_fee_remitted_pence = models.PositiveIntegerField("fee remitted", default=0)
    hwf_amount_to_pay_pence = models.PositiveIntegerField(
        "still to pay after Help with Fees", null=True, blank=True
    )
    hwf_note = models.TextField("Help with Fees note to the claimant", blank=True)
    hwf_decided_at = models.DateTimeField(null=True, blank=True)
    hwf_decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    amount_paid_pence = models.PositiveIntegerField("amount paid", default=0)
    paid_at = models.DateTimeField(null=True, blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    requested_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    eviction_at = models.DateTimeField("eviction date and time", null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "warrant of possession"
        verbose_name_plural = "warrants of possession"

    def __str__(self):
        return f"Warrant of possession, claim {self.claim.reference_display}"
