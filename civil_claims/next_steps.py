"""Where a claim stands after the defendant's response, and the next step with its date, in
plain words for each party's dashboard: the claimant's claim page and "Your applications"
(``selectors.claim_next_step``), and the defendant's claim page
(``selectors_defendant.defendant_next_step``).

Each function returns "" when it has nothing to add (the state's general words then
apply), so a claim moved by a caseworker without a reply or a judgment row still reads.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from digital_services.core.dates import date_format
from digital_services.core.money import pence_format

from .constants import (
    CLAIMANT_REPLY_DAYS,
    JUDGMENT_REGISTER_PAID_DAYS,
    ClaimStatus,
    DefenceType,
    JudgmentStatus,
    JudgmentType,
    PartyRole,
    ResponseType,
)
from .deadlines import deadline_passed
from .models import Claim, ClaimantReply, Judgment, Response
from .next_steps_orders import order_words
from .services.plans import plan_words

_RELATED = {Response: "response", ClaimantReply: "claimant_reply", Judgment: "judgment"}


def _one(model, claim: Claim):
    """The claim's response, reply or judgment, from the row's cache when the selector
    fetched it with the claim (``claims_with_details``), else one query."""
    try:
        return getattr(claim, _RELATED[model])
    except ObjectDoesNotExist:
        return None


def _day(value) -> str:
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date()
    return date_format(value)


def response_summary(response: Response) -> str:
    """What the defendant said, in a few words."""
    if response.response_type == ResponseType.FULL_ADMISSION:
        return "they admit all of the claim"
    if response.response_type == ResponseType.PART_ADMISSION:
        if response.admitted_amount_pence:
            return f"they admit they owe {pence_format(response.admitted_amount_pence)}"
        return f"they say they have already paid {pence_format(response.paid_amount_pence)}"
    if response.defence_type == DefenceType.ALREADY_PAID:
        return "they say they have already paid what they owe"
    return "they reject all of the claim"


def reply_by(response: Response) -> dt.date:
    """The last day for the claimant to reply: 33 days after the response (then stayed)."""
    return timezone.localtime(response.submitted_at).date() + dt.timedelta(days=CLAIMANT_REPLY_DAYS)


def _judgment_words(judgment: Judgment, *, defendant: bool) -> str:
    total = pence_format(judgment.total_pence)
    how = plan_words(judgment)
    if judgment.status == JudgmentStatus.ENTERED:
        off = _day(judgment.entered_at + dt.timedelta(days=JUDGMENT_REGISTER_PAID_DAYS))
        if defendant:
            return (
                f"A county court judgment was entered against you on {_day(judgment.entered_at)} "
                f"for {total}. Pay the claimant {how}. If you pay in full by {off}, it is "
                "taken off the register."
            )
        return (
            f"Judgment was entered on {_day(judgment.entered_at)} for {total}. The defendant "
            f"must pay you {how}. Tell us when you have been paid in full."
        )
    asked = _day(judgment.requested_at)
    words = (
        f"The claimant asked for a judgment against you on {asked} for {total}, to be paid {how}."
        if defendant
        else f"You asked for a judgment on {asked} for {total}, to be paid {how}. "
        "We will tell you when the court has entered it."
    )
    if judgment.kind == JudgmentType.DETERMINATION and not judgment.redetermination_requested_at:
        from .services.judgment import redetermination_deadline

        last = redetermination_deadline(judgment)
        if timezone.localdate() <= last:
            words += (
                " If you disagree with how the court decided it is paid, you can ask a judge "
                f"to look at it again until {date_format(last)}."
            )
    return words


def claimant_words(claim: Claim) -> str:
    """The claimant's next step after a response, with its date ("" when nothing to add)."""
    s = claim.status
    directions = order_words(claim, viewer=PartyRole.CLAIMANT)
    if directions:
        return directions
    if s == ClaimStatus.OPEN:
        response = _one(Response, claim)
        if response is not None and _one(ClaimantReply, claim) is None:
            return (
                f"The defendant responded on {_day(response.submitted_at)}: "
                f"{response_summary(response)}. Tell us what you want to do by "
                f"{date_format(reply_by(response))}, or the claim will be stayed."
            )
        if (
            response is None
            and claim.responded_at is None
            and claim.response_deadline
            and deadline_passed(claim.response_deadline)
        ):
            return (
                "The defendant did not respond by 4pm on "
                f"{date_format(claim.response_deadline)}. You can now ask for a county court "
                "judgment."
            )
        return ""
    reply = _one(ClaimantReply, claim)
    judgment = _one(Judgment, claim)
    if s == ClaimStatus.SETTLEMENT_MADE and reply and reply.settlement_countersign_by:
        if reply.settlement_declined_at:
            return (
                "The defendant said they will not sign the settlement agreement. You can now "
                "ask for a judgment."
            )
        if timezone.localdate() > reply.settlement_countersign_by:
            return (
                "The defendant did not sign the settlement agreement by "
                f"{date_format(reply.settlement_countersign_by)}. You can now ask for a judgment."
            )
        return (
            "The defendant has until "
            f"{date_format(reply.settlement_countersign_by)} to sign the settlement agreement. "
            "If they do not, you can ask for a judgment."
        )
    if s == ClaimStatus.SETTLEMENT_SIGNED and reply and reply.settlement_countersigned_at:
        return (
            "You both signed the settlement agreement on "
            f"{_day(reply.settlement_countersigned_at)}. The defendant must pay you "
            f"{plan_words(reply)}. If they do not, you can ask for a judgment."
        )
    if s == ClaimStatus.JUDGMENT_REQUESTED and judgment:
        return _judgment_words(judgment, defendant=False)
    if s == ClaimStatus.JUDGMENT_DECIDE_AMOUNT and reply:
        return (
            f"You rejected the defendant’s payment plan on {_day(reply.submitted_at)} and "
            f"asked to be paid {plan_words(reply)}. The court will decide how the defendant "
            "pays. We will send you the decision."
        )
    if s == ClaimStatus.REDETERMINATION_REQUESTED and judgment:
        who = "You" if judgment.redetermination_requested_by_role == "claimant" else "The defendant"
        return (
            f"{who} asked on {_day(judgment.redetermination_requested_at)} for a judge to look "
            "again at how the defendant pays. We will send you the decision."
        )
    if s == ClaimStatus.SETTLED and claim.money_received_on:
        return (
            f"You told us you were paid in full on {date_format(claim.money_received_on)}. "
            "The claim is settled. You do not need to do anything else."
        )
    if s == ClaimStatus.REFERRED_MEDIATION and reply:
        return (
            f"The claim was referred to free mediation on {_day(reply.submitted_at)}. The "
            "mediation service will contact you both to arrange a call."
        )
    if s == ClaimStatus.STAYED and claim.stayed_at:
        return (
            f"The claim was stayed on {_day(claim.stayed_at)}: nothing happens until the stay "
            "is lifted."
        )
    return ""


def defendant_words(claim: Claim) -> str:
    """The defendant's next step after their response, with its date ("" when nothing to add)."""
    s = claim.status
    directions = order_words(claim, viewer=PartyRole.DEFENDANT)
    if directions:
        return directions
    reply = _one(ClaimantReply, claim)
    judgment = _one(Judgment, claim)
    if s == ClaimStatus.OPEN:
        response = _one(Response, claim)
        if response is not None and reply is None:
            return (
                f"You responded on {_day(response.submitted_at)}. The claimant has until "
                f"{date_format(reply_by(response))} to tell us what they want to do. We will "
                "tell you."
            )
        return ""
    if s == ClaimStatus.SETTLEMENT_MADE and reply and reply.settlement_countersign_by:
        if reply.settlement_declined_at:
            return (
                "You said you will not sign the settlement agreement. The claimant can now "
                "ask for a judgment."
            )
        if timezone.localdate() > reply.settlement_countersign_by:
            return (
                "You did not sign the settlement agreement by "
                f"{date_format(reply.settlement_countersign_by)}. The claimant can now ask for "
                "a judgment."
            )
        return (
            "The claimant accepted your offer as a settlement agreement. Sign it by "
            f"{date_format(reply.settlement_countersign_by)}, or the claimant can ask for a "
            "judgment."
        )
    if s == ClaimStatus.SETTLEMENT_SIGNED and reply and reply.settlement_countersigned_at:
        return (
            f"You both signed the settlement agreement on "
            f"{_day(reply.settlement_countersigned_at)}. Pay the claimant {plan_words(reply)}."
        )
    if s == ClaimStatus.JUDGMENT_REQUESTED and judgment:
        return _judgment_words(judgment, defendant=True)
    if s == ClaimStatus.JUDGMENT_DECIDE_AMOUNT and reply:
        return (
            f"The claimant rejected your payment plan on {_day(reply.submitted_at)}. The court "
            "will decide how you pay, from what you told us about your finances. We will send "
            "you the decision."
        )
    if s == ClaimStatus.REDETERMINATION_REQUESTED:
        return (
            "A judge has been asked to look again at how the money is paid. We will send you "
            "the decision."
        )
    if s == ClaimStatus.SETTLED:
        return "The claim is settled. You do not need to do anything else."
    if s == ClaimStatus.READY_FOR_DIRECTIONS:
        return (
            "A judge will decide what happens next with the claim. We will write to you with "
            "their directions."
        )
    if s == ClaimStatus.CLOSED:
        return "The claim is closed. You do not need to do anything else."
    return DEFENDANT_WORDS.get(s, "")


#: The defendant's words for states whose general words speak to the claimant ("You have
#: asked for judgment"), when there is no row with a date to say more.
DEFENDANT_WORDS = {
    ClaimStatus.BUSINESS_QUEUE: "We have your response by post. We are checking it and will "
    "tell you what happens next.",
    ClaimStatus.JUDGMENT_REQUESTED: "The claimant has asked for a judgment against you. We "
    "will tell you when the court has made it.",
    ClaimStatus.JUDGMENT_DECIDE_AMOUNT: "The court will decide how you pay, from what you "
    "told us about your finances. We will send you the decision.",
    ClaimStatus.SETTLEMENT_MADE: "The claimant has made a settlement agreement of your offer. "
    "Sign it within 7 days, or the claimant can ask for a judgment.",
    ClaimStatus.SETTLEMENT_SIGNED: "You have both signed the settlement agreement. Pay the "
    "claimant as it says.",
}
