"""Rows of the money-claim admin models for the admin query tests
(``tests/quality/queries/seed.py`` reads ``SEEDERS`` from here)."""

import datetime as dt

from civil_claims.models import IssueFeeBand, PaperCorrespondence
from civil_claims.services import claim_issue

from .factories import claim_submitted
from .factories_possession import possession_claim


def claims_seed(n: int) -> list:
    return [claim_issue(claim=claim_submitted()) for _ in range(n)]


def correspondence_seed(n: int) -> list:
    return [
        PaperCorrespondence.objects.create(
            claim=claim, kind="other", received_on=dt.date(2026, 12, 1), description="A letter"
        )
        for claim in claims_seed(n)
    ]


def fee_bands_seed(n: int) -> list:
    """Bands of a later table, one penny wide each, so they overlap nothing seeded."""
    return [
        IssueFeeBand.objects.create(
            valid_from=dt.date(2099, 1, 1),
            lower_pence=100_000_000 + i,
            upper_pence=100_000_000 + i,
            fee_pence=1_000_000,
        )
        for i in range(n)
    ]


def replies_seed(n: int) -> list:
    """Claimant replies rejecting a part admission's plan (the decision queue)."""
    from civil_claims.models import ClaimantReply

    from .factories_claimant import claim_answered

    return [
        ClaimantReply.objects.create(
            claim=claim_answered(), accepts=False, rejection_reason="Too slow"
        )
        for _ in range(n)
    ]


def judgments_seed(n: int) -> list:
    """Default judgments requested on issued claims."""
    from civil_claims.constants import JudgmentType
    from civil_claims.models import Judgment

    return [
        Judgment.objects.create(claim=claim, kind=JudgmentType.DEFAULT, total_pence=100_000)
        for claim in claims_seed(n)
    ]


def possession_claims_seed(n: int) -> list:
    return [possession_claim() for _ in range(n)]


def possession_counterclaims_seed(n: int) -> list:
    """Counterclaims sent with Help with Fees (for review), each on its own claim."""
    from civil_claims.models import PossessionCounterclaim

    from .factories_possession_decisions import counterclaim_for_review

    return [PossessionCounterclaim.objects.get(pk=counterclaim_for_review().pk) for _ in range(n)]


def possession_applications_seed(n: int) -> list:
    """General applications waiting for a caseworker's decision."""
    from .factories_possession_decisions import application_to_decide

    return [application_to_decide() for _ in range(n)]


SEEDERS = {
    "civil_claims.PossessionClaim": possession_claims_seed,
    "civil_claims.PossessionCounterclaim": possession_counterclaims_seed,
    "civil_claims.PossessionApplication": possession_applications_seed,
    "civil_claims.IssueFeeBand": fee_bands_seed,
    "civil_claims.Claim": claims_seed,
    "civil_claims.PaperCorrespondence": correspondence_seed,
    "civil_claims.ClaimantReply": replies_seed,
    "civil_claims.Judgment": judgments_seed,
}
