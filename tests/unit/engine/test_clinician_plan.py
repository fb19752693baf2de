"""A clinician's changes to a plan (the project's ``clinician_plan`` profile field): taken
only where the plan's rules allow, each outcome explained; and ``replan``, which keeps each
line's step."""

from typing import Any

import pytest

from sciatica_coach import engine
from sciatica_coach.engine import clinician_plan
from sciatica_coach.engine.checks import HOLD_CAP_S, REP_CAP
from sciatica_coach.engine.clinician_plan import REMOVED
from tests.factories import diagnosed, log, profile
from tests.unit.engine.plan_checks import assert_rule_1, assert_rule_2, assert_rule_4, items


def asked(**plan: Any) -> dict[str, Any]:
    return {"items": [], "remove": [], "basics": True, **plan}


def outcome(answer: dict[str, Any], exercise: str) -> dict[str, Any]:
    return next(o for o in answer["clinician_items"] if o["exercise"] == exercise)


def test_an_exercise_a_clinician_adds_is_in_every_session_at_the_clinicians_dose() -> None:
    answer = engine.plan(
        profile(clinician_plan=asked(items=[{"exercise": "clamshell", "sets": 2, "reps": 12}]))
    )
    for session in answer["sessions"]:
        clamshell = next(i for i in session["items"] if i["exercise"] == "clamshell")
        assert (clamshell["sets"], clamshell["reps"]) == (2, 12)
        assert clinician_plan.ADDED in clamshell["why"]
    assert outcome(answer, "clamshell") == {
        "exercise": "clamshell",
        "status": "in_plan",
        "given": "clamshell",
        "reasons": [],
    }


def test_a_contraindicated_exercise_a_clinician_adds_is_left_out_with_rule_4s_reason() -> None:
    data = profile(
        diagnoses=diagnosed("spinal_stenosis"),
        directional_preference="flexion",
        clinician_plan=asked(items=[{"exercise": "prone_lying"}]),
    )
    answer = engine.plan(data)
    left = outcome(answer, "prone_lying")
    assert left["status"] == "left_out"
    assert any(r.startswith("spinal_stenosis:") for r in left["reasons"])
    assert "prone_lying" not in {i["exercise"] for i in items(answer)}
    assert_rule_4(answer, data)


def test_a_clinician_cannot_add_a_bending_exercise_while_the_preference_is_unknown() -> None:
    answer = engine.plan(profile(clinician_plan=asked(items=[{"exercise": "prone_press_up"}])))
    left = outcome(answer, "prone_press_up")
    assert left["status"] == "left_out"
    assert "directional preference: unknown" in left["reasons"][0]


def test_an_exercise_a_clinician_takes_out_is_excluded_saying_who_took_it_out() -> None:
    first = engine.plan(profile())
    taken = items(first)[0]["exercise"]
    answer = engine.plan(profile(clinician_plan=asked(remove=[taken])))
    assert taken not in {i["exercise"] for i in items(answer)}
    excluded = {e["exercise"]: e["reasons"] for e in answer["excluded"]}
    assert REMOVED in excluded[taken]


def test_a_taken_out_exercise_still_counts_for_the_self_checks() -> None:
    # Taking side planks out of a plan is not a reason to withhold the side-bridge check.
    plain = engine.checks(profile(pain={"leg": 3, "back": 2}))
    removed = engine.checks(
        profile(pain={"leg": 3, "back": 2}, clinician_plan=asked(remove=["side_plank"]))
    )
    assert plain["offered"] == removed["offered"]


def test_an_allowed_exercise_not_yet_reached_is_given_at_its_gentlest_step_and_says_so() -> None:
    answer = engine.plan(profile(clinician_plan=asked(items=[{"exercise": "bird_dog"}])))
    changed = outcome(answer, "bird_dog")
    assert changed["status"] == "changed"
    assert changed["given"] in {i["exercise"] for i in items(answer)}
    assert "level 1" in changed["reasons"][0]


def test_a_template_without_the_basics_still_keeps_rules_1_and_2() -> None:
    data = profile(
        pain={"leg": 4, "back": 3},
        clinician_plan=asked(basics=False, items=[{"exercise": "clamshell"}]),
    )
    answer = engine.plan(data)
    assert_rule_1(answer)
    assert_rule_2(answer)
    assert outcome(answer, "clamshell")["status"] == "in_plan"


def test_a_clinicians_dose_is_trimmed_in_relief_and_the_answer_says_so() -> None:
    answer = engine.plan(
        profile(
            pain={"leg": 8, "back": 3},
            clinician_plan=asked(
                items=[{"exercise": "lower_trunk_rotation", "sets": 3, "reps": 20}]
            ),
        )
    )
    trimmed = outcome(answer, "lower_trunk_rotation")
    assert trimmed["status"] == "changed"
    assert trimmed["reasons"][-1].startswith("dose:")


def test_a_clinicians_dose_is_capped_like_the_self_checks() -> None:
    assert clinician_plan.MAX_REPS == REP_CAP
    assert clinician_plan.MAX_HOLD_S == HOLD_CAP_S
    with pytest.raises(engine.RefusedInput) as refused:
        engine.plan(profile(clinician_plan=asked(items=[{"exercise": "clamshell", "reps": 50}])))
    assert refused.value.field == "profile.clinician_plan.items[0].reps"


def test_an_unknown_exercise_in_a_clinicians_plan_is_refused_naming_the_field() -> None:
    with pytest.raises(engine.RefusedInput) as refused:
        engine.plan(profile(clinician_plan=asked(remove=["moonwalk"])))
    assert refused.value.field == "profile.clinician_plan.remove[0]"


def test_replan_keeps_each_lines_step_and_the_walk() -> None:
    data = profile(pain={"leg": 4, "back": 3})
    first = engine.plan(data)
    request = {
        "profile": data,
        "plan": first,
        "started_on": "2026-10-01",
        "today": "2026-10-08",
        "baseline_pain": {"leg": 7, "back": 4},
        "logs": [
            log(f"2026-10-0{day}", slot, pain=(3, 2), exercises=[])
            for day in range(2, 9)
            for slot in ("morning", "evening")
        ],
    }
    moved = engine.review(request)["plan"]
    again = engine.replan({**data, "directional_preference": "none"}, moved)
    moved_ids = {i["exercise"] for i in items(moved) if i["level"] > 1}
    assert moved_ids, "the review should have moved a line on"
    assert moved_ids <= {i["exercise"] for i in items(again)}
    assert again["daily_activity"]["minutes"] == moved["daily_activity"]["minutes"]
    assert again["first_plan"] is False


def test_replan_of_a_plan_that_is_no_program_is_a_first_plan() -> None:
    waiting = engine.plan(profile(diagnoses=diagnosed("disc_herniation", confirmed=False)))
    assert waiting["sessions"] is None
    assert engine.replan(profile(), waiting)["first_plan"] is True
