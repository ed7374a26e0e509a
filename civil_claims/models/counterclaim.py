"""The defendant's counterclaim against the claimant, made with their response: what it is
for, and the court fee on it (from the same dated fee table as a claim's issue fee), paid
by card, covered by a Help with Fees reference, or sent by post on the paper form."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..constants import HwfOutcome
from .defence import Response

USER = settings.AUTH_USER_MODEL


#: Help with Fees outcomes that leave some of the fee to pay by card.
HWF_TO_PAY = (HwfOutcome.PART, HwfOutcome.NONE, HwfOutcome.INVALID)


class CounterclaimFeeRoute(models.TextChoices):
    CARD = "card", _("Pay by debit or credit card")
    HWF = "hwf", _("Help with Fees reference")
    PAPER = "paper", _("By post, on the paper counterclaim form")


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
    # A caseworker's Help with Fees decision on the fee (as on a claim's issue fee).
    hwf_outcome = models.CharField(
        "Help with Fees outcome", max_length=10, choices=HwfOutcome.choices, blank=True
    )
    hwf_fee_remitted_pence = models.PositiveIntegerField("fee remitted", default=0)
    hwf_amount_to_pay_pence = models.PositiveIntegerField("fee still to pay", default=0)
    hwf_note = models.TextField("Help with Fees note to the defendant", blank=True)
    hwf_decided_at = models.DateTimeField(null=True, blank=True)
    hwf_decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
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
        """A card payment is still owed: the fee chosen to pay by card, or what is left to
        pay after Help with Fees covered part or none of it (or the reference was invalid)."""
        if self.fee_paid_at is not None:
            return False
        if self.fee_route == CounterclaimFeeRoute.CARD:
            return True
        return self.fee_route == CounterclaimFeeRoute.HWF and self.hwf_outcome in HWF_TO_PAY

    @property
    def amount_to_pay_pence(self) -> int:
        """What a card payment is for: the fee, less any Help with Fees remission."""
        if self.fee_route == CounterclaimFeeRoute.HWF and self.hwf_outcome in HWF_TO_PAY:
            return self.hwf_amount_to_pay_pence
        return self.fee_pence

    @property
    def hwf_to_decide(self) -> bool:
        """A Help with Fees reference waits for a caseworker: never decided, or the
        defendant was asked for more information or to check the reference."""
        return (
            self.fee_route == CounterclaimFeeRoute.HWF
            and self.fee_paid_at is None
            and self.hwf_outcome in ("", HwfOutcome.MORE_INFO, HwfOutcome.INVALID)
        )
