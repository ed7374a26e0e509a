"""make bench: a data set of tribunal fees and the admin queues to measure.

``seed`` tops the data up to 200,000 × ``scale`` fees (200,000 cases per service at scale 1.0), each with one card payment,
written in BULK (``bulk_create``), not through ``services``: going through the
payment provider 50,000 times would measure the sandbox, not the pages. Every
20th fee also has a Help with Fees application and every 25th a refund
application, so the queues have rows. Rows are in the states the services would
leave them in. Calling it again with a larger scale adds only the difference.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from digital_services.core.references import reference_for_number
from digital_services.payments.constants import FailureCode, PaymentStatus
from digital_services.payments.models import Payment

from .constants import (
    FeeCaseStatus,
    FeeKind,
    HwfOutcome,
    HwfScheme,
    HwfStatus,
    RefundStatus,
)
from .models import FeeCase, FeeSchedule, HelpWithFeesApplication, RefundApplication

PER_SCALE = 200_000
BATCH = 2_000
PREFIX = "TB"


def _state(n: int) -> tuple[str, str, str]:
    """(fee status, payment status, failure code) for the n-th bench fee."""
    if n % 10 == 0:
        return FeeCaseStatus.UNPAID, PaymentStatus.FAILED, FailureCode.REJECTED
    if n % 50 == 1:
        return FeeCaseStatus.PAYMENT_UNCERTAIN, PaymentStatus.ERROR, FailureCode.PROVIDER_ERROR
    if n % 50 == 3:
        return FeeCaseStatus.PAYMENT_IN_PROGRESS, PaymentStatus.STARTED, ""
    return FeeCaseStatus.PAID, PaymentStatus.SUCCESS, ""


def seed(*, scale: float, stdout) -> None:
    target = int(PER_SCALE * scale)
    existing = FeeCase.objects.filter(reference__startswith=PREFIX).count()
    if existing >= target:
        return
    schedule = FeeSchedule.objects.get(
        jurisdiction="ET",
        kind=FeeKind.ISSUE,
        claim_type="A",
        claimant_band="1",
        effective_from=dt.date(2013, 7, 29),
    )
    content_type = ContentType.objects.get_for_model(FeeCase)
    now = timezone.now()
    for start in range(existing, target, BATCH):
        numbers = range(start, min(start + BATCH, target))
        cases = []
        for n in numbers:
            status, _, _ = _state(n)
            cases.append(
                FeeCase(
                    reference=f"{PREFIX}{reference_for_number(n, length=8)}",
                    kind=FeeKind.ISSUE,
                    claim_type="A",
                    claim_elements=["unpaid_wages"],
                    fee_date=dt.date(2015, 1, 5),
                    fee_schedule=schedule,
                    fee_pence=schedule.amount_pence,
                    amount_due_pence=schedule.amount_pence,
                    amount_paid_pence=schedule.amount_pence
                    if status == FeeCaseStatus.PAID
                    else None,
                    paid_at=now if status == FeeCaseStatus.PAID else None,
                    status=status,
                    email=f"bench{n}@example.com",
                )
            )
        cases = FeeCase.objects.bulk_create(cases)
        payments, hwfs, refunds = [], [], []
        for n, fee_case in zip(numbers, cases, strict=True):
            _, payment_status, failure_code = _state(n)
            finished = payment_status not in (PaymentStatus.STARTED,)
            payments.append(
                Payment(
                    content_type=content_type,
                    object_id=str(fee_case.pk),
                    service="tribunal_fees",
                    purpose=fee_case.payment_purpose,
                    amount_pence=fee_case.fee_pence,
                    remitted_pence=0,
                    reference=fee_case.reference,
                    description="Employment tribunal issue fee",
                    return_to=f"/tribunal-fees/fees/{fee_case.reference}/",
                    status=payment_status,
                    failure_code=failure_code,
                    provider="sandbox",
                    provider_payment_id=f"bench-tf-{n}",
                    provider_reference=f"bench-tf-{n}",
                    finished_at=now if finished else None,
                )
            )
            if n % 20 == 7:
                hwfs.append(
                    HelpWithFeesApplication(
                        reference=f"HWB-{reference_for_number(n, length=7)}",
                        fee_case=fee_case,
                        applicant_name=f"Bench Applicant {n}",
                        applicant_date_of_birth=dt.date(1980, 1, 1),
                        capital_pence=100_000,
                        gross_monthly_income_pence=150_000,
                        scheme=HwfScheme.OCT_2013,
                        fee_pence=fee_case.fee_pence,
                        computed_outcome=HwfOutcome.PART,
                        computed_amount_to_pay_pence=10_000,
                        computed_route="income",
                        status=HwfStatus.SUBMITTED,
                    )
                )
            if n % 25 == 11:
                refunds.append(
                    RefundApplication(
                        reference=f"B{n:07d}",
                        profile="paid_myself",
                        full_name=f"Bench Claimant {n}",
                        date_of_birth=dt.date(1980, 1, 1),
                        email=f"bench{n}@example.com",
                        address="1 Bench Street",
                        et_case_number=f"{1_000_000 + n % 9_000_000:07d}/2015",
                        respondent_name="Bench Ltd",
                        account_name="Bench",
                        bank_name="Bench Bank",
                        account_number="00733445",
                        sort_code="309430",
                        declaration=True,
                        fees_pence=fee_case.fee_pence,
                        status=RefundStatus.SUBMITTED,
                    )
                )
        Payment.objects.bulk_create(payments)
        HelpWithFeesApplication.objects.bulk_create(hwfs)
        RefundApplication.objects.bulk_create(refunds)
    stdout.write(f"  tribunal fees: {target} fees with payments (bulk)\n")


PAGES = [
    {
        "name": "tribunal fees: Help with Fees to decide",
        "path": lambda: (
            reverse("admin:tribunal_fees_helpwithfeesapplication_changelist") + "?queue=to_decide"
        ),
        "who": "staff",
    },
    {
        "name": "tribunal fees: evidence checks",
        "path": lambda: (
            reverse("admin:tribunal_fees_helpwithfeesapplication_changelist") + "?queue=evidence"
        ),
        "who": "staff",
    },
    {
        "name": "tribunal fees: payment exceptions",
        "path": lambda: reverse("admin:tribunal_fees_feecase_changelist") + "?exception=uncertain",
        "who": "staff",
    },
    {
        "name": "tribunal fees: refunds to check",
        "path": lambda: (
            reverse("admin:tribunal_fees_refundapplication_changelist") + "?status__exact=submitted"
        ),
        "who": "staff",
    },
]
