"""The tenant's side of a possession claim: their response, a counterclaim in it, and
general applications (adjourn the hearing, set aside, something else). Each has one
``status`` with its allowed moves (``possession_response_constants``), changed only by
``core.transitions.transition_apply``. Answers are kept as the tenant gave them."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone

from ..constants import NAME_MAX_LENGTH, HwfOutcome
from ..possession_constants import POSSESSION_TEXT_MAX_LENGTH
from ..possession_response_constants import (
    APPLICATION_TEXT_MAX_LENGTH,
    APPLICATION_TRANSITIONS,
    COUNTERCLAIM_TRANSITIONS,
    DECISION_REASON_MAX_LENGTH,
    RESPONSE_TRANSITIONS,
    AdviceAnswer,
    ApplicationKind,
    ApplicationStatus,
    CounterclaimKind,
    CounterclaimStatus,
    InstalmentFrequency,
    ResponseStatus,
    UniversalCredit,
    YesNoNotSure,
)
from .possession import PossessionClaim, PossessionFee, PossessionParty

USER = settings.AUTH_USER_MODEL


def _text(verbose_name: str = "", max_length: int = POSSESSION_TEXT_MAX_LENGTH):
    return models.TextField(
        verbose_name or None, blank=True, validators=[MaxLengthValidator(max_length)]
    )


def _answer(verbose_name: str, choices=YesNoNotSure.choices):
    return models.CharField(verbose_name, max_length=10, choices=choices)


class PossessionResponse(models.Model):
    """One defendant's response to a possession claim (one per defendant)."""

    TRANSITIONS = RESPONSE_TRANSITIONS

    claim = models.ForeignKey(PossessionClaim, on_delete=models.CASCADE, related_name="responses")
    party = models.OneToOneField(PossessionParty, on_delete=models.CASCADE, related_name="response")
    user = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    channel = models.CharField(max_length=20, default="digital")

    # Their details, confirmed or corrected.
    name_correct = models.BooleanField(default=True)
    correct_name = models.CharField(max_length=NAME_MAX_LENGTH, blank=True)
    address_correct = models.BooleanField(default=True)
    correct_address = _text("correct address", 500)
    date_of_birth = models.DateField(null=True, blank=True)

    # The tenancy, the notice and the arrears, as the landlord gave them: yes, no, not sure.
    tenancy_start_correct = _answer("tenancy start date correct")
    tenancy_start_date = models.DateField("tenancy start date (tenant's)", null=True, blank=True)
    tenancy_type_correct = _answer("tenancy type correct")
    tenancy_type_details = _text("tenancy type (tenant's)", 1_000)
    notice_received = _answer("notice received")
    notice_received_on = models.DateField(null=True, blank=True)
    arrears_correct = _answer("arrears figure correct", YesNoNotSure.choices)
    arrears_owed_pence = models.PositiveIntegerField(
        "arrears (tenant's figure)", null=True, blank=True
    )

    disputes_claim = models.BooleanField(default=False)
    dispute_details = _text("why they disagree")

    paid_since_claim = models.BooleanField(default=False)
    paid_details = _text("payments since the claim", 2_000)
    plan_agreed = models.BooleanField("repayment plan agreed", default=False)
    plan_details = _text("repayment plan", 2_000)
    instalment_offered = models.BooleanField(default=False)
    instalment_pence = models.PositiveIntegerField("instalment offered", null=True, blank=True)
    instalment_frequency = models.CharField(
        max_length=12, choices=InstalmentFrequency.choices, blank=True
    )

    dependants = models.PositiveSmallIntegerField(default=0)
    other_adults = models.PositiveSmallIntegerField(default=0)
    universal_credit = models.CharField(max_length=10, choices=UniversalCredit.choices)
    exceptional_hardship = models.BooleanField(default=False)
    hardship_details = _text("exceptional hardship")

    monthly_income_pence = models.PositiveIntegerField("household income a month")
    monthly_expenses_pence = models.PositiveIntegerField("household expenses a month")
    priority_debts = models.BooleanField(default=False)
    priority_debts_pence = models.PositiveIntegerField("priority debts", null=True, blank=True)
    priority_debts_details = _text("priority debts", 2_000)

    adjustments_needed = models.BooleanField(default=False)
    adjustments = _text("support or adjustments", 2_000)
    legal_advice = models.CharField(max_length=10, choices=AdviceAnswer.choices)

    sot_signer_name = models.CharField("statement of truth signed by", max_length=70)
    status = models.CharField(
        max_length=20, choices=ResponseStatus.choices, default=ResponseStatus.CREATED
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["claim", "created_at"]
        verbose_name = "possession claim response"

    def __str__(self):
        return f"Response from {self.party.name}"


class PossessionCounterclaim(models.Model):
    """A counterclaim made with a response: its fee from the dated fees of its day."""

    TRANSITIONS = COUNTERCLAIM_TRANSITIONS

    response = models.OneToOneField(
        PossessionResponse, on_delete=models.CASCADE, related_name="counterclaim"
    )
    kind = models.CharField(max_length=10, choices=CounterclaimKind.choices)
    amount_pence = models.PositiveIntegerField("amount counterclaimed", null=True, blank=True)
    details = _text("what is counterclaimed, and why")
    fee_pence = models.PositiveIntegerField("counterclaim fee")
    hwf_reference = models.CharField("Help with Fees reference", max_length=11, blank=True)
    # The caseworker's Help with Fees decision (the same fields as the claim's and warrant's).
    hwf_outcome = models.CharField(
        "Help with Fees outcome", max_length=10, choices=HwfOutcome.choices, blank=True
    )
    hwf_fee_remitted_pence = models.PositiveIntegerField("fee remitted", default=0)
    hwf_amount_to_pay_pence = models.PositiveIntegerField(
        "still to pay after Help with Fees", null=True, blank=True
    )
    hwf_note = models.TextField("Help with Fees note to the defendant", blank=True)
    hwf_decided_at = models.DateTimeField(null=True, blank=True)
    hwf_decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    amount_paid_pence = models.PositiveIntegerField("amount paid", default=0)
    paid_at = models.DateTimeField(null=True, blank=True)
    # Refunded to the card when it was returned (``possession_decisions.counterclaim_return``).
    refunded_pence = models.PositiveIntegerField("refunded to the card", default=0)
    status = models.CharField(
        max_length=20, choices=CounterclaimStatus.choices, default=CounterclaimStatus.PENDING_ISSUE
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    issued_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    returned_at = models.DateTimeField(null=True, blank=True)
    returned_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    return_reason = _text("why it was returned", DECISION_REASON_MAX_LENGTH)

    class Meta:
        verbose_name = "possession counterclaim"

    def __str__(self):
        return f"Counterclaim ({self.get_kind_display()})"


class PossessionApplication(models.Model):
    """A defendant's general application: adjourn the hearing (free at least 14 days
    before it), set aside a decision, or something else; recorded for a caseworker."""

    TRANSITIONS = APPLICATION_TRANSITIONS

    claim = models.ForeignKey(
        PossessionClaim, on_delete=models.CASCADE, related_name="applications"
    )
    party = models.ForeignKey(
        PossessionParty, on_delete=models.CASCADE, related_name="applications"
    )
    user = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=ApplicationKind.choices)
    details = models.TextField(
        "what is asked for, and why", validators=[MaxLengthValidator(APPLICATION_TEXT_MAX_LENGTH)]
    )
    hearing_on = models.DateField("hearing date when asked", null=True, blank=True)
    fee_pence = models.PositiveIntegerField("fee", default=0)
    fee = models.ForeignKey(
        PossessionFee, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    hwf_reference = models.CharField("Help with Fees reference", max_length=11, blank=True)
    amount_paid_pence = models.PositiveIntegerField("amount paid", default=0)
    paid_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.PENDING_ISSUE
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    issued_at = models.DateTimeField(null=True, blank=True)
    decision_reason = _text("reasons for the decision", DECISION_REASON_MAX_LENGTH)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["claim", "-created_at"]
        verbose_name = "possession general application"

    def __str__(self):
        return self.get_kind_display()
