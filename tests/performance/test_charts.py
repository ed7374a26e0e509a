"""The dashboard's SVG chart geometry."""

from datetime import date
from decimal import Decimal

import pytest

from digital_services.performance.charts import (
    HEIGHT,
    LEFT,
    MAX_X_LABELS,
    PLOT_HEIGHT,
    TOP,
    line_chart_build,
    nice_scale,
    stacked_column_chart_build,
)
from digital_services.performance.kpis import periods_list

BOTTOM_Y = TOP + PLOT_HEIGHT


def weeks(count):
    start = date(2026, 1, 5)
    return periods_list(
        start=start,
        end=date.fromordinal(start.toordinal() + 7 * count - 1),
        granularity="week",
        today=date(2030, 1, 1),
    )


@pytest.mark.parametrize(
    ("maximum", "minimum_step", "expected"),
    [
        (100, 10, (100, 20)),
        (133.3, 10, (150, 50)),
        (0, 1, (1, 1)),
        (7, 1, (8, 2)),
        (1234, 1, (1500, 500)),
    ],
)
def test_nice_scale_rounds_the_axis_up_to_a_round_step(maximum, minimum_step, expected):
    assert nice_scale(maximum, minimum_step=minimum_step) == expected


def test_a_line_chart_plots_percentages_and_breaks_where_there_is_no_figure():
    periods = weeks(4)

    chart = line_chart_build(
        id="rates",
        title="Rates",
        description="Rates by week",
        periods=periods,
        series=[
            ("Completion rate", [Decimal(50), None, Decimal(100), Decimal(0)]),
            ("Digital take-up", [None, None, None, None]),
        ],
    )

    line, empty = chart.series
    # 100% is the top of the plot, 0% the bottom, 50% half way.
    assert [m.y for m in line.markers] == [TOP + PLOT_HEIGHT / 2, TOP, BOTTOM_Y]
    assert line.path.count("M") == 2  # the gap starts a new line
    assert [m.title for m in line.markers][0] == "5 Jan 2026: Completion rate 50%"
    assert empty.path == "" and empty.markers == []
    assert [t.label for t in chart.y_ticks] == ["0%", "20%", "40%", "60%", "80%", "100%"]
    assert [item.shape for item in chart.legend] == ["circle", "square"]
    assert chart.x_title == "Week beginning"


def test_a_stacked_column_chart_stacks_counts_from_the_bottom():
    periods = weeks(2)

    chart = stacked_column_chart_build(
        id="volumes",
        title="Volumes",
        description="Volumes by week",
        periods=periods,
        stacks=[("Digital", [6, 0]), ("Phone", [2, 0])],
    )

    digital, phone = chart.segments
    # Axis top is 8 (steps of 2): 6 digital fill three quarters, phone the rest.
    assert chart.y_ticks[-1].label == "8"
    assert digital.y + digital.height == BOTTOM_Y
    assert digital.height == pytest.approx(PLOT_HEIGHT * 6 / 8, abs=0.02)
    assert phone.y == TOP
    assert phone.y + phone.height == pytest.approx(digital.y, abs=0.02)
    assert digital.colour != phone.colour
    assert phone.title == "5 Jan 2026: Phone 2"
    assert len(chart.segments) == 2  # the second week is empty: nothing drawn


def test_long_ranges_label_at_most_a_dozen_periods_on_the_x_axis():
    chart = stacked_column_chart_build(
        id="v", title="t", description="d", periods=weeks(104), stacks=[("Digital", [1] * 104)]
    )

    assert len(chart.x_labels) <= MAX_X_LABELS
    assert all(LEFT < label.x < chart.right for label in chart.x_labels)
    assert chart.height == HEIGHT
