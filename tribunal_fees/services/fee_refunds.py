"""Writes for refunding a fee paid through this service because it was paid twice or in
error (issue #19, "Refunds of current fees"): a caseworker starts the refund, and it goes
through the usual queue (check, approval by a second caseworker, issue to the card or by
bank transfer). No interest: this is not the 2017 scheme."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Sum

from digital_services.audit.services import audit_record
from digital_services.core.money import pence_format

from .. import refunds
from ..constants import FeeCaseStatus, FeeRefundReason, RefundProfile, RefundStatus
from ..models import FeeCase, RefundApplication
from ..references import refund_reference_for
from .common import AUDIT_SERVICE, InvalidRequest, _locked
from .refund_applications import fee_case_card_payment


def fee_case_refundable_pence(fee_case: FeeCase) -> int:
    """What is left of the amount paid once every refund already under way or paid on this
    fee (not rejected ones) is taken off."""
    taken = (
        RefundApplication.objects.filter(fee_case=fee_case)
        .exclude(status=RefundStatus.REJECTED)
        .aggregate(total=Sum("fees_pence"))["total"]
        or 0
    )
    return max((fee_case.amount_paid_pence or 0) - taken, 0)


def fee_case_refund_start(
    *,
    fee_case: FeeCase,
    actor,
    reason: str,
    amount_pence: int,
    account_name: str = "",
    bank_name: str = "",
    account_number: str = "",
    sort_code: str = "",
) -> RefundApplication:
    """Start a refund of a fee paid through this service that was paid twice or in error.

    The amount is at most what is left of the amount paid after other refunds. When the
    fee was paid by card here, the refund can go back to that card; otherwise (a part
    payment recorded by a caseworker) bank details are needed. The refund waits to be
    checked; the four-eyes rule applies at approval. Raises ``InvalidRequest``."""
    errors: dict[str, str] = {}
    if reason not in FeeRefundReason.values:
        errors["reason"] = "Select why the fee is refunded"
    with transaction.atomic():
        fee_case = _locked(FeeCase, fee_case.pk)
        if fee_case.status != FeeCaseStatus.PAID:
            raise InvalidRequest(
                {"amount": "Only a fee paid through this service can be refunded here"}
            )
        available = fee_case_refundable_pence(fee_case)
        if not 1 <= (amount_pence or 0) <= available:
            errors["amount"] = (
                f"The amount must be between £0.01 and {pence_format(available)}, what is left "
                "of the amount paid after other refunds"
                if available
                else "Nothing is left to refund on this fee"
            )
        bank = {"account_name": "", "bank_name": "", "account_number": "", "sort_code": ""}
        if fee_case_card_payment(fee_case) is None:
            if not account_name.strip():
                errors["account_name"] = "Enter the name on the account"
            if not bank_name.strip():
                errors["bank_name"] = "Enter the name of the bank or building society"
            if not refunds.sort_code_valid(sort_code):
                errors["sort_code"] = "Enter a valid sort code like 309430"
            if not refunds.account_number_valid(account_number):
                errors["account_number"] = "Enter a valid account number like 00733445"
            bank = {
                "account_name": account_name.strip(),
                "bank_name": bank_name.strip(),
                "account_number": refunds.account_number_normalise(account_number),
                "sort_code": refunds.sort_code_normalise(sort_code),
            }
        if errors:
            raise InvalidRequest(errors)
        user = fee_case.user
        refund = RefundApplication.objects.create(
            user=user,
            fee_case=fee_case,
            fee_refund_reason=reason,
            language=fee_case.language,
            profile=RefundProfile.PAID_MYSELF,
            full_name=(getattr(user, "full_name", "") if user is not None else "") or "",
            email=fee_case.email,
            address=fee_case.postal_address,
            contact_channel=fee_case.contact_channel,
            mobile=fee_case.mobile,
            notes=f"{FeeRefundReason(reason).label}: fee {fee_case.reference}",
            declaration=True,
            fees_pence=amount_pence,
            **bank,
        )
        refund.reference = refund_reference_for(refund.pk)
        refund.save(update_fields=["reference"])
        audit_record(
            action="refund_application.submitted",
            obj=refund,
            actor=actor,
            service=AUDIT_SERVICE,
            detail={"fees_pence": amount_pence, "fee_case_id": fee_case.pk, "reason": reason},
        )
    return refund
