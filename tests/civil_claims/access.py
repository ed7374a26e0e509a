"""What citizen A owns in Make a money claim, for the access matrix: the URL arguments of
each of its pages that take one (``matrix.declared_url_kwargs``)."""

import datetime as dt

from tests.quality.access.world import CITIZEN_A, World


def _claim(world: World):
    """Citizen A's issued claim, with its sealed claim form (made once per World)."""
    if "_civil_claims_claim" not in world.__dict__:
        from civil_claims.services import claim_form_seal

        from .factories import claim_issued

        claim = claim_issued(user=world.user(CITIZEN_A))
        claim_form_seal(claim_id=claim.pk)
        claim.refresh_from_db()
        world.__dict__["_civil_claims_claim"] = claim
    return world.__dict__["_civil_claims_claim"]


def _reference(world: World) -> dict:
    return {"reference": _claim(world).reference}


def _defended(world: World) -> dict:
    """A claim made against citizen A by someone else, linked to A's account with its code."""
    if "_civil_claims_defended" not in world.__dict__:
        from civil_claims.services import claim_form_seal

        from .factories_defendant import claim_linked_to

        claim = claim_linked_to(world.user(CITIZEN_A))
        claim_form_seal(claim_id=claim.pk)
        world.__dict__["_civil_claims_defended"] = claim
    return {"reference": world.__dict__["_civil_claims_defended"].reference}


def _responded(world: World) -> dict:
    """A claim made against citizen A that A has responded to, with a counterclaim whose fee
    is still to pay by card."""
    if "_civil_claims_responded" not in world.__dict__:
        from civil_claims.services.response import (
            CounterclaimAnswers,
            ResponseAnswers,
            response_submit,
        )

        from .factories_defendant import claim_linked_to

        claim = claim_linked_to(world.user(CITIZEN_A))
        response_submit(
            claim=claim,
            answers=ResponseAnswers(
                response_type="full_defence",
                defence_type="dispute",
                defence="Nothing is owed",
                counterclaim=CounterclaimAnswers(
                    amount_pence=50000, reason="An unpaid invoice", fee_route="card"
                ),
            ),
        )
        world.__dict__["_civil_claims_responded"] = claim
    return {"reference": world.__dict__["_civil_claims_responded"].reference}


def _possession(world: World) -> dict:
    """Citizen A's sent possession claim."""
    if "_civil_claims_possession" not in world.__dict__:
        from .factories_possession import possession_claim

        world.__dict__["_civil_claims_possession"] = possession_claim(user=world.user(CITIZEN_A))
    return {"reference": world.__dict__["_civil_claims_possession"].reference}


def _possession_defended(world: World) -> dict:
    """A possession claim against citizen A, linked to A's account with its access code."""
    if "_civil_claims_possession_defended" not in world.__dict__:
        from .factories_possession_defendant import possession_claim_linked_to

        world.__dict__["_civil_claims_possession_defended"] = possession_claim_linked_to(
            world.user(CITIZEN_A)
        )
    return {"reference": world.__dict__["_civil_claims_possession_defended"].reference}


def _possession_issued(world: World) -> dict:
    """Citizen A's issued possession claim, with its claim pack PDF."""
    if "_civil_claims_possession_issued" not in world.__dict__:
        from civil_claims.possession_constants import PossessionStatus
        from civil_claims.services.possession_pack import possession_claim_pack_make

        from .factories_possession import possession_claim

        claim = possession_claim(
            PossessionStatus.ISSUED,
            user=world.user(CITIZEN_A),
            claim_number="900MC001",
            issue_date=dt.date(2026, 11, 2),
        )
        possession_claim_pack_make(claim_id=claim.pk)
        world.__dict__["_civil_claims_possession_issued"] = claim
    return {"reference": world.__dict__["_civil_claims_possession_issued"].reference}


def _possession_responded(world: World) -> dict:
    """A possession claim against citizen A that A has responded to, with a counterclaim
    waiting for its fee (so its confirmation and its fee page open)."""
    key = "_civil_claims_possession_responded"
    if key not in world.__dict__:
        from civil_claims.services.possession_response import (
            CounterclaimDraft,
            ResponseDraft,
            possession_response_submit,
        )

        from .factories_possession_defendant import possession_claim_linked_to

        user = world.user(CITIZEN_A)
        claim = possession_claim_linked_to(user)
        possession_response_submit(
            party=claim.defendants[0],
            draft=ResponseDraft(
                fields={
                    "tenancy_start_correct": "yes",
                    "tenancy_type_correct": "yes",
                    "notice_received": "yes",
                    "arrears_correct": "not_sure",
                    "universal_credit": "no",
                    "monthly_income_pence": 120000,
                    "monthly_expenses_pence": 110000,
                    "legal_advice": "yes",
                    "sot_signer_name": "Citizen A",
                },
                counterclaim=CounterclaimDraft(kind="other", amount_pence=None, details="Repairs"),
            ),
            user=user,
        )
        world.__dict__[key] = claim
    return {"reference": world.__dict__[key].reference}


URL_KWARGS = {
    "claim-detail": _reference,
    "claim-confirmation": _reference,
    "claim-pay": _reference,
    "claim-form-download": _reference,
    "respond-claim": _defended,
    "respond-claim-form-download": _defended,
    "respond-more-time": _defended,
    "respond-contact": _defended,
    "respond-response-start": _defended,
    "respond-sent": _responded,
    "respond-counterclaim-pay": _responded,
    # After the response (#15).
    **{
        name: _reference
        for name in (
            "claim-response",
            "claim-reply-accept",
            "claim-reply-plan",
            "claim-reply-go-ahead",
            "claim-reply-end",
            "claim-judgment",
            "claim-judgment-check",
            "claim-settlement-judgment",
            "claim-redetermination",
            "claim-paid-in-full",
        )
    },
    "respond-settlement": _defended,
    "respond-redetermination": _defended,
    "possession-confirmation": _possession,
    "possession-claim": _possession,
    "possession-pay": _possession,
    "possession-hwf-reference": _possession,
    "possession-warrant": _possession,
    "possession-warrant-pay": _possession,
    "possession-claim-pack-download": _possession_issued,
    "possession-respond-claim": _possession_defended,
    "possession-respond-sent": _possession_responded,
    "possession-counterclaim-pay": _possession_responded,
    "possession-application-new": _possession_defended,
}
