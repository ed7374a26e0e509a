"""The four KPIs of Service Standard point 10, worked out from the recorded events.

- completion rate: journeys completed ÷ journeys started in the period. Every end
  state where the service did its job counts as complete ("not eligible" too);
- digital take-up: digital completions ÷ all completions (assisted included);
- user satisfaction: (very satisfied + satisfied) ÷ feedback responses;
- cost per transaction: Σ(completions by channel × that channel's cost) ÷ all
  completions, with the costs from ``PERFORMANCE_COST_PER_TRANSACTION_PENCE``.

The database does the counting (two queries whatever the number of events,
services or periods, see ``selectors``); this module adds the counts up and
divides. Each figure is ``None`` when its denominator is 0, so a page can say
"no data" instead of a misleading 0%.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import dateformat, timezone

from digital_services.core.money import pence_format
from digital_services.core.registry import services_list

from .selectors import (
    MONTH,
    WEEK,
    journey_counts_by_period,
    satisfaction_counts_by_period,
)

GRANULARITIES = (WEEK, MONTH)

#: Channels whose volumes are shown, in order: key in the cost setting, label.
CHANNELS: tuple[tuple[str, str], ...] = (
    ("digital", "Digital"),
    ("phone", "Phone"),
    ("face_to_face", "Face to face"),
    ("webchat", "Webchat"),
    ("paper", "Paper"),
    ("assisted", "Assisted, how not recorded"),
)
#: PeriodJourneyCounts field holding each channel's completions.
_CHANNEL_COUNT_FIELDS = {
    "digital": "completed_digital",
    "phone": "completed_phone",
    "face_to_face": "completed_face_to_face",
    "webchat": "completed_webchat",
    "paper": "completed_paper",
    "assisted": "completed_assisted_unrecorded",
}
ALL_SERVICES_LABEL = "All services"


def cost_per_transaction_pence_get() -> dict[str, int]:
    """Each channel's cost per completed transaction, in pence, from settings.

    Raises ImproperlyConfigured naming the problem when a channel is missing, a
    key is not a channel (a typo would otherwise be ignored), or a cost is not
    a whole number of pence, 0 or more.
    """
    costs = settings.PERFORMANCE_COST_PER_TRANSACTION_PENCE
    name = "PERFORMANCE_COST_PER_TRANSACTION_PENCE"
    if not isinstance(costs, dict):
        raise ImproperlyConfigured(f"{name} must be a JSON object of channel: pence.")
    known = [key for key, _ in CHANNELS]
    unknown = sorted(set(costs) - set(known))
    if unknown:
        raise ImproperlyConfigured(
            f"{name} has unknown channels {', '.join(unknown)}; use {', '.join(known)}."
        )
    missing = [key for key in known if key not in costs]
    if missing:
        raise ImproperlyConfigured(f"{name} has no cost for {', '.join(missing)}.")
    for key in known:
        value = costs[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ImproperlyConfigured(
                f"{name}[{key!r}] must be a whole number of pence, 0 or more (not {value!r})."
            )
    return {key: costs[key] for key in known}


# --- Periods -------------------------------------------------------------------


def period_start_of(day: date, *, granularity: str) -> date:
    """The Monday of ``day``'s ISO week, or the first of its month."""
    if granularity == WEEK:
        return day - timedelta(days=day.weekday())
    if granularity == MONTH:
        return day.replace(day=1)
    raise ValueError(f"Unknown period {granularity!r}: use 'week' or 'month'.")


def _next_period_start(start: date, *, granularity: str) -> date:
    if granularity == WEEK:
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def period_shift(start: date, *, granularity: str, periods: int) -> date:
    """The start of the period ``periods`` before (negative) or after ``start``'s."""
    start = period_start_of(start, granularity=granularity)
    if granularity == WEEK:
        return start + timedelta(weeks=periods)
    months = start.year * 12 + start.month - 1 + periods
    return date(months // 12, months % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    """A week (Monday to Sunday) or a calendar month, in UK time."""

    start: date
    end: date
    granularity: str
    in_progress: bool = False

    @property
    def label(self) -> str:
        """The week's Monday as "5 Oct 2026", or the month as "October 2026"."""
        if self.granularity == WEEK:
            text = dateformat.format(self.start, "j M Y")
        else:
            text = dateformat.format(self.start, "F Y")
        return f"{text} (so far)" if self.in_progress else text

    @property
    def short_label(self) -> str:
        """For a chart's axis: "5 Oct" or "Oct 2026"."""
        if self.granularity == WEEK:
            return dateformat.format(self.start, "j M")
        return dateformat.format(self.start, "M Y")


def periods_list(
    *, start: date, end: date, granularity: str, today: date | None = None
) -> list[Period]:
    """Every whole week or month that the days ``start`` to ``end`` touch.

    Raises ValueError for an unknown granularity or ``end`` before ``start``.
    """
    if end < start:
        raise ValueError("The end of a period cannot be before its start.")
    today = today or timezone.localdate()
    current = period_start_of(start, granularity=granularity)
    result = []
    while current <= end:
        following = _next_period_start(current, granularity=granularity)
        last_day = following - timedelta(days=1)
        result.append(Period(current, last_day, granularity, in_progress=last_day > today))
        current = following
    return result


# --- Figures -------------------------------------------------------------------


def _percent(numerator: int, denominator: int) -> Decimal | None:
    return Decimal(100 * numerator) / Decimal(denominator) if denominator else None


@dataclass(frozen=True)
class KpiFigures:
    """Counts for one service (or all) over one period (or the whole range).

    Figures add up with ``+``, so a total is the sum of its parts; the KPIs
    are worked out from the sums, never averaged.
    """

    started: int = 0
    completed: int = 0
    completed_digital: int = 0
    completed_phone: int = 0
    completed_face_to_face: int = 0
    completed_webchat: int = 0
    completed_paper: int = 0
    completed_assisted_unrecorded: int = 0
    responses: int = 0
    satisfied: int = 0
    cost_pence: int = 0

    def __add__(self, other: KpiFigures) -> KpiFigures:
        return KpiFigures(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )

    @property
    def completed_assisted(self) -> int:
        return self.completed - self.completed_digital

    @property
    def completion_rate(self) -> Decimal | None:
        """Completed ÷ started, as a percentage. Journeys started in one period
        and finished in the next can take a short period over 100%."""
        return _percent(self.completed, self.started)

    @property
    def digital_take_up(self) -> Decimal | None:
        return _percent(self.completed_digital, self.completed)

    @property
    def user_satisfaction(self) -> Decimal | None:
        return _percent(self.satisfied, self.responses)

    @property
    def cost_per_transaction_pence(self) -> Decimal | None:
        return Decimal(self.cost_pence) / Decimal(self.completed) if self.completed else None

    @property
    def volumes(self) -> list[tuple[str, str, int]]:
        """Completions by channel: (key, label, count), in ``CHANNELS`` order."""
        return [(key, label, getattr(self, _CHANNEL_COUNT_FIELDS[key])) for key, label in CHANNELS]


@dataclass(frozen=True)
class ServiceFigures:
    """One service's (or all services') figures: per period, and in total."""

    slug: str
    name: str
    by_period: list[tuple[Period, KpiFigures]]
    total: KpiFigures = field(default_factory=KpiFigures)


@dataclass(frozen=True)
class KpiDashboard:
    granularity: str
    periods: list[Period]
    services: list[ServiceFigures]
    #: All services added up, or the one service chosen.
    overall: ServiceFigures
    costs_pence: dict[str, int]
    service: str | None = None

    @property
    def start(self) -> date:
        return self.periods[0].start

    @property
    def end(self) -> date:
        return self.periods[-1].end

    @property
    def cost_table(self) -> list[tuple[str, int]]:
        """(channel label, cost per transaction in pence), in ``CHANNELS`` order."""
        return [(label, self.costs_pence[key]) for key, label in CHANNELS]


def kpi_dashboard_get(
    *,
    start: date,
    end: date,
    granularity: str,
    service: str | None = None,
    today: date | None = None,
) -> KpiDashboard:
    """The KPIs for each whole week or month that ``start`` to ``end`` touch,
    for one service (by slug) or, with ``service=None``, for every service and
    all of them together.

    "All services" also counts feedback given on pages outside any service, and
    events of a service that is no longer registered (shown by its slug).
    Two queries whatever the size of the data. Raises ValueError for an unknown
    granularity or ``end`` before ``start``, ImproperlyConfigured for bad costs.
    """
    costs = cost_per_transaction_pence_get()
    periods = periods_list(start=start, end=end, granularity=granularity, today=today)
    first, last = periods[0].start, periods[-1].end
    journeys = journey_counts_by_period(
        start=first, end=last, granularity=granularity, service=service
    )
    satisfaction = satisfaction_counts_by_period(
        start=first, end=last, granularity=granularity, service=service
    )

    cells: dict[tuple[str, date], KpiFigures] = {}
    for row in journeys:
        cost = sum(getattr(row, _CHANNEL_COUNT_FIELDS[key]) * costs[key] for key, _ in CHANNELS)
        figures = KpiFigures(
            started=row.started,
            completed=row.completed,
            completed_digital=row.completed_digital,
            completed_phone=row.completed_phone,
            completed_face_to_face=row.completed_face_to_face,
            completed_webchat=row.completed_webchat,
            completed_paper=row.completed_paper,
            completed_assisted_unrecorded=row.completed_assisted_unrecorded,
            cost_pence=cost,
        )
        key = (row.service, row.period_start)
        cells[key] = cells.get(key, KpiFigures()) + figures
    for row in satisfaction:
        key = (row.service, row.period_start)
        figures = KpiFigures(responses=row.responses, satisfied=row.satisfied)
        cells[key] = cells.get(key, KpiFigures()) + figures

    def figures_for(slug: str, name: str) -> ServiceFigures:
        by_period = [(p, cells.get((slug, p.start), KpiFigures())) for p in periods]
        return ServiceFigures(slug, name, by_period, sum((f for _, f in by_period), KpiFigures()))

    registered = {s.slug: s.name for s in services_list()}
    if service is not None:
        one = figures_for(service, registered.get(service, service))
        return KpiDashboard(granularity, periods, [one], one, costs, service)

    # Services that no longer exist still count; feedback from no service ("")
    # counts only towards all services.
    slugs = list(registered) + sorted({s for s, _ in cells if s and s not in registered})
    rows = [figures_for(slug, registered.get(slug, slug)) for slug in slugs]
    totals: dict[date, KpiFigures] = {}
    for (_, period_start), figures in cells.items():
        totals[period_start] = totals.get(period_start, KpiFigures()) + figures
    by_period = [(p, totals.get(p.start, KpiFigures())) for p in periods]
    overall = ServiceFigures(
        "", ALL_SERVICES_LABEL, by_period, sum((f for _, f in by_period), KpiFigures())
    )
    return KpiDashboard(granularity, periods, rows, overall, costs, None)


# --- Export --------------------------------------------------------------------


def _decimal_text(value: Decimal | None, places: str) -> str:
    return "" if value is None else str(value.quantize(Decimal(places), rounding=ROUND_HALF_UP))


CSV_HEADER = [
    "Service",
    "Period",
    "Period start",
    "Period end",
    "Journeys started",
    "Journeys completed",
    "Completion rate (%)",
    "Digital completions",
    "Assisted completions",
    "Digital take-up (%)",
    *[f"Completions: {label}" for _, label in CHANNELS],
    "Feedback responses",
    "Satisfied responses",
    "User satisfaction (%)",
    "Total cost (£)",
    "Cost per transaction (£)",
]


def kpi_csv_rows(dashboard: KpiDashboard) -> Iterator[list[str | int]]:
    """The header, then one row per service and period (and all services added
    up, when no one service was chosen). A figure without a denominator is an
    empty cell. Cells are not yet made safe for spreadsheets (see ``csv_safe``)."""
    yield CSV_HEADER
    rows = list(dashboard.services)
    if dashboard.service is None:
        rows.append(dashboard.overall)
    for service in rows:
        for period, figures in service.by_period:
            yield [
                service.name,
                period.label,
                period.start.isoformat(),
                period.end.isoformat(),
                figures.started,
                figures.completed,
                _decimal_text(figures.completion_rate, "0.1"),
                figures.completed_digital,
                figures.completed_assisted,
                _decimal_text(figures.digital_take_up, "0.1"),
                *[count for _, _, count in figures.volumes],
                figures.responses,
                figures.satisfied,
                _decimal_text(figures.user_satisfaction, "0.1"),
                pence_format(figures.cost_pence, plain=True),
                pence_format(figures.cost_per_transaction_pence, plain=True),
            ]
