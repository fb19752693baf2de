"""The coach's table (coach/data/exercises.toml): every entry valid, agreeing with the JS rules
and with the exercise's own picture, and never asking for more than the instructions."""

import gzip
import hashlib
import re
from pathlib import Path

import pytest

from sciatica_coach.coach import table as coach_table
from sciatica_coach.coach.synthetic import still
from sciatica_coach.coach.table import CUE_IDS, MEASURE_NAMES, TableError, load_table, parse_table
from sciatica_coach.engine.catalog import load_catalog
from tests.unit.coach import node

STATIC = Path(coach_table.__file__).parent / "static" / "coach"
REACH = 0.6  # logic.mjs: progress that counts as in position


def test_the_coach_follows_at_least_ten_exercises_in_every_kind_of_position() -> None:
    entries = load_table()
    positions = {load_catalog()[exercise].position for exercise in entries}
    assert len(entries) >= 10
    assert {"quadruped", "supine", "side_lying", "sitting", "standing"} <= positions
    assert {entry.view for entry in entries.values()} == {"side", "front"}


def test_the_measures_named_in_python_are_the_ones_the_javascript_defines() -> None:
    (names,) = node.run([{"list": True}])
    assert set(names) == MEASURE_NAMES


def test_a_table_naming_an_exercise_the_catalog_lacks_is_refused() -> None:
    with pytest.raises(TableError, match="not an exercise"):
        parse_table('[exercise.handstand]\nview = "side"\nmeasures = []\n')


def test_a_measure_that_does_not_move_is_refused() -> None:
    text = '[exercise.bird_dog]\nview = "side"\n'
    text += 'measures = [{ measure = "hip_opening", start = 90, end = 90 }]\n'
    with pytest.raises(TableError, match="nothing moves"):
        parse_table(text)


@pytest.mark.parametrize("exercise", sorted(load_table()))
def test_the_table_agrees_with_the_picture_and_asks_for_no_more_than_it(exercise: str) -> None:
    entry = load_table()[exercise]
    start, key = node.run(
        [
            {
                "measure": [
                    still(exercise, view=entry.view, which="start"),
                    still(exercise, view=entry.view, which="key"),
                ]
            }
        ]
    )[0]
    for measure in entry.measures:
        span = measure.end - measure.start
        at_start = (start[measure.measure] - measure.start) / span
        at_key = (key[measure.measure] - measure.start) / span
        # The picture starts where the table says, and reaches at least what it calls the end:
        # a repetition counts at 60% of that, never more than the instructions show.
        assert abs(at_start) <= 0.1, (measure.measure, start[measure.measure])
        assert at_key >= 0.95, (measure.measure, key[measure.measure])
        assert at_key > REACH


@pytest.mark.parametrize("exercise", sorted(load_table()))
def test_no_fault_check_fires_on_the_picture_itself(exercise: str) -> None:
    entry = load_table()[exercise]
    absolute = [c for c in entry.compensations if not c.relative]
    if not absolute:
        return
    (frames,) = node.run([{"measure": [still(exercise, view=entry.view, which="key")]}])
    for check in absolute:
        value = frames[0][check.measure]
        assert check.above is None or value <= check.above, (check.cue, value)
        assert check.below is None or value >= check.below, (check.cue, value)


def test_every_cue_has_words_and_none_asks_for_more_range() -> None:
    from sciatica_coach.coach.texts import CUES

    assert set(CUES) == CUE_IDS
    more = re.compile(r"\b(further|farther|higher|deeper|more|lower|push|stretch)\b", re.I)
    for cue, text in CUES.items():
        assert not more.search(str(text)), cue


def test_the_vendored_model_files_are_the_ones_npm_shipped() -> None:
    vendor = next((STATIC / "vendor").iterdir())
    sums = (vendor / "SHA256SUMS").read_text().split("\n")
    listed = {}
    for line in filter(None, sums):
        digest, name = line.split()
        listed[name] = digest
    on_disk = {p.name for p in vendor.iterdir()} - {"SHA256SUMS", "LICENSE", "README.md"}
    compressed = {name for name in on_disk if name.endswith((".wasm.gz", ".task.gz"))}
    assert on_disk - compressed == set(listed)
    for name, digest in listed.items():
        assert hashlib.sha256((vendor / name).read_bytes()).hexdigest() == digest, name
    # The WebAssembly and the model are also there gzipped (whitenoise serves them), same inside.
    assert compressed == {f"{name}.gz" for name in listed if name.endswith((".wasm", ".task"))}
    for name in compressed:
        inside = gzip.decompress((vendor / name).read_bytes())
        assert hashlib.sha256(inside).hexdigest() == listed[name.removesuffix(".gz")]
    assert "Apache License" in (vendor / "LICENSE").read_text()
    # Only the lite model: the full and heavy ones are 34 MB the coach never asks for.
    assert [n for n in listed if n.endswith(".task")] == ["pose_landmarker_lite.task"]
