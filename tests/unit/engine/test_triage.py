"""Contract triage rules 1-5, one test (or more) named after each."""

import pytest

from sciatica_coach import engine
from sciatica_coach.engine import advice
from sciatica_coach.engine.vocabulary import RED_FLAGS, URGENCY_ORDER
from tests.factories import diagnosed, profile


def urgency_of(**changes: object) -> str:
    return str(engine.triage(profile(**changes))["urgency"])


@pytest.mark.parametrize("flag", sorted(RED_FLAGS))
def test_rule_1_each_uncleared_red_flag_sets_its_level(flag: str) -> None:
    assert urgency_of(red_flags=[flag]) == RED_FLAGS[flag].level  # type: ignore[index]


@pytest.mark.parametrize("flag", sorted(RED_FLAGS))
def test_rule_1_a_red_flag_sets_at_least_its_level_even_without_diagnosis(flag: str) -> None:
    answer = urgency_of(red_flags=[flag], diagnoses=[])
    level = RED_FLAGS[flag].level  # type: ignore[index]
    assert URGENCY_ORDER.index(answer) <= URGENCY_ORDER.index(level)  # type: ignore[arg-type]


def test_rule_1_a_soon_flag_reviewed_by_a_clinician_is_cleared() -> None:
    answer = engine.triage(
        profile(red_flags=["cancer_history"], cleared_red_flags=["cancer_history"])
    )
    assert answer["urgency"] == "self_care"
    assert answer["cleared_red_flags"] == ["cancer_history"]
    assert "cancer_history_cleared" in [r["id"] for r in answer["reasons"]]


@pytest.mark.parametrize(
    "flag", sorted(f for f, rf in RED_FLAGS.items() if rf.level in ("emergency", "urgent"))
)
def test_rule_1_only_clearable_levels_can_be_cleared(flag: str) -> None:
    answer = engine.triage(profile(red_flags=[flag], cleared_red_flags=[flag]))
    assert answer["urgency"] == RED_FLAGS[flag].level  # type: ignore[index]
    assert answer["cleared_red_flags"] == []
    reason = next(r for r in answer["reasons"] if r["id"] == flag)
    assert "cannot be marked as cleared" in reason["text"]


def test_rule_2_without_a_confirmed_diagnosis_urgency_is_routine() -> None:
    answer = engine.triage(profile(diagnoses=diagnosed("disc_herniation", confirmed=False)))
    assert answer["urgency"] == "routine"
    assert [r["id"] for r in answer["reasons"]] == ["no_confirmed_diagnosis"]


def test_rule_2_no_diagnosis_at_all_is_routine() -> None:
    assert urgency_of(diagnoses=[]) == "routine"


def test_rule_2_one_confirmed_diagnosis_among_suspected_ones_is_enough() -> None:
    both = [*diagnosed("spinal_stenosis", confirmed=False), *diagnosed("disc_herniation")]
    assert urgency_of(diagnoses=both) == "self_care"


def test_rule_3_pain_in_both_legs_implies_bilateral_sciatica() -> None:
    answer = engine.triage(profile(symptoms={"leg_side": "both"}))
    assert answer["urgency"] == "urgent"
    assert answer["red_flags"][0]["id"] == "bilateral_sciatica"
    assert answer["red_flags"][0]["implied"] is True


def test_rule_3_bilateral_sciatica_is_not_listed_twice_when_also_ticked() -> None:
    answer = engine.triage(profile(symptoms={"leg_side": "both"}, red_flags=["bilateral_sciatica"]))
    assert [f["id"] for f in answer["red_flags"]] == ["bilateral_sciatica"]


def test_rule_4_otherwise_self_care() -> None:
    answer = engine.triage(profile())
    assert answer["urgency"] == "self_care"
    assert [r["id"] for r in answer["reasons"]] == ["safe_to_start"]


def test_rule_4_the_most_urgent_level_wins_and_every_rule_that_fired_is_a_reason() -> None:
    answer = engine.triage(
        profile(red_flags=["cancer_history", "bladder_change", "fever_or_infection"], diagnoses=[])
    )
    assert answer["urgency"] == "emergency"
    ids = [r["id"] for r in answer["reasons"]]
    assert ids == [
        "bladder_change",
        "fever_or_infection",
        "cancer_history",
        "no_confirmed_diagnosis",
    ]


@pytest.mark.parametrize("level", URGENCY_ORDER)
def test_rule_5_advice_is_never_empty(level: str) -> None:
    flag = next((f for f, rf in RED_FLAGS.items() if rf.level == level), None)
    changes: dict[str, object] = {"red_flags": [flag]} if flag else {}
    if level == "routine":
        changes = {"diagnoses": []}
    answer = engine.triage(profile(**changes))
    assert answer["urgency"] == level
    assert answer["advice"]


@pytest.mark.parametrize(
    "changes",
    [{}, {"diagnoses": []}, {"red_flags": ["constant_night_pain"]}],
    ids=["self_care", "routine", "soon"],
)
def test_rule_5_below_urgent_advice_says_stay_active_and_bed_rest_a_day_or_two(
    changes: dict[str, object],
) -> None:
    tips = engine.triage(profile(**changes))["advice"]
    assert advice.STAY_ACTIVE in tips
    assert advice.BED_REST in tips
    assert "a day or two at most" in advice.BED_REST


def test_emergency_advice_says_where_to_go_now_and_no_exercise() -> None:
    tips = " ".join(engine.triage(profile(red_flags=["saddle_numbness"]))["advice"])
    assert "emergency department now" in tips
    assert "Do not start or carry on with any exercises" in tips


def test_urgent_advice_says_see_a_doctor_today() -> None:
    tips = " ".join(engine.triage(profile(red_flags=["progressive_weakness"]))["advice"])
    assert "See a doctor today" in tips


def test_people_under_16_see_a_doctor_first() -> None:
    answer = engine.triage(profile(age=14))
    assert answer["urgency"] == "routine"
    assert "under_minimum_age" in [r["id"] for r in answer["reasons"]]


def test_weakness_adds_a_safety_net_about_foot_drop() -> None:
    tips = " ".join(engine.triage(profile(symptoms={"weakness": True}))["advice"])
    assert "foot starts to drop" in tips
