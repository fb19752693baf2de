"""The exercises the camera coach can follow: a data file (``data/exercises.toml``), typed.

Pure Python (the standard library, pydantic and the engine's catalog). The rules that use the
table run in the browser (``static/coach/logic.mjs``); this module checks the data when it is
loaded and gives it to the page as JSON.
"""

import tomllib
from functools import cache
from importlib import resources
from typing import Final, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from sciatica_coach.engine.catalog import load_catalog

View = Literal["side", "front"]
Posture = Literal["lying", "upright"]
# The measures static/coach/logic.mjs defines (MEASURES); a test checks the two lists agree.
MeasureName = Literal[
    "shoulder_flexion",
    "knee_bend",
    "hip_opening",
    "hip_line",
    "knee_opening",
    "leg_spread",
    "hip_height",
    "ankle_angle",
    "trunk_extension",
    "head_drop",
    "hip_tilt",
    "hip_stack",
    "knee_in",
    "trunk_tilt",
    "body_lean",
    "thigh_slope",
]
CueId = Literal[
    "hips_level",
    "hips_over_knees",
    "no_arch",
    "hips_stacked",
    "knees_over_toes",
    "weight_even",
    "chest_up",
    "upright",
    "stand_tall",
    "lean_less",
]
MEASURE_NAMES: Final = frozenset(get_args(MeasureName))
CUE_IDS: Final = frozenset(get_args(CueId))


class TableError(Exception):
    """The coach's data file is broken: a bug in the shipped data."""


class Measure(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    measure: MeasureName
    start: float  # the value at the start position
    end: float  # the value at the position the instructions ask for

    @model_validator(mode="after")
    def _moves(self) -> "Measure":
        if self.start == self.end:
            raise ValueError(f"{self.measure}: start and end are the same, nothing moves")
        return self


class Compensation(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    cue: CueId
    measure: MeasureName
    above: float | None = None
    below: float | None = None
    relative: bool = False  # against the person's own value at rest

    @model_validator(mode="after")
    def _one_limit(self) -> "Compensation":
        if (self.above is None) == (self.below is None):
            raise ValueError(f"{self.cue}: give exactly one of above or below")
        return self


class CoachExercise(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    view: View
    posture: Posture  # nothing counts in the other one (logic.mjs, POSTURE_TILT)
    measures: tuple[Measure, ...] = Field(min_length=1)
    compensations: tuple[Compensation, ...] = ()


def parse_table(text: str) -> dict[str, CoachExercise]:
    data = tomllib.loads(text)
    catalog = load_catalog()
    table = {}
    for exercise_id, raw in data.get("exercise", {}).items():
        if exercise_id not in catalog:
            raise TableError(f"{exercise_id}: not an exercise in the catalog")
        try:
            table[exercise_id] = CoachExercise.model_validate(raw)
        except ValidationError as exc:
            raise TableError(f"{exercise_id}: {exc}") from exc
    return table


@cache
def load_table() -> dict[str, CoachExercise]:
    text = resources.files("sciatica_coach.coach").joinpath("data/exercises.toml").read_text()
    return parse_table(text)


def coach_view(exercise_id: str) -> View | None:
    """Where the phone stands for this exercise, or None when the coach cannot follow it."""
    entry = load_table().get(exercise_id)
    return None if entry is None else entry.view


def table_json() -> dict[str, object]:
    """The table as the browser reads it: ``above``/``below`` left out where not set."""
    return {
        exercise_id: entry.model_dump(exclude_none=True)
        for exercise_id, entry in load_table().items()
    }
