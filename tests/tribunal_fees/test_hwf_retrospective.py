"""Retrospective Help with Fees: a fee paid in the last 3 months, then a refund of what the
decision remits, through the refund queue (check, approve by another caseworker, issue)."""

import datetime as dt

import pytest
import time_machine

from digital_services.notifications.models import OutboundMessage
from digital_services.payments.models import Payment
from digital_services.payments.sandbox import sandbox_card_submit, sandbox_payment_confirm
from digital_services.payments.services import payment_refresh
from tribunal_fees import services
from tribunal_fees.constants import FeeCaseStatus, RefundStatus
from tribunal_fees.models import RefundApplication
from tribunal_fees.remission import hwf_retrospective_last_day

from .factories import FeeCaseFactory, PaidFeeCaseFactory

pytestmark = pytest.mark.django_db

ANSWERS = services.HwfAnswers(
    applicant_name="Alex Applicant",
    applicant_date_of_birth=dt.date(1980, 1, 1),
    capital_pence=100_000,
    gross_monthly_income_pence=118_500,  # 2013 scheme: pays £50 of the £160 fee
)
BANK = {
    "refund_account_name": "A Applicant",
    "refund_bank_name": "Example Bank",
    "refund_account_number": "0073 3445",
    "refund_sort_code": "30-94-30",
}
PAID_AT = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)


def _with(**changes):
    return services.HwfAnswers(**{**ANSWERS.__dict__, **changes})


@pytest.mark.parametrize(
    ("paid_on", "last_day"),
    [
        (dt.date(2026, 3, 10), dt.date(2026, 6, 10)),
        (dt.date(2025, 11, 30), dt.date(2026, 2, 28)),
        (dt.date(2027, 11, 30), dt.date(2028, 2, 29)),
        (dt.date(2026, 10, 31), dt.date(2027, 1, 31)),
    ],
)
def test_the_last_day_is_3_calendar_months_after_paying(paid_on, last_day):
    assert hwf_retrospective_last_day(paid_on) == last_day


def test_a_fee_paid_3_months_less_a_day_ago_is_accepted():
    fee_case = PaidFeeCaseFactory(paid_at=PAID_AT)
    with time_machine.travel(dt.datetime(2026, 6, 9, 12, 0, tzinfo=dt.UTC), tick=False):
        application = services.hwf_application_submit(
            fee_case=fee_case, answers=_with(**BANK), user=fee_case.user
        )
    assert application.fee_already_paid
    assert (application.refund_account_number, application.refund_sort_code) == (
        "00733445",
        "309430",
    )
    fee_case.refresh_from_db()
    assert fee_case.status == FeeCaseStatus.PAID  # a paid fee does not change status
    sent = OutboundMessage.objects.get(template_key="tribunal_fees.hwf_submitted")
    assert "You have already paid this fee" in sent.personalisation["while_we_decide"]


def test_a_fee_paid_3_months_and_a_day_ago_is_refused_saying_why():
    fee_case = PaidFeeCaseFactory(paid_at=PAID_AT)
    with time_machine.travel(dt.datetime(2026, 6, 11, 12, 0, tzinfo=dt.UTC), tick=False):
        with pytest.raises(services.InvalidRequest) as refused:
            services.hwf_application_submit(
                fee_case=fee_case, answers=_with(**BANK), user=fee_case.user
            )
    message = refused.value.errors["reference"]
    assert "more than 3 months ago" in message and "10 June 2026" in message
    assert not fee_case.hwf_applications.exists()


def test_a_fee_not_paid_by_card_here_needs_bank_details():
    fee_case = PaidFeeCaseFactory()
    with pytest.raises(services.InvalidRequest) as refused:
        services.hwf_application_submit(fee_case=fee_case, answers=ANSWERS)
    assert set(refused.value.errors) == {
        "refund_account_name",
        "refund_bank_name",
        "refund_account_number",
        "refund_sort_code",
    }


def _four_eyes(refund, caseworker, second_caseworker, method):
    refund = services.refund_application_check(application=refund, actor=caseworker)
    with pytest.raises(services.FourEyesRuleBroken):
        services.refund_application_approve(application=refund, actor=caseworker)
    refund = services.refund_application_approve(application=refund, actor=second_caseworker)
    return services.refund_application_issue(
        application=refund, actor=second_caseworker, method=method
    )


@pytest.mark.parametrize(
    ("outcome", "to_pay", "refunded"),
    [("full", None, 16_000), ("part", 5_000, 11_000), ("part", 12_345, 3_655)],
)
def test_a_decision_on_a_paid_fee_refunds_the_remitted_amount_by_bank_transfer(
    caseworker, second_caseworker, outcome, to_pay, refunded
):
    fee_case = PaidFeeCaseFactory()
    application = services.hwf_application_submit(fee_case=fee_case, answers=_with(**BANK))
    services.hwf_application_decide(
        application=application,
        actor=caseworker,
        outcome=outcome,
        amount_to_pay_pence=to_pay,
        override_reason="Checked the evidence",
    )
    refund = application.refund
    assert (refund.status, refund.fees_pence, refund.fee_case) == (
        RefundStatus.SUBMITTED,
        refunded,
        fee_case,
    )
    assert (refund.account_number, refund.sort_code) == ("00733445", "309430")
    fee_case.refresh_from_db()
    assert (fee_case.status, fee_case.remission_pence) == (FeeCaseStatus.PAID, 0)
    decided = OutboundMessage.objects.get(template_key="tribunal_fees.hwf_decided")
    assert "refund the difference" in decided.personalisation["next_step"]

    refund = _four_eyes(refund, caseworker, second_caseworker, "bank_transfer")
    assert refund.status == RefundStatus.ISSUED
    assert (refund.approved_by, refund.checked_by) == (second_caseworker, caseworker)
    assert (refund.interest_pence, refund.total_pence, refund.bank_transfer_pence) == (
        0,
        refunded,
        refunded,
    )
    assert refund.card_refund_pence == 0


def test_no_help_on_a_paid_fee_makes_no_refund(caseworker):
    fee_case = PaidFeeCaseFactory()
    application = services.hwf_application_submit(fee_case=fee_case, answers=_with(**BANK))
    services.hwf_application_decide(
        application=application, actor=caseworker, outcome="none", override_reason="Over"
    )
    assert not RefundApplication.objects.filter(hwf_application=application).exists()
    decided = OutboundMessage.objects.get(template_key="tribunal_fees.hwf_decided")
    assert "nothing to refund" in decided.personalisation["next_step"]


def test_a_fee_paid_by_card_here_is_refunded_to_the_card(
    caseworker, second_caseworker, django_capture_on_commit_callbacks
):
    fee_case = FeeCaseFactory()
    services.fee_case_payment_start(fee_case=fee_case)
    payment = Payment.objects.get()
    sandbox_card_submit(payment_id=payment.provider_payment_id, card_number="4444333322221111")
    sandbox_payment_confirm(payment_id=payment.provider_payment_id)
    with django_capture_on_commit_callbacks(execute=True):
        payment_refresh(payment=payment)
    fee_case.refresh_from_db()
    assert fee_case.status == FeeCaseStatus.PAID

    application = services.hwf_application_submit(fee_case=fee_case, answers=ANSWERS)  # no bank
    assert application.refund_account_number == ""
    services.hwf_application_decide(application=application, actor=caseworker)  # part: pays £50
    refund = _four_eyes(application.refund, caseworker, second_caseworker, "card")

    assert refund.card_refund_pence == refund.payments_refund.amount_pence == 11_000
    assert refund.payments_refund.payment == payment
    assert (refund.interest_pence, refund.bank_transfer_pence) == (0, 0)


def test_caseworkers_decide_and_refund_through_the_admin(client, caseworker, second_caseworker):
    from django.urls import reverse

    from tests.conftest import sign_in

    fee_case = PaidFeeCaseFactory()
    application = services.hwf_application_submit(fee_case=fee_case, answers=_with(**BANK))
    sign_in(client, caseworker, second_factor=True)
    decide = reverse("admin:tribunal_fees_helpwithfeesapplication_decide", args=[application.pk])
    assert "the fee stays paid" in client.get(decide).content.decode()
    decided = client.post(decide, {"outcome": "full", "override_reason": "Benefits checked"})
    assert decided.status_code == 302
    refund = RefundApplication.objects.get(hwf_application=application)
    assert refund.fees_pence == 16_000

    page = client.get(reverse("admin:tribunal_fees_refundapplication_change", args=[refund.pk]))
    assert application.reference in page.content.decode()
    action = "admin:tribunal_fees_refundapplication_{}"
    assert client.post(reverse(action.format("check"), args=[refund.pk])).status_code == 302
    client.post(reverse(action.format("approve"), args=[refund.pk]))
    refund.refresh_from_db()
    assert refund.status == RefundStatus.CHECKED  # the checker cannot approve
    sign_in(client, second_caseworker, second_factor=True)
    assert client.post(reverse(action.format("approve"), args=[refund.pk])).status_code == 302
    issued = client.post(
        reverse(action.format("issue"), args=[refund.pk]), {"method": "bank_transfer"}
    )
    assert issued.status_code == 302
    refund.refresh_from_db()
    assert (refund.status, refund.total_pence, refund.interest_pence) == (
        RefundStatus.ISSUED,
        16_000,
        0,
    )


def test_the_applicant_sees_the_refund_on_their_application(client, caseworker):
    from django.urls import reverse

    from tests.conftest import sign_in

    fee_case = PaidFeeCaseFactory()
    application = services.hwf_application_submit(fee_case=fee_case, answers=_with(**BANK))
    sign_in(client, fee_case.user)
    url = reverse("tribunal_fees:hwf-detail", args=[application.reference])
    assert "we refund what it covers into the bank account you gave us" in (
        client.get(url).content.decode()
    )
    services.hwf_application_decide(application=application, actor=caseworker)  # pays £50
    page = client.get(url).content.decode()
    assert "We will refund £110.00 into the bank account you gave us" in page
    assert "You still need to pay" not in page
