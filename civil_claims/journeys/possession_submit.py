"""Sending a possession claim from the journey's answers: the plain draft, then the
confirmation page reached through a grant (as a money claim's is)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from digital_services.core.grants import TTL_CONFIRMATION, grant_url
from digital_services.journeys.contact import contact_route
from digital_services.journeys.definitions import Answers
from digital_services.journeys.exceptions import JourneySubmitError

from ..constants import ContactChannel
from ..possession_rules import NOTICE_METHODS_WITH_TIME
from .possession import arrears_chosen, arrears_rows, chosen_grounds


def _address(details: dict) -> dict:
    return {
        "address_line_1": details.get("line_1", ""),
        "address_line_2": details.get("line_2", ""),
        "address_town": details.get("town", ""),
        "address_postcode": details.get("postcode", ""),
    }


def possession_draft_from(answers: Answers, *, language: str = "en"):
    """The answers as the plain ``PossessionDraft`` that ``possession_claim_submit`` takes."""
    from ..services.possession import PossessionDraft, PossessionPartyDraft

    prop = answers.value("property") or {}
    kind = answers.value("claimant-type") or {}
    route = contact_route(answers.value("contact"))
    claimant_details = answers.value("claimant") or {}
    claimant = PossessionPartyDraft(
        name=claimant_details.get("name", ""),
        contact_channel=route.channel,
        email=route.email,
        mobile=route.mobile,
        **_address(claimant_details),
    )
    defendants = tuple(
        PossessionPartyDraft(
            name=d["name"],
            email=d.get("email") or "",
            contact_channel=ContactChannel.EMAIL if d.get("email") else ContactChannel.LETTER,
            **_address(d),
        )
        for d in answers.value("defendants") or []
    )
    tenancy = answers.value("tenancy") or {}
    reasons = answers.value("ground-reasons") or {}
    grounds = tuple((g.code, reasons.get(f"reason_{g.code}", "")) for g in chosen_grounds(answers))
    notice = answers.value("notice") or {}
    served = notice.get("served") == "yes"
    service = (answers.value("notice-service") or {}) if served else {}
    served_at = None
    if service.get("method") in NOTICE_METHODS_WITH_TIME and service.get("served_time"):
        served_at = timezone.make_aware(
            dt.datetime.combine(service["served_on"], service["served_time"])
        )
    arrears = arrears_chosen(answers)
    arrears_details = (answers.value("arrears-details") or {}) if arrears else {}
    pre_action = answers.value("pre-action") or {}
    circumstances = answers.value("circumstances") or {}
    certificates = answers.value("certificates") or {}
    sot = answers.value("statement-of-truth") or {}
    hwf = answers.value("fee", "how") == "hwf"
    trespass = answers.value("trespassers", "trespassers") == "yes"
    trespass_answers = (answers.value("trespass") or {}) if trespass else {}
    if trespass:
        certificates = dict.fromkeys(("epc", "gas_safety", "eicr"), "not_applicable")
    return PossessionDraft(
        against_trespassers=trespass,
        trespass_known_on=trespass_answers.get("known_on"),
        trespass_details=trespass_answers.get("details", ""),
        claimant_type=kind.get("claimant_type", ""),
        claimant_type_other=kind.get("other", ""),
        country=prop.get("country", ""),
        property_line_1=prop.get("line_1", ""),
        property_line_2=prop.get("line_2", ""),
        property_town=prop.get("town", ""),
        property_postcode=prop.get("postcode", ""),
        tenancy_type=tenancy.get("tenancy_type", ""),
        tenancy_type_other=tenancy.get("tenancy_other", ""),
        tenancy_start_date=tenancy.get("start_date"),
        rent_pence=tenancy.get("rent_pence") or 0,
        rent_frequency=tenancy.get("frequency", ""),
        rent_frequency_other=tenancy.get("frequency_other", ""),
        daily_rent_pence=answers.value("daily-rent", "daily_rent_pence") or 0,
        tenancy_agreement_missing_reason=answers.value("tenancy-agreement", "reason", ""),
        tenancy_agreement_upload=answers.value("tenancy-agreement", "document", ""),
        notice_upload=answers.value("notice-copy", "document", "") if served else "",
        rent_statement_upload=answers.value("rent-statement", "document", "") if arrears else "",
        claimant=claimant,
        defendants=defendants,
        grounds=grounds,
        notice_served=served,
        notice_type=notice.get("notice_type", "") if served else "",
        notice_method=service.get("method", ""),
        notice_served_on=service.get("served_on"),
        notice_served_at=served_at,
        notice_served_to=service.get("person", ""),
        notice_served_email=service.get("email", "") or "",
        notice_method_other=service.get("other", ""),
        notice_missing_reason=answers.value("notice-copy", "reason", "") if served else "",
        arrears_rows=tuple(arrears_rows(answers.value("arrears") or [])) if arrears else (),
        money_judgment_wanted=arrears_details.get("money_judgment") == "yes",
        recovery_steps=arrears_details.get("recovery_steps", ""),
        rent_statement_missing_reason=answers.value("rent-statement", "reason", "")
        if arrears
        else "",
        pre_action_protocol_followed=pre_action.get("followed") == "yes",
        pre_action_protocol_reason=pre_action.get("reason", ""),
        claimant_circumstances=circumstances.get("claimant", ""),
        defendant_circumstances=circumstances.get("defendants", ""),
        alternatives_considered=circumstances.get("alternatives", ""),
        other_occupiers=circumstances.get("other_occupiers", ""),
        epc_given=certificates.get("epc", ""),
        gas_safety_given=certificates.get("gas_safety", ""),
        eicr_given=certificates.get("eicr", ""),
        certificates_reason=certificates.get("reason", ""),
        hwf_reference=answers.value("hwf-reference", "reference", "") if hwf else "",
        sot_signer_name=sot.get("signer_name") or claimant.name,
        sot_signer_role=sot.get("signer_role", ""),
        language=language,
    )


def possession_page_url(claim, name: str) -> str:
    """A page about the claim, through a grant so it opens for whoever sent it."""
    from ..services.possession import GRANT_SCOPE_POSSESSION

    return grant_url(
        scope=GRANT_SCOPE_POSSESSION,
        reference=claim.reference,
        next_url=reverse(f"civil_claims:{name}", args=[claim.reference]),
        ttl=TTL_CONFIRMATION,
    )


def possession_submit_from_journey(*, answers: Answers, user, channel, assisted_session, language):
    """Record the claim and go to its confirmation page."""
    from ..possession_fees import PossessionFeeNotFound
    from ..services.possession import PossessionClaimInvalid, possession_claim_submit

    agent = getattr(assisted_session, "agent", None)
    try:
        claim = possession_claim_submit(
            draft=possession_draft_from(answers, language=language),
            user=user,
            actor=agent or user,
            on_behalf_of=user if agent else None,
            channel="assisted" if agent else "online",
        )
    except PossessionClaimInvalid as exc:
        raise JourneySubmitError(str(exc)) from exc
    except PossessionFeeNotFound as exc:
        raise JourneySubmitError(
            gettext(
                "Sorry, we cannot work out the court fee today. Your claim has not been sent. "
                "Try again later."
            )
        ) from exc
    confirmation = possession_page_url(claim, "possession-confirmation")
    if claim.hwf_reference:
        return confirmation
    from digital_services.payments.services import PaymentProviderUnavailable

    from ..services.possession import possession_payment_start
    from .submit import on_site

    try:
        return on_site(
            possession_payment_start(
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
