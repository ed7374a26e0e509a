"""The defendant's response to a money claim: online (the response journey) or by post (a
caseworker types in the paper form), one per claim.

``response_submit`` writes the ``Response`` with the defendant's timeline and evidence and
any counterclaim (its fee from the dated issue-fee table), stamps the claim's
``responded_at`` and tells both parties by their chosen routes, the court's mailbox and
CaseMan. A response keeps the claim open (notes section 4: the defendant's response
events keep OPEN; the claimant's reply moves it on), so an online response is a locked,
audited write and not a change of status. A paper response to a claim a caseworker has put
in the paper-response queue (``business_queue``) moves it back to ``open`` through
``core.transitions``.

Refused (``ResponseRefused``, with the reason in words for the defendant): a second
response, a claim paused by a breathing space, a claim no longer waiting for a response
(a judgment requested after the deadline, stayed, settled...).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from digital_services.audit.services import audit_record
from digital_services.core.dates import date_format
from digital_services.core.transitions import transition_apply
from digital_services.notifications.constants import Channel as MessageChannel
from digital_services.notifications.services import notification_send
from digital_services.payments import services as payments
from digital_services.payments.constants import PaymentStatus
from digital_services.payments.models import Payment

from ..constants import (
    AUDIT_SERVICE,
    PAYMENT_PURPOSE_COUNTERCLAIM_FEE,
    BreathingSpaceStatus,
    CasemanEventKind,
    Channel,
    ClaimStatus,
    DefenceType,
    PartyRole,
    PaymentOption,
    ResponseType,
)
from ..fees import issue_fee_quote
from ..models import (
    BreathingSpace,
    Claim,
    Counterclaim,
    EvidenceItem,
    Judgment,
    Response,
    TimelineEvent,
)
from ..models.counterclaim import CounterclaimFeeRoute
from ..notifications_response import TEMPLATES as RESPONSE_TEMPLATES
from .caseman import caseman_event_record
from .common import _path, claim_link, locked, message_send, money, party_route

#: "Immediately" means within this many days (notes section 2: IMMEDIATELY = 5 days).
PAY_IMMEDIATELY_DAYS = 5

RECEIVED_DEFENDANT_TEMPLATE = "civil_claims.response_received_defendant"
FULL_ADMISSION_TEMPLATE = "civil_claims.response_full_admission_claimant"
PART_ADMISSION_TEMPLATE = "civil_claims.response_part_admission_claimant"
STATES_PAID_TEMPLATE = "civil_claims.response_states_paid_claimant"
DEFENCE_MEDIATION_TEMPLATE = "civil_claims.response_defence_mediation_claimant"
DEFENCE_TEMPLATE = "civil_claims.response_defence_claimant"
COUNTERCLAIM_TEMPLATE = "civil_claims.response_counterclaim_claimant"
STAFF_RESPONSE_TEMPLATE = "civil_claims.staff_response"


class ResponseRefused(Exception):
    """The response cannot be taken; the message says why, in words for the defendant."""


@dataclass(frozen=True, kw_only=True)
class CounterclaimAnswers:
    amount_pence: int
    reason: str
    fee_route: str  # CounterclaimFeeRoute
    hwf_reference: str = ""


@dataclass(frozen=True, kw_only=True)
class ResponseAnswers:
    """What the defendant answered (the journey's answers, or a paper form typed in)."""

    response_type: str
    defence_type: str = ""
    admitted_amount_pence: int | None = None
    paid_amount_pence: int | None = None
    paid_on: dt.date | None = None
    paid_how: str = ""
    defence: str = ""
    impact_of_dispute: str = ""
    payment_option: str = ""
    pay_by_date: dt.date | None = None
    instalment_amount_pence: int | None = None
    instalment_first_date: dt.date | None = None
    instalment_frequency: str = ""
    statement_of_means: dict = field(default_factory=dict)
    directions_questionnaire: dict = field(default_factory=dict)
    free_mediation: bool | None = None
    sot_signer_name: str = ""
    sot_signer_role: str = ""
    timeline: tuple[tuple[str, str], ...] = ()  # (when, what happened)
    evidence: tuple[tuple[str, str], ...] = ()  # (EvidenceType, description)
    counterclaim: CounterclaimAnswers | None = None

    @property
    def already_paid(self) -> bool:
        return self.paid_amount_pence is not None

    @property
    def admits_money_owed(self) -> bool:
        """Admits an amount not yet paid: a payment plan is offered."""
        if self.response_type == ResponseType.FULL_ADMISSION:
            return True
        return self.response_type == ResponseType.PART_ADMISSION and not self.already_paid


# Whether a response can be taken ----------------------------------------------------------


def _in_breathing_space(claim: Claim) -> bool:
    if hasattr(claim, "breathing_space_from"):  # read by selectors.claims_listed()
        return claim.breathing_space_from is not None
    prefetched = getattr(claim, "_prefetched_objects_cache", {}).get("breathing_spaces")
    if prefetched is not None:  # claims_with_details() read them with the claim
        return any(space.status == BreathingSpaceStatus.IN_FORCE for space in prefetched)
    return BreathingSpace.objects.filter(claim=claim, status=BreathingSpaceStatus.IN_FORCE).exists()


def _has_one(claim: Claim, relation: str, model) -> bool:
    """Whether the claim has its ``relation`` (a one-to-one back to it): read from the claim
    when it came with it (``select_related``, as ``claims_with_details()`` does), asked
    otherwise."""
    if Claim._meta.get_field(relation).is_cached(claim):
        return getattr(claim, relation, None) is not None
    return model.objects.filter(claim=claim).exists()


def claim_response_refusal(claim: Claim, *, channel: str = Channel.ONLINE) -> str:
    """Why a response cannot be taken on the claim now ("" when it can). A response after
    the deadline still counts until the claimant asks for judgment (notes section 2)."""
    if claim.responded_at is not None or _has_one(claim, "response", Response):
        return gettext("A response to this claim has already been sent. You cannot respond again")
    if _in_breathing_space(claim):
        return gettext(
            "You cannot respond while the claim is paused by a breathing space. We will tell "
            "you the new deadline to respond when the breathing space ends"
        )
    if claim.status == ClaimStatus.JUDGMENT_REQUESTED or _has_one(claim, "judgment", Judgment):
        return gettext(
            "You cannot respond online because the deadline passed and the claimant has asked "
            "the court for a judgment. Contact the court about the judgment"
        )
    allowed = (
        (ClaimStatus.OPEN, ClaimStatus.BUSINESS_QUEUE)
        if channel == Channel.PAPER
        else (ClaimStatus.OPEN,)
    )
    if claim.status not in allowed or claim.response_deadline is None:
        return gettext("You cannot respond because the claim is no longer waiting for a response")
    return ""


def _answers_check(claim: Claim, answers: ResponseAnswers) -> None:
    """Refuse answers that do not make a whole response (the journey's forms already ask
    for each; a paper form typed in is checked here too)."""
    total = claim.total_claimed_pence
    kind = answers.response_type
    if kind not in ResponseType.values:
        raise ResponseRefused("Select how you are responding to the claim")
    if kind == ResponseType.FULL_DEFENCE and answers.defence_type not in DefenceType.values:
        raise ResponseRefused("Select why you reject the claim")
    if kind == ResponseType.PART_ADMISSION and not answers.already_paid:
        amount = answers.admitted_amount_pence
        if amount is None or not 1 <= amount < total:
            raise ResponseRefused(
                f"The amount you admit must be more than £0 and less than {money(total)}"
            )
    if answers.already_paid and (
        not answers.paid_amount_pence or answers.paid_on is None or not answers.paid_how
    ):
        raise ResponseRefused("Say how much you paid, when and how")
    if answers.admits_money_owed:
        _plan_check(answers, owed=_owed(claim, answers))


def _owed(claim: Claim, answers: ResponseAnswers) -> int:
    if answers.response_type == ResponseType.FULL_ADMISSION:
        return claim.total_claimed_pence
    return answers.admitted_amount_pence or 0


def _plan_check(answers: ResponseAnswers, *, owed: int) -> None:
    option = answers.payment_option
    if option not in PaymentOption.values:
        raise ResponseRefused("Select how you will pay")
    if option == PaymentOption.BY_SET_DATE and answers.pay_by_date is None:
        raise ResponseRefused("Enter the date you will pay by")
    if option == PaymentOption.INSTALMENTS:
        amount = answers.instalment_amount_pence
        if (
            amount is None
            or not 1 <= amount <= owed
            or answers.instalment_first_date is None
            or not answers.instalment_frequency
        ):
            raise ResponseRefused(
                f"Enter an instalment of no more than {money(owed)}, how often and the first date"
            )


# Submitting -------------------------------------------------------------------------------


def response_submit(
    *,
    claim: Claim,
    answers: ResponseAnswers,
    user=None,
    actor=None,
    channel: str = Channel.ONLINE,
    received_on: dt.date | None = None,
    request=None,
) -> Response:
    """Record the defendant's response (once), with their timeline, evidence and any
    counterclaim, and tell both parties, the court's mailbox and CaseMan. ``user`` is the
    defendant's account (online), ``actor`` who typed it (the defendant, an agent helping
    them, or the caseworker entering a paper response received on ``received_on``).
    Raises ``ResponseRefused``."""
    now = timezone.now()
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        refusal = claim_response_refusal(claim, channel=channel)
        if refusal:
            raise ResponseRefused(refusal)
        _answers_check(claim, answers)
        defendant = claim.defendant
        response = Response.objects.create(
            claim=claim,
            party=defendant,
            user=user if getattr(user, "is_authenticated", False) else None,
            channel=channel,
            submitted_at=now,
            **_response_fields(claim, answers, today=timezone.localdate(now)),
        )
        _rows_create(claim, answers)
        counterclaim = _counterclaim_create(
            response, answers.counterclaim, today=timezone.localdate(now)
        )
        source = claim.status
        if claim.status == ClaimStatus.BUSINESS_QUEUE:
            # The paper response the caseworker held in the queue is now entered.
            transition_apply(
                claim,
                to=ClaimStatus.OPEN,
                action=None,
                fields={"responded_at": now},
            )
        else:
            claim.responded_at = now
            claim.save(update_fields=["responded_at", "updated_at"])
        who = actor if getattr(actor, "is_authenticated", False) else None
        audit_record(
            action="claim.response_submitted",
            obj=claim,
            actor=who,
            request=request,
            service=AUDIT_SERVICE,
            detail={
                "from": source,
                "response_type": answers.response_type,
                "defence_type": answers.defence_type,
                "channel": channel,
                "received_on": received_on.isoformat() if received_on else "",
                "counterclaim": counterclaim is not None,
            },
        )
        caseman_event_record(claim=claim, kind=CasemanEventKind.RESPONSE)
        _messages_send(claim, response, counterclaim)
        _staff_email_send(claim, response)
    return response


def _response_fields(claim: Claim, answers: ResponseAnswers, *, today: dt.date) -> dict:
    fields = {
        "response_type": answers.response_type,
        "defence_type": answers.defence_type
        if answers.response_type == ResponseType.FULL_DEFENCE
        else "",
        "admitted_amount_pence": _owed(claim, answers) if answers.admits_money_owed else None,
        "paid_amount_pence": answers.paid_amount_pence,
        "paid_on": answers.paid_on,
        "paid_how": answers.paid_how,
        "defence": answers.defence,
        "impact_of_dispute": answers.impact_of_dispute,
        "free_mediation": answers.free_mediation,
        "statement_of_means": answers.statement_of_means,
        "directions_questionnaire": answers.directions_questionnaire,
        "sot_signer_name": answers.sot_signer_name,
        "sot_signer_role": answers.sot_signer_role,
    }
    if answers.admits_money_owed:
        option = answers.payment_option
        fields["payment_option"] = option
        if option == PaymentOption.IMMEDIATELY:
            fields["pay_by_date"] = today + dt.timedelta(days=PAY_IMMEDIATELY_DAYS)
        elif option == PaymentOption.BY_SET_DATE:
            fields["pay_by_date"] = answers.pay_by_date
        else:
            fields.update(
                instalment_amount_pence=answers.instalment_amount_pence,
                instalment_first_date=answers.instalment_first_date,
                instalment_frequency=answers.instalment_frequency,
            )
    return fields


def _rows_create(claim: Claim, answers: ResponseAnswers) -> None:
    TimelineEvent.objects.bulk_create(
        TimelineEvent(
            claim=claim,
            party_role=PartyRole.DEFENDANT,
            position=number,
            date_text=when,
            description=what,
        )
        for number, (when, what) in enumerate(answers.timeline, start=1)
    )
    EvidenceItem.objects.bulk_create(
        EvidenceItem(
            claim=claim,
            party_role=PartyRole.DEFENDANT,
            position=number,
            kind=kind,
            description=description,
        )
        for number, (kind, description) in enumerate(answers.evidence, start=1)
    )


def counterclaim_fee_quote(amount_pence: int, *, on: dt.date):
    """The court fee on a counterclaim: the issue fee for a claim of that amount, from the
    dated fee table (``fees.issue_fee_quote``; raises as it does)."""
    return issue_fee_quote(amount_pence, on=on)


def _counterclaim_create(
    response: Response, answers: CounterclaimAnswers | None, *, today: dt.date
) -> Counterclaim | None:
    if answers is None:
        return None
    if answers.fee_route not in CounterclaimFeeRoute.values:
        raise ResponseRefused("Select how you will pay the counterclaim fee")
    if answers.fee_route == CounterclaimFeeRoute.HWF and not answers.hwf_reference:
        raise ResponseRefused("Enter your Help with Fees reference")
    fee = counterclaim_fee_quote(answers.amount_pence, on=today)
    return Counterclaim.objects.create(
        response=response,
        amount_pence=answers.amount_pence,
        reason=answers.reason,
        fee_pence=fee.fee_pence,
        fee_band_id=fee.band_id,
        fee_code=fee.code,
        fee_route=answers.fee_route,
        hwf_reference=answers.hwf_reference
        if answers.fee_route == CounterclaimFeeRoute.HWF
        else "",
    )


# Messages -----------------------------------------------------------------------------------


def _claimant_template(response: Response) -> str:
    if response.paid_amount_pence is not None:
        return STATES_PAID_TEMPLATE
    if response.response_type == ResponseType.FULL_ADMISSION:
        return FULL_ADMISSION_TEMPLATE
    if response.response_type == ResponseType.PART_ADMISSION:
        return PART_ADMISSION_TEMPLATE
    return DEFENCE_MEDIATION_TEMPLATE if response.free_mediation else DEFENCE_TEMPLATE


def _messages_send(claim: Claim, response: Response, counterclaim: Counterclaim | None) -> None:
    claimant, defendant = claim.claimant, claim.defendant
    common = {"claim_number": claim.claim_number}
    message_send(
        template=RECEIVED_DEFENDANT_TEMPLATE,
        route=party_route(defendant),
        claim=claim,
        personalisation={
            **common,
            "claimant_name": claimant.display_name,
            "received_on": date_format(response.submitted_at),
            "claim_url": settings.SITE_URL + _path("civil_claims:respond-claim", claim.reference),
        },
    )
    template = _claimant_template(response)
    values = {
        **common,
        "defendant_name": defendant.display_name,
        "admitted_amount": money(response.admitted_amount_pence),
        "paid_amount": money(response.paid_amount_pence),
        "paid_on": date_format(response.paid_on) if response.paid_on else "",
        "claim_url": claim_link(claim),
    }
    message_send(
        template=template,
        route=party_route(claimant),
        claim=claim,
        # Each template takes only its own fields.
        personalisation={k: values[k] for k in RESPONSE_TEMPLATES[template]["personalisation"]},
    )
    if counterclaim is not None:
        message_send(
            template=COUNTERCLAIM_TEMPLATE,
            route=party_route(claimant),
            claim=claim,
            personalisation={
                **common,
                "defendant_name": defendant.display_name,
                "amount": money(counterclaim.amount_pence),
                "claim_url": claim_link(claim),
            },
        )


def _staff_email_send(claim: Claim, response: Response) -> None:
    """The court's mailbox hears of every response (notes section 5), when one is set."""
    mailbox = settings.CIVIL_CLAIMS_STAFF_MAILBOX
    if not mailbox:
        return
    notification_send(
        template=STAFF_RESPONSE_TEMPLATE,
        to=mailbox,
        channel=MessageChannel.EMAIL,
        personalisation={
            "claim_number": claim.claim_number,
            "response": response.get_response_type_display(),
            "channel": response.get_channel_display(),
            "case_url": settings.SITE_URL
            + reverse("admin:civil_claims_claim_change", args=[claim.pk]),
        },
        about=claim,
        service=AUDIT_SERVICE,
        reference=claim.claim_number,
    )


# The counterclaim fee by card ------------------------------------------------------------------


def counterclaim_payment_start(
    *, counterclaim: Counterclaim, return_to: str, started_by=None, entered_by=None
) -> str:
    """Start (or resume) paying the counterclaim fee by card; returns the URL to go to.
    Raises ``ResponseRefused`` when nothing is owed and
    ``payments.PaymentProviderUnavailable``."""
    if not counterclaim.fee_due:
        raise ResponseRefused("There is no counterclaim fee to pay")
    claim = counterclaim.response.claim
    return payments.payment_start(
        for_case=counterclaim,
        purpose=PAYMENT_PURPOSE_COUNTERCLAIM_FEE,
        amount_pence=counterclaim.amount_to_pay_pence,
        reference=claim.reference,
        description="Court fee for a counterclaim",
        return_to=return_to,
        service=AUDIT_SERVICE,
        started_by=started_by,
        entered_by=entered_by,
    )


def counterclaim_payment_outcome(*, payment: Payment) -> None:
    """The payments app's outcome for a counterclaim fee: success records the fee paid
    (once) and audits it; anything else leaves it owed (the defendant can try again)."""
    if payment.status != PaymentStatus.SUCCESS:
        return
    with transaction.atomic():
        counterclaim = (
            Counterclaim.objects.select_for_update()
            .select_related("response__claim")
            .filter(pk=payment.object_id)
            .first()
        )
        if counterclaim is None or counterclaim.fee_paid_at is not None:
            return
        counterclaim.fee_paid_pence = payment.amount_pence
        counterclaim.fee_paid_at = payment.finished_at or timezone.now()
        counterclaim.save(update_fields=["fee_paid_pence", "fee_paid_at"])
        audit_record(
            action="claim.counterclaim_fee_paid",
            obj=counterclaim.response.claim,
            actor=None,
            service=AUDIT_SERVICE,
            detail={"payment_id": payment.pk},
        )


__all__ = [
    "PAYMENT_PURPOSE_COUNTERCLAIM_FEE",
    "CounterclaimAnswers",
    "ResponseAnswers",
    "ResponseRefused",
    "claim_response_refusal",
    "counterclaim_fee_quote",
    "counterclaim_payment_outcome",
    "counterclaim_payment_start",
    "response_submit",
]
