"""Possession claims: statuses and their allowed moves, limits and names.

The landlord's side up to issue (domain notes, section 4, PCS): the draft is the
journey's own (save and return); sending it records the claim waiting for the fee
(PCS PENDING_CASE_ISSUED), or for a caseworker's Help with Fees decision; paying, or
full remission, issues it (CASE_ISSUED). A claim never paid is closed, never issued.
After issue a caseworker lists the hearing; it may be adjourned (listed again) or
cancelled (the claim waits to be listed again); its outcome is an outright or a
suspended possession order, or the claim is dismissed. A defendant's response moves the
claim to "response received" (or "defence received" when they dispute it) until its
hearing is listed again, adjourned or decided. After an order the landlord may
ask for a warrant of possession: its own fee (card or Help with Fees), then a
caseworker issues it with the eviction date.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PossessionStatus(models.TextChoices):
    AWAITING_PAYMENT = "awaiting_payment", _("Waiting for the court fee")
    HWF_PENDING = "hwf_pending", _("Help with Fees to decide")
    HWF_AWAITING_CLAIMANT = (
        "hwf_awaiting_claimant",
        _("Waiting for the claimant after Help with Fees"),
    )
    ISSUED = "issued", _("Issued")
    CLOSED_NOT_ISSUED = "closed_not_issued", _("Closed without being issued")
    HEARING_LISTED = "hearing_listed", _("Hearing listed")
    HEARING_ADJOURNED = "hearing_adjourned", _("Hearing adjourned")
    RESPONSE_RECEIVED = "response_received", _("Response received")
    DEFENCE_RECEIVED = "defence_received", _("Defence received")
    POSSESSION_ORDERED = "possession_ordered", _("Outright possession order")
    ORDER_SUSPENDED = "order_suspended", _("Suspended possession order")
    DISMISSED = "dismissed", _("Claim dismissed")
    WARRANT_AWAITING_PAYMENT = (
        "warrant_awaiting_payment",
        _("Warrant asked for: waiting for the fee"),
    )
    WARRANT_HWF_PENDING = "warrant_hwf_pending", _("Warrant: Help with Fees to decide")
    WARRANT_HWF_AWAITING_CLAIMANT = (
        "warrant_hwf_awaiting_claimant",
        _("Warrant: waiting for the claimant after Help with Fees"),
    )
    WARRANT_REQUESTED = "warrant_requested", _("Warrant asked for: to issue")
    WARRANT_ISSUED = "warrant_issued", _("Warrant issued")


S = PossessionStatus

POSSESSION_TRANSITIONS: dict[str, tuple[str, ...]] = {
    # Sent: paid by card, or sent with a Help with Fees reference; closed if never paid.
    S.AWAITING_PAYMENT: (S.ISSUED, S.HWF_PENDING, S.CLOSED_NOT_ISSUED),
    # A caseworker decides Help with Fees: full remission issues the claim; part, none,
    # more information or an invalid reference wait for the landlord.
    S.HWF_PENDING: (S.ISSUED, S.HWF_AWAITING_CLAIMANT, S.CLOSED_NOT_ISSUED),
    S.HWF_AWAITING_CLAIMANT: (S.ISSUED, S.HWF_PENDING, S.CLOSED_NOT_ISSUED),
    # A caseworker lists the first hearing (4 to 8 weeks after issue); a tenant's response
    # (one that disputes the claim is a defence) moves the claim whether or not a hearing
    # is listed, and the hearing rows say whether one is (ADR 0021).
    S.ISSUED: (S.HEARING_LISTED, S.RESPONSE_RECEIVED, S.DEFENCE_RECEIVED),
    # Cancelled: back to be listed again; adjourned (before or at the hearing); or decided.
    S.HEARING_LISTED: (
        S.ISSUED,
        S.HEARING_ADJOURNED,
        S.POSSESSION_ORDERED,
        S.ORDER_SUSPENDED,
        S.DISMISSED,
        S.RESPONSE_RECEIVED,
        S.DEFENCE_RECEIVED,
    ),
    S.HEARING_ADJOURNED: (S.HEARING_LISTED, S.RESPONSE_RECEIVED, S.DEFENCE_RECEIVED),
    # After a response: a hearing listed, or the listed one adjourned or decided (a
    # cancelled one leaves the status as it is: still to be listed); another defendant's
    # defence turns a response into a defence, never back.
    S.RESPONSE_RECEIVED: (
        S.DEFENCE_RECEIVED,
        S.HEARING_LISTED,
        S.HEARING_ADJOURNED,
        S.POSSESSION_ORDERED,
        S.ORDER_SUSPENDED,
        S.DISMISSED,
    ),
    S.DEFENCE_RECEIVED: (
        S.HEARING_LISTED,
        S.HEARING_ADJOURNED,
        S.POSSESSION_ORDERED,
        S.ORDER_SUSPENDED,
        S.DISMISSED,
    ),
    # After an order the landlord may ask for a warrant: paying by card, or Help with Fees.
    S.POSSESSION_ORDERED: (S.WARRANT_AWAITING_PAYMENT, S.WARRANT_HWF_PENDING),
    S.ORDER_SUSPENDED: (S.WARRANT_AWAITING_PAYMENT, S.WARRANT_HWF_PENDING),
    S.WARRANT_AWAITING_PAYMENT: (S.WARRANT_REQUESTED,),
    S.WARRANT_HWF_PENDING: (S.WARRANT_REQUESTED, S.WARRANT_HWF_AWAITING_CLAIMANT),
    S.WARRANT_HWF_AWAITING_CLAIMANT: (S.WARRANT_REQUESTED, S.WARRANT_HWF_PENDING),
    # A caseworker issues the warrant with the eviction date.
    S.WARRANT_REQUESTED: (S.WARRANT_ISSUED,),
    S.WARRANT_ISSUED: (),
    S.CLOSED_NOT_ISSUED: (),
    S.DISMISSED: (),
}
del S


class PossessionFeeKind(models.TextChoices):
    CLAIM = "claim", _("Possession claim (county court)")
    WARRANT = "warrant", _("Warrant of possession")
    COUNTERCLAIM = "counter", _("Counterclaim for any other remedy")
    APPLICATION = "gen_app", _("General application on notice")


class PossessionPartyRole(models.TextChoices):
    CLAIMANT = "claimant", _("Claimant")
    DEFENDANT = "defendant", _("Defendant")


class CertificateAnswer(models.TextChoices):
    """Whether a safety certificate (EPC, gas safety, EICR) was given to the tenant."""

    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_APPLICABLE = "not_applicable", _("Not needed for this property")


POSSESSION_DEFENDANTS_MAX = 20  # as many as a legal representative's claim may name
POSSESSION_GROUND_REASON_MAX_LENGTH = 6_800
POSSESSION_TEXT_MAX_LENGTH = 6_800
ARREARS_ROWS_MAX = 300  # a weekly rent over two years is 105 rows; room for part payments
POSSESSION_AUDIT_OBJECT = "possession_claim"
PAYMENT_PURPOSE_POSSESSION_FEE = "civil-claims-possession-fee"
PAYMENT_PURPOSE_POSSESSION_WARRANT_FEE = "civil-claims-possession-warrant-fee"


class HearingKind(models.TextChoices):
    FIRST = "first", _("Possession claim first hearing")
    APPLICATION = "application", _("Application hearing")
    ADJOURNED = "adjourned", _("Adjourned hearing")
    OTHER = "other", _("Other hearing")


class HearingStatus(models.TextChoices):
    LISTED = "listed", _("Listed")
    ADJOURNED = "adjourned", _("Adjourned")
    CANCELLED = "cancelled", _("Cancelled")
    HEARD = "heard", _("Heard")


HEARING_TRANSITIONS: dict[str, tuple[str, ...]] = {
    HearingStatus.LISTED: (HearingStatus.ADJOURNED, HearingStatus.CANCELLED, HearingStatus.HEARD),
    HearingStatus.ADJOURNED: (),
    HearingStatus.CANCELLED: (),
    HearingStatus.HEARD: (),
}


class HearingOutcome(models.TextChoices):
    OUTRIGHT = "outright", _("Outright possession order")
    SUSPENDED = "suspended", _("Suspended possession order")
    ADJOURNED = "adjourned", _("Adjourned")
    DISMISSED = "dismissed", _("Dismissed")


class WarrantBasis(models.TextChoices):
    DATE_PASSED = "date_passed", _("The date to give up possession has passed")
    TERMS_BROKEN = "terms_broken", _("The terms of the suspended order were broken")


#: First hearing: 4 to 8 weeks after issue; the papers served at least 21 days before it.
HEARING_WINDOW_FIRST_DAYS = 28
HEARING_WINDOW_LAST_DAYS = 56
HEARING_NOTICE_MIN_DAYS = 21
HEARING_NOTICE_WORDING_MAX_LENGTH = 2_000
REASON_MAX_LENGTH = 1_000
#: Statuses in which the claim is waiting for its claim fee or its warrant fee.
FEE_PAYABLE = (PossessionStatus.AWAITING_PAYMENT, PossessionStatus.HWF_AWAITING_CLAIMANT)
WARRANT_FEE_PAYABLE = (
    PossessionStatus.WARRANT_AWAITING_PAYMENT,
    PossessionStatus.WARRANT_HWF_AWAITING_CLAIMANT,
)
ORDERED = (PossessionStatus.POSSESSION_ORDERED, PossessionStatus.ORDER_SUSPENDED)
#: Statuses a tenant's response leaves: the claim is waiting for, or at, its hearing.
RESPONDED = (PossessionStatus.RESPONSE_RECEIVED, PossessionStatus.DEFENCE_RECEIVED)
