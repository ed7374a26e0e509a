"""Judgments on a money claim: the claimant's request for a default judgment (no response by
4pm on the deadline day), a judgment by admission (the claimant accepts the defendant's
offer), the court's decision on a payment plan the claimant rejected (a judgment by
determination), redetermination, and the caseworker entering the judgment on the register.

The claim's status moves only through ``transition_apply`` (CLAIM_TRANSITIONS); the
judgment's through JUDGMENT_TRANSITIONS. One judgment per claim (a one-to-one row): a
second request is refused. Each move is audited and both parties are told by their route.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from digital_services.core.dates import date_format
from digital_services.core.transitions import TransitionNotAllowed, transition_apply
from digital_services.notifications.constants import Channel as MessageChannel
from digital_services.notifications.services import notification_send

from ..constants import (
    AUDIT_SERVICE,
    REDETERMINATION_DAYS,
    CasemanEventKind,
    ClaimStatus,
    CourtDecision,
    JudgmentStatus,
    JudgmentType,
    PartyRole,
    PartyType,
    PaymentOption,
)
from ..deadlines import deadline_passed
from ..interest import InterestCalculation
from ..models import BreathingSpace, Claim, ClaimantReply, Judgment, Response
from .caseman import caseman_event_record
from .common import claim_link, court_phone, locked, message_send, money, party_route
from .plans import PaymentPlanAnswers, date_in, plan_fields, plan_from, plan_words

CCJ_CLAIMANT_TEMPLATE = "civil_claims.ccj_requested_claimant"
CCJ_DEFENDANT_TEMPLATE = "civil_claims.ccj_requested_defendant"


STAFF_EVENT_TEMPLATE = "civil_claims.staff_claim_event"


def staff_event_email_send(*, claim: Claim, event: str) -> None:
    """Tell the court staff's mailbox (``CIVIL_CLAIMS_STAFF_MAILBOX``; none when it is
    empty) of a judgment asked for, a redetermination, a settlement signed or refused, a
    plan or response rejected, or "paid in full" (notes §5), with a link to the case page."""
    mailbox = settings.CIVIL_CLAIMS_STAFF_MAILBOX
    if not mailbox:
        return
    notification_send(
        template=STAFF_EVENT_TEMPLATE,
        to=mailbox,
        channel=MessageChannel.EMAIL,
        personalisation={
            "claim_number": claim.claim_number,
            "event": event,
            "case_url": settings.SITE_URL
            + reverse("admin:civil_claims_claim_change", args=[claim.pk]),
        },
        about=claim,
        service=AUDIT_SERVICE,
        reference=claim.claim_number,
    )


class JudgmentRefused(Exception):
    """A judgment cannot be asked for now; the message says why, in words for the claimant."""


# The total: claim + interest to the day + fee paid − already paid ---------------------


@dataclass(frozen=True)
class JudgmentFigures:
    """A judgment's total, worked out so that it can be shown line by line."""

    amount_pence: int
    interest_pence: int
    interest_to: dt.date
    interest_days_after_issue: int
    fee_paid_pence: int
    already_paid_pence: int

    @property
    def subtotal_pence(self) -> int:
        return self.amount_pence + self.interest_pence + self.fee_paid_pence

    @property
    def total_pence(self) -> int:
        return max(self.subtotal_pence - self.already_paid_pence, 0)

    def lines(self) -> list[tuple[str, int]]:
        """(what, pence) rows, ending with the total, for pages and the admin."""
        interest = gettext("Interest to %(to)s") % {"to": date_format(self.interest_to)}
        return [
            (gettext("Amount claimed"), self.amount_pence),
            (interest, self.interest_pence),
            (gettext("Court fee paid"), self.fee_paid_pence),
            (gettext("Subtotal"), self.subtotal_pence),
            (gettext("Minus the amount already paid"), self.already_paid_pence),
            (gettext("Total"), self.total_pence),
        ]


def claim_fee_paid_pence(claim: Claim) -> int:
    """The fee the claimant paid (the issue fee less any Help with Fees remission): only
    a fee actually paid is added to a judgment."""
    return max(claim.fee_pence - claim.hwf_fee_remitted_pence, 0)


def claim_interest_on(claim: Claim, day: dt.date) -> int:
    """Interest to ``day``: the interest to the issue date plus the continuing daily amount
    for each day after it (``civil_claims.interest``), 0 before issue."""
    if claim.issue_date is None:
        return claim.interest_to_date_pence
    daily = claim.continuing_daily_pence
    calc = InterestCalculation(
        daily_pence=claim.interest_daily_pence,
        days=claim.interest_days,
        total_pence=claim.interest_to_date_pence,
        continuing_daily_pence=daily if daily > 0 else None,
        end_date=claim.issue_date,
    )
    return calc.total_on(day)


def judgment_figures(
    claim: Claim, *, on: dt.date | None = None, already_paid_pence: int = 0
) -> JudgmentFigures:
    """The default judgment's total on ``on`` (today): claim + interest to the day + fee
    paid − already paid. Raises ``ValueError`` for a negative amount paid."""
    if already_paid_pence < 0:
        raise ValueError("The amount paid cannot be negative")
    on = on or timezone.localdate()
    days = max((on - claim.issue_date).days, 0) if claim.issue_date else 0
    return JudgmentFigures(
        amount_pence=claim.amount_pence,
        interest_pence=claim_interest_on(claim, on),
        interest_to=on,
        interest_days_after_issue=days if claim.continuing_daily_pence > 0 else 0,
        fee_paid_pence=claim_fee_paid_pence(claim),
        already_paid_pence=already_paid_pence,
    )


# Default judgment ----------------------------------------------------------------------


def claim_response_received(claim: Claim) -> bool:
    """Whether the defendant has responded (online, by post or by phone)."""
    return claim.responded_at is not None or Response.objects.filter(claim=claim).exists()


def default_judgment_refusal(claim: Claim, *, now: dt.datetime | None = None) -> str:
    """Why the claimant cannot ask for a default judgment now ("" when they can): the claim
    waits for a response, none has come, 4pm on the deadline day has passed, no breathing
    space pauses it, and no judgment has been asked for already."""
    if Judgment.objects.filter(claim=claim).exists():
        return gettext("You have already asked for a judgment on this claim. There can be only one")
    if claim_response_received(claim):
        return gettext("The defendant has responded, so you cannot ask for a judgment by default")
    if claim.status != ClaimStatus.OPEN or claim.response_deadline is None:
        return gettext("You cannot ask for a judgment on this claim now")
    if BreathingSpace.objects.filter(claim=claim, status="in_force").exists():
        return gettext(
            "You cannot ask for a judgment while the defendant is in a breathing space. We "
            "will write to you when it ends"
        )
    if not deadline_passed(claim.response_deadline, now=now):
        return gettext(
            "You can ask for a judgment only after the deadline to respond, 4pm on %(day)s, has "
            "passed"
        ) % {"day": date_format(claim.response_deadline)}
    return ""


def _judgment_create(
    claim: Claim,
    *,
    kind: str,
    plan: PaymentPlanAnswers,
    figures: JudgmentFigures | None,
    total_pence: int,
    actor,
    **extra,
) -> Judgment:
    if Judgment.objects.filter(claim=claim).exists():
        raise JudgmentRefused("There is already a judgment on this claim. There can be only one")
    return Judgment.objects.create(
        claim=claim,
        kind=kind,
        total_pence=total_pence,
        claim_amount_pence=figures.amount_pence if figures else 0,
        interest_pence=figures.interest_pence if figures else 0,
        fee_paid_pence=figures.fee_paid_pence if figures else 0,
        interest_to=figures.interest_to if figures else None,
        amount_already_paid_pence=figures.already_paid_pence if figures else 0,
        requested_by=actor if getattr(actor, "is_authenticated", False) else None,
        **plan_fields(plan),
        **extra,
    )


def _judgment_messages(claim: Claim, judgment: Judgment) -> None:
    staff_event_email_send(claim=claim, event=f"{judgment.get_kind_display()} requested")
    how = plan_words(judgment, language=claim.language)
    message_send(
        template=CCJ_CLAIMANT_TEMPLATE,
        route=party_route(claim.claimant),
        claim=claim,
        personalisation={
            "claim_number": claim.claim_number,
            "defendant_name": claim.defendant.display_name,
            "total": money(judgment.total_pence),
            "how_to_pay": how,
            "claim_url": claim_link(claim),
        },
    )
    message_send(
        template=CCJ_DEFENDANT_TEMPLATE,
        route=party_route(claim.defendant),
        claim=claim,
        personalisation={
            "claim_number": claim.claim_number,
            "claimant_name": claim.claimant.display_name,
            "total": money(judgment.total_pence),
            "how_to_pay": how,
            "phone": court_phone(),
        },
    )


def claim_default_judgment_request(
    *,
    claim: Claim,
    actor,
    already_paid_pence: int,
    plan: PaymentPlanAnswers,
    defendant_date_of_birth: dt.date | None = None,
    request=None,
    now: dt.datetime | None = None,
) -> Judgment:
    """The claimant asks for a default judgment: the total worked out today, the way they
    want it paid, recorded once; the claim becomes "judgment requested", CaseMan and both
    parties are told. A response that reached the court first wins: the request is then
    refused. Raises ``JudgmentRefused`` with the reason, ``ValidationError`` for a plan or
    amount that cannot be."""
    today = timezone.localtime(now or timezone.now()).date()
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        refusal = default_judgment_refusal(claim, now=now)
        if refusal:
            raise JudgmentRefused(refusal)
        figures = judgment_figures(claim, on=today, already_paid_pence=already_paid_pence)
        if already_paid_pence >= figures.subtotal_pence:
            raise ValidationError(
                {"already_paid_pence": "The amount paid must be less than the total owed"}
            )
        judgment = _judgment_create(
            claim,
            kind=JudgmentType.DEFAULT,
            plan=plan,
            figures=figures,
            total_pence=figures.total_pence,
            actor=actor,
            defendant_date_of_birth=defendant_date_of_birth,
        )
        transition_apply(
            claim,
            to=ClaimStatus.JUDGMENT_REQUESTED,
            action="claim.default_judgment_requested",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"judgment_id": judgment.pk, "total_pence": judgment.total_pence},
        )
        caseman_event_record(claim=claim, kind=CasemanEventKind.CCJ)
        _judgment_messages(claim, judgment)
    return judgment


# Judgment by admission -----------------------------------------------------------------


def admitted_total_pence(claim: Claim, response: Response) -> int:
    """What the defendant admitted owing: the part admitted, or the whole claim (amount,
    interest to issue and the fee) for a full admission."""
    if response.admitted_amount_pence:
        return response.admitted_amount_pence
    return claim.total_claimed_pence


def judgment_by_admission_create(
    *, claim: Claim, reply: ClaimantReply, actor, request=None
) -> Judgment:
    """A judgment by admission on the plan the claimant accepted (the defendant's offer).
    The caller holds the claim's lock and has checked it may move; the claim becomes
    "judgment requested", CaseMan and both parties are told."""
    response = claim.response
    judgment = _judgment_create(
        claim,
        kind=JudgmentType.ADMISSIONS,
        plan=plan_from(response),
        figures=None,
        total_pence=admitted_total_pence(claim, response),
        actor=actor,
    )
    transition_apply(
        claim,
        to=ClaimStatus.JUDGMENT_REQUESTED,
        action="claim.admission_judgment_requested",
        actor=actor,
        request=request,
        service=AUDIT_SERVICE,
        detail={"judgment_id": judgment.pk, "reply_id": reply.pk},
    )
    caseman_event_record(claim=claim, kind=CasemanEventKind.CCJ)
    _judgment_messages(claim, judgment)
    return judgment


# The court's decision on a rejected plan, and redetermination --------------------------


def plan_decision_plan(
    *, decision: str, reply: ClaimantReply, response: Response, court_plan=None
) -> PaymentPlanAnswers:
    """The plan the decision orders: the claimant's, the defendant's, or the court's own."""
    if decision in (CourtDecision.CLAIMANT, CourtDecision.CLAIMANT_IN_FAVOUR_OF_DEFENDANT):
        return plan_from(reply)
    if decision == CourtDecision.DEFENDANT:
        return plan_from(response)
    if decision == CourtDecision.COURT:
        if court_plan is None or not court_plan.payment_option:
            raise ValidationError({"payment_option": "Enter the plan the court set"})
        return court_plan
    raise ValidationError({"decision": "Choose whose plan the court decided on"})


def claim_plan_decide(
    *,
    claim: Claim,
    actor,
    decision: str,
    reason: str = "",
    court_plan: PaymentPlanAnswers | None = None,
    request=None,
) -> Judgment:
    """Record the court's decision on how the defendant pays (a caseworker, from the
    statement of means): a judgment by determination on that plan follows, or, after a
    redetermination, the judgment's plan is replaced. Either side may then ask for a
    redetermination within 19 days. Both parties are told.

    Raises ``TransitionNotAllowed`` unless the claim waits for a decision or a
    redetermination, ``ValidationError`` for a decision without its plan."""
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        if claim.status not in (
            ClaimStatus.JUDGMENT_DECIDE_AMOUNT,
            ClaimStatus.REDETERMINATION_REQUESTED,
        ):
            raise TransitionNotAllowed(
                f"Claim {claim.reference_display} has no payment plan waiting for a decision",
                source=claim.status,
            )
        reply = locked(ClaimantReply, claim.claimant_reply.pk)
        response = claim.response
        plan = plan_decision_plan(
            decision=decision, reply=reply, response=response, court_plan=court_plan
        )
        now = timezone.now()
        reply.court_decision = decision
        reply.decision_reason = reason.strip()
        reply.decided_at = now
        reply.decided_by = actor
        reply.save(update_fields=["court_decision", "decision_reason", "decided_at", "decided_by"])
        redetermining = claim.status == ClaimStatus.REDETERMINATION_REQUESTED
        if redetermining:
            judgment = locked(Judgment, claim.judgment.pk)
            for name, value in plan_fields(plan).items():
                setattr(judgment, name, value)
            judgment.save(update_fields=[*plan_fields(plan), "updated_at"])
        else:
            judgment = _judgment_create(
                claim,
                kind=JudgmentType.DETERMINATION,
                plan=plan,
                figures=None,
                total_pence=admitted_total_pence(claim, response),
                actor=reply.user,
            )
        transition_apply(
            claim,
            to=ClaimStatus.JUDGMENT_REQUESTED,
            action="claim.plan_decided",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={
                "decision": decision,
                "judgment_id": judgment.pk,
                "redetermination": redetermining,
            },
        )
        if not redetermining:
            caseman_event_record(claim=claim, kind=CasemanEventKind.CCJ)
        staff_event_email_send(
            claim=claim,
            event="Redetermination decided"
            if redetermining
            else "Judgment by determination requested",
        )
        judgment.refresh_from_db()
        personalisation = {
            "claim_number": claim.claim_number,
            "total": money(judgment.total_pence),
            "how_to_pay": plan_words(judgment, language=claim.language),
            "redetermine_by": date_in(claim.language, redetermination_deadline(judgment)),
            "phone": court_phone(),
        }
        for role in (PartyRole.CLAIMANT, PartyRole.DEFENDANT):
            message_send(
                template="civil_claims.plan_decided",
                route=party_route(claim.party(role)),
                claim=claim,
                personalisation=personalisation,
            )
    return judgment


def redetermination_deadline(judgment: Judgment) -> dt.date:
    """The last day to ask for redetermination: 19 days from the judgment's request."""
    requested = timezone.localtime(judgment.requested_at).date()
    return requested + dt.timedelta(days=REDETERMINATION_DAYS)


def redetermination_refusal(claim: Claim, *, now: dt.datetime | None = None) -> str:
    """Why a redetermination cannot be asked for now ("" when it can): only of a judgment
    by determination not yet entered, once, within 19 days of the request."""
    judgment = Judgment.objects.filter(claim=claim).first()
    if (
        claim.status != ClaimStatus.JUDGMENT_REQUESTED
        or judgment is None
        or judgment.kind != JudgmentType.DETERMINATION
        or judgment.status != JudgmentStatus.REQUESTED
    ):
        return gettext(
            "You can ask for a redetermination only of a decision the court made on how to pay"
        )
    if judgment.redetermination_requested_at is not None:
        return gettext("A redetermination has already been asked for")
    today = timezone.localtime(now or timezone.now()).date()
    last = redetermination_deadline(judgment)
    if today > last:
        return gettext("The time to ask for a redetermination ended on %(day)s") % {
            "day": date_format(last)
        }
    return ""


def claim_redetermination_request(
    *, claim: Claim, role: str, reason: str, actor, request=None, now: dt.datetime | None = None
) -> Judgment:
    """The claimant or the defendant (``role``) asks a judge to look again at the court's
    decision on how to pay, with their reason, within 19 days. Both parties are told.
    Raises ``JudgmentRefused`` with the reason, ``ValidationError`` without a reason."""
    if role not in PartyRole.values:
        raise ValueError(f"Unknown party {role!r}")
    if not reason.strip():
        raise ValidationError({"reason": "Enter why you want the decision looked at again"})
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        refusal = redetermination_refusal(claim, now=now)
        if refusal:
            raise JudgmentRefused(refusal)
        judgment = locked(Judgment, claim.judgment.pk)
        judgment.redetermination_requested_at = timezone.now()
        judgment.redetermination_requested_by_role = role
        judgment.redetermination_reason = reason.strip()
        judgment.save(
            update_fields=[
                "redetermination_requested_at",
                "redetermination_requested_by_role",
                "redetermination_reason",
                "updated_at",
            ]
        )
        transition_apply(
            claim,
            to=ClaimStatus.REDETERMINATION_REQUESTED,
            action="claim.redetermination_requested",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"by": role},
        )
        staff_event_email_send(claim=claim, event=f"Redetermination asked for by the {role}")
        template = {
            PartyRole.CLAIMANT: "civil_claims.redetermination_by_claimant",
            PartyRole.DEFENDANT: "civil_claims.redetermination_by_defendant",
        }[role]
        for party_role in (PartyRole.CLAIMANT, PartyRole.DEFENDANT):
            message_send(
                template=template,
                route=party_route(claim.party(party_role)),
                claim=claim,
                personalisation={"claim_number": claim.claim_number, "phone": court_phone()},
            )
    return judgment


# Entering a judgment on the register, and payment --------------------------------------


def judgment_enter(*, judgment: Judgment, actor, request=None) -> Judgment:
    """A caseworker enters a requested judgment on the register; both parties are told.
    Refused (``TransitionNotAllowed``) while a redetermination is asked for, or once entered."""
    with transaction.atomic():
        claim = locked(Claim, judgment.claim_id)
        if claim.status != ClaimStatus.JUDGMENT_REQUESTED:
            raise TransitionNotAllowed(
                f"Claim {claim.reference_display} is {claim.get_status_display().lower()}: "
                "its judgment cannot be entered now",
                source=claim.status,
            )
        transition_apply(
            judgment,
            to=JudgmentStatus.ENTERED,
            stamp="entered",
            action="claim.judgment_entered",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"claim_id": claim.pk, "kind": judgment.kind},
        )
        for role in (PartyRole.CLAIMANT, PartyRole.DEFENDANT):
            message_send(
                template="civil_claims.judgment_entered",
                route=party_route(claim.party(role)),
                claim=claim,
                personalisation={
                    "claim_number": claim.claim_number,
                    "total": money(judgment.total_pence),
                    "how_to_pay": plan_words(judgment, language=claim.language),
                    "phone": court_phone(),
                },
            )
    return judgment


def organisation_defendant(claim: Claim) -> bool:
    """A company or organisation sends its finances to the claimant, not a statement of
    means: when its plan is rejected the claim continues on paper (notes §6, CF #2304)."""
    return claim.defendant.party_type in (PartyType.COMPANY, PartyType.ORGANISATION)


def plan_is_immediate(plan) -> bool:
    return getattr(plan, "payment_option", "") == PaymentOption.IMMEDIATELY
