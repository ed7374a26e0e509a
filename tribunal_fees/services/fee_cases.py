"""Writes for fee cases and their card payments, and for linking cases to accounts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from digital_services.audit.services import audit_record
from digital_services.core.money import pence_format
from digital_services.core.transitions import (
    TransitionNotAllowed,
    transition_apply,
)
from digital_services.journeys.contact import ContactRoute
from digital_services.payments import services as payments
from digital_services.payments.constants import PAYMENT_EXPIRY_MINUTES, PaymentStatus
from digital_services.payments.models import Payment
from digital_services.payments.selectors import payment_latest_for_case

from ..constants import (
    BANDED_KINDS,
    SERVICE,
    FeeCaseStatus,
    PayerRole,
)
from ..fees import (
    fee_lookup,
    group_fee_after_remission,
)
from ..models import (
    FeeCase,
    HelpWithFeesApplication,
    RefundApplication,
)
from ..references import reference_random
from .common import (
    AUDIT_SERVICE,
    InvalidRequest,
    _case_email,
    _email,
    _fee_link,
    _locked,
    contact_route_of,
    date_in_language,
    logger,
)
from .fee_checks import fee_case_answers_check


def fee_case_create(
    *,
    user,
    kind: str,
    fee_date: dt.date,
    jurisdiction: str | None = None,
    claimants: int = 1,
    claim_elements: Iterable[str] | None = None,
    claim_type: str | None = None,
    case_number: str = "",
    payer_role: str = PayerRole.CLAIMANT,
    email: str = "",
    contact: ContactRoute | None = None,
    language: str = "en",
    request=None,
) -> FeeCase:
    """Record a fee to pay, with the amount in force on ``fee_date``.

    The tribunal (``jurisdiction``) follows from the fee kind when not given. The claim
    type is needed only when the schedule in force differs between Type A and Type B
    (``fees.fee_varies_by_claim_type``); then it comes from ``claim_elements`` (dated:
    ``fees.claim_type_decide``) or is given as ``claim_type`` (a hearing fee on a case
    already typed). Otherwise no claim elements are needed, and none are kept. A
    hearing fee needs the ET case number (``NNNNNNN/YYYY``). Raises ``InvalidRequest``
    and ``fees.FeeNotFound`` (no fee in force that day, or a claim only for a National
    Insurance Fund payment: nothing to pay).
    """
    jurisdiction, claim_type, elements, case_number = fee_case_answers_check(
        kind=kind,
        fee_date=fee_date,
        jurisdiction=jurisdiction,
        claimants=claimants,
        claim_elements=claim_elements,
        claim_type=claim_type,
        case_number=case_number,
        payer_role=payer_role,
    )
    quote = fee_lookup(
        jurisdiction=jurisdiction,
        kind=kind,
        claim_type=claim_type,
        claimants=claimants,
        on_date=fee_date,
    )
    with transaction.atomic():
        fee_case = FeeCase.objects.create(
            reference=reference_random(
                "TF", exists=lambda ref: FeeCase.objects.filter(reference=ref).exists()
            ),
            user=user if getattr(user, "is_authenticated", False) else None,
            email=_case_email(email=email, contact=contact, user=user),
            contact_channel=contact.channel if contact is not None else "email",
            mobile=contact.mobile if contact is not None else "",
            postal_address=contact.address if contact is not None else "",
            language=language,
            jurisdiction=jurisdiction,
            kind=kind,
            case_number=case_number,
            payer_role=payer_role,
            claimants=claimants,
            claim_type=claim_type,
            claim_elements=sorted(set(elements)),
            fee_date=fee_date,
            fee_schedule_id=quote.schedule_id,
            fee_pence=quote.amount_pence,
            amount_due_pence=quote.amount_pence,
        )
        audit_record(
            action="fee_case.created",
            obj=fee_case,
            actor=user,
            request=request,
            service=AUDIT_SERVICE,
            detail={
                "kind": kind,
                "fee_pence": quote.amount_pence,
                "schedule_id": quote.schedule_id,
            },
        )
    return fee_case


def fee_case_group_remission_record(
    *, fee_case: FeeCase, remitted_claimants: int, actor=None, request=None
) -> FeeCase:
    """Record how many claimants in a group have full remission; the group then pays
    the split of the group fee (``fees.group_fee_after_remission``). If that is
    nothing, the fee is remitted. Raises ``TransitionNotAllowed`` unless the fee is
    unpaid, and ``InvalidRequest`` for an impossible count or a fee without bands."""
    with transaction.atomic():
        fee_case = _locked(FeeCase, fee_case.pk)
        if fee_case.status != FeeCaseStatus.UNPAID:
            raise TransitionNotAllowed("Remission can only be recorded on an unpaid fee")
        if fee_case.kind not in BANDED_KINDS:
            raise InvalidRequest(
                {"remitted_claimants": "Group remission applies to issue and hearing fees only"}
            )
        if not 0 <= remitted_claimants <= fee_case.claimants:
            raise InvalidRequest(
                {"remitted_claimants": f"Enter a number from 0 to {fee_case.claimants}"}
            )
        due = group_fee_after_remission(
            group_fee_pence=fee_case.fee_pence,
            claimants=fee_case.claimants,
            remitted=remitted_claimants,
        )
        changes = {
            "remitted_claimants": remitted_claimants,
            "amount_due_pence": due,
            "remission_pence": fee_case.fee_pence - due,
        }
        if due == 0:
            return transition_apply(
                fee_case,
                to=FeeCaseStatus.REMITTED,
                fields=changes,
                action="fee_case.remitted",
                actor=actor,
                request=request,
                service=AUDIT_SERVICE,
                detail={"remitted_claimants": remitted_claimants},
            )
        for name, value in changes.items():
            setattr(fee_case, name, value)
        fee_case.save(update_fields=[*changes, "updated_at"])
        audit_record(
            action="fee_case.group_remission",
            obj=fee_case,
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"remitted_claimants": remitted_claimants, "amount_due_pence": due},
        )
        return fee_case


def fee_case_payment_start(
    *,
    fee_case: FeeCase,
    started_by=None,
    entered_by=None,
    request=None,
    return_to: str | None = None,
) -> str:
    """Start (or resume) paying a fee by card; returns the URL to send the user to.

    ``return_to`` is where the payment pages link back to (default: the fee's page;
    someone not signed in gets a link that lets their browser see the fee).

    One charge per fee: a paid or remitted fee cannot be paid (``TransitionNotAllowed``),
    a fee waiting for a Help with Fees decision cannot be paid yet, and a payment
    already in flight is resumed rather than a new one made (the payments app's
    constraint backs this up). Raises ``payments.PaymentProviderUnavailable`` when
    the provider cannot be reached (the user can try again). ``entered_by`` is the member
    of staff typing the citizen's card details in an assisted-digital session: a telephone
    (MOTO) payment.
    """
    with transaction.atomic():
        fee_case = _locked(FeeCase, fee_case.pk)
        if fee_case.status in (FeeCaseStatus.PAID, FeeCaseStatus.REMITTED):
            raise TransitionNotAllowed(f"Fee {fee_case.reference} has nothing left to pay")
        if fee_case.status == FeeCaseStatus.AWAITING_HWF:
            raise TransitionNotAllowed(
                f"Fee {fee_case.reference} is waiting for a Help with Fees decision"
            )
        if fee_case.status != FeeCaseStatus.PAYMENT_IN_PROGRESS:
            transition_apply(
                fee_case,
                to=FeeCaseStatus.PAYMENT_IN_PROGRESS,
                action="fee_case.payment_in_progress",
                actor=started_by,
                request=request,
                service=AUDIT_SERVICE,
            )
    return payments.payment_start(
        for_case=fee_case,
        purpose=fee_case.payment_purpose,
        amount_pence=fee_case.amount_due_pence,
        reference=fee_case.reference,
        description=fee_case.description,
        return_to=return_to or reverse("tribunal_fees:fee-detail", args=[fee_case.reference]),
        service=SERVICE,
        remitted_pence=fee_case.remission_pence,
        started_by=started_by,
        entered_by=entered_by,
    )


def _fee_case_for_payment(payment: Payment) -> FeeCase | None:
    if payment.content_type_id != ContentType.objects.get_for_model(FeeCase).pk:
        return None
    return FeeCase.objects.filter(pk=payment.object_id).first()


def _fee_receipt_send(fee_case: FeeCase) -> None:
    _email(
        template="tribunal_fees.fee_receipt",
        to=contact_route_of(fee_case),
        about=fee_case,
        language=fee_case.language,
        personalisation={
            "reference": fee_case.reference,
            "description": fee_case.description,
            "fee": pence_format(fee_case.fee_pence),
            "remission": pence_format(fee_case.remission_pence),
            "amount_paid": pence_format(fee_case.amount_paid_pence),
            "paid_on": date_in_language(fee_case.paid_at),
            "receipt_url": _fee_link(
                fee_case, reverse("tribunal_fees:fee-receipt", args=[fee_case.reference])
            ),
        },
    )


def fee_case_payment_outcome(*, payment: Payment) -> None:
    """The payments app's outcome handler (registered in ``apps.py``).

    success → paid (and the receipt email); failed or cancelled → unpaid (no money was
    taken, the user can try again); error → payment uncertain (a caseworker checks).
    Idempotent: a paid fee stays paid, and a second call changes nothing.
    """
    fee_case = _fee_case_for_payment(payment)
    if fee_case is None:
        logger.warning("Payment %s is not for a tribunal fee", payment.pk)
        return
    with transaction.atomic():
        fee_case = _locked(FeeCase, fee_case.pk)
        detail = {"payment_id": payment.pk, "failure_code": payment.failure_code}
        if payment.status == PaymentStatus.SUCCESS:
            if fee_case.status == FeeCaseStatus.PAID:
                return
            if fee_case.status not in (
                FeeCaseStatus.PAYMENT_IN_PROGRESS,
                FeeCaseStatus.PAYMENT_UNCERTAIN,
                FeeCaseStatus.UNPAID,
            ):
                logger.error(
                    "Payment %s succeeded for fee %s in status %s: check it",
                    payment.pk,
                    fee_case.reference,
                    fee_case.status,
                )
                return
            transition_apply(
                fee_case,
                to=FeeCaseStatus.PAID,
                fields={
                    "paid_at": payment.finished_at or timezone.now(),
                    "amount_paid_pence": payment.amount_pence,
                },
                action="fee_case.paid",
                service=AUDIT_SERVICE,
                detail=detail,
            )
            _fee_receipt_send(fee_case)
            return
        if fee_case.status not in (
            FeeCaseStatus.PAYMENT_IN_PROGRESS,
            FeeCaseStatus.PAYMENT_UNCERTAIN,
        ):
            return
        if payment.status == PaymentStatus.ERROR:
            if fee_case.status == FeeCaseStatus.PAYMENT_IN_PROGRESS:
                _fee_case_uncertain(fee_case, detail=detail)
            return
        transition_apply(
            fee_case,
            to=FeeCaseStatus.UNPAID,
            action="fee_case.unpaid",
            service=AUDIT_SERVICE,
            detail=detail,
        )


def _fee_case_uncertain(fee_case: FeeCase, *, detail: dict) -> None:
    transition_apply(
        fee_case,
        to=FeeCaseStatus.PAYMENT_UNCERTAIN,
        action="fee_case.payment_uncertain",
        service=AUDIT_SERVICE,
        detail=detail,
    )
    _email(
        template="tribunal_fees.payment_uncertain",
        to=contact_route_of(fee_case),
        about=fee_case,
        language=fee_case.language,
        personalisation={
            "reference": fee_case.reference,
            "description": fee_case.description,
            "case_url": _fee_link(
                fee_case, reverse("tribunal_fees:fee-detail", args=[fee_case.reference])
            ),
        },
    )


def fee_cases_uncertain_sweep(*, now: dt.datetime | None = None) -> int:
    """Fees whose payment started more than 90 minutes ago (Pay's expiry) and is still
    unfinished: the user never came back. Mark them payment uncertain and tell the
    user; the payments reconcile job then finishes the payment and the outcome
    handler moves the fee to paid or unpaid. Returns how many were marked."""
    cutoff = (now or timezone.now()) - dt.timedelta(minutes=PAYMENT_EXPIRY_MINUTES)
    marked = 0
    ids = FeeCase.objects.filter(
        status=FeeCaseStatus.PAYMENT_IN_PROGRESS, status_changed_at__lte=cutoff
    ).values_list("pk", flat=True)
    for pk in list(ids[:500]):
        with transaction.atomic():
            fee_case = _locked(FeeCase, pk)
            if fee_case.status != FeeCaseStatus.PAYMENT_IN_PROGRESS:
                continue
            payment = payment_latest_for_case(for_case=fee_case, purpose=fee_case.payment_purpose)
            if payment is not None and payment.is_finished:
                continue  # its outcome is on the way through the handler
            _fee_case_uncertain(
                fee_case, detail={"payment_id": payment.pk if payment else None, "why": "no_return"}
            )
            marked += 1
    return marked


def fee_case_payment_check(*, fee_case: FeeCase, actor) -> FeeCase:
    """A caseworker asks the provider about the fee's latest payment (the outcome
    handler then moves the fee). Raises ``payments.PaymentProviderUnavailable``."""
    payment = payment_latest_for_case(for_case=fee_case, purpose=fee_case.payment_purpose)
    if payment is not None:
        payments.payment_refresh(payment=payment)
    audit_record(
        action="fee_case.payment_checked",
        obj=fee_case,
        actor=actor,
        service=AUDIT_SERVICE,
        detail={"payment_id": payment.pk if payment else None},
    )
    fee_case.refresh_from_db()
    return fee_case


def fee_case_mark_not_paid(*, fee_case: FeeCase, actor, reason: str) -> FeeCase:
    """A caseworker confirms an uncertain payment took no money: the fee is unpaid again
    and the user can pay. Refused (``TransitionNotAllowed``) while the latest payment
    is unfinished or succeeded; ``InvalidRequest`` without a reason."""
    if not (reason or "").strip():
        raise InvalidRequest({"reason": "Enter why the fee is not paid"})
    with transaction.atomic():
        fee_case = _locked(FeeCase, fee_case.pk)
        payment = payment_latest_for_case(for_case=fee_case, purpose=fee_case.payment_purpose)
        if payment is not None and (
            not payment.is_finished or payment.status == PaymentStatus.SUCCESS
        ):
            raise TransitionNotAllowed(
                f"The latest payment is {payment.get_status_display().lower()}: check it with the provider first"
            )
        if fee_case.status != FeeCaseStatus.PAYMENT_UNCERTAIN:
            raise TransitionNotAllowed(
                "Only a fee whose payment is not confirmed can be marked not paid"
            )
        return transition_apply(
            fee_case,
            to=FeeCaseStatus.UNPAID,
            action="fee_case.unpaid",
            actor=actor,
            service=AUDIT_SERVICE,
            detail={"reason": "staff_confirmed_not_paid"},
        )


def cases_detach_user(*, user) -> int:
    """Unlink a deleted account from its fees and applications, kept for their period."""
    return sum(
        model.objects.filter(user=user).update(user=None)
        for model in (FeeCase, HelpWithFeesApplication, RefundApplication)
    )


def cases_claim_for_user(*, user, email: str) -> int:
    """The registry's ``claim_cases``: fees and refund applications sent without an account
    with ``email`` (which the user has just confirmed) become the user's, with the Help
    with Fees applications on those fees, so they are in "Your applications". Cases
    someone else owns are left alone. Returns how many fees and refunds it attached."""
    claimed = 0
    with transaction.atomic():
        for model, action in ((FeeCase, "fee_case"), (RefundApplication, "refund_application")):
            rows = list(
                model.objects.select_for_update().filter(user__isnull=True, email__iexact=email)
            )
            for row in rows:
                row.user = user
                row.save(update_fields=["user", "updated_at"])
                if model is FeeCase:
                    HelpWithFeesApplication.objects.filter(fee_case=row, user__isnull=True).update(
                        user=user
                    )
                audit_record(
                    action=f"{action}.claimed",
                    obj=row,
                    actor=user,
                    service=SERVICE,
                    detail={"reference": row.reference},
                )
            claimed += len(rows)
    return claimed
