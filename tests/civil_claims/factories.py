"""Claims in each state, made through the services (so every one is as the code makes it).

``claim_draft()`` is a whole valid draft; ``claim_submitted(...)`` saves it;
``claim_issued(...)`` issues it as a card payment would; ``claim_in(status)`` reaches
any status by the allowed moves.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from civil_claims.constants import ClaimStatus, ContactChannel, HwfOutcome, PartyType
from civil_claims.interest import InterestAnswers, InterestEnd, InterestKind, InterestStart
from civil_claims.models import Claim
from civil_claims.services import (
    ClaimDraft,
    PartyDraft,
    claim_hwf_decide,
    claim_issue,
    claim_stay,
    claim_submit,
    claim_transfer,
)
from digital_services.core.transitions import transition_apply


def party_draft(**overrides) -> PartyDraft:
    values = dict(
        party_type=PartyType.INDIVIDUAL,
        name="Alex Claimant",
        first_name="Alex",
        last_name="Claimant",
        address_line_1="1 High Street",
        address_town="Leeds",
        address_postcode="LS1 1AA",
        email="alex@example.com",
        contact_channel=ContactChannel.EMAIL,
        date_of_birth=dt.date(1980, 5, 17),
    )
    values.update(overrides)
    return PartyDraft(**values)


def defendant_draft(**overrides) -> PartyDraft:
    values = dict(
        party_type=PartyType.COMPANY,
        name="Bodge Builders Ltd",
        contact_person="Dee Fendant",
        address_line_1="2 Low Road",
        address_town="Cardiff",
        address_postcode="CF10 1AA",
        email="",
        contact_channel=ContactChannel.LETTER,
        first_name="",
        last_name="",
        date_of_birth=None,
    )
    values.update(overrides)
    return party_draft(**values)


def claim_draft(**overrides) -> ClaimDraft:
    values = dict(
        claimant=party_draft(),
        defendant=defendant_draft(),
        amount_rows=[("Unpaid invoice 1041", 120000), ("Late fee", 5050)],
        reason="The builder was paid for a roof repair that was never done.",
        interest=InterestAnswers(
            kind=InterestKind.SAME_RATE,
            rate=Decimal("8"),
            start=InterestStart.CUSTOM,
            start_date=dt.date(2026, 6, 1),
            start_reason="The invoice was due then",
            end=InterestEnd.SETTLED,
        ),
        timeline=[("1 March 2026", "Agreed the repair"), ("1 June 2026", "Invoice due")],
        evidence=[("contract", "Signed quote"), ("receipt", "Bank transfer receipt")],
        sot_signed=True,
    )
    values.update(overrides)
    return ClaimDraft(**values)


def claim_submitted(*, user=None, **overrides) -> Claim:
    return claim_submit(draft=claim_draft(**overrides), user=user)


def claim_issued(**kwargs) -> Claim:
    claim = claim_submitted(**kwargs)
    return claim_issue(claim=claim)


def claim_in(status: str, *, actor=None) -> Claim:
    """A claim in ``status``, reached by allowed moves from a submitted one."""
    if status == ClaimStatus.AWAITING_PAYMENT:
        return claim_submitted()
    if status == ClaimStatus.HWF_PENDING:
        return claim_submitted(hwf_reference="HWF-A1B-2C3")
    if status == ClaimStatus.HWF_AWAITING_CLAIMANT:
        claim = claim_submitted(hwf_reference="HWF-A1B-2C3")
        return claim_hwf_decide(claim=claim, outcome=HwfOutcome.NONE, actor=actor)
    if status == ClaimStatus.CLOSED_NOT_ISSUED:
        claim = claim_submitted()
        return transition_apply(claim, to=status, action=None)
    claim = claim_issued()
    if status == ClaimStatus.OPEN:
        return claim
    if status == ClaimStatus.STAYED:
        return claim_stay(claim=claim, actor=actor, reason="Breathing space")
    if status == ClaimStatus.TRANSFERRED:
        return claim_transfer(claim=claim, actor=actor, court="Leeds County Court")
    # Any other status: walk the shortest path of allowed moves from open.
    path = _path(ClaimStatus.OPEN, status)
    for step in path:
        transition_apply(claim, to=step, action=None)
    return claim


def _path(start: str, goal: str) -> list[str]:
    seen = {start: []}
    frontier = [start]
    while frontier:
        nxt = []
        for status in frontier:
            for to in Claim.TRANSITIONS[status]:
                if to not in seen:
                    seen[to] = [*seen[status], to]
                    nxt.append(to)
        frontier = nxt
    return seen[goal]
