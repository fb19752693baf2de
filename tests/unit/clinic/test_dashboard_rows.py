"""The dashboard's pure parts: what needs attention and in what order, the sparklines, and the
start-versus-latest verdicts."""

import datetime as dt
from typing import Any

from django.contrib.auth.models import User

from sciatica_coach.clinic import dashboard
from sciatica_coach.clinic.outcomes import Change
from sciatica_coach.program.models import Summary
from sciatica_coach.program.summary import SummaryView, done_digits

TODAY = dt.date(2026, 11, 20)


def row(**fields: Any) -> Summary:
    base: dict[str, Any] = {
        "has_program": True,
        "urgency": "self_care",
        "phase": "recovery",
        "preference": "unknown",
        "sessions_per_day": 2,
        "started_on": TODAY - dt.timedelta(days=30),
        "last_activity": TODAY,
        "days": {(TODAY - dt.timedelta(days=n)).isoformat(): [2, 4.0, 3] for n in range(0, 29)},
        "red_flags": [],
        "review_ref": "",
        "review_reasons": [],
        "review_seen": [],
    }
    merged = {**base, **fields}
    return Summary(**merged, done_days=done_digits(merged["days"], TODAY), done_until=TODAY)


def test_a_week_of_every_session_is_full_adherence_and_needs_nothing() -> None:
    view = SummaryView(row(), TODAY)
    assert view.adherence(7) == 1.0
    assert dashboard.attention(view) == []


def test_todays_evening_not_yet_done_is_not_a_missed_session() -> None:
    days = {(TODAY - dt.timedelta(days=n)).isoformat(): [2, None, None] for n in range(1, 8)}
    days[TODAY.isoformat()] = [1, None, None]
    assert SummaryView(row(days=days), TODAY).adherence(7) == 1.0


def test_adherence_under_half_this_week_is_flagged_but_not_on_the_first_day() -> None:
    sparse = {(TODAY - dt.timedelta(days=n)).isoformat(): [1, None, None] for n in (1, 2, 3)}
    low = SummaryView(row(days=sparse), TODAY)
    assert [a.kind for a in dashboard.attention(low)] == ["low_adherence"]
    started_today = SummaryView(row(days={}, started_on=TODAY, last_activity=None), TODAY)
    assert dashboard.attention(started_today) == []


def test_three_days_without_a_session_is_quiet() -> None:
    quiet = SummaryView(row(last_activity=TODAY - dt.timedelta(days=3)), TODAY)
    assert "quiet" in [a.kind for a in dashboard.attention(quiet)]


def test_a_warning_sign_comes_before_a_review_and_a_review_before_adherence() -> None:
    people = []
    for name, fields in (
        ("quiet", {"last_activity": TODAY - dt.timedelta(days=9), "days": {}}),
        (
            "review",
            {"review_ref": "review:1", "review_reasons": [{"id": "pain_worse", "text": ""}]},
        ),
        ("flag", {"red_flags": ["constant_night_pain"]}),
        ("fine", {}),
    ):
        user = User(username=name, pk=len(people) + 1)
        people.append((user, name, row(user_id=user.pk, **fields)))
    rows = dashboard.rows_for(
        ((u, n) for u, n, _ in people), {u.pk: s for u, _, s in people}, TODAY
    )
    assert [r.name for r in rows] == ["flag", "review", "quiet", "fine"]
    assert rows[1].view is not None
    assert "worse" in dashboard.attention(rows[1].view)[0].label


def test_a_sparkline_leaves_gaps_and_names_what_it_shows() -> None:
    svg = dashboard.sparkline([1.0, None, 3.0, 4.0], low=0, high=10, label="Leg <pain>")
    assert svg.count("<polyline") == 1
    assert svg.count("<circle") == 1
    assert 'aria-label="Leg &lt;pain&gt;"' in svg


def test_a_change_counts_only_when_it_reaches_the_minimal_important_change() -> None:
    assert Change("odi", 40, 31).verdict == "no important change"
    assert Change("odi", 40, 30).verdict == "improved"
    assert Change("rmdq", 10, 15).verdict == "worse"
    assert Change("peg", 6, 4).verdict == "improved"
