"""Property tests: whatever the profile, no plan breaks a contraindication (plan rule 4) or mixes
directions, a first plan holds level 1 only, every plan keeps rules 1-3, the same profile gives
the same plan, no review's next plan holds what it just ruled out, the movement test does not
depend on the order of its results, and broken input is refused cleanly."""

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sciatica_coach import engine
from sciatica_coach.engine.catalog import load_catalog
from sciatica_coach.engine.phase import phase_for
from sciatica_coach.engine.profile import Profile
from sciatica_coach.engine.safety import Exclusions
from sciatica_coach.engine.vocabulary import EXTENT_ORDER
from tests.factories import review_request, week_of_logs
from tests.unit.engine.plan_checks import (
    assert_one_direction,
    assert_rule_1,
    assert_rule_2,
    assert_rule_4,
    assert_rule_6,
    directions,
    exercise_ids,
)
from tests.unit.engine.strategies import broken, profiles, week_logs

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TODAY = "2026-10-29"


@SETTINGS
@given(profiles())
def test_no_plan_ever_breaks_a_contraindication_or_mixes_directions(
    profile: dict[str, Any],
) -> None:
    plan = engine.plan(profile)
    if plan["sessions"] is not None:
        assert plan["first_plan"] is True
        assert_rule_4(plan, profile)  # level 1 only, each direction at its gentlest
        assert_one_direction(plan, profile)


@SETTINGS
@given(profiles(red_flag_chance=False))
def test_every_plan_keeps_rules_1_to_3_and_says_why(profile: dict[str, Any]) -> None:
    plan = engine.plan(profile)
    if plan["sessions"] is None:
        assert plan["urgency"] != "self_care"
        assert plan["phase"] is None
        return
    assert_rule_1(plan)
    assert_rule_2(plan)
    assert plan["phase"] == phase_for(Profile.model_validate(profile))
    assert_rule_6(plan)
    assert plan["clinician_review_recommended"] is bool(plan["unmet"])


@SETTINGS
@given(profiles())
def test_the_same_profile_always_gives_the_same_plan(profile: dict[str, Any]) -> None:
    assert engine.plan(profile) == engine.plan(profile)


@SETTINGS
@given(profiles(red_flag_chance=False), st.integers(0, 10), st.integers(0, 10), st.integers(0, 7))
def test_the_next_plan_of_any_review_keeps_every_contraindication(
    profile: dict[str, Any], leg: int, back: int, days: int
) -> None:
    plan = engine.plan(profile)
    logs = week_of_logs(TODAY, days=days, pain=(leg, back))
    answer = engine.review(review_request(plan, profile_data=profile, logs=logs))
    if answer["plan"] is not None and answer["plan"]["sessions"] is not None:
        assert_rule_1(answer["plan"])
        assert_rule_2(answer["plan"])
        extent = logs[-1]["extent_after"] if logs else None
        assert_rule_4(answer["plan"], profile, extent=extent)


@SETTINGS
@given(st.data(), profiles(red_flag_chance=False))
def test_no_next_plan_holds_what_its_review_added_to_the_avoid_lists(
    data: st.DataObject, profile: dict[str, Any]
) -> None:
    plan = engine.plan(profile)
    logs = data.draw(week_logs(plan, TODAY))
    answer = engine.review(review_request(plan, profile_data=profile, logs=logs))
    next_plan = answer["plan"]
    if next_plan is None or next_plan["sessions"] is None:
        return
    assert not set(answer["avoid_exercises_added"]) & exercise_ids(next_plan)
    assert not set(answer["avoid_directions_added"]) & directions(next_plan)
    updated = {
        **profile,
        "avoid_exercises": [*profile["avoid_exercises"], *answer["avoid_exercises_added"]],
        "avoid_directions": [*profile["avoid_directions"], *answer["avoid_directions_added"]],
    }
    assert_one_direction(next_plan, updated)
    catalog = load_catalog()
    for exercise_id in exercise_ids(next_plan):
        assert not catalog[exercise_id].check_only


@SETTINGS
@given(profiles(red_flag_chance=False))
def test_checks_never_offer_a_check_whose_position_rule_4_excludes(
    profile: dict[str, Any],
) -> None:
    answer = engine.checks(profile)
    parsed = Profile.model_validate(profile)
    catalog = load_catalog()
    rules = Exclusions(parsed, phase_for(parsed))
    for test in answer["offered"]:
        assert not rules.reasons(catalog[answer["check_exercise"][test]]), test
    for direction in answer["movement_test"]["offered"]:
        assert direction not in profile["avoid_directions"]
        for step in answer["movement_test"]["steps"][direction]:
            assert not rules.reasons(catalog[step["exercise"]])


movement_results = st.fixed_dictionaries(
    {
        "extent_before": st.sampled_from(EXTENT_ORDER),
        "extent_after": st.sampled_from(EXTENT_ORDER),
        "leg_pain_before": st.integers(0, 10),
        "leg_pain_after": st.integers(0, 10),
    }
)


@SETTINGS
@given(movement_results, movement_results)
def test_the_movement_test_does_not_depend_on_the_order_of_its_results(
    extension: dict[str, Any], flexion: dict[str, Any]
) -> None:
    from tests.factories import profile

    person = profile(pain={"leg": 5, "back": 3})
    results = [{"direction": "extension", **extension}, {"direction": "flexion", **flexion}]
    forward = engine.movement_test({"profile": person, "results": results})
    backward = engine.movement_test({"profile": person, "results": results[::-1]})
    assert forward == backward


@SETTINGS
@given(broken(profiles()))
def test_broken_profiles_are_refused_with_a_field_never_another_exception(
    data: dict[str, Any],
) -> None:
    for entry_point in (engine.triage, engine.plan, engine.checks):
        try:
            entry_point(data)
        except engine.RefusedInput as refusal:
            assert refusal.field.startswith("profile")
            assert refusal.reason


@SETTINGS
@given(broken(profiles().map(lambda p: review_request(engine.plan(p), profile_data=p))))
def test_broken_review_requests_are_refused_with_a_field_never_another_exception(
    data: dict[str, Any],
) -> None:
    try:
        engine.review(data)
    except engine.RefusedInput as refusal:
        assert refusal.field.startswith("request")
