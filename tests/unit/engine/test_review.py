"""Contract review rules 1-8, each test named after the rule it checks."""

import copy
from typing import Any

import pytest

from sciatica_coach import engine
from sciatica_coach.engine import advice
from sciatica_coach.engine.catalog import load_catalog
from tests.factories import diagnosed, log, profile, review_request, week_of_logs
from tests.unit.engine.plan_checks import (
    assert_rule_1,
    assert_rule_2,
    assert_rule_4,
    chosen,
    directions,
    exercise_ids,
    items,
)

CATALOG = load_catalog()
TODAY = "2026-10-29"


def current_plan(**changes: Any) -> dict[str, Any]:
    return engine.plan(profile(**changes))


def review(**kwargs: Any) -> dict[str, Any]:
    plan = kwargs.pop("plan", None) or current_plan()
    previous = kwargs.pop("previous", None)
    request = review_request(plan, **kwargs)
    if previous is not None:
        request["previous_window_pain"] = {"leg": previous[0], "back": previous[1]}
    return engine.review(request)


def ids(answer: dict[str, Any], key: str = "reasons") -> list[str]:
    return [r["id"] for r in answer[key]]


def spreading_mornings(exercises_morning: list[str], exercises_evening: list[str]) -> list[Any]:
    """A week whose morning sessions spread the symptoms and evening sessions do not."""
    logs = week_of_logs(TODAY)
    for entry in logs:
        if entry["slot"] == "morning":
            entry["extent_before"], entry["extent_after"] = "thigh", "below_knee"
            entry["exercises_done"] = exercises_morning
        else:
            entry["exercises_done"] = exercises_evening
    return logs


# Rule 1: red flags.


@pytest.mark.parametrize(
    ("flag", "level"),
    [
        ("bladder_change", "emergency"),
        ("gait_disturbance", "urgent"),
        ("unexplained_weight_loss", "soon"),
    ],
)
def test_rule_1_a_red_flag_in_any_log_stops_with_its_urgency_and_no_plan(
    flag: str, level: str
) -> None:
    logs = week_of_logs()
    logs[3]["new_red_flags"] = [flag]
    answer = review(logs=logs)
    assert (answer["decision"], answer["urgency"], answer["plan"]) == (
        "stop_and_seek_care",
        level,
        None,
    )
    assert answer["advice"][-1] == advice.SAFETY_NET
    assert answer["go_to"]


def test_rule_1_a_red_flag_in_an_old_log_still_stops() -> None:
    logs = [*week_of_logs(), log("2026-10-16", flags=["saddle_numbness"])]
    assert review(logs=logs)["decision"] == "stop_and_seek_care"


def test_rule_1_a_cleared_flag_reported_in_a_log_fires_again() -> None:
    """Triage rule 8: clearing covers the standing answer, not a new report at a check-in."""
    data = profile(red_flags=["infection_risk"], cleared_red_flags=["infection_risk"])
    logs = week_of_logs()
    logs[-1]["new_red_flags"] = ["infection_risk"]
    answer = review(profile_data=data, plan=engine.plan(data), logs=logs)
    assert (answer["decision"], answer["urgency"]) == ("stop_and_seek_care", "urgent")


def test_rule_1_a_profile_that_no_longer_passes_triage_stops_too() -> None:
    answer = review(profile_data=profile(red_flags=["progressive_weakness"]))
    assert (answer["decision"], answer["urgency"]) == ("stop_and_seek_care", "urgent")


def test_rule_1_a_cleared_cancer_history_fires_again_when_the_person_is_worse() -> None:
    data = profile(red_flags=["cancer_history"], cleared_red_flags=["cancer_history"])
    answer = review(
        profile_data=data, plan=engine.plan(data), baseline=(4, 2), logs=week_of_logs(pain=(7, 2))
    )
    assert (answer["decision"], answer["urgency"]) == ("stop_and_seek_care", "urgent")
    assert "cancer_history_again" in ids(answer)


def test_rule_1_a_cleared_cancer_history_fires_again_after_six_weeks_without_improving() -> None:
    data = profile(red_flags=["cancer_history"], cleared_red_flags=["cancer_history"])
    answer = review(
        profile_data=data, plan=engine.plan(data), started_on="2026-09-01", baseline=(6, 3)
    )
    assert answer["decision"] == "stop_and_seek_care"


def test_rule_1_a_cleared_cancer_history_stays_cleared_while_improving() -> None:
    data = profile(red_flags=["cancer_history"], cleared_red_flags=["cancer_history"])
    answer = review(profile_data=data, plan=engine.plan(data), logs=week_of_logs(pain=(3, 2)))
    assert answer["decision"] == "progress"


# Rule 2: peripheralisation.


def test_rule_2_lying_face_down_that_spread_the_symptoms_is_never_followed_by_the_elbows() -> None:
    """The physiotherapist's worst case: lying face down spread the leg symptoms, and the next
    week's plan gave the deeper backward bend on the elbows."""
    plan = current_plan()
    assert "prone_lying" in exercise_ids(plan)
    rest = [i["exercise"] for i in plan["sessions"][1]["items"] if i["exercise"] != "prone_lying"]
    answer = review(plan=plan, logs=spreading_mornings([*rest, "prone_lying"], rest))
    assert answer["decision"] == "regress"
    assert {"prone_lying", "prone_on_elbows", "prone_press_up"} <= set(
        answer["avoid_exercises_added"]
    )
    assert answer["avoid_directions_added"] == ["extension"]
    assert "extension" not in directions(answer["plan"])
    assert answer["plan"]["checks_suggested"] == ["movement_test"]


def test_rule_2_a_suspect_goes_with_its_whole_progression() -> None:
    data = profile(directional_preference="none", pain={"leg": 1, "back": 1})
    plan = engine.plan(data)
    rest = [i["exercise"] for i in items(plan) if i["exercise"] != "glute_bridge"]
    answer = review(
        plan=plan,
        profile_data=data,
        baseline=(1, 1),
        logs=spreading_mornings([*rest, "glute_bridge"], rest),
    )
    line = [e.id for e in CATALOG.harder_line("glute_bridge")]
    assert line[0] == "glute_bridge"
    assert set(line) <= set(answer["avoid_exercises_added"])
    assert not set(line) & exercise_ids(answer["plan"])
    assert answer["avoid_directions_added"] == []  # a neutral suspect takes no direction


def test_rule_2_a_directional_suspect_with_an_easier_step_keeps_its_direction() -> None:
    plan = {
        "phase": "recovery",
        "sessions_per_day": 2,
        "sessions": [
            {"slot": s, "items": [{"exercise": e} for e in ("prone_on_elbows", "glute_bridge")]}
            for s in ("morning", "evening")
        ],
    }
    data = profile(directional_preference="extension")
    answer = review(
        plan=plan,
        profile_data=data,
        logs=spreading_mornings(["prone_on_elbows", "glute_bridge"], ["glute_bridge"]),
    )
    assert "prone_on_elbows" in answer["avoid_exercises_added"]
    assert "prone_lying" not in answer["avoid_exercises_added"]
    assert answer["avoid_directions_added"] == []


def test_rule_2_a_mixed_suspect_removes_every_mixed_item() -> None:
    data = profile(directional_preference="none", pain={"leg": 1, "back": 1})
    plan = engine.plan(data)
    assert "cat_camel" in exercise_ids(plan)
    rest = [i["exercise"] for i in items(plan) if i["exercise"] != "cat_camel"]
    answer = review(
        plan=plan,
        profile_data=data,
        baseline=(1, 1),
        logs=spreading_mornings([*rest, "cat_camel"], rest),
    )
    mixed = {e.id for e in CATALOG.exercises if e.direction == "mixed"}
    assert mixed <= set(answer["avoid_exercises_added"])
    assert "mixed" not in {e.direction for e in chosen(answer["plan"])}


def test_rule_2_the_trial_that_spread_the_symptoms_takes_its_direction_back() -> None:
    plan = current_plan()
    logs = week_of_logs(TODAY, exercises=[])  # logs that list nothing held the plan's sessions
    logs[0]["extent_before"], logs[0]["extent_after"] = "thigh", "foot"
    answer = review(plan=plan, logs=logs)
    assert answer["avoid_directions_added"] == ["extension"]
    assert not directions(answer["plan"])
    assert "movement_test" in answer["plan"]["checks_suggested"]


def test_rule_2_when_no_exercise_can_be_singled_out_no_cause_is_claimed() -> None:
    data = profile(directional_preference="none", pain={"leg": 4, "back": 3})
    plan = engine.plan(data)
    logs = week_of_logs(TODAY, exercises=["pelvic_tilt", "glute_bridge"])
    for entry in logs:
        entry["extent_before"], entry["extent_after"] = "thigh", "below_knee"
    answer = review(plan=plan, profile_data=data, baseline=(4, 3), logs=logs)
    assert answer["decision"] == "regress"
    assert "no_single_cause" in ids(answer)
    assert answer["avoid_exercises_added"] == []
    assert not directions(answer["plan"])
    assert answer["clinician_review_recommended"] is True
    assert "only in sessions with" not in " ".join(r["text"] for r in answer["reasons"])


def test_rule_2_spreading_in_more_than_half_the_sessions_calls_for_a_clinician() -> None:
    logs = week_of_logs(TODAY)
    for entry in logs[:8]:
        entry["extent_before"], entry["extent_after"] = "thigh", "below_knee"
        entry["exercises_done"] = ["pelvic_tilt", "glute_bridge"]
    answer = review(logs=logs)
    assert "spread_in_most_sessions" in ids(answer)
    assert answer["clinician_review_recommended"] is True


def test_rule_2_spreading_in_a_plan_that_does_not_bend_calls_for_a_clinician() -> None:
    data = profile(diagnoses=diagnosed("piriformis_syndrome"))
    plan = engine.plan(data)
    assert not directions(plan)
    logs = week_of_logs(TODAY)
    logs[0]["extent_before"], logs[0]["extent_after"] = "thigh", "below_knee"
    answer = review(plan=plan, profile_data=data, logs=logs)
    assert "spread_without_bending" in ids(answer)
    assert answer["clinician_review_recommended"] is True


def test_rule_2_a_week_that_ends_further_down_the_leg_regresses() -> None:
    logs = week_of_logs()
    logs[0]["extent_before"] = logs[0]["extent_after"] = "thigh"
    for entry in logs[1:]:
        entry["extent_before"] = entry["extent_after"] = "below_knee"
    answer = review(logs=logs)
    assert answer["decision"] == "regress"
    assert "peripheralisation" in ids(answer)


def test_rule_2_the_next_plan_never_holds_what_the_review_added_to_the_avoid_lists() -> None:
    plan = current_plan()
    answer = review(
        plan=plan, logs=spreading_mornings(["prone_lying", "glute_bridge"], ["glute_bridge"])
    )
    next_plan = answer["plan"]
    assert not set(answer["avoid_exercises_added"]) & exercise_ids(next_plan)
    assert not set(answer["avoid_directions_added"]) & directions(next_plan)


@pytest.mark.parametrize(
    ("before", "after", "spread", "central"),
    [
        ("thigh", "below_knee", True, False),
        ("foot", "buttock", False, True),
        ("thigh", "thigh", False, False),
        ("none", "back", True, False),
    ],
)
def test_rule_2_peripheralisation_means_further_down_the_leg(
    before: str, after: str, spread: bool, central: bool
) -> None:
    assert engine.peripheralised(before, after) is spread  # type: ignore[arg-type]
    assert engine.centralised(before, after) is central  # type: ignore[arg-type]


# Rule 3: worse.


def test_rule_3_pain_two_points_worse_than_baseline_regresses_and_calls_for_a_clinician() -> None:
    plan = current_plan(pain={"leg": 5, "back": 3})
    answer = review(plan=plan, baseline=(4, 3), logs=week_of_logs(pain=(6, 3)))
    assert answer["decision"] == "regress"
    assert answer["clinician_review_recommended"] is True
    assert advice.SEE_CLINICIAN_SOON in answer["advice"]
    assert answer["plan"]["phase"] == "relief"  # one phase back from recovery


def test_rule_3_pain_two_points_worse_than_last_week_regresses_too() -> None:
    plan = current_plan(pain={"leg": 5, "back": 3})
    answer = review(plan=plan, baseline=(8, 3), previous=(3, 3), logs=week_of_logs(pain=(5, 3)))
    assert answer["decision"] == "regress"
    assert "last week" in next(r["text"] for r in answer["reasons"] if r["id"] == "pain_worse")


def test_rule_3_regress_goes_to_the_earlier_of_one_phase_back_and_the_pain_phase() -> None:
    plan = current_plan(pain={"leg": 1, "back": 1})
    assert plan["phase"] == "maintenance"
    answer = review(plan=plan, baseline=(1, 1), logs=week_of_logs(pain=(8, 1)))
    assert answer["plan"]["phase"] == "relief"


def test_rule_3_only_the_judged_side_counts() -> None:
    plan = current_plan(pain={"leg": 5, "back": 3})
    answer = review(plan=plan, baseline=(6, 2), logs=week_of_logs(pain=(6, 5)))
    assert answer["decision"] != "regress"


def test_rule_3_regress_within_relief_uses_easier_variants() -> None:
    data = profile(directional_preference="extension", pain={"leg": 8, "back": 3})
    plan = {
        "phase": "relief",
        "sessions_per_day": 2,
        "sessions": [
            {"slot": s, "items": [{"exercise": e} for e in ("prone_on_elbows", "pelvic_tilt")]}
            for s in ("morning", "evening")
        ],
    }
    answer = review(plan=plan, profile_data=data, baseline=(6, 3), logs=week_of_logs(pain=(8, 3)))
    assert answer["plan"]["phase"] == "relief"
    assert "prone_lying" in exercise_ids(answer["plan"])
    assert "prone_on_elbows" not in exercise_ids(answer["plan"])


# Rule 4: progress.


def test_rule_4_better_by_two_points_with_good_adherence_progresses() -> None:
    plan = current_plan(pain={"leg": 6, "back": 3})
    answer = review(plan=plan, baseline=(6, 3), logs=week_of_logs(pain=(4, 3)))
    assert answer["decision"] == "progress"
    assert "pain_improved" in ids(answer)


def test_rule_4_better_by_30_percent_counts_as_better() -> None:
    answer = review(baseline=(10, 3), logs=week_of_logs(pain=(7, 3)))
    assert answer["decision"] == "progress"


def test_rule_4_the_side_worse_at_baseline_is_judged() -> None:
    answer = review(baseline=(3, 8), logs=week_of_logs(pain=(3, 5)))
    assert answer["judged"] == "back"
    assert answer["decision"] == "progress"


def test_rule_4_progress_needs_adherence_of_at_least_0_7() -> None:
    logs = week_of_logs(pain=(3, 3))[:8]  # 8 of 12 due sessions
    answer = review(baseline=(6, 3), logs=logs)
    assert answer["adherence"] < 0.7
    assert answer["decision"] == "continue"


def test_rule_4_progress_is_judged_against_last_week_too() -> None:
    """Stuck at 5 out of 10 after a better week: not progress into harder exercises."""
    answer = review(baseline=(8, 3), previous=(4, 3), logs=week_of_logs(pain=(5, 3)))
    assert answer["decision"] == "continue"


def test_rule_4_progress_moves_a_phase_only_as_far_as_the_pain_allows() -> None:
    plan = current_plan(pain={"leg": 5, "back": 3})
    stuck = review(plan=plan, baseline=(8, 3), logs=week_of_logs(pain=(3, 3)))
    assert (stuck["decision"], stuck["plan"]["phase"]) == ("progress", "recovery")
    through = review(plan=plan, baseline=(8, 3), logs=week_of_logs(pain=(2, 2)))
    assert (through["decision"], through["plan"]["phase"]) == ("progress", "maintenance")


def test_rule_4_progress_within_a_phase_moves_each_item_one_step_harder() -> None:
    plan = current_plan(pain={"leg": 5, "back": 3})
    answer = review(plan=plan, baseline=(8, 3), logs=week_of_logs(pain=(3, 3)))
    before = {CATALOG.line_id(e): e for e in exercise_ids(plan)}
    after = {CATALOG.line_id(e): e for e in exercise_ids(answer["plan"])}
    moved = 0
    for line, now in after.items():
        if line in before:
            progression = [e.id for e in CATALOG.progression(line)]
            steps = progression.index(now) - progression.index(before[line])
            assert 0 <= steps <= 1, (before[line], now)
            moved += steps
    assert moved > 0
    assert answer["plan"]["first_plan"] is False


# Rule 5: continue.


def test_rule_5_otherwise_continue() -> None:
    answer = review(baseline=(6, 3), logs=week_of_logs(pain=(5, 3)))
    assert answer["decision"] == "continue"
    assert "no_meaningful_change" in ids(answer)


def test_rule_5_adherence_under_half_adds_habit_advice() -> None:
    logs = week_of_logs(pain=(5, 3))[:4]
    answer = review(baseline=(6, 3), logs=logs)
    assert answer["adherence"] < 0.5
    assert advice.HABIT in answer["advice"]
    assert "low_adherence" in ids(answer)


def test_rule_5_missed_sessions_may_be_logged_or_left_out() -> None:
    kept = week_of_logs(pain=(5, 3))[:6]
    missed = [log(e["date"], e["slot"], done=False) for e in week_of_logs()[6:]]
    left_out = review(logs=kept)
    logged = review(logs=[*kept, *missed])
    assert left_out["adherence"] == logged["adherence"]


# Rule 6: six weeks, and severe pain two weeks running.


def test_rule_6_six_weeks_without_30_percent_improvement_recommends_a_clinician() -> None:
    answer = review(started_on="2026-09-01", baseline=(6, 3), logs=week_of_logs(pain=(5, 3)))
    assert answer["clinician_review_recommended"] is True
    assert "no_improvement_six_weeks" in ids(answer)


def test_rule_6_improvement_of_30_percent_needs_no_clinician() -> None:
    answer = review(started_on="2026-09-01", baseline=(6, 3), logs=week_of_logs(pain=(4, 3)))
    assert "no_improvement_six_weeks" not in ids(answer)


def test_rule_6_severe_pain_two_windows_running_recommends_a_clinician() -> None:
    answer = review(baseline=(9, 3), previous=(8, 3), logs=week_of_logs(pain=(8, 3)))
    assert "severe_two_weeks" in ids(answer)
    assert answer["clinician_review_recommended"] is True


# Rule 7: the program never ends; walking grows.


def test_rule_7_getting_better_never_ends_the_program() -> None:
    plan = current_plan(pain={"leg": 1, "back": 1})
    answer = review(plan=plan, baseline=(8, 6), logs=week_of_logs(pain=(0, 0)))
    assert answer["decision"] == "progress"
    assert answer["plan"]["phase"] == "maintenance"
    assert answer["plan"]["sessions_per_day"] == 2
    assert_rule_1(answer["plan"])
    assert_rule_2(answer["plan"])


def test_plan_rule_7_a_review_without_spreading_raises_each_walk_by_10_to_20_percent() -> None:
    plan = current_plan(pain={"leg": 1, "back": 1})
    before = plan["daily_activity"]["minutes"]
    after = review(plan=plan, baseline=(1, 1), logs=week_of_logs(pain=(1, 1)))
    minutes = after["plan"]["daily_activity"]["minutes"]
    assert before * 1.1 <= minutes <= before * 1.2


def test_plan_rule_7_a_review_with_spreading_keeps_the_walk() -> None:
    plan = current_plan()
    before = plan["daily_activity"]["minutes"]
    answer = review(plan=plan, logs=spreading_mornings(["prone_lying"], ["glute_bridge"]))
    assert answer["plan"]["daily_activity"]["minutes"] == before


# Rule 8: reasons true of the logs, and the window never before the start.


def test_rule_8_on_day_1_before_any_session_it_is_too_early_and_nothing_changes() -> None:
    plan = current_plan()
    answer = review(plan=plan, started_on=TODAY, today=TODAY, logs=[])
    assert answer["decision"] == "continue"
    assert ids(answer) == ["too_early"]
    assert answer["sessions_planned"] == 0
    assert answer["plan"]["sessions"] == plan["sessions"]
    text = " ".join(r["text"] for r in answer["reasons"])
    assert "0 of 0" not in text


def test_rule_8_todays_session_counts_on_day_1() -> None:
    logs = [log(TODAY, "morning", pain=(5, 3), extent=("thigh", "thigh"))]
    answer = review(started_on=TODAY, today=TODAY, logs=logs, baseline=(5, 3))
    assert (answer["sessions_done"], answer["sessions_planned"]) == (1, 1)
    assert "low_adherence" not in ids(answer)


def test_rule_8_a_session_that_spread_today_is_reviewed_at_once() -> None:
    logs = [log(TODAY, "morning", extent=("thigh", "foot"), exercises=["prone_lying"])]
    answer = review(started_on=TODAY, today=TODAY, logs=logs)
    assert answer["decision"] == "regress"


def test_rule_8_the_window_never_reaches_before_the_start() -> None:
    logs = [*week_of_logs(pain=(9, 9)), *week_of_logs("2026-10-22", pain=(9, 9))]
    answer = review(started_on="2026-10-26", logs=logs, baseline=(5, 3))
    assert answer["window_start"] == "2026-10-26"
    assert answer["sessions_planned"] == 8  # three full days and today's two sessions


def test_rule_8_no_pain_scores_make_no_pain_claim() -> None:
    logs = week_of_logs()
    for entry in logs:
        entry["pain_before"] = None
    answer = review(logs=logs)
    assert "No session with a pain score" in " ".join(r["text"] for r in answer["reasons"])


def test_the_next_plan_keeps_every_contraindication() -> None:
    data = profile(diagnoses=diagnosed("spinal_stenosis"), equipment=["stability_ball"])
    plan = engine.plan(data)
    answer = review(plan=plan, profile_data=data, baseline=(6, 3), logs=week_of_logs(pain=(1, 1)))
    assert_rule_4(answer["plan"], data, extent="thigh")


def test_high_pain_this_week_keeps_the_next_plan_in_relief() -> None:
    plan = current_plan(pain={"leg": 5, "back": 3})
    answer = review(plan=plan, baseline=(10, 3), logs=week_of_logs(pain=(7, 3)))
    assert answer["decision"] == "progress"
    assert answer["plan"]["phase"] == "relief"


def test_review_advice_ends_with_the_cauda_equina_safety_net() -> None:
    assert review()["advice"][-1] == advice.SAFETY_NET


def test_the_review_does_not_change_its_input() -> None:
    request = review_request(current_plan())
    before = copy.deepcopy(request)
    engine.review(request)
    assert request == before
