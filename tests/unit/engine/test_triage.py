"""Contract triage rules 1-10, one test (or more) named after each."""

import pytest

from sciatica_coach import engine
from sciatica_coach.engine import advice
from sciatica_coach.engine.vocabulary import RED_FLAGS, URGENCY_ORDER, WHERE_TO_GO
from tests.factories import diagnosed, profile

CLEARABLE = sorted(f for f, rf in RED_FLAGS.items() if rf.clearable)
NOT_CLEARABLE = sorted(f for f, rf in RED_FLAGS.items() if not rf.clearable)


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


@pytest.mark.parametrize("flag", CLEARABLE)
def test_rule_1_a_clearable_flag_assessed_by_a_clinician_is_cleared(flag: str) -> None:
    answer = engine.triage(profile(red_flags=[flag], cleared_red_flags=[flag]))
    assert answer["urgency"] == "self_care"
    assert answer["cleared_red_flags"] == [flag]
    assert f"{flag}_cleared" in [r["id"] for r in answer["reasons"]]
    assert answer["go_to"] == []


@pytest.mark.parametrize("flag", NOT_CLEARABLE)
def test_rule_1_clearing_a_flag_that_is_not_clearable_is_ignored_and_said(flag: str) -> None:
    answer = engine.triage(profile(red_flags=[flag], cleared_red_flags=[flag]))
    assert answer["urgency"] == RED_FLAGS[flag].level  # type: ignore[index]
    assert answer["cleared_red_flags"] == []
    reason = next(r for r in answer["reasons"] if r["id"] == flag)
    assert "cannot be marked as cleared" in reason["text"]


def test_rule_1_the_revised_levels_send_cancer_infection_and_trauma_the_same_day() -> None:
    assert urgency_of(red_flags=["cancer_history"]) == "urgent"
    assert urgency_of(red_flags=["fever_or_infection"]) == "emergency"
    assert urgency_of(red_flags=["significant_trauma"]) == "emergency"
    assert urgency_of(red_flags=["infection_risk"]) == "urgent"
    assert urgency_of(red_flags=["fracture_risk"]) == "urgent"


def test_rule_2_without_a_confirmed_diagnosis_urgency_is_routine() -> None:
    answer = engine.triage(profile(diagnoses=diagnosed("disc_herniation", confirmed=False)))
    assert answer["urgency"] == "routine"
    assert [r["id"] for r in answer["reasons"]] == ["no_confirmed_diagnosis"]


def test_rule_2_no_diagnosis_at_all_is_routine() -> None:
    assert urgency_of(diagnoses=[]) == "routine"


def test_rule_2_one_confirmed_diagnosis_among_suspected_ones_is_enough() -> None:
    both = [*diagnosed("spinal_stenosis", confirmed=False), *diagnosed("disc_herniation")]
    assert urgency_of(diagnoses=both) == "self_care"


@pytest.mark.parametrize("days", [None, 0, 20, 42])
def test_rule_3_new_pain_in_both_legs_is_bilateral_sciatica_an_emergency(days: int | None) -> None:
    answer = engine.triage(profile(symptoms={"leg_side": "both", "both_legs_days": days}))
    assert answer["urgency"] == "emergency"
    assert answer["red_flags"][0]["id"] == "bilateral_sciatica"
    assert answer["red_flags"][0]["implied"] is True
    assert answer["go_to"] == ["emergency_department"]


@pytest.mark.parametrize("days", [43, 400])
def test_rule_3_pain_in_both_legs_for_over_six_weeks_is_bilateral_longstanding_soon(
    days: int,
) -> None:
    answer = engine.triage(profile(symptoms={"leg_side": "both", "both_legs_days": days}))
    assert answer["urgency"] == "soon"
    assert [f["id"] for f in answer["red_flags"]] == ["bilateral_longstanding"]
    assert answer["go_to"] == ["doctor_within_days"]


def test_rule_3_bilateral_sciatica_is_not_listed_twice_when_also_ticked() -> None:
    answer = engine.triage(profile(symptoms={"leg_side": "both"}, red_flags=["bilateral_sciatica"]))
    assert [f["id"] for f in answer["red_flags"]] == ["bilateral_sciatica"]


def test_rule_3_a_clinician_may_clear_long_standing_pain_in_both_legs() -> None:
    answer = engine.triage(
        profile(
            symptoms={"leg_side": "both", "both_legs_days": 90},
            cleared_red_flags=["bilateral_longstanding"],
        )
    )
    assert answer["urgency"] == "self_care"


def test_rule_4_otherwise_self_care() -> None:
    answer = engine.triage(profile())
    assert answer["urgency"] == "self_care"
    assert [r["id"] for r in answer["reasons"]] == ["safe_to_start"]


def test_rule_4_the_most_urgent_level_wins_and_every_rule_that_fired_is_a_reason() -> None:
    answer = engine.triage(
        profile(red_flags=["constant_night_pain", "bladder_change", "cancer_history"], diagnoses=[])
    )
    assert answer["urgency"] == "emergency"
    ids = [r["id"] for r in answer["reasons"]]
    assert ids == [
        "bladder_change",
        "cancer_history",
        "constant_night_pain",
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


@pytest.mark.parametrize("flag", sorted(RED_FLAGS))
def test_rule_6_advice_says_where_to_go_for_each_flag_and_why(flag: str) -> None:
    answer = engine.triage(profile(red_flags=[flag], weeks_since_birth=2))
    place = RED_FLAGS[flag].where  # type: ignore[index]
    assert answer["go_to"] == [place]
    line = next(tip for tip in answer["advice"] if WHERE_TO_GO[place] in tip)
    assert advice.FLAG_WHY[flag] in line  # type: ignore[index]


def test_rule_6_go_to_lists_the_places_most_urgent_first() -> None:
    answer = engine.triage(
        profile(
            red_flags=["constant_night_pain", "calf_swelling", "saddle_numbness"],
            pregnancy_weeks=30,
        )
    )
    assert answer["go_to"] == ["emergency_department", "same_day_doctor", "doctor_within_days"]
    starts = [
        next(i for i, tip in enumerate(answer["advice"]) if tip.startswith(advice.GO[place]))
        for place in answer["go_to"]
    ]
    assert starts == sorted(starts)


def test_rule_6_a_pregnancy_warning_sign_goes_to_the_maternity_unit() -> None:
    answer = engine.triage(profile(pregnancy_weeks=30, red_flags=["pregnancy_warning_signs"]))
    assert answer["urgency"] == "emergency"
    assert answer["go_to"] == ["maternity_unit"]
    assert any(tip.startswith(advice.GO["maternity_unit"]) for tip in answer["advice"])


@pytest.mark.parametrize(
    "changes",
    [
        {"pregnancy_weeks": 12},
        {"weeks_since_birth": 3},
        {"diagnoses": diagnosed("pregnancy_related")},
    ],
    ids=["pregnant", "six_weeks_after_birth", "pregnancy_related"],
)
def test_rule_7_pregnancy_warning_signs_are_given_to_pregnant_and_postpartum_people(
    changes: dict[str, object],
) -> None:
    assert advice.PREGNANCY_SAFETY_NET in engine.triage(profile(**changes))["advice"]


def test_rule_7_the_pregnancy_signs_are_not_given_to_people_who_are_not_pregnant() -> None:
    assert advice.PREGNANCY_SAFETY_NET not in engine.triage(profile())["advice"]


def test_rule_7_the_pregnancy_warning_sign_counts_whenever_it_is_reported() -> None:
    assert urgency_of(red_flags=["pregnancy_warning_signs"]) == "emergency"


def test_rule_7_weeks_since_birth_over_six_is_refused() -> None:
    with pytest.raises(engine.RefusedInput, match="weeks_since_birth"):
        engine.triage(profile(weeks_since_birth=7))


@pytest.mark.parametrize("level", URGENCY_ORDER)
def test_rule_9_advice_always_ends_with_the_cauda_equina_safety_net(level: str) -> None:
    flag = next((f for f, rf in RED_FLAGS.items() if rf.level == level), None)
    changes: dict[str, object] = {"red_flags": [flag]} if flag else {}
    if level == "routine":
        changes = {"diagnoses": []}
    tips = engine.triage(profile(**changes))["advice"]
    assert tips[-1] == advice.SAFETY_NET
    assert tips.count(advice.SAFETY_NET) == 1
    for sign in ("between your legs", "bladder or bowel", "both legs"):
        assert sign in advice.SAFETY_NET
    assert "emergency department" in advice.SAFETY_NET


def test_rule_10_people_under_16_see_a_doctor_first() -> None:
    answer = engine.triage(profile(age=14))
    assert answer["urgency"] == "routine"
    assert "under_minimum_age" in [r["id"] for r in answer["reasons"]]


def test_emergency_advice_says_get_help_now_and_no_exercise() -> None:
    tips = " ".join(engine.triage(profile(red_flags=["saddle_numbness"]))["advice"])
    assert WHERE_TO_GO["emergency_department"] in tips
    assert "Do not start or carry on with any exercises" in tips


def test_urgent_advice_says_be_seen_today() -> None:
    tips = " ".join(engine.triage(profile(red_flags=["progressive_weakness"]))["advice"])
    assert "Be seen by a doctor today" in tips
    assert WHERE_TO_GO["same_day_doctor"] in tips


def test_weakness_adds_a_safety_net_about_foot_drop() -> None:
    tips = " ".join(engine.triage(profile(symptoms={"weakness": True}))["advice"])
    assert "foot starts to drop" in tips
