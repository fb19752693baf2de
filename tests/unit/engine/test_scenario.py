"""Eight weeks of one person, through the engine alone, as the app would drive it.

She has a confirmed disc herniation, leg pain 6/10 reaching below the knee, and no known
directional preference. Her symptoms (which the engine cannot see) spread down the leg whenever a
session bends her back backwards, and move up towards her back when a session bends it forward.
The path the contract asks for: the gentle extension trial, a regress as soon as it spreads her
symptoms, the direction dropped with no second trial, the movement test with flexion only, a
flexion plan, and weekly progress one step at a time, with every reason true of her logs.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sciatica_coach import engine
from sciatica_coach.engine.catalog import load_catalog
from sciatica_coach.engine.vocabulary import EXTENT_ORDER
from tests.factories import profile
from tests.unit.engine.plan_checks import assert_rule_1, assert_rule_4, directions, items

CATALOG = load_catalog()
START = dt.date(2026, 10, 1)


@dataclass
class Person:
    """Her body, as the test knows it and the engine does not."""

    extent: int = EXTENT_ORDER.index("below_knee")
    leg: float = 6.0
    logs: list[dict[str, Any]] = field(default_factory=list)

    def do(self, day: dt.date, slot: str, session: list[str]) -> dict[str, Any]:
        bends = {CATALOG[e].direction for e in session}
        before, pain = self.extent, round(self.leg)
        if "extension" in bends:
            self.extent = min(self.extent + 1, len(EXTENT_ORDER) - 1)
            self.leg = min(10.0, self.leg + 0.5)
        elif "flexion" in bends:
            self.extent = max(self.extent - 1, EXTENT_ORDER.index("buttock"))
            self.leg = max(1.0, self.leg - 0.25)
        entry = {
            "date": day.isoformat(),
            "slot": slot,
            "done": True,
            "pain_before": {"leg": pain, "back": 2},
            "pain_after": {"leg": round(self.leg), "back": 2},
            "extent_before": EXTENT_ORDER[before],
            "extent_after": EXTENT_ORDER[self.extent],
            "exercises_done": session,
            "new_red_flags": [],
        }
        self.logs.append(entry)
        return entry


def request(
    data: dict[str, Any], plan: dict[str, Any], person: Person, today: dt.date, previous: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "profile": data,
        "plan": plan,
        "started_on": START.isoformat(),
        "today": today.isoformat(),
        "baseline_pain": {"leg": 6, "back": 2},
        "logs": person.logs,
    }
    if previous is not None:
        body["previous_window_pain"] = previous
    return body


def test_eight_weeks_from_the_extension_trial_to_a_flexion_plan_that_progresses() -> None:
    data = profile(pain={"leg": 6, "back": 2}, symptoms={"extent": "below_knee"})
    person = Person()
    plan = engine.plan(data)
    history: list[tuple[str, dict[str, Any]]] = []

    # Day 1: the first plan holds one gentle extension trial and suggests the movement test.
    trial = [i["exercise"] for i in items(plan) if i["trial"]]
    assert set(trial) == {"prone_lying"}
    assert plan["checks_suggested"] == ["movement_test"]

    # Day 1 morning: the trial spreads her symptoms; the app asks for a review at once.
    day = START
    entry = person.do(day, "morning", [i["exercise"] for i in plan["sessions"][0]["items"]])
    assert entry["extent_after"] == "foot"
    answer = engine.review(request(data, plan, person, day, None))
    history.append(("trial spread", answer))
    assert answer["decision"] == "regress"
    assert answer["avoid_directions_added"] == ["extension"]
    # One session, and it spread: nothing to compare it with, so no exercise is blamed.
    assert answer["avoid_exercises_added"] == []
    assert answer["clinician_review_recommended"] is True
    reasons = {r["id"]: r["text"] for r in answer["reasons"]}
    assert "in 1 session out of 1" in reasons["peripheralisation"]
    assert "trial of lying face down" in reasons["trial_direction_avoided"]
    assert "no_single_cause" in reasons
    data = {
        **data,
        "avoid_exercises": answer["avoid_exercises_added"],
        "avoid_directions": answer["avoid_directions_added"],
    }
    plan = answer["plan"]
    assert not directions(plan)  # no second trial
    assert plan["checks_suggested"] == ["movement_test"]

    # The rest of week 1 without bending either way: no more spreading.
    for offset in range(0, 7):
        day = START + dt.timedelta(days=offset)
        for session in plan["sessions"]:
            if offset == 0 and session["slot"] == "morning":
                continue
            person.do(day, session["slot"], [i["exercise"] for i in session["items"]])
    assert person.extent == EXTENT_ORDER.index("foot")

    # Day 8: the movement test offers flexion only (extension is avoided) and it centralises.
    day = START + dt.timedelta(days=7)
    offer = engine.checks(data)["movement_test"]
    assert offer["offered"] == ["flexion"]
    before = EXTENT_ORDER[person.extent]
    person.extent -= 1
    shown = engine.movement_test(
        {
            "profile": data,
            "results": [
                {
                    "direction": "flexion",
                    "extent_before": before,
                    "extent_after": EXTENT_ORDER[person.extent],
                    "leg_pain_before": round(person.leg),
                    "leg_pain_after": round(person.leg),
                }
            ],
        }
    )
    assert (shown["directional_preference"], shown["avoid_directions"]) == (
        "flexion",
        ["extension"],
    )
    data = {**data, "directional_preference": "flexion"}
    plan = engine.plan(data)  # a new preference is a profile change: a first plan again
    assert directions(plan) == {"flexion"}
    assert all(CATALOG[i["exercise"]].level == 1 for i in items(plan))
    assert plan["checks_suggested"] == []

    # Weeks 2 to 8: flexion sessions, a review every seven days.
    previous = answer["window_pain"] if answer["window_pain"]["leg"] is not None else None
    decisions = []
    for week in range(1, 8):
        for offset in range(7):
            day = START + dt.timedelta(days=7 * week + offset)
            for session in plan["sessions"]:
                person.do(day, session["slot"], [i["exercise"] for i in session["items"]])
        answer = engine.review(request(data, plan, person, day, previous))
        history.append((f"week {week + 1}", answer))
        decisions.append(answer["decision"])
        assert answer["decision"] in ("progress", "continue"), answer["reasons"]
        assert answer["avoid_directions_added"] == []
        # Every reason is true of the logs: the counts it quotes are the window's.
        done, planned = answer["sessions_done"], answer["sessions_planned"]
        assert (done, planned) == (14, 14)
        for reason in answer["reasons"]:
            if " of " in reason["text"] and "sessions" in reason["text"]:
                assert f"{done} of {planned}" in reason["text"]
        next_plan = answer["plan"]
        assert_rule_1(next_plan)
        assert_rule_4(next_plan, data, extent=person.logs[-1]["extent_after"])
        assert directions(next_plan) <= {"flexion"}
        # One step at a time along each progression.
        before_lines = {CATALOG.line_id(i["exercise"]): i["exercise"] for i in items(plan)}
        for item in items(next_plan):
            line = CATALOG.line_id(item["exercise"])
            if line in before_lines:
                ids = [e.id for e in CATALOG.progression(line)]
                assert ids.index(item["exercise"]) - ids.index(before_lines[line]) in (0, 1)
        previous = answer["window_pain"]
        plan = next_plan

    assert "progress" in decisions
    assert person.extent < EXTENT_ORDER.index("below_knee")  # centralised
    assert "double_knee_to_chest" in {i["exercise"] for i in items(plan)}
    assert plan["daily_activity"]["minutes"] > 10  # walks grew week by week
    assert not any(CATALOG[i["exercise"]].direction == "extension" for i in items(plan))
    assert len(history) == 8
