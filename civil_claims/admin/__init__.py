"""The staff side of Make a money claim, in the Django admin (civil claims caseworkers).

Queues: Help with Fees to decide and claims issued today (filters of the claims list),
paper correspondence to review. The case page shows the parties, amounts, interest
worked out, fee, timeline, documents, messages sent, notes and history; every change is a
small form page per action (``<id>/<action>/``) that calls one service, which checks the
claim's status and audits it. The CSV export of issued claims is an action on the claims list (select, then export).
"""

from .claims import ClaimAdmin, QueueFilter
from .correspondence import IssueFeeBandAdmin, PaperCorrespondenceAdmin
from .judgments import JudgmentAdmin
from .next_steps import ClaimantReplyAdmin
from .orders import OrderDrawForm  # adds the directions and counterclaim fee actions
from .paper_response import PaperResponseForm  # adds "Enter a paper response" to ClaimAdmin
from .possession import PossessionClaimAdmin
from .possession_decisions import PossessionApplicationAdmin, PossessionCounterclaimAdmin

__all__ = [
    "ClaimAdmin",
    "ClaimantReplyAdmin",
    "IssueFeeBandAdmin",
    "JudgmentAdmin",
    "OrderDrawForm",
    "PaperCorrespondenceAdmin",
    "PaperResponseForm",
    "PossessionApplicationAdmin",
    "PossessionClaimAdmin",
    "PossessionCounterclaimAdmin",
    "QueueFilter",
]
