"""Directions on a defended claim (notes section 4): once the claimant goes ahead without
mediation (or mediation fails) the claim is ready for directions; a legal adviser or judge
draws an order, which a caseworker records and we send to both parties by their route (the
wording in the message, a PDF letter for those who chose post); 19 days later the beat job
makes the claim ready for transfer to a local court, and a caseworker transfers it.

Within those 19 days a party may ask a judge to reconsider a legal adviser's order (the
caseworker records the request, received by post, phone or email); the caseworker then
records the judge's decision: the order is confirmed (``approved``) or the judge makes a new
order (drawn again, with its own 19 days).

Instead of recording an order drawn at once, the caseworker may record a draft sent to a
judge or a legal adviser to review (``order_for_judge_review`` / ``order_for_la_review``; the
parties are not told of a draft). The reviewer approves it as drafted or with its wording
changed, and ``claim_order_draw`` then draws and sends it exactly as an order drawn at once;
or sends it back to be drafted again (the claim is ready for directions again).

Every move goes through ``transition_apply`` (audited, who and when); refusals raise
``TransitionNotAllowed`` and write nothing; ``ValidationError`` for bad answers.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from digital_services.core.calendar import working_days_add
from digital_services.core.transitions import TransitionNotAllowed, transition_apply

from ..constants import (
    AUDIT_SERVICE,
    ORDER_REVIEW_STATES,
    ORDER_REVIEW_WORKING_DAYS,
    ORDER_TEXT_MAX_LENGTH,
    ORDER_TRANSFER_DAYS,
    ClaimStatus,
    OrderMadeBy,
    OrderReviewResult,
    PartyRole,
    ReconsiderationResult,
)
from ..models import Claim, DirectionsOrder
from .claimant import _paused, _tell_both
from .common import court_phone, locked
from .judgment import staff_event_email_send
from .plans import date_in

#: The states whose order the beat job moves on to "ready for transfer" after 19 days.
ORDER_TRANSFER_STATES = (ClaimStatus.ORDER_DRAWN, ClaimStatus.APPROVED)


def _not_now(claim: Claim, what: str) -> TransitionNotAllowed:
    return TransitionNotAllowed(
        f"Claim {claim.reference_display} is {claim.get_status_display().lower()}: {what}",
        source=claim.status,
    )


def _text_clean(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": "Enter the wording of the order"})
    if len(text) > ORDER_TEXT_MAX_LENGTH:
        raise ValidationError(
            {"text": f"The order must be {ORDER_TEXT_MAX_LENGTH:,} characters or fewer"}
        )
    return text


def _order_send(claim: Claim, order: DirectionsOrder) -> None:
    """Both parties get the order by their route: a legal adviser's order says until when a
    judge may be asked to reconsider it."""
    common = {
        "order_text": order.text,
        "transfer_on": date_in(claim.language, order.drawn_on + dt.timedelta(ORDER_TRANSFER_DAYS)),
        "phone": court_phone(),
    }
    if order.made_by == OrderMadeBy.LEGAL_ADVISER:
        _tell_both(
            claim,
            "civil_claims.order_drawn_legal_adviser",
            reconsider_by=date_in(claim.language, order.reconsider_by),
            **common,
        )
    else:
        _tell_both(claim, "civil_claims.order_drawn_judge", **common)


def _order_create(
    claim: Claim, *, made_by: str, text: str, actor, replaces=None
) -> DirectionsOrder:
    order = DirectionsOrder.objects.create(
        claim=claim, made_by=made_by, text=text, drawn_by=actor, replaces=replaces
    )
    claim.current_order = order
    claim.save(update_fields=["current_order", "updated_at"])
    return order


def _draft_drawn(draft: DirectionsOrder, *, text: str, actor) -> DirectionsOrder:
    draft.text = text
    draft.drawn_at = timezone.now()
    draft.drawn_by = actor
    draft.save(update_fields=["text", "drawn_at", "drawn_by"])
    return draft


def claim_order_draw(
    *, claim: Claim, made_by: str, text: str, actor, request=None, draft=None
) -> DirectionsOrder:
    """Record the order a legal adviser or judge drew on a claim ready for directions, and
    send it to both parties. With ``draft`` (the claim's draft order, approved by its
    reviewer, who is ``made_by``) the draft becomes the order drawn. Raises
    ``TransitionNotAllowed`` unless the claim is ready for directions (or its draft is
    waiting for that reviewer), ``ValidationError`` for no wording or an unknown maker."""
    if made_by not in OrderMadeBy.values:
        raise ValidationError({"made_by": "Choose who made the order"})
    text = _text_clean(text)
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        if draft is None:
            if claim.status != ClaimStatus.READY_FOR_DIRECTIONS:
                raise _not_now(claim, "it is not waiting for directions")
            order = _order_create(claim, made_by=made_by, text=text, actor=actor)
        else:
            if (
                claim.status != ORDER_REVIEW_STATES[made_by]
                or claim.current_order_id != draft.pk
                or draft.made_by != made_by
            ):
                raise _not_now(claim, "this draft order is not waiting for that review")
            order = _draft_drawn(draft, text=text, actor=actor)
        transition_apply(
            claim,
            to=ClaimStatus.ORDER_DRAWN,
            action="claim.order_drawn",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"order_id": order.pk, "made_by": made_by, "drafted": draft is not None},
        )
        _order_send(claim, order)
    return order


# A draft order sent to a judge or a legal adviser to review --------------------------------


def claim_order_draft(
    *, claim: Claim, review_by: str, text: str, actor, request=None
) -> DirectionsOrder:
    """Record a draft order on a claim ready for directions, sent to a judge or a legal
    adviser (``review_by``) to review. The parties are not told. Raises
    ``TransitionNotAllowed`` unless the claim is ready for directions, ``ValidationError``
    for no wording or an unknown reviewer."""
    if review_by not in OrderMadeBy.values:
        raise ValidationError({"review_by": "Choose who will review the draft order"})
    text = _text_clean(text)
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        if claim.status != ClaimStatus.READY_FOR_DIRECTIONS:
            raise _not_now(claim, "it is not waiting for directions")
        order = DirectionsOrder.objects.create(
            claim=claim,
            made_by=review_by,
            text=text,
            draft_text=text,
            drafted_at=timezone.now(),
            drafted_by=actor,
        )
        claim.current_order = order
        claim.save(update_fields=["current_order", "updated_at"])
        transition_apply(
            claim,
            to=ORDER_REVIEW_STATES[review_by],
            action="claim.order_drafted",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"order_id": order.pk, "review_by": review_by},
        )
    return order


def order_review_due_on(order: DirectionsOrder | None) -> dt.date | None:
    """When a draft order's review is due (None unless it is waiting for one)."""
    if order is None or not order.is_draft:
        return None
    return working_days_add(timezone.localtime(order.drafted_at).date(), ORDER_REVIEW_WORKING_DAYS)


def claim_order_review(
    *, claim: Claim, result: str, actor, text: str = "", reason: str = "", request=None
) -> DirectionsOrder | None:
    """Record the reviewer's decision on the claim's draft order: approved as drafted, or
    with its wording changed (``text``), it is drawn and sent to both parties by
    ``claim_order_draw`` (the 19 days start); sent back (``reason``), the claim is ready for
    directions again and the parties are not told. Returns the order drawn (None when sent
    back). Raises ``TransitionNotAllowed`` unless a draft is waiting for review,
    ``ValidationError`` for an unknown result, changed wording left empty or no reason."""
    if result not in OrderReviewResult.values:
        raise ValidationError({"result": "Choose what was decided about the draft order"})
    reason = (reason or "").strip()
    if result == OrderReviewResult.RETURNED and not reason:
        raise ValidationError({"reason": "Enter why the draft order was sent back"})
    text = _text_clean(text) if result == OrderReviewResult.AMENDED else ""
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        if claim.status not in ORDER_REVIEW_STATES.values() or claim.current_order_id is None:
            raise _not_now(claim, "no draft order is waiting for review")
        draft = DirectionsOrder.objects.select_for_update().get(pk=claim.current_order_id)
        draft.review_result = result
        draft.reviewed_at = timezone.now()
        draft.reviewed_by = actor
        draft.return_reason = reason if result == OrderReviewResult.RETURNED else ""
        draft.save(update_fields=["review_result", "reviewed_at", "reviewed_by", "return_reason"])
        if result != OrderReviewResult.RETURNED:
            return claim_order_draw(
                claim=claim,
                made_by=draft.made_by,
                text=text or draft.draft_text,
                actor=actor,
                request=request,
                draft=draft,
            )
        claim.current_order = None
        claim.save(update_fields=["current_order", "updated_at"])
        transition_apply(
            claim,
            to=ClaimStatus.READY_FOR_DIRECTIONS,
            action="claim.order_returned",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"order_id": draft.pk},
        )
    return None


def reconsideration_refusal(claim: Claim, *, today: dt.date | None = None) -> str:
    """Why a judge cannot be asked to reconsider the claim's order now ("" when they can)."""
    order = claim.current_order
    if claim.status != ClaimStatus.ORDER_DRAWN or order is None:
        return "There is no order to reconsider"
    if order.made_by != OrderMadeBy.LEGAL_ADVISER:
        return "Only a legal adviser's order can be reconsidered by a judge"
    if order.reconsideration_requested_at is not None:
        return "A judge has already been asked to reconsider this order"
    if (today or timezone.localdate()) > order.reconsider_by:
        return (
            "The time to ask for the order to be reconsidered ended on "
            f"{order.reconsider_by:%d %B %Y}"
        )
    return ""


def claim_order_reconsideration_request(
    *, claim: Claim, party: str, reason: str, actor, request=None
) -> DirectionsOrder:
    """A party (``claimant`` or ``defendant``) asks for a judge to reconsider a legal
    adviser's order, within 19 days of it; the caseworker records it. Both are told.
    Raises ``TransitionNotAllowed`` (with the reason: not a legal adviser's order, too late,
    asked already) and ``ValidationError`` for no reason or an unknown party."""
    if party not in PartyRole.values:
        raise ValidationError({"party": "Choose who asked for the reconsideration"})
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Enter why they ask for the order to be reconsidered"})
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        refusal = reconsideration_refusal(claim)
        if refusal:
            raise TransitionNotAllowed(refusal, source=claim.status)
        order = DirectionsOrder.objects.select_for_update().get(pk=claim.current_order_id)
        order.reconsideration_requested_at = timezone.now()
        order.reconsideration_requested_by = actor
        order.reconsideration_party = party
        order.reconsideration_reason = reason
        order.save(
            update_fields=[
                "reconsideration_requested_at",
                "reconsideration_requested_by",
                "reconsideration_party",
                "reconsideration_reason",
            ]
        )
        transition_apply(
            claim,
            to=ClaimStatus.RECONSIDERATION_REQUESTED,
            action="claim.reconsideration_requested",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"order_id": order.pk, "party": party},
        )
        staff_event_email_send(claim=claim, event="A judge was asked to reconsider the order")
        _tell_both(
            claim,
            f"civil_claims.reconsideration_requested_by_{party}",
            phone=court_phone(),
        )
    return order


def claim_order_reconsider(
    *, claim: Claim, result: str, actor, text: str = "", request=None
) -> DirectionsOrder:
    """Record the judge's decision on a reconsideration: the legal adviser's order is
    confirmed (the claim is ``approved``, and moves on to transfer 19 days after the order),
    or the judge makes a new order (``text``), sent to both parties with its own 19 days.
    Returns the order now in force. Raises ``TransitionNotAllowed`` unless a
    reconsideration is waiting, ``ValidationError`` for an unknown result or a new order
    without its wording."""
    if result not in ReconsiderationResult.values:
        raise ValidationError({"result": "Choose what the judge decided"})
    new_order = result == ReconsiderationResult.NEW_ORDER
    text = _text_clean(text) if new_order else ""
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        if claim.status != ClaimStatus.RECONSIDERATION_REQUESTED or claim.current_order is None:
            raise _not_now(claim, "no reconsideration is waiting")
        order = DirectionsOrder.objects.select_for_update().get(pk=claim.current_order_id)
        order.reconsideration_result = result
        order.reconsidered_at = timezone.now()
        order.reconsidered_by = actor
        order.save(update_fields=["reconsideration_result", "reconsidered_at", "reconsidered_by"])
        if new_order:
            order = _order_create(
                claim, made_by=OrderMadeBy.JUDGE, text=text, actor=actor, replaces=order
            )
        transition_apply(
            claim,
            to=ClaimStatus.ORDER_DRAWN if new_order else ClaimStatus.APPROVED,
            action="claim.order_reconsidered",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"order_id": order.pk, "result": result},
        )
        if new_order:
            _order_send(claim, order)
        else:
            _tell_both(
                claim,
                "civil_claims.order_confirmed",
                transfer_on=date_in(
                    claim.language, order.drawn_on + dt.timedelta(ORDER_TRANSFER_DAYS)
                ),
                phone=court_phone(),
            )
    return order


# The beat job: 19 days after the order, ready for transfer -----------------------------


def claims_order_transfer_due_ids(*, today: dt.date) -> list[int]:
    """Claims whose order in force was drawn more than 19 days before ``today``."""
    cutoff = timezone.make_aware(
        dt.datetime.combine(today - dt.timedelta(days=ORDER_TRANSFER_DAYS - 1), dt.time.min)
    )
    return list(
        Claim.objects.filter(status__in=ORDER_TRANSFER_STATES, current_order__drawn_at__lt=cutoff)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def claim_order_transfer_ready(*, claim_id: int, now: dt.datetime | None = None) -> bool:
    """Make one claim ready for transfer 19 days after its order (by the system, audited;
    both parties told); quietly nothing when it has moved on, is paused or is not due."""
    today = timezone.localtime(now or timezone.now()).date()
    with transaction.atomic():
        claim = Claim.objects.select_for_update().filter(pk=claim_id).first()
        if claim is None or claim.status not in ORDER_TRANSFER_STATES or _paused(claim):
            return False
        order = claim.current_order
        if order is None or today < order.drawn_on + dt.timedelta(days=ORDER_TRANSFER_DAYS):
            return False
        transition_apply(
            claim,
            to=ClaimStatus.READY_FOR_TRANSFER,
            stamp="ready_for_transfer",
            action="claim.ready_for_transfer",
            service=AUDIT_SERVICE,
            detail={"order_id": order.pk},
        )
        _tell_both(claim, "civil_claims.ready_for_transfer", phone=court_phone())
    return True


def claims_order_transfer_ready(*, now: dt.datetime | None = None) -> int:
    """The beat job: each due claim in its own transaction. Returns how many moved."""
    today = timezone.localtime(now or timezone.now()).date()
    return sum(
        claim_order_transfer_ready(claim_id=pk, now=now)
        for pk in claims_order_transfer_due_ids(today=today)
    )
