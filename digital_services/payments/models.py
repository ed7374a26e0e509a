"""Payments and refunds, recorded the way GOV.UK Pay reports them.

No card number or security code is ever stored: the provider's hosted page
takes the card, and we keep only its brand and last 4 digits. Status changes
happen only in ``services`` (one transition helper per model).
"""

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone

from digital_services.core.money import pence_format

from .constants import (
    LIVE_STATUSES,
    PAYMENT_TRANSITIONS,
    PROVIDER_GOVUK_PAY,
    PROVIDER_SANDBOX,
    REFUND_TRANSITIONS,
    FailureCode,
    PaymentStatus,
    RefundStatus,
)


def return_token_new() -> str:
    return secrets.token_urlsafe(32)


class Payment(models.Model):
    """One attempt to pay for one thing (``purpose``) on one case."""

    TRANSITIONS = PAYMENT_TRANSITIONS  # the allowed moves of ``status`` (core.transitions)

    class Provider(models.TextChoices):
        GOVUK_PAY = PROVIDER_GOVUK_PAY, "GOV.UK Pay"
        SANDBOX = PROVIDER_SANDBOX, "Sandbox"

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    for_case = GenericForeignKey("content_type", "object_id")
    service = models.CharField(max_length=50, db_index=True)
    purpose = models.CharField(max_length=50, help_text='What is paid for, such as "issue-fee".')

    amount_pence = models.PositiveIntegerField("amount")
    remitted_pence = models.PositiveIntegerField(
        "remitted",
        null=True,
        blank=True,
        help_text="Help with Fees remission, when the service knows it.",
    )
    reference = models.CharField(max_length=255)
    description = models.CharField(max_length=255)
    return_to = models.CharField(
        max_length=2000, help_text="Where the user goes back to their case."
    )

    status = models.CharField(
        max_length=20, choices=PaymentStatus.choices, default=PaymentStatus.CREATED
    )
    failure_code = models.CharField(max_length=5, choices=FailureCode.choices, blank=True)
    provider = models.CharField(max_length=20, choices=Provider.choices)
    provider_payment_id = models.CharField(max_length=64, blank=True, db_index=True)
    next_url = models.CharField(max_length=2000, blank=True)
    return_token = models.CharField(max_length=64, unique=True, default=return_token_new)
    # What Pay is given as this attempt's reference: the case reference and a suffix of
    # its own, stored before Pay is called. Pay ignores Idempotency-Key for ordinary
    # payments, so after a create whose outcome is unknown this is how we find the
    # payment Pay may have made (search by reference) instead of making a second one.
    provider_reference = models.CharField(max_length=255, unique=True, null=True, blank=True)
    language = models.CharField(
        max_length=2,
        choices=[("en", "English"), ("cy", "Cymraeg")],
        default="en",
        help_text="The language of Pay's payment pages.",
    )
    card_brand = models.CharField(max_length=40, blank=True)
    last_digits_card_number = models.CharField(max_length=4, blank=True)

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A telephone payment (GOV.UK Pay "MOTO"): a member of staff types the card details the
    # citizen reads out, in an assisted-digital session. ``entered_by`` is that member of staff.
    moto = models.BooleanField(default=False)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # Stops a double charge even when two requests race: only one
            # payment per case and purpose may be in flight or succeeded.
            models.UniqueConstraint(
                fields=["content_type", "object_id", "purpose"],
                condition=Q(status__in=LIVE_STATUSES),
                name="payments_one_live_payment_per_case_purpose",
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="payments_case_idx")]
        permissions = [("cancel_payment", "Can cancel an unfinished payment")]

    def __str__(self):
        return f"{self.reference} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status not in (
            PaymentStatus.CREATED,
            PaymentStatus.STARTED,
            PaymentStatus.SUBMITTED,
        )


class Refund(models.Model):
    """Money sent back to the card a payment was made with, in full or in part."""

    TRANSITIONS = REFUND_TRANSITIONS  # the allowed moves of ``status`` (core.transitions)

    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds")
    amount_pence = models.PositiveIntegerField("amount")
    status = models.CharField(
        max_length=20, choices=RefundStatus.choices, default=RefundStatus.SUBMITTED
    )
    provider_refund_id = models.CharField(max_length=64, blank=True, db_index=True)
    error_code = models.CharField(max_length=10, blank=True)
    reason = models.CharField(max_length=500)
    # Empty for a refund made outside this service (in Pay's admin tool, or one whose
    # request timed out here but went through at Pay), found when refunds are reconciled.
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Refund of {pence_format(self.amount_pence)} on {self.payment.reference}"


class WebhookMessage(models.Model):
    """A GOV.UK Pay webhook delivery. Pay delivers at least once: the id dedupes."""

    message_id = models.CharField(max_length=100, unique=True)
    event_type = models.CharField(max_length=60, blank=True)
    resource_id = models.CharField(max_length=64, blank=True, db_index=True)
    payment = models.ForeignKey(
        Payment, null=True, blank=True, on_delete=models.SET_NULL, related_name="webhook_messages"
    )
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-received_at", "-id"]

    def __str__(self):
        return f"{self.event_type} {self.message_id}"


class SandboxPayment(models.Model):
    """The sandbox provider's own record, standing in for GOV.UK Pay's database.

    Holds what Pay would hold about a payment, minus the card: brand and last
    4 digits only. Its own status follows Pay's external states.
    """

    payment_id = models.CharField(max_length=64, unique=True)
    amount = models.PositiveIntegerField()
    reference = models.CharField(max_length=255)
    description = models.CharField(max_length=255)
    return_url = models.CharField(max_length=2000)
    language = models.CharField(max_length=2, default="en")
    moto = models.BooleanField(default=False)  # a telephone payment: staff type the card
    status = models.CharField(
        max_length=20, choices=PaymentStatus.choices, default=PaymentStatus.CREATED
    )
    failure_code = models.CharField(max_length=5, blank=True)
    card_brand = models.CharField(max_length=40, blank=True)
    last_digits_card_number = models.CharField(max_length=4, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Sandbox {self.payment_id} ({self.status})"


class SandboxRefund(models.Model):
    refund_id = models.CharField(max_length=64, unique=True)
    sandbox_payment = models.ForeignKey(
        SandboxPayment, on_delete=models.CASCADE, related_name="refunds"
    )
    amount = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=RefundStatus.choices)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Sandbox refund {self.refund_id} ({self.status})"
