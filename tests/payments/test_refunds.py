import pytest

from digital_services.audit.models import AuditEvent
from digital_services.payments import selectors, services
from digital_services.payments.constants import PaymentStatus, RefundStatus
from digital_services.payments.models import Refund

from .factories import FACTORY_FOR_STATUS, SuccessfulPaymentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def caseworker():
    return UserFactory(is_staff=True)


def test_a_partial_refund_is_made_and_recorded_with_who_asked(caseworker):
    payment = SuccessfulPaymentFactory()

    refund = services.refund_create(
        payment=payment, amount_pence=6000, requested_by=caseworker, reason="Claim withdrawn"
    )

    assert refund.status == RefundStatus.SUCCESS
    assert refund.requested_by == caseworker
    assert refund.provider_refund_id
    assert selectors.payment_amount_refundable(payment=payment) == 10000
    assert AuditEvent.objects.filter(action="refund.requested", actor=caseworker).exists()
    assert AuditEvent.objects.filter(action="refund.success").exists()


def test_a_full_refund_leaves_nothing_to_refund(caseworker):
    payment = SuccessfulPaymentFactory()

    services.refund_create(
        payment=payment, amount_pence=16000, requested_by=caseworker, reason="Fee abolished"
    )

    assert selectors.payment_amount_refundable(payment=payment) == 0
    with pytest.raises(services.RefundNotAllowed):
        services.refund_create(payment=payment, amount_pence=1, requested_by=caseworker, reason="x")


def test_a_refund_over_the_amount_available_is_refused(caseworker):
    payment = SuccessfulPaymentFactory()
    services.refund_create(
        payment=payment, amount_pence=10000, requested_by=caseworker, reason="Part remission"
    )

    with pytest.raises(services.RefundNotAllowed, match="£60.00"):
        services.refund_create(
            payment=payment, amount_pence=6001, requested_by=caseworker, reason="Too much"
        )

    assert Refund.objects.count() == 1


def test_refunds_that_ended_in_error_do_not_use_up_the_amount_available(caseworker):
    payment = SuccessfulPaymentFactory()
    Refund.objects.create(
        payment=payment,
        amount_pence=16000,
        status=RefundStatus.ERROR,
        requested_by=caseworker,
        reason="x",
    )
    assert selectors.payment_amount_refundable(payment=payment) == 16000


@pytest.mark.parametrize("amount", [0, -5, 1.5, True])
def test_a_refund_of_nothing_or_not_whole_pence_is_refused(caseworker, amount):
    payment = SuccessfulPaymentFactory()
    with pytest.raises(services.RefundNotAllowed):
        services.refund_create(
            payment=payment, amount_pence=amount, requested_by=caseworker, reason="x"
        )


def test_a_refund_needs_a_reason(caseworker):
    with pytest.raises(services.RefundNotAllowed, match="reason"):
        services.refund_create(
            payment=SuccessfulPaymentFactory(),
            amount_pence=100,
            requested_by=caseworker,
            reason=" ",
        )


@pytest.mark.parametrize("status", [s for s in PaymentStatus if s != PaymentStatus.SUCCESS])
def test_only_a_successful_payment_can_be_refunded(caseworker, status):
    payment = FACTORY_FOR_STATUS[status]()
    with pytest.raises(services.RefundNotAllowed, match="successful"):
        services.refund_create(
            payment=payment, amount_pence=100, requested_by=caseworker, reason="x"
        )
    assert not Refund.objects.exists()


@pytest.mark.parametrize(
    ("source", "target", "allowed"),
    [
        (RefundStatus.SUBMITTED, RefundStatus.SUCCESS, True),
        (RefundStatus.SUBMITTED, RefundStatus.ERROR, True),
        (RefundStatus.SUCCESS, RefundStatus.ERROR, False),
        (RefundStatus.SUCCESS, RefundStatus.SUBMITTED, False),
        (RefundStatus.ERROR, RefundStatus.SUCCESS, False),
        (RefundStatus.ERROR, RefundStatus.SUBMITTED, False),
    ],
)
def test_refund_transitions(caseworker, source, target, allowed):
    refund = Refund.objects.create(
        payment=SuccessfulPaymentFactory(),
        amount_pence=100,
        status=source,
        requested_by=caseworker,
        reason="x",
    )
    if allowed:
        services._refund_transition(refund=refund, to=target)
        refund.refresh_from_db()
        assert refund.status == target
    else:
        with pytest.raises(services.TransitionNotAllowed):
            services._refund_transition(refund=refund, to=target)
