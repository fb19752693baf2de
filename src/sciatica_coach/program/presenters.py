"""Words for numbers the engine gives: built once in Python, not per item in a template."""

import datetime as dt
from typing import Any

from django.utils.translation import gettext, ngettext

from sciatica_coach.engine.vocabulary import RED_FLAGS
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


def plan_item_present(item: dict[str, Any]) -> dict[str, Any]:
    """A plan item as every page shows it (Today, both players, the printed plan): the engine's
    fields, the dose in words and the catalog entry with its instructions and cues."""
    return {**item, "dose": dose_text(item), "exercise_info": exercise_get(item["exercise"]) or {}}


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
