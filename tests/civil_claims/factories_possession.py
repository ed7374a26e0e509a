"""Possession claims in each state, for tests (no randomness: fixed answers)."""

from __future__ import annotations

import datetime as dt

from civil_claims.models import PossessionClaim, PossessionGround, PossessionParty
from civil_claims.possession_constants import PossessionPartyRole, PossessionStatus


def possession_claim(status: str = PossessionStatus.AWAITING_PAYMENT, *, user=None, **fields):
    """A sent claim for a flat in England let on an assured tenancy, ground 8, in ``status``."""
    number = PossessionClaim.objects.count() + 1
    values = {
        "reference": f"P{number:09d}",
        "user": user,
        "claimant_type": "private_landlord",
        "country": "england",
        "property_line_1": "Flat 2, 10 High Street",
        "property_town": "Leeds",
        "property_postcode": "LS1 4AB",
        "tenancy_type": "assured",
        "tenancy_start_date": dt.date(2023, 6, 1),
        "rent_pence": 95000,
        "rent_frequency": "monthly",
        "daily_rent_calculated_pence": 3121,
        "daily_rent_pence": 3121,
        "epc_given": "yes",
        "gas_safety_given": "yes",
        "eicr_given": "yes",
        "fee_pence": 40400,
        "sot_signer_name": "Lana Lord",
        "status": status,
    }
    values.update(fields)
    claim = PossessionClaim.objects.create(**values)
    PossessionParty.objects.create(
        claim=claim,
        role=PossessionPartyRole.CLAIMANT,
        name="Lana Lord",
        address_line_1="1 Park Road",
        address_town="Leeds",
        address_postcode="LS2 9JT",
        email="lana@example.com",
        contact_channel="email",
    )
    PossessionParty.objects.create(
        claim=claim,
        role=PossessionPartyRole.DEFENDANT,
        name="Terry Tenant",
        address_line_1="Flat 2, 10 High Street",
        address_town="Leeds",
        address_postcode="LS1 4AB",
    )
    PossessionGround.objects.create(
        claim=claim,
        position=0,
        code="8",
        label="Ground 8: serious rent arrears",
        arrears=True,
        reason="Three months unpaid",
    )
    return claim
