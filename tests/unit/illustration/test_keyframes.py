"""The keyframes data file: one entry per catalog exercise, every entry valid."""

import pytest

from sciatica_coach.engine.catalog import load_catalog
from sciatica_coach.illustration.figure import SEGMENT_NAMES
from sciatica_coach.illustration.keyframes import (
    MAX_HOLD_S,
    MOVE_S,
    KeyframeError,
    base_angles,
    build,
    load_keyframes,
    parse_keyframes,
)

CATALOG_IDS = [exercise.id for exercise in load_catalog().exercises]


def test_every_catalog_exercise_has_keyframes() -> None:
    missing = set(CATALOG_IDS) - set(load_keyframes().exercises)
    assert not missing, f"no keyframes for {sorted(missing)}"


def test_every_keyframe_entry_is_a_catalog_exercise() -> None:
    unknown = set(load_keyframes().exercises) - set(CATALOG_IDS)
    assert not unknown, f"keyframes for exercises not in the catalog: {sorted(unknown)}"


@pytest.mark.parametrize("name", sorted(load_keyframes().bases))
def test_every_base_pose_gives_every_segment_an_angle(name: str) -> None:
    assert set(base_angles(name)) == set(SEGMENT_NAMES)


@pytest.mark.parametrize("exercise_id", CATALOG_IDS)
def test_the_held_frame_holds_for_the_catalog_dose(exercise_id: str) -> None:
    illustration = build(exercise_id)
    exercise = load_catalog()[exercise_id]
    held = max(frame.hold_s for frame in illustration.frames)
    if exercise.kind != "aerobic":
        assert held == min(exercise.dose.hold_s, MAX_HOLD_S)
    assert all(0 < frame.move_s <= 2 * MOVE_S for frame in illustration.frames)


def test_an_unknown_pose_key_is_refused() -> None:
    text = """
[base.standing]
trunk = 90
[exercise.walking]
base = "standing"
frames = [{}, { elbow = 30 }]
"""
    with pytest.raises(KeyframeError, match="unknown pose key 'elbow'"):
        parse_keyframes(text)


def test_a_missing_base_pose_is_refused() -> None:
    text = """
[base.standing]
trunk = 90
[exercise.walking]
base = "sitting"
frames = [{}, {}]
"""
    with pytest.raises(KeyframeError, match="no base pose 'sitting'"):
        parse_keyframes(text)


def test_a_prop_placed_in_a_missing_frame_is_refused() -> None:
    text = """
[base.standing]
trunk = 90
[exercise.walking]
base = "standing"
props = [{ kind = "chair", at = "hip", place = "under", frame = 5 }]
frames = [{}, {}]
"""
    with pytest.raises(KeyframeError, match="chair: no frame 5"):
        parse_keyframes(text)


def test_a_band_needs_two_points() -> None:
    text = """
[base.standing]
trunk = 90
[exercise.walking]
base = "standing"
props = [{ kind = "band", at = "knee_near" }]
frames = [{}, {}]
"""
    with pytest.raises(KeyframeError, match="a band goes from"):
        parse_keyframes(text)


def test_a_bed_needs_a_height_above_the_floor() -> None:
    text = """
[base.standing]
trunk = 90
[exercise.walking]
base = "standing"
bed = { top = 0, edge = 10 }
frames = [{}, {}]
"""
    with pytest.raises(KeyframeError, match="greater than 0"):
        parse_keyframes(text)
