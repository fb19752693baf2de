"""The exercise catalog: every entry valid, every variant link sound, the contract's ids present."""

import pytest

from sciatica_coach.engine import planner
from sciatica_coach.engine.catalog import CatalogError, load_catalog, parse_catalog
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
        *(i for ids in planner.BASICS.values() for i in ids),
        *(i for ids in planner.FLEXION_CHOICES.values() for i in ids),
        *(i for ids in planner.DIRECTIONAL_TRIAL.values() for i in ids),
    }
    assert named <= set(CATALOG.by_id)


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
phases = ["relief"]
harder = "missing"
summary = "A test entry only."
instructions = ["One.", "Two.", "Three."]
cues = ["Gentle.", "Stop if it spreads."]
dose = { sets = 1, reps = 1, hold_s = 10, per_side = false }
"""
    with pytest.raises(CatalogError, match=r"a\.harder: no exercise .missing."):
        parse_catalog(text)
