"""A possession claim's tenant side in each state a caseworker decides on: a response (with
or without a defence), a counterclaim for review (Help with Fees, or paid by card) and a
general application waiting for a decision. Fixed answers, no randomness; every row is
made through the services, as a tenant would make it."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from civil_claims.models import PossessionHearing
from civil_claims.possession_response_constants import ApplicationKind, CounterclaimStatus
from civil_claims.services.possession_response import (
    CounterclaimDraft,
    ResponseDraft,
    possession_application_submit,
    possession_response_submit,
)
from digital_services.core.transitions import transition_apply

from .factories_possession_defendant import possession_claim_issued

HWF = "HWF-A1B-23C"
ANSWERS = {
    "tenancy_start_correct": "yes",
    "tenancy_type_correct": "yes",
    "notice_received": "yes",
    "arrears_correct": "not_sure",
    "universal_credit": "no",
    "monthly_income_pence": 120000,
    "monthly_expenses_pence": 110000,
    "legal_advice": "yes",
    "sot_signer_name": "Terry Tenant",
}


def hearing_listed(claim, *, days_away: int = 20) -> PossessionHearing:
    """A hearing ``days_away`` days from now, listed through the caseworker's service (so
    the claim is "hearing listed")."""
    from civil_claims.services.possession_hearing import possession_hearing_list

    return possession_hearing_list(
        claim=claim,
        kind="other",
        starts_at=timezone.now() + dt.timedelta(days=days_away),
        duration_days=0,
        duration_hours=1,
        duration_minutes=0,
        notice_wording="Possession hearing at Leeds County Court",
        short_notice_accepted=True,
        actor=None,
    )


def responded(
    claim=None, *, disputes: bool = True, counterclaim: CounterclaimDraft | None = None, party=None
):
    """The claim's first (or the given) defendant's response, sent through the service."""
    claim = claim or possession_claim_issued()
    fields = dict(ANSWERS)
    if disputes:
        fields.update(disputes_claim=True, dispute_details="The boiler has been broken for months")
    return possession_response_submit(
        party=party or claim.defendants[0],
        draft=ResponseDraft(fields=fields, counterclaim=counterclaim),
    )


def counterclaim_for_review(*, hwf_reference: str = HWF):
    """A counterclaim (an order to do repairs) sent with a Help with Fees reference: for
    review, its fee not decided."""
    response = responded(
        counterclaim=CounterclaimDraft(
            kind="other",
            amount_pence=None,
            details="Repair the boiler",
            hwf_reference=hwf_reference,
        )
    )
    return response.counterclaim


def counterclaim_paid():
    """A counterclaim whose fee was paid in full by card: for review."""
    response = responded(
        counterclaim=CounterclaimDraft(kind="other", amount_pence=None, details="Repairs")
    )
    counterclaim = response.counterclaim
    counterclaim.amount_paid_pence = counterclaim.fee_pence
    counterclaim.paid_at = timezone.now()
    counterclaim.save(update_fields=["amount_paid_pence", "paid_at"])
    return transition_apply(
        counterclaim,
        to=CounterclaimStatus.PENDING_REVIEW,
        action="possession_claim.counterclaim_paid",
    )


def application_to_decide(*, kind: str = ApplicationKind.ADJOURN, claim=None, days_away: int = 20):
    """A general application waiting for a caseworker: adjourning a hearing 14 or more days
    away is free; any other is sent with Help with Fees."""
    claim = claim or possession_claim_issued()
    if not claim.hearings.filter(status="listed").exists():
        hearing_listed(claim, days_away=days_away)
    return possession_application_submit(
        party=claim.defendants[0],
        kind=kind,
        details="I need time to get legal advice",
        hwf_reference=HWF,  # kept only when there is a fee
    )
