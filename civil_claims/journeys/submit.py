"""Sending the claim: the journey's answers become a ``ClaimDraft`` for
``services.claim_submit``; then the card payment starts (typed by the agent, as a
telephone payment, in an assisted-digital session), or, with a Help with Fees reference,
the claim waits for the caseworker and the citizen sees the confirmation.

If interest added since the citizen saw the fee moved the claim into another band,
``claim_submit`` refuses (``FeeChanged``) and the check page sends them back to the fee
page, which then says "Your court fee has changed" and shows the new fee.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext

from digital_services.core.grants import TTL_CONFIRMATION, grant_url
from digital_services.core.money import pence_format
from digital_services.journeys.contact import contact_route
from digital_services.journeys.definitions import Answers
from digital_services.journeys.exceptions import JourneySubmitError
from digital_services.payments.services import PaymentProviderUnavailable

from ..constants import ContactChannel, PartyType
from .figures import amount_rows, interest_answers
from .forms import PAY_WITH_HWF
from .parties import party_name


def on_site(url: str) -> str:
    """Our own pages (the payments sandbox) as a path, so the redirect works on any host
    name the site is reached by; GOV.UK Pay's pages stay absolute."""
    if url.startswith(settings.SITE_URL + "/"):
        return url.removeprefix(settings.SITE_URL)
    return url


def _party(answers: Answers, role: str, **contact):
    from ..services.submit import PartyDraft

    details = answers.value(role) or {}
    letters = answers.value(f"{role}-correspondence") or {}
    return PartyDraft(
        party_type=answers.value(f"{role}-type", "party_type") or PartyType.INDIVIDUAL,
        name=party_name(details, trading=False),
        title=details.get("title", ""),
        first_name=details.get("first_name", ""),
        last_name=details.get("last_name", ""),
        trading_name=details.get("trading_name", ""),
        contact_person=details.get("contact_person", ""),
        companies_house_number=details.get("companies_house_number", ""),
        date_of_birth=details.get("date_of_birth"),
        address_line_1=details.get("line_1", ""),
        address_line_2=details.get("line_2", ""),
        address_town=details.get("town", ""),
        address_postcode=details.get("postcode", ""),
        correspondence_line_1=letters.get("correspondence_line_1", ""),
        correspondence_line_2=letters.get("correspondence_line_2", ""),
        correspondence_town=letters.get("correspondence_town", ""),
        correspondence_postcode=letters.get("correspondence_postcode", ""),
        **contact,
    )


def claim_draft_from(answers: Answers, *, language: str = "en"):
    """The answers as the plain ``ClaimDraft`` that ``services.claim_submit`` takes."""
    from ..services.submit import ClaimDraft

    route = contact_route(answers.value("contact"))
    claimant = _party(
        answers,
        "claimant",
        contact_channel=route.channel,
        email=route.email,
        mobile=route.mobile,
        phone=(answers.value("claimant") or {}).get("phone", ""),
    )
    their = answers.value("defendant-contact") or {}
    defendant = _party(
        answers,
        "defendant",
        email=their.get("email", ""),
        phone=their.get("phone", ""),
        contact_channel=ContactChannel.EMAIL if their.get("email") else ContactChannel.LETTER,
    )
    sot = answers.value("statement-of-truth") or {}
    hwf = answers.value("fee", "how") == PAY_WITH_HWF
    return ClaimDraft(
        claimant=claimant,
        defendant=defendant,
        amount_rows=[(row["reason"], row["amount_pence"]) for row in amount_rows(answers)],
        reason=answers.value("reason", "reason", ""),
        interest=interest_answers(answers),
        timeline=[(e["when"], e["what"]) for e in answers.value("timeline") or []],
        evidence=[
            (e["evidence_type"], e.get("description", "")) for e in answers.value("evidence") or []
        ],
        sot_signed=bool(sot.get("believed_true")),
        sot_signer_name=sot.get("signer_name", ""),
        sot_signer_role=sot.get("signer_role", ""),
        hwf_reference=answers.value("hwf-reference", "reference", "") if hwf else "",
        dispute_resolution_tried=answers.value("resolving", "tried") == "yes",
        language=language,
    )


def claim_page_url(claim, name: str) -> str:
    """A page about the claim, reached through a grant so it opens for whoever sent it
    (signed in, not signed in, or an agent helping the citizen)."""
    target = reverse(f"civil_claims:{name}", args=[claim.reference])
    return grant_url(
        scope=_grant_scope(), reference=claim.reference, next_url=target, ttl=TTL_CONFIRMATION
    )


def _grant_scope() -> str:
    from ..services.common import GRANT_SCOPE_CLAIM

    return GRANT_SCOPE_CLAIM


def claim_submit_from_journey(*, answers: Answers, user, channel, assisted_session, language):
    """Record the claim, then go to the card payment or (Help with Fees) the confirmation."""
    from .. import services
    from ..services.submit import ClaimInvalid, FeeChanged

    agent = getattr(assisted_session, "agent", None)
    quoted = answers.value("fee", "quoted_fee_pence")
    try:
        claim = services.claim_submit(
            draft=claim_draft_from(answers, language=language),
            user=user,
            expected_fee_pence=quoted,
            actor=agent or user,
            on_behalf_of=user if agent else None,
            channel="assisted" if agent else "online",
        )
    except FeeChanged as exc:
        raise JourneySubmitError(
            gettext(
                "Your court fee has changed to %(fee)s, because interest added since you saw it "
                "moved your claim into a higher fee band. Check the new fee"
            )
            % {"fee": pence_format(exc.figures.fee.fee_pence)},
            step="fee",
        ) from exc
    except ClaimInvalid as exc:
        raise JourneySubmitError(str(exc)) from exc
    confirmation = claim_page_url(claim, "claim-confirmation")
    if claim.hwf_reference:
        return confirmation
    try:
        return on_site(
            services.claim_payment_start(
                claim=claim, return_to=confirmation, started_by=user, entered_by=agent
            )
        )
    except PaymentProviderUnavailable as exc:
        raise JourneySubmitError(
            gettext(
                "Sorry, the payment service is not working at the moment. You have not been "
                "charged and your claim has not been sent. Try again later."
            )
        ) from exc
