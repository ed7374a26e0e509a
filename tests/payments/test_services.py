import threading
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from digital_services.audit.models import AuditEvent
from digital_services.payments import services
from digital_services.payments.constants import (
    FINISHED_STATUSES,
    PAYMENT_TRANSITIONS,
    FailureCode,
    PaymentStatus,
)
from digital_services.payments.models import Payment, SandboxPayment
from digital_services.payments.sandbox import (
    sandbox_card_submit,
    sandbox_payment_confirm,
    sandbox_payment_user_cancel,
)

from .factories import FACTORY_FOR_STATUS

pytestmark = pytest.mark.django_db


def _pay(payment_id, card="4444333322221111", confirm=True):
    sandbox_card_submit(payment_id=payment_id, card_number=card)
    if confirm:
        sandbox_payment_confirm(payment_id=payment_id)


def test_payment_start_creates_a_payment_and_sends_the_user_to_the_card_page(start, case):
    url = start()

    payment = Payment.objects.get()
    assert url == f"http://testserver/payments/sandbox/{payment.provider_payment_id}/"
    assert payment.for_case == case
    assert payment.status == PaymentStatus.CREATED
    assert payment.amount_pence == 16000
    assert payment.provider == "sandbox"
    assert payment.service == "tribunal_fees"
    assert len(payment.return_token) >= 40
    assert payment.next_url == url
    sandbox = SandboxPayment.objects.get()
    assert sandbox.return_url == f"http://testserver/payments/return/{payment.return_token}/"
    assert sandbox.reference == payment.provider_reference
    assert payment.provider_reference.startswith(f"{payment.reference}-")
    assert AuditEvent.objects.filter(action="payment.created", object_id=str(payment.pk)).exists()


def test_payment_start_service_defaults_to_the_case_app(start):
    start(service=None)
    assert Payment.objects.get().service == "accounts"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"amount_pence": 0}, "smallest amount"),
        ({"amount_pence": 10_000_001}, "largest amount"),
        ({"amount_pence": 160.0}, "whole number"),
        ({"reference": ""}, "reference"),
        ({"reference": "R" * 249}, "reference"),
        ({"description": ""}, "description"),
        ({"purpose": ""}, "purpose"),
        ({"remitted_pence": -1}, "remitted"),
    ],
)
def test_payment_start_refuses_bad_input(start, overrides, message):
    with pytest.raises(services.PaymentNotAllowed, match=message):
        start(**overrides)
    assert not Payment.objects.exists()


def test_payment_start_twice_resumes_the_same_payment_double_click(start):
    first = start()
    second = start()

    assert first == second
    assert Payment.objects.count() == 1
    assert SandboxPayment.objects.count() == 1


def test_payment_start_resumes_a_started_payment_without_a_new_one(start):
    start()
    payment = Payment.objects.get()
    services.payment_refresh(payment=payment)
    from digital_services.payments.sandbox import sandbox_payment_open

    sandbox_payment_open(payment_id=payment.provider_payment_id)

    url = start()

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.STARTED
    assert url.endswith(f"/payments/sandbox/{payment.provider_payment_id}/")
    assert Payment.objects.count() == 1


def test_payment_start_after_success_reports_it_instead_of_charging_again(start):
    start()
    payment = Payment.objects.get()
    _pay(payment.provider_payment_id)

    url = start()

    assert url == f"/payments/return/{payment.return_token}/"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCESS
    assert Payment.objects.count() == 1
    assert SandboxPayment.objects.count() == 1


def test_payment_start_after_a_decline_creates_a_new_attempt_with_a_new_reference(start):
    start()
    first = Payment.objects.get()
    _pay(first.provider_payment_id, card="4000000000000002", confirm=False)

    url = start()

    first.refresh_from_db()
    assert first.status == PaymentStatus.FAILED
    assert first.failure_code == FailureCode.REJECTED
    second = Payment.objects.exclude(pk=first.pk).get()
    assert second.status == PaymentStatus.CREATED
    assert second.provider_reference != first.provider_reference
    assert url.endswith(f"/payments/sandbox/{second.provider_payment_id}/")


def test_payments_for_different_cases_or_purposes_are_separate(start, other_case):
    start()
    start(for_case=other_case)
    start(purpose="hearing-fee")
    assert Payment.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_two_tabs_starting_at_the_same_moment_make_one_payment(start, case):
    barrier = threading.Barrier(2)
    urls, errors = [], []

    def tab():
        try:
            barrier.wait(timeout=5)
            urls.append(start(for_case=case))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=tab) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert len(urls) == 2 and urls[0] == urls[1]
    assert Payment.objects.count() == 1
    assert SandboxPayment.objects.count() == 1


def test_the_database_refuses_a_second_live_payment_for_the_same_case_and_purpose(case):
    from django.db import IntegrityError

    from .factories import PaymentFactory

    PaymentFactory(case=case)
    with pytest.raises(IntegrityError):
        PaymentFactory(case=case, status=PaymentStatus.SUCCESS)


@pytest.mark.parametrize("source", list(PaymentStatus))
@pytest.mark.parametrize("target", list(PaymentStatus))
def test_payment_transition_allows_only_the_moves_pay_allows(source, target):
    payment = FACTORY_FOR_STATUS[source]()
    allowed = target in PAYMENT_TRANSITIONS[source]

    if allowed:
        services._payment_transition(payment=payment, to=target, failure_code="P0010")
        payment.refresh_from_db()
        assert payment.status == target
        assert (payment.finished_at is not None) == (target in FINISHED_STATUSES)
        assert payment.failure_code == ("P0010" if target in FINISHED_STATUSES else "")
        assert AuditEvent.objects.filter(
            action=f"payment.{target}", object_id=str(payment.pk)
        ).exists()
    else:
        with pytest.raises(services.TransitionNotAllowed):
            services._payment_transition(payment=payment, to=target)
        payment.refresh_from_db()
        assert payment.status == source


@pytest.mark.parametrize(
    ("card", "confirm", "status", "code", "brand"),
    [
        ("4444333322221111", True, PaymentStatus.SUCCESS, "", "Visa"),
        ("5555555555554444", True, PaymentStatus.SUCCESS, "", "Mastercard"),
        ("4444333322221111", False, PaymentStatus.SUBMITTED, "", "Visa"),
        ("4000000000000002", False, PaymentStatus.FAILED, FailureCode.REJECTED, "Visa"),
        ("4000000000000069", False, PaymentStatus.FAILED, FailureCode.REJECTED, "Visa"),
        ("4000000000000119", False, PaymentStatus.ERROR, FailureCode.PROVIDER_ERROR, "Visa"),
    ],
)
def test_payment_refresh_takes_the_outcome_from_the_provider(
    start, card, confirm, status, code, brand
):
    start()
    payment = Payment.objects.get()
    _pay(payment.provider_payment_id, card=card, confirm=confirm)

    payment = services.payment_refresh(payment=payment)

    assert payment.status == status
    assert payment.failure_code == code
    assert payment.card_brand == brand
    assert payment.last_digits_card_number == card[-4:]


def test_payment_refresh_records_a_user_cancel_as_failed_p0030(start):
    start()
    payment = Payment.objects.get()
    sandbox_payment_user_cancel(payment_id=payment.provider_payment_id)

    payment = services.payment_refresh(payment=payment)

    assert (payment.status, payment.failure_code) == (PaymentStatus.FAILED, "P0030")


def test_payment_cancel_by_the_service_is_cancelled_p0040(start, case):
    start()
    payment = Payment.objects.get()

    payment = services.payment_cancel(payment=payment, actor=case)

    assert (payment.status, payment.failure_code) == (PaymentStatus.CANCELLED, "P0040")
    with pytest.raises(services.TransitionNotAllowed):
        services.payment_cancel(payment=payment, actor=case)


def test_a_payment_not_finished_after_90_minutes_expires_p0020(start):
    with time_machine.travel(timezone.now() - timedelta(minutes=91), tick=False):
        start()
    payment = Payment.objects.get()

    payment = services.payment_refresh(payment=payment)

    assert (payment.status, payment.failure_code) == (PaymentStatus.FAILED, "P0020")


def test_a_finished_payment_is_not_changed_by_refresh(start):
    start()
    payment = Payment.objects.get()
    _pay(payment.provider_payment_id)
    payment = services.payment_refresh(payment=payment)
    SandboxPayment.objects.update(status=PaymentStatus.FAILED, failure_code="P0010")

    payment = services.payment_refresh(payment=payment)

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCESS


def test_the_owning_service_is_told_the_outcome_once_on_commit(
    start, outcomes, django_capture_on_commit_callbacks
):
    start()
    payment = Payment.objects.get()
    _pay(payment.provider_payment_id)

    with django_capture_on_commit_callbacks(execute=True):
        services.payment_refresh(payment=payment)
        services.payment_refresh(payment=payment)

    assert outcomes == [(payment.pk, "success", "")]


def test_a_failing_outcome_handler_does_not_stop_the_payment_or_other_handlers(
    start, outcomes, django_capture_on_commit_callbacks
):
    def broken(*, payment):
        raise RuntimeError("boom")

    services.payment_outcome_register(service="tribunal_fees", handler=broken)
    try:
        start()
        payment = Payment.objects.get()
        sandbox_payment_user_cancel(payment_id=payment.provider_payment_id)
        with django_capture_on_commit_callbacks(execute=True):
            services.payment_refresh(payment=payment)
    finally:
        services.payment_outcome_unregister(service="tribunal_fees", handler=broken)

    assert outcomes == [(payment.pk, "failed", "P0030")]


def test_no_card_number_or_security_code_is_stored_anywhere(start, caplog):
    start()
    payment = Payment.objects.get()
    _pay(payment.provider_payment_id)
    services.payment_refresh(payment=payment)

    from django.db import connection as conn

    dumped = []
    for model in (Payment, SandboxPayment):
        with conn.cursor() as cursor:
            cursor.execute(f"SELECT * FROM {model._meta.db_table}")  # noqa: S608
            dumped.append(repr(cursor.fetchall()))
    assert "4444333322221111" not in "".join(dumped)
    assert "444433332222" not in "".join(dumped)
    assert "4444333322221111" not in caplog.text
