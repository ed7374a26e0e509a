"""The parties to a claim, and the defendant's single-use access codes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from simple_history.models import HistoricalRecords

from ..constants import (
    NAME_MAX_LENGTH,
    PHONE_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    ContactChannel,
    PartyRole,
    PartyType,
)
from .claims import Claim

USER = settings.AUTH_USER_MODEL


class Party(models.Model):
    """A claimant or defendant as the claimant described them (the defendant's own
    details, if they give any, come with their response).

    ``name`` is the full name of an individual or sole trader, or the company's or
    organisation's name. The address is required; a correspondence address (the
    defendant's: an address for service) is optional. ``contact_channel`` with
    ``email`` / ``mobile`` is the route the party's messages take (the platform's
    contact step for the claimant; for the defendant, email when the claimant gave
    one, else post).
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(max_length=10, choices=PartyRole.choices)
    party_type = models.CharField("type", max_length=15, choices=PartyType.choices)
    title = models.CharField(max_length=TITLE_MAX_LENGTH, blank=True)
    first_name = models.CharField(max_length=NAME_MAX_LENGTH, blank=True)
    last_name = models.CharField(max_length=NAME_MAX_LENGTH, blank=True)
    name = models.CharField(max_length=NAME_MAX_LENGTH)
    trading_name = models.CharField(max_length=NAME_MAX_LENGTH, blank=True)
    contact_person = models.CharField(max_length=NAME_MAX_LENGTH, blank=True)
    companies_house_number = models.CharField(max_length=8, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)

    address_line_1 = models.CharField(max_length=100)
    address_line_2 = models.CharField(max_length=100, blank=True)
    address_town = models.CharField("town or city", max_length=60)
    address_postcode = models.CharField("postcode", max_length=10)
    correspondence_line_1 = models.CharField(max_length=100, blank=True)
    correspondence_line_2 = models.CharField(max_length=100, blank=True)
    correspondence_town = models.CharField("correspondence town or city", max_length=60, blank=True)
    correspondence_postcode = models.CharField("correspondence postcode", max_length=10, blank=True)

    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=PHONE_MAX_LENGTH, blank=True)
    contact_channel = models.CharField(
        max_length=10, choices=ContactChannel.choices, default=ContactChannel.LETTER
    )
    mobile = models.CharField(max_length=20, blank=True)
    #: The defendant's account, once they have linked the claim with the access code from
    #: their letter (``services.defendant.defendant_claim_link``). A code sent later and
    #: used from another account moves the claim to that account.
    user = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    linked_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["claim", "role", "id"]
        verbose_name_plural = "parties"
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "role"],
                name="civil_claims_one_party_per_role",
                violation_error_message="A claim has one claimant and one defendant",
            ),
            models.CheckConstraint(
                condition=~Q(contact_channel=ContactChannel.EMAIL) | ~Q(email=""),
                name="civil_claims_party_email_route_has_email",
                violation_error_message="Enter an email address to send messages by email",
            ),
            models.CheckConstraint(
                condition=~Q(contact_channel=ContactChannel.SMS) | ~Q(mobile=""),
                name="civil_claims_party_sms_route_has_mobile",
                violation_error_message="Enter a mobile number to send text messages",
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.name}"

    @property
    def address_lines(self) -> list[str]:
        lines = [self.address_line_1, self.address_line_2, self.address_town, self.address_postcode]
        return [line for line in lines if line]

    @property
    def correspondence_lines(self) -> list[str]:
        lines = [
            self.correspondence_line_1,
            self.correspondence_line_2,
            self.correspondence_town,
            self.correspondence_postcode,
        ]
        return [line for line in lines if line]

    @property
    def postal_lines(self) -> list[str]:
        """Where letters go: the correspondence address when given, else the address."""
        return self.correspondence_lines if self.correspondence_line_1 else self.address_lines

    @property
    def display_name(self) -> str:
        """The name on the claim form: a sole trader's trading name follows their name."""
        if self.party_type == PartyType.SOLE_TRADER and self.trading_name:
            return trading_as(self.name, self.trading_name)
        return self.name


def trading_as(name: str, trading_name: str) -> str:
    """A sole trader's name with their business name after it, as the claim form puts it, in
    the active language."""
    return gettext("%(name)s trading as %(trading_name)s") % {
        "name": name,
        "trading_name": trading_name,
    }


class AccessCode(models.Model):
    """A single-use code posted to a defendant to link to their claim online: a money
    claim's defendant (``claim`` and ``party``) or one defendant of a possession claim
    (``possession_party``; its claim is the party's), never both.

    Only a keyed hash is kept (``services.access_code_hash``); the code itself is
    printed once, on the letter. A new code revokes the earlier ones (of that defendant).
    """

    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="access_codes"
    )
    party = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.CASCADE, related_name="access_codes"
    )
    possession_party = models.ForeignKey(
        "civil_claims.PossessionParty",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="access_codes",
    )
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(claim__isnull=False, party__isnull=False, possession_party__isnull=True)
                    | Q(claim__isnull=True, party__isnull=True, possession_party__isnull=False)
                ),
                name="civil_claims_access_code_one_kind_of_claim",
                violation_error_message=(
                    "An access code is for a money claim's defendant or a possession "
                    "claim's defendant"
                ),
            ),
        ]

    def __str__(self):
        return f"Access code from {self.created_at:%d %b %Y}"

    @property
    def is_live(self) -> bool:
        return self.used_at is None and self.revoked_at is None
