"""The claimant's next steps once the defendant has responded, and what follows them:

- an admission: accept it (then a settlement agreement, a judgment by admission, or a
  judge), or reject the defendant's payment plan and propose their own (the court then
  decides: ``judgment.claim_plan_decide``; an organisation's plan goes on paper);
- a part admission or "already paid": reject it and go ahead (with or without free
  mediation), or accept they were paid;
- a defence: go ahead (with or without mediation) or not;
- the defendant countersigns (or declines) a settlement within 7 days, else the claimant
  may ask for a judgment;
- ("paid in full", the mediation result and the 33-day stay job are in ``outcomes``).

Every move goes through ``transition_apply`` (audited, who and when) and each party is told
by their chosen route. Refusals raise ``ReplyRefused`` (words for the claimant) or
``TransitionNotAllowed``; nothing is written then.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from digital_services.audit.services import audit_record
from digital_services.core.dates import date_format
from digital_services.core.transitions import transition_apply

from ..constants import (
    AUDIT_SERVICE,
    SETTLEMENT_COUNTERSIGN_DAYS,
    BreathingSpaceStatus,
    ClaimStatus,
    DefenceType,
    FormaliseOption,
    PartyRole,
    PaymentOption,
    ResponseType,
)
from ..models import BreathingSpace, Claim, ClaimantReply, Judgment, Response
from .common import (
    claim_link,
    court_phone,
    locked,
    message_send,
    money,
    party_route,
    respond_link,
)
from .judgment import (
    JudgmentRefused,
    admitted_total_pence,
    judgment_by_admission_create,
    organisation_defendant,
    staff_event_email_send,
)
from .plans import PaymentPlanAnswers, date_in, plan_fields, plan_from, plan_validate, plan_words

# What the claimant may choose, by the kind of response.
ACCEPT = "accept"  # accept the admission and the defendant's plan
REJECT_PLAN = "reject_plan"  # accept the amount, propose another plan
GO_AHEAD = "go_ahead"  # reject the part admission / "already paid", or go ahead after a defence
ACCEPT_PAID = "accept_paid"  # agree the defendant has paid: the claim is settled
NOT_PROCEED = "not_proceed"  # do not go ahead after a defence: the claim ends


class ReplyRefused(Exception):
    """The claimant cannot do this now; the message says why, in words for them."""


def _paused(claim: Claim) -> bool:
    return BreathingSpace.objects.filter(claim=claim, status=BreathingSpaceStatus.IN_FORCE).exists()


def response_for(claim: Claim) -> Response | None:
    return Response.objects.filter(claim=claim).first()


def response_states_paid(response: Response) -> bool:
    return response.defence_type == DefenceType.ALREADY_PAID or (
        response.response_type == ResponseType.PART_ADMISSION
        and bool(response.paid_amount_pence)
        and not response.admitted_amount_pence
    )


def reply_choices(response: Response) -> list[str]:
    """What the claimant may do with this response."""
    if response.response_type == ResponseType.FULL_DEFENCE:
        if response.defence_type == DefenceType.ALREADY_PAID:
            return [ACCEPT_PAID, GO_AHEAD]
        return [GO_AHEAD, NOT_PROCEED]
    if response_states_paid(response):
        return [ACCEPT_PAID, GO_AHEAD]
    choices = [ACCEPT]
    if response.payment_option != PaymentOption.IMMEDIATELY:
        choices.append(REJECT_PLAN)
    if response.response_type == ResponseType.PART_ADMISSION:
        choices.append(GO_AHEAD)
    return choices


def claim_reply_refusal(claim: Claim, choice: str = "") -> str:
    """Why the claimant cannot reply (or make ``choice``) now; "" when they can."""
    response = response_for(claim)
    if response is None:
        return gettext("The defendant has not responded yet")
    if ClaimantReply.objects.filter(claim=claim).exists():
        return gettext("You have already replied to the defendant’s response")
    if claim.status != ClaimStatus.OPEN:
        return gettext("You cannot reply to the response now")
    if _paused(claim):
        return gettext(
            "You cannot reply while the defendant is in a breathing space. We will write to "
            "you when it ends"
        )
    if choice and choice not in reply_choices(response):
        return gettext("That is not one of the choices for this response")
    return ""


def _reply_start(claim: Claim, choice: str) -> tuple[Claim, Response]:
    claim = locked(Claim, claim.pk)
    refusal = claim_reply_refusal(claim, choice)
    if refusal:
        raise ReplyRefused(refusal)
    return claim, claim.response


def _user(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def _tell(claim: Claim, role: str, template: str, **personalisation) -> None:
    message_send(
        template=template,
        route=party_route(claim.party(role)),
        claim=claim,
        personalisation={"claim_number": claim.claim_number, **personalisation},
    )


def _tell_both(claim: Claim, template: str, **personalisation) -> None:
    for role in (PartyRole.CLAIMANT, PartyRole.DEFENDANT):
        _tell(claim, role, template, **personalisation)


# Accepting an admission ----------------------------------------------------------------


def claim_admission_accept(*, claim: Claim, formalise: str, actor, request=None) -> ClaimantReply:
    """The claimant accepts the admission and the defendant's plan, and chooses how to make
    it formal: a settlement agreement (the defendant has 7 days to countersign), a judgment
    by admission, or a judge's decision. Raises ``ReplyRefused`` or ``ValueError`` for an
    unknown option."""
    if formalise not in FormaliseOption.values:
        raise ValidationError({"formalise": "Select how you want to formalise the agreement"})
    with transaction.atomic():
        claim, response = _reply_start(claim, ACCEPT)
        today = timezone.localdate()
        reply = ClaimantReply.objects.create(
            claim=claim,
            accepts=True,
            formalise_option=formalise,
            user=_user(actor),
            settlement_countersign_by=today + dt.timedelta(days=SETTLEMENT_COUNTERSIGN_DAYS)
            if formalise == FormaliseOption.SETTLEMENT
            else None,
            **plan_fields(plan_from(response)),
        )
        detail = {"reply_id": reply.pk, "formalise": formalise}
        if formalise == FormaliseOption.CCJ:
            judgment_by_admission_create(claim=claim, reply=reply, actor=actor, request=request)
            return reply
        if formalise == FormaliseOption.SETTLEMENT:
            transition_apply(
                claim,
                to=ClaimStatus.SETTLEMENT_MADE,
                action="claim.settlement_made",
                actor=actor,
                request=request,
                service=AUDIT_SERVICE,
                detail=detail,
            )
            common = {
                "amount": money(admitted_total_pence(claim, response)),
                "how_to_pay": plan_words(response, language=claim.language),
                "sign_by": date_in(claim.language, reply.settlement_countersign_by),
            }
            _tell(
                claim,
                PartyRole.DEFENDANT,
                "civil_claims.settlement_made_defendant",
                claimant_name=claim.claimant.display_name,
                respond_url=respond_link(),
                **common,
            )
            _tell(
                claim,
                PartyRole.CLAIMANT,
                "civil_claims.settlement_made_claimant",
                defendant_name=claim.defendant.display_name,
                claim_url=claim_link(claim),
                **common,
            )
            return reply
        transition_apply(
            claim,
            to=ClaimStatus.READY_FOR_DIRECTIONS,
            action="claim.referred_to_judge",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail=detail,
        )
        _tell_both(claim, "civil_claims.referred_to_judge", phone=court_phone())
    return reply


# Rejecting the plan --------------------------------------------------------------------


def claim_plan_reject(
    *, claim: Claim, plan: PaymentPlanAnswers, reason: str = "", actor, request=None
) -> ClaimantReply:
    """The claimant accepts the amount but not the defendant's plan, and proposes their
    own. For an individual (who gave a statement of means) the court then decides how they
    pay ("judgment decide amount", the caseworkers' queue); an organisation's plan
    rejected means the claim continues on paper (both are told). Raises ``ReplyRefused``,
    ``ValidationError`` for a plan that cannot be kept."""
    with transaction.atomic():
        claim, response = _reply_start(claim, REJECT_PLAN)
        total = admitted_total_pence(claim, response)
        plan_validate(plan, today=timezone.localdate(), total_pence=total)
        reply = ClaimantReply.objects.create(
            claim=claim,
            accepts=False,
            rejection_reason=reason.strip(),
            user=_user(actor),
            **plan_fields(plan),
        )
        detail = {"reply_id": reply.pk, "plan": plan.payment_option}
        if organisation_defendant(claim):
            transition_apply(
                claim,
                to=ClaimStatus.PROCEEDS_IN_CASEMAN,
                action="claim.plan_rejected_offline",
                actor=actor,
                request=request,
                service=AUDIT_SERVICE,
                detail=detail,
            )
            staff_event_email_send(
                claim=claim,
                event="An organisation's payment plan was rejected: the claim continues on paper",
            )
            _tell_both(claim, "civil_claims.plan_rejected_offline", phone=court_phone())
            return reply
        transition_apply(
            claim,
            to=ClaimStatus.JUDGMENT_DECIDE_AMOUNT,
            action="claim.plan_rejected",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail=detail,
        )
        staff_event_email_send(claim=claim, event="The claimant rejected the payment plan")
        _tell(
            claim,
            PartyRole.DEFENDANT,
            "civil_claims.plan_rejected_defendant",
            claimant_name=claim.claimant.display_name,
            claimant_plan=plan_words(reply, language=claim.language),
            phone=court_phone(),
        )
        _tell(
            claim,
            PartyRole.CLAIMANT,
            "civil_claims.plan_rejected_claimant",
            claim_url=claim_link(claim),
        )
    return reply


# Going ahead, or not -------------------------------------------------------------------


def claim_go_ahead(
    *, claim: Claim, free_mediation: bool, reason: str = "", actor, request=None
) -> ClaimantReply:
    """The claimant rejects a part admission or "already paid", or goes ahead after a
    defence. Free mediation when both sides agreed to it; otherwise a judge gives
    directions. Both parties are told."""
    with transaction.atomic():
        claim, response = _reply_start(claim, GO_AHEAD)
        reply = ClaimantReply.objects.create(
            claim=claim,
            accepts=False,
            intends_to_proceed=True,
            free_mediation=bool(free_mediation),
            rejection_reason=reason.strip(),
            user=_user(actor),
        )
        mediation = bool(free_mediation) and bool(response.free_mediation)
        staff_event_email_send(
            claim=claim, event="The claimant rejected the response and goes ahead"
        )
        transition_apply(
            claim,
            to=ClaimStatus.REFERRED_MEDIATION if mediation else ClaimStatus.READY_FOR_DIRECTIONS,
            action="claim.claimant_proceeds",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"reply_id": reply.pk, "mediation": mediation},
        )
        if mediation:
            _tell_both(claim, "civil_claims.mediation_referred", phone=court_phone())
        else:
            _tell(
                claim,
                PartyRole.DEFENDANT,
                "civil_claims.claimant_proceeds_defendant",
                claimant_name=claim.claimant.display_name,
                phone=court_phone(),
            )
            _tell(claim, PartyRole.CLAIMANT, "civil_claims.referred_to_judge", phone=court_phone())
    return reply


def claim_reply_end(*, claim: Claim, actor, request=None) -> ClaimantReply:
    """The claimant ends the claim: they agree the defendant has paid (settled), or they do
    not go ahead after a defence (closed). Both parties are told."""
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        response = response_for(claim)
        choice = (
            ACCEPT_PAID if response is not None and response_states_paid(response) else NOT_PROCEED
        )
        claim, response = _reply_start(claim, choice)
        reply = ClaimantReply.objects.create(
            claim=claim,
            accepts=choice == ACCEPT_PAID,
            intends_to_proceed=False,
            user=_user(actor),
        )
        if choice == ACCEPT_PAID:
            transition_apply(
                claim,
                to=ClaimStatus.SETTLED,
                stamp="settled",
                action="claim.claimant_accepts_paid",
                actor=actor,
                request=request,
                service=AUDIT_SERVICE,
                detail={"reply_id": reply.pk},
            )
            _tell_both(claim, "civil_claims.claim_settled", phone=court_phone())
        else:
            transition_apply(
                claim,
                to=ClaimStatus.CLOSED,
                stamp="closed",
                action="claim.claimant_not_proceeding",
                actor=actor,
                request=request,
                service=AUDIT_SERVICE,
                detail={"reply_id": reply.pk},
            )
            _tell_both(claim, "civil_claims.claim_not_proceeding", phone=court_phone())
    return reply


# The settlement agreement --------------------------------------------------------------


def settlement_countersign_refusal(claim: Claim, *, today: dt.date | None = None) -> str:
    """Why the defendant cannot countersign (or decline) now; "" when they can."""
    reply = ClaimantReply.objects.filter(claim=claim).first()
    if claim.status != ClaimStatus.SETTLEMENT_MADE or reply is None:
        return gettext("There is no settlement agreement waiting for you to sign")
    if reply.settlement_declined_at is not None:
        return gettext("You have already said you will not sign the settlement agreement")
    today = today or timezone.localdate()
    if reply.settlement_countersign_by and today > reply.settlement_countersign_by:
        return gettext("The time to sign the settlement agreement ended on %(day)s") % {
            "day": date_format(reply.settlement_countersign_by)
        }
    return ""


def claim_settlement_countersign(*, claim: Claim, actor, request=None) -> Claim:
    """The defendant signs the settlement agreement within 7 days: it binds both; both told."""
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        refusal = settlement_countersign_refusal(claim)
        if refusal:
            raise ReplyRefused(refusal)
        reply = locked(ClaimantReply, claim.claimant_reply.pk)
        reply.settlement_countersigned_at = timezone.now()
        reply.save(update_fields=["settlement_countersigned_at"])
        transition_apply(
            claim,
            to=ClaimStatus.SETTLEMENT_SIGNED,
            action="claim.settlement_signed",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
        )
        staff_event_email_send(claim=claim, event="Settlement agreement signed by both sides")
        _tell_both(
            claim,
            "civil_claims.settlement_signed",
            how_to_pay=plan_words(reply, language=claim.language),
            phone=court_phone(),
        )
    return claim


def claim_settlement_decline(*, claim: Claim, actor, request=None) -> Claim:
    """The defendant will not sign: the claimant may now ask for a judgment (told so)."""
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        refusal = settlement_countersign_refusal(claim)
        if refusal:
            raise ReplyRefused(refusal)
        reply = locked(ClaimantReply, claim.claimant_reply.pk)
        reply.settlement_declined_at = timezone.now()
        reply.save(update_fields=["settlement_declined_at"])
        audit_record(
            action="claim.settlement_declined",
            obj=claim,
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
        )
        staff_event_email_send(claim=claim, event="The defendant refused the settlement agreement")
        _tell(
            claim,
            PartyRole.CLAIMANT,
            "civil_claims.settlement_declined_claimant",
            defendant_name=claim.defendant.display_name,
            claim_url=claim_link(claim),
        )
    return claim


def settlement_judgment_refusal(claim: Claim, *, today: dt.date | None = None) -> str:
    """Why the claimant cannot yet ask for a judgment on a settlement ("" when they can):
    after the 7 days to countersign, once the defendant declined, or once a signed
    agreement is not kept."""
    reply = ClaimantReply.objects.filter(claim=claim).first()
    if reply is None or Judgment.objects.filter(claim=claim).exists():
        return gettext("You cannot ask for a judgment on this claim now")
    if claim.status == ClaimStatus.SETTLEMENT_SIGNED:
        return ""
    if claim.status != ClaimStatus.SETTLEMENT_MADE:
        return gettext("You cannot ask for a judgment on this claim now")
    today = today or timezone.localdate()
    if reply.settlement_declined_at is None and today <= reply.settlement_countersign_by:
        return gettext(
            "The defendant has until %(day)s to sign the settlement agreement. You can ask for "
            "a judgment after that"
        ) % {"day": date_format(reply.settlement_countersign_by)}
    return ""


def claim_settlement_judgment_request(*, claim: Claim, actor, request=None) -> Judgment:
    """The claimant asks for a judgment by admission on the agreed plan: the defendant did
    not countersign in 7 days, declined, or has not kept a signed agreement."""
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        refusal = settlement_judgment_refusal(claim)
        if refusal:
            raise JudgmentRefused(refusal)
        return judgment_by_admission_create(
            claim=claim, reply=claim.claimant_reply, actor=actor, request=request
        )
