"""The plan as people see it, in one place: Today, the player, the offline player, the printed
plan and the API all show sessions and items through these functions. Words for the numbers the
engine gives are built once in Python, not per item in a template."""

import datetime as dt
from collections.abc import Collection
from typing import Any, TypedDict

from django.utils.translation import gettext, ngettext

from sciatica_coach.engine.vocabulary import RED_FLAGS
from sciatica_coach.program.choices import SLOTS
from sciatica_coach.program.exercises import exercise_get


def dose_text(item: dict[str, Any], *, per_side: bool | None = None) -> str:
    """ "2 sets · 10 times · hold 5 s · each side" from a plan item or a catalog dose."""
    parts = []
    sets, reps, hold = item["sets"], item["reps"], item["hold_s"]
    if sets > 1:
        parts.append(ngettext("%(n)d set", "%(n)d sets", sets) % {"n": sets})
    parts.append(ngettext("%(n)d time", "%(n)d times", reps) % {"n": reps})
    if hold:
        parts.append(gettext("hold %(s)d s") % {"s": hold})
    each = item.get("side") == "each" if per_side is None else per_side
    if each:
        parts.append(gettext("each side"))
    return " · ".join(parts)


class ItemView(TypedDict):
    """A plan item as every client shows it: the engine's item (the contract's fields), the dose
    in words, the catalog entry (instructions, cues) and whether it was done in this session."""

    exercise: str
    name: str
    kind: str
    level: int
    sets: int
    reps: int
    hold_s: int
    side: str
    seconds: int
    why: list[str]
    dose_note: str
    trial: bool
    dose: str
    exercise_info: dict[str, Any]
    done: bool


class SessionView(TypedDict):
    slot: str
    label: str
    seconds: int
    minutes: int
    items: list[ItemView]


def plan_item_present(item: dict[str, Any], *, done: bool = False) -> ItemView:
    # Plans stored before an engine revision may lack a field added since; ``trial`` is the one
    # the revision added to items.
    return {
        "exercise": item["exercise"],
        "name": item["name"],
        "kind": item["kind"],
        "level": item.get("level", 1),
        "sets": item["sets"],
        "reps": item["reps"],
        "hold_s": item["hold_s"],
        "side": item["side"],
        "seconds": item["seconds"],
        "why": list(item["why"]),
        "dose_note": item["dose_note"],
        "trial": bool(item.get("trial", False)),
        "dose": dose_text(item),
        "exercise_info": exercise_get(item["exercise"]) or {},
        "done": done,
    }


def session_present(session: dict[str, Any], *, done: Collection[str] = ()) -> SessionView:
    """One session of a plan, as Today, both players, the printed plan and the API show it.
    ``done``: the exercises already done in this session (the player resumes after them)."""
    return {
        "slot": session["slot"],
        "label": str(SLOTS.get(session["slot"], session["slot"])),
        "seconds": session["seconds"],
        "minutes": max(1, round(session["seconds"] / 60)),
        "items": [
            plan_item_present(item, done=item["exercise"] in done) for item in session["items"]
        ],
    }


def plan_present(answer: dict[str, Any]) -> list[SessionView]:
    """Every session of a plan, in the plan's order; none when it is no program."""
    return [session_present(session) for session in answer.get("sessions") or []]


def plan_session(answer: dict[str, Any], slot: str) -> dict[str, Any] | None:
    """The plan's session for this slot, as the engine made it; ``None`` if it has none."""
    return next((s for s in answer.get("sessions") or [] if s["slot"] == slot), None)


# Who a clearance came from, in words; the clinician side will add its own.
CLEARED_BY: dict[str, str] = {"self_reported": "you told us"}


def clearances_present(records: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Each cleared warning sign with who said a doctor checked it, and when."""
    return [
        {
            "text": RED_FLAGS[record["flag"]].text,
            "by": gettext(CLEARED_BY.get(record["by"], record["by"])),
            "on": dt.date.fromisoformat(record["on"]),
        }
        for record in records
        if record["flag"] in RED_FLAGS
    ]
