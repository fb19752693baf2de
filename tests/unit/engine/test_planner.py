"""Contract plan rules 1-6, each test named after the rule it checks."""

from typing import Any

import pytest

from sciatica_coach import engine
from sciatica_coach.engine.catalog import load_catalog
from tests.factories import diagnosed, profile
from tests.unit.engine.plan_checks import (
    assert_rule_1,
    assert_rule_2,
    assert_rule_4,
    assert_rule_6,
    exercise_ids,
    items,
    tags,
)

EVERYTHING = ["stability_ball", "towel", "chair", "wall", "band", "pillow"]


def plan_for(**changes: Any) -> dict[str, Any]:
    return engine.plan(profile(**changes))


@pytest.mark.parametrize(
    "pain", [(8, 2), (5, 3), (1, 2)], ids=["relief", "recovery", "maintenance"]
)
def test_rule_1_two_sessions_a_day_of_three_items_each_inside_20_minutes(
    pain: tuple[int, int],
) -> None:
    plan = plan_for(pain={"leg": pain[0], "back": pain[1]}, equipment=EVERYTHING)
    assert_rule_1(plan)
    assert [s["slot"] for s in plan["sessions"]] == ["morning", "evening"]


def test_rule_1_holds_even_with_every_imbalance_found() -> None:
    plan = plan_for(
        diagnoses=diagnosed("piriformis_syndrome", "disc_herniation"),
        assessment={
            "trunk_flexor_s": 90,
            "trunk_extensor_s": 40,
            "side_bridge_left_s": 20,
            "side_bridge_right_s": 40,
            "thomas_test": "positive_both",
            "slr_left_deg": 40,
            "slr_right_deg": 50,
            "single_leg_bridge_left_reps": 5,
            "single_leg_bridge_right_reps": 8,
            "trendelenburg": "positive_both",
        },
        equipment=EVERYTHING,
    )
    assert_rule_1(plan)
    assert_rule_2(plan)


@pytest.mark.parametrize(
    "pain", [(8, 2), (5, 3), (1, 2)], ids=["relief", "recovery", "maintenance"]
)
def test_rule_2_a_stretch_always_and_strengthening_outside_relief(pain: tuple[int, int]) -> None:
    plan = plan_for(pain={"leg": pain[0], "back": pain[1]})
    assert_rule_2(plan)
    assert (
        plan["phase"] == ["relief", "recovery", "maintenance"][[(8, 2), (5, 3), (1, 2)].index(pain)]
    )


@pytest.mark.parametrize(
    ("leg", "back", "phase"),
    [
        (7, 0, "relief"),
        (0, 7, "relief"),
        (10, 10, "relief"),
        (6, 6, "recovery"),
        (3, 2, "recovery"),
        (2, 3, "recovery"),
        (2, 2, "maintenance"),
        (0, 0, "maintenance"),
    ],
)
def test_rule_3_phase_follows_the_pain(leg: int, back: int, phase: str) -> None:
    assert plan_for(pain={"leg": leg, "back": back})["phase"] == phase


def test_rule_3_relief_holds_no_strengthening_that_needs_equipment() -> None:
    plan = plan_for(pain={"leg": 8, "back": 3}, equipment=EVERYTHING)
    catalog = load_catalog()
    for item in items(plan):
        exercise = catalog[item["exercise"]]
        assert not (exercise.kind == "strengthen" and exercise.equipment)
    excluded = {e["exercise"]: e["reasons"] for e in plan["excluded"]}
    assert any("relief phase" in r for r in excluded["stability_ball_bridge"])


@pytest.mark.parametrize(
    "condition", ["spinal_stenosis", "isthmic_spondylolisthesis", "degenerative_spondylolisthesis"]
)
@pytest.mark.parametrize("pain", [(8, 2), (5, 3), (1, 2)])
def test_rule_4_stenosis_and_spondylolisthesis_get_no_extension_and_some_flexion(
    condition: str, pain: tuple[int, int]
) -> None:
    data = profile(
        diagnoses=diagnosed(condition, "disc_herniation"), pain={"leg": pain[0], "back": pain[1]}
    )
    plan = engine.plan(data)
    assert "extension" not in tags(plan, "direction")
    assert "flexion" in tags(plan, "direction")
    excluded = {e["exercise"]: e["reasons"] for e in plan["excluded"]}
    assert (
        f"{condition}: avoids movements that arch the lower back backwards (extension)"
        in (excluded["prone_press_up"])
    )


def test_rule_4_a_suspected_stenosis_is_respected_too() -> None:
    data = profile(
        diagnoses=[*diagnosed("disc_herniation"), *diagnosed("spinal_stenosis", confirmed=False)]
    )
    assert "extension" not in tags(engine.plan(data), "direction")


@pytest.mark.parametrize("weeks", [13, 16, 19])
def test_rule_4_pregnancy_from_13_weeks_has_no_prone_item(weeks: int) -> None:
    data = profile(pregnancy_weeks=weeks, diagnoses=diagnosed("pregnancy_related"))
    plan = engine.plan(data)
    assert "prone" not in tags(plan, "position")
    assert_rule_4(plan, data)


@pytest.mark.parametrize("weeks", [20, 24, 40])
def test_rule_4_pregnancy_from_20_weeks_has_no_supine_item_either(weeks: int) -> None:
    data = profile(pregnancy_weeks=weeks, diagnoses=diagnosed("pregnancy_related"))
    plan = engine.plan(data)
    assert not {"prone", "supine"} & tags(plan, "position")
    assert_rule_1(plan)
    assert_rule_2(plan)


def test_rule_4_pregnancy_related_without_a_week_is_treated_as_20_weeks() -> None:
    plan = plan_for(diagnoses=diagnosed("pregnancy_related"), pregnancy_weeks=None)
    assert not {"prone", "supine"} & tags(plan, "position")


def test_rule_4_early_pregnancy_may_still_lie_face_down() -> None:
    plan = plan_for(pregnancy_weeks=8)
    assert "prone" in tags(plan, "position")


def test_rule_4_equipment_only_when_the_profile_lists_it() -> None:
    data = profile(pain={"leg": 1, "back": 1}, equipment=[])
    plan = engine.plan(data)
    assert_rule_4(plan, data)
    with_ball = engine.plan(profile(pain={"leg": 1, "back": 1}, equipment=["stability_ball"]))
    assert "stability_ball_bridge" in exercise_ids(with_ball)
    assert "stability_ball_bridge" not in exercise_ids(plan)


def test_rule_4_nothing_in_avoid_exercises() -> None:
    first = plan_for()
    avoid = sorted(exercise_ids(first))[:3]
    data = profile(avoid_exercises=avoid)
    plan = engine.plan(data)
    assert not set(avoid) & exercise_ids(plan)
    excluded = {e["exercise"]: e["reasons"] for e in plan["excluded"]}
    assert all(excluded[a] for a in avoid)


def test_rule_4_when_no_safe_plan_remains_the_answer_sends_to_a_clinician() -> None:
    stretches = [e.id for e in load_catalog().exercises if e.kind == "stretch"]
    plan = plan_for(avoid_exercises=stretches)
    assert plan["sessions"] is None
    assert plan["urgency"] == "routine"
    assert "no_safe_plan" in [r["id"] for r in plan["reasons"]]


def test_rule_5_piriformis_syndrome_gets_a_piriformis_stretch_and_hip_strengthening() -> None:
    plan = plan_for(diagnoses=diagnosed("piriformis_syndrome"))
    ids = exercise_ids(plan)
    assert "piriformis_stretch" in ids
    strengtheners = {
        e.id
        for e in load_catalog().exercises
        if {"hip_external_rotator_strength", "hip_abductor_strength"} & set(e.targets)
        and e.kind == "strengthen"
    }
    assert ids & strengtheners


def test_rule_5_piriformis_syndrome_in_late_pregnancy_gets_the_seated_stretch() -> None:
    plan = plan_for(
        diagnoses=diagnosed("piriformis_syndrome", "pregnancy_related"), pregnancy_weeks=30
    )
    assert "seated_piriformis_stretch" in exercise_ids(plan)


def test_rule_5_piriformis_syndrome_in_relief_has_no_strengthening_yet() -> None:
    plan = plan_for(diagnoses=diagnosed("piriformis_syndrome"), pain={"leg": 8, "back": 2})
    assert "piriformis_stretch" in exercise_ids(plan)


@pytest.mark.parametrize("pain", [(8, 2), (5, 3), (1, 2)])
def test_rule_5_disc_herniation_gets_a_directional_preference_trial(pain: tuple[int, int]) -> None:
    plan = plan_for(pain={"leg": pain[0], "back": pain[1]})
    assert exercise_ids(plan) & {"prone_lying", "prone_on_elbows"}


@pytest.mark.parametrize(
    ("assessment", "answers"),
    [
        ({"trunk_flexor_s": 60, "trunk_extensor_s": 50}, {"bird_dog"}),
        ({"side_bridge_left_s": 40, "side_bridge_right_s": 30}, {"side_plank"}),
        (
            {"side_bridge_left_s": 30, "side_bridge_right_s": 30, "trunk_extensor_s": 60},
            {"side_plank"},
        ),
        ({"thomas_test": "positive_left"}, {"hip_flexor_stretch"}),
        ({"slr_left_deg": 50}, {"hamstring_stretch", "sciatic_nerve_glide"}),
        ({"slr_right_deg": 69}, {"hamstring_stretch", "sciatic_nerve_glide"}),
        ({"trendelenburg": "positive_right"}, {"clamshell", "glute_bridge"}),
        ({"single_leg_bridge_left_reps": 12}, {"clamshell", "glute_bridge"}),
    ],
    ids=[
        "flexor_extensor_ratio",
        "side_bridge_difference",
        "side_bridge_extensor_ratio",
        "thomas",
        "slr_left",
        "slr_right",
        "trendelenburg",
        "single_leg_bridge",
    ],
)
def test_rule_5_each_imbalance_is_answered_by_an_item_that_targets_it(
    assessment: dict[str, Any], answers: set[str]
) -> None:
    plan = plan_for(assessment=assessment, pain={"leg": 4, "back": 3})
    assert exercise_ids(plan) & answers
    assert any("Answers your assessment" in why for item in items(plan) for why in item["why"])


@pytest.mark.parametrize(
    "assessment",
    [
        {"trunk_flexor_s": 50, "trunk_extensor_s": 50},
        {"side_bridge_left_s": 40, "side_bridge_right_s": 38.1, "trunk_extensor_s": 50},
        {"thomas_test": "negative", "trendelenburg": "negative"},
        {"slr_left_deg": 70, "slr_right_deg": 85},
        {"single_leg_bridge_left_reps": 20, "single_leg_bridge_right_reps": 25},
    ],
)
def test_rule_5_results_inside_the_thresholds_are_not_findings(assessment: dict[str, Any]) -> None:
    assert plan_for(assessment=assessment)["findings"] == []


def test_rule_5_a_one_sided_finding_is_dosed_on_that_side() -> None:
    plan = plan_for(assessment={"thomas_test": "positive_right"}, pain={"leg": 4, "back": 3})
    item = next(i for i in items(plan) if i["exercise"] == "hip_flexor_stretch")
    assert item["side"] == "right"


def test_rule_6_every_item_and_every_exclusion_says_why() -> None:
    data = profile(diagnoses=diagnosed("spinal_stenosis"), pregnancy_weeks=22, equipment=["towel"])
    plan = engine.plan(data)
    assert_rule_6(plan)
    assert plan["excluded"]


def test_rule_6_the_same_profile_gives_the_same_plan() -> None:
    data = profile(assessment={"thomas_test": "positive_left", "slr_left_deg": 40})
    assert engine.plan(data) == engine.plan(data)


def test_rule_6_the_order_of_diagnoses_does_not_change_the_plan() -> None:
    a = engine.plan(profile(diagnoses=diagnosed("piriformis_syndrome", "disc_herniation")))
    b = engine.plan(profile(diagnoses=diagnosed("disc_herniation", "piriformis_syndrome")))
    assert a["sessions"] == b["sessions"]


def test_no_program_without_self_care_urgency() -> None:
    plan = plan_for(red_flags=["bowel_change"])
    assert (plan["urgency"], plan["phase"], plan["sessions"]) == ("emergency", None, None)
    assert plan["advice"]


def test_doses_start_gentle_and_say_so() -> None:
    for item in items(plan_for()):
        assert "never to exhaustion" in item["dose_note"]


def test_every_plan_records_the_engine_version_and_contract() -> None:
    plan = plan_for()
    assert plan["contract"] == "sciatica-coach/1"
    assert plan["engine_version"] == engine.ENGINE_VERSION


def test_strengthening_trains_both_sides_even_for_a_one_sided_weakness() -> None:
    plan = plan_for(
        assessment={"side_bridge_left_s": 20, "side_bridge_right_s": 40}, pain={"leg": 4, "back": 3}
    )
    item = next(i for i in items(plan) if i["exercise"] == "side_plank")
    assert item["side"] == "each"
