"""Contract plan rules 0-7, each test named after the rule it checks."""

from typing import Any

import pytest

from sciatica_coach import engine
from sciatica_coach.engine import advice
from sciatica_coach.engine.catalog import load_catalog
from sciatica_coach.engine.vocabulary import CONDITION_ORDER
from tests.factories import diagnosed, profile
from tests.unit.engine.plan_checks import (
    assert_one_direction,
    assert_rule_1,
    assert_rule_2,
    assert_rule_4,
    assert_rule_6,
    chosen,
    directions,
    exercise_ids,
    items,
    tags,
)

EVERYTHING = ["stability_ball", "towel", "chair", "wall", "band", "pillow"]
CATALOG = load_catalog()
PAINS = [(8, 2), (5, 3), (1, 2)]
PHASES = ["relief", "recovery", "maintenance"]


def plan_for(**changes: Any) -> dict[str, Any]:
    return engine.plan(profile(**changes))


def answering(plan: dict[str, Any], finding: str) -> list[dict[str, Any]]:
    return [i for i in items(plan) if any(finding in why for why in i["why"])]


# Rule 0: precedence, unmet and unanswered.


def test_rule_0_avoid_directions_outrank_a_condition_that_needs_flexion() -> None:
    data = profile(diagnoses=diagnosed("spinal_stenosis"), avoid_directions=["flexion"])
    plan = engine.plan(data)
    assert not directions(plan)
    assert [u["id"] for u in plan["unmet"]] == ["flexion_item"]
    assert plan["clinician_review_recommended"] is True
    assert_rule_4(plan, data)


def test_rule_0_a_condition_that_needs_flexion_outranks_the_preference() -> None:
    data = profile(diagnoses=diagnosed("spinal_stenosis"), directional_preference="extension")
    plan = engine.plan(data)
    assert directions(plan) == {"flexion"}
    assert "directional_preference" in [u["id"] for u in plan["unmet"]]
    assert plan["clinician_review_recommended"] is True


def test_rule_0_a_finding_that_no_allowed_item_answers_is_unanswered_with_its_reason() -> None:
    glute_lines = {e.id for e in CATALOG.with_target("glute_strength")}
    plan = plan_for(
        assessment={"single_leg_bridge_left_reps": 5}, avoid_exercises=sorted(glute_lines)
    )
    assert [u["finding"] for u in plan["unanswered"]] == ["glutes_weak"]
    assert "avoid_exercises" in plan["unanswered"][0]["reason"]
    assert plan["clinician_review_recommended"] is False


def test_rule_0_a_plan_that_keeps_every_requirement_has_nothing_unmet() -> None:
    plan = plan_for()
    assert (plan["unmet"], plan["unanswered"], plan["clinician_review_recommended"]) == (
        [],
        [],
        False,
    )


# Rule 1: two sessions a day, three items each, inside 20 minutes.


@pytest.mark.parametrize("pain", PAINS, ids=PHASES)
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


@pytest.mark.parametrize("condition", CONDITION_ORDER)
@pytest.mark.parametrize("pain", PAINS, ids=PHASES)
def test_rule_1_a_full_plan_off_the_floor_for_every_condition(
    condition: str, pain: tuple[int, int]
) -> None:
    data = profile(
        age=80,
        floor_ok=False,
        diagnoses=diagnosed(condition),
        pain={"leg": pain[0], "back": pain[1]},
        pregnancy_weeks=24 if condition == "pregnancy_related" else None,
    )
    plan = engine.plan(data)
    assert plan["sessions"] is not None, plan["reasons"]
    assert_rule_1(plan)
    assert_rule_2(plan)
    assert_rule_4(plan, data)
    assert tags(plan, "position") <= {"sitting", "standing"}


# Rule 2: a stretch always, strengthening outside relief.


@pytest.mark.parametrize("pain", PAINS, ids=PHASES)
def test_rule_2_a_stretch_always_and_strengthening_outside_relief(pain: tuple[int, int]) -> None:
    plan = plan_for(pain={"leg": pain[0], "back": pain[1]})
    assert_rule_2(plan)
    assert plan["phase"] == PHASES[PAINS.index(pain)]


# Rule 3: the phase follows the pain.


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
    for exercise in chosen(plan):
        assert not (exercise.kind == "strengthen" and exercise.equipment)
    excluded = {e["exercise"]: e["reasons"] for e in plan["excluded"]}
    assert any("relief phase" in r for r in excluded["stability_ball_bridge"])


def test_rule_3_the_phase_advice_is_true_of_moderate_pain() -> None:
    """At 6 out of 10 the pain has not "eased": the recovery advice must not say it has."""
    tips = " ".join(plan_for(pain={"leg": 6, "back": 3})["advice"])
    assert "eased" not in tips


# Rule 4: contraindications.


@pytest.mark.parametrize(
    "condition", ["spinal_stenosis", "isthmic_spondylolisthesis", "degenerative_spondylolisthesis"]
)
@pytest.mark.parametrize("pain", PAINS, ids=PHASES)
def test_rule_4_stenosis_and_spondylolisthesis_get_no_extension_and_some_flexion(
    condition: str, pain: tuple[int, int]
) -> None:
    data = profile(
        diagnoses=diagnosed(condition, "disc_herniation"), pain={"leg": pain[0], "back": pain[1]}
    )
    plan = engine.plan(data)
    assert directions(plan) == {"flexion"}
    excluded = {e["exercise"]: e["reasons"] for e in plan["excluded"]}
    reason = f"{condition}: avoids movements that arch the lower back backwards (extension)"
    assert reason in excluded["prone_press_up"]
    assert reason in excluded["cat_camel"]  # mixed counts as extension


def test_rule_4_a_suspected_stenosis_is_respected_too() -> None:
    data = profile(
        diagnoses=[*diagnosed("disc_herniation"), *diagnosed("spinal_stenosis", confirmed=False)]
    )
    assert "extension" not in directions(engine.plan(data))


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


def test_rule_4_catalog_contraindications_count() -> None:
    plan = plan_for(pregnancy_weeks=8)
    excluded = {e["exercise"]: e["reasons"] for e in plan["excluded"]}
    assert "pregnancy (8 weeks): not advised during pregnancy" in excluded["side_plank"]


def test_rule_4_equipment_only_when_the_profile_lists_it() -> None:
    data = profile(pain={"leg": 1, "back": 1}, equipment=[])
    plan = engine.plan(data)
    assert_rule_4(plan, data)
    excluded = {e["exercise"]: e["reasons"] for e in plan["excluded"]}
    assert (
        "equipment: needs stability_ball, which is not in your equipment list"
        in (excluded["stability_ball_bridge"])
    )


def test_rule_4_nothing_in_avoid_exercises() -> None:
    first = plan_for()
    avoid = sorted(exercise_ids(first))[:3]
    data = profile(avoid_exercises=avoid)
    plan = engine.plan(data)
    assert not set(avoid) & exercise_ids(plan)
    excluded = {e["exercise"]: e["reasons"] for e in plan["excluded"]}
    assert all(excluded[a] for a in avoid)


@pytest.mark.parametrize("direction", ["flexion", "extension"])
def test_rule_4_no_item_of_a_direction_in_avoid_directions(direction: str) -> None:
    data = profile(directional_preference="none", avoid_directions=[direction])
    plan = engine.plan(data)
    assert direction not in directions(plan)
    assert "mixed" not in tags(plan, "direction")
    assert_rule_4(plan, data)


def test_rule_4_floor_ok_false_gives_only_sitting_and_standing_items() -> None:
    data = profile(age=72, floor_ok=False, pain={"leg": 4, "back": 3})
    plan = engine.plan(data)
    assert tags(plan, "position") <= {"sitting", "standing"}
    assert_rule_1(plan)


@pytest.mark.parametrize(
    ("pain", "extent"),
    [((8, 2), "thigh"), ((4, 2), "below_knee"), ((4, 2), "foot")],
    ids=["relief", "below_knee", "foot"],
)
def test_rule_4_no_nerve_loading_stretch_in_relief_or_below_the_knee(
    pain: tuple[int, int], extent: str
) -> None:
    data = profile(
        pain={"leg": pain[0], "back": pain[1]},
        symptoms={"extent": extent},
        assessment={"slr_right_deg": 50},
        equipment=EVERYTHING,
    )
    plan = engine.plan(data)
    assert not any(e.loads_nerve for e in chosen(plan))
    excluded = {e["exercise"]: e["reasons"] for e in plan["excluded"]}
    assert any(r.startswith("nerve:") for r in excluded["hamstring_stretch"])


def test_rule_4_a_nerve_loading_stretch_is_allowed_above_the_knee_outside_relief() -> None:
    plan = plan_for(symptoms={"extent": "thigh"}, assessment={"slr_right_deg": 50})
    assert "hamstring_stretch" in exercise_ids(plan) | {e.id for e in chosen(plan) if e.loads_nerve}


@pytest.mark.parametrize("pain", PAINS, ids=PHASES)
def test_rule_4_a_first_plan_holds_level_1_items_and_each_direction_at_its_gentlest(
    pain: tuple[int, int],
) -> None:
    for preference in ("extension", "flexion", "none", "unknown"):
        plan = plan_for(
            pain={"leg": pain[0], "back": pain[1]},
            directional_preference=preference,
            equipment=EVERYTHING,
        )
        assert plan["first_plan"] is True
        for exercise in chosen(plan):
            assert exercise.level == 1, (preference, exercise.id)
            if exercise.direction != "neutral":
                assert exercise.easier is None, (preference, exercise.id)


def test_rule_4_lying_face_down_comes_first_never_on_the_elbows() -> None:
    ids = exercise_ids(plan_for(directional_preference="extension"))
    assert "prone_lying" in ids
    assert not {"prone_on_elbows", "prone_press_up"} & ids


def test_rule_4_when_rules_1_and_2_cannot_be_kept_the_answer_sends_to_a_clinician() -> None:
    stretches = [e.id for e in CATALOG.exercises if e.kind == "stretch"]
    plan = plan_for(avoid_exercises=stretches)
    assert plan["sessions"] is None
    assert plan["urgency"] == "routine"
    assert "no_safe_plan" in [r["id"] for r in plan["reasons"]]
    assert plan["advice"][-1] == advice.SAFETY_NET


# Rule 5: indications.


def test_rule_5_piriformis_syndrome_gets_a_piriformis_stretch_and_hip_strengthening() -> None:
    plan = plan_for(diagnoses=diagnosed("piriformis_syndrome"))
    ids = exercise_ids(plan)
    assert "piriformis_stretch" in ids
    strengtheners = {
        e.id
        for e in CATALOG.exercises
        if {"hip_external_rotator_strength", "hip_abductor_strength"} & set(e.targets)
        and e.kind == "strengthen"
    }
    assert ids & strengtheners


def test_rule_5_piriformis_syndrome_in_late_pregnancy_gets_the_seated_stretch() -> None:
    plan = plan_for(
        diagnoses=diagnosed("piriformis_syndrome", "pregnancy_related"), pregnancy_weeks=30
    )
    assert "seated_piriformis_stretch" in exercise_ids(plan)


def test_rule_5_piriformis_syndrome_in_relief_has_the_stretch_and_no_strengthening_yet() -> None:
    plan = plan_for(diagnoses=diagnosed("piriformis_syndrome"), pain={"leg": 8, "back": 2})
    assert "piriformis_stretch" in exercise_ids(plan)
    assert not answering(plan, "hip muscles around the piriformis")


@pytest.mark.parametrize("preference", ["extension", "flexion"])
def test_rule_5_a_preference_gives_that_direction_only_and_no_mixed(preference: str) -> None:
    data = profile(directional_preference=preference, pain={"leg": 1, "back": 1})
    plan = engine.plan(data)
    assert directions(plan) == {preference}
    assert "movement_test" not in plan["checks_suggested"]


def test_rule_5_a_preference_of_none_allows_either_direction_and_mixed() -> None:
    data = profile(directional_preference="none", pain={"leg": 1, "back": 1})
    plan = engine.plan(data)
    assert "mixed" in tags(plan, "direction")
    assert_rule_4(plan, data)


@pytest.mark.parametrize("condition", ["disc_herniation", "nonspecific"])
@pytest.mark.parametrize("pain", PAINS, ids=PHASES)
def test_rule_5_unknown_gives_one_gentle_extension_trial(
    condition: str, pain: tuple[int, int]
) -> None:
    plan = plan_for(diagnoses=diagnosed(condition), pain={"leg": pain[0], "back": pain[1]})
    directional = [e for e in chosen(plan) if e.direction != "neutral"]
    assert {e.id for e in directional} == {"prone_lying"}
    assert all(i["trial"] for i in items(plan) if i["exercise"] == "prone_lying")
    assert plan["checks_suggested"] == ["movement_test"]


def test_rule_5_unknown_with_stenosis_gives_flexion_and_no_trial() -> None:
    plan = plan_for(diagnoses=diagnosed("spinal_stenosis", "disc_herniation"))
    assert directions(plan) == {"flexion"}
    assert not any(i["trial"] for i in items(plan))


@pytest.mark.parametrize(
    "changes",
    [
        {"diagnoses": diagnosed("piriformis_syndrome")},
        {"pregnancy_weeks": 14},
        {"avoid_directions": ["extension"]},
    ],
    ids=["piriformis", "pregnant_13_weeks_or_more", "trial_direction_avoided"],
)
def test_rule_5_unknown_otherwise_holds_no_directional_item(changes: dict[str, Any]) -> None:
    plan = plan_for(**changes)
    assert not directions(plan)


def test_rule_5_there_is_never_a_second_trial_of_the_other_direction() -> None:
    plan = plan_for(avoid_directions=["extension"])
    assert not directions(plan)
    assert plan["checks_suggested"] == ["movement_test"]


@pytest.mark.parametrize(
    ("assessment", "line"),
    [
        ({"trunk_flexor_s": 60, "trunk_extensor_s": 50}, "bird_dog"),
        ({"side_bridge_left_s": 40, "side_bridge_right_s": 30}, "side_plank"),
        (
            {"side_bridge_left_s": 30, "side_bridge_right_s": 30, "trunk_extensor_s": 60},
            "side_plank",
        ),
        ({"thomas_test": "positive_left"}, "hip_flexor_stretch"),
        ({"slr_left_deg": 50}, "sciatic_nerve_glide"),
        ({"trendelenburg": "positive_right"}, "clamshell"),
        ({"single_leg_bridge_left_reps": 12}, "glute_bridge"),
    ],
    ids=[
        "flexor_extensor_ratio",
        "side_bridge_difference",
        "side_bridge_extensor_ratio",
        "thomas",
        "slr_symptomatic_side",
        "trendelenburg",
        "single_leg_bridge",
    ],
)
def test_rule_5_each_finding_is_answered_by_an_item_on_its_own_line(
    assessment: dict[str, Any], line: str
) -> None:
    plan = plan_for(assessment=assessment, pain={"leg": 4, "back": 3})
    finding = plan["findings"][0]
    assert line in finding["answers"]
    answered = answering(plan, finding["label"])
    assert answered
    own = {e.id for answer in finding["answers"] for e in CATALOG.progression(answer)}
    assert {i["exercise"] for i in answered} <= own


def test_rule_5_a_short_raise_on_the_other_side_gets_a_hamstring_stretch_where_allowed() -> None:
    plan = plan_for(
        symptoms={"leg_side": "left", "extent": "thigh"}, assessment={"slr_right_deg": 50}
    )
    assert {i["exercise"] for i in answering(plan, "right leg")} == {"wall_hamstring_stretch"} or {
        i["exercise"] for i in answering(plan, "right leg")
    } <= {e.id for e in CATALOG.progression("hamstring_stretch")}


def test_rule_5_a_short_raise_on_the_other_side_is_unanswered_while_below_the_knee() -> None:
    plan = plan_for(symptoms={"leg_side": "left"}, assessment={"slr_right_deg": 50})
    assert [u["finding"] for u in plan["unanswered"]] == ["slr_limited_right"]


def test_rule_5_weak_buttocks_are_answered_by_a_bridge_not_by_something_sharing_a_target() -> None:
    """The old ``Needs.take`` let a bird dog chosen for the back "answer" weak buttocks."""
    plan = plan_for(
        assessment={"trunk_flexor_s": 90, "trunk_extensor_s": 40, "single_leg_bridge_left_reps": 5},
        pain={"leg": 4, "back": 3},
    )
    answered = {i["exercise"] for i in answering(plan, "buttock muscles tire early")}
    assert answered
    assert answered <= {e.id for e in CATALOG.progression("glute_bridge")}


def test_rule_5_a_finding_is_explained_once_not_under_every_item() -> None:
    plan = plan_for(assessment={"thomas_test": "positive_right"}, pain={"leg": 4, "back": 3})
    text = plan["findings"][0]["text"]
    assert all(text not in why for item in items(plan) for why in item["why"])


def test_rule_5_a_one_sided_finding_is_dosed_on_that_side() -> None:
    plan = plan_for(assessment={"thomas_test": "positive_right"}, pain={"leg": 4, "back": 3})
    answered = answering(plan, "right hip")
    assert answered
    assert {item["side"] for item in answered} == {"right"}


def test_rule_5_strengthening_trains_both_sides_even_for_a_one_sided_weakness() -> None:
    plan = plan_for(
        assessment={"side_bridge_left_s": 20, "side_bridge_right_s": 40}, pain={"leg": 4, "back": 3}
    )
    answered = answering(plan, "left side hold")
    assert answered
    assert {item["side"] for item in answered} == {"each"}


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


# Rule 6: why, and the same plan for the same profile.


def test_rule_6_every_item_and_every_exclusion_says_why() -> None:
    data = profile(diagnoses=diagnosed("spinal_stenosis"), pregnancy_weeks=22, equipment=["towel"])
    plan = engine.plan(data)
    assert_rule_6(plan)
    assert plan["excluded"]


def test_rule_6_the_why_of_a_flexion_item_names_a_possible_condition_as_possible() -> None:
    data = profile(
        diagnoses=[*diagnosed("disc_herniation"), *diagnosed("spinal_stenosis", confirmed=False)]
    )
    whys = " ".join(w for i in items(engine.plan(data)) for w in i["why"])
    assert "a possible spinal stenosis" in whys
    assert "your spinal stenosis" not in whys


def test_rule_6_the_same_profile_gives_the_same_plan() -> None:
    data = profile(assessment={"thomas_test": "positive_left", "slr_left_deg": 40})
    assert engine.plan(data) == engine.plan(data)


def test_rule_6_the_order_of_diagnoses_does_not_change_the_plan() -> None:
    a = engine.plan(profile(diagnoses=diagnosed("piriformis_syndrome", "disc_herniation")))
    b = engine.plan(profile(diagnoses=diagnosed("disc_herniation", "piriformis_syndrome")))
    assert a["sessions"] == b["sessions"]


# Rule 7: daily walking.


@pytest.mark.parametrize(
    ("pain", "minutes", "walks"), [((8, 2), 5, 3), ((5, 3), 10, 2), ((1, 2), 20, 2)], ids=PHASES
)
def test_rule_7_daily_walking_by_phase(pain: tuple[int, int], minutes: int, walks: int) -> None:
    walk = plan_for(pain={"leg": pain[0], "back": pain[1]})["daily_activity"]
    assert (walk["exercise"], walk["minutes"], walk["walks_per_day"]) == ("walking", minutes, walks)
    assert walk["why"]


@pytest.mark.parametrize(("tolerance", "minutes"), [(20, 16), (9, 7), (1, 1), (0, 1)])
def test_rule_7_a_walk_is_80_percent_of_the_walking_tolerance(tolerance: int, minutes: int) -> None:
    walk = plan_for(walking_tolerance_min=tolerance)["daily_activity"]
    assert walk["minutes"] == minutes


def test_rule_7_with_stenosis_the_walk_says_to_lean_forward_or_sit_down() -> None:
    walk = plan_for(diagnoses=diagnosed("spinal_stenosis"))["daily_activity"]
    assert any("lean forward" in why and "sit down" in why for why in walk["why"])


def test_rule_7_no_walk_when_walking_is_to_be_avoided_and_that_is_unmet() -> None:
    plan = plan_for(avoid_exercises=["walking"])
    assert plan["daily_activity"] is None
    assert "daily_walk" in [u["id"] for u in plan["unmet"]]


def test_no_program_without_self_care_urgency() -> None:
    plan = plan_for(red_flags=["bowel_change"])
    assert (plan["urgency"], plan["phase"], plan["sessions"]) == ("emergency", None, None)
    assert plan["go_to"] == ["emergency_department"]
    assert plan["daily_activity"] is None
    assert plan["advice"][-1] == advice.SAFETY_NET


def test_plan_advice_ends_with_the_cauda_equina_safety_net() -> None:
    assert plan_for()["advice"][-1] == advice.SAFETY_NET


def test_doses_start_gentle_and_say_so() -> None:
    for item in items(plan_for()):
        assert "never to exhaustion" in item["dose_note"]


def test_every_plan_records_the_engine_version_and_contract() -> None:
    plan = plan_for()
    assert plan["contract"] == "sciatica-coach/1"
    assert plan["engine_version"] == engine.ENGINE_VERSION


@pytest.mark.parametrize("preference", ["extension", "flexion", "none", "unknown"])
def test_a_plans_directional_items_all_go_one_way(preference: str) -> None:
    data = profile(directional_preference=preference, pain={"leg": 1, "back": 1})
    assert_one_direction(engine.plan(data), data)
