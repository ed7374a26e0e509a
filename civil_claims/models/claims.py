"""The claim: what the claimant asked for, the fee, and what happened to it.

One ``status`` field, changed only by ``core.transitions.transition_apply`` from
``civil_claims.services``. The claimant's answers are kept as submitted: the amount
rows, timeline and evidence as rows; the interest answers as fields, with the
interest worked out to the issue date stamped when the claim is issued.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from digital_services.core.references import reference_display

from ..constants import (
    CLAIM_TRANSITIONS,
    REASON_MAX_LENGTH,
    SOT_SIGNER_NAME_MAX_LENGTH,
    SOT_SIGNER_ROLE_MAX_LENGTH,
    TIMELINE_DATE_MAX_LENGTH,
    ClaimStatus,
    EvidenceType,
    HwfOutcome,
    PartyRole,
)
from ..interest import ContinuingKind, InterestAnswers, InterestEnd, InterestKind, InterestStart

USER = settings.AUTH_USER_MODEL


class ClaimNumberCounter(models.Model):
    """The claim-number counter on databases without sequences (SQLite for ``make run``).

    On PostgreSQL the number comes from the sequence ``civil_claims_claim_number_seq``
    (migration 0004); this one-row table is used only elsewhere.
    """

    value = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "claim number counter"

    def __str__(self):
        return str(self.value)


class Claim(models.Model):
    """A money claim, from submission to its end."""

    TRANSITIONS = CLAIM_TRANSITIONS  # the allowed moves of ``status`` (core.transitions)

    reference = models.CharField(
        max_length=12, unique=True, help_text="Given when the claim is submitted."
    )
    claim_number = models.CharField(
        max_length=8, unique=True, null=True, blank=True, help_text="Given when it is issued."
    )
    user = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    language = models.CharField(
        max_length=2, default="en", choices=[("en", "English"), ("cy", "Cymraeg")]
    )
    channel = models.CharField(
        max_length=10,
        default="online",
        choices=[("online", "Online"), ("assisted", "Assisted digital")],
        help_text="Assisted digital: a member of staff typed it for the claimant.",
    )

    # The claim.
    reason = models.TextField(validators=[MaxLengthValidator(REASON_MAX_LENGTH)])
    dispute_resolution_tried = models.BooleanField(
        default=False, help_text="The claimant tried to resolve the dispute before claiming."
    )
    amount_pence = models.PositiveIntegerField(
        "amount claimed", help_text="The total of the amount rows."
    )

    # Interest: the claimant's answers (civil_claims.interest.InterestAnswers).
    interest_kind = models.CharField(
        max_length=12, choices=InterestKind.CHOICES, default=InterestKind.NONE
    )
    interest_rate = models.DecimalField(
        "interest rate (% a year)", max_digits=6, decimal_places=3, null=True, blank=True
    )
    interest_rate_reason = models.TextField(blank=True)
    interest_start = models.CharField(
        max_length=12, choices=InterestStart.CHOICES, default=InterestStart.SUBMISSION
    )
    interest_start_date = models.DateField(null=True, blank=True)
    interest_start_reason = models.TextField(blank=True)
    interest_end = models.CharField(
        max_length=12, choices=InterestEnd.CHOICES, default=InterestEnd.SETTLED
    )
    interest_breakdown_total_pence = models.PositiveIntegerField(
        "interest worked out by the claimant", default=0
    )
    interest_breakdown_explanation = models.TextField(blank=True)
    interest_continuing = models.CharField(
        max_length=8, choices=ContinuingKind.CHOICES, default=ContinuingKind.NONE
    )
    interest_continuing_rate = models.DecimalField(
        max_digits=6, decimal_places=3, null=True, blank=True
    )
    interest_continuing_daily_pence = models.DecimalField(
        "continuing daily amount", max_digits=14, decimal_places=4, null=True, blank=True
    )
    # Interest worked out to the issue date (or to submission, before issue).
    interest_to_date_pence = models.PositiveIntegerField("interest to date", default=0)
    interest_days = models.PositiveIntegerField(default=0)
    interest_daily_pence = models.DecimalField(
        "daily interest", max_digits=20, decimal_places=10, default=Decimal(0)
    )

    # The court fee, worked out on amount + interest to date.
    fee_pence = models.PositiveIntegerField("court fee")
    fee_basis_pence = models.PositiveIntegerField(
        "fee worked out on", help_text="The amount claimed plus interest to date."
    )
    fee_band = models.ForeignKey(
        "civil_claims.IssueFeeBand", null=True, on_delete=models.PROTECT, related_name="+"
    )
    fee_code = models.CharField(max_length=10, blank=True)
    amount_paid_pence = models.PositiveIntegerField("amount paid", default=0)
    paid_at = models.DateTimeField(null=True, blank=True)

    # Help with Fees.
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

    # Statement of truth.
    sot_signed = models.BooleanField("statement of truth signed", default=False)
    sot_signer_name = models.CharField(max_length=SOT_SIGNER_NAME_MAX_LENGTH, blank=True)
    sot_signer_role = models.CharField(max_length=SOT_SIGNER_ROLE_MAX_LENGTH, blank=True)

    # Dates.
    status = models.CharField(
        max_length=30, choices=ClaimStatus.choices, default=ClaimStatus.AWAITING_PAYMENT
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(default=timezone.now)
    issued_at = models.DateTimeField(null=True, blank=True)
    issue_date = models.DateField(null=True, blank=True, db_index=True)
    deemed_service_date = models.DateField(null=True, blank=True)
    response_deadline = models.DateField(null=True, blank=True)
    more_time_given_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    # The deadline each reminder to respond was sent for: 5 days and 1 day before it, once
    # each (a new deadline after more time gets its own).
    reminder_first_sent_for = models.DateField(null=True, blank=True)
    reminder_last_sent_for = models.DateField(null=True, blank=True)
    stayed_at = models.DateTimeField(null=True, blank=True)
    stayed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    stay_reason = models.TextField(blank=True)
    stay_lifted_at = models.DateTimeField(null=True, blank=True)
    stay_lifted_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    transferred_at = models.DateTimeField(null=True, blank=True)
    transferred_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    transfer_court = models.CharField(max_length=120, blank=True)
    transfer_reason = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    settled_at = models.DateTimeField(null=True, blank=True)
    money_received_on = models.DateField(
        null=True, blank=True, help_text="Paid in full: the day the claimant says they were paid."
    )
    current_order = models.ForeignKey(
        "civil_claims.DirectionsOrder",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The directions order in force (the latest drawn), read by the dashboards.",
    )
    ready_for_transfer_at = models.DateTimeField(null=True, blank=True)

    sealed_claim_form = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(fields=["status", "status_changed_at"], name="cc_claim_status_idx"),
            # The staff list, newest first (its ordering): a top-N index scan, not a sort.
            models.Index(fields=["-submitted_at", "-id"], name="cc_claim_admin_list_idx"),
            # Queues oldest first: Help with Fees to decide (status, then submitted_at).
            models.Index(fields=["status", "submitted_at", "id"], name="cc_claim_queue_idx"),
            # Issued today, newest first.
            models.Index(
                fields=["issue_date", "-submitted_at", "-id"], name="cc_claim_issued_today_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_pence__gte=1),
                name="civil_claims_claim_amount_positive",
                violation_error_message="A claim is for at least £0.01",
            ),
        ]
        permissions = [
            ("decide_hwf_claim", "Can decide Help with Fees on a claim"),
            ("manage_claim", "Can stay, transfer and change the contact details of a claim"),
            ("export_claim", "Can export issued claims"),
        ]

    def __str__(self):
        return self.claim_number or self.reference_display

    @property
    def reference_display(self) -> str:
        return self.claim_number or reference_display(self.reference)

    @property
    def total_claimed_pence(self) -> int:
        """Amount plus interest to date plus the fee: what the claim form asks for."""
        return self.amount_pence + self.interest_to_date_pence + self.fee_pence

    @property
    def continuing_daily_pence(self) -> Decimal:
        """The daily interest that keeps accruing after issue (0 when interest stops)."""
        if (
            self.interest_kind == InterestKind.SAME_RATE
            and self.interest_end == InterestEnd.SETTLED
        ):
            return self.interest_daily_pence
        if self.interest_kind == InterestKind.BREAKDOWN and self.interest_continuing != "none":
            return self.interest_daily_pence
        return Decimal(0)

    @property
    def interest_rate_text(self) -> str:
        """The yearly rate as people write it: "8%", "2.5%" (8% statutory when none is set)."""
        return f"{self.interest_rate.normalize():f}%" if self.interest_rate is not None else "8%"

    @property
    def is_issued(self) -> bool:
        return self.claim_number is not None

    def interest_answers(self) -> InterestAnswers:
        """The interest answers as the dataclass ``civil_claims.interest`` works on."""
        return InterestAnswers(
            kind=self.interest_kind,
            rate=self.interest_rate,
            rate_reason=self.interest_rate_reason,
            start=self.interest_start,
            start_date=self.interest_start_date,
            start_reason=self.interest_start_reason,
            end=self.interest_end,
            breakdown_total_pence=self.interest_breakdown_total_pence,
            breakdown_explanation=self.interest_breakdown_explanation,
            continuing=self.interest_continuing,
            continuing_rate=self.interest_continuing_rate,
            continuing_daily_pence=self.interest_continuing_daily_pence,
        )

    def party(self, role: str):
        return next((p for p in self.parties.all() if p.role == role), None)

    @property
    def claimant(self):
        return self.party(PartyRole.CLAIMANT)

    @property
    def defendant(self):
        return self.party(PartyRole.DEFENDANT)


class AmountRow(models.Model):
    """One line of what is claimed: a reason and an amount."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="amount_rows")
    position = models.PositiveIntegerField()
    reason = models.CharField(max_length=255)
    amount_pence = models.PositiveIntegerField("amount", validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["claim", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "position"],
                name="civil_claims_amountrow_position_unique",
                violation_error_message="Each row of the claim has its own position",
            ),
            models.CheckConstraint(
                condition=Q(amount_pence__gte=1),
                name="civil_claims_amountrow_positive",
                violation_error_message="Each amount must be at least £0.01",
            ),
        ]

    def __str__(self):
        return self.reason


class TimelineEvent(models.Model):
    """One dated event in a party's timeline (the claimant's; later the defendant's)."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="timeline_events")
    party_role = models.CharField(
        max_length=10, choices=PartyRole.choices, default=PartyRole.CLAIMANT
    )
    position = models.PositiveIntegerField()
    date_text = models.CharField(
        "date", max_length=TIMELINE_DATE_MAX_LENGTH, help_text="As the party wrote it."
    )
    description = models.TextField()

    class Meta:
        ordering = ["claim", "party_role", "position"]

    def __str__(self):
        return self.date_text


class EvidenceItem(models.Model):
    """One piece of evidence a party says they have, by type (no file is uploaded)."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence_items")
    party_role = models.CharField(
        max_length=10, choices=PartyRole.choices, default=PartyRole.CLAIMANT
    )
    position = models.PositiveIntegerField()
    kind = models.CharField("type", max_length=25, choices=EvidenceType.choices)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["claim", "party_role", "position"]

    def __str__(self):
        return self.get_kind_display()
