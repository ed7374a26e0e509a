"""Geometry for the dashboard's charts, drawn as inline SVG by the templates.

No JavaScript and no chart library: the server works out every coordinate and
the templates write ``<svg role="img">`` with a ``<title>`` and ``<desc>``, next
to a table of the same figures. Colours are GOV.UK palette colours with at
least 3:1 contrast on white, set with presentation attributes (the Content
Security Policy forbids ``style=""``). Series also differ by line pattern and
marker shape, so colour is never the only cue.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from .kpis import Period

WIDTH = 760
HEIGHT = 380
LEFT = 72  # room for the y-axis title and tick labels
RIGHT = 16
TOP = 72  # room for the legend
BOTTOM = 64  # room for the x-axis labels and title
PLOT_WIDTH = WIDTH - LEFT - RIGHT
PLOT_HEIGHT = HEIGHT - TOP - BOTTOM
MAX_X_LABELS = 12

TEXT = "#0b0c0c"  # black
GRID = "#cecece"  # black tint-80
#: GOV.UK palette colours, each with at least 3:1 contrast against white.
LINE_STYLES = (
    {"colour": "#1d70b8", "dash": "", "marker": "circle"},  # blue
    {"colour": "#0f7a52", "dash": "8 4", "marker": "square"},  # green
    {"colour": "#54319f", "dash": "2 4", "marker": "diamond"},  # purple
)
COLUMN_COLOURS = (
    "#1d70b8",  # blue
    "#0f7a52",  # green
    "#54319f",  # purple
    "#ca357c",  # magenta
    "#b7592a",  # orange shade-25
    "#484949",  # black tint-25
)


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class XLabel:
    x: float
    label: str


@dataclass(frozen=True)
class Marker:
    """A point on a line: a circle, square or diamond centred on (x, y)."""

    x: float
    y: float
    shape: str
    title: str = ""

    @property
    def corner_x(self) -> float:
        return _round(self.x - 5)

    @property
    def corner_y(self) -> float:
        return _round(self.y - 5)

    @property
    def diamond_points(self) -> str:
        x, y = self.x, self.y
        return f"{x},{_round(y - 6)} {_round(x + 6)},{y} {x},{_round(y + 6)} {_round(x - 6)},{y}"


@dataclass(frozen=True)
class LegendItem:
    """A key entry: a line sample and marker (line chart) or a swatch (columns)."""

    x: float
    y: float
    label: str
    colour: str
    dash: str = ""
    shape: str = ""

    @property
    def sample_end_x(self) -> float:
        return _round(self.x + 28)

    @property
    def marker(self) -> Marker:
        return Marker(_round(self.x + 14), self.y, self.shape)

    @property
    def swatch_y(self) -> float:
        return _round(self.y - 7)

    @property
    def text_x(self) -> float:
        return _round(self.x + (36 if self.shape else 22))


@dataclass(frozen=True)
class LineSeries:
    label: str
    colour: str
    dash: str
    path: str
    markers: list[Marker]


@dataclass(frozen=True)
class Segment:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str


@dataclass(frozen=True)
class Chart:
    """What a template needs to draw one chart; ``kind`` is "line" or "column"."""

    id: str
    kind: str
    title: str
    description: str
    x_title: str
    y_title: str
    y_ticks: list[Tick]
    x_labels: list[XLabel]
    legend: list[LegendItem]
    series: list[LineSeries]
    segments: list[Segment]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM

    @property
    def tick_label_x(self) -> int:
        return LEFT - 8

    @property
    def x_label_y(self) -> int:
        return HEIGHT - BOTTOM + 22

    @property
    def x_title_x(self) -> float:
        return LEFT + PLOT_WIDTH / 2

    @property
    def x_title_y(self) -> float:
        return HEIGHT - 12

    @property
    def y_title_y(self) -> float:
        return TOP + PLOT_HEIGHT / 2


def nice_scale(maximum: float, *, ticks: int = 5, minimum_step: float = 0) -> tuple[float, float]:
    """An axis top and step of 1, 2 or 5 × 10ⁿ, so that ``maximum`` fits in
    about ``ticks`` steps."""
    maximum = max(maximum, 1)
    raw = maximum / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(step, minimum_step)
    return math.ceil(maximum / step) * step, step


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _round(value: float) -> float:
    return round(value, 2)


def _band(count: int) -> float:
    return PLOT_WIDTH / max(count, 1)


def _x(index: int, count: int) -> float:
    return _round(LEFT + _band(count) * (index + 0.5))


def _y(value: float, top: float) -> float:
    return _round(TOP + PLOT_HEIGHT - PLOT_HEIGHT * value / top)


def _x_labels(periods: list[Period]) -> list[XLabel]:
    step = max(1, math.ceil(len(periods) / MAX_X_LABELS))
    return [
        XLabel(_x(i, len(periods)), p.short_label) for i, p in enumerate(periods) if i % step == 0
    ]


def _y_ticks(top: float, step: float, *, suffix: str = "") -> list[Tick]:
    count = round(top / step)
    return [Tick(_y(step * i, top), _number(step * i) + suffix) for i in range(count + 1)]


def _x_title(periods: list[Period]) -> str:
    return "Week beginning" if periods and periods[0].granularity == "week" else "Month"


def _legend(labels: list[str], styles: list[dict]) -> list[LegendItem]:
    """Up to three items a row, above the plot."""
    per_row = 3
    width = PLOT_WIDTH / per_row
    return [
        LegendItem(
            x=_round(LEFT + width * (i % per_row)),
            y=20 + 24 * (i // per_row),
            label=label,
            colour=style["colour"],
            dash=style.get("dash", ""),
            shape=style.get("marker", ""),
        )
        for i, (label, style) in enumerate(zip(labels, styles, strict=True))
    ]


def line_chart_build(
    *,
    id: str,
    title: str,
    description: str,
    periods: list[Period],
    series: list[tuple[str, list[Decimal | None]]],
) -> Chart:
    """Percentages per period, one line per series. A period without a figure
    (nothing to divide by) breaks the line rather than dropping to 0."""
    values = [float(v) for _, vs in series for v in vs if v is not None]
    top, step = nice_scale(max([100.0, *values]), minimum_step=10)
    lines = []
    for (label, points), style in zip(series, LINE_STYLES, strict=False):
        commands, markers, pen_down = [], [], False
        for i, (period, value) in enumerate(zip(periods, points, strict=True)):
            if value is None:
                pen_down = False
                continue
            x, y = _x(i, len(periods)), _y(float(value), top)
            commands.append(f"{'L' if pen_down else 'M'}{x} {y}")
            pen_down = True
            markers.append(
                Marker(x, y, style["marker"], f"{period.label}: {label} {_number(float(value))}%")
            )
        lines.append(LineSeries(label, style["colour"], style["dash"], " ".join(commands), markers))
    return Chart(
        id=id,
        kind="line",
        title=title,
        description=description,
        x_title=_x_title(periods),
        y_title="Percentage",
        y_ticks=_y_ticks(top, step, suffix="%"),
        x_labels=_x_labels(periods),
        legend=_legend([label for label, _ in series], list(LINE_STYLES[: len(series)])),
        series=lines,
        segments=[],
    )


def stacked_column_chart_build(
    *,
    id: str,
    title: str,
    description: str,
    periods: list[Period],
    stacks: list[tuple[str, list[int]]],
) -> Chart:
    """Counts per period, one column per period, stacked in ``stacks`` order
    from the bottom up."""
    totals = [sum(column) for column in zip(*(counts for _, counts in stacks), strict=True)]
    top, step = nice_scale(max(totals, default=0), minimum_step=1)
    band = _band(len(periods))
    width = _round(min(band * 0.6, 48))
    segments = []
    for i, period in enumerate(periods):
        base = 0
        for (label, counts), colour in zip(stacks, COLUMN_COLOURS, strict=False):
            count = counts[i]
            if not count:
                continue
            y_top = _y(base + count, top)
            segments.append(
                Segment(
                    x=_round(_x(i, len(periods)) - width / 2),
                    y=y_top,
                    width=width,
                    height=_round(_y(base, top) - y_top),
                    colour=colour,
                    title=f"{period.label}: {label} {count:,}",
                )
            )
            base += count
    styles = [{"colour": c} for c in COLUMN_COLOURS[: len(stacks)]]
    return Chart(
        id=id,
        kind="column",
        title=title,
        description=description,
        x_title=_x_title(periods),
        y_title="Completions",
        y_ticks=_y_ticks(top, step),
        x_labels=_x_labels(periods),
        legend=_legend([label for label, _ in stacks], styles),
        series=[],
        segments=segments,
    )
