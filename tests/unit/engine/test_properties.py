"""Property tests: whatever the profile, no plan breaks a contraindication (plan rule 4), every
plan keeps rules 1-3, the same profile gives the same plan, and broken input is refused cleanly."""

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sciatica_coach import engine
from sciatica_coach.engine.planner import phase_for
from sciatica_coach.engine.profile import Profile
from tests.factories import review_request, week_of_logs
from tests.unit.engine.plan_checks import assert_rule_1, assert_rule_2, assert_rule_4, assert_rule_6
from tests.unit.engine.strategies import broken, profiles

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(profiles())
def test_no_plan_ever_breaks_a_contraindication_or_avoid_exercises(profile: dict[str, Any]) -> None:
    plan = engine.plan(profile)
    if plan["sessions"] is not None:
        assert_rule_4(plan, profile)


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
    request = review_request(
        plan, profile_data=profile, logs=week_of_logs(days=days, pain=(leg, back))
    )
    answer = engine.review(request)
    if answer["plan"] is not None and answer["plan"]["sessions"] is not None:
        assert_rule_1(answer["plan"])
        assert_rule_2(answer["plan"])
        assert_rule_4(answer["plan"], profile)


@SETTINGS
@given(broken(profiles()))
def test_broken_profiles_are_refused_with_a_field_never_another_exception(
    data: dict[str, Any],
) -> None:
    for entry_point in (engine.triage, engine.plan):
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
