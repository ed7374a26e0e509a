"""Possession claims: what follows the tenant's side (writes). The claim's status moves
when a defendant responds; a caseworker decides a counterclaim's Help with Fees, then
issues the counterclaim or returns it with a reason; and grants, refuses or lists for a
hearing each general application (granting an adjournment adjourns the listed hearing
through ``possession_hearing``).

Every status change goes through ``core.transitions.transition_apply`` (the claim's
``POSSESSION_TRANSITIONS``, the counterclaim's and the application's own maps), so each
is allowed only from its states, locked, stamped with who and when, and audited. The
parties are told by their routes (``possession_pack``) after commit, in the claim's
language.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from digital_services.audit.services import audit_record
from digital_services.core.calendar import is_working_day, working_days_add
from digital_services.core.dates import date_format
from digital_services.core.money import pence_format
from digital_services.core.transitions import TransitionNotAllowed, transition_apply
from digital_services.payments import services as payments
from digital_services.payments.constants import PaymentStatus, RefundStatus
from digital_services.payments.selectors import payment_amount_refundable, payments_for_case

from ..constants import AUDIT_SERVICE, HwfOutcome
from ..models import PossessionApplication, PossessionClaim, PossessionCounterclaim
from ..possession_constants import PossessionStatus
from ..possession_response_constants import (
    APPLICATION_DECIDE_WORKING_DAYS,
    PAYMENT_PURPOSE_POSSESSION_COUNTERCLAIM_FEE,
    ApplicationDecision,
    ApplicationKind,
    ApplicationStatus,
    CounterclaimStatus,
)
from .common import message_send
from .hwf import hwf_decision_fields, hwf_message
from .possession_pack import possession_party_route, possession_send_all

S = PossessionStatus
CC = CounterclaimStatus
COUNTERCLAIM_ISSUED_TEMPLATE = "civil_claims.possession_counterclaim_issued"
COUNTERCLAIM_RETURNED_TEMPLATE = "civil_claims.possession_counterclaim_returned"
REFUND_REASON = "Possession counterclaim returned, not issued: its fee is refunded"
APPLICATION_TEMPLATES = {
    ApplicationDecision.GRANT: "civil_claims.possession_application_granted",
    ApplicationDecision.REFUSE: "civil_claims.possession_application_refused",
    ApplicationDecision.LIST: "civil_claims.possession_application_listed",
}
APPLICATION_TARGETS = {
    ApplicationDecision.GRANT: ApplicationStatus.GRANTED,
    ApplicationDecision.REFUSE: ApplicationStatus.REFUSED,
    ApplicationDecision.LIST: ApplicationStatus.LISTED,
}


class DecisionRefused(ValueError):
    """The decision cannot be made as asked: ``errors`` maps a form field to why."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def _in_language(claim: PossessionClaim, text) -> str:
    """A citizen's words in the claim's language (its messages' language)."""
    with translation.override(claim.language if claim.language in ("en", "cy") else "en"):
        return str(text)


# The claim's status when a defendant responds -------------------------------------------


def possession_claim_response_move(
    *, claim: PossessionClaim, disputes: bool, actor=None, request=None
) -> PossessionClaim:
    """Move the claim on a defendant's response (call inside the response's transaction):
    to "defence received" when they dispute the claim (or another defendant already has),
    else "response received". From a status the map does not allow (an order made, a
    warrant) the claim stays as it is: the response is kept and audited all the same."""
    target = (
        S.DEFENCE_RECEIVED
        if disputes or claim.status == S.DEFENCE_RECEIVED
        else (S.RESPONSE_RECEIVED)
    )
    if claim.status == target or target not in claim.TRANSITIONS.get(claim.status, ()):
        return claim
    return transition_apply(
        claim,
        to=target,
        action="possession_claim.response_received",
        actor=actor,
        request=request,
        service=AUDIT_SERVICE,
        detail={"disputes": disputes},
    )


# Counterclaims ------------------------------------------------------------------------


def counterclaim_fee_due_pence(counterclaim: PossessionCounterclaim) -> int:
    """What is still to pay: the fee, or what Help with Fees left to pay, less what was
    paid. A counterclaim sent with Help with Fees owes its whole fee until it is decided."""
    to_pay = counterclaim.hwf_amount_to_pay_pence
    if to_pay is None:
        to_pay = counterclaim.fee_pence
    return max(0, to_pay - counterclaim.amount_paid_pence)


def counterclaim_hwf_to_decide(counterclaim: PossessionCounterclaim) -> bool:
    """A Help with Fees reference waits for a decision: sent and not decided yet (for
    review), or more information asked for (waiting for it, or for the fee)."""
    if not counterclaim.hwf_reference:
        return False
    if counterclaim.status == CC.PENDING_REVIEW:
        return counterclaim.hwf_outcome == ""
    return (
        counterclaim.status == CC.PENDING_ISSUE
        and counterclaim.hwf_outcome == HwfOutcome.MORE_INFO
        and counterclaim.amount_paid_pence == 0
    )


def _tenant_link(claim: PossessionClaim) -> str:
    path = reverse("civil_claims:possession-respond-claim", args=[claim.reference])
    return f"{settings.SITE_URL}{path}"


def _locked_counterclaim(counterclaim: PossessionCounterclaim) -> PossessionCounterclaim:
    return (
        PossessionCounterclaim.objects.select_for_update(of=("self",))
        .select_related("response__party", "response__claim")
        .get(pk=counterclaim.pk)
    )


def _not_now(counterclaim: PossessionCounterclaim, what: str) -> TransitionNotAllowed:
    return TransitionNotAllowed(
        f"This counterclaim is {counterclaim.get_status_display().lower()}: {what}",
        source=counterclaim.status,
    )


def counterclaim_hwf_decide(
    *,
    counterclaim: PossessionCounterclaim,
    outcome: str,
    actor,
    remitted_pence: int | None = None,
    note: str = "",
    request=None,
) -> PossessionCounterclaim:
    """Decide the defendant's Help with Fees on their counterclaim's fee (the one rule,
    ``hwf.hwf_decision_fields``) and tell them by their route. Full remission leaves it
    for review, ready to issue; part or no remission, or an invalid reference, leave it
    waiting for the rest of the fee (paid by card); more information waits for it (decided
    again when it comes) or for the fee. Raises ``TransitionNotAllowed`` unless a
    reference waits for a decision, ``ValueError`` for a bad outcome or amount."""
    with transaction.atomic():
        counterclaim = _locked_counterclaim(counterclaim)
        if not counterclaim_hwf_to_decide(counterclaim):
            raise _not_now(counterclaim, "it has no Help with Fees to decide")
        fee = counterclaim.fee_pence
        decision = hwf_decision_fields(
            fee_pence=fee, outcome=outcome, remitted_pence=remitted_pence, note=note
        )
        fields = {**decision, "hwf_decided_at": timezone.now(), "hwf_decided_by": actor}
        detail = {"outcome": outcome, "remitted_pence": decision["hwf_fee_remitted_pence"]}
        # Full remission: for review, to issue; anything else: waiting for the information
        # or the (rest of the) fee, which the tenant may pay by card.
        target = CC.PENDING_REVIEW if outcome == HwfOutcome.FULL else CC.PENDING_ISSUE
        if target == counterclaim.status:
            for name, value in fields.items():
                setattr(counterclaim, name, value)
            counterclaim.save(update_fields=[*fields, "updated_at"])
            audit_record(
                action="possession_claim.counterclaim_hwf_decided",
                obj=counterclaim,
                actor=actor,
                request=request,
                service=AUDIT_SERVICE,
                detail=detail,
            )
        else:
            transition_apply(
                counterclaim,
                to=target,
                fields=fields,
                action="possession_claim.counterclaim_hwf_decided",
                actor=actor,
                request=request,
                service=AUDIT_SERVICE,
                detail=detail,
            )
        claim = counterclaim.response.claim
        template, extra = hwf_message(
            prefix="civil_claims.possession_hwf",
            fields=decision,
            fee_pence=fee,
            reference=claim.claim_number,
            next_step=_in_language(
                claim, gettext("We will now check your counterclaim and issue it.")
            ),
        )
        message_send(
            template=template,
            route=possession_party_route(counterclaim.response.party),
            claim=claim,
            personalisation={
                "hwf_reference": counterclaim.hwf_reference,
                "fee_name": _in_language(claim, gettext("the fee for your counterclaim")),
                "claim_url": _tenant_link(claim),
                **extra,
            },
        )
    return counterclaim


def _counterclaim_common(counterclaim: PossessionCounterclaim) -> dict:
    claim = counterclaim.response.claim
    return {
        "claim_number": claim.claim_number,
        "defendant_name": counterclaim.response.party.name,
        "counterclaim": _in_language(claim, counterclaim.get_kind_display()),
    }


def counterclaim_issue(
    *, counterclaim: PossessionCounterclaim, actor, request=None
) -> PossessionCounterclaim:
    """Issue a counterclaim whose fee is settled (paid, or remitted by Help with Fees);
    every party is told by their route. Raises ``DecisionRefused`` while a fee or a Help
    with Fees decision is outstanding, ``TransitionNotAllowed`` unless it is for review."""
    with transaction.atomic():
        counterclaim = _locked_counterclaim(counterclaim)
        if counterclaim.status != CC.PENDING_REVIEW:
            raise _not_now(counterclaim, "it cannot be issued now")
        if counterclaim_hwf_to_decide(counterclaim):
            raise DecisionRefused({None: "Decide the Help with Fees reference first"})
        due = counterclaim_fee_due_pence(counterclaim)
        if due:
            raise DecisionRefused(
                {None: f"The fee is not paid: {pence_format(due)} is still to pay"}
            )
        transition_apply(
            counterclaim,
            to=CC.ISSUED,
            stamp="issued",
            action="possession_claim.counterclaim_issued",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"claim": counterclaim.response.claim_id},
        )
        claim = counterclaim.response.claim
        possession_send_all(
            template=COUNTERCLAIM_ISSUED_TEMPLATE,
            claim=claim,
            personalisation={
                **_counterclaim_common(counterclaim),
                "issued_on": date_format(timezone.localdate()),
            },
        )
    return counterclaim


def counterclaim_card_payments(counterclaim: PossessionCounterclaim):
    """The counterclaim fee's successful card payments, oldest first (after part remission
    the rest may be a second payment)."""
    return (
        payments_for_case(
            for_case=counterclaim, purpose=PAYMENT_PURPOSE_POSSESSION_COUNTERCLAIM_FEE
        )
        .filter(status=PaymentStatus.SUCCESS)
        .order_by("created_at", "pk")
    )


def counterclaim_paid_otherwise_pence(counterclaim: PossessionCounterclaim) -> int:
    """What was paid for the fee other than by card here (by post, at the counter): the
    caseworker returns it by hand when the counterclaim is returned."""
    by_card = sum(p.amount_pence for p in counterclaim_card_payments(counterclaim))
    return max(0, counterclaim.amount_paid_pence - by_card)


def _counterclaim_refund(counterclaim: PossessionCounterclaim, actor) -> list:
    """Refund to the card what is left of each card payment for the fee (inside the
    return's transaction, after the move: a return that is refused refunds nothing, and a
    returned counterclaim is never returned, so never refunded, again). A refund the
    provider refuses is kept in error and not counted. Raises ``PaymentProviderUnavailable``
    or ``RefundNotAllowed`` (the return is then rolled back: nothing changed)."""
    refunds = []
    for payment in counterclaim_card_payments(counterclaim):
        amount = payment_amount_refundable(payment=payment)
        if amount > 0:
            refunds.append(
                payments.refund_create(
                    payment=payment,
                    amount_pence=amount,
                    requested_by=actor if getattr(actor, "is_authenticated", False) else None,
                    reason=REFUND_REASON,
                )
            )
    return refunds


def _returned_fee_note(claim: PossessionClaim, *, refunded: int, by_hand: int) -> str:
    """What the defendant is told about the fee they paid, in the claim's language."""
    lines = []
    with translation.override(claim.language if claim.language in ("en", "cy") else "en"):
        if refunded:
            lines.append(
                gettext("We are refunding the %(amount)s you paid by card to that card.")
                % {"amount": pence_format(refunded)}
            )
        if by_hand:
            lines.append(
                gettext("We will send back the %(amount)s you paid for the counterclaim.")
                % {"amount": pence_format(by_hand)}
            )
    return " ".join(lines)


def counterclaim_return(
    *, counterclaim: PossessionCounterclaim, reason: str, actor, request=None
) -> PossessionCounterclaim:
    """Return a counterclaim for review to the defendant with the reason (it is not
    issued); every party is told. What was paid by card for its fee is refunded to the
    card (``payments.refund_create``) and recorded (``refunded_pence``, the audit event);
    the defendant's message says so, and says that a fee paid otherwise is sent back (the
    caseworker does that by hand). Raises ``DecisionRefused`` without a reason,
    ``TransitionNotAllowed`` unless it is for review, and the payments' errors when the
    refund cannot be asked for (nothing is then changed)."""
    reason = (reason or "").strip()
    if not reason:
        raise DecisionRefused({"reason": "Enter why the counterclaim is being returned"})
    with transaction.atomic():
        counterclaim = _locked_counterclaim(counterclaim)
        if counterclaim.status != CC.PENDING_REVIEW:
            raise _not_now(counterclaim, "it cannot be returned now")
        transition_apply(
            counterclaim,
            to=CC.RETURNED,
            stamp="returned",
            fields={"return_reason": reason},
            action="possession_claim.counterclaim_returned",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"claim": counterclaim.response.claim_id},
        )
        refunds = _counterclaim_refund(counterclaim, actor)
        refunded = sum(r.amount_pence for r in refunds if r.status != RefundStatus.ERROR)
        by_hand = counterclaim_paid_otherwise_pence(counterclaim)
        if refunded:
            counterclaim.refunded_pence = refunded
            counterclaim.save(update_fields=["refunded_pence", "updated_at"])
        if refunds or by_hand:
            audit_record(
                action="possession_claim.counterclaim_fee_returned",
                obj=counterclaim,
                actor=actor,
                request=request,
                service=AUDIT_SERVICE,
                detail={
                    "refunded_pence": refunded,
                    "refund_ids": [r.pk for r in refunds],
                    "refused_refund_ids": [r.pk for r in refunds if r.status == RefundStatus.ERROR],
                    "to_return_by_hand_pence": by_hand,
                },
            )
        claim = counterclaim.response.claim
        common = {**_counterclaim_common(counterclaim), "reason": reason}
        maker = counterclaim.response.party_id
        for party in claim.parties.all():
            note = (
                _returned_fee_note(claim, refunded=refunded, by_hand=by_hand)
                if party.pk == maker
                else ""
            )
            message_send(
                template=COUNTERCLAIM_RETURNED_TEMPLATE,
                route=possession_party_route(party),
                claim=claim,
                personalisation={**common, "fee_note": note},
            )
    return counterclaim


def counterclaim_return_outcome_text(counterclaim: PossessionCounterclaim) -> str:
    """What the caseworker is told after returning it (the admin's message)."""
    text = "Counterclaim returned. Every party has been told."
    if counterclaim.refunded_pence:
        text += f" {pence_format(counterclaim.refunded_pence)} is refunded to the card."
    refused = sum(
        r.amount_pence
        for p in counterclaim_card_payments(counterclaim)
        for r in p.refunds.filter(status=RefundStatus.ERROR, reason=REFUND_REASON)
    )
    if refused:
        text += (
            f" GOV.UK Pay refused the refund of {pence_format(refused)}: refund it from the "
            "payment's page."
        )
    by_hand = counterclaim_paid_otherwise_pence(counterclaim)
    if by_hand:
        text += (
            f" {pence_format(by_hand)} was paid other than by card: return it outside this service."
        )
    return text


# General applications -----------------------------------------------------------------


def application_due_on(application: PossessionApplication) -> dt.date | None:
    """When a decision is due: ``APPLICATION_DECIDE_WORKING_DAYS`` working days after the
    application arrived, or the working day before the hearing it asks to adjourn if that
    is sooner. None when it is not waiting for a caseworker."""
    if application.status != ApplicationStatus.ISSUED or application.issued_at is None:
        return None
    due = working_days_add(
        timezone.localtime(application.issued_at).date(), APPLICATION_DECIDE_WORKING_DAYS
    )
    if application.kind == ApplicationKind.ADJOURN and application.hearing_on is not None:
        before = application.hearing_on - dt.timedelta(days=1)
        while not is_working_day(before):
            before -= dt.timedelta(days=1)
        due = min(due, before)
    return due


def possession_application_decide(
    *, application: PossessionApplication, decision: str, reason: str, actor, request=None
) -> PossessionApplication:
    """Grant or refuse a general application with reasons, or list it for a judge to
    decide at a hearing; every party is told by their route. Granting an adjournment
    adjourns the listed hearing (``possession_hearing_adjourn``, which tells every party
    too). Raises ``DecisionRefused`` (no reasons; an adjournment with no hearing listed)
    and ``TransitionNotAllowed`` when the application is not waiting for this decision."""
    from .possession_hearing import possession_hearing_adjourn, possession_hearing_current

    if decision not in APPLICATION_TARGETS:
        raise DecisionRefused({"decision": "Choose the decision"})
    reason = (reason or "").strip()
    if not reason:
        raise DecisionRefused({"reason": "Enter the reasons for the decision"})
    with transaction.atomic():
        application = (
            PossessionApplication.objects.select_for_update(of=("self",))
            .select_related("party", "claim")
            .get(pk=application.pk)
        )
        target = APPLICATION_TARGETS[decision]
        if target not in application.TRANSITIONS.get(application.status, ()):
            raise TransitionNotAllowed(
                f"This application is {application.get_status_display().lower()}: "
                "it cannot be decided that way now",
                source=application.status,
                target=target,
            )
        claim = application.claim
        adjourn = decision == ApplicationDecision.GRANT and application.kind == (
            ApplicationKind.ADJOURN
        )
        if adjourn and possession_hearing_current(claim) is None:
            raise DecisionRefused(
                {
                    "decision": "There is no hearing listed to adjourn: refuse the application "
                    "or list it for a hearing"
                }
            )
        transition_apply(
            application,
            to=target,
            stamp="decided",
            fields={"decision_reason": reason},
            action="possession_claim.application_decided",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"claim": claim.pk, "decision": decision, "kind": application.kind},
        )
        if adjourn:
            possession_hearing_adjourn(
                claim=claim,
                reason=f"Application to adjourn granted: {reason}",
                actor=actor,
                request=request,
            )
        possession_send_all(
            template=APPLICATION_TEMPLATES[decision],
            claim=claim,
            personalisation={
                "claim_number": claim.claim_number,
                "applicant_name": application.party.name,
                "application": _in_language(claim, application.get_kind_display()),
                "reason": reason,
            },
        )
    return application
