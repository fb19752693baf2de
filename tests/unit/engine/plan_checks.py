"""Checks of the contract's plan rules, shared by the rule tests and the property tests.

They are written from the contract's words, not from the engine's code, so that a test can catch
the engine disagreeing with the contract.
"""

from typing import Any

from sciatica_coach.engine.catalog import Exercise, load_catalog
from sciatica_coach.engine.dose import SESSION_LIMIT_S

FLEXION_ONLY = {"spinal_stenosis", "isthmic_spondylolisthesis", "degenerative_spondylolisthesis"}
NO_PRONE_FROM_WEEK = 13
NO_SUPINE_FROM_WEEK = 20
EXTENT = ["none", "back", "buttock", "thigh", "below_knee", "foot"]


def items(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for session in plan["sessions"] or [] for item in session["items"]]


def exercise_ids(plan: dict[str, Any]) -> set[str]:
    return {item["exercise"] for item in items(plan)}


def chosen(plan: dict[str, Any]) -> list[Exercise]:
    catalog = load_catalog()
    return [catalog[item["exercise"]] for item in items(plan)]


def tags(plan: dict[str, Any], tag: str) -> set[str]:
    return {str(getattr(exercise, tag)) for exercise in chosen(plan)}


def directions(plan: dict[str, Any]) -> set[str]:
    """The spine directions of the plan's directional items; ``mixed`` counts as both."""
    found: set[str] = set()
    for exercise in chosen(plan):
        if exercise.direction == "mixed":
            found |= {"flexion", "extension", "mixed"}
        elif exercise.direction != "neutral":
            found.add(exercise.direction)
    return found


def assert_rule_1(plan: dict[str, Any]) -> None:
    assert plan["sessions_per_day"] >= 2
    assert len(plan["sessions"]) >= 2
    for session in plan["sessions"]:
        assert len(session["items"]) >= 3
        assert sum(item["seconds"] for item in session["items"]) == session["seconds"]
        assert session["seconds"] <= SESSION_LIMIT_S


def assert_rule_2(plan: dict[str, Any]) -> None:
    kinds = {item["kind"] for item in items(plan)}
    assert "stretch" in kinds
    if plan["phase"] in ("recovery", "maintenance"):
        assert "strengthen" in kinds


def pregnancy_week(profile: dict[str, Any]) -> int | None:
    weeks = profile.get("pregnancy_weeks")
    conditions = {d["condition"] for d in profile["diagnoses"]}
    after_birth = profile.get("weeks_since_birth") is not None
    if weeks is None and "pregnancy_related" in conditions and not after_birth:
        return NO_SUPINE_FROM_WEEK
    return weeks  # type: ignore[no-any-return]


def assert_rule_4(
    plan: dict[str, Any], profile: dict[str, Any], *, extent: str | None = None
) -> None:
    """Rule 4's exclusions; ``extent`` is the window's last extent for a plan made by a review."""
    conditions = {d["condition"] for d in profile["diagnoses"]}
    weeks = pregnancy_week(profile)
    avoid_directions = set(profile.get("avoid_directions", []))
    reach = EXTENT.index(extent or profile["symptoms"]["extent"])
    for exercise in chosen(plan):
        spine = {"flexion", "extension"} if exercise.direction == "mixed" else {exercise.direction}
        assert not exercise.check_only, exercise.id
        if conditions & FLEXION_ONLY:
            assert "extension" not in spine, exercise.id
        assert not spine & avoid_directions, exercise.id
        if weeks is not None and weeks >= NO_PRONE_FROM_WEEK:
            assert exercise.position != "prone", exercise.id
        if weeks is not None and weeks >= NO_SUPINE_FROM_WEEK:
            assert exercise.position != "supine", exercise.id
        if weeks is not None:
            assert "pregnancy" not in exercise.contraindications, exercise.id
        assert set(exercise.equipment) <= set(profile.get("equipment", [])), exercise.id
        assert exercise.id not in profile.get("avoid_exercises", []), exercise.id
        assert not conditions & set(exercise.contraindications), exercise.id
        if profile.get("floor_ok", True) is False:
            assert exercise.position in ("sitting", "standing"), exercise.id
            assert not exercise.needs_floor, exercise.id
        if profile.get("weeks_since_birth") is not None:  # the program's own rule after a birth
            assert exercise.position != "prone", exercise.id
            assert "postpartum" not in exercise.contraindications, exercise.id
        thin_bones = profile["sex"] == "female" and profile["age"] >= 65
        if thin_bones or "fracture_risk" in {*profile["red_flags"], *profile["cleared_red_flags"]}:
            assert not exercise.loaded_flexion, exercise.id
        if plan["phase"] == "relief" or reach >= EXTENT.index("below_knee"):
            assert not exercise.loads_nerve, exercise.id
        if plan["phase"] == "relief" and exercise.kind == "strengthen":
            assert not exercise.equipment, exercise.id
        if plan.get("first_plan"):
            assert exercise.level == 1, exercise.id
            if exercise.direction != "neutral":
                assert exercise.easier is None, exercise.id
    if conditions & FLEXION_ONLY and "flexion" not in avoid_directions and not plan["unmet"]:
        assert any(e.direction == "flexion" for e in chosen(plan))


def assert_one_direction(plan: dict[str, Any], profile: dict[str, Any]) -> None:
    """Rule 5: a plan's directional items all go one way, unless the preference is ``none``."""
    if profile.get("directional_preference", "unknown") == "none":
        return
    found = directions(plan) - {"mixed"}
    assert len(found) <= 1, found
    if profile.get("directional_preference", "unknown") == "unknown":
        assert "mixed" not in directions(plan)


def assert_rule_6(plan: dict[str, Any]) -> None:
    for item in items(plan):
        assert item["why"], item["exercise"]
    for excluded in plan["excluded"]:
        assert excluded["reasons"], excluded["exercise"]
