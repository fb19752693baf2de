"""Reminder timing: local times, sessions already done, no repeats, no stale piles."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from sciatica_coach.reminders.schedule import due_reminders

TIMES = {"morning": dt.time(8, 0), "evening": dt.time(19, 0)}
LONDON = ZoneInfo("Europe/London")


def due(now: dt.datetime, **changes: object) -> list[str]:
    options: dict[str, object] = {
        "now": now,
        "time_zone": "Europe/London",
        "times": TIMES,
        "done_slots": set(),
        "already_sent": set(),
    }
    options.update(changes)
    return [r.slot for r in due_reminders(**options)]  # type: ignore[arg-type]


def test_a_reminder_is_due_once_its_local_time_has_passed() -> None:
    assert due(dt.datetime(2026, 7, 1, 7, 59, tzinfo=LONDON)) == []
    assert due(dt.datetime(2026, 7, 1, 8, 0, tzinfo=LONDON)) == ["morning"]


def test_local_time_is_used_in_summer_and_winter() -> None:
    summer_utc = dt.datetime(2026, 7, 1, 7, 5, tzinfo=dt.UTC)  # 08:05 in London (BST)
    winter_utc = dt.datetime(2026, 12, 1, 8, 5, tzinfo=dt.UTC)  # 08:05 in London (GMT)
    assert due(summer_utc) == ["morning"]
    assert due(winter_utc) == ["morning"]
    assert due(dt.datetime(2026, 12, 1, 7, 5, tzinfo=dt.UTC)) == []


def test_a_session_already_done_is_not_reminded() -> None:
    assert due(dt.datetime(2026, 7, 1, 8, 30, tzinfo=LONDON), done_slots={"morning"}) == []


def test_a_reminder_already_sent_is_not_sent_again() -> None:
    sent = {(dt.date(2026, 7, 1), "morning")}
    assert due(dt.datetime(2026, 7, 1, 8, 30, tzinfo=LONDON), already_sent=sent) == []


def test_reminders_older_than_the_grace_window_are_skipped() -> None:
    assert due(dt.datetime(2026, 7, 1, 10, 30, tzinfo=LONDON)) == []


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        due(dt.datetime(2026, 7, 1, 8, 30))  # noqa: DTZ001
