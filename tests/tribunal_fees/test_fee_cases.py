"""Fee cases: creation, card payments through the payments app, the outcome handler,
one charge per fee, the payment-uncertain path and its caseworker resolution."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from digital_services.audit.models import AuditEvent
from digital_services.core.transitions import transition_apply
from digital_services.notifications.models import OutboundMessage
from digital_services.payments.models import Payment
from digital_services.payments.sandbox import (
    sandbox_card_submit,
    sandbox_payment_confirm,
    sandbox_payment_user_cancel,
)
from digital_services.payments.services import payment_refresh, payments_reconcile
from tribunal_fees import services
from tribunal_fees.constants import FEE_CASE_TRANSITIONS, FeeCaseStatus
from tribunal_fees.fees import FeeNotFound

from .factories import FEE_CASE_FACTORY_FOR_STATUS, FeeCaseFactory, UserFactory

pytestmark = pytest.mark.django_db

GOOD = "4444333322221111"
DECLINED = "4000000000000002"
ERROR = "4000000000000119"


def _pay(fee_case, card, *, confirm=True, capture=None):
    services.fee_case_payment_start(fee_case=fee_case)
    payment = Payment.objects.get(object_id=str(fee_case.pk))
    sandbox_card_submit(payment_id=payment.provider_payment_id, card_number=card)
    if confirm and card == GOOD:
        sandbox_payment_confirm(payment_id=payment.provider_payment_id)
    with capture(execute=True):
        payment_refresh(payment=payment)
    fee_case.refresh_from_db()
    payment.refresh_from_db()
    return payment


def test_fee_case_create_looks_up_the_fee_and_decides_the_type():
    user = UserFactory()
    fee_case = services.fee_case_create(
        user=user,
        kind="hearing",
        fee_date=dt.date(2016, 2, 1),
        claimants=12,
        claim_elements=["holiday_pay", "discrimination"],
        case_number="1600123/2016",
    )
    assert fee_case.claim_type == "B"
    assert fee_case.fee_pence == 380000
    assert fee_case.amount_due_pence == 380000
    assert fee_case.status == FeeCaseStatus.UNPAID
    assert fee_case.reference.startswith("TF-")
    assert fee_case.email == user.email
    assert AuditEvent.objects.filter(action="fee_case.created", object_id=str(fee_case.pk)).exists()


@pytest.mark.parametrize(
    ("case_number", "message"),
    [
        ("", "Enter your employment tribunal case number"),
        ("123456/2016", "Enter the case number in the right format, like 1234567/2016"),
        ("1234567/16", "Enter the case number in the right format, like 1234567/2016"),
        ("1234567/2999", "Enter the case number in the right format, like 1234567/2016"),
    ],
)
def test_a_hearing_fee_needs_a_valid_case_number(case_number, message):
    with pytest.raises(services.InvalidRequest) as error:
        services.fee_case_create(
            user=None,
            kind="hearing",
            fee_date=dt.date(2016, 2, 1),
            claim_type="A",
            case_number=case_number,
        )
    assert error.value.errors["case_number"] == message


def test_fee_case_create_refuses_a_date_with_no_fee_in_force():
    with pytest.raises(FeeNotFound):
        services.fee_case_create(
            user=None, kind="issue", fee_date=dt.date(2020, 1, 1), claim_type="A"
        )


def test_a_successful_card_payment_makes_the_fee_paid_and_sends_the_receipt(
    django_capture_on_commit_callbacks,
):
    fee_case = FeeCaseFactory()
    payment = _pay(fee_case, GOOD, capture=django_capture_on_commit_callbacks)

    assert payment.status == "success"
    assert payment.service == "tribunal_fees"
    assert payment.reference == fee_case.reference
    assert payment.amount_pence == 16000
    assert fee_case.status == FeeCaseStatus.PAID
    assert fee_case.amount_paid_pence == 16000
    assert fee_case.paid_at is not None
    receipt = OutboundMessage.objects.get(template_key="tribunal_fees.fee_receipt")
    assert receipt.recipient == fee_case.email
    assert receipt.personalisation["amount_paid"] == "£160.00"
    assert AuditEvent.objects.filter(action="fee_case.paid", object_id=str(fee_case.pk)).exists()


def test_a_declined_card_leaves_the_fee_unpaid_to_try_again(django_capture_on_commit_callbacks):
    fee_case = FeeCaseFactory()
    _pay(fee_case, DECLINED, capture=django_capture_on_commit_callbacks)
    assert fee_case.status == FeeCaseStatus.UNPAID


def test_a_cancelled_payment_leaves_the_fee_unpaid(django_capture_on_commit_callbacks):
    fee_case = FeeCaseFactory()
    services.fee_case_payment_start(fee_case=fee_case)
    payment = Payment.objects.get(object_id=str(fee_case.pk))
    sandbox_payment_user_cancel(payment_id=payment.provider_payment_id)
    with django_capture_on_commit_callbacks(execute=True):
        payment_refresh(payment=payment)
    fee_case.refresh_from_db()
    assert fee_case.status == FeeCaseStatus.UNPAID


def test_a_provider_error_makes_the_payment_uncertain_and_tells_the_user(
    django_capture_on_commit_callbacks,
):
    fee_case = FeeCaseFactory()
    _pay(fee_case, ERROR, capture=django_capture_on_commit_callbacks)
    assert fee_case.status == FeeCaseStatus.PAYMENT_UNCERTAIN
    assert OutboundMessage.objects.filter(template_key="tribunal_fees.payment_uncertain").exists()


def test_the_outcome_handler_is_idempotent(django_capture_on_commit_callbacks):
    fee_case = FeeCaseFactory()
    payment = _pay(fee_case, GOOD, capture=django_capture_on_commit_callbacks)
    services.fee_case_payment_outcome(payment=payment)
    fee_case.refresh_from_db()
    assert fee_case.status == FeeCaseStatus.PAID
    assert OutboundMessage.objects.filter(template_key="tribunal_fees.fee_receipt").count() == 1


def test_a_paid_fee_cannot_be_paid_again(django_capture_on_commit_callbacks):
    fee_case = FeeCaseFactory()
    _pay(fee_case, GOOD, capture=django_capture_on_commit_callbacks)
    with pytest.raises(services.TransitionNotAllowed):
        services.fee_case_payment_start(fee_case=fee_case)
    assert Payment.objects.count() == 1


def test_a_payment_in_flight_is_resumed_not_charged_twice():
    fee_case = FeeCaseFactory()
    first = services.fee_case_payment_start(fee_case=fee_case)
    second = services.fee_case_payment_start(fee_case=fee_case)
    assert first == second
    assert Payment.objects.count() == 1
    fee_case.refresh_from_db()
    assert fee_case.status == FeeCaseStatus.PAYMENT_IN_PROGRESS


def test_after_a_declined_card_a_new_attempt_is_a_new_payment(django_capture_on_commit_callbacks):
    fee_case = FeeCaseFactory()
    _pay(fee_case, DECLINED, capture=django_capture_on_commit_callbacks)
    assert services.fee_case_payment_start(fee_case=fee_case).startswith("http://testserver/")
    assert Payment.objects.filter(object_id=str(fee_case.pk)).count() == 2


@pytest.mark.parametrize("status", list(FeeCaseStatus))
def test_fee_case_payment_start_from_every_status(status):
    fee_case = FEE_CASE_FACTORY_FOR_STATUS[status]()
    allowed = status in (
        FeeCaseStatus.UNPAID,
        FeeCaseStatus.PAYMENT_IN_PROGRESS,
        FeeCaseStatus.PAYMENT_UNCERTAIN,
    )
    if allowed:
        url = services.fee_case_payment_start(fee_case=fee_case)
        assert url.startswith("http://testserver/payments/sandbox/")
        fee_case.refresh_from_db()
        assert fee_case.status == FeeCaseStatus.PAYMENT_IN_PROGRESS
    else:
        with pytest.raises(services.TransitionNotAllowed):
            services.fee_case_payment_start(fee_case=fee_case)
        assert not Payment.objects.exists()


def test_a_user_who_never_returns_is_marked_uncertain_then_reconciled(
    django_capture_on_commit_callbacks,
):
    fee_case = FeeCaseFactory()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        services.fee_case_payment_start(fee_case=fee_case)

    with time_machine.travel(start + dt.timedelta(minutes=89), tick=False):
        assert services.fee_cases_uncertain_sweep() == 0
    with time_machine.travel(start + dt.timedelta(minutes=91), tick=False):
        assert services.fee_cases_uncertain_sweep() == 1
        fee_case.refresh_from_db()
        assert fee_case.status == FeeCaseStatus.PAYMENT_UNCERTAIN
        assert OutboundMessage.objects.filter(
            template_key="tribunal_fees.payment_uncertain"
        ).exists()
        # The payments reconcile job finds Pay expired it: no money taken, so unpaid.
        with django_capture_on_commit_callbacks(execute=True):
            payments_reconcile()
    fee_case.refresh_from_db()
    assert fee_case.status == FeeCaseStatus.UNPAID


def test_a_caseworker_marks_an_errored_payment_not_paid(
    caseworker, django_capture_on_commit_callbacks
):
    fee_case = FeeCaseFactory()
    _pay(fee_case, ERROR, capture=django_capture_on_commit_callbacks)
    services.fee_case_mark_not_paid(fee_case=fee_case, actor=caseworker, reason="Pay says P0050")
    fee_case.refresh_from_db()
    assert fee_case.status == FeeCaseStatus.UNPAID
    event = AuditEvent.objects.get(action="fee_case.unpaid", object_id=str(fee_case.pk))
    assert event.actor == caseworker


def test_a_caseworker_cannot_mark_not_paid_while_the_payment_is_unfinished(caseworker):
    fee_case = FeeCaseFactory()
    services.fee_case_payment_start(fee_case=fee_case)
    fee_case.refresh_from_db()
    with pytest.raises(services.TransitionNotAllowed):
        services.fee_case_mark_not_paid(fee_case=fee_case, actor=caseworker, reason="x")


def test_group_remission_splits_what_the_group_pays():
    user = UserFactory()
    fee_case = services.fee_case_create(
        user=user, kind="issue", fee_date=dt.date(2016, 2, 1), claimants=5, claim_type="B"
    )
    assert fee_case.fee_pence == 50000
    fee_case = services.fee_case_group_remission_record(fee_case=fee_case, remitted_claimants=4)
    assert (fee_case.amount_due_pence, fee_case.remission_pence) == (25000, 25000)
    assert fee_case.status == FeeCaseStatus.UNPAID
    fee_case = services.fee_case_group_remission_record(fee_case=fee_case, remitted_claimants=5)
    assert fee_case.status == FeeCaseStatus.REMITTED


def test_every_fee_case_transition_not_in_the_map_is_refused():
    for source, targets in FEE_CASE_TRANSITIONS.items():
        for target in FeeCaseStatus:
            if target in targets:
                continue
            fee_case = FEE_CASE_FACTORY_FOR_STATUS[source]()
            with pytest.raises(services.TransitionNotAllowed):
                transition_apply(fee_case, to=target, action=f"fee_case.{target}")
