"""What the claim services share: row locks, links, routes and sending messages."""

from __future__ import annotations

import logging

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from digital_services.core.dates import date_format
from digital_services.core.grants import grant_url
from digital_services.core.money import pence_format
from digital_services.core.references import access_code_hash  # noqa: F401 (services API)
from digital_services.journeys.contact import ContactRoute
from digital_services.notifications.constants import Channel
from digital_services.notifications.services import notification_send

from ..constants import AUDIT_SERVICE, ContactChannel
from ..models import Claim, Party, PossessionClaim

logger = logging.getLogger(__name__)

GRANT_SCOPE_CLAIM = "civil_claims.claim"
#: The claimant's claim page (civil_claims.urls, built with the journey), taking the
#: claim's ``reference``. Until it exists, links go to the service's start page.
CLAIM_PAGE_URL_NAME = "civil_claims:claim-detail"
#: Where a defendant starts to respond with their claim number and access code.
RESPOND_URL_NAME = "civil_claims:respond-start"


def locked(model, pk):
    return model.objects.select_for_update().get(pk=pk)


def _path(url_name: str, *args) -> str:
    try:
        return reverse(url_name, args=args)
    except NoReverseMatch:
        return reverse("civil_claims:start")


def claim_link(claim: Claim) -> str:
    """The link in a message to the claimant: the platform's grant link (core/grants.py),
    so it opens for them whether or not they have an account."""
    return grant_url(
        scope=GRANT_SCOPE_CLAIM,
        reference=claim.reference,
        next_url=_path(CLAIM_PAGE_URL_NAME, claim.reference),
        absolute=True,
    )


def respond_link() -> str:
    return f"{settings.SITE_URL}{_path(RESPOND_URL_NAME)}"


def court_phone() -> str:
    return settings.CONTACT_PHONE


def court_postal_address() -> str:
    return ", ".join(settings.CONTACT_POSTAL_ADDRESS)


def party_route(party: Party) -> ContactRoute:
    """Where a party's messages go: the route they (or the claimant, for the defendant) chose."""
    return ContactRoute(
        channel=party.contact_channel,
        email=party.email if party.contact_channel == ContactChannel.EMAIL else "",
        mobile=party.mobile if party.contact_channel == ContactChannel.SMS else "",
        address="\n".join(party.postal_lines),
        name=party.display_name,
    )


def party_letter_route(party: Party) -> ContactRoute:
    """A letter to the party's postal address, whatever their chosen route."""
    return ContactRoute(
        channel=Channel.LETTER, address="\n".join(party.postal_lines), name=party.display_name
    )


def message_send(
    *, template: str, route: ContactRoute, claim: Claim | PossessionClaim, personalisation: dict
) -> None:
    """Queue ``template`` about a money or possession claim to ``route`` (sent after the
    caller's transaction commits). A route with nowhere to send is logged (by the claim's
    kind and id only) and skipped."""
    if not route.usable:
        logger.warning("%s %s: no way to send %s", type(claim).__name__, claim.pk, template)
        return
    notification_send(
        template=template,
        to=route.to,
        personalisation=personalisation,
        language=claim.language if claim.language in ("en", "cy") else "en",
        channel=route.channel,
        about=claim,
        service=AUDIT_SERVICE,
        reference=claim.claim_number or claim.reference,
    )


def deadline_text(claim: Claim) -> str:
    return date_format(claim.response_deadline) if claim.response_deadline else ""


def money(pence: int | None) -> str:
    return pence_format(pence or 0)
