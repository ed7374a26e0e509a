"""One factory per message status."""

import uuid

import factory
from django.utils import timezone

from digital_services.notifications.constants import Channel, LetterBatchStatus, Status
from digital_services.notifications.models import LetterBatch, OutboundMessage

from .conftest import VISIT


class OutboundMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutboundMessage

    service = "prison_visits"
    channel = Channel.EMAIL
    template_key = "tests.visit_booked"
    language = "en"
    recipient = factory.Sequence(lambda n: f"person{n}@example.com")
    personalisation = factory.LazyFunction(lambda: dict(VISIT))
    reference = "PV-ABC-123"
    idempotency_key = factory.LazyFunction(uuid.uuid4)
    status = Status.CREATED
    next_attempt_at = factory.LazyFunction(timezone.now)


class SendingMessageFactory(OutboundMessageFactory):
    status = Status.SENDING
    attempts = 1
    next_attempt_at = None
    claimed_at = factory.LazyFunction(timezone.now)


class SentMessageFactory(SendingMessageFactory):
    status = Status.SENT
    sent_at = factory.LazyFunction(timezone.now)
    provider_id = factory.Sequence(lambda n: f"notify-id-{n}")


class DeliveredMessageFactory(SentMessageFactory):
    status = Status.DELIVERED
    completed_at = factory.LazyFunction(timezone.now)


class PermanentFailureMessageFactory(SendingMessageFactory):
    status = Status.PERMANENT_FAILURE
    completed_at = factory.LazyFunction(timezone.now)
    last_error = "GOV.UK Notify 400: email_address Not a valid email address"


class TechnicalFailureMessageFactory(SendingMessageFactory):
    status = Status.TECHNICAL_FAILURE
    attempts = 3
    completed_at = factory.LazyFunction(timezone.now)
    last_error = "Gave up after 3 attempts: GOV.UK Notify 503"


class TemporaryFailureMessageFactory(SentMessageFactory):
    status = Status.TEMPORARY_FAILURE
    completed_at = factory.LazyFunction(timezone.now)


class LetterBatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LetterBatch

    status = LetterBatchStatus.OPEN


class QueuedLetterFactory(SendingMessageFactory):
    channel = Channel.LETTER
    recipient = "Ann Smith\n1 High Street\nCardiff\nCF10 1AA"
    letter_batch = factory.SubFactory(LetterBatchFactory)
