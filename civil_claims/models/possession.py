"""Possession claims: a landlord's claim for possession of a property, and the dated fees.

A possession claim is its own family of models (ADR 0018): ``PossessionClaim`` with
one ``status`` (``possession_constants.POSSESSION_TRANSITIONS``, changed only by
``core.transitions.transition_apply``), its parties (the claimant and one or more
defendants), its grounds (each with its reason) and its rent statement rows. It
shares the money claims' helpers rather than their tables: references, the claim
number and issue-date rules, access-code hashing, the document store, the outbox and
the payments app. Answers are kept as submitted; figures (the daily rent, the arrears
total) as the landlord confirmed them.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from digital_services.core.references import reference_display

from ..constants import NAME_MAX_LENGTH, ContactChannel, HwfOutcome
from ..possession_constants import (
    POSSESSION_GROUND_REASON_MAX_LENGTH,
    POSSESSION_TEXT_MAX_LENGTH,
    POSSESSION_TRANSITIONS,
    CertificateAnswer,
    PossessionFeeKind,
    PossessionPartyRole,
    PossessionStatus,
)
from ..possession_rules import (
    ClaimantType,
    Country,
    NoticeMethod,
    NoticeType,
    RentFrequency,
    TenancyType,
)

USER = settings.AUTH_USER_MODEL


def _text(verbose_name: str = "", **kwargs) -> models.TextField:
    return models.TextField(
        verbose_name or None,
        blank=True,
        validators=[MaxLengthValidator(POSSESSION_TEXT_MAX_LENGTH)],
        **kwargs,
    )


def _document(verbose_name: str) -> models.ForeignKey:
    return models.ForeignKey(
        "documents.Document",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class PossessionFee(models.Model):
    """A possession fee in force from ``effective_from`` until the kind's next row starts
    (``possession_fees.possession_fee_for`` reads them). A change of fee is a new row with
    its first day, so a claim is charged the fee of its own day; no amount is in code."""

    kind = models.CharField(max_length=10, choices=PossessionFeeKind.choices)
    effective_from = models.DateField(help_text="The first day this fee applies.")
    fee_pence = models.PositiveIntegerField("fee")
    code = models.CharField(max_length=10, blank=True, help_text="The fees register code.")
    source = models.CharField(max_length=200, blank=True, help_text="Where the figure comes from.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "-effective_from"]
        verbose_name = "possession fee"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "effective_from"],
                name="civil_claims_possession_fee_one_per_day",
                violation_error_message="This fee already has a row starting on that day",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} from {self.effective_from:%d %B %Y}"


class PossessionClaim(models.Model):
    """A landlord's claim for possession, from sending to issue (later: hearing, response,
    order and warrant)."""

    TRANSITIONS = POSSESSION_TRANSITIONS  # the allowed moves of ``status`` (core.transitions)

    reference = models.CharField(max_length=12, unique=True, help_text="Given when it is sent.")
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
    )
    claimant_type = models.CharField(max_length=20, choices=ClaimantType.choices)
    claimant_type_other = models.CharField(max_length=NAME_MAX_LENGTH, blank=True)

    # The property.
    country = models.CharField(max_length=10, choices=Country.choices)
    property_line_1 = models.CharField(max_length=100)
    property_line_2 = models.CharField(max_length=100, blank=True)
    property_town = models.CharField("town or city", max_length=60)
    property_postcode = models.CharField("postcode", max_length=10)

    # The tenancy or occupation contract.
    tenancy_type = models.CharField(max_length=20, choices=TenancyType.choices, blank=True)
    tenancy_type_other = models.CharField(max_length=NAME_MAX_LENGTH, blank=True)
    tenancy_start_date = models.DateField(null=True, blank=True)
    rent_pence = models.PositiveIntegerField("rent", default=0)
    rent_frequency = models.CharField(max_length=12, choices=RentFrequency.choices, blank=True)
    rent_frequency_other = models.CharField(max_length=100, blank=True)
    daily_rent_calculated_pence = models.PositiveIntegerField(
        "daily rent worked out", null=True, blank=True, help_text="Empty for another frequency."
    )
    daily_rent_pence = models.PositiveIntegerField(
        "daily rent", default=0, help_text="As the claimant confirmed or corrected it."
    )
    tenancy_agreement = _document("tenancy agreement")
    tenancy_agreement_missing_reason = _text("why there is no tenancy agreement")

    # The notice.
    notice_served = models.BooleanField(default=False)
    notice_type = models.CharField(max_length=20, choices=NoticeType.choices, blank=True)
    notice_method = models.CharField(max_length=15, choices=NoticeMethod.choices, blank=True)
    notice_served_at = models.DateTimeField(null=True, blank=True)
    notice_served_on = models.DateField(null=True, blank=True)
    notice_served_to = models.CharField("person served", max_length=NAME_MAX_LENGTH, blank=True)
    notice_served_email = models.EmailField("email served to", blank=True)
    notice_method_other = models.CharField("how it was served", max_length=255, blank=True)
    notice_document = _document("notice")
    notice_missing_reason = _text("why the notice is not uploaded")

    # Rent arrears (when a ground is about arrears).
    arrears_total_pence = models.IntegerField("total arrears", null=True, blank=True)
    rent_statement = _document("rent statement")
    rent_statement_missing_reason = _text("why the rent statement is not uploaded")
    money_judgment_wanted = models.BooleanField(default=False)
    recovery_steps = _text("steps already taken to recover the arrears")

    # The rest of the claim.
    pre_action_protocol_followed = models.BooleanField(default=False)
    pre_action_protocol_reason = _text("why the pre-action protocol was not followed")
    claimant_circumstances = _text()
    defendant_circumstances = _text()
    alternatives_considered = _text("alternatives to possession")
    other_occupiers = _text()
    epc_given = models.CharField(
        "energy performance certificate given", max_length=15, choices=CertificateAnswer.choices
    )
    gas_safety_given = models.CharField(
        "gas safety record given", max_length=15, choices=CertificateAnswer.choices
    )
    eicr_given = models.CharField(
        "electrical safety report given", max_length=15, choices=CertificateAnswer.choices
    )
    certificates_reason = _text("why a certificate was not given")

    # The court fee, from the dated fees on the day it was sent.
    fee_pence = models.PositiveIntegerField("court fee")
    fee = models.ForeignKey(PossessionFee, null=True, on_delete=models.PROTECT, related_name="+")
    hwf_reference = models.CharField("Help with Fees reference", max_length=11, blank=True)
    amount_paid_pence = models.PositiveIntegerField("amount paid", default=0)
    paid_at = models.DateTimeField(null=True, blank=True)

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
    claim_pack = _document("claim form and particulars")

    # A claim against trespassers (its own short route: no tenancy, grounds or notice).
    against_trespassers = models.BooleanField(default=False)
    trespass_known_on = models.DateField(
        "when the claimant found out about the trespass", null=True, blank=True
    )
    trespass_details = _text("how the defendants came to occupy the property")

    # The court's order at the hearing (status says which kind).
    order_made_on = models.DateField(null=True, blank=True)
    order_possession_on = models.DateField("give up possession by", null=True, blank=True)
    order_terms = _text("terms of the suspended order")

    sot_signer_name = models.CharField("statement of truth signed by", max_length=70)
    sot_signer_role = models.CharField(max_length=255, blank=True)

    status = models.CharField(
        max_length=30, choices=PossessionStatus.choices, default=PossessionStatus.AWAITING_PAYMENT
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(default=timezone.now)
    issued_at = models.DateTimeField(null=True, blank=True)
    issue_date = models.DateField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = "possession claim"
        permissions = [
            ("decide_hwf_possessionclaim", "Can decide Help with Fees on a possession claim"),
            (
                "manage_possessionclaim",
                "Can list hearings, record outcomes and issue warrants on a possession claim",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(daily_rent_pence__gte=0) & Q(rent_pence__gte=0),
                name="civil_claims_possession_rent_not_negative",
                violation_error_message="Rent cannot be negative",
            ),
        ]

    def __str__(self):
        return self.reference_display

    @property
    def reference_display(self) -> str:
        return self.claim_number or reference_display(self.reference)

    @property
    def property_lines(self) -> list[str]:
        lines = [self.property_line_1, self.property_line_2, self.property_town]
        return [line for line in lines if line] + [self.property_postcode]

    @property
    def claimant(self):
        return next((p for p in self.parties.all() if p.role == PossessionPartyRole.CLAIMANT), None)

    @property
    def defendants(self) -> list:
        return [p for p in self.parties.all() if p.role == PossessionPartyRole.DEFENDANT]


class PossessionParty(models.Model):
    """The claimant, or one of the defendants (the tenants or occupiers), as the claimant
    described them. Same shapes and limits as a money claim's ``Party``."""

    claim = models.ForeignKey(PossessionClaim, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(max_length=10, choices=PossessionPartyRole.choices)
    position = models.PositiveIntegerField(default=0)
    name = models.CharField(max_length=NAME_MAX_LENGTH)
    address_line_1 = models.CharField(max_length=100)
    address_line_2 = models.CharField(max_length=100, blank=True)
    address_town = models.CharField("town or city", max_length=60)
    address_postcode = models.CharField("postcode", max_length=10)
    email = models.EmailField(blank=True)
    mobile = models.CharField(max_length=20, blank=True)
    contact_channel = models.CharField(
        max_length=10, choices=ContactChannel.choices, default=ContactChannel.LETTER
    )
    user = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    linked_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["claim", "role", "position"]
        verbose_name = "possession claim party"
        verbose_name_plural = "possession claim parties"
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "role", "position"],
                name="civil_claims_possession_party_position_unique",
                violation_error_message="Each party of a role has its own position",
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.name}"

    @property
    def address_lines(self) -> list[str]:
        lines = [self.address_line_1, self.address_line_2, self.address_town, self.address_postcode]
        return [line for line in lines if line]


class PossessionGround(models.Model):
    """A ground the claim relies on (its code in ``possession_rules``), with the reason."""

    claim = models.ForeignKey(PossessionClaim, on_delete=models.CASCADE, related_name="grounds")
    position = models.PositiveIntegerField()
    code = models.CharField(max_length=20)
    label = models.CharField(max_length=200, help_text="As the claimant saw it.")
    arrears = models.BooleanField("rent arrears ground", default=False)
    reason = models.TextField(validators=[MaxLengthValidator(POSSESSION_GROUND_REASON_MAX_LENGTH)])

    class Meta:
        ordering = ["claim", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "code"],
                name="civil_claims_possession_ground_once",
                violation_error_message="A ground is given once on a claim",
            ),
        ]

    def __str__(self):
        return self.label


class PossessionArrearsRow(models.Model):
    """One row of the rent statement: rent due on a day, and what was paid against it."""

    claim = models.ForeignKey(
        PossessionClaim, on_delete=models.CASCADE, related_name="arrears_rows"
    )
    position = models.PositiveIntegerField()
    due_on = models.DateField("due date")
    due_pence = models.PositiveIntegerField("amount due")
    paid_pence = models.PositiveIntegerField("amount paid", default=0)
    paid_on = models.DateField("payment date", null=True, blank=True)

    class Meta:
        ordering = ["claim", "due_on", "position"]
        verbose_name = "rent statement row"

    def __str__(self):
        return f"{self.due_on:%d %b %Y}"
