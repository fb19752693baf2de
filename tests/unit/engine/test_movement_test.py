"""Contract movement-test rules 1-5: the directional preference the test shows."""

from typing import Any

import pytest

from sciatica_coach import engine
from tests.factories import diagnosed, profile


def result(
    direction: str, before: str, after: str, pain: tuple[int, int] = (5, 5)
) -> dict[str, Any]:
    return {
        "direction": direction,
        "extent_before": before,
        "extent_after": after,
        "leg_pain_before": pain[0],
        "leg_pain_after": pain[1],
    }


def moved(*results: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return engine.movement_test({"profile": profile(**changes), "results": list(results)})


def test_rule_1_a_direction_that_checks_withhold_is_refused() -> None:
    with pytest.raises(engine.RefusedInput) as refusal:
        moved(result("extension", "thigh", "buttock"), diagnoses=diagnosed("spinal_stenosis"))
    assert refusal.value.field == "request.results[0].direction"
    assert "spinal_stenosis" in refusal.value.reason


def test_rule_1_a_direction_listed_twice_is_refused() -> None:
    with pytest.raises(engine.RefusedInput, match=r"results\[1\]\.direction"):
        moved(result("flexion", "thigh", "thigh"), result("flexion", "thigh", "buttock"))


def test_rule_2_the_extent_decides() -> None:
    answer = moved(result("extension", "below_knee", "thigh", pain=(5, 8)))
    assert answer["directional_preference"] == "extension"


def test_rule_2_leg_pain_decides_only_when_the_extent_did_not_move() -> None:
    assert moved(result("flexion", "thigh", "thigh", (6, 4)))["directional_preference"] == (
        "flexion"
    )
    answer = moved(result("flexion", "thigh", "thigh", (4, 6)))
    assert answer["avoid_directions"] == ["flexion"]
    one_point = moved(result("flexion", "thigh", "thigh", (5, 4)))
    assert one_point["directional_preference"] == "unknown"


def test_rule_3_a_peripheralising_direction_is_added_to_the_profiles_avoid_directions() -> None:
    answer = moved(result("flexion", "thigh", "foot"), avoid_directions=["extension"])
    assert answer["avoid_directions"] == ["extension", "flexion"]


def test_rule_4_the_direction_that_centralises_while_the_other_spreads_is_the_preference() -> None:
    answer = moved(result("extension", "below_knee", "thigh"), result("flexion", "thigh", "foot"))
    assert (answer["directional_preference"], answer["avoid_directions"]) == (
        "extension",
        ["flexion"],
    )


def test_rule_4_both_centralise_the_one_that_moved_further_up_wins() -> None:
    answer = moved(result("extension", "foot", "thigh"), result("flexion", "foot", "below_knee"))
    assert answer["directional_preference"] == "extension"


def test_rule_4_both_centralise_equally_then_leg_pain_then_none() -> None:
    by_pain = moved(
        result("extension", "foot", "thigh", (6, 5)), result("flexion", "foot", "thigh", (6, 3))
    )
    assert by_pain["directional_preference"] == "flexion"
    tie = moved(
        result("extension", "foot", "thigh", (6, 4)), result("flexion", "foot", "thigh", (6, 4))
    )
    assert tie["directional_preference"] == "none"


def test_rule_4_both_tested_and_neither_changes_is_none() -> None:
    answer = moved(result("extension", "thigh", "thigh"), result("flexion", "thigh", "thigh"))
    assert answer["directional_preference"] == "none"


def test_rule_4_one_tested_without_centralising_is_unknown_and_names_the_other_to_try() -> None:
    answer = moved(result("extension", "thigh", "thigh"))
    assert (answer["directional_preference"], answer["try_next"]) == ("unknown", "flexion")
    assert "another day" in answer["reasons"][-1]["text"]


def test_rule_4_one_spreads_and_the_other_has_no_effect_is_unknown() -> None:
    answer = moved(result("extension", "thigh", "foot"), result("flexion", "thigh", "thigh"))
    assert answer["directional_preference"] == "unknown"
    assert answer["avoid_directions"] == ["extension"]
    assert answer["try_next"] == "flexion"


def test_rule_5_both_spread_unknown_both_avoided_and_a_clinician() -> None:
    answer = moved(result("extension", "thigh", "foot"), result("flexion", "thigh", "below_knee"))
    assert answer["directional_preference"] == "unknown"
    assert answer["avoid_directions"] == ["extension", "flexion"]
    assert answer["clinician_review_recommended"] is True


def test_the_preference_changes_the_plan() -> None:
    answer = moved(result("extension", "below_knee", "thigh"), result("flexion", "thigh", "foot"))
    data = profile(
        directional_preference=answer["directional_preference"],
        avoid_directions=answer["avoid_directions"],
    )
    plan = engine.plan(data)
    assert "movement_test" not in plan["checks_suggested"]
    assert not any(item["trial"] for s in plan["sessions"] for item in s["items"])
