"""Plain-language sentences about progress, shown beside every chart ("leg pain down from 7 to 4
in three weeks"), so that what a chart shows is also said in words."""

import datetime as dt
from collections.abc import Sequence
from statistics import mean
from typing import Final

from sciatica_coach.engine.review import (
    MEANINGFUL_POINTS,
    PROGRESS_ADHERENCE,
    centralised,
    peripheralised,
)
from sciatica_coach.engine.vocabulary import Extent
from sciatica_coach.progress.charts import Point

EXTENT_WORDS: Final[dict[Extent, str]] = {
    "none": "no symptoms",
    "back": "the back only",
    "buttock": "the buttock",
    "thigh": "the thigh",
    "below_knee": "below the knee",
    "foot": "the foot",
}
NUMBER_WORDS: Final = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def span_words(start: dt.date, end: dt.date) -> str:
    """How many calendar days the entries cover, counting both ends: entries made today alone
    cover 1 day, not 0."""
    days = (end - start).days + 1
    if days < 14:
        return f"{days} day{'s' if days != 1 else ''}"
    weeks = round(days / 7)
    return f"{NUMBER_WORDS[weeks] if weeks < 10 else weeks} weeks"


def weekly_means(points: Sequence[Point]) -> list[Point]:
    """One point a week (the week's Monday), the mean of that week's values, to one decimal."""
    weeks: dict[dt.date, list[float]] = {}
    for point in points:
        monday = point.day - dt.timedelta(days=point.day.weekday())
        weeks.setdefault(monday, []).append(point.value)
    return [Point(day, round(mean(values), 1)) for day, values in sorted(weeks.items())]


def day_words(day: dt.date) -> str:
    """``28 November``, as the pages write dates."""
    return f"{day.day} {day:%B}"


def pain_trend(label: str, points: Sequence[Point]) -> str:
    """``Leg pain down from 7 to 4 in three weeks`` (first and last week's means)."""
    if not points:
        return f"No {label.lower()} scores logged yet."
    ordered = sorted(points, key=lambda p: p.day)
    if len(ordered) == 1:
        only = ordered[0]
        return f"{label} was {only.value:g} out of 10 before your session on {day_words(only.day)}."
    weekly = weekly_means(ordered)
    first, last = weekly[0].value, weekly[-1].value
    span = span_words(ordered[0].day, ordered[-1].day)
    if len(weekly) == 1:
        return f"{label} averaged {first:g} out of 10 over {span}."
    change = last - first
    direction = "down" if change < 0 else "up"
    if abs(change) < 0.5:
        return f"{label} steady at about {last:g} out of 10 over {span}."
    matters = " That is a change that matters." if abs(change) >= MEANINGFUL_POINTS else ""
    return f"{label} {direction} from {first:g} to {last:g} in {span}.{matters}"


def extent_trend(extents: Sequence[tuple[dt.date, Extent]]) -> str:
    if not extents:
        return "No symptom maps logged yet."
    ordered = sorted(extents, key=lambda entry: entry[0])  # stable: same-day entries keep order
    (start_day, first), (end_day, last) = ordered[0], ordered[-1]
    over = f" over {span_words(start_day, end_day)}" if end_day > start_day else ""
    now = f"Your symptoms now reach {EXTENT_WORDS[last]}"
    if centralised(first, last):
        return (
            f"{now}, up from {EXTENT_WORDS[first]}{over}. Symptoms moving up toward the back "
            "(centralising) are a good sign."
        )
    if peripheralised(first, last):
        return (
            f"{now}, further down than {EXTENT_WORDS[first]}{over}. If they keep spreading down "
            "the leg, tell your clinician."
        )
    return f"{now}, the same as at the start."


def adherence_summary(*, done: int, planned: int, days: int, done_today: int, per_day: int) -> str:
    """Sessions done in the whole days before today (as the weekly review counts them), and
    today's so far. On the first day there are no whole days yet: only today is counted, and a
    session not done yet today is not called missed."""
    today = f"{done_today} of {per_day} session{'s' if per_day != 1 else ''} done today."
    if days == 0:
        return today
    share = done / planned
    encouragement = (
        "Well done: regular sessions are what makes the program work."
        if share >= PROGRESS_ADHERENCE
        else "Linking each session to something you do every day can make it easier."
    )
    when = "yesterday" if days == 1 else f"in the last {days} days"
    also = f" {today}" if done_today else ""
    return f"{done} of {planned} sessions done {when} ({share:.0%}).{also} {encouragement}"


def score_trend(
    name: str, scores: Sequence[Point], mic: float, lower_is_better: bool = True
) -> str:
    if not scores:
        return f"No {name} answers yet."
    ordered = sorted(scores, key=lambda p: p.day)
    if len(ordered) == 1:
        return f"{name}: {ordered[0].value:g} on {day_words(ordered[0].day)}."
    first, last = ordered[0].value, ordered[-1].value
    change = last - first
    better = change < 0 if lower_is_better else change > 0
    verdict = (
        f"more than the {mic:g} points that matter"
        if abs(change) >= mic
        else f"less than the {mic:g} points that count as a real change"
    )
    direction = "better" if better else "worse" if change else "unchanged"
    return f"{name} {direction}: from {first:g} to {last:g}, {verdict}."
