import factory
from django.utils import timezone

from digital_services.performance.models import PerformanceEvent, SatisfactionResponse


class JourneyStartedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PerformanceEvent

    kind = PerformanceEvent.Kind.JOURNEY_STARTED
    service = "prison-visits"
    journey = "book-a-visit"
    channel = PerformanceEvent.Channel.DIGITAL
    occurred_at = factory.LazyFunction(timezone.now)


class JourneyCompletedFactory(JourneyStartedFactory):
    kind = PerformanceEvent.Kind.JOURNEY_COMPLETED
    outcome = "submitted"


class AssistedJourneyCompletedFactory(JourneyCompletedFactory):
    channel = PerformanceEvent.Channel.ASSISTED
    channel_detail = PerformanceEvent.ChannelDetail.PHONE


class SatisfactionResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SatisfactionResponse

    rating = SatisfactionResponse.Rating.SATISFIED
    service = "prison-visits"
    journey = "book-a-visit"
    created_at = factory.LazyFunction(timezone.now)
