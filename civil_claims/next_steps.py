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
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

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
    fetched it with the claim (``claims_with_details``, ``claims_listed``), else one query."""
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
        return gettext("they admit all of the claim")
    if response.response_type == ResponseType.PART_ADMISSION:
        if response.admitted_amount_pence:
            return gettext("they admit they owe %(amount)s") % {
                "amount": pence_format(response.admitted_amount_pence)
            }
        return gettext("they say they have already paid %(amount)s") % {
            "amount": pence_format(response.paid_amount_pence)
        }
    if response.defence_type == DefenceType.ALREADY_PAID:
        return gettext("they say they have already paid what they owe")
    return gettext("they reject all of the claim")


def reply_by(response: Response) -> dt.date:
    """The last day for the claimant to reply: 33 days after the response (then stayed)."""
    return timezone.localtime(response.submitted_at).date() + dt.timedelta(days=CLAIMANT_REPLY_DAYS)


def _judgment_words(judgment: Judgment, *, defendant: bool) -> str:
    total = pence_format(judgment.total_pence)
    how = plan_words(judgment, language=get_language())
    if judgment.status == JudgmentStatus.ENTERED:
        off = _day(judgment.entered_at + dt.timedelta(days=JUDGMENT_REGISTER_PAID_DAYS))
        if defendant:
            return gettext(
                "A county court judgment was entered against you on %(on)s for %(total)s. Pay "
                "the claimant %(how)s. If you pay in full by %(off)s, it is taken off the "
                "register."
            ) % {"on": _day(judgment.entered_at), "total": total, "how": how, "off": off}
        return gettext(
            "Judgment was entered on %(on)s for %(total)s. The defendant must pay you %(how)s. "
            "Tell us when you have been paid in full."
        ) % {"on": _day(judgment.entered_at), "total": total, "how": how}
    asked = {"asked": _day(judgment.requested_at), "total": total, "how": how}
    words = (
        gettext(
            "The claimant asked for a judgment against you on %(asked)s for %(total)s, to be "
            "paid %(how)s."
        )
        % asked
        if defendant
        else gettext(
            "You asked for a judgment on %(asked)s for %(total)s, to be paid %(how)s. We will "
            "tell you when the court has entered it."
        )
        % asked
    )
    if judgment.kind == JudgmentType.DETERMINATION and not judgment.redetermination_requested_at:
        from .services.judgment import redetermination_deadline

        last = redetermination_deadline(judgment)
        if timezone.localdate() <= last:
            words += " " + gettext(
                "If you disagree with how the court decided it is paid, you can ask a judge to "
                "look at it again until %(last)s."
            ) % {"last": date_format(last)}
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
            return gettext(
                "The defendant responded on %(on)s: %(summary)s. Tell us what you want to do "
                "by %(by)s, or the claim will be stayed."
            ) % {
                "on": _day(response.submitted_at),
                "summary": response_summary(response),
                "by": date_format(reply_by(response)),
            }
        if (
            response is None
            and claim.responded_at is None
            and claim.response_deadline
            and deadline_passed(claim.response_deadline)
        ):
            return gettext(
                "The defendant did not respond by 4pm on %(day)s. You can now ask for a county "
                "court judgment."
            ) % {"day": date_format(claim.response_deadline)}
        return ""
    reply = _one(ClaimantReply, claim)
    judgment = _one(Judgment, claim)
    if s == ClaimStatus.SETTLEMENT_MADE and reply and reply.settlement_countersign_by:
        if reply.settlement_declined_at:
            return gettext(
                "The defendant said they will not sign the settlement agreement. You can now "
                "ask for a judgment."
            )
        if timezone.localdate() > reply.settlement_countersign_by:
            return gettext(
                "The defendant did not sign the settlement agreement by %(day)s. You can now "
                "ask for a judgment."
            ) % {"day": date_format(reply.settlement_countersign_by)}
        return gettext(
            "The defendant has until %(day)s to sign the settlement agreement. If they do not, "
            "you can ask for a judgment."
        ) % {"day": date_format(reply.settlement_countersign_by)}
    if s == ClaimStatus.SETTLEMENT_SIGNED and reply and reply.settlement_countersigned_at:
        return gettext(
            "You both signed the settlement agreement on %(on)s. The defendant must pay you "
            "%(how)s. If they do not, you can ask for a judgment."
        ) % {
            "on": _day(reply.settlement_countersigned_at),
            "how": plan_words(reply, language=get_language()),
        }
    if s == ClaimStatus.JUDGMENT_REQUESTED and judgment:
        return _judgment_words(judgment, defendant=False)
    if s == ClaimStatus.JUDGMENT_DECIDE_AMOUNT and reply:
        return gettext(
            "You rejected the defendant’s payment plan on %(on)s and asked to be paid %(how)s. "
            "The court will decide how the defendant pays. We will send you the decision."
        ) % {"on": _day(reply.submitted_at), "how": plan_words(reply, language=get_language())}
    if s == ClaimStatus.REDETERMINATION_REQUESTED and judgment:
        words = (
            gettext(
                "You asked on %(on)s for a judge to look again at how the defendant pays. We "
                "will send you the decision."
            )
            if judgment.redetermination_requested_by_role == "claimant"
            else gettext(
                "The defendant asked on %(on)s for a judge to look again at how the defendant "
                "pays. We will send you the decision."
            )
        )
        return words % {"on": _day(judgment.redetermination_requested_at)}
    if s == ClaimStatus.SETTLED and claim.money_received_on:
        return gettext(
            "You told us you were paid in full on %(day)s. The claim is settled. You do not "
            "need to do anything else."
        ) % {"day": date_format(claim.money_received_on)}
    if s == ClaimStatus.REFERRED_MEDIATION and reply:
        return gettext(
            "The claim was referred to free mediation on %(on)s. The mediation service will "
            "contact you both to arrange a call."
        ) % {"on": _day(reply.submitted_at)}
    if s == ClaimStatus.STAYED and claim.stayed_at:
        return gettext(
            "The claim was stayed on %(on)s: nothing happens until the stay is lifted."
        ) % {"on": _day(claim.stayed_at)}
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
            return gettext(
                "You responded on %(on)s. The claimant has until %(by)s to tell us what they "
                "want to do. We will tell you."
            ) % {"on": _day(response.submitted_at), "by": date_format(reply_by(response))}
        return ""
    if s == ClaimStatus.SETTLEMENT_MADE and reply and reply.settlement_countersign_by:
        if reply.settlement_declined_at:
            return gettext(
                "You said you will not sign the settlement agreement. The claimant can now "
                "ask for a judgment."
            )
        if timezone.localdate() > reply.settlement_countersign_by:
            return gettext(
                "You did not sign the settlement agreement by %(day)s. The claimant can now ask "
                "for a judgment."
            ) % {"day": date_format(reply.settlement_countersign_by)}
        return gettext(
            "The claimant accepted your offer as a settlement agreement. Sign it by %(day)s, or "
            "the claimant can ask for a judgment."
        ) % {"day": date_format(reply.settlement_countersign_by)}
    if s == ClaimStatus.SETTLEMENT_SIGNED and reply and reply.settlement_countersigned_at:
        return gettext(
            "You both signed the settlement agreement on %(on)s. Pay the claimant %(how)s."
        ) % {
            "on": _day(reply.settlement_countersigned_at),
            "how": plan_words(reply, language=get_language()),
        }
    if s == ClaimStatus.JUDGMENT_REQUESTED and judgment:
        return _judgment_words(judgment, defendant=True)
    if s == ClaimStatus.JUDGMENT_DECIDE_AMOUNT and reply:
        return gettext(
            "The claimant rejected your payment plan on %(on)s. The court will decide how you "
            "pay, from what you told us about your finances. We will send you the decision."
        ) % {"on": _day(reply.submitted_at)}
    if s == ClaimStatus.REDETERMINATION_REQUESTED:
        return gettext(
            "A judge has been asked to look again at how the money is paid. We will send you "
            "the decision."
        )
    if s == ClaimStatus.SETTLED:
        return gettext("The claim is settled. You do not need to do anything else.")
    if s == ClaimStatus.READY_FOR_DIRECTIONS:
        return gettext(
            "A judge will decide what happens next with the claim. We will write to you with "
            "their directions."
        )
    if s == ClaimStatus.CLOSED:
        return gettext("The claim is closed. You do not need to do anything else.")
    return str(DEFENDANT_WORDS.get(s, ""))


#: The defendant's words for states whose general words speak to the claimant ("You have
#: asked for judgment"), when there is no row with a date to say more.
DEFENDANT_WORDS = {
    ClaimStatus.BUSINESS_QUEUE: _(
        "We have your response by post. We are checking it and will tell you what happens next."
    ),
    ClaimStatus.JUDGMENT_REQUESTED: _(
        "The claimant has asked for a judgment against you. We will tell you when the court "
        "has made it."
    ),
    ClaimStatus.JUDGMENT_DECIDE_AMOUNT: _(
        "The court will decide how you pay, from what you told us about your finances. We will "
        "send you the decision."
    ),
    ClaimStatus.SETTLEMENT_MADE: _(
        "The claimant has made a settlement agreement of your offer. Sign it within 7 days, or "
        "the claimant can ask for a judgment."
    ),
    ClaimStatus.SETTLEMENT_SIGNED: _(
        "You have both signed the settlement agreement. Pay the claimant as it says."
    ),
}
