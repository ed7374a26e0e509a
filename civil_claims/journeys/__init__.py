"""The citizen journeys of Make a money claim.

``eligibility``: the questions asked before a claim, one a page, each "no" leading to its
own "You cannot use this service" page (plain views in ``civil_claims.views``, answers in
the session). ``CLAIM``: the claim itself, a task list for the journey engine, sent by
``submit.claim_submit_from_journey``. ``figures``: the amount, interest and fee the
answers add up to, worked out by ``civil_claims.interest`` and ``civil_claims.fees``.
"""

from .claim import CLAIM, SERVICE, check_summary, claimant_name
from .figures import ClaimFigures, claim_figures, interest_answers

__all__ = [
    "CLAIM",
    "SERVICE",
    "ClaimFigures",
    "check_summary",
    "claim_figures",
    "claimant_name",
    "interest_answers",
]
