"""The defendant's counterclaim against the claimant, made with their response: what it is
for, and the court fee on it (from the same dated fee table as a claim's issue fee), paid
by card, covered by a Help with Fees reference, or sent by post on the paper form."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .defence import Response

USER = settings.AUTH_USER_MODEL


class CounterclaimFeeRoute(models.TextChoices):
    CARD = "card", "Pay by debit or credit card"
    HWF = "hwf", "Help with Fees reference"
    PAPER = "paper", "By post, on the paper counterclaim form"


class Counterclaim(models.Model):
    """One counterclaim, kept with the response it came with."""

    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="counterclaim")
    amount_pence = models.PositiveIntegerField("amount counterclaimed")
    reason = models.TextField("what it is for")
    fee_pence = models.PositiveIntegerField("court fee")
    fee_band = models.ForeignKey(
        "civil_claims.IssueFeeBand", null=True, on_delete=models.PROTECT, related_name="+"
    )
    fee_code = models.CharField(max_length=10, blank=True)
    fee_route = models.CharField(max_length=10, choices=CounterclaimFeeRoute.choices)
    hwf_reference = models.CharField("Help with Fees reference", max_length=11, blank=True)
    fee_paid_pence = models.PositiveIntegerField("fee paid", default=0)
    fee_paid_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_pence__gte=1),
                name="civil_claims_counterclaim_amount_positive",
                violation_error_message="A counterclaim is for at least £0.01",
            ),
        ]

    def __str__(self):
        return f"Counterclaim on response {self.response_id}"

    @property
    def fee_due(self) -> bool:
        """A card payment is still owed."""
        return self.fee_route == CounterclaimFeeRoute.CARD and self.fee_paid_at is None
