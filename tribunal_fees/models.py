"""Pay tribunal fees: the fee schedule, fee cases, Help with Fees and refund applications.

Money is integer pence. Each workflow model has one ``status`` field, changed only
by the transitions in ``services`` (which stamp ``<verb>_at`` / ``<verb>_by`` and
record an audit event). Field history is kept by django-simple-history.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from simple_history.models import HistoricalRecords

from digital_services.core.dates import date_format
from digital_services.core.money import pence_format

from .constants import (
    BANDED_KINDS,
    ET_CASE_NUMBER,
    FEE_CASE_TRANSITIONS,
    HWF_TRANSITIONS,
    REFUND_TRANSITIONS,
    Benefit,
    ClaimantBand,
    ClaimType,
    FeeCaseStatus,
    FeeKind,
    FeeRefundReason,
    HwfOutcome,
    HwfScheme,
    HwfStatus,
    IncomePeriod,
    Jurisdiction,
    PaidElsewhereMethod,
    PayerRole,
    PaymentMethod,
    RefundFeeKind,
    RefundIssueMethod,
    RefundProfile,
    RefundStatus,
    Region,
)
from .remission import hwf_savings_band_choices

USER = settings.AUTH_USER_MODEL


def et_case_number_validate(value: str) -> None:
    """An employment tribunal case number: 7 digits, a slash and the year (1234567/2016)."""
    match = ET_CASE_NUMBER.match((value or "").strip())
    if not match or not 1990 <= int(match.group(2)) <= timezone.localdate().year:
        raise ValidationError(
            gettext("Enter the case number in the right format, like 1234567/2016"),
            code="case_number",
        )


class FeeSchedule(models.Model):
    """One fee amount, in force from ``effective_from`` to ``effective_to`` (inclusive;
    empty means still in force). Administrators edit the table in the admin; a fee
    case keeps the row and the amount it was charged, so a later change never
    changes an old case."""

    jurisdiction = models.CharField(max_length=3, choices=Jurisdiction.choices)
    kind = models.CharField(max_length=30, choices=FeeKind.choices)
    claim_type = models.CharField(max_length=3, choices=ClaimType.choices)
    claimant_band = models.CharField(max_length=6, choices=ClaimantBand.choices)
    amount_pence = models.PositiveIntegerField("amount")
    effective_from = models.DateField()
    effective_to = models.DateField(
        null=True, blank=True, help_text="The last day this fee is in force. Empty: no end yet."
    )
    notes = models.CharField(max_length=200, blank=True, help_text="Where the amount comes from.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["jurisdiction", "kind", "claim_type", "claimant_band", "-effective_from"]
        indexes = [models.Index(fields=["jurisdiction", "kind", "effective_from"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True)
                | Q(effective_to__gte=models.F("effective_from")),
                name="tribunal_fees_schedule_period_forwards",
                violation_error_message="The end date must be the same as or after the start date",
            )
        ]

    def __str__(self):
        band = (
            ""
            if self.claimant_band == ClaimantBand.ANY
            else f", {self.get_claimant_band_display()}"
        )
        return (
            f"{self.get_kind_display()} ({self.jurisdiction}, {self.get_claim_type_display()}{band}) "
            f"from {date_format(self.effective_from)}"
        )

    def overlapping(self) -> models.QuerySet[FeeSchedule]:
        """Rows for the same fee whose periods overlap this one ("any" overlaps everything)."""
        types = (
            ClaimType.values
            if self.claim_type == ClaimType.ANY
            else [self.claim_type, ClaimType.ANY]
        )
        bands = (
            ClaimantBand.values
            if self.claimant_band == ClaimantBand.ANY
            else [
                self.claimant_band,
                ClaimantBand.ANY,
            ]
        )
        queryset = FeeSchedule.objects.filter(
            jurisdiction=self.jurisdiction,
            kind=self.kind,
            claim_type__in=types,
            claimant_band__in=bands,
        ).filter(Q(effective_to__isnull=True) | Q(effective_to__gte=self.effective_from))
        if self.effective_to is not None:
            queryset = queryset.filter(effective_from__lte=self.effective_to)
        if self.pk is not None:
            queryset = queryset.exclude(pk=self.pk)
        return queryset

    def clean(self):
        errors = {}
        if self.effective_from and self.effective_to and self.effective_to < self.effective_from:
            errors["effective_to"] = "The end date must be the same as or after the start date"
        if self.kind in BANDED_KINDS and self.claimant_band == ClaimantBand.ANY:
            errors["claimant_band"] = (
                "Issue and hearing fees depend on the number of claimants: choose a band"
            )
        if (
            self.kind
            and self.kind not in BANDED_KINDS
            and self.claimant_band not in ("", ClaimantBand.ANY)
        ):
            errors["claimant_band"] = (
                "Only issue and hearing fees have claimant bands: choose any number"
            )
        if not errors and self.effective_from and self.kind and self.jurisdiction:
            clash = self.overlapping().first()
            if clash is not None:
                errors["effective_from"] = (
                    f"This period overlaps another fee for the same thing: {clash}. "
                    "End that one the day before this starts."
                )
        if errors:
            raise ValidationError(errors)


class FeeCase(models.Model):
    """A fee someone has to pay (or has paid, or has had remitted) on a tribunal claim.

    The fee is looked up once, from the schedule in force on ``fee_date``, and kept
    here with the remission and the amount still due.
    """

    TRANSITIONS = FEE_CASE_TRANSITIONS  # the allowed moves of ``status`` (core.transitions)

    reference = models.CharField(max_length=12, unique=True)
    user = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    email = models.EmailField(blank=True)
    # How we contact the payer (digital_services.journeys.contact): the outbox channel and,
    # for text messages and letters, the mobile number or postal address (postcode last).
    contact_channel = models.CharField(
        max_length=10,
        choices=[("email", "Email"), ("sms", "Text message"), ("letter", "Letter")],
        default="email",
    )
    mobile = models.CharField(max_length=20, blank=True)
    postal_address = models.TextField(blank=True)
    language = models.CharField(
        max_length=2, default="en", choices=[("en", "English"), ("cy", "Cymraeg")]
    )

    jurisdiction = models.CharField(
        max_length=3, choices=Jurisdiction.choices, default=Jurisdiction.ET
    )
    kind = models.CharField(max_length=30, choices=FeeKind.choices)
    case_number = models.CharField(
        max_length=40, blank=True, help_text="The tribunal case number (required for hearing fees)."
    )
    payer_role = models.CharField(
        max_length=20, choices=PayerRole.choices, default=PayerRole.CLAIMANT
    )
    claimants = models.PositiveIntegerField(default=1)
    claim_type = models.CharField(
        max_length=1,
        choices=[(ClaimType.A, "Type A"), (ClaimType.B, "Type B")],
        blank=True,
        default="",
        help_text="Empty when the fee does not depend on the claim type (an appeal fee, "
        "or a tribunal other than the employment tribunal).",
    )
    claim_elements = models.JSONField(default=list, blank=True)
    fee_date = models.DateField(
        help_text="The date the claim was presented (the fee in force then applies)."
    )

    fee_schedule = models.ForeignKey(FeeSchedule, on_delete=models.PROTECT, related_name="+")
    fee_pence = models.PositiveIntegerField("fee")
    remitted_claimants = models.PositiveIntegerField(default=0)
    remission_pence = models.PositiveIntegerField("remission", default=0)
    amount_due_pence = models.PositiveIntegerField("amount due")

    status = models.CharField(
        max_length=20, choices=FeeCaseStatus.choices, default=FeeCaseStatus.UNPAID
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    paid_at = models.DateTimeField(null=True, blank=True)
    amount_paid_pence = models.PositiveIntegerField("amount paid", null=True, blank=True)
    # A fee paid to the tribunal outside this service (status ``paid_elsewhere``): how, as
    # the citizen says; ``paid_at`` and ``amount_paid_pence`` hold the day and the amount
    # they gave, and the evidence of payment is a stored document of the fee.
    paid_elsewhere_method = models.CharField(
        "how it was paid", max_length=10, choices=PaidElsewhereMethod.choices, blank=True
    )
    # A tribunal's order that another party (the Home Office) pay the appellant back: shown
    # to the appellant; the fee stays paid and this service refunds nothing.
    fee_award_pence = models.PositiveIntegerField("fee award", null=True, blank=True)
    fee_award_made_on = models.DateField(null=True, blank=True)
    fee_award_recorded_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # "Already received a decision?": a Help with Fees decision made on another fee of the
    # same kind and amount, whose remission the citizen applied to this fee (once).
    linked_hwf = models.OneToOneField(
        "HelpWithFeesApplication",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="linked_fee_case",
        verbose_name="linked Help with Fees decision",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "fee"
        indexes = [
            models.Index(fields=["status", "status_changed_at"], name="tf_feecase_status_idx")
        ]
        permissions = [("resolve_feecase", "Can check and resolve fee payment exceptions")]

    def __str__(self):
        return f"{self.reference}: {self.get_kind_display()}"

    @property
    def payment_purpose(self) -> str:
        return f"{self.kind.replace('_', '-')}-fee"

    @property
    def description(self) -> str:
        """What the fee is for ("Employment tribunal issue fee, case 1234567/2016"), in the
        language active when it is read as text (lazy: a message made for a Welsh fee reads
        it in Welsh)."""
        return lazy(self._description_text, str)()

    def _description_text(self) -> str:
        tribunal = str(Jurisdiction(self.jurisdiction).label)
        label = str(self.get_kind_display())
        lowered = f"{label[0].lower()}{label[1:]}"
        if label.startswith(tribunal):
            text = label
        elif self.jurisdiction in (Jurisdiction.ET, Jurisdiction.EAT):
            text = gettext("%(tribunal)s %(fee)s") % {"tribunal": tribunal, "fee": lowered}
        else:
            text = gettext("%(tribunal)s: %(fee)s") % {"tribunal": tribunal, "fee": lowered}
        if self.case_number:
            text = gettext("%(fee)s, case %(case_number)s") % {
                "fee": text,
                "case_number": self.case_number,
            }
        return text


class HelpWithFeesApplication(models.Model):
    """An application for Help with Fees on a fee case, its computed outcome, and the
    caseworker's decision (which may override the computed outcome, with a reason)."""

    TRANSITIONS = HWF_TRANSITIONS  # the allowed moves of ``status`` (core.transitions)

    reference = models.CharField(max_length=11, unique=True)
    fee_case = models.ForeignKey(FeeCase, on_delete=models.PROTECT, related_name="hwf_applications")
    user = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    applicant_name = models.CharField(max_length=200)
    applicant_date_of_birth = models.DateField()
    ni_number = models.CharField("National Insurance number", max_length=13, blank=True)
    home_office_reference = models.CharField(
        max_length=30, blank=True, help_text="For an applicant without a National Insurance number."
    )
    has_partner = models.BooleanField(default=False)
    partner_date_of_birth = models.DateField(null=True, blank=True)
    children_0_13 = models.PositiveSmallIntegerField("children aged 0 to 13", default=0)
    children_14_plus = models.PositiveSmallIntegerField("children aged 14 or over", default=0)
    # The amount, or (2023 scheme, where the band decides the test) only the band.
    capital_pence = models.PositiveIntegerField("savings and investments", null=True, blank=True)
    savings_band = models.CharField(
        "savings and investments band",
        max_length=10,
        blank=True,
        choices=hwf_savings_band_choices,
    )
    benefit = models.CharField(max_length=20, choices=Benefit.choices, default=Benefit.NONE)
    gross_monthly_income_pence = models.PositiveIntegerField(
        "gross monthly income", null=True, blank=True
    )
    income_kinds = models.JSONField(default=list, blank=True)
    income_period = models.CharField(max_length=20, choices=IncomePeriod.choices, blank=True)

    scheme = models.CharField(max_length=4, choices=HwfScheme.choices)
    fee_pence = models.PositiveIntegerField("fee")
    computed_outcome = models.CharField(max_length=4, choices=HwfOutcome.choices)
    computed_amount_to_pay_pence = models.PositiveIntegerField("computed amount to pay")
    computed_route = models.CharField(max_length=10)
    outcome = models.CharField(max_length=4, choices=HwfOutcome.choices, blank=True)
    amount_to_pay_pence = models.PositiveIntegerField("amount to pay", null=True, blank=True)
    overridden = models.BooleanField(default=False)
    override_reason = models.TextField(blank=True)

    status = models.CharField(max_length=25, choices=HwfStatus.choices, default=HwfStatus.SUBMITTED)
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    evidence_requested_at = models.DateTimeField(null=True, blank=True)
    evidence_requested_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    evidence_expires_on = models.DateField(null=True, blank=True)
    evidence_note = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    part_payment_recorded_at = models.DateTimeField(null=True, blank=True)
    part_payment_recorded_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    part_payment_pence = models.PositiveIntegerField("part payment", null=True, blank=True)
    # Retrospective Help with Fees: the fee was already paid when the applicant applied
    # (within 3 months of paying), so a decision giving help refunds the remitted amount.
    # Bank details only when the fee was not paid by card in this service.
    fee_already_paid = models.BooleanField(default=False)
    refund_account_name = models.CharField(max_length=100, blank=True)
    refund_bank_name = models.CharField(max_length=100, blank=True)
    refund_account_number = models.CharField(max_length=8, blank=True)
    refund_sort_code = models.CharField(max_length=6, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["submitted_at", "id"]
        verbose_name = "Help with Fees application"
        indexes = [models.Index(fields=["status", "submitted_at"], name="tf_hwf_status_idx")]
        permissions = [
            ("process_helpwithfeesapplication", "Can decide Help with Fees applications"),
        ]

    def __str__(self):
        return self.reference

    @property
    def evidence_overdue(self) -> bool:
        return (
            self.status == HwfStatus.EVIDENCE_REQUESTED
            and self.evidence_expires_on is not None
            and self.evidence_expires_on < timezone.localdate()
        )


class RefundApplication(models.Model):
    """An application under the 2017 scheme to get back fees paid from July 2013 to July 2017."""

    TRANSITIONS = REFUND_TRANSITIONS  # the allowed moves of ``status`` (core.transitions)

    reference = models.CharField(max_length=8, unique=True, null=True, blank=True)
    user = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    fee_case = models.ForeignKey(
        FeeCase,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="refund_applications",
        help_text="The fee, when it was paid through this service (a card refund is then possible).",
    )
    language = models.CharField(
        max_length=2, default="en", choices=[("en", "English"), ("cy", "Cymraeg")]
    )

    profile = models.CharField(max_length=30, choices=RefundProfile.choices)
    title = models.CharField(max_length=20, blank=True)
    full_name = models.CharField(max_length=200)
    # Empty only on a refund a caseworker starts for a fee paid twice or in error.
    date_of_birth = models.DateField(null=True, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    address = models.TextField()
    # How we contact the applicant (digital_services.journeys.contact): letters go to ``address``.
    contact_channel = models.CharField(
        max_length=10,
        choices=[("email", "Email"), ("sms", "Text message"), ("letter", "Letter")],
        default="email",
    )
    mobile = models.CharField(max_length=20, blank=True)

    region = models.CharField(max_length=20, choices=Region.choices, default=Region.ENGLAND_WALES)
    et_case_number = models.CharField(max_length=12, blank=True)
    eat_case_number = models.CharField(max_length=20, blank=True)
    office_code = models.CharField(max_length=4, blank=True)
    respondent_name = models.CharField(max_length=200)
    respondent_address = models.TextField(blank=True)
    representative_name = models.CharField(max_length=200, blank=True)
    claimant_address_then = models.TextField(blank=True)
    notes = models.TextField(max_length=500, blank=True)

    account_name = models.CharField(max_length=100)
    bank_name = models.CharField(max_length=100)
    account_number = models.CharField(max_length=8)
    sort_code = models.CharField(max_length=6)
    declaration = models.BooleanField(default=False)

    status = models.CharField(
        max_length=20, choices=RefundStatus.choices, default=RefundStatus.SUBMITTED
    )
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    checked_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rejected_at = models.DateTimeField(null=True, blank=True)
    rejected_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rejection_reason = models.TextField(blank=True)

    issue_method = models.CharField(max_length=20, choices=RefundIssueMethod.choices, blank=True)
    fees_pence = models.PositiveIntegerField("fees", default=0)
    interest_pence = models.PositiveIntegerField("interest", null=True, blank=True)
    total_pence = models.PositiveIntegerField("total", null=True, blank=True)
    card_refund_pence = models.PositiveIntegerField("card refund", null=True, blank=True)
    bank_transfer_pence = models.PositiveIntegerField("bank transfer", null=True, blank=True)
    payments_refund = models.ForeignKey(
        "payments.Refund", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # A refund of the remitted amount after a retrospective Help with Fees decision (not
    # the 2017 scheme): no interest, and ``fees_pence`` is the amount (no RefundFee rows).
    hwf_application = models.OneToOneField(
        HelpWithFeesApplication,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="refund",
        verbose_name="Help with Fees decision",
    )
    # A refund of a fee paid through this service because it was paid twice or in error:
    # ``fees_pence`` is the amount, no interest (no RefundFee rows).
    fee_refund_reason = models.CharField(
        "why the fee is refunded", max_length=20, choices=FeeRefundReason.choices, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["submitted_at", "id"]
        verbose_name = "refund application"
        indexes = [models.Index(fields=["status", "submitted_at"], name="tf_refund_status_idx")]
        permissions = [
            ("check_refundapplication", "Can check refund applications"),
            ("approve_refundapplication", "Can approve refund applications (second caseworker)"),
            ("issue_refundapplication", "Can issue approved refunds"),
            ("reject_refundapplication", "Can reject refund applications"),
            ("export_refundapplication", "Can export refunds for finance"),
        ]

    def __str__(self):
        return self.reference or f"Refund application {self.pk}"


class RefundFee(models.Model):
    """One fee the applicant says they paid: how much, how, and in which month."""

    application = models.ForeignKey(
        RefundApplication, on_delete=models.CASCADE, related_name="fees"
    )
    kind = models.CharField(max_length=20, choices=RefundFeeKind.choices)
    amount_pence = models.PositiveIntegerField("amount")
    method = models.CharField(max_length=10, choices=PaymentMethod.choices)
    paid_month = models.PositiveSmallIntegerField(null=True, blank=True)
    paid_year = models.PositiveSmallIntegerField(null=True, blank=True)
    paid_date = models.DateField(
        null=True,
        blank=True,
        help_text="The day the fee was paid, when it is known (a card payment in this "
        "service): interest runs from it.",
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind"],
                name="tribunal_fees_one_fee_per_kind",
                violation_error_message="This application already has a fee of this kind",
            ),
            models.CheckConstraint(
                condition=(Q(paid_month__isnull=True) & Q(paid_year__isnull=True))
                | (Q(paid_month__gte=1) & Q(paid_month__lte=12) & Q(paid_year__isnull=False)),
                name="tribunal_fees_refund_fee_month_complete",
                violation_error_message="Enter the month (1 to 12) and the year the fee was "
                "paid, or leave both empty",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {pence_format(self.amount_pence)}"

    @property
    def paid_on(self) -> dt.date | None:
        """The day interest runs from: the day of payment when it is known; otherwise the
        first day of the month given (the earliest it can have been paid)."""
        if self.paid_date is not None:
            return self.paid_date
        if self.paid_month is None or self.paid_year is None:
            return None
        return dt.date(self.paid_year, self.paid_month, 1)
