"""Factories for engine inputs: a sensible default, with only what a test cares about changed."""

import copy
from typing import Any


def profile(**changes: Any) -> dict[str, Any]:
    """A 46-year-old with a confirmed disc herniation, left leg pain to below the knee."""
    data: dict[str, Any] = {
        "contract": "sciatica-coach/1",
        "age": 46,
        "sex": "female",
        "pregnancy_weeks": None,
        "symptoms": {
            "leg_side": "left",
            "extent": "below_knee",
            "pins_and_needles": True,
            "numbness": False,
            "weakness": False,
            "onset_days": 20,
        },
        "red_flags": [],
        "diagnoses": [{"condition": "disc_herniation", "confirmed_by_clinician": True}],
        "cleared_red_flags": [],
        "pain": {"leg": 5, "back": 3},
        "assessment": {},
        "equipment": [],
        "avoid_exercises": [],
    }
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict) and key != "assessment":
            data[key] = {**data[key], **value}
        else:
            data[key] = copy.deepcopy(value)
    return data


def diagnosed(*conditions: str, confirmed: bool = True) -> list[dict[str, Any]]:
    return [{"condition": c, "confirmed_by_clinician": confirmed} for c in conditions]


def log(
    date: str,
    slot: str = "morning",
    *,
    done: bool = True,
    pain: tuple[int, int] = (5, 3),
    pain_after: tuple[int, int] | None = None,
    extent: tuple[str, str] = ("thigh", "thigh"),
    exercises: list[str] | None = None,
    flags: list[str] | None = None,
) -> dict[str, Any]:
    return {
        "date": date,
        "slot": slot,
        "done": done,
        "pain_before": {"leg": pain[0], "back": pain[1]},
        "pain_after": dict(zip(("leg", "back"), pain_after or pain, strict=True)),
        "extent_before": extent[0],
        "extent_after": extent[1],
        "exercises_done": exercises if exercises is not None else ["pelvic_tilt"],
        "new_red_flags": flags or [],
    }


def week_of_logs(
    today: str = "2026-10-29",
    *,
    days: int = 7,
    pain: tuple[int, int] = (5, 3),
    per_day: int = 2,
    exercises: list[str] | None = None,
) -> list[dict[str, Any]]:
    import datetime as dt

    """``days`` of logs up to and including ``today``: the review's window."""
    end = dt.date.fromisoformat(today)
    logs = []
    for back in range(days - 1, -1, -1):
        day = (end - dt.timedelta(days=back)).isoformat()
        for slot in ("morning", "evening")[:per_day]:
            logs.append(log(day, slot, pain=pain, exercises=exercises))
    return logs


def review_request(
    plan: dict[str, Any],
    *,
    profile_data: dict[str, Any] | None = None,
    started_on: str = "2026-10-15",
    today: str = "2026-10-29",
    baseline: tuple[int, int] = (6, 3),
    logs: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    return {
        "profile": profile_data or profile(),
        "plan": plan,
        "started_on": started_on,
        "today": today,
        "baseline_pain": {"leg": baseline[0], "back": baseline[1]},
        "logs": logs if logs is not None else week_of_logs(today),
    }


def logs_saved(user: Any, logs: list[dict[str, Any]]) -> None:
    """Logs as made above, stored as a person's finished sessions against their current plan:
    for pages that read what was logged (progress, review) without playing each session."""
    import datetime as dt

    from sciatica_coach.program import selectors
    from sciatica_coach.program.models import SessionLog

    plan = selectors.plan_current(user=user)
    assert plan is not None, "logs need a plan; make the person's program first"
    SessionLog.objects.bulk_create(
        SessionLog(
            user=user,
            plan=plan,
            date=dt.date.fromisoformat(log["date"]),
            slot=log["slot"],
            done=log["done"],
            ending=SessionLog.Ending.FINISHED if log["done"] else SessionLog.Ending.OPEN,
            pain_before_leg=log["pain_before"]["leg"],
            pain_before_back=log["pain_before"]["back"],
            pain_after_leg=log["pain_after"]["leg"],
            pain_after_back=log["pain_after"]["back"],
            extent_before=log["extent_before"],
            extent_after=log["extent_after"],
            exercises_done=log["exercises_done"],
            new_red_flags=log["new_red_flags"],
        )
        for log in logs
    )
