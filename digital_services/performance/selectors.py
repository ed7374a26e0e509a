"""Figures for the KPI dashboard (Service Standard point 10), read from events.

A period is a range of calendar days in UK time, both ends included, so
"October" is ``start=date(2026, 10, 1), end=date(2026, 10, 31)`` whatever the
clocks did in between.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from .models import PerformanceEvent, SatisfactionResponse

SATISFIED_RATINGS = (
    SatisfactionResponse.Rating.VERY_SATISFIED,
    SatisfactionResponse.Rating.SATISFIED,
)


@dataclass(frozen=True)
class JourneyCounts:
    service: str
    started: int
    completed: int
    completed_digital: int
    completed_assisted: int

    @property
    def completion_rate(self) -> float | None:
        """Completed ÷ started, as a percentage; None when nothing started.

        Journeys that start in one period and finish in the next can push a
        short period's rate over 100%.
        """
        return 100 * self.completed / self.started if self.started else None

    @property
    def digital_take_up(self) -> float | None:
        """Digital completions ÷ all completions, as a percentage (None if none)."""
        return 100 * self.completed_digital / self.completed if self.completed else None


@dataclass(frozen=True)
class SatisfactionScore:
    responses: int
    satisfied: int

    @property
    def percent(self) -> float | None:
        """Share of responses that were satisfied or very satisfied (None if none)."""
        return 100 * self.satisfied / self.responses if self.responses else None


def period_bounds(*, start: date, end: date) -> tuple[datetime, datetime]:
    """The aware datetimes [from, to) covering the days ``start`` to ``end`` in UK time.

    Raises ValueError when ``end`` is before ``start``.
    """
    if end < start:
        raise ValueError("The end of a period cannot be before its start.")
    tz = timezone.get_default_timezone()
    return (
        timezone.make_aware(datetime.combine(start, time.min), tz),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz),
    )


def journey_counts_by_service(
    *, start: date, end: date, service: str | None = None
) -> list[JourneyCounts]:
    """Journeys started and completed in the period, one row per service (by slug).

    Services with no events in the period are left out.
    """
    since, until = period_bounds(start=start, end=end)
    events = PerformanceEvent.objects.filter(occurred_at__gte=since, occurred_at__lt=until)
    if service is not None:
        events = events.filter(service=service)
    completed = Q(kind=PerformanceEvent.Kind.JOURNEY_COMPLETED)
    rows = (
        events.values("service")
        .annotate(
            started=Count("id", filter=Q(kind=PerformanceEvent.Kind.JOURNEY_STARTED)),
            completed=Count("id", filter=completed),
            completed_digital=Count(
                "id", filter=completed & Q(channel=PerformanceEvent.Channel.DIGITAL)
            ),
            completed_assisted=Count(
                "id", filter=completed & Q(channel=PerformanceEvent.Channel.ASSISTED)
            ),
        )
        .order_by("service")
    )
    return [JourneyCounts(**row) for row in rows]


def satisfaction_score_get(
    *, start: date, end: date, service: str | None = None
) -> SatisfactionScore:
    """How many feedback responses in the period, and how many were satisfied.

    ``service=None`` counts every response, including those from pages outside
    any one service; ``service=""`` counts only those.
    """
    since, until = period_bounds(start=start, end=end)
    responses = SatisfactionResponse.objects.filter(created_at__gte=since, created_at__lt=until)
    if service is not None:
        responses = responses.filter(service=service)
    totals = responses.aggregate(
        responses=Count("id"), satisfied=Count("id", filter=Q(rating__in=SATISFIED_RATINGS))
    )
    return SatisfactionScore(**totals)
