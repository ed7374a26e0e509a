"""A service takes money only for the purposes its registry entry declares."""

import pytest

from digital_services.core.registry import service_for_app
from digital_services.payments.models import Payment
from digital_services.payments.services import PaymentNotAllowed

pytestmark = pytest.mark.django_db


def test_every_purpose_tribunal_fees_declares_can_be_paid_for(start):
    for purpose in service_for_app("tribunal_fees").payment_purposes:
        start(purpose=purpose)

    assert Payment.objects.count() == len(service_for_app("tribunal_fees").payment_purposes)


def test_a_purpose_the_service_does_not_declare_is_refused(start):
    with pytest.raises(PaymentNotAllowed, match="declares no payment purpose 'parking-fine'"):
        start(purpose="parking-fine")

    assert not Payment.objects.exists()


def test_a_service_that_declares_no_purposes_takes_no_payments(start):
    with pytest.raises(PaymentNotAllowed, match="Book a prison visit declares no payment purpose"):
        start(service="prison_visits", purpose="issue-fee")
