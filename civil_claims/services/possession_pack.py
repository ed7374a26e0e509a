"""Possession claims: the messages to the parties, and the claim pack sent on issue.

On issue (``possession_claim_issued_send``, called by ``possession_claim_issue`` in its
transaction): each defendant gets a new access code of their own (the defendant side's
``possession_access_code_issue``) in a letter from the outbox, with the claim form and
particulars PDF printed behind it (``possession_letter_enclosures``, through the
service's ``letter_enclosures``); the landlord is told by their own route. The PDF is
made once, after commit, and kept in the document store with the claim's retention (the
letter batch makes it then if it is still missing, so no letter is printed without it).
"""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from digital_services.core.dates import date_format
from digital_services.core.grants import grant_url
from digital_services.documents.constants import DocumentKind
from digital_services.documents.services import document_read, document_store
from digital_services.journeys.contact import ContactRoute
from digital_services.notifications.constants import Channel

from ..constants import ContactChannel
from ..models import PossessionClaim, PossessionParty
from .common import court_phone, court_postal_address, message_send

PACK_TEMPLATE = "civil_claims.possession_claim_pack"
CLAIM_PAGE_URL_NAME = "civil_claims:possession-claim"
RESPOND_URL_NAME = "civil_claims:possession-respond-start"


def possession_party_route(party: PossessionParty) -> ContactRoute:
    """A party's route: the one they chose (the landlord), or the one the landlord gave
    for a defendant (email when they gave the address, else a letter)."""
    return ContactRoute(
        channel=party.contact_channel,
        email=party.email if party.contact_channel == ContactChannel.EMAIL else "",
        mobile=party.mobile if party.contact_channel == ContactChannel.SMS else "",
        address="\n".join(party.address_lines),
        name=party.name,
    )


def possession_send_all(*, template: str, claim: PossessionClaim, personalisation: dict) -> None:
    """The same message to every party of the claim, each by their route."""
    for party in claim.parties.all():
        message_send(
            template=template,
            route=possession_party_route(party),
            claim=claim,
            personalisation=personalisation,
        )


def possession_claim_link(claim: PossessionClaim) -> str:
    """The landlord's claim page, through a grant so it opens for them from a message."""
    from .possession import GRANT_SCOPE_POSSESSION

    try:
        next_url = reverse(CLAIM_PAGE_URL_NAME, args=[claim.reference])
    except NoReverseMatch:
        next_url = reverse("civil_claims:start")
    return grant_url(
        scope=GRANT_SCOPE_POSSESSION, reference=claim.reference, next_url=next_url, absolute=True
    )


def _respond_link() -> str:
    from django.conf import settings

    try:
        path = reverse(RESPOND_URL_NAME)
    except NoReverseMatch:
        path = reverse("civil_claims:start")
    return f"{settings.SITE_URL}{path}"


def property_text(claim: PossessionClaim) -> str:
    return ", ".join(claim.property_lines)


def possession_claim_issued_send(*, claim: PossessionClaim, actor=None) -> None:
    """The claim pack letter to each defendant with their own access code, and the
    landlord's message, by their route. Call in the issuing transaction."""
    from .defendant import possession_access_code_issue

    claimant = claim.claimant
    common = {
        "property": property_text(claim),
        "issue_date": date_format(claim.issue_date),
        "claim_number": claim.claim_number,
    }
    for defendant in claim.defendants:
        code = possession_access_code_issue(party=defendant, actor=actor)
        message_send(
            template=PACK_TEMPLATE,
            route=ContactRoute(
                channel=Channel.LETTER,
                address="\n".join(defendant.address_lines),
                name=defendant.name,
            ),
            claim=claim,
            personalisation={
                **common,
                "claimant_name": claimant.name,
                "access_code": code,
                "respond_url": _respond_link(),
                "phone": court_phone(),
                "postal_address": court_postal_address(),
            },
        )
    message_send(
        template="civil_claims.possession_issued_claimant",
        route=possession_party_route(claimant),
        claim=claim,
        personalisation={**common, "claim_url": possession_claim_link(claim)},
    )
    transaction.on_commit(partial(possession_claim_pack_make, claim_id=claim.pk))


def possession_claim_pack_make(*, claim_id: int):
    """Make the claim form and particulars PDF of an issued claim and keep it (once).
    Returns the Document, or None for a claim gone or not issued."""
    from ..pdf_possession import possession_claim_pack_pdf
    from ..retention import claim_documents_delete_after

    with transaction.atomic():
        claim = (
            PossessionClaim.objects.select_for_update(of=("self",))
            .filter(pk=claim_id)
            .select_related("claim_pack")
            .first()
        )
        if claim is None or not claim.claim_number:
            return None
        if claim.claim_pack_id:
            return claim.claim_pack
        document = document_store(
            content=possession_claim_pack_pdf(claim),
            kind=DocumentKind.CLAIM_FORM,
            content_type="application/pdf",
            filename=f"possession-claim-{claim.claim_number}.pdf",
            owner=claim.user,
            case=claim,
            delete_after=claim_documents_delete_after(claim.issue_date or timezone.localdate()),
        )
        claim.claim_pack = document
        claim.save(update_fields=["claim_pack", "updated_at"])
        return document


def possession_letter_enclosures(*, message) -> list[tuple[str, bytes]]:
    """For the letter batch: the claim pack PDF behind each defendant's claim pack
    letter (made now if it is still missing). Other letters enclose nothing."""
    if message.template_key != PACK_TEMPLATE or not message.object_id:
        return []
    document = possession_claim_pack_make(claim_id=int(message.object_id))
    if document is None:
        return []
    return [(document.filename, document_read(document=document))]


__all__ = [
    "possession_claim_issued_send",
    "possession_claim_link",
    "possession_claim_pack_make",
    "possession_letter_enclosures",
    "possession_party_route",
    "possession_send_all",
]
