"""The exercise catalog: a data file (``data/exercises.toml``) with a typed loader."""

import tomllib
from functools import cache
from importlib import resources
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sciatica_coach.engine.vocabulary import Condition, Direction, Equipment, Kind, Phase, Position

Target = Literal[
    "trunk_extensor_endurance",
    "trunk_flexor_endurance",
    "lateral_trunk_endurance",
    "hip_flexor_length",
    "hamstring_length",
    "piriformis_length",
    "sciatic_nerve_mobility",
    "glute_strength",
    "hip_abductor_strength",
    "hip_external_rotator_strength",
    "lumbar_mobility",
    "flexion_relief",
    "extension_relief",
    "low_back_length",
    "motor_control",
    "aerobic_fitness",
    "balance",
    "leg_strength",
]
# Extra exclusions a catalog entry may carry beyond the contract's tag rules: a condition,
# ``pregnancy`` for any week of pregnancy, or ``postpartum`` for the six weeks after a birth.
Contraindication = Condition | Literal["pregnancy", "postpartum"]

# Seconds to move into and out of one repetition, on top of its hold.
REP_TRANSITION_S: Final = 3


class Dose(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    sets: int = Field(ge=1, le=5)
    reps: int = Field(ge=1, le=30)
    hold_s: int = Field(ge=0, le=900)
    per_side: bool


class Exercise(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=3)
    kind: Kind
    position: Position
    direction: Direction
    equipment: tuple[Equipment, ...]
    optional_equipment: tuple[Equipment, ...] = ()
    targets: tuple[Target, ...] = Field(min_length=1)
    level: int = Field(ge=1, le=3)
    # True for positions that put the sciatic nerve on stretch (a straight-leg hamstring stretch):
    # plan rule 4 leaves them out in relief and while symptoms reach below the knee.
    loads_nerve: bool
    # A position a self-check is done in, never an item of a plan.
    check_only: bool = False
    # Done on the floor or a bed even though its position is sitting (getting down and up again).
    needs_floor: bool = False
    # Bends the back forward under the body's weight (to the end of its range, or a sit-up type
    # effort): left out where thin bones are likely (safety.thin_bones_likely), after Sinaki &
    # Mikkelsen 1984.
    loaded_flexion: bool = False
    phases: tuple[Phase, ...] = Field(min_length=1)
    easier: str | None = None
    harder: str | None = None
    summary: str = Field(min_length=10)
    instructions: tuple[str, ...] = Field(min_length=3)
    cues: tuple[str, ...] = Field(min_length=2)
    contraindications: tuple[Contraindication, ...] = ()
    dose: Dose

    def to_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json")


class CatalogError(Exception):
    """The catalog data file is broken: a bug in the shipped data, never a user's input."""


class Catalog:
    def __init__(self, exercises: list[Exercise]) -> None:
        self.exercises: tuple[Exercise, ...] = tuple(exercises)
        self.by_id: dict[str, Exercise] = {}
        for exercise in exercises:
            if exercise.id in self.by_id:
                raise CatalogError(f"{exercise.id}: listed twice")
            self.by_id[exercise.id] = exercise
        for exercise in exercises:
            for link, back in (("easier", "harder"), ("harder", "easier")):
                other_id = getattr(exercise, link)
                if other_id is None:
                    continue
                other = self.by_id.get(other_id)
                if other is None:
                    raise CatalogError(f"{exercise.id}.{link}: no exercise {other_id!r}")
                too_hard = link == "easier" and other.level > exercise.level
                too_easy = link == "harder" and other.level < exercise.level
                if too_hard or too_easy:
                    raise CatalogError(f"{exercise.id}.{link}: {other_id!r} has the wrong level")
                # A progression is one line: each step names the other, so a review can move
                # along it both ways and always finds the same neighbours.
                if getattr(other, back) != exercise.id:
                    raise CatalogError(
                        f"{exercise.id}.{link}: {other_id!r} does not name it as {back}"
                    )
                # Contract: a progression never changes direction.
                if other.direction != exercise.direction:
                    raise CatalogError(f"{exercise.id}.{link}: {other_id!r} goes another direction")
                if exercise.check_only or other.check_only:
                    raise CatalogError(f"{exercise.id}.{link}: self-check positions have no links")
        self.progressions: dict[str, tuple[Exercise, ...]] = {}
        for exercise in exercises:
            root = exercise
            while root.easier is not None:
                root = self.by_id[root.easier]
            line = [root]
            while line[-1].harder is not None:
                line.append(self.by_id[line[-1].harder])
            self.progressions[exercise.id] = tuple(line)

    def __getitem__(self, exercise_id: str) -> Exercise:
        return self.by_id[exercise_id]

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self.by_id

    def with_target(self, target: Target) -> list[Exercise]:
        return sorted(
            (e for e in self.exercises if target in e.targets and not e.check_only),
            key=lambda e: (e.level, e.id),
        )

    def progression(self, exercise_id: str) -> tuple[Exercise, ...]:
        """The whole line ``exercise_id`` belongs to, gentlest first."""
        return self.progressions[exercise_id]

    def line_id(self, exercise_id: str) -> str:
        """The gentlest entry of the progression: one id for the whole line."""
        return self.progressions[exercise_id][0].id

    def harder_line(self, exercise_id: str) -> tuple[Exercise, ...]:
        """``exercise_id`` and every entry harder than it (its progression, in the contract)."""
        line = self.progressions[exercise_id]
        return line[[e.id for e in line].index(exercise_id) :]

    def is_gentlest(self, exercise_id: str) -> bool:
        """No ``easier`` entry: the first of its progression (plan rule 4's first plans)."""
        return self.by_id[exercise_id].easier is None


def parse_catalog(text: str) -> Catalog:
    entries = tomllib.loads(text).get("exercise", [])
    exercises = []
    for index, entry in enumerate(entries):
        try:
            exercises.append(Exercise.model_validate(entry))
        except ValidationError as exc:
            label = entry.get("id", f"exercise[{index}]")
            raise CatalogError(f"{label}: {exc}") from exc
    return Catalog(exercises)


@cache
def load_catalog() -> Catalog:
    text = resources.files("sciatica_coach.engine").joinpath("data/exercises.toml").read_text()
    return parse_catalog(text)


def seconds_for(dose: Dose, *, sides: int) -> int:
    """Working time of a dose, without setting up or resting between sets."""
    return dose.sets * dose.reps * (dose.hold_s + REP_TRANSITION_S) * sides
