"""Make a money claim: statuses and their allowed moves, choices, limits.

The claim's state machine follows the money-claim states of the domain notes
(section 4): a claim is submitted, paid (or sent with Help with Fees), issued
(OPEN), then answered, judged, settled, stayed or transferred. ``CLAIM_TRANSITIONS``
is the one map of allowed moves; ``core.transitions.transition_apply`` enforces it.
"""

from __future__ import annotations

import datetime as dt
import re

from django.db import models
from django.utils.translation import gettext_lazy as _

#: The most a claim made online may be for, by the date it is made (amount plus
#: interest is not counted: the limit is on the amount claimed). A dated setting:
#: claims of £10,000 to £25,000 moved online on 8 October 2024.
ONLINE_CLAIM_LIMITS = (
    (dt.date(2024, 10, 8), 2_500_000),
    (dt.date(2017, 1, 1), 1_000_000),
)
AMOUNT_ROWS_MAX = 1000
TIMELINE_EVENTS_MAX = 1000
EVIDENCE_ITEMS_MAX = 1000
REASON_MAX_LENGTH = 99_000
NAME_MAX_LENGTH = 255
TITLE_MAX_LENGTH = 35
PHONE_MAX_LENGTH = 30
TIMELINE_DATE_MAX_LENGTH = 20
SOT_SIGNER_NAME_MAX_LENGTH = 70
SOT_SIGNER_ROLE_MAX_LENGTH = 255
HWF_REFERENCE = re.compile(r"^HWF-?[A-Z0-9]{3}-?[A-Z0-9]{3}$")
HWF_REFERENCE_LENGTH = 11  # "HWF-A1B-2C3"
CLAIM_NUMBER = re.compile(r"^\d{3}MC\d{3}$")
ACCESS_CODE_LENGTH = 8
PAYMENT_PURPOSE_ISSUE_FEE = "civil-claims-issue-fee"
PAYMENT_PURPOSE_COUNTERCLAIM_FEE = "civil-claims-counterclaim-fee"
AUDIT_SERVICE = "civil_claims"
CLAIM_STALE_DAYS = 180  # an unpaid or HWF claim with no progress is closed, never issued


def online_claim_limit_pence(on: dt.date) -> int:
    """The online limit in force on ``on``."""
    for start, limit in ONLINE_CLAIM_LIMITS:
        if on >= start:
            return limit
    return ONLINE_CLAIM_LIMITS[-1][1]


class ClaimStatus(models.TextChoices):
    AWAITING_PAYMENT = "awaiting_payment", _("Waiting for the court fee")
    HWF_PENDING = "hwf_pending", _("Help with Fees to decide")
    HWF_AWAITING_CLAIMANT = (
        "hwf_awaiting_claimant",
        _("Waiting for the claimant after Help with Fees"),
    )
    CLOSED_NOT_ISSUED = "closed_not_issued", _("Closed without being issued")
    OPEN = "open", _("Issued")
    BUSINESS_QUEUE = "business_queue", _("Paper response to review")
    JUDGMENT_REQUESTED = "judgment_requested", _("Judgment requested")
    JUDGMENT_DECIDE_AMOUNT = "judgment_decide_amount", _("Court to decide how the judgment is paid")
    REDETERMINATION_REQUESTED = "redetermination_requested", _("Redetermination requested")
    SETTLEMENT_MADE = "settlement_made", _("Settlement agreement made")
    SETTLEMENT_SIGNED = "settlement_signed", _("Settlement agreement signed")
    SETTLED = "settled", _("Settled")
    REFERRED_MEDIATION = "referred_mediation", _("Referred to mediation")
    READY_FOR_DIRECTIONS = "ready_for_directions", _("Ready for directions")
    READY_FOR_PAPER_DQ = "ready_for_paper_dq", _("Ready for a paper directions questionnaire")
    ORDER_FOR_JUDGE_REVIEW = "order_for_judge_review", _("Draft order for a judge to review")
    ORDER_FOR_LA_REVIEW = "order_for_la_review", _("Draft order for a legal adviser to review")
    ORDER_DRAWN = "order_drawn", _("Order drawn")
    RECONSIDERATION_REQUESTED = (
        "reconsideration_requested",
        _("A judge has been asked to reconsider the order"),
    )
    APPROVED = "approved", _("Order confirmed by a judge")
    READY_FOR_TRANSFER = "ready_for_transfer", _("Ready for transfer")
    TRANSFERRED = "transferred", _("Transferred to another court")
    PROCEEDS_IN_CASEMAN = "proceeds_in_caseman", _("Proceeds offline")
    STAYED = "stayed", _("Stayed")
    CLOSED = "closed", _("Closed")


S = ClaimStatus
#: Issued and still live: a caseworker may stay, transfer, reset the access code.
LIVE_ISSUED = (
    S.OPEN,
    S.BUSINESS_QUEUE,
    S.JUDGMENT_REQUESTED,
    S.JUDGMENT_DECIDE_AMOUNT,
    S.REDETERMINATION_REQUESTED,
    S.SETTLEMENT_MADE,
    S.REFERRED_MEDIATION,
    S.READY_FOR_DIRECTIONS,
    S.READY_FOR_PAPER_DQ,
    S.ORDER_FOR_JUDGE_REVIEW,
    S.ORDER_FOR_LA_REVIEW,
    S.ORDER_DRAWN,
    S.RECONSIDERATION_REQUESTED,
    S.APPROVED,
    S.READY_FOR_TRANSFER,
)
NOT_ISSUED = (S.AWAITING_PAYMENT, S.HWF_PENDING, S.HWF_AWAITING_CLAIMANT)
FINAL = (S.CLOSED_NOT_ISSUED, S.SETTLED, S.TRANSFERRED, S.PROCEEDS_IN_CASEMAN, S.CLOSED)

CLAIM_TRANSITIONS: dict[str, tuple[str, ...]] = {
    # Submitted: paid by card → issued; or closed when it is never paid.
    S.AWAITING_PAYMENT: (S.OPEN, S.HWF_PENDING, S.CLOSED_NOT_ISSUED),
    # The caseworker decides Help with Fees: full remission issues it; part, none, more
    # information or an invalid reference wait for the claimant.
    S.HWF_PENDING: (S.OPEN, S.HWF_AWAITING_CLAIMANT, S.CLOSED_NOT_ISSUED),
    # The claimant pays what is left, or answers with more information.
    S.HWF_AWAITING_CLAIMANT: (S.OPEN, S.HWF_PENDING, S.CLOSED_NOT_ISSUED),
    S.CLOSED_NOT_ISSUED: (),
    S.OPEN: (
        S.BUSINESS_QUEUE,
        S.JUDGMENT_REQUESTED,
        S.JUDGMENT_DECIDE_AMOUNT,
        S.SETTLEMENT_MADE,
        S.REFERRED_MEDIATION,
        S.READY_FOR_DIRECTIONS,
        S.READY_FOR_PAPER_DQ,
        S.READY_FOR_TRANSFER,
        S.TRANSFERRED,
        S.PROCEEDS_IN_CASEMAN,
        S.STAYED,
        S.SETTLED,
        S.CLOSED,
    ),
    S.BUSINESS_QUEUE: (S.OPEN, S.PROCEEDS_IN_CASEMAN, S.TRANSFERRED, S.STAYED, S.SETTLED),
    S.JUDGMENT_REQUESTED: (
        S.REDETERMINATION_REQUESTED,
        S.PROCEEDS_IN_CASEMAN,
        S.TRANSFERRED,
        S.STAYED,
        S.SETTLED,
    ),
    S.JUDGMENT_DECIDE_AMOUNT: (S.JUDGMENT_REQUESTED, S.TRANSFERRED, S.STAYED, S.SETTLED),
    S.REDETERMINATION_REQUESTED: (S.JUDGMENT_REQUESTED, S.TRANSFERRED, S.STAYED, S.SETTLED),
    S.SETTLEMENT_MADE: (S.SETTLEMENT_SIGNED, S.OPEN, S.JUDGMENT_REQUESTED, S.STAYED),
    S.SETTLEMENT_SIGNED: (S.SETTLED, S.JUDGMENT_REQUESTED),
    S.SETTLED: (),
    # A failed mediation goes to a judge for directions (or back to open, as the notes say).
    S.REFERRED_MEDIATION: (S.SETTLED, S.OPEN, S.READY_FOR_DIRECTIONS, S.STAYED, S.TRANSFERRED),
    # The order is drawn at once, or drafted and sent to a judge or a legal adviser to
    # review: approved (with or without a change of wording) it is drawn; sent back, the
    # claim waits for directions again.
    S.READY_FOR_DIRECTIONS: (
        S.ORDER_DRAWN,
        S.ORDER_FOR_JUDGE_REVIEW,
        S.ORDER_FOR_LA_REVIEW,
        S.TRANSFERRED,
        S.STAYED,
        S.SETTLED,
    ),
    S.ORDER_FOR_JUDGE_REVIEW: (
        S.ORDER_DRAWN,
        S.READY_FOR_DIRECTIONS,
        S.TRANSFERRED,
        S.STAYED,
        S.SETTLED,
    ),
    S.ORDER_FOR_LA_REVIEW: (
        S.ORDER_DRAWN,
        S.READY_FOR_DIRECTIONS,
        S.TRANSFERRED,
        S.STAYED,
        S.SETTLED,
    ),
    S.READY_FOR_PAPER_DQ: (S.READY_FOR_DIRECTIONS, S.TRANSFERRED, S.STAYED, S.SETTLED),
    # A legal adviser or judge draws the order (a caseworker records it); 19 days later the
    # beat job makes the claim ready for transfer. Within those days a party may ask a judge
    # to reconsider a legal adviser's order: the judge confirms it (approved) or makes a new
    # one (drawn again).
    S.ORDER_DRAWN: (
        S.READY_FOR_TRANSFER,
        S.RECONSIDERATION_REQUESTED,
        S.TRANSFERRED,
        S.STAYED,
        S.SETTLED,
    ),
    S.RECONSIDERATION_REQUESTED: (S.APPROVED, S.ORDER_DRAWN, S.TRANSFERRED, S.STAYED, S.SETTLED),
    S.APPROVED: (S.READY_FOR_TRANSFER, S.TRANSFERRED, S.STAYED, S.SETTLED),
    S.READY_FOR_TRANSFER: (S.TRANSFERRED, S.STAYED),
    S.TRANSFERRED: (),
    S.PROCEEDS_IN_CASEMAN: (),
    # Lifting a stay takes the claim back to open (the notes' LiftStay).
    S.STAYED: (S.OPEN, S.TRANSFERRED, S.SETTLED, S.CLOSED),
    S.CLOSED: (),
}


class PartyRole(models.TextChoices):
    CLAIMANT = "claimant", "Claimant"
    DEFENDANT = "defendant", "Defendant"


class PartyType(models.TextChoices):
    INDIVIDUAL = "individual", "An individual"
    SOLE_TRADER = "sole_trader", "A sole trader"
    COMPANY = "company", "A limited company"
    ORGANISATION = "organisation", "Another organisation"


class ContactChannel(models.TextChoices):
    """The outbox channel of a party's chosen contact route (the platform contact step)."""

    EMAIL = "email", "Email"
    SMS = "sms", "Text message"
    LETTER = "letter", "Post"


class HwfOutcome(models.TextChoices):
    FULL = "full", "Full remission"
    PART = "part", "Part remission"
    NONE = "none", "No remission"
    MORE_INFO = "more_info", "More information needed"
    INVALID = "invalid", "Invalid reference"


class EvidenceType(models.TextChoices):
    CONTRACT = "contract", _("Contracts and agreements")
    EXPERT_WITNESS = "expert_witness", _("Expert witness")
    CORRESPONDENCE = "correspondence", _("Letters, emails and other correspondence")
    PHOTO = "photo", _("Photo evidence")
    RECEIPT = "receipt", _("Receipts")
    STATEMENT_OF_ACCOUNT = "statement_of_account", _("Statements of account")
    OTHER = "other", _("Other")


class ResponseType(models.TextChoices):
    FULL_ADMISSION = "full_admission", _("Admits all of the claim")
    PART_ADMISSION = "part_admission", _("Admits part of the claim")
    FULL_DEFENCE = "full_defence", _("Rejects all of the claim")


class DefenceType(models.TextChoices):
    DISPUTE = "dispute", _("Disputes the claim")
    ALREADY_PAID = "already_paid", _("Says they have already paid")


class PaymentOption(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately (within 5 days)")
    BY_SET_DATE = "by_set_date", _("By a set date")
    INSTALMENTS = "instalments", _("In instalments")


class InstalmentFrequency(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every 2 weeks")
    MONTHLY = "monthly", _("Every month")


class Channel(models.TextChoices):
    """How something reached the court."""

    ONLINE = "online", _("Online")
    PAPER = "paper", _("By post")
    PHONE = "phone", _("By phone")


class JudgmentType(models.TextChoices):
    DEFAULT = "default", _("Default judgment")
    ADMISSIONS = "admissions", _("Judgment by admission")
    DETERMINATION = "determination", _("Judgment by determination")


class JudgmentStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ENTERED = "entered", _("Entered on the register")
    PAID = "paid", _("Paid in full")
    SET_ASIDE = "set_aside", _("Set aside")


JUDGMENT_TRANSITIONS = {
    JudgmentStatus.REQUESTED: (JudgmentStatus.ENTERED, JudgmentStatus.SET_ASIDE),
    JudgmentStatus.ENTERED: (JudgmentStatus.PAID, JudgmentStatus.SET_ASIDE),
    JudgmentStatus.PAID: (),
    JudgmentStatus.SET_ASIDE: (),
}


class FormaliseOption(models.TextChoices):
    SETTLEMENT = "settlement", _("A settlement agreement")
    CCJ = "ccj", _("A county court judgment")
    REFER_TO_JUDGE = "refer_to_judge", _("Ask a judge to decide")


class CourtDecision(models.TextChoices):
    """Whose plan the court chose when the claimant rejected the defendant's (notes §2)."""

    CLAIMANT = "claimant", _("The claimant's plan")
    DEFENDANT = "defendant", _("The defendant's plan")
    COURT = "court", _("A plan the court set")
    CLAIMANT_IN_FAVOUR_OF_DEFENDANT = (
        "claimant_in_favour_of_defendant",
        "The claimant's plan, being more generous to the defendant than their own",
    )


class MediationResult(models.TextChoices):
    SUCCEEDED = "succeeded", _("Mediation settled the claim")
    FAILED = "failed", _("Mediation did not settle the claim")


#: Days the defendant has to countersign a settlement agreement (notes §2).
SETTLEMENT_COUNTERSIGN_DAYS = 7
#: Days after a judgment by determination is requested in which either side may ask for
#: redetermination (notes §2: 19 days of the CCJ request).
REDETERMINATION_DAYS = 19
#: Days after the response in which the claimant must say whether they go ahead; the beat
#: job stays the claim after that (notes §2: 28 + 5 = 33).
CLAIMANT_REPLY_DAYS = 33
#: Days after an order is drawn before the beat job makes the claim ready for transfer
#: (notes section 4: ORDER_DRAWN → cron +19 days → READY_FOR_TRANSFER); a party may ask a
#: judge to reconsider a legal adviser's order within the same days.
ORDER_TRANSFER_DAYS = 19
RECONSIDERATION_DAYS = ORDER_TRANSFER_DAYS
#: Days after a default judgment is asked for before the claimant is reminded, if it is
#: not entered yet (notes section 2: NotifyClaimantDefaultCCJJob).
DEFAULT_JUDGMENT_REMINDER_DAYS = 10
#: Months after the response deadline with no response and no judgment asked for, after
#: which the claim is stayed (notes section 2, timing rules).
NO_JUDGMENT_STAY_MONTHS = 6
ORDER_TEXT_MAX_LENGTH = 20_000


class OrderMadeBy(models.TextChoices):
    """Who made a directions order (a caseworker records it for them)."""

    LEGAL_ADVISER = "legal_adviser", "A legal adviser"
    JUDGE = "judge", "A judge"


#: A drafted order waits for review by whoever will make it: a judge or a legal adviser.
ORDER_REVIEW_STATES = {
    OrderMadeBy.JUDGE: ClaimStatus.ORDER_FOR_JUDGE_REVIEW,
    OrderMadeBy.LEGAL_ADVISER: ClaimStatus.ORDER_FOR_LA_REVIEW,
}
#: A draft order is due its review this many working days after it was drafted (our service
#: level for the queue: the notes give none).
ORDER_REVIEW_WORKING_DAYS = 10


class OrderReviewResult(models.TextChoices):
    """What the judge or legal adviser decided on a draft order (a caseworker records it)."""

    APPROVED = "approved", "Approved as drafted"
    AMENDED = "amended", "Wording changed, then approved"
    RETURNED = "returned", "Sent back to be drafted again"


class ReconsiderationResult(models.TextChoices):
    CONFIRMED = "confirmed", "The judge confirmed the order"
    NEW_ORDER = "new_order", "The judge made a new order"


#: A judgment paid in full within this many days of being entered is taken off the register.
JUDGMENT_REGISTER_PAID_DAYS = 30


class BreathingSpaceKind(models.TextChoices):
    """The two kinds of breathing space of the Debt Respite Scheme (England and Wales)."""

    STANDARD = "standard", "Standard breathing space"
    MENTAL_HEALTH = "mental_health", "Mental health crisis breathing space"


class BreathingSpaceStatus(models.TextChoices):
    IN_FORCE = "in_force", "In force"
    LIFTED = "lifted", "Lifted"


BREATHING_SPACE_TRANSITIONS = {
    BreathingSpaceStatus.IN_FORCE: (BreathingSpaceStatus.LIFTED,),
    BreathingSpaceStatus.LIFTED: (),
}
BREATHING_SPACE_REFERENCE_MAX_LENGTH = 30
#: A breathing space is entered or lifted only on an issued claim that is still with this
#: court: never before issue (there is no deadline to pause), nor once it is closed,
#: settled, transferred or proceeding offline (notes section 4).
BREATHING_SPACE_STATES = tuple(s for s in ClaimStatus.values if s not in (*NOT_ISSUED, *FINAL))


class CasemanEventKind(models.TextChoices):
    """What CaseMan (the court's case-management system) is told about (notes section 5)."""

    CLAIM_ISSUED = "claim_issued", "Claim issued"
    MORE_TIME = "more_time", "More time to respond"
    RESPONSE = "response", "Response"
    CCJ = "ccj", "County court judgment requested"
    PAID_IN_FULL = "paid_in_full", "Paid in full"
    BREATHING_SPACE_ENTERED = "breathing_space_entered", "Breathing space entered"
    BREATHING_SPACE_LIFTED = "breathing_space_lifted", "Breathing space lifted"


class CasemanEventStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENT = "sent", "Sent to CaseMan"
    SENT_LOCALLY = "sent_locally", "Kept here (no CaseMan feed configured)"
    FAILED = "failed", "Failed"


CASEMAN_EVENT_TRANSITIONS = {
    CasemanEventStatus.PENDING: (
        CasemanEventStatus.SENT,
        CasemanEventStatus.SENT_LOCALLY,
        CasemanEventStatus.FAILED,
    ),
    # A caseworker's "resend to CaseMan" queues any sent or failed event again.
    CasemanEventStatus.SENT: (CasemanEventStatus.PENDING,),
    CasemanEventStatus.SENT_LOCALLY: (CasemanEventStatus.PENDING,),
    CasemanEventStatus.FAILED: (CasemanEventStatus.PENDING,),
}


class CorrespondenceKind(models.TextChoices):
    RESPONSE_FORM = "response_form", "Response form"
    MORE_TIME = "more_time", "Request for more time"
    JUDGMENT_REQUEST = "judgment_request", "Request for judgment"
    OTHER = "other", "Other letter"


class CorrespondenceStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    REVIEWED = "reviewed", "Reviewed"


CORRESPONDENCE_TRANSITIONS = {
    CorrespondenceStatus.RECEIVED: (CorrespondenceStatus.REVIEWED,),
    CorrespondenceStatus.REVIEWED: (),
}
