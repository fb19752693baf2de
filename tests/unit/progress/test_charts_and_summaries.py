"""Progress charts are valid, accessible SVG drawn from the data; summaries say it in words."""

import datetime as dt
import xml.etree.ElementTree as ET

from sciatica_coach.progress.charts import Point, Series, calendar, line_chart
from sciatica_coach.progress.summaries import (
    adherence_summary,
    extent_trend,
    pain_trend,
    score_trend,
    weekly_means,
)

SVG = "{http://www.w3.org/2000/svg}"
START = dt.date(2026, 11, 2)  # a Monday


def days(values: list[float]) -> tuple[Point, ...]:
    return tuple(Point(START + dt.timedelta(days=i), v) for i, v in enumerate(values))


def test_a_line_chart_is_accessible_svg_with_one_marker_per_point() -> None:
    svg = line_chart(
        [Series("Leg", days([7, 6, 5])), Series("Back", days([3, 3]))],
        title="Pain before sessions",
        desc="Leg pain from 7 to 5.",
    )
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Pain before sessions"  # type: ignore[union-attr]
    assert root.find(f"{SVG}desc").text == "Leg pain from 7 to 5."  # type: ignore[union-attr]
    assert len(root.findall(f"{SVG}circle")) == 5
    assert len(root.findall(f"{SVG}polyline")) == 2


def test_higher_values_are_drawn_higher() -> None:
    root = ET.fromstring(line_chart([Series("Leg", days([2, 8]))], title="t", desc="d"))
    low, high = (float(c.get("cy", 0)) for c in root.findall(f"{SVG}circle"))
    assert high < low


def test_an_empty_chart_says_so() -> None:
    assert "No entries yet" in line_chart([Series("Leg", ())], title="t", desc="d")


def test_the_calendar_marks_each_session_done_or_not() -> None:
    done = {START: (True, False), START + dt.timedelta(days=1): (True, True)}
    svg = calendar(done, start=START, end=START + dt.timedelta(days=6), title="Sessions", desc="d")
    cells = list(ET.fromstring(svg).iter(f"{SVG}rect"))
    assert len(cells) == 14
    titles = [c.find(f"{SVG}title").text for c in cells]  # type: ignore[union-attr]
    assert titles[:4] == [
        "2026-11-02 morning: done",
        "2026-11-02 evening: not done",
        "2026-11-03 morning: done",
        "2026-11-03 evening: done",
    ]


def test_weekly_means_group_by_monday() -> None:
    points = days([6, 6, 6, 6, 6, 6, 6, 4, 4])
    assert weekly_means(points) == [Point(START, 6.0), Point(START + dt.timedelta(days=7), 4.0)]


def test_pain_trend_says_how_far_and_how_long() -> None:
    points = [*days([7] * 7), *(Point(START + dt.timedelta(days=21 + i), 4) for i in range(3))]
    assert pain_trend("Leg pain", points) == (
        "Leg pain down from 7 to 4 in three weeks. That is a change that matters."
    )


def test_pain_trend_with_a_single_week() -> None:
    assert pain_trend("Back pain", days([3, 4])) == "Back pain averaged 3.5 out of 10 over 1 day."


def test_extent_trend_celebrates_centralisation_and_warns_of_spreading() -> None:
    assert "good sign" in extent_trend([(START, "foot"), (START + dt.timedelta(days=14), "thigh")])
    assert "tell your clinician" in extent_trend([(START, "thigh"), (START, "below_knee")])


def test_adherence_and_score_summaries() -> None:
    assert adherence_summary(12, 14, 7).startswith(
        "12 of 14 sessions done in the last 7 days (86%)"
    )
    assert score_trend("ODI", days([40, 28]), 10) == (
        "ODI better: from 40 to 28, more than the 10 points that matter."
    )
    assert "less than the 5 points" in score_trend("RMDQ", days([10, 8]), 5)
