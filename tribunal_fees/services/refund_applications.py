"""Writes for refund applications: validate, submit, check, approve, issue, reject."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from digital_services.audit.services import audit_record
from digital_services.core.money import pence_format
from digital_services.core.transitions import (
    TransitionNotAllowed,
    transition_allowed,
    transition_apply,
)
from digital_services.payments import services as payments
from digital_services.payments.constants import PaymentStatus
from digital_services.payments.models import Payment
from digital_services.payments.selectors import payment_amount_refundable, payment_latest_for_case

from .. import refunds
from ..constants import (
    EAT_CASE_NUMBER,
    REFUND_KIND_FOR_FEE,
    FeeCaseStatus,
    PaymentMethod,
    RefundFeeKind,
    RefundIssueMethod,
    RefundProfile,
    RefundStatus,
)
from ..models import (
    FeeCase,
    RefundApplication,
    RefundFee,
    et_case_number_validate,
)
from ..references import refund_reference_for
from .common import (
    AUDIT_SERVICE,
    FourEyesRuleBroken,
    InvalidRequest,
    _email,
    _locked,
    contact_route_of,
)

# Refund applications (2017 scheme).


@dataclass(frozen=True)
class RefundFeeAnswer:
    kind: str
    amount_pence: int
    method: str
    paid_month: int | None = None
    paid_year: int | None = None
    paid_day: int | None = None


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
        errors["profile"] = gettext("Select who paid the fees")
    for name, message in (
        ("full_name", gettext("Enter your full name")),
        ("address", gettext("Enter your address")),
        ("respondent_name", gettext("Enter the name of the respondent (the employer)")),
        ("account_name", gettext("Enter the name on the account")),
        ("bank_name", gettext("Enter the name of the bank or building society")),
    ):
        if not str(getattr(answers, name) or "").strip():
            errors[name] = message
    if answers.contact_channel == "email" and not answers.email.strip():
        errors["email"] = gettext("Enter your email address")
    elif answers.contact_channel == "sms" and not answers.mobile:
        errors["email"] = gettext("Enter a UK mobile number")
    if not answers.et_case_number and not answers.eat_case_number:
        errors["et_case_number"] = gettext(
            "Enter the employment tribunal case number or the appeal number"
        )
    if answers.et_case_number:
        try:
            et_case_number_validate(answers.et_case_number)
        except Exception as exc:
            errors["et_case_number"] = exc.messages[0]
    if answers.eat_case_number and not EAT_CASE_NUMBER.match(
        answers.eat_case_number.strip().upper()
    ):
        errors["eat_case_number"] = gettext(
            "Enter the appeal number in the right format, like UKEAT/0123/16/001"
        )
    if len(answers.notes or "") > 500:
        errors["notes"] = gettext("Notes must be 500 characters or fewer")
    if not refunds.sort_code_valid(answers.sort_code):
        errors["sort_code"] = gettext("Enter a valid sort code like 309430")
    if not refunds.account_number_valid(answers.account_number):
        errors["account_number"] = gettext("Enter a valid account number like 00733445")
    kinds = [fee.kind for fee in answers.fees]
    if len(kinds) != len(set(kinds)):
        errors["fees"] = gettext("Enter each fee once")
    for fee in answers.fees:
        key = f"fees-{fee.kind}"
        if fee.kind not in RefundFeeKind.values:
            errors[key] = gettext("Select which fee you paid")
        elif fee.amount_pence < 1:
            errors[key] = gettext("Enter the amount you paid for this fee")
        elif fee.method not in PaymentMethod.values:
            errors[key] = gettext("Select how you paid this fee")
        elif (fee.paid_month is None) != (fee.paid_year is None):
            errors[key] = gettext("Enter the month and year you paid, or say you do not know")
        elif fee.paid_month is not None and not (
            1 <= fee.paid_month <= 12
            and refunds.refund_month_in_scheme(month=fee.paid_month, year=fee.paid_year)
        ):
            errors[key] = gettext("The date you paid must be between July 2013 and August 2017")
    if sum(max(fee.amount_pence, 0) for fee in answers.fees) < 1:
        errors["fees"] = gettext("Enter the fees you paid: the total must be more than £0")
    if not answers.declaration:
        errors["declaration"] = gettext("Confirm the declaration to apply for a refund")
    return errors


def _day_given(fee: RefundFeeAnswer) -> dt.date | None:
    """The day of payment the applicant gave (with its month and year), if a real date."""
    if fee.paid_day is None or fee.paid_month is None or fee.paid_year is None:
        return None
    try:
        return dt.date(fee.paid_year, fee.paid_month, fee.paid_day)
    except ValueError:
        return None


def _paid_here_date(fee_case: FeeCase | None) -> dict[str, dt.date]:
    """{refund fee kind: the day it was paid} for a fee paid by card in this service."""
    if fee_case is None or fee_case.paid_at is None or fee_case.kind not in REFUND_KIND_FOR_FEE:
        return {}
    return {REFUND_KIND_FOR_FEE[fee_case.kind]: timezone.localdate(fee_case.paid_at)}


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
        paid_here = _paid_here_date(fee_case)
        RefundFee.objects.bulk_create(
            RefundFee(
                application=application,
                kind=fee.kind,
                amount_pence=fee.amount_pence,
                method=fee.method,
                paid_month=fee.paid_month,
                paid_year=fee.paid_year,
                paid_date=paid_here.get(fee.kind) or _day_given(fee),
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
    if application.hwf_application_id or application.fee_refund_reason:
        return 0  # a Help with Fees refund, or of a fee paid twice or in error: no interest
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
    (interest runs from it). A Help with Fees refund of a fee paid to the tribunal outside
    this service needs the payer's evidence of payment first: the checker confirms the
    payment from it. Raises ``TransitionNotAllowed`` and ``InvalidRequest``."""
    from .paid_elsewhere import fee_case_payment_evidence

    with transaction.atomic():
        application = _locked(RefundApplication, application.pk)
        refund_interest_for(application, refunded_on=timezone.localdate())
        fee_case = application.fee_case
        if (
            application.hwf_application_id
            and fee_case is not None
            and fee_case.status == FeeCaseStatus.PAID_ELSEWHERE
            and not fee_case_payment_evidence(fee_case)
        ):
            raise InvalidRequest(
                {
                    "evidence": "The applicant has not sent evidence of payment yet. Check "
                    "the payment from it before marking the refund as checked"
                }
            )
        return transition_apply(
            application,
            to=RefundStatus.CHECKED,
            fields={"fees_pence": _fees_total(application)},
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


def _fees_total(application: RefundApplication) -> int:
    """The fees refunded: each fee given (2017 scheme), or the amount (Help with Fees, or a
    fee paid twice or in error)."""
    if application.hwf_application_id or application.fee_refund_reason:
        return application.fees_pence
    return sum(fee.amount_pence for fee in application.fees.all())


def fee_case_card_payment(fee_case: FeeCase | None) -> Payment | None:
    """The successful card payment of a fee paid through this service, if any."""
    if fee_case is None:
        return None
    payment = payment_latest_for_case(for_case=fee_case, purpose=fee_case.payment_purpose)
    return payment if payment is not None and payment.status == PaymentStatus.SUCCESS else None


def refund_application_card_payment(application: RefundApplication) -> Payment | None:
    """The successful card payment this refund can go back to, if the fee was paid here."""
    if application.fee_case_id is None:
        return None
    return fee_case_card_payment(application.fee_case)


def hwf_refund_create(*, application, amount_pence: int, actor) -> RefundApplication:
    """The refund of what a retrospective Help with Fees decision remitted on a paid fee.

    It waits in the refund queue like any other (check, approve by a second caseworker,
    issue): back to the card when the fee was paid by card here, otherwise by bank transfer
    to the account the applicant gave. No interest. Call inside the decision's transaction.
    """
    fee_case = application.fee_case
    refund = RefundApplication.objects.create(
        user=application.user,
        fee_case=fee_case,
        hwf_application=application,
        language=fee_case.language,
        profile=RefundProfile.PAID_MYSELF,
        full_name=application.applicant_name,
        date_of_birth=application.applicant_date_of_birth,
        email=fee_case.email,
        address=fee_case.postal_address,
        contact_channel=fee_case.contact_channel,
        mobile=fee_case.mobile,
        notes=f"Help with Fees {application.reference} on fee {fee_case.reference}",
        account_name=application.refund_account_name,
        bank_name=application.refund_bank_name,
        account_number=application.refund_account_number,
        sort_code=application.refund_sort_code,
        declaration=True,
        fees_pence=amount_pence,
    )
    refund.reference = refund_reference_for(refund.pk)
    refund.save(update_fields=["reference"])
    audit_record(
        action="refund_application.submitted",
        obj=refund,
        actor=actor,
        service=AUDIT_SERVICE,
        detail={"fees_pence": amount_pence, "hwf_application_id": application.pk},
    )
    return refund


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
        fees = _fees_total(application)
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
