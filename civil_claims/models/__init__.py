"""Make a money claim: the fee bands, claims, their parties and what happens to them.

A package (split along its seams); import the models from ``civil_claims.models``.
"""

from .caseman import CasemanEvent
from .casework import BreathingSpace, CaseNote, PaperCorrespondence
from .claims import AmountRow, Claim, ClaimNumberCounter, EvidenceItem, TimelineEvent
from .counterclaim import Counterclaim
from .defence import ClaimantReply, Judgment, Response
from .fees import IssueFeeBand
from .orders import DirectionsOrder
from .parties import AccessCode, Party
from .possession import (
    PossessionArrearsRow,
    PossessionClaim,
    PossessionFee,
    PossessionGround,
    PossessionParty,
)
from .possession_case import PossessionHearing, PossessionWarrant
from .possession_response import (
    PossessionApplication,
    PossessionCounterclaim,
    PossessionResponse,
)

__all__ = [
    "AccessCode",
    "AmountRow",
    "BreathingSpace",
    "CaseNote",
    "CasemanEvent",
    "DirectionsOrder",
    "Claim",
    "ClaimNumberCounter",
    "ClaimantReply",
    "Counterclaim",
    "EvidenceItem",
    "IssueFeeBand",
    "Judgment",
    "PaperCorrespondence",
    "Party",
    "PossessionApplication",
    "PossessionArrearsRow",
    "PossessionClaim",
    "PossessionCounterclaim",
    "PossessionFee",
    "PossessionGround",
    "PossessionHearing",
    "PossessionParty",
    "PossessionResponse",
    "PossessionWarrant",
    "Response",
    "TimelineEvent",
]
