"""A defendant's response made directly (a row, as the respond pages or a caseworker's paper
entry leave it), so the claimant's next steps can be tested on their own."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from civil_claims.constants import (
    DefenceType,
    InstalmentFrequency,
    PaymentOption,
    ResponseType,
)
from civil_claims.models import Claim, Response

from .factories import claim_issued

INSTALMENTS = {
    "payment_option": PaymentOption.INSTALMENTS,
    "instalment_amount_pence": 5000,
    "instalment_first_date": dt.date(2027, 1, 4),
    "instalment_frequency": InstalmentFrequency.MONTHLY,
}


def response_made(
    claim: Claim,
    *,
    response_type: str = ResponseType.PART_ADMISSION,
    defence_type: str = "",
    admitted_amount_pence: int | None = 60000,
    paid_amount_pence: int | None = None,
    free_mediation: bool | None = True,
    plan: dict | None = None,
    submitted_at: dt.datetime | None = None,
    statement_of_means: dict | None = None,
) -> Response:
    """The defendant's response on ``claim`` (a part admission of £600 by £50 a month
    unless told otherwise), and the claim marked as answered."""
    if plan is None:
        plan = INSTALMENTS if response_type != ResponseType.FULL_DEFENCE else {}
    when = submitted_at or timezone.now()
    response = Response.objects.create(
        claim=claim,
        party=claim.defendant,
        response_type=response_type,
        defence_type=defence_type,
        admitted_amount_pence=admitted_amount_pence
        if response_type == ResponseType.PART_ADMISSION
        else None,
        paid_amount_pence=paid_amount_pence,
        free_mediation=free_mediation,
        statement_of_means=statement_of_means
        if statement_of_means is not None
        else {"employment": "Part-time shop work", "monthly_income": "£1,200"},
        submitted_at=when,
        **plan,
    )
    Claim.objects.filter(pk=claim.pk).update(responded_at=when)
    claim.refresh_from_db()
    return response


def claim_answered(*, user=None, individual: bool = True, **response) -> Claim:
    """An issued claim (against an individual unless told otherwise) with a response."""
    from .factories import defendant_draft

    kwargs = {"user": user}
    if individual:
        kwargs["defendant"] = defendant_draft(
            party_type="individual",
            name="Dee Fendant",
            first_name="Dee",
            last_name="Fendant",
            contact_person="",
            date_of_birth=dt.date(1985, 2, 3),
        )
    claim = claim_issued(**kwargs)
    response_made(claim, **response)
    return claim


def full_defence(**kwargs) -> dict:
    return {
        "response_type": ResponseType.FULL_DEFENCE,
        "defence_type": kwargs.pop("defence_type", DefenceType.DISPUTE),
        "admitted_amount_pence": None,
        **kwargs,
    }
