"""The tenant's side of a possession claim: sending their response (with a counterclaim if
they make one), general applications, and paying the fee either has.

Each row moves only through ``core.transitions.transition_apply`` with its own map
(``possession_response_constants``, the PCS sub-states of domain notes section 4): a
response is recorded CREATED and moved to SUBMITTED in the same transaction; a
counterclaim waits for its fee (PENDING_ISSUE) and goes to a caseworker to review once
paid or sent with Help with Fees (PENDING_REVIEW); a general application is for a
caseworker (ISSUED) at once when it is free or sent with Help with Fees, else once paid.
The claim's status moves to "response received" or "defence received"
(``possession_decisions.possession_claim_response_move``). The landlord and the tenant
are told by their routes (``possession_pack``'s).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from digital_services.audit.services import audit_record
from digital_services.core.dates import date_format
from digital_services.core.money import pence_format
from digital_services.core.transitions import TransitionNotAllowed, transition_apply

from ..constants import AUDIT_SERVICE
from ..fees import issue_fee_for
from ..models import (
    PossessionApplication,
    PossessionClaim,
    PossessionCounterclaim,
    PossessionParty,
    PossessionResponse,
)
from ..possession_constants import PossessionFeeKind
from ..possession_fees import possession_fee_for
from ..possession_response_constants import (
    ADJOURN_FREE_DAYS_BEFORE,
    PAYMENT_PURPOSE_POSSESSION_APPLICATION_FEE,
    PAYMENT_PURPOSE_POSSESSION_COUNTERCLAIM_FEE,
    TENANT_CLOSED_STATUSES,
    ApplicationKind,
    ApplicationStatus,
    CounterclaimKind,
    CounterclaimStatus,
    ResponseStatus,
)

RESPONSE_LANDLORD_TEMPLATE = "civil_claims.possession_response_landlord"
RESPONSE_TENANT_TEMPLATE = "civil_claims.possession_response_tenant"
APPLICATION_TEMPLATE = "civil_claims.possession_application_received"


class TenantRefused(ValueError):
    """The tenant cannot do this now; the message says why, in words for them."""


@dataclass(frozen=True, kw_only=True)
class CounterclaimDraft:
    kind: str
    amount_pence: int | None
    details: str
    hwf_reference: str = ""


@dataclass(frozen=True, kw_only=True)
class ResponseDraft:
    """The tenant's answers, as ``PossessionResponse`` fields (the journey makes it)."""

    fields: dict
    counterclaim: CounterclaimDraft | None = None


def _open_for_tenant(claim: PossessionClaim) -> None:
    if claim.claim_number is None or claim.status in TENANT_CLOSED_STATUSES:
        raise TenantRefused("This claim is not open for a response")


# The response ---------------------------------------------------------------------


def counterclaim_fee_pence(*, kind: str, amount_pence: int | None, on: dt.date) -> int:
    """The counterclaim's fee on ``on``, from the dated fees: a money counterclaim pays the
    money claims' issue fee for its amount; one for something else pays the fee for any
    other remedy; both pay the larger of the two."""
    other = possession_fee_for(PossessionFeeKind.COUNTERCLAIM, on=on).fee_pence
    if kind == CounterclaimKind.OTHER:
        return other
    money = issue_fee_for(amount_pence or 0, on=on)
    return money if kind == CounterclaimKind.MONEY else max(money, other)


def possession_response_submit(
    *, party: PossessionParty, draft: ResponseDraft, user=None, channel="digital", request=None
) -> PossessionResponse:
    """Record the defendant's response (once per defendant) and its counterclaim, and tell
    the landlord and the tenant. Raises ``TenantRefused`` when the claim is closed or the
    defendant has already responded."""
    from .common import message_send
    from .possession_pack import possession_claim_link, possession_party_route

    with transaction.atomic():
        party = PossessionParty.objects.select_for_update().get(pk=party.pk)
        claim = PossessionClaim.objects.get(pk=party.claim_id)
        _open_for_tenant(claim)
        if PossessionResponse.objects.filter(party=party).exists():
            raise TenantRefused("You have already responded to this claim")
        actor = user if getattr(user, "is_authenticated", False) else None
        response = PossessionResponse.objects.create(
            claim=claim, party=party, user=actor, channel=channel, **draft.fields
        )
        transition_apply(
            response,
            to=ResponseStatus.SUBMITTED,
            stamp="submitted",
            action="possession_claim.response_submitted",
            actor=request.user if request is not None else actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"claim": claim.pk, "disputes": response.disputes_claim},
        )
        counterclaim = None
        if draft.counterclaim is not None:
            counterclaim = _counterclaim_make(response, draft.counterclaim, request=request)
        from .possession_decisions import possession_claim_response_move

        claim = possession_claim_response_move(
            claim=claim,
            disputes=response.disputes_claim,
            actor=request.user if request is not None else actor,
            request=request,
        )
        audit_record(
            action="possession_claim.defendant_responded",
            obj=claim,
            actor=request.user if request is not None else actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"party": party.pk, "counterclaim": counterclaim is not None},
        )
        landlord = claim.claimant
        common = {
            "claim_number": claim.claim_number,
            "defendant_name": party.name,
            "disputes": "yes" if response.disputes_claim else "no",
            "counterclaim": "yes" if counterclaim else "no",
        }
        if landlord is not None:
            message_send(
                template=RESPONSE_LANDLORD_TEMPLATE,
                route=possession_party_route(landlord),
                claim=claim,
                personalisation={**common, "claim_url": possession_claim_link(claim)},
            )
        message_send(
            template=RESPONSE_TENANT_TEMPLATE,
            route=possession_party_route(party),
            claim=claim,
            personalisation={
                "claim_number": claim.claim_number,
                "counterclaim": common["counterclaim"],
                "counterclaim_fee": pence_format(counterclaim.fee_pence)
                if counterclaim
                else "none",
                "hwf_reference": counterclaim.hwf_reference if counterclaim else "",
            },
        )
    return response


def _counterclaim_make(response, draft: CounterclaimDraft, *, request) -> PossessionCounterclaim:
    fee = counterclaim_fee_pence(
        kind=draft.kind, amount_pence=draft.amount_pence, on=timezone.localdate()
    )
    counterclaim = PossessionCounterclaim.objects.create(
        response=response,
        kind=draft.kind,
        amount_pence=draft.amount_pence,
        details=draft.details,
        fee_pence=fee,
        hwf_reference=draft.hwf_reference,
    )
    if draft.hwf_reference:
        transition_apply(
            counterclaim,
            to=CounterclaimStatus.PENDING_REVIEW,
            action="possession_claim.counterclaim_hwf_sent",
            request=request,
            service=AUDIT_SERVICE,
            detail={"hwf_reference": draft.hwf_reference},
        )
    return counterclaim


# General applications -------------------------------------------------------------


def next_hearing(claim: PossessionClaim):
    """The claim's next listed hearing (from now), or None."""
    hearings = getattr(claim, "hearings", None)
    if hearings is None:
        return None
    return (
        hearings.filter(status="listed", starts_at__gte=timezone.now())
        .order_by("starts_at")
        .first()
    )


def application_fee(
    *, kind: str, hearing_on: dt.date | None, on: dt.date
) -> tuple[int, int | None]:
    """The fee for a general application made on ``on`` and the dated fee row's id:
    adjourning a hearing at least 14 days away is free; every other application pays the
    general application fee of its day."""
    if (
        kind == ApplicationKind.ADJOURN
        and hearing_on is not None
        and (hearing_on - on).days >= ADJOURN_FREE_DAYS_BEFORE
    ):
        return 0, None
    rate = possession_fee_for(PossessionFeeKind.APPLICATION, on=on)
    return rate.fee_pence, rate.fee_id


def possession_application_submit(
    *,
    party: PossessionParty,
    kind: str,
    details: str,
    hwf_reference: str = "",
    user=None,
    request=None,
) -> PossessionApplication:
    """Record a general application from the defendant. Free, or with a Help with Fees
    reference, it goes to a caseworker at once (GEN_APP_ISSUED) and every party is told;
    otherwise it waits for its fee (paid by card, ``possession_application_payment_start``).
    Raises ``TenantRefused`` (the claim is closed; adjourning with no hearing listed)."""
    with transaction.atomic():
        party = PossessionParty.objects.select_for_update().get(pk=party.pk)
        claim = PossessionClaim.objects.get(pk=party.claim_id)
        _open_for_tenant(claim)
        hearing = next_hearing(claim)
        if kind == ApplicationKind.ADJOURN and hearing is None:
            raise TenantRefused("There is no hearing listed to adjourn")
        hearing_on = timezone.localtime(hearing.starts_at).date() if hearing else None
        fee_pence, fee_id = application_fee(
            kind=kind, hearing_on=hearing_on, on=timezone.localdate()
        )
        actor = user if getattr(user, "is_authenticated", False) else None
        application = PossessionApplication.objects.create(
            claim=claim,
            party=party,
            user=actor,
            kind=kind,
            details=details,
            hearing_on=hearing_on,
            fee_pence=fee_pence,
            fee_id=fee_id,
            hwf_reference=hwf_reference if fee_pence else "",
        )
        audit_record(
            action="possession_claim.application_made",
            obj=claim,
            actor=request.user if request is not None else actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"application": application.pk, "kind": kind, "fee_pence": fee_pence},
        )
        if fee_pence == 0 or application.hwf_reference:
            _application_issue(application, request=request)
    return application


def _application_issue(application: PossessionApplication, *, request=None) -> None:
    from .possession_pack import possession_send_all

    transition_apply(
        application,
        to=ApplicationStatus.ISSUED,
        stamp="issued",
        action="possession_claim.application_issued",
        request=request,
        service=AUDIT_SERVICE,
        detail={"fee_pence": application.fee_pence, "paid": application.amount_paid_pence},
    )
    claim = application.claim
    possession_send_all(
        template=APPLICATION_TEMPLATE,
        claim=claim,
        personalisation={
            "claim_number": claim.claim_number,
            "applicant_name": application.party.name,
            "application": application.get_kind_display(),
            "received_on": date_format(timezone.localdate()),
        },
    )


# Paying a fee by card -------------------------------------------------------------


def tenant_payment_start(*, row, return_to: str, started_by=None, entered_by=None) -> str:
    """Start paying a counterclaim's or a general application's fee by card through the
    platform's payments; returns the URL to send the tenant to. Raises
    ``TransitionNotAllowed`` when the row is not waiting for its fee."""
    from digital_services.payments import services as payments

    if isinstance(row, PossessionCounterclaim):
        from .possession_decisions import counterclaim_fee_due_pence

        purpose, waiting, claim = (
            PAYMENT_PURPOSE_POSSESSION_COUNTERCLAIM_FEE,
            CounterclaimStatus.PENDING_ISSUE,
            row.response.claim,
        )
        description = "Court fee for a counterclaim"
        amount = counterclaim_fee_due_pence(row)  # what Help with Fees left, if it decided
    else:
        purpose, waiting, claim = (
            PAYMENT_PURPOSE_POSSESSION_APPLICATION_FEE,
            ApplicationStatus.PENDING_ISSUE,
            row.claim,
        )
        description = "Court fee for an application"
        amount = row.fee_pence
    if row.status != waiting or amount < 1:
        raise TransitionNotAllowed("There is no fee to pay now", source=row.status)
    return payments.payment_start(
        for_case=row,
        purpose=purpose,
        amount_pence=amount,
        reference=claim.claim_number,
        description=description,
        return_to=return_to,
        service=AUDIT_SERVICE,
        started_by=started_by,
        entered_by=entered_by,
    )


def tenant_payment_outcome(*, payment) -> None:
    """The payments app's outcome for a counterclaim's or an application's fee: success
    records it and moves the row on (a counterclaim to review, an application to a
    caseworker); failure leaves it waiting. Idempotent."""
    from django.contrib.contenttypes.models import ContentType

    from digital_services.payments.constants import PaymentStatus

    model = (
        PossessionCounterclaim
        if payment.purpose == PAYMENT_PURPOSE_POSSESSION_COUNTERCLAIM_FEE
        else PossessionApplication
    )
    if payment.content_type_id != ContentType.objects.get_for_model(model).pk:
        return
    if payment.status != PaymentStatus.SUCCESS:
        return
    with transaction.atomic():
        row = model.objects.select_for_update().filter(pk=payment.object_id).first()
        if row is None or row.status != CounterclaimStatus.PENDING_ISSUE:
            return  # both maps name the waiting status "pending_issue"
        # A counterclaim may pay the rest after part remission: what was paid adds up.
        row.amount_paid_pence += payment.amount_pence
        row.paid_at = payment.finished_at or timezone.now()
        row.save(update_fields=["amount_paid_pence", "paid_at", "updated_at"])
        if model is PossessionCounterclaim:
            transition_apply(
                row,
                to=CounterclaimStatus.PENDING_REVIEW,
                action="possession_claim.counterclaim_paid",
                service=AUDIT_SERVICE,
                detail={"payment_id": payment.pk},
            )
        else:
            _application_issue(row)
