"""Hypothesis strategies for engine inputs: any valid profile, and broken variants of one."""

from typing import Any

from hypothesis import strategies as st

from sciatica_coach.engine.catalog import load_catalog
from sciatica_coach.engine.vocabulary import (
    CONDITION_ORDER,
    EXTENT_ORDER,
    IMBALANCE_TESTS,
    RED_FLAGS,
)

SIDED = ["negative", "positive_left", "positive_right", "positive_both"]
EQUIPMENT = ["stability_ball", "towel", "chair", "wall", "band", "pillow"]
EXERCISE_IDS = sorted(e.id for e in load_catalog().exercises)


def _assessment_value(test: str) -> st.SearchStrategy[Any]:
    if test in ("thomas_test", "trendelenburg"):
        return st.sampled_from(SIDED)
    if test.endswith("_deg"):
        return st.integers(0, 120)
    if test.endswith("_reps"):
        return st.integers(0, 60)
    return st.one_of(st.integers(0, 300), st.floats(0, 300, allow_nan=False))


assessments = st.fixed_dictionaries(
    {}, optional={test: _assessment_value(test) for test in IMBALANCE_TESTS}
)


@st.composite
def profiles(draw: st.DrawFn, *, red_flag_chance: bool = True) -> dict[str, Any]:
    sex = draw(st.sampled_from(["female", "male", "other", "unspecified"]))
    flags = (
        draw(st.lists(st.sampled_from(sorted(RED_FLAGS)), max_size=3, unique=True))
        if (red_flag_chance and draw(st.integers(0, 4)) == 0)
        else []
    )
    diagnoses = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "condition": st.sampled_from(CONDITION_ORDER),
                    "confirmed_by_clinician": st.sampled_from([True, True, True, False]),
                }
            ),
            min_size=1,
            max_size=3,
        )
    )
    leg_side = draw(st.sampled_from(["left", "right", "none", "left", "right", "both"]))
    preference = draw(st.sampled_from(["unknown", "unknown", "extension", "flexion", "none"]))
    avoid = draw(st.lists(st.sampled_from(["flexion", "extension"]), unique=True, max_size=2))
    weeks = None if sex == "male" else draw(st.none() | st.integers(0, 42))
    return {
        "contract": "sciatica-coach/1",
        "age": draw(st.integers(16, 100)),
        "sex": sex,
        "pregnancy_weeks": weeks,
        "weeks_since_birth": (
            None if sex == "male" or weeks is not None else draw(st.none() | st.integers(0, 6))
        ),
        "symptoms": {
            "leg_side": leg_side,
            "extent": draw(st.sampled_from(EXTENT_ORDER)),
            "pins_and_needles": draw(st.booleans()),
            "numbness": draw(st.booleans()),
            "weakness": draw(st.booleans()),
            "onset_days": draw(st.integers(0, 3650)),
            "both_legs_days": draw(st.none() | st.integers(0, 400)) if leg_side == "both" else None,
        },
        "directional_preference": preference,
        "avoid_directions": avoid,
        "floor_ok": draw(st.sampled_from([True, True, False])),
        "walking_tolerance_min": draw(st.none() | st.integers(0, 120)),
        "red_flags": flags,
        "diagnoses": diagnoses,
        "cleared_red_flags": (
            draw(st.lists(st.sampled_from(flags), unique=True))
            if flags
            else draw(st.sampled_from([[], [], ["bilateral_longstanding"], ["cancer_history"]]))
        ),
        "pain": {"leg": draw(st.integers(0, 10)), "back": draw(st.integers(0, 10))},
        "assessment": draw(assessments),
        "equipment": draw(st.lists(st.sampled_from(EQUIPMENT), unique=True)),
        "avoid_exercises": draw(
            st.lists(
                st.sampled_from(EXERCISE_IDS),
                unique=True,
                max_size=draw(st.sampled_from([0, 3, 12])),
            )
        ),
    }


@st.composite
def week_logs(draw: st.DrawFn, plan: dict[str, Any], today: str) -> list[dict[str, Any]]:
    """Any week of session logs against ``plan``: done or not, any pain, any extents, any subset
    of each session's exercises."""
    import datetime as dt

    end = dt.date.fromisoformat(today)
    sessions = {s["slot"]: [i["exercise"] for i in s["items"]] for s in plan["sessions"] or []}
    logs = []
    for back in range(6, -1, -1):
        for slot, exercises in sessions.items():
            if not draw(st.booleans()):
                continue
            pain = {"leg": draw(st.integers(0, 10)), "back": draw(st.integers(0, 10))}
            logs.append(
                {
                    "date": (end - dt.timedelta(days=back)).isoformat(),
                    "slot": slot,
                    "done": draw(st.sampled_from([True, True, True, False])),
                    "pain_before": pain,
                    "pain_after": pain,
                    "extent_before": draw(st.sampled_from(EXTENT_ORDER)),
                    "extent_after": draw(st.sampled_from(EXTENT_ORDER)),
                    "exercises_done": draw(
                        st.lists(st.sampled_from(exercises), unique=True)
                        if exercises
                        else st.just([])
                    ),
                    "new_red_flags": [],
                }
            )
    return logs


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-1000, 1000)
    | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*prefix, index))
    return found


@st.composite
def broken(draw: st.DrawFn, valid: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    """A valid input with one value replaced by arbitrary JSON, or one key removed or added."""
    import copy

    data = copy.deepcopy(draw(valid))
    path = draw(st.sampled_from(_paths(data)))
    parent: Any = data
    for part in path[:-1]:
        parent = parent[part]
    action = draw(st.sampled_from(["replace", "remove", "add"]))
    if action == "remove" and isinstance(parent, dict):
        del parent[path[-1]]
    elif action == "add" and isinstance(parent, dict):
        parent[draw(st.text(min_size=1, max_size=6))] = draw(json_values)
    else:
        parent[path[-1]] = draw(json_values)
    return data
