"""The exercise catalog: every entry valid, every variant link sound, the contract's ids present."""

import pytest

from sciatica_coach.engine import needs
from sciatica_coach.engine.catalog import CatalogError, load_catalog, parse_catalog
from sciatica_coach.engine.checks import (
    CHECK_EXERCISE,
    MOVEMENT_STEPS,
    MOVEMENT_STEPS_OFF_THE_FLOOR,
)
from sciatica_coach.engine.vocabulary import REQUIRED_EXERCISES

CATALOG = load_catalog()
ENTRIES = CATALOG.exercises


def test_the_catalog_holds_at_least_40_exercises() -> None:
    assert len(ENTRIES) >= 40


@pytest.mark.parametrize("exercise_id", sorted(REQUIRED_EXERCISES))
def test_every_required_exercise_is_present_with_its_tags(exercise_id: str) -> None:
    required = REQUIRED_EXERCISES[exercise_id]
    exercise = CATALOG[exercise_id]
    assert exercise.kind == required["kind"]
    assert exercise.position == required["position"]
    assert exercise.direction == required["direction"]
    assert list(exercise.equipment) == required.get("equipment", [])


@pytest.mark.parametrize("exercise", ENTRIES, ids=lambda e: e.id)
def test_every_entry_is_complete_and_written_for_people(exercise: object) -> None:
    from sciatica_coach.engine.catalog import Exercise

    assert isinstance(exercise, Exercise)
    assert 3 <= len(exercise.instructions) <= 8
    cues = " ".join(exercise.cues).lower()
    assert "spread" in cues, "a cue says to stop if symptoms spread down the leg"
    assert any(word in cues for word in ("comfort", "mild", "gentle", "exhaustion")), cues
    assert not set(exercise.optional_equipment) & set(exercise.equipment)
    assert exercise.dose.sets * exercise.dose.reps * exercise.dose.hold_s <= 900


@pytest.mark.parametrize("exercise", ENTRIES, ids=lambda e: e.id)
def test_every_variant_link_resolves_to_a_fitting_level(exercise: object) -> None:
    from sciatica_coach.engine.catalog import Exercise

    assert isinstance(exercise, Exercise)
    if exercise.easier:
        assert CATALOG[exercise.easier].level <= exercise.level
        assert exercise.easier != exercise.id
    if exercise.harder:
        assert CATALOG[exercise.harder].level >= exercise.level
        assert exercise.harder != exercise.id


def test_the_catalog_covers_every_kind_position_and_piece_of_equipment() -> None:
    from sciatica_coach.engine.vocabulary import VOCABULARY

    assert {e.kind for e in ENTRIES} == set(VOCABULARY["exercise_kinds"])
    assert {e.position for e in ENTRIES} == set(VOCABULARY["positions"])
    assert {item for e in ENTRIES for item in e.equipment} == set(VOCABULARY["equipment"])


def test_every_id_the_planner_names_is_in_the_catalog() -> None:
    named = {
        *(i for basics in needs.BASICS.values() for alternatives in basics for i in alternatives),
        *needs.FLEXION_CHOICES,
        *needs.EXTENSION_CHOICES,
        *needs.DIRECTIONAL_TRIAL,
        *needs.PIRIFORMIS_STRETCHES,
        *needs.HIP_STRENGTHENING,
        *(step[0] for steps in MOVEMENT_STEPS.values() for step in steps),
        *(step[0] for steps in MOVEMENT_STEPS_OFF_THE_FLOOR.values() for step in steps),
        *CHECK_EXERCISE.values(),
    }
    assert named <= set(CATALOG.by_id)


@pytest.mark.parametrize("exercise", ENTRIES, ids=lambda e: e.id)
def test_every_progression_is_one_line_in_one_direction(exercise: object) -> None:
    """Contract: a progression never changes direction; each step names its neighbour back."""
    from sciatica_coach.engine.catalog import Exercise

    assert isinstance(exercise, Exercise)
    if exercise.harder:
        harder = CATALOG[exercise.harder]
        assert harder.easier == exercise.id
        assert harder.direction == exercise.direction
    if exercise.easier:
        easier = CATALOG[exercise.easier]
        assert easier.harder == exercise.id
        assert easier.direction == exercise.direction


def test_every_progression_starts_at_level_1() -> None:
    """A first plan starts each line at level 1, so every line must have one."""
    for exercise in ENTRIES:
        if not exercise.check_only:
            assert CATALOG.progression(exercise.id)[0].level == 1, exercise.id


def test_the_gentlest_backward_bend_is_lying_face_down_not_on_the_elbows() -> None:
    line = [e.id for e in CATALOG.progression("prone_press_up")]
    assert line == ["prone_lying", "prone_on_elbows", "prone_press_up"]
    assert [CATALOG[e].level for e in line] == [1, 2, 3]


@pytest.mark.parametrize(
    "exercise_id",
    [
        "prone_lying",
        "prone_on_elbows",
        "prone_press_up",
        "standing_back_extension",
        "lumbar_roll_sitting",
        "prone_extension_hold",
        "cat_camel",
        "stability_ball_pelvic_tilt",
    ],
)
def test_an_entry_that_arches_the_lower_back_is_never_neutral_or_flexion(exercise_id: str) -> None:
    assert CATALOG[exercise_id].direction in ("extension", "mixed")


@pytest.mark.parametrize(
    "exercise_id",
    [
        "hamstring_stretch",
        "wall_hamstring_stretch",
        "seated_hamstring_stretch",
        "straight_leg_raise_check",
    ],
)
def test_straight_leg_stretches_load_the_nerve(exercise_id: str) -> None:
    assert CATALOG[exercise_id].loads_nerve


@pytest.mark.parametrize("exercise_id", ["sciatic_nerve_glide", "supine_sciatic_nerve_slider"])
def test_nerve_sliders_do_not_load_the_nerve(exercise_id: str) -> None:
    assert not CATALOG[exercise_id].loads_nerve


@pytest.mark.parametrize("kind", ["stretch", "strengthen", "mobility"])
def test_there_are_level_1_entries_of_each_kind_off_the_floor_with_no_equipment(kind: str) -> None:
    found = [
        e.id
        for e in ENTRIES
        if e.kind == kind
        and e.level == 1
        and e.position in ("sitting", "standing")
        and not e.equipment
        and not e.check_only
    ]
    assert len(found) >= 2, found


def test_self_check_positions_are_never_linked_into_a_progression() -> None:
    for exercise in ENTRIES:
        if exercise.check_only:
            assert exercise.easier is None
            assert exercise.harder is None


def test_a_broken_variant_link_is_caught_when_loading() -> None:
    text = """
[[exercise]]
id = "a"
name = "Alpha"
kind = "stretch"
position = "supine"
direction = "neutral"
equipment = []
targets = ["hamstring_length"]
level = 1
loads_nerve = false
phases = ["relief"]
harder = "missing"
summary = "A test entry only."
instructions = ["One.", "Two.", "Three."]
cues = ["Gentle.", "Stop if it spreads."]
dose = { sets = 1, reps = 1, hold_s = 10, per_side = false }
"""
    with pytest.raises(CatalogError, match=r"a\.harder: no exercise .missing."):
        parse_catalog(text)
