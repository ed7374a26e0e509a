"""Where a claim stands once the court gives directions, with the next step and its date,
in plain words for either party's dashboard (``next_steps.claimant_words`` and
``defendant_words`` ask here first): an order being prepared (a draft with a judge or a legal
adviser to review, which the parties do not see yet), an order drawn (and until when a judge may be asked
to reconsider a legal adviser's order), a reconsideration asked for, the order confirmed,
and the claim ready to move to a local court.

Reads the order in force from ``Claim.current_order`` (joined by ``claims_with_details`` and ``claims_listed``, so
a list of claims costs no query per claim). Returns "" when there is nothing to add.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext

from digital_services.core.dates import date_format

from .constants import (
    ORDER_REVIEW_STATES,
    ORDER_TRANSFER_DAYS,
    ClaimStatus,
    OrderMadeBy,
    PartyRole,
)
from .models import Claim


def _day(value) -> str:
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date()
    return date_format(value)


def _transfer_on(order) -> str:
    return date_format(order.drawn_on + dt.timedelta(days=ORDER_TRANSFER_DAYS))


def _drawn_words(order) -> str:
    if order.made_by == OrderMadeBy.LEGAL_ADVISER:
        words = gettext(
            "A legal adviser made an order on %(day)s. Read it in the message we sent you and "
            "do what it says by the dates it gives."
        ) % {"day": _day(order.drawn_at)}
        if timezone.localdate() <= order.reconsider_by:
            words += " " + gettext(
                "If you disagree with it, you can ask for a judge to reconsider it: write to us "
                "or phone us by %(day)s."
            ) % {"day": date_format(order.reconsider_by)}
    else:
        words = gettext(
            "A judge made an order on %(day)s. Read it in the message we sent you and do what "
            "it says by the dates it gives."
        ) % {"day": _day(order.drawn_at)}
    return (
        words
        + " "
        + gettext(
            "On %(day)s the claim will be ready to move to a county court near the defendant."
        )
        % {"day": _transfer_on(order)}
    )


def order_words(claim: Claim, *, viewer: str) -> str:
    """The next step in the directions states for ``viewer`` (a ``PartyRole``)."""
    s = claim.status
    if s in ORDER_REVIEW_STATES.values():
        # The same words as ``selectors.NEXT_STEP_WORDS`` for these states (one msgid).
        return gettext(
            "The court is preparing an order about what happens next with the claim. We will "
            "send it to you when it is made, with the dates by which you must do what it says."
        )
    if s not in (
        ClaimStatus.ORDER_DRAWN,
        ClaimStatus.RECONSIDERATION_REQUESTED,
        ClaimStatus.APPROVED,
        ClaimStatus.READY_FOR_TRANSFER,
    ):
        return ""
    if s == ClaimStatus.READY_FOR_TRANSFER and claim.ready_for_transfer_at:
        return gettext(
            "On %(day)s the claim became ready to move to a county court near the defendant, "
            "which will deal with it from now on. We will tell you which court."
        ) % {"day": _day(claim.ready_for_transfer_at)}
    order = claim.current_order
    if order is None:
        return ""
    if s == ClaimStatus.ORDER_DRAWN:
        return _drawn_words(order)
    if s == ClaimStatus.RECONSIDERATION_REQUESTED and order.reconsideration_requested_at:
        values = {"day": _day(order.reconsideration_requested_at)}
        if order.reconsideration_party == viewer:
            words = gettext("You asked on %(day)s for a judge to reconsider the order.") % values
        elif order.reconsideration_party == PartyRole.CLAIMANT:
            words = (
                gettext("The claimant asked on %(day)s for a judge to reconsider the order.")
                % values
            )
        else:
            words = (
                gettext("The defendant asked on %(day)s for a judge to reconsider the order.")
                % values
            )
        return (
            words
            + " "
            + gettext("Until the judge decides, keep to the order. We will send you the decision.")
        )
    if s == ClaimStatus.APPROVED and order.reconsidered_at:
        return gettext(
            "A judge confirmed the order on %(day)s: do what it says by the dates it gives. On "
            "%(transfer)s the claim will be ready to move to a county court near the defendant."
        ) % {"day": _day(order.reconsidered_at), "transfer": _transfer_on(order)}
    return ""
