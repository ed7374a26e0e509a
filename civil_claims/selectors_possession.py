"""Possession claims: reads, narrowed to what the viewer may see."""

from __future__ import annotations

from digital_services.accounts.citizens import case_owner_for_request
from digital_services.core.grants import grant_held

from .models import PossessionClaim


def possession_claim_get_for_viewer(*, reference: str, request) -> PossessionClaim | None:
    """The claim with this reference if the viewer is its claimant: the signed-in owner (or
    the citizen a member of staff is helping), or a browser holding its grant. Else None."""
    from .services.possession import GRANT_SCOPE_POSSESSION

    claim = (
        PossessionClaim.objects.filter(reference=reference)
        .prefetch_related("parties", "grounds", "arrears_rows")
        .first()
    )
    if claim is None:
        return None
    owner = case_owner_for_request(request)
    if claim.user_id and owner is not None and claim.user_id == owner.pk:
        return claim
    if grant_held(request, scope=GRANT_SCOPE_POSSESSION, reference=claim.reference):
        return claim
    return None
