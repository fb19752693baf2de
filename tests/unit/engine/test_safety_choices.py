"""The engine's own safety choices where the contract is silent, each found by a physiotherapist
reading the revised engine cold, and each named after what it keeps a person from."""

from typing import Any

import pytest

from sciatica_coach import engine
from sciatica_coach.engine import advice
from sciatica_coach.engine.catalog import load_catalog
from sciatica_coach.engine.progression import MAX_LINES_MOVED_ON
from tests.factories import diagnosed, log, profile, review_request, week_of_logs
from tests.unit.engine.plan_checks import chosen, directions, exercise_ids, items, tags

CATALOG = load_catalog()
TODAY = "2026-10-29"


def ids_of(answer: dict[str, Any]) -> set[str]:
    return {e.id for e in chosen(answer)}


# After a birth.


def test_after_a_birth_no_face_down_planks_or_sit_up_holds_until_the_postnatal_check() -> None:
    plan = engine.plan(profile(weeks_since_birth=3, sex="female"))
    assert "prone" not in tags(plan, "position")
    assert not {"side_plank_knees", "side_plank", "curl_up", "double_knee_to_chest"} & ids_of(plan)
    assert not any(i["trial"] for i in items(plan))  # no directional trial either
    excluded = {e["exercise"]: e["reasons"] for e in plan["excluded"]}
    assert any(r.startswith("after the birth") for r in excluded["side_plank_knees"])
    assert any("postnatal check" in tip for tip in plan["advice"])


def test_after_a_birth_the_tummy_and_side_holds_are_not_offered() -> None:
    offered = engine.checks(profile(weeks_since_birth=3, symptoms={"extent": "thigh"}))["offered"]
    assert not {"trunk_flexor_s", "trunk_extensor_s", "side_bridge_left_s"} & set(offered)


def test_after_a_birth_a_pregnancy_related_diagnosis_is_not_treated_as_still_pregnant() -> None:
    plan = engine.plan(profile(weeks_since_birth=2, diagnoses=diagnosed("pregnancy_related")))
    tips = " ".join(plan["advice"])
    assert "In pregnancy, from about 20 weeks" not in tips
    assert "supine" in tags(plan, "position")


def test_a_pregnancy_and_a_birth_at_once_are_refused() -> None:
    with pytest.raises(engine.RefusedInput, match="weeks_since_birth"):
        engine.triage(profile(pregnancy_weeks=10, weeks_since_birth=2))


# Thin bones, the floor, the back-muscles hold.


@pytest.mark.parametrize(
    "changes",
    [
        {"sex": "female", "age": 70},
        {"age": 50, "red_flags": ["fracture_risk"], "cleared_red_flags": ["fracture_risk"]},
    ],
    ids=["woman_of_70", "cleared_fracture_risk"],
)
def test_no_deep_forward_bend_under_body_weight_where_thin_bones_are_likely(
    changes: dict[str, Any],
) -> None:
    plan = engine.plan(profile(diagnoses=diagnosed("spinal_stenosis"), floor_ok=False, **changes))
    assert not {"seated_flexion", "childs_pose"} & ids_of(plan)
    assert "flexion" in directions(plan)  # a supported forward bend instead


def test_a_man_of_70_may_still_bend_forward_sitting() -> None:
    plan = engine.plan(
        profile(sex="male", age=70, diagnoses=diagnosed("spinal_stenosis"), floor_ok=False)
    )
    assert "seated_flexion" in ids_of(plan)


def test_the_tummy_hold_is_not_offered_to_someone_who_cannot_get_down_to_the_floor() -> None:
    answer = engine.checks(profile(age=80, floor_ok=False, symptoms={"extent": "thigh"}))
    assert "trunk_flexor_s" not in answer["offered"]


@pytest.mark.parametrize(
    ("preference", "extent", "offered"),
    [
        ("unknown", "thigh", False),
        ("flexion", "thigh", False),
        ("extension", "below_knee", False),
        ("extension", "thigh", True),
        ("none", "buttock", True),
    ],
)
def test_the_back_muscles_hold_waits_until_bending_back_is_known_to_be_safe(
    preference: str, extent: str, offered: bool
) -> None:
    answer = engine.checks(profile(directional_preference=preference, symptoms={"extent": extent}))
    assert ("trunk_extensor_s" in answer["offered"]) is offered


# The plan's basics.


def test_muscle_stretches_come_with_their_reason_not_as_basics() -> None:
    """No piriformis, hip flexor or hamstring stretch for a disc problem with no finding for it,
    except one gentle stretch where rule 2 needs a stretch."""
    plan = engine.plan(profile(pain={"leg": 5, "back": 3}))
    targeted = {"piriformis_stretch", "seated_piriformis_stretch", "hamstring_stretch"}
    chosen_stretches = [
        i for i in items(plan) if i["exercise"] in targeted | {"standing_hip_flexor_stretch"}
    ]
    for item in chosen_stretches:
        assert any("Every plan holds a gentle stretch" in why for why in item["why"]), item


def test_the_piriformis_stretch_does_not_pull_the_legs_to_the_chest() -> None:
    text = " ".join(CATALOG["piriformis_stretch"].instructions).lower()
    assert "toward your chest" not in text


def test_off_the_floor_getting_up_from_a_chair_comes_first() -> None:
    plan = engine.plan(
        profile(age=80, floor_ok=False, equipment=["chair"], diagnoses=diagnosed("spinal_stenosis"))
    )
    assert "sit_to_stand" in ids_of(plan)


def test_off_the_floor_the_extension_trial_is_sitting_with_a_back_roll() -> None:
    plan = engine.plan(profile(age=68, floor_ok=False, equipment=["towel"]))
    trial = [i["exercise"] for i in items(plan) if i["trial"]]
    assert set(trial) == {"lumbar_roll_sitting"}


# Reviews.


def spreading_mornings(exercises_morning: list[str], exercises_evening: list[str]) -> list[Any]:
    logs = week_of_logs(TODAY)
    for entry in logs:
        if entry["slot"] == "morning":
            entry["extent_before"], entry["extent_after"] = "thigh", "below_knee"
            entry["exercises_done"] = exercises_morning
        else:
            entry["exercises_done"] = exercises_evening
    return logs


def test_a_week_that_spread_the_symptoms_adds_no_nerve_loading_stretch() -> None:
    data = profile(symptoms={"extent": "thigh"}, assessment={"slr_right_deg": 50})
    plan = engine.plan(data)
    assert any(e.loads_nerve for e in chosen(plan))
    rest = [i["exercise"] for i in items(plan) if i["exercise"] != "prone_lying"]
    logs = spreading_mornings([*rest, "prone_lying"], rest)
    for entry in logs:  # the evenings end in the thigh: the last extent alone would allow it
        entry["extent_before"] = entry["extent_after"] = (
            "thigh" if entry["slot"] == "evening" else entry["extent_after"]
        )
    answer = engine.review(review_request(plan, profile_data=data, logs=logs))
    assert not any(e.loads_nerve for e in chosen(answer["plan"]))


def test_a_week_that_began_below_the_knee_every_day_counts_as_below_the_knee() -> None:
    data = profile(symptoms={"extent": "below_knee"}, assessment={"slr_right_deg": 50})
    logs = week_of_logs(TODAY, pain=(4, 2))
    for entry in logs:
        entry["extent_before"], entry["extent_after"] = "below_knee", "thigh"
    answer = engine.review(review_request(engine.plan(data), profile_data=data, logs=logs))
    assert not any(e.loads_nerve for e in chosen(answer["plan"]))


def test_progress_moves_at_most_two_lines_and_a_directional_line_alone() -> None:
    data = profile(
        directional_preference="extension",
        pain={"leg": 5, "back": 3},
        assessment={"thomas_test": "positive_left", "single_leg_bridge_left_reps": 5},
    )
    plan = engine.plan(data)
    answer = engine.review(
        review_request(plan, profile_data=data, baseline=(8, 3), logs=week_of_logs(pain=(3, 3)))
    )
    assert answer["decision"] == "progress"
    before = {CATALOG.line_id(e): e for e in exercise_ids(plan)}
    moved = [e for e in exercise_ids(answer["plan"]) if before.get(CATALOG.line_id(e), e) != e]
    assert 1 <= len(moved) <= MAX_LINES_MOVED_ON
    if any(CATALOG[e].direction != "neutral" for e in moved):
        assert len(moved) == 1
    said = next(r["text"] for r in answer["reasons"] if r["id"] == "pain_improved")
    assert "One step on: " in said
    for exercise_id in moved:
        assert CATALOG[exercise_id].name.lower() in said


def test_with_the_suspect_singled_out_the_other_lines_stay_where_they_were() -> None:
    data = profile(directional_preference="none", pain={"leg": 4, "back": 3})
    plan = engine.plan(data)
    rest = [i["exercise"] for i in items(plan) if i["exercise"] != "glute_bridge"]
    answer = engine.review(
        review_request(
            plan,
            profile_data=data,
            baseline=(4, 3),
            logs=spreading_mornings([*rest, "glute_bridge"], rest),
        )
    )
    assert "glute_bridge" in answer["avoid_exercises_added"]
    assert set(rest) <= exercise_ids(answer["plan"])


def test_a_session_judged_by_an_earlier_review_is_not_judged_again() -> None:
    plan = engine.plan(profile())
    logs = week_of_logs(TODAY)
    logs[0]["extent_before"], logs[0]["extent_after"] = "thigh", "foot"
    logs[0]["reviewed"] = True
    answer = engine.review(review_request(plan, logs=logs))
    assert answer["decision"] != "regress"
    assert answer["avoid_directions_added"] == []


def test_pain_worse_on_the_side_not_judged_calls_for_a_clinician() -> None:
    answer = engine.review(
        review_request(engine.plan(profile()), baseline=(5, 3), logs=week_of_logs(pain=(5, 7)))
    )
    assert answer["decision"] == "continue"  # rule 3 judges the leg
    assert answer["clinician_review_recommended"] is True
    assert "back_pain_worse" in [r["id"] for r in answer["reasons"]]


def test_a_walk_grows_least_in_a_week_the_pain_got_worse() -> None:
    plan = engine.plan(profile(pain={"leg": 5, "back": 3}))
    before = plan["daily_activity"]["minutes"]
    worse = engine.review(review_request(plan, baseline=(3, 3), logs=week_of_logs(pain=(6, 3))))
    assert worse["plan"]["daily_activity"]["minutes"] == max(before + 1, round(before * 1.1))


def test_a_walk_never_grows_past_80_percent_of_the_known_tolerance() -> None:
    data = profile(walking_tolerance_min=6, diagnoses=diagnosed("spinal_stenosis"))
    plan = engine.plan(data)
    for _ in range(6):
        answer = engine.review(
            review_request(plan, profile_data=data, logs=week_of_logs(pain=(5, 3)))
        )
        plan = answer["plan"]
    assert plan["daily_activity"]["minutes"] <= int(6 * 0.8)


def test_a_walk_held_in_a_spreading_week_says_why() -> None:
    plan = engine.plan(profile())
    answer = engine.review(
        review_request(plan, logs=spreading_mornings(["prone_lying"], ["glute_bridge"]))
    )
    whys = " ".join(answer["plan"]["daily_activity"]["why"])
    assert "because your symptoms spread" in whys
    assert "Each week without spreading symptoms" not in whys


def test_bending_forward_advice_is_not_given_to_someone_whose_symptoms_it_spread() -> None:
    plan = engine.plan(
        profile(diagnoses=diagnosed("spinal_stenosis"), avoid_directions=["flexion"])
    )
    tips = " ".join(plan["advice"]) + " ".join(plan["daily_activity"]["why"])
    assert advice.CONDITION_ADVICE["spinal_stenosis"] not in tips
    assert "lean forward" not in tips


# The movement test.


def test_a_movement_test_stopped_part_way_counts_as_spreading() -> None:
    answer = engine.movement_test(
        {
            "profile": profile(),
            "results": [
                {
                    "direction": "extension",
                    "extent_before": "thigh",
                    "extent_after": "thigh",
                    "leg_pain_before": 5,
                    "leg_pain_after": 5,
                    "stopped_at_step": 1,
                }
            ],
        }
    )
    assert answer["avoid_directions"] == ["extension"]


def test_a_direction_that_spread_on_another_day_counts_for_rule_5() -> None:
    answer = engine.movement_test(
        {
            "profile": profile(avoid_directions=["extension"]),
            "results": [
                {
                    "direction": "flexion",
                    "extent_before": "thigh",
                    "extent_after": "foot",
                    "leg_pain_before": 5,
                    "leg_pain_after": 6,
                }
            ],
        }
    )
    assert answer["avoid_directions"] == ["extension", "flexion"]
    assert answer["clinician_review_recommended"] is True


def test_a_review_log_may_say_it_was_reviewed_already() -> None:
    entry = log(TODAY)
    entry["reviewed"] = True
    engine.review(review_request(engine.plan(profile()), logs=[entry]))


# A second physiotherapist's reading.


def test_an_unexplained_spread_keeps_the_directions_it_bent_out_until_a_clinician_looks() -> None:
    data = profile(directional_preference="extension", pain={"leg": 4, "back": 3})
    plan = engine.plan(data)
    logs = week_of_logs(TODAY)
    for entry in logs:  # every session spread: nothing to compare with
        entry["extent_before"], entry["extent_after"] = "thigh", "below_knee"
        entry["exercises_done"] = [i["exercise"] for i in items(plan)]
    answer = engine.review(review_request(plan, profile_data=data, baseline=(4, 3), logs=logs))
    assert answer["avoid_directions_added"] == ["extension"]
    assert "as a precaution" in next(
        r["text"] for r in answer["reasons"] if r["id"] == "no_single_cause"
    )


def test_a_stretch_that_spread_the_symptoms_takes_the_same_stretch_in_other_positions() -> None:
    data = profile(diagnoses=diagnosed("piriformis_syndrome"), pain={"leg": 4, "back": 3})
    plan = engine.plan(data)
    assert "piriformis_stretch" in exercise_ids(plan)
    rest = [i["exercise"] for i in items(plan) if i["exercise"] != "piriformis_stretch"]
    answer = engine.review(
        review_request(
            plan,
            profile_data=data,
            baseline=(4, 3),
            logs=spreading_mornings([*rest, "piriformis_stretch"], rest),
        )
    )
    assert "seated_piriformis_stretch" in answer["avoid_exercises_added"]
    assert not {"piriformis_stretch", "seated_piriformis_stretch"} & exercise_ids(answer["plan"])
    assert "piriformis_stretch" in [u["id"] for u in answer["plan"]["unmet"]]


def test_the_trial_stays_the_gentle_trial_when_the_pain_improves() -> None:
    plan = engine.plan(profile(pain={"leg": 5, "back": 3}))
    answer = engine.review(review_request(plan, baseline=(8, 3), logs=week_of_logs(pain=(3, 3))))
    assert answer["decision"] == "progress"
    trial = [i["exercise"] for i in items(answer["plan"]) if i["trial"]]
    assert trial == ["prone_lying"] * 2  # both sessions, still the gentlest


def test_no_sit_up_type_effort_where_thin_bones_are_likely() -> None:
    for changes in ({"sex": "female", "age": 66}, {"sex": "male", "age": 76}):
        data = profile(directional_preference="none", pain={"leg": 1, "back": 1}, **changes)
        plan = engine.plan(data)
        later = engine.review(
            review_request(plan, profile_data=data, baseline=(5, 5), logs=week_of_logs(pain=(1, 1)))
        )
        assert "curl_up" not in exercise_ids(later["plan"]), changes
        assert "trunk_flexor_s" not in engine.checks(data)["offered"]


def test_no_repeated_back_bends_in_pregnancy() -> None:
    offer = engine.checks(profile(pregnancy_weeks=14))["movement_test"]
    assert offer["offered"] == ["flexion"]


@pytest.mark.parametrize("changes", [{"pregnancy_weeks": 16}, {"weeks_since_birth": 2}])
def test_the_hip_check_hug_is_not_asked_in_pregnancy_or_after_a_birth(
    changes: dict[str, Any],
) -> None:
    answer = engine.checks(profile(symptoms={"extent": "thigh"}, **changes))
    assert "thomas_test" not in answer["offered"]


def test_a_move_back_forced_by_the_rules_does_not_claim_the_pain_eased() -> None:
    data = profile(pregnancy_weeks=19, diagnoses=diagnosed("pregnancy_related"))
    plan = engine.plan(data)
    older = {**data, "pregnancy_weeks": 21}
    answer = engine.review(
        review_request(plan, profile_data=older, baseline=(8, 3), logs=week_of_logs(pain=(3, 3)))
    )
    whys = [w for i in items(answer["plan"]) for w in i["why"] if w.startswith("One step back")]
    assert whys
    assert all("as your pain has eased" not in w for w in whys)
