from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from digital_services.celery import app as celery_app
from digital_services.payments import tasks
from digital_services.payments.constants import PaymentStatus
from digital_services.payments.models import Payment
from digital_services.payments.sandbox import sandbox_card_submit, sandbox_payment_confirm

pytestmark = pytest.mark.django_db


def test_reconcile_expires_payments_the_user_never_came_back_to(start, other_case):
    now = timezone.now()
    with time_machine.travel(now - timedelta(minutes=95), tick=False):
        start()  # abandoned on the card page
        start(for_case=other_case)  # paid, but the browser never came back
    paid = Payment.objects.get(object_id=str(other_case.pk))
    with time_machine.travel(now - timedelta(minutes=80), tick=False):
        sandbox_card_submit(payment_id=paid.provider_payment_id, card_number="4444333322221111")
        sandbox_payment_confirm(payment_id=paid.provider_payment_id)

    result = tasks.payments_reconcile_task.run()

    abandoned = Payment.objects.exclude(pk=paid.pk).get()
    paid.refresh_from_db()
    assert (abandoned.status, abandoned.failure_code) == (PaymentStatus.FAILED, "P0020")
    assert paid.status == PaymentStatus.SUCCESS
    assert result == {"checked": 2, "finished": 2, "unavailable": 0, "refunds_checked": 0}


def test_reconcile_leaves_payments_younger_than_90_minutes_alone(start):
    with time_machine.travel(timezone.now() - timedelta(minutes=80), tick=False):
        start()

    result = tasks.payments_reconcile_task.run()

    assert result["checked"] == 0
    assert Payment.objects.get().status == PaymentStatus.CREATED


def test_reconcile_ends_a_payment_whose_create_call_never_answered(start, govuk_pay):
    govuk_pay.fail_next(503)
    with time_machine.travel(timezone.now() - timedelta(minutes=95), tick=False):
        with pytest.raises(Exception, match="503"):
            start()
    payment = Payment.objects.get()
    assert payment.provider_payment_id == ""

    tasks.payments_reconcile_task.run()

    payment.refresh_from_db()
    assert (payment.status, payment.failure_code) == (PaymentStatus.FAILED, "P0020")


def test_reconcile_counts_an_outage_and_carries_on(start, govuk_pay, other_case):
    with time_machine.travel(timezone.now() - timedelta(minutes=95), tick=False):
        start()
        start(for_case=other_case)
    govuk_pay.fail_next(500)

    result = tasks.payments_reconcile_task.run()

    assert result["checked"] == 2 and result["unavailable"] == 1
    assert Payment.objects.filter(status=PaymentStatus.CREATED).count() == 2


def test_the_refresh_task_returns_quietly_for_a_payment_that_is_gone():
    assert tasks.payment_refresh_task.run(987654) == "gone"


def test_the_reconcile_job_is_in_the_beat_schedule():
    celery_app.finalize()
    entry = tasks.BEAT_SCHEDULE["payments-reconcile"]
    assert entry["task"] == "payments.reconcile"
    assert entry["schedule"] <= 30 * 60
    assert celery_app.conf.beat_schedule["payments-reconcile"]["task"] == "payments.reconcile"
    assert "payments.reconcile" in celery_app.tasks
    assert "payments.refresh" in celery_app.tasks
