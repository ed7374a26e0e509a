"""The defendant's side, designed now and used by the next issue: the response (with a
payment plan and statement of means), the claimant's reply, and the judgment."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ..constants import (
    JUDGMENT_TRANSITIONS,
    Channel,
    CourtDecision,
    DefenceType,
    FormaliseOption,
    InstalmentFrequency,
    JudgmentStatus,
    JudgmentType,
    MediationResult,
    PaymentOption,
    ResponseType,
)
from .claims import Claim
from .parties import Party

USER = settings.AUTH_USER_MODEL


class PaymentPlan(models.Model):
    """How money is to be paid: immediately, by a date, or by instalments. Abstract:
    a response offers one, a claimant's reply proposes one, a judgment orders one."""

    payment_option = models.CharField(max_length=12, choices=PaymentOption.choices, blank=True)
    pay_by_date = models.DateField(null=True, blank=True)
    instalment_amount_pence = models.PositiveIntegerField("instalment", null=True, blank=True)
    instalment_first_date = models.DateField(null=True, blank=True)
    instalment_frequency = models.CharField(
        max_length=12, choices=InstalmentFrequency.choices, blank=True
    )

    class Meta:
        abstract = True


class Response(PaymentPlan):
    """The defendant's response to a claim (online, by post or by phone)."""

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="response")
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    response_type = models.CharField(max_length=20, choices=ResponseType.choices)
    defence_type = models.CharField(max_length=15, choices=DefenceType.choices, blank=True)
    admitted_amount_pence = models.PositiveIntegerField("amount admitted", null=True, blank=True)
    paid_amount_pence = models.PositiveIntegerField("amount already paid", null=True, blank=True)
    paid_on = models.DateField(null=True, blank=True)
    paid_how = models.TextField(blank=True)
    defence = models.TextField(blank=True)
    impact_of_dispute = models.TextField(blank=True)
    free_mediation = models.BooleanField(null=True)
    statement_of_means = models.JSONField(
        default=dict,
        blank=True,
        help_text="Bank accounts, residence, dependants, employment, debts, income and "
        "expenses (individuals asking for time to pay).",
    )
    directions_questionnaire = models.JSONField(default=dict, blank=True)
    sot_signer_name = models.CharField(max_length=70, blank=True)
    sot_signer_role = models.CharField(max_length=255, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self):
        return self.get_response_type_display()


class ClaimantReply(PaymentPlan):
    """The claimant's answer to the response: accept or reject, and what happens next."""

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="claimant_reply")
    accepts = models.BooleanField()
    formalise_option = models.CharField(max_length=15, choices=FormaliseOption.choices, blank=True)
    rejection_reason = models.TextField(blank=True)
    free_mediation = models.BooleanField(null=True)
    intends_to_proceed = models.BooleanField(null=True)
    court_decision = models.CharField(
        max_length=40,
        blank=True,
        choices=CourtDecision.choices,
        help_text="Whose plan the court chose: claimant, defendant, court, or claimant in "
        "favour of defendant.",
    )
    decision_reason = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # A settlement agreement: the defendant countersigns (or declines) by a day.
    settlement_countersign_by = models.DateField(null=True, blank=True)
    settlement_countersigned_at = models.DateTimeField(null=True, blank=True)
    settlement_declined_at = models.DateTimeField(null=True, blank=True)
    mediation_result = models.CharField(max_length=10, choices=MediationResult.choices, blank=True)
    mediation_recorded_at = models.DateTimeField(null=True, blank=True)
    mediation_recorded_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "claimant replies"

    def __str__(self):
        return "Accepts" if self.accepts else "Rejects"


class Judgment(PaymentPlan):
    """A county court judgment on the claim (one per claim)."""

    TRANSITIONS = JUDGMENT_TRANSITIONS

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="judgment")
    kind = models.CharField(max_length=15, choices=JudgmentType.choices)
    status = models.CharField(
        max_length=10, choices=JudgmentStatus.choices, default=JudgmentStatus.REQUESTED
    )
    defendant_date_of_birth = models.DateField(null=True, blank=True)
    amount_already_paid_pence = models.PositiveIntegerField("amount already paid", default=0)
    total_pence = models.PositiveIntegerField(
        "judgment total", help_text="Claim + interest to the day + fee paid − already paid."
    )
    # The total worked out (kept as it was on the day of the request).
    claim_amount_pence = models.PositiveIntegerField("amount claimed", default=0)
    interest_pence = models.PositiveIntegerField("interest to the day", default=0)
    fee_paid_pence = models.PositiveIntegerField("court fee paid", default=0)
    interest_to = models.DateField("interest worked out to", null=True, blank=True)
    redetermination_requested_at = models.DateTimeField(null=True, blank=True)
    redetermination_requested_by_role = models.CharField(max_length=10, blank=True)
    redetermination_reason = models.TextField(blank=True)
    entered_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    requested_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField(null=True, blank=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    set_aside_at = models.DateTimeField(null=True, blank=True)
    claimant_reminded_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the claimant was reminded of a default judgment not yet entered.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self):
        return self.get_kind_display()
