"""One factory per payment state, so tests read as "given a successful payment"."""

import factory
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from digital_services.payments.constants import FailureCode, PaymentStatus, RefundStatus
from digital_services.payments.models import Payment, Refund, SandboxPayment


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accounts.User"

    email = factory.Sequence(lambda n: f"person{n}@example.com")


class SandboxPaymentFactory(factory.django.DjangoModelFactory):
    """The sandbox's side of a payment, in the same state as ours."""

    class Meta:
        model = SandboxPayment

    payment_id = factory.Sequence(lambda n: f"sandbox{n:020d}")
    amount = 16000
    reference = "ET-7KQ-4MP"
    description = "Employment tribunal issue fee"
    return_url = "http://testserver/payments/return/x/"
    status = PaymentStatus.CREATED


class PaymentFactory(factory.django.DjangoModelFactory):
    """A created payment on the sandbox, with the sandbox's matching record."""

    class Meta:
        model = Payment

    class Params:
        case = factory.SubFactory(UserFactory)

    content_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.case))
    object_id = factory.LazyAttribute(lambda o: str(o.case.pk))
    service = "tribunal_fees"
    purpose = "issue-fee"
    amount_pence = 16000
    reference = "ET-7KQ-4MP"
    description = "Employment tribunal issue fee"
    return_to = "/tribunal-fees/claims/1/"
    provider = "sandbox"
    status = PaymentStatus.CREATED
    provider_reference = factory.Sequence(lambda n: f"ET-7KQ-4MP-{n:06d}")
    provider_payment_id = factory.LazyAttribute(
        lambda o: (
            SandboxPaymentFactory(
                status=o.status,
                failure_code=o.failure_code,
                amount=o.amount_pence,
                reference=o.provider_reference,
                card_brand=o.card_brand,
                last_digits_card_number=o.last_digits_card_number,
            ).payment_id
        )
    )
    failure_code = ""
    card_brand = ""
    last_digits_card_number = ""


class StartedPaymentFactory(PaymentFactory):
    status = PaymentStatus.STARTED


class SubmittedPaymentFactory(PaymentFactory):
    status = PaymentStatus.SUBMITTED
    card_brand = "Visa"
    last_digits_card_number = "1111"


class SuccessfulPaymentFactory(SubmittedPaymentFactory):
    status = PaymentStatus.SUCCESS
    finished_at = factory.LazyFunction(timezone.now)


class FailedPaymentFactory(PaymentFactory):
    status = PaymentStatus.FAILED
    failure_code = FailureCode.REJECTED
    finished_at = factory.LazyFunction(timezone.now)


class CancelledPaymentFactory(PaymentFactory):
    status = PaymentStatus.CANCELLED
    failure_code = FailureCode.SERVICE_CANCELLED
    finished_at = factory.LazyFunction(timezone.now)


class ErrorPaymentFactory(PaymentFactory):
    status = PaymentStatus.ERROR
    failure_code = FailureCode.PROVIDER_ERROR
    finished_at = factory.LazyFunction(timezone.now)


FACTORY_FOR_STATUS = {
    PaymentStatus.CREATED: PaymentFactory,
    PaymentStatus.STARTED: StartedPaymentFactory,
    PaymentStatus.SUBMITTED: SubmittedPaymentFactory,
    PaymentStatus.SUCCESS: SuccessfulPaymentFactory,
    PaymentStatus.FAILED: FailedPaymentFactory,
    PaymentStatus.CANCELLED: CancelledPaymentFactory,
    PaymentStatus.ERROR: ErrorPaymentFactory,
}


class RefundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Refund

    payment = factory.SubFactory(SuccessfulPaymentFactory)
    amount_pence = 5000
    status = RefundStatus.SUCCESS
    reason = "Claim withdrawn"
    requested_by = factory.SubFactory(UserFactory, is_staff=True)
