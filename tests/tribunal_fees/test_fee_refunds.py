"""Issue #19, "Refunds of current fees": a fee paid through this service twice or in error
is refunded through payments, to the card used or by bank transfer, after a check and an
approval by a different caseworker (four eyes), without interest."""

import pytest
from django.test import Client
from django.urls import reverse

from digital_services.payments.models import Payment
from digital_services.payments.sandbox import sandbox_card_submit, sandbox_payment_confirm
from digital_services.payments.services import payment_refresh
from tests.conftest import sign_in
from tribunal_fees import services
from tribunal_fees.constants import FeeCaseStatus, RefundStatus
from tribunal_fees.models import RefundApplication

from .factories import FeeCaseFactory, PaidFeeCaseFactory, UserFactory

pytestmark = pytest.mark.django_db

BANK = {
    "account_name": "Sam Example",
    "bank_name": "Example Bank",
    "sort_code": "30-94-30",
    "account_number": "00733445",
}


def _paid_by_card(django_capture_on_commit_callbacks, **kwargs):
    fee_case = FeeCaseFactory(**kwargs)
    services.fee_case_payment_start(fee_case=fee_case)
    payment = Payment.objects.get()
    sandbox_card_submit(payment_id=payment.provider_payment_id, card_number="4444333322221111")
    sandbox_payment_confirm(payment_id=payment.provider_payment_id)
    with django_capture_on_commit_callbacks(execute=True):
        payment_refresh(payment=payment)
    fee_case.refresh_from_db()
    assert fee_case.status == FeeCaseStatus.PAID
    return fee_case, payment


def test_a_fee_paid_twice_by_card_goes_back_to_the_card_after_four_eyes(
    caseworker, second_caseworker, django_capture_on_commit_callbacks
):
    fee_case, payment = _paid_by_card(django_capture_on_commit_callbacks)
    refund = services.fee_case_refund_start(
        fee_case=fee_case, actor=caseworker, reason="paid_twice", amount_pence=fee_case.fee_pence
    )
    assert (refund.status, refund.fee_refund_reason, refund.fees_pence) == (
        RefundStatus.SUBMITTED,
        "paid_twice",
        fee_case.fee_pence,
    )
    assert refund.account_number == ""  # a card refund needs no bank details
    services.refund_application_check(application=refund, actor=caseworker)
    with pytest.raises(services.FourEyesRuleBroken):
        services.refund_application_approve(application=refund, actor=caseworker)
    services.refund_application_approve(application=refund, actor=second_caseworker)
    refund = services.refund_application_issue(
        application=refund, actor=second_caseworker, method="card"
    )
    assert (refund.interest_pence, refund.card_refund_pence, refund.bank_transfer_pence) == (
        0,
        fee_case.fee_pence,
        0,
    )
    assert refund.payments_refund.payment == payment


def test_a_fee_not_paid_by_card_here_needs_bank_details_and_goes_by_bank_transfer(caseworker):
    fee_case = PaidFeeCaseFactory()  # a part payment recorded by a caseworker: no card payment
    with pytest.raises(services.InvalidRequest) as refused:
        services.fee_case_refund_start(
            fee_case=fee_case, actor=caseworker, reason="paid_in_error", amount_pence=100
        )
    assert {"account_name", "bank_name", "sort_code", "account_number"} <= set(refused.value.errors)
    refund = services.fee_case_refund_start(
        fee_case=fee_case,
        actor=caseworker,
        reason="paid_in_error",
        amount_pence=100,
        **BANK,
    )
    assert (refund.sort_code, refund.account_number) == ("309430", "00733445")
    assert services.refund_interest_for(refund, refunded_on=fee_case.paid_at.date()) == 0


@pytest.mark.parametrize(("amount", "ok"), [(0, False), (1, True), (16_000, True), (16_001, False)])
def test_the_amount_is_between_1p_and_what_was_paid(caseworker, amount, ok):
    fee_case = PaidFeeCaseFactory(amount_paid_pence=16_000)
    start = lambda: services.fee_case_refund_start(  # noqa: E731
        fee_case=fee_case, actor=caseworker, reason="paid_twice", amount_pence=amount, **BANK
    )
    if ok:
        assert start().fees_pence == amount
    else:
        with pytest.raises(services.InvalidRequest) as refused:
            start()
        assert "£160.00" in refused.value.errors["amount"]


def test_refunds_under_way_are_taken_off_what_is_left_and_rejected_ones_are_not(
    caseworker,
):
    fee_case = PaidFeeCaseFactory(amount_paid_pence=16_000)
    first = services.fee_case_refund_start(
        fee_case=fee_case, actor=caseworker, reason="paid_twice", amount_pence=10_000, **BANK
    )
    assert services.fee_case_refundable_pence(fee_case) == 6_000
    with pytest.raises(services.InvalidRequest):
        services.fee_case_refund_start(
            fee_case=fee_case, actor=caseworker, reason="paid_twice", amount_pence=6_001, **BANK
        )
    services.refund_application_reject(application=first, actor=caseworker, reason="Not twice")
    assert services.fee_case_refundable_pence(fee_case) == 16_000


@pytest.mark.parametrize("status", ["unpaid", "paid_elsewhere", "remitted"])
def test_only_a_fee_paid_through_this_service_is_refunded_this_way(caseworker, status):
    from .factories import FEE_CASE_FACTORY_FOR_STATUS

    fee_case = FEE_CASE_FACTORY_FOR_STATUS[status]()
    with pytest.raises(services.InvalidRequest):
        services.fee_case_refund_start(
            fee_case=fee_case, actor=caseworker, reason="paid_twice", amount_pence=100, **BANK
        )
    assert not RefundApplication.objects.exists()


def test_a_caseworker_starts_the_refund_from_the_fee_in_the_admin_and_the_payer_sees_it(
    client, caseworker, other_service_caseworker
):
    payer = UserFactory()
    fee_case = PaidFeeCaseFactory(user=payer, amount_paid_pence=14_000)
    staff = Client()
    sign_in(staff, other_service_caseworker, second_factor=True)
    url = reverse("admin:tribunal_fees_feecase_refund", args=[fee_case.pk])
    assert staff.get(url).status_code == 403
    sign_in(staff, caseworker, second_factor=True)
    change = staff.get(reverse("admin:tribunal_fees_feecase_change", args=[fee_case.pk]))
    assert url in change.content.decode()
    bad = staff.post(url, {"reason": "paid_twice", "amount": "141", **BANK})
    assert bad.status_code == 200
    assert "between £0.01 and £140.00" in bad.content.decode()
    assert staff.post(url, {"reason": "paid_twice", "amount": "140", **BANK}).status_code == 302
    refund = RefundApplication.objects.get()
    assert (refund.fees_pence, refund.user) == (14_000, payer)

    sign_in(client, payer)
    page = client.get(reverse("tribunal_fees:refund-detail", args=[refund.reference]))
    text = page.content.decode()
    assert "Refund of a tribunal fee" in text
    assert "The fee was paid twice" in text
    assert "do not include interest" in text
    assert "employment tribunal" not in text
    listed = client.get(reverse("accounts:your-applications")).content.decode()
    assert "Refund of a tribunal fee: the fee was paid twice" in listed
