"""Writes for Pay tribunal fees: fee cases and their payments, Help with Fees, refunds.

Every status change goes through the platform's ``transition_apply``: it locks the
row, checks the model's ``TRANSITIONS``, stamps ``<verb>_at`` / ``<verb>_by`` and
``status_changed_at``, saves with ``update_fields`` and records the audit event
(action ``<model>.<new status>``, service ``AUDIT_SERVICE``). Emails go
through the notifications outbox in the same transaction (sent after commit).
Errors are domain errors (``TransitionNotAllowed``, ``FourEyesRuleBroken``,
``InvalidRequest``); views turn them into messages.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone

from digital_services.accounts.citizens import (
    CitizenUnreachable,
    citizen_notification_send,
    email_is_placeholder,
)
from digital_services.audit.services import audit_record
from digital_services.core.dates import date_format
from digital_services.core.grants import grant_url
from digital_services.core.money import pence_format
from digital_services.core.transitions import TransitionNotAllowed as TransitionNotAllowed
from digital_services.core.transitions import transition_allowed, transition_apply
from digital_services.journeys.contact import ContactRoute
from digital_services.notifications.services import notification_send
from digital_services.payments import services as payments
from digital_services.payments.constants import PAYMENT_EXPIRY_MINUTES, PaymentStatus
from digital_services.payments.models import Payment
from digital_services.payments.selectors import payment_amount_refundable, payment_latest_for_case

from . import refunds
from .constants import (
    BANDED_KINDS,
    EAT_CASE_NUMBER,
    GRANT_SCOPE_FEE,
    HWF_EVIDENCE_DAYS,
    SERVICE,
    ClaimType,
    FeeCaseStatus,
    FeeKind,
    HwfOutcome,
    HwfStatus,
    Jurisdiction,
    PayerRole,
    PaymentMethod,
    RefundFeeKind,
    RefundIssueMethod,
    RefundProfile,
    RefundStatus,
)
from .fees import claim_type_decide, fee_lookup, group_fee_after_remission
from .models import (
    FeeCase,
    HelpWithFeesApplication,
    RefundApplication,
    RefundFee,
    et_case_number_validate,
)
from .references import reference_random, refund_reference_for
from .remission import hwf_assess

logger = logging.getLogger(__name__)

AUDIT_SERVICE = "tribunal-fees"  # the registry slug, as audit events from requests carry


class TribunalFeesError(Exception):
    """Base class for this service's domain errors."""


class FourEyesRuleBroken(TransitionNotAllowed):
    """The caseworker who checked a refund tried to approve it too."""


class InvalidRequest(TribunalFeesError):
    """The answers given are not valid. ``errors`` maps a field name to a GOV.UK-style message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


def _locked(model, pk):
    return model.objects.select_for_update().get(pk=pk)


def _fee_link(fee_case: FeeCase, path: str) -> str:
    """A link in an email about a fee: the platform's grant link (core/grants.py), so it
    opens for the payer whether or not they have an account."""
    return grant_url(
        scope=GRANT_SCOPE_FEE, reference=fee_case.reference, next_url=path, absolute=True
    )


def contact_route_of(case: FeeCase | RefundApplication) -> ContactRoute:
    """Where a fee's or a refund's messages go: the route chosen in the journey."""
    if isinstance(case, RefundApplication):
        return ContactRoute(
            channel=case.contact_channel,
            email=case.email,
            mobile=case.mobile,
            address=case.address,
            name=case.full_name,
        )
    name = getattr(case.user, "full_name", "") if case.user_id else ""
    return ContactRoute(
        channel=case.contact_channel,
        email=case.email,
        mobile=case.mobile,
        address=case.postal_address,
        name=name or "",
    )


def _email(
    *, template: str, to: ContactRoute, about: Model, language: str, personalisation: dict
) -> None:
    """Send ``template`` by the chosen route: an email, a text message or a letter (in the
    outbox's next letter batch). A case with no route of its own (made before routes were
    asked) reaches its citizen by their recorded preference, if it has one."""
    language = language if language in ("en", "cy") else "en"
    if to.usable:
        notification_send(
            template=template,
            to=to.to,
            personalisation=personalisation,
            language=language,
            channel=to.channel,
            about=about,
            service=SERVICE,
        )
        return
    citizen = getattr(about, "user", None)
    if citizen is None:
        return
    try:
        citizen_notification_send(
            citizen=citizen,
            template=template,
            personalisation=personalisation,
            about=about,
            service=SERVICE,
            language=language,
        )
    except CitizenUnreachable:
        logger.warning("%s %s: no way to send %s", type(about).__name__, about.pk, template)


# Fee cases.


def _case_email(*, email: str, contact: ContactRoute | None, user) -> str:
    """The payer's email address: the one they chose us to use, else the one they typed or
    signed in with (never the placeholder of a citizen without email)."""
    if contact is not None:
        email = contact.email
    if not email and contact is None:
        email = getattr(user, "email", "") or ""
    return "" if email_is_placeholder(email) else email


def fee_case_create(
    *,
    user,
    kind: str,
    fee_date: dt.date,
    jurisdiction: str = Jurisdiction.ET,
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

    The claim type comes from ``claim_elements`` (any Type B element makes it Type B)
    or is given as ``claim_type`` (a hearing fee on a case already typed). A hearing
    fee needs the ET case number (``NNNNNNN/YYYY``). Raises ``InvalidRequest`` and
    ``fees.FeeNotFound`` (no fee in force that day: nothing to pay).
    """
    errors: dict[str, str] = {}
    if kind not in FeeKind.values:
        errors["kind"] = "Select what you are paying for"
    elements = list(claim_elements or [])
    if elements:
        try:
            claim_type = claim_type_decide(claim_elements=elements)
        except ValueError:
            errors["claim_elements"] = "Select what the claim is about"
    elif claim_type not in (ClaimType.A, ClaimType.B):
        errors["claim_elements"] = "Select what the claim is about"
    if isinstance(claimants, bool) or not isinstance(claimants, int) or claimants < 1:
        errors["claimants"] = "Enter the number of claimants, 1 or more"
    case_number = (case_number or "").strip().upper()
    if kind == FeeKind.HEARING and not case_number:
        errors["case_number"] = "Enter your employment tribunal case number"
    elif case_number and jurisdiction == Jurisdiction.ET:
        try:
            et_case_number_validate(case_number)
        except Exception as exc:  # ValidationError: one message
            errors["case_number"] = exc.messages[0]
    elif case_number and not EAT_CASE_NUMBER.match(case_number):
        errors["case_number"] = (
            "Enter the appeal number in the right format, like UKEAT/0123/16/001"
        )
    if payer_role not in PayerRole.values:
        errors["payer_role"] = "Select who is paying"
    if errors:
        raise InvalidRequest(errors)
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
            "paid_on": date_format(fee_case.paid_at),
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


# Help with Fees.


@dataclass(frozen=True)
class HwfAnswers:
    """What the applicant tells us (the journey's answers, typed)."""

    applicant_name: str
    applicant_date_of_birth: dt.date
    capital_pence: int
    has_partner: bool = False
    partner_date_of_birth: dt.date | None = None
    children_0_13: int = 0
    children_14_plus: int = 0
    benefit: str = "none"
    gross_monthly_income_pence: int | None = None
    ni_number: str = ""


def hwf_application_submit(
    *, fee_case: FeeCase, answers: HwfAnswers, user=None, request=None
) -> HelpWithFeesApplication:
    """Apply for Help with Fees on an unpaid fee for one claimant.

    The outcome is worked out now (scheme chosen by the fee's date) and shown to the
    applicant as what to expect; a caseworker decides. The fee waits for the
    decision. Raises ``TransitionNotAllowed`` (fee not unpaid) and ``InvalidRequest``
    (a group fee: each claimant applies and the group remission is recorded).
    """
    with transaction.atomic():
        fee_case = _locked(FeeCase, fee_case.pk)
        if fee_case.claimants > 1:
            raise InvalidRequest(
                {"claimants": "For a group, each claimant applies for Help with Fees separately"}
            )
        if fee_case.status != FeeCaseStatus.UNPAID:
            raise TransitionNotAllowed(
                f"Help with Fees cannot be applied for on a fee that is {fee_case.get_status_display().lower()}"
            )
        try:
            assessment = hwf_assess(
                fee_pence=fee_case.fee_pence,
                on_date=fee_case.fee_date,
                applicant_date_of_birth=answers.applicant_date_of_birth,
                has_partner=answers.has_partner,
                partner_date_of_birth=answers.partner_date_of_birth,
                capital_pence=answers.capital_pence,
                benefit=answers.benefit,
                gross_monthly_income_pence=answers.gross_monthly_income_pence,
                children_0_13=answers.children_0_13,
                children_14_plus=answers.children_14_plus,
            )
        except ValueError as exc:
            raise InvalidRequest({"answers": str(exc)}) from exc
        application = HelpWithFeesApplication.objects.create(
            reference=reference_random(
                "HWF",
                exists=lambda ref: HelpWithFeesApplication.objects.filter(reference=ref).exists(),
            ),
            fee_case=fee_case,
            user=user if getattr(user, "is_authenticated", False) else fee_case.user,
            applicant_name=answers.applicant_name,
            applicant_date_of_birth=answers.applicant_date_of_birth,
            ni_number=answers.ni_number,
            has_partner=answers.has_partner,
            partner_date_of_birth=answers.partner_date_of_birth if answers.has_partner else None,
            children_0_13=answers.children_0_13,
            children_14_plus=answers.children_14_plus,
            capital_pence=answers.capital_pence,
            benefit=answers.benefit,
            gross_monthly_income_pence=answers.gross_monthly_income_pence,
            scheme=assessment.scheme,
            fee_pence=fee_case.fee_pence,
            computed_outcome=assessment.outcome,
            computed_amount_to_pay_pence=assessment.amount_to_pay_pence,
            computed_route=assessment.route,
        )
        audit_record(
            action="hwf_application.submitted",
            obj=application,
            actor=user,
            request=request,
            service=AUDIT_SERVICE,
            detail={"fee_case_id": fee_case.pk, "computed_outcome": assessment.outcome},
        )
        transition_apply(
            fee_case,
            to=FeeCaseStatus.AWAITING_HWF,
            action="fee_case.awaiting_hwf",
            actor=user,
            request=request,
            service=AUDIT_SERVICE,
            detail={"hwf_application_id": application.pk},
        )
        _email(
            template="tribunal_fees.hwf_submitted",
            to=contact_route_of(fee_case),
            about=application,
            language=fee_case.language,
            personalisation={
                "hwf_reference": application.reference,
                "fee_reference": fee_case.reference,
                "description": fee_case.description,
                "case_url": _fee_link(
                    application.fee_case,
                    reverse("tribunal_fees:hwf-detail", args=[application.reference]),
                ),
            },
        )
    return application


def hwf_application_evidence_request(
    *, application: HelpWithFeesApplication, actor, note: str, expires_on: dt.date | None = None
) -> HelpWithFeesApplication:
    """Ask the applicant for evidence (payslips, bank statements) by a date, 28 days by
    default. The application moves to the evidence check queue. Raises
    ``TransitionNotAllowed`` and ``InvalidRequest`` (no note, a date in the past)."""
    errors = {}
    if not (note or "").strip():
        errors["note"] = "Enter what evidence the applicant must send"
    today = timezone.localdate()
    expires_on = expires_on or today + dt.timedelta(days=HWF_EVIDENCE_DAYS)
    if expires_on <= today:
        errors["expires_on"] = "The date evidence is due must be in the future"
    if errors:
        raise InvalidRequest(errors)
    with transaction.atomic():
        application = _locked(HelpWithFeesApplication, application.pk)
        transition_apply(
            application,
            to=HwfStatus.EVIDENCE_REQUESTED,
            fields={"evidence_note": note.strip(), "evidence_expires_on": expires_on},
            stamp="evidence_requested",
            action="hwf_application.evidence_requested",
            actor=actor,
            service=AUDIT_SERVICE,
            detail={"expires_on": expires_on.isoformat()},
        )
        fee_case = application.fee_case
        _email(
            template="tribunal_fees.hwf_evidence_requested",
            to=contact_route_of(fee_case),
            about=application,
            language=fee_case.language,
            personalisation={
                "hwf_reference": application.reference,
                "evidence": application.evidence_note,
                "expires_on": date_format(expires_on),
                "case_url": _fee_link(
                    application.fee_case,
                    reverse("tribunal_fees:hwf-detail", args=[application.reference]),
                ),
            },
        )
    return application


def hwf_application_decide(
    *,
    application: HelpWithFeesApplication,
    actor,
    outcome: str | None = None,
    amount_to_pay_pence: int | None = None,
    override_reason: str = "",
) -> HelpWithFeesApplication:
    """Decide an application: the computed outcome, or an override with a reason.

    Without ``outcome`` the computed outcome stands. Full remission remits the fee;
    part leaves ``amount_to_pay_pence`` (between 1p and the fee less 1p) to pay;
    none leaves the whole fee to pay. Raises ``TransitionNotAllowed`` and
    ``InvalidRequest`` (an override without a reason, a bad part amount).
    """
    with transaction.atomic():
        application = _locked(HelpWithFeesApplication, application.pk)
        outcome = outcome or application.computed_outcome
        fee = application.fee_pence
        if outcome not in HwfOutcome.values:
            raise InvalidRequest({"outcome": "Select the outcome"})
        if outcome == HwfOutcome.FULL:
            to_pay = 0
        elif outcome == HwfOutcome.NONE:
            to_pay = fee
        else:
            to_pay = (
                amount_to_pay_pence
                if amount_to_pay_pence is not None
                else application.computed_amount_to_pay_pence
            )
            if not 1 <= to_pay < fee:
                raise InvalidRequest(
                    {
                        "amount_to_pay": f"The amount to pay must be between £0.01 and {pence_format(fee - 1)}"
                    }
                )
        overridden = (outcome, to_pay) != (
            application.computed_outcome,
            application.computed_amount_to_pay_pence,
        )
        if overridden and not (override_reason or "").strip():
            raise InvalidRequest(
                {"override_reason": "Enter why the decision differs from the calculated outcome"}
            )
        transition_apply(
            application,
            to=HwfStatus.DECIDED,
            fields={
                "outcome": outcome,
                "amount_to_pay_pence": to_pay,
                "overridden": overridden,
                "override_reason": override_reason.strip() if overridden else "",
            },
            stamp="decided",
            action="hwf_application.decided",
            actor=actor,
            service=AUDIT_SERVICE,
            detail={"outcome": outcome, "amount_to_pay_pence": to_pay, "overridden": overridden},
        )
        fee_case = _locked(FeeCase, application.fee_case_id)
        fee_status = FeeCaseStatus.REMITTED if to_pay == 0 else FeeCaseStatus.UNPAID
        transition_apply(
            fee_case,
            to=fee_status,
            fields={"amount_due_pence": to_pay, "remission_pence": fee_case.fee_pence - to_pay},
            action=f"fee_case.{fee_status}",
            actor=actor,
            service=AUDIT_SERVICE,
            detail={"hwf_application_id": application.pk},
        )
        _email(
            template="tribunal_fees.hwf_decided",
            to=contact_route_of(fee_case),
            about=application,
            language=fee_case.language,
            personalisation={
                "hwf_reference": application.reference,
                "outcome": HwfOutcome(outcome).label,
                "amount_to_pay": pence_format(to_pay),
                "case_url": _fee_link(
                    fee_case, reverse("tribunal_fees:fee-detail", args=[fee_case.reference])
                ),
            },
        )
    return application


def hwf_application_part_payment_record(
    *, application: HelpWithFeesApplication, actor, amount_pence: int
) -> HelpWithFeesApplication:
    """Record that the applicant paid their part (by cheque or at the office): the fee is
    paid. Only after a part-remission decision, for exactly the amount to pay. Raises
    ``TransitionNotAllowed`` and ``InvalidRequest``."""
    with transaction.atomic():
        application = _locked(HelpWithFeesApplication, application.pk)
        if application.outcome != HwfOutcome.PART:
            raise TransitionNotAllowed(
                "A part payment is only recorded after a part remission decision"
            )
        if amount_pence != application.amount_to_pay_pence:
            raise InvalidRequest(
                {
                    "amount": f"Enter the amount to pay, {pence_format(application.amount_to_pay_pence)}"
                }
            )
        fee_case = _locked(FeeCase, application.fee_case_id)
        if fee_case.status != FeeCaseStatus.UNPAID:
            raise TransitionNotAllowed(
                f"The fee is {fee_case.get_status_display().lower()}: no part payment to record"
            )
        transition_apply(
            application,
            to=HwfStatus.PART_PAYMENT_RECORDED,
            fields={"part_payment_pence": amount_pence},
            stamp="part_payment_recorded",
            action="hwf_application.part_payment_recorded",
            actor=actor,
            service=AUDIT_SERVICE,
            detail={"amount_pence": amount_pence},
        )
        transition_apply(
            fee_case,
            to=FeeCaseStatus.PAID,
            fields={"paid_at": timezone.now(), "amount_paid_pence": amount_pence},
            action="fee_case.paid",
            actor=actor,
            service=AUDIT_SERVICE,
            detail={"hwf_application_id": application.pk, "method": "part_payment"},
        )
        _fee_receipt_send(fee_case)
    return application


# Refund applications (2017 scheme).


@dataclass(frozen=True)
class RefundFeeAnswer:
    kind: str
    amount_pence: int
    method: str
    paid_month: int | None = None
    paid_year: int | None = None


@dataclass(frozen=True)
class RefundAnswers:
    profile: str
    full_name: str
    date_of_birth: dt.date
    email: str
    address: str
    respondent_name: str
    fees: tuple[RefundFeeAnswer, ...]
    account_name: str
    bank_name: str
    account_number: str
    sort_code: str
    declaration: bool
    title: str = ""
    phone: str = ""
    contact_channel: str = "email"
    mobile: str = ""
    region: str = "england_wales"
    et_case_number: str = ""
    eat_case_number: str = ""
    office_code: str = ""
    respondent_address: str = ""
    representative_name: str = ""
    claimant_address_then: str = ""
    notes: str = ""


def refund_answers_errors(answers: RefundAnswers) -> dict[str, str]:
    """Every problem with a refund application, as field → message (empty when sound)."""
    errors: dict[str, str] = {}
    if answers.profile not in RefundProfile.values:
        errors["profile"] = "Select who paid the fees"
    for name, message in (
        ("full_name", "Enter your full name"),
        ("address", "Enter your address"),
        ("respondent_name", "Enter the name of the respondent (the employer)"),
        ("account_name", "Enter the name on the account"),
        ("bank_name", "Enter the name of the bank or building society"),
    ):
        if not str(getattr(answers, name) or "").strip():
            errors[name] = message
    if answers.contact_channel == "email" and not answers.email.strip():
        errors["email"] = "Enter your email address"
    elif answers.contact_channel == "sms" and not answers.mobile:
        errors["email"] = "Enter a UK mobile number"
    if not answers.et_case_number and not answers.eat_case_number:
        errors["et_case_number"] = "Enter the employment tribunal case number or the appeal number"
    if answers.et_case_number:
        try:
            et_case_number_validate(answers.et_case_number)
        except Exception as exc:
            errors["et_case_number"] = exc.messages[0]
    if answers.eat_case_number and not EAT_CASE_NUMBER.match(
        answers.eat_case_number.strip().upper()
    ):
        errors["eat_case_number"] = (
            "Enter the appeal number in the right format, like UKEAT/0123/16/001"
        )
    if len(answers.notes or "") > 500:
        errors["notes"] = "Notes must be 500 characters or fewer"
    if not refunds.sort_code_valid(answers.sort_code):
        errors["sort_code"] = "Enter a valid sort code like 309430"
    if not refunds.account_number_valid(answers.account_number):
        errors["account_number"] = "Enter a valid account number like 00733445"
    kinds = [fee.kind for fee in answers.fees]
    if len(kinds) != len(set(kinds)):
        errors["fees"] = "Enter each fee once"
    for fee in answers.fees:
        key = f"fees-{fee.kind}"
        if fee.kind not in RefundFeeKind.values:
            errors[key] = "Select which fee you paid"
        elif fee.amount_pence < 1:
            errors[key] = "Enter the amount you paid for this fee"
        elif fee.method not in PaymentMethod.values:
            errors[key] = "Select how you paid this fee"
        elif (fee.paid_month is None) != (fee.paid_year is None):
            errors[key] = "Enter the month and year you paid, or say you do not know"
        elif fee.paid_month is not None and not (
            1 <= fee.paid_month <= 12
            and refunds.refund_month_in_scheme(month=fee.paid_month, year=fee.paid_year)
        ):
            errors[key] = "The date you paid must be between July 2013 and August 2017"
    if sum(max(fee.amount_pence, 0) for fee in answers.fees) < 1:
        errors["fees"] = "Enter the fees you paid: the total must be more than £0"
    if not answers.declaration:
        errors["declaration"] = "Confirm the declaration to apply for a refund"
    return errors


def refund_application_submit(
    *,
    answers: RefundAnswers,
    user=None,
    fee_case: FeeCase | None = None,
    language: str = "en",
    request=None,
) -> RefundApplication:
    """Apply for a refund of fees paid from July 2013 to July 2017. The reference is
    ``C`` and 7 digits, in order from C1000001. Raises ``InvalidRequest``."""
    errors = refund_answers_errors(answers)
    if errors:
        raise InvalidRequest(errors)
    with transaction.atomic():
        application = RefundApplication.objects.create(
            user=user if getattr(user, "is_authenticated", False) else None,
            fee_case=fee_case,
            language=language,
            profile=answers.profile,
            title=answers.title,
            full_name=answers.full_name.strip(),
            date_of_birth=answers.date_of_birth,
            email=answers.email.strip(),
            phone=answers.phone,
            address=answers.address.strip(),
            contact_channel=answers.contact_channel,
            mobile=answers.mobile,
            region=answers.region,
            et_case_number=answers.et_case_number.strip(),
            eat_case_number=answers.eat_case_number.strip().upper(),
            office_code=answers.office_code,
            respondent_name=answers.respondent_name.strip(),
            respondent_address=answers.respondent_address,
            representative_name=answers.representative_name,
            claimant_address_then=answers.claimant_address_then,
            notes=answers.notes,
            account_name=answers.account_name.strip(),
            bank_name=answers.bank_name.strip(),
            account_number=refunds.account_number_normalise(answers.account_number),
            sort_code=refunds.sort_code_normalise(answers.sort_code),
            declaration=True,
            fees_pence=sum(fee.amount_pence for fee in answers.fees),
        )
        application.reference = refund_reference_for(application.pk)
        application.save(update_fields=["reference"])
        RefundFee.objects.bulk_create(
            RefundFee(
                application=application,
                kind=fee.kind,
                amount_pence=fee.amount_pence,
                method=fee.method,
                paid_month=fee.paid_month,
                paid_year=fee.paid_year,
            )
            for fee in answers.fees
        )
        audit_record(
            action="refund_application.submitted",
            obj=application,
            actor=user,
            request=request,
            service=AUDIT_SERVICE,
            detail={"fees_pence": application.fees_pence},
        )
        _email(
            template="tribunal_fees.refund_submitted",
            to=contact_route_of(application),
            about=application,
            language=language,
            personalisation={"reference": application.reference, "name": application.full_name},
        )
    return application


def refund_interest_for(application: RefundApplication, *, refunded_on: dt.date) -> int:
    """Interest on every fee in the application, each from its payment month to ``refunded_on``.

    Raises ``InvalidRequest`` when a fee's payment month is not known yet."""
    rate = settings.TRIBUNAL_FEES_REFUND_INTEREST_RATE_BASIS_POINTS
    total = 0
    for fee in application.fees.all():
        if fee.paid_on is None:
            raise InvalidRequest(
                {"fees": f"Enter the month the {fee.get_kind_display().lower()} was paid"}
            )
        total += refunds.refund_interest_pence(
            amount_pence=fee.amount_pence,
            paid_on=fee.paid_on,
            refunded_on=refunded_on,
            rate_basis_points=rate,
        )
    return total


def refund_application_check(*, application: RefundApplication, actor) -> RefundApplication:
    """First caseworker: the fees and details are checked. Every fee needs its payment month
    (interest runs from it). Raises ``TransitionNotAllowed`` and ``InvalidRequest``."""
    with transaction.atomic():
        application = _locked(RefundApplication, application.pk)
        refund_interest_for(application, refunded_on=timezone.localdate())
        return transition_apply(
            application,
            to=RefundStatus.CHECKED,
            fields={"fees_pence": sum(fee.amount_pence for fee in application.fees.all())},
            stamp="checked",
            action="refund_application.checked",
            actor=actor,
            service=AUDIT_SERVICE,
        )


def refund_application_approve(*, application: RefundApplication, actor) -> RefundApplication:
    """Second caseworker: approves a checked refund. The four-eyes rule: the caseworker who
    checked it cannot approve it (``FourEyesRuleBroken``, and the refusal is audited).
    Raises ``TransitionNotAllowed``."""
    with transaction.atomic():
        application = _locked(RefundApplication, application.pk)
        same_person = application.status == RefundStatus.CHECKED and (
            actor is None or application.checked_by_id in (None, actor.pk)
        )
        if not same_person:
            return transition_apply(
                application,
                to=RefundStatus.APPROVED,
                stamp="approved",
                action="refund_application.approved",
                actor=actor,
                service=AUDIT_SERVICE,
            )
    audit_record(
        action="refund_application.approval_refused",
        obj=application,
        actor=actor,
        service=AUDIT_SERVICE,
        detail={"reason": "four_eyes"},
    )
    raise FourEyesRuleBroken("You checked this refund, so a different caseworker must approve it")


def refund_application_card_payment(application: RefundApplication) -> Payment | None:
    """The successful card payment this refund can go back to, if the fee was paid here."""
    if application.fee_case_id is None:
        return None
    payment = payment_latest_for_case(
        for_case=application.fee_case, purpose=application.fee_case.payment_purpose
    )
    return payment if payment is not None and payment.status == PaymentStatus.SUCCESS else None


def refund_application_issue(
    *, application: RefundApplication, actor, method: str, on_date: dt.date | None = None
) -> RefundApplication:
    """Pay an approved refund: the fees plus simple interest to ``on_date`` (today).

    ``card``: the fee goes back to the card through the payments refund (only when
    the fee was paid by card through this service) and the interest by bank
    transfer; ``bank_transfer``: the whole amount by bank transfer (in the finance
    export). Raises ``TransitionNotAllowed``, ``InvalidRequest`` (card refund not
    possible or refused) and ``payments.PaymentProviderUnavailable``.
    """
    if method not in RefundIssueMethod.values:
        raise InvalidRequest({"method": "Select how to pay the refund"})
    on_date = on_date or timezone.localdate()
    with transaction.atomic():
        application = _locked(RefundApplication, application.pk)
        if not transition_allowed(application, RefundStatus.ISSUED):
            raise TransitionNotAllowed(
                f"Refund {application.reference} is {application.get_status_display().lower()}: it cannot be issued"
            )
        interest = refund_interest_for(application, refunded_on=on_date)
        fees = sum(fee.amount_pence for fee in application.fees.all())
        total = fees + interest
        card = 0
        if method == RefundIssueMethod.CARD:
            payment = refund_application_card_payment(application)
            if payment is None:
                raise InvalidRequest(
                    {
                        "method": "This fee was not paid by card through this service: use bank transfer"
                    }
                )
            card = min(fees, payment_amount_refundable(payment=payment))
            if card < 1:
                raise InvalidRequest({"method": "The card payment has already been refunded"})
            refund = payments.refund_create(
                payment=payment,
                amount_pence=card,
                requested_by=actor,
                reason=f"Tribunal fee refund {application.reference}",
            )
            if refund.status == "error":
                raise InvalidRequest(
                    {
                        "method": f"The payment provider refused the card refund ({refund.error_code})"
                    }
                )
            application.payments_refund = refund
        transition_apply(
            application,
            to=RefundStatus.ISSUED,
            fields={
                "issue_method": method,
                "fees_pence": fees,
                "interest_pence": interest,
                "total_pence": total,
                "card_refund_pence": card,
                "bank_transfer_pence": total - card,
                "payments_refund": application.payments_refund,
            },
            stamp="issued",
            action="refund_application.issued",
            actor=actor,
            service=AUDIT_SERVICE,
            detail={"method": method, "total_pence": total, "interest_pence": interest},
        )
        _email(
            template="tribunal_fees.refund_issued",
            to=contact_route_of(application),
            about=application,
            language=application.language,
            personalisation={
                "reference": application.reference,
                "fees": pence_format(fees),
                "interest": pence_format(interest),
                "total": pence_format(total),
            },
        )
    return application


def refund_application_reject(
    *, application: RefundApplication, actor, reason: str
) -> RefundApplication:
    """Reject a refund application with a reason the applicant is told. Raises
    ``TransitionNotAllowed`` and ``InvalidRequest`` (no reason)."""
    if not (reason or "").strip():
        raise InvalidRequest({"reason": "Enter why the refund is rejected"})
    with transaction.atomic():
        application = _locked(RefundApplication, application.pk)
        transition_apply(
            application,
            to=RefundStatus.REJECTED,
            fields={"rejection_reason": reason.strip()},
            stamp="rejected",
            action="refund_application.rejected",
            actor=actor,
            service=AUDIT_SERVICE,
        )
        _email(
            template="tribunal_fees.refund_rejected",
            to=contact_route_of(application),
            about=application,
            language=application.language,
            personalisation={
                "reference": application.reference,
                "reason": application.rejection_reason,
            },
        )
    return application


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
