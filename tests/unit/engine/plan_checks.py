"""Checks of the contract's plan rules, shared by the rule tests and the property tests."""

from typing import Any

from sciatica_coach.engine.catalog import load_catalog
from sciatica_coach.engine.dose import SESSION_LIMIT_S
from sciatica_coach.engine.safety import NO_PRONE_FROM_WEEK, NO_SUPINE_FROM_WEEK

FLEXION_ONLY = {"spinal_stenosis", "isthmic_spondylolisthesis", "degenerative_spondylolisthesis"}


def items(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for session in plan["sessions"] or [] for item in session["items"]]


def exercise_ids(plan: dict[str, Any]) -> set[str]:
    return {item["exercise"] for item in items(plan)}


def tags(plan: dict[str, Any], tag: str) -> set[str]:
    catalog = load_catalog()
    return {str(getattr(catalog[item["exercise"]], tag)) for item in items(plan)}


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


def assert_rule_4(plan: dict[str, Any], profile: dict[str, Any]) -> None:
    catalog = load_catalog()
    conditions = {d["condition"] for d in profile["diagnoses"]}
    chosen = [catalog[item["exercise"]] for item in items(plan)]
    weeks = profile.get("pregnancy_weeks")
    if weeks is None and "pregnancy_related" in conditions:
        weeks = NO_SUPINE_FROM_WEEK
    for exercise in chosen:
        if conditions & FLEXION_ONLY:
            assert exercise.direction != "extension", exercise.id
        if weeks is not None and weeks >= NO_PRONE_FROM_WEEK:
            assert exercise.position != "prone", exercise.id
        if weeks is not None and weeks >= NO_SUPINE_FROM_WEEK:
            assert exercise.position != "supine", exercise.id
        if weeks is not None:
            assert "pregnancy" not in exercise.contraindications, exercise.id
        assert set(exercise.equipment) <= set(profile.get("equipment", [])), exercise.id
        assert exercise.id not in profile.get("avoid_exercises", []), exercise.id
        assert not conditions & set(exercise.contraindications), exercise.id
        if plan["phase"] == "relief" and exercise.kind == "strengthen":
            assert not exercise.equipment, exercise.id
    if conditions & FLEXION_ONLY:
        assert any(e.direction == "flexion" for e in chosen)


def assert_rule_6(plan: dict[str, Any]) -> None:
    for item in items(plan):
        assert item["why"], item["exercise"]
    for excluded in plan["excluded"]:
        assert excluded["reasons"], excluded["exercise"]
