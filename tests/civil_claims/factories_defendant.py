"""The defendant's side: the access code a claim's letter carries, and a claim linked to a
defendant's account (through the services, as the pages do it)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from civil_claims.models import Claim
from civil_claims.services.defendant import defendant_access_check, defendant_claim_link
from digital_services.notifications.models import OutboundMessage

from .factories import claim_issued


def messages_about(claim: Claim):
    return OutboundMessage.objects.filter(
        content_type=ContentType.objects.get_for_model(Claim), object_id=str(claim.pk)
    ).order_by("id")


def access_code_from_letter(claim: Claim) -> str:
    """The newest access code posted to the claim's defendant (the code itself is only in
    the letter: the claim keeps a keyed hash)."""
    letters = [m for m in messages_about(claim) if m.channel == "letter"]
    return next(m for m in reversed(letters) if "access_code" in m.personalisation).personalisation[
        "access_code"
    ]


def claim_linked_to(user, **kwargs) -> Claim:
    """An issued claim whose defendant has linked it to ``user``'s account."""
    claim = claim_issued(**kwargs)
    access = defendant_access_check(
        claim_number=claim.claim_number, code=access_code_from_letter(claim)
    )
    return defendant_claim_link(access_code_id=access.pk, user=user)
