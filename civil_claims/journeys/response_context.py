"""The claim a defendant is responding to, for the response journey's forms.

The platform's journey engine gives a step's form only the answers so far
(``Step.form_kwargs(answers)``); the response's questions also need the claim (the total
claimed caps an amount admitted, the defendant's type decides the statement of means).
The journey's pages run behind ``response.defendant_responding``, which finds the claim
the viewer's draft is for (linked to their account) and sets it here for that request
only; outside one (the quality walk making up answers) there is none and the forms check
what they can without it.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

from ..constants import PartyRole, PartyType


@dataclass(frozen=True)
class ClaimFacts:
    reference: str
    claim_number: str
    claimant_name: str
    total_claimed_pence: int
    defendant_type: str

    @property
    def defendant_is_individual(self) -> bool:
        """An individual or sole trader gives a statement of means; a company or
        organisation sends its financial details to the claimant (notes section 2)."""
        return self.defendant_type in (PartyType.INDIVIDUAL, PartyType.SOLE_TRADER)


_CURRENT: ContextVar[ClaimFacts | None] = ContextVar("civil_claims_responding_to", default=None)


def claim_facts() -> ClaimFacts | None:
    return _CURRENT.get()


def claim_facts_set(facts: ClaimFacts | None):
    """Set the claim for this request; returns the token ``claim_facts_reset`` takes."""
    return _CURRENT.set(facts)


def claim_facts_reset(token) -> None:
    _CURRENT.reset(token)


def facts_for(claim) -> ClaimFacts:
    """The facts of a claim read by ``selectors.claims_listed`` (as the journey's gate,
    ``selectors_defendant.defendant_claim_responding``, reads it)."""
    from ..selectors import listed_party

    claimant = listed_party(claim, PartyRole.CLAIMANT)
    defendant = listed_party(claim, PartyRole.DEFENDANT)
    return ClaimFacts(
        reference=claim.reference,
        claim_number=claim.claim_number or "",
        claimant_name=claimant.display_name,
        total_claimed_pence=claim.total_claimed_pence,
        defendant_type=defendant.party_type if defendant else PartyType.INDIVIDUAL,
    )


def claim_kwargs(answers) -> dict:
    """``Step.form_kwargs`` for a form that needs the claim."""
    return {"claim": claim_facts()}
