"""Contract checks rules 1-3: which self-checks are safe to offer now."""

from typing import Any

import pytest

from sciatica_coach import engine
from sciatica_coach.engine.checks import HOLD_CAP_S, REP_CAP
from sciatica_coach.engine.vocabulary import IMBALANCE_TESTS
from tests.factories import diagnosed, profile


def checks_for(**changes: Any) -> dict[str, Any]:
    return engine.checks(profile(**changes))


def withheld(answer: dict[str, Any]) -> dict[str, list[str]]:
    return {w["id"]: w["reasons"] for w in answer["withheld"]}


def test_rule_1_nothing_is_offered_when_urgency_is_not_self_care() -> None:
    answer = checks_for(red_flags=["saddle_numbness"])
    assert answer["urgency"] == "emergency"
    assert answer["offered"] == []
    assert answer["movement_test"]["offered"] == []
    assert set(withheld(answer)) == set(IMBALANCE_TESTS)


def test_rule_1_in_relief_the_muscle_checks_wait_and_the_movement_test_is_offered() -> None:
    answer = checks_for(pain={"leg": 8, "back": 3})
    assert answer["offered"] == []
    assert all(any("relief phase" in r for r in rs) for rs in withheld(answer).values())
    assert answer["movement_test"]["offered"] == ["extension", "flexion"]
    first_steps = [steps[0]["exercise"] for steps in answer["movement_test"]["steps"].values()]
    assert first_steps == ["prone_lying", "single_knee_to_chest"]  # the gentlest first


def test_rule_2_each_check_names_the_catalog_entry_it_is_done_as() -> None:
    answer = checks_for()
    assert answer["check_exercise"]["trunk_extensor_s"] == "prone_extension_hold"
    assert answer["check_exercise"]["side_bridge_left_s"] == "side_plank"
    assert set(answer["check_exercise"]) == set(IMBALANCE_TESTS)
    catalog = {e["id"] for e in engine.catalog()}
    assert set(answer["check_exercise"].values()) <= catalog


@pytest.mark.parametrize(
    "condition", ["spinal_stenosis", "isthmic_spondylolisthesis", "degenerative_spondylolisthesis"]
)
def test_rule_2_the_face_down_extensor_hold_is_withheld_with_these_conditions(
    condition: str,
) -> None:
    answer = checks_for(diagnoses=diagnosed(condition), pain={"leg": 4, "back": 3})
    assert "trunk_extensor_s" not in answer["offered"]
    assert any(condition in r for r in withheld(answer)["trunk_extensor_s"])
    assert answer["movement_test"]["offered"] == ["flexion"]


def test_rule_2_pregnancy_withholds_the_face_down_hold_and_the_full_side_bridge() -> None:
    answer = checks_for(pregnancy_weeks=16, diagnoses=diagnosed("pregnancy_related"))
    reasons = withheld(answer)
    assert "trunk_extensor_s" in reasons
    assert "side_bridge_left_s" in reasons
    assert "side_bridge_right_s" in reasons


def test_rule_2_a_direction_in_avoid_directions_is_withheld_from_the_movement_test() -> None:
    answer = checks_for(avoid_directions=["extension"])
    assert answer["movement_test"]["offered"] == ["flexion"]
    (held,) = answer["movement_test"]["withheld"]
    assert held["direction"] == "extension"
    assert "trunk_extensor_s" in withheld(answer)


def test_rule_2_the_straight_leg_raise_is_withheld_while_symptoms_reach_below_the_knee() -> None:
    below = checks_for(symptoms={"extent": "below_knee"})
    assert "slr_left_deg" in withheld(below)
    above = checks_for(symptoms={"extent": "thigh"})
    assert "slr_left_deg" in above["offered"]


def test_rule_2_off_the_floor_the_movement_test_stands_and_sits() -> None:
    answer = checks_for(floor_ok=False)
    steps = answer["movement_test"]["steps"]
    assert [s["exercise"] for s in steps["extension"]] == ["standing_back_extension"]
    assert [s["exercise"] for s in steps["flexion"]] == ["seated_flexion"]
    assert "trendelenburg" in answer["offered"]  # standing on one leg is off the floor


def test_rule_2_late_pregnancy_bends_forward_sitting_and_tests_no_backward_bend() -> None:
    """No face-down steps from 13 weeks (rule 4), and no repeated standing back bends in
    pregnancy either (the catalog's own contraindication: the program's choice)."""
    answer = checks_for(pregnancy_weeks=24)
    steps = answer["movement_test"]["steps"]
    assert [s["exercise"] for s in steps["flexion"]] == ["seated_flexion"]
    assert answer["movement_test"]["offered"] == ["flexion"]
    (held,) = answer["movement_test"]["withheld"]
    assert any("pregnancy" in r for r in held["reasons"])


def test_rule_3_holds_and_counts_are_capped_and_stop_at_the_first_sign() -> None:
    limits = checks_for()["limits"]
    assert (limits["hold_cap_s"], limits["rep_cap"]) == (HOLD_CAP_S, REP_CAP) == (120, 20)
    assert "leg symptoms spread or grow" in limits["stop_when"]
    assert "form is lost" in limits["stop_when"]


def test_every_withheld_check_says_why() -> None:
    for answer in (checks_for(diagnoses=diagnosed("spinal_stenosis")), checks_for(floor_ok=False)):
        for reasons in withheld(answer).values():
            assert reasons
