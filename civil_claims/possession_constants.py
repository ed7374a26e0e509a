"""Possession claims: statuses and their allowed moves, limits and names.

The landlord's side up to issue (domain notes, section 4, PCS): the draft is the
journey's own (save and return); sending it records the claim waiting for the fee
(PCS PENDING_CASE_ISSUED), or for a caseworker's Help with Fees decision; paying, or
full remission, issues it (CASE_ISSUED). A claim never paid is closed, never issued.
Hearings, the tenant's response and the warrant add their moves in later slices.
"""

from __future__ import annotations

from django.db import models


class PossessionStatus(models.TextChoices):
    AWAITING_PAYMENT = "awaiting_payment", "Waiting for the court fee"
    HWF_PENDING = "hwf_pending", "Help with Fees to decide"
    HWF_AWAITING_CLAIMANT = "hwf_awaiting_claimant", "Waiting for the claimant after Help with Fees"
    ISSUED = "issued", "Issued"
    CLOSED_NOT_ISSUED = "closed_not_issued", "Closed without being issued"


S = PossessionStatus

POSSESSION_TRANSITIONS: dict[str, tuple[str, ...]] = {
    # Sent: paid by card, or sent with a Help with Fees reference; closed if never paid.
    S.AWAITING_PAYMENT: (S.ISSUED, S.HWF_PENDING, S.CLOSED_NOT_ISSUED),
    # A caseworker decides Help with Fees: full remission issues the claim; part, none,
    # more information or an invalid reference wait for the landlord.
    S.HWF_PENDING: (S.ISSUED, S.HWF_AWAITING_CLAIMANT, S.CLOSED_NOT_ISSUED),
    S.HWF_AWAITING_CLAIMANT: (S.ISSUED, S.HWF_PENDING, S.CLOSED_NOT_ISSUED),
    # The hearing, the tenant's response and the warrant start from here (later slices).
    S.ISSUED: (),
    S.CLOSED_NOT_ISSUED: (),
}
del S


class PossessionFeeKind(models.TextChoices):
    CLAIM = "claim", "Possession claim (county court)"
    WARRANT = "warrant", "Warrant of possession"


class PossessionPartyRole(models.TextChoices):
    CLAIMANT = "claimant", "Claimant"
    DEFENDANT = "defendant", "Defendant"


class CertificateAnswer(models.TextChoices):
    """Whether a safety certificate (EPC, gas safety, EICR) was given to the tenant."""

    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_APPLICABLE = "not_applicable", "Not needed for this property"


POSSESSION_DEFENDANTS_MAX = 20  # as many as a legal representative's claim may name
POSSESSION_GROUND_REASON_MAX_LENGTH = 6_800
POSSESSION_TEXT_MAX_LENGTH = 6_800
ARREARS_ROWS_MAX = 300  # a weekly rent over two years is 105 rows; room for part payments
POSSESSION_AUDIT_OBJECT = "possession_claim"
PAYMENT_PURPOSE_POSSESSION_FEE = "civil-claims-possession-fee"
