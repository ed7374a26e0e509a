"""Figures for the KPI dashboard (Service Standard point 10), read from events.

A period is a range of calendar days in UK time, both ends included, so
"October" is ``start=date(2026, 10, 1), end=date(2026, 10, 31)`` whatever the
clocks did in between.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, DateField, Q
from django.db.models.functions import TruncMonth, TruncWeek
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


# --- The KPI dashboard: counts per service and per week or month --------------

WEEK = "week"
MONTH = "month"
_TRUNCATE = {WEEK: TruncWeek, MONTH: TruncMonth}


@dataclass(frozen=True)
class PeriodJourneyCounts:
    """Journeys of one service in one period (a week from Monday, or a month).

    ``completed_<detail>`` split the assisted-digital completions by how they
    were done; ``completed_assisted_unrecorded`` are those that did not say.
    """

    service: str
    period_start: date
    started: int
    completed: int
    completed_digital: int
    completed_phone: int
    completed_face_to_face: int
    completed_webchat: int
    completed_paper: int
    completed_assisted_unrecorded: int


@dataclass(frozen=True)
class PeriodSatisfactionCounts:
    """Feedback responses about one service (slug, "" for none) in one period."""

    service: str
    period_start: date
    responses: int
    satisfied: int


def _period_start(*, field: str, granularity: str):
    """The first day (UK time) of the week or month that ``field`` falls in."""
    try:
        truncate = _TRUNCATE[granularity]
    except KeyError:
        raise ValueError(f"Unknown period {granularity!r}: use 'week' or 'month'.") from None
    return truncate(field, output_field=DateField(), tzinfo=timezone.get_default_timezone())


def journey_counts_by_period(
    *, start: date, end: date, granularity: str, service: str | None = None
) -> list[PeriodJourneyCounts]:
    """Journeys started and completed from ``start`` to ``end`` (days in UK time),
    one row per service and week (ISO, from Monday) or calendar month.

    Counted in one query whatever the number of events or periods; a service
    and period with no events has no row. Raises ValueError for an unknown
    ``granularity`` or an ``end`` before ``start``.
    """
    period = _period_start(field="occurred_at", granularity=granularity)
    since, until = period_bounds(start=start, end=end)
    events = PerformanceEvent.objects.filter(occurred_at__gte=since, occurred_at__lt=until)
    if service is not None:
        events = events.filter(service=service)
    completed = Q(kind=PerformanceEvent.Kind.JOURNEY_COMPLETED)
    assisted = completed & Q(channel=PerformanceEvent.Channel.ASSISTED)
    detail = PerformanceEvent.ChannelDetail
    rows = (
        events.annotate(period_start=period)
        .values("service", "period_start")
        .annotate(
            started=Count("id", filter=Q(kind=PerformanceEvent.Kind.JOURNEY_STARTED)),
            completed=Count("id", filter=completed),
            completed_digital=Count(
                "id", filter=completed & Q(channel=PerformanceEvent.Channel.DIGITAL)
            ),
            completed_phone=Count("id", filter=assisted & Q(channel_detail=detail.PHONE)),
            completed_face_to_face=Count(
                "id", filter=assisted & Q(channel_detail=detail.FACE_TO_FACE)
            ),
            completed_webchat=Count("id", filter=assisted & Q(channel_detail=detail.WEBCHAT)),
            completed_paper=Count("id", filter=assisted & Q(channel_detail=detail.PAPER)),
            completed_assisted_unrecorded=Count("id", filter=assisted & Q(channel_detail="")),
        )
        .order_by("service", "period_start")
    )
    return [PeriodJourneyCounts(**row) for row in rows]


def satisfaction_counts_by_period(
    *, start: date, end: date, granularity: str, service: str | None = None
) -> list[PeriodSatisfactionCounts]:
    """Feedback responses from ``start`` to ``end``, one row per service slug
    (including "", feedback from pages outside any service) and period.

    One query; raises ValueError like ``journey_counts_by_period``.
    """
    period = _period_start(field="created_at", granularity=granularity)
    since, until = period_bounds(start=start, end=end)
    responses = SatisfactionResponse.objects.filter(created_at__gte=since, created_at__lt=until)
    if service is not None:
        responses = responses.filter(service=service)
    rows = (
        responses.annotate(period_start=period)
        .values("service", "period_start")
        .annotate(
            responses=Count("id"),
            satisfied=Count("id", filter=Q(rating__in=SATISFIED_RATINGS)),
        )
        .order_by("service", "period_start")
    )
    return [PeriodSatisfactionCounts(**row) for row in rows]
