"""Refund applications: submit, check → approve (four eyes) → issue / reject."""

import datetime as dt

import pytest

from digital_services.audit.models import AuditEvent
from digital_services.notifications.models import OutboundMessage
from digital_services.payments.models import Payment
from digital_services.payments.sandbox import sandbox_card_submit, sandbox_payment_confirm
from digital_services.payments.services import payment_refresh
from tribunal_fees import services
from tribunal_fees.constants import REFUND_TRANSITIONS, RefundStatus

from .factories import (
    REFUND_FACTORY_FOR_STATUS,
    ApprovedRefundApplicationFactory,
    CheckedRefundApplicationFactory,
    FeeCaseFactory,
    RefundApplicationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def answers(**overrides):
    values = {
        "profile": "paid_myself",
        "full_name": "Robin Refund",
        "date_of_birth": dt.date(1975, 2, 3),
        "email": "robin@example.com",
        "address": "2 High Street",
        "respondent_name": "Acme Ltd",
        "et_case_number": "1800123/2015",
        "fees": (
            services.RefundFeeAnswer(
                kind="et_issue", amount_pence=25000, method="card", paid_month=3, paid_year=2015
            ),
            services.RefundFeeAnswer(
                kind="et_hearing", amount_pence=95000, method="cheque", paid_month=9, paid_year=2015
            ),
        ),
        "account_name": "R Refund",
        "bank_name": "Bank",
        "account_number": "0073 3445",
        "sort_code": "30-94-30",
        "declaration": True,
    }
    values.update(overrides)
    return services.RefundAnswers(**values)


def test_submitting_gives_sequential_c_references_and_normalises_bank_details():
    first = services.refund_application_submit(answers=answers(), user=UserFactory())
    second = services.refund_application_submit(answers=answers())
    assert first.reference == f"C{1_000_000 + first.pk}"
    assert int(second.reference[1:]) == int(first.reference[1:]) + 1
    assert len(first.reference) == 8
    assert (first.sort_code, first.account_number) == ("309430", "00733445")
    assert first.fees_pence == 120000
    assert first.fees.count() == 2
    assert OutboundMessage.objects.filter(template_key="tribunal_fees.refund_submitted").exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"sort_code": "30943"}, "sort_code"),
        ({"account_number": "1234567"}, "account_number"),
        ({"declaration": False}, "declaration"),
        ({"fees": ()}, "fees"),
        (
            {"fees": (services.RefundFeeAnswer(kind="et_issue", amount_pence=0, method="card"),)},
            "fees-et_issue",
        ),
        (
            {
                "fees": (
                    services.RefundFeeAnswer(
                        kind="et_issue",
                        amount_pence=100,
                        method="card",
                        paid_month=6,
                        paid_year=2013,
                    ),
                )
            },
            "fees-et_issue",
        ),
        (
            {
                "fees": (
                    services.RefundFeeAnswer(
                        kind="et_issue", amount_pence=100, method="card", paid_month=3
                    ),
                )
            },
            "fees-et_issue",
        ),
        ({"et_case_number": "12/2015"}, "et_case_number"),
        ({"et_case_number": ""}, "et_case_number"),
        ({"eat_case_number": "UKEAT/1/16/1", "et_case_number": ""}, "eat_case_number"),
        ({"full_name": " "}, "full_name"),
    ],
)
def test_submitting_refuses_bad_answers_with_a_message_per_field(overrides, field):
    with pytest.raises(services.InvalidRequest) as error:
        services.refund_application_submit(answers=answers(**overrides))
    assert field in error.value.errors


def test_a_fee_paid_month_unknown_is_accepted_but_blocks_the_check(caseworker):
    application = services.refund_application_submit(
        answers=answers(
            fees=(services.RefundFeeAnswer(kind="et_issue", amount_pence=25000, method="unknown"),)
        )
    )
    with pytest.raises(services.InvalidRequest):
        services.refund_application_check(application=application, actor=caseworker)


def test_the_checker_cannot_approve_their_own_check(caseworker):
    application = RefundApplicationFactory()
    services.refund_application_check(application=application, actor=caseworker)
    with pytest.raises(services.FourEyesRuleBroken):
        services.refund_application_approve(application=application, actor=caseworker)
    application.refresh_from_db()
    assert application.status == RefundStatus.CHECKED
    assert AuditEvent.objects.filter(action="refund_application.approval_refused").exists()


def test_a_second_caseworker_approves(caseworker, second_caseworker):
    application = RefundApplicationFactory()
    services.refund_application_check(application=application, actor=caseworker)
    application = services.refund_application_approve(
        application=application, actor=second_caseworker
    )
    assert application.status == RefundStatus.APPROVED
    assert (application.checked_by, application.approved_by) == (caseworker, second_caseworker)
    assert application.approved_at is not None


def test_issuing_by_bank_transfer_adds_simple_interest(caseworker):
    application = ApprovedRefundApplicationFactory()  # £250 paid March 2015
    application = services.refund_application_issue(
        application=application,
        actor=caseworker,
        method="bank_transfer",
        on_date=dt.date(2016, 3, 1),
    )
    # 1 March 2015 to 1 March 2016 is 366 days: 25000 × 0.5% × 366/365 = 125.34p → 125p
    assert (application.fees_pence, application.interest_pence, application.total_pence) == (
        25000,
        125,
        25125,
    )
    assert application.bank_transfer_pence == 25125
    assert application.card_refund_pence == 0
    assert application.status == RefundStatus.ISSUED
    assert application.issued_by == caseworker
    message = OutboundMessage.objects.get(template_key="tribunal_fees.refund_issued")
    assert message.personalisation["total"] == "£251.25"


def test_issuing_to_the_card_refunds_through_the_payments_app(
    caseworker, django_capture_on_commit_callbacks
):
    fee_case = FeeCaseFactory()
    services.fee_case_payment_start(fee_case=fee_case)
    payment = Payment.objects.get()
    sandbox_card_submit(payment_id=payment.provider_payment_id, card_number="4444333322221111")
    sandbox_payment_confirm(payment_id=payment.provider_payment_id)
    with django_capture_on_commit_callbacks(execute=True):
        payment_refresh(payment=payment)
    application = ApprovedRefundApplicationFactory(
        fee_case=fee_case,
        fees=[
            {
                "kind": "et_issue",
                "amount_pence": 16000,
                "paid_month": 3,
                "paid_year": 2016,
                "method": "card",
            }
        ],
    )
    application = services.refund_application_issue(
        application=application, actor=caseworker, method="card", on_date=dt.date(2017, 3, 1)
    )
    assert application.card_refund_pence == 16000
    assert application.payments_refund.amount_pence == 16000
    assert application.payments_refund.payment == payment
    assert application.bank_transfer_pence == application.interest_pence > 0


def test_a_card_refund_needs_a_card_payment_made_here(caseworker):
    with pytest.raises(services.InvalidRequest):
        services.refund_application_issue(
            application=ApprovedRefundApplicationFactory(), actor=caseworker, method="card"
        )


def test_rejecting_needs_a_reason(caseworker):
    with pytest.raises(services.InvalidRequest):
        services.refund_application_reject(
            application=CheckedRefundApplicationFactory(), actor=caseworker, reason=" "
        )


def test_rejecting_tells_the_applicant_why(caseworker):
    application = services.refund_application_reject(
        application=CheckedRefundApplicationFactory(), actor=caseworker, reason="Already reimbursed"
    )
    assert application.status == RefundStatus.REJECTED
    message = OutboundMessage.objects.get(template_key="tribunal_fees.refund_rejected")
    assert message.personalisation["reason"] == "Already reimbursed"


def _act(target, application, actor):
    if target == RefundStatus.CHECKED:
        return services.refund_application_check(application=application, actor=actor)
    if target == RefundStatus.APPROVED:
        return services.refund_application_approve(application=application, actor=actor)
    if target == RefundStatus.ISSUED:
        return services.refund_application_issue(
            application=application, actor=actor, method="bank_transfer"
        )
    return services.refund_application_reject(application=application, actor=actor, reason="No")


@pytest.mark.parametrize("source", list(RefundStatus))
@pytest.mark.parametrize("target", [s for s in RefundStatus if s != RefundStatus.SUBMITTED])
def test_refund_transitions_from_every_status(caseworker, source, target):
    application = REFUND_FACTORY_FOR_STATUS[source]()
    if target in REFUND_TRANSITIONS[source]:
        assert _act(target, application, caseworker).status == target
    else:
        with pytest.raises(services.TransitionNotAllowed):
            _act(target, application, caseworker)
