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


def test_pain_trend_with_a_single_week_counts_both_the_first_and_the_last_day() -> None:
    assert pain_trend("Back pain", days([3, 4])) == "Back pain averaged 3.5 out of 10 over 2 days."


def test_two_sessions_on_one_day_cover_one_day_not_none() -> None:
    points = [Point(START, 4), Point(START, 5)]
    assert pain_trend("Leg pain", points) == "Leg pain averaged 4.5 out of 10 over 1 day."


def test_a_single_session_is_told_as_one_session_with_its_date() -> None:
    assert pain_trend("Leg pain", days([4])) == (
        "Leg pain was 4 out of 10 before your session on 2 November."
    )


def test_extent_trend_celebrates_centralisation_and_warns_of_spreading() -> None:
    assert "good sign" in extent_trend([(START, "foot"), (START + dt.timedelta(days=14), "thigh")])
    assert "tell your clinician" in extent_trend([(START, "thigh"), (START, "below_knee")])


def test_adherence_over_the_last_whole_days_and_today() -> None:
    assert adherence_summary(done=12, planned=14, days=7, done_today=0, per_day=2) == (
        "12 of 14 sessions done in the last 7 days (86%). "
        "Well done: regular sessions are what makes the program work."
    )
    assert adherence_summary(done=1, planned=2, days=1, done_today=2, per_day=2).startswith(
        "1 of 2 sessions done yesterday (50%). 2 of 2 sessions done today. Linking"
    )


def test_on_the_first_day_only_todays_sessions_are_counted() -> None:
    assert adherence_summary(done=0, planned=0, days=0, done_today=1, per_day=2) == (
        "1 of 2 sessions done today."
    )


def test_scores_summaries() -> None:
    assert score_trend("ODI", days([40, 28]), 10) == (
        "ODI better: from 40 to 28, more than the 10 points that matter."
    )
    assert "less than the 5 points" in score_trend("RMDQ", days([10, 8]), 5)
