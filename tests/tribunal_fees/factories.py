"""One factory per state of each tribunal-fees model, so tests read "given a paid fee"."""

import datetime as dt

import factory
from django.utils import timezone

from digital_services.core.references import reference_for_number
from tribunal_fees.constants import (
    FeeCaseStatus,
    HwfOutcome,
    HwfScheme,
    HwfStatus,
    PaymentMethod,
    RefundFeeKind,
    RefundStatus,
)
from tribunal_fees.models import (
    FeeCase,
    FeeSchedule,
    HelpWithFeesApplication,
    RefundApplication,
    RefundFee,
)


def _reference(prefix: str, n: int) -> str:
    """A reference as the service makes them (a check character last), numbered from n."""
    body = reference_for_number(n, length=6)
    return f"{prefix}-{body[:3]}-{body[3:]}"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accounts.User"

    email = factory.Sequence(lambda n: f"tf-person{n}@example.com")


def _schedule(kind="issue", claim_type="A", band="1"):
    return FeeSchedule.objects.get(
        jurisdiction="ET",
        kind=kind,
        claim_type=claim_type,
        claimant_band=band,
        effective_from=dt.date(2013, 7, 29),
    )


class FeeCaseFactory(factory.django.DjangoModelFactory):
    """An unpaid Type A issue fee for one claimant, presented in 2016 (£160)."""

    class Meta:
        model = FeeCase

    reference = factory.Sequence(lambda n: _reference("TF", n))
    user = factory.SubFactory(UserFactory)
    email = factory.LazyAttribute(lambda o: o.user.email if o.user else "payer@example.com")
    kind = "issue"
    claim_type = "A"
    claim_elements = ["unpaid_wages"]
    claimants = 1
    fee_date = dt.date(2016, 5, 3)
    fee_schedule = factory.LazyAttribute(lambda o: _schedule(o.kind, o.claim_type))
    fee_pence = factory.LazyAttribute(lambda o: o.fee_schedule.amount_pence)
    amount_due_pence = factory.LazyAttribute(lambda o: o.fee_pence)
    status = FeeCaseStatus.UNPAID


class AwaitingHwfFeeCaseFactory(FeeCaseFactory):
    status = FeeCaseStatus.AWAITING_HWF


class PaymentInProgressFeeCaseFactory(FeeCaseFactory):
    status = FeeCaseStatus.PAYMENT_IN_PROGRESS


class PaymentUncertainFeeCaseFactory(FeeCaseFactory):
    status = FeeCaseStatus.PAYMENT_UNCERTAIN


class PaidFeeCaseFactory(FeeCaseFactory):
    status = FeeCaseStatus.PAID
    paid_at = factory.LazyFunction(timezone.now)
    amount_paid_pence = factory.LazyAttribute(lambda o: o.amount_due_pence)


class RemittedFeeCaseFactory(FeeCaseFactory):
    status = FeeCaseStatus.REMITTED
    amount_due_pence = 0
    remission_pence = factory.LazyAttribute(lambda o: o.fee_pence)


class PaidElsewhereFeeCaseFactory(FeeCaseFactory):
    """Paid to the tribunal outside this service, as its payer told us (by card, today)."""

    status = FeeCaseStatus.PAID_ELSEWHERE
    paid_at = factory.LazyFunction(timezone.now)
    amount_paid_pence = factory.LazyAttribute(lambda o: o.fee_pence)
    amount_due_pence = 0
    paid_elsewhere_method = "card"
    case_number = "AB/01234/2026"


FEE_CASE_FACTORY_FOR_STATUS = {
    FeeCaseStatus.UNPAID: FeeCaseFactory,
    FeeCaseStatus.AWAITING_HWF: AwaitingHwfFeeCaseFactory,
    FeeCaseStatus.PAYMENT_IN_PROGRESS: PaymentInProgressFeeCaseFactory,
    FeeCaseStatus.PAYMENT_UNCERTAIN: PaymentUncertainFeeCaseFactory,
    FeeCaseStatus.PAID: PaidFeeCaseFactory,
    FeeCaseStatus.REMITTED: RemittedFeeCaseFactory,
    FeeCaseStatus.PAID_ELSEWHERE: PaidElsewhereFeeCaseFactory,
}


class HwfApplicationFactory(factory.django.DjangoModelFactory):
    """Submitted, on a fee waiting for the decision; calculated part remission (pays £50)."""

    class Meta:
        model = HelpWithFeesApplication

    reference = factory.Sequence(lambda n: _reference("HWF", n))
    fee_case = factory.SubFactory(AwaitingHwfFeeCaseFactory)
    user = factory.LazyAttribute(lambda o: o.fee_case.user)
    applicant_name = "Alex Applicant"
    applicant_date_of_birth = dt.date(1980, 1, 1)
    capital_pence = 100_000
    gross_monthly_income_pence = 118_500
    scheme = HwfScheme.OCT_2013
    fee_pence = factory.LazyAttribute(lambda o: o.fee_case.fee_pence)
    computed_outcome = HwfOutcome.PART
    computed_amount_to_pay_pence = 5_000
    computed_route = "income"
    status = HwfStatus.SUBMITTED


class PaidElsewhereHwfApplicationFactory(HwfApplicationFactory):
    """Retrospective, on a fee paid to the tribunal outside this service: a refund would go
    to the bank account given, once evidence of payment has been checked."""

    fee_case = factory.SubFactory(PaidElsewhereFeeCaseFactory)
    fee_already_paid = True
    refund_account_name = "Alex Applicant"
    refund_bank_name = "Example Bank"
    refund_account_number = "00733445"
    refund_sort_code = "309430"


class EvidenceRequestedHwfApplicationFactory(HwfApplicationFactory):
    status = HwfStatus.EVIDENCE_REQUESTED
    evidence_note = "Your last 3 payslips"
    evidence_expires_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=28))


class DecidedPartHwfApplicationFactory(HwfApplicationFactory):
    """Decided as part remission: the fee is unpaid with £50 to pay."""

    status = HwfStatus.DECIDED
    outcome = HwfOutcome.PART
    amount_to_pay_pence = 5_000
    decided_at = factory.LazyFunction(timezone.now)
    fee_case = factory.SubFactory(FeeCaseFactory, amount_due_pence=5_000, remission_pence=11_000)


class PartPaymentRecordedHwfApplicationFactory(DecidedPartHwfApplicationFactory):
    status = HwfStatus.PART_PAYMENT_RECORDED
    part_payment_pence = 5_000
    fee_case = factory.SubFactory(PaidFeeCaseFactory, amount_due_pence=5_000)


HWF_FACTORY_FOR_STATUS = {
    HwfStatus.SUBMITTED: HwfApplicationFactory,
    HwfStatus.EVIDENCE_REQUESTED: EvidenceRequestedHwfApplicationFactory,
    HwfStatus.DECIDED: DecidedPartHwfApplicationFactory,
    HwfStatus.PART_PAYMENT_RECORDED: PartPaymentRecordedHwfApplicationFactory,
}


class RefundApplicationFactory(factory.django.DjangoModelFactory):
    """Submitted, with a £250 issue fee paid by cheque in March 2015."""

    class Meta:
        model = RefundApplication
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"C{2_000_000 + n}")
    user = factory.SubFactory(UserFactory)
    profile = "paid_myself"
    full_name = "Robin Refund"
    date_of_birth = dt.date(1975, 2, 3)
    email = factory.LazyAttribute(lambda o: o.user.email)
    address = "2 High Street\nLeeds"
    et_case_number = "1800123/2015"
    respondent_name = "Acme Ltd"
    account_name = "R Refund"
    bank_name = "Bank"
    account_number = "00733445"
    sort_code = "309430"
    declaration = True
    fees_pence = 25_000
    status = RefundStatus.SUBMITTED

    @factory.post_generation
    def fees(self, create, extracted, **kwargs):
        if not create:
            return
        for fee in (
            extracted
            if extracted is not None
            else [
                {
                    "kind": RefundFeeKind.ET_ISSUE,
                    "amount_pence": 25_000,
                    "paid_month": 3,
                    "paid_year": 2015,
                }
            ]
        ):
            RefundFee.objects.create(
                application=self, method=fee.pop("method", PaymentMethod.CHEQUE), **fee
            )


class CheckedRefundApplicationFactory(RefundApplicationFactory):
    status = RefundStatus.CHECKED
    checked_by = factory.SubFactory(UserFactory, is_staff=True)
    checked_at = factory.LazyFunction(timezone.now)


class ApprovedRefundApplicationFactory(CheckedRefundApplicationFactory):
    status = RefundStatus.APPROVED
    approved_by = factory.SubFactory(UserFactory, is_staff=True)
    approved_at = factory.LazyFunction(timezone.now)


class IssuedRefundApplicationFactory(ApprovedRefundApplicationFactory):
    status = RefundStatus.ISSUED
    issued_at = factory.LazyFunction(timezone.now)
    issue_method = "bank_transfer"
    interest_pence = 275
    total_pence = 25_275
    bank_transfer_pence = 25_275
    card_refund_pence = 0


class RejectedRefundApplicationFactory(RefundApplicationFactory):
    status = RefundStatus.REJECTED
    rejection_reason = "Fees were reimbursed by the respondent"
    rejected_at = factory.LazyFunction(timezone.now)


REFUND_FACTORY_FOR_STATUS = {
    RefundStatus.SUBMITTED: RefundApplicationFactory,
    RefundStatus.CHECKED: CheckedRefundApplicationFactory,
    RefundStatus.APPROVED: ApprovedRefundApplicationFactory,
    RefundStatus.ISSUED: IssuedRefundApplicationFactory,
    RefundStatus.REJECTED: RejectedRefundApplicationFactory,
}
