"""Keyframes for every exercise: a data file (``data/keyframes.toml``) with a typed loader.

The file names base poses (hook-lying, prone, hands and knees, ...) once; an exercise starts from
one of them and lists its frames as changes, each frame building on the one before. A frame may
set a segment's direction (``thigh_near = 90``), a pair at once (``thigh`` sets both sides,
``trunk`` both trunk segments), or where an ankle or a hand should reach (``leg_near = [dx, dy]``,
``arm = [dx, dy]``, both measured from the hip), which is solved into angles.
"""

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from sciatica_coach.engine.catalog import Exercise, load_catalog
from sciatica_coach.illustration.figure import (
    BY_NAME,
    POINT_NAMES,
    ROOT,
    SEGMENT_NAMES,
    Bed,
    Pose,
    forward_kinematics,
    grounded,
    two_link,
)

# The movement itself takes about a second and a half; holds come from the catalog's dose.
MOVE_S: Final = 1.5
START_HOLD_S: Final = 1.0
PASS_HOLD_S: Final = 0.4
# A picture that holds still for minutes looks broken; long rests are shown for at most this.
MAX_HOLD_S: Final = 30

PropKind = Literal["chair", "stability_ball", "towel", "wall", "pillow", "band"]
Limb = Literal["arm_near", "arm_far", "leg_near", "leg_far"]
PAIRS: Final = {
    "trunk": ("lower_trunk", "upper_trunk"),
    "upper_arm": ("upper_arm_near", "upper_arm_far"),
    "forearm": ("forearm_near", "forearm_far"),
    "thigh": ("thigh_near", "thigh_far"),
    "shin": ("shin_near", "shin_far"),
    "foot": ("foot_near", "foot_far"),
}
REACHES: Final[dict[str, tuple[str, ...]]] = {
    "leg": ("near", "far"),
    "arm": ("near", "far"),
    "leg_near": ("near",),
    "leg_far": ("far",),
    "arm_near": ("near",),
    "arm_far": ("far",),
}
POSE_KEYS: Final = frozenset(SEGMENT_NAMES) | frozenset(PAIRS) | frozenset(REACHES)


class KeyframeError(Exception):
    """The keyframes data file is broken: a bug in the shipped data."""


class PoseChange(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    set: dict[str, float | tuple[float, float]] = Field(default_factory=dict)
    anchor: str | None = None
    x: float | None = None

    @model_validator(mode="after")
    def _known_keys(self) -> "PoseChange":
        for key, value in self.set.items():
            if key not in POSE_KEYS:
                raise ValueError(f"unknown pose key {key!r}")
            if (key in REACHES) != isinstance(value, tuple):
                raise ValueError(f"{key}: a reach is [dx, dy], an angle is a number")
        if self.anchor is not None and self.anchor not in POINT_NAMES:
            raise ValueError(f"unknown anchor point {self.anchor!r}")
        return self


class Frame(PoseChange):
    hold: float | Literal["dose"] | None = Field(default=None)
    move: float = Field(default=MOVE_S, gt=0, le=5)
    key: bool = False


class PropSpec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: PropKind
    at: str = ROOT
    to: str | None = None
    place: Literal["at", "under", "behind", "front", "grip", "between"] = "at"
    dx: float = 0
    dy: float = 0
    layer: Literal["behind", "front"] = "behind"  # drawn behind the figure or over it
    frame: int = Field(default=0, ge=0)  # placed against the body as in this frame
    follow: bool = False  # moves with the body in every frame, not placed once at the start
    mirror: bool = False  # a chair with its back on the right, a wall on the left of the point

    @model_validator(mode="after")
    def _known_points(self) -> "PropSpec":
        for point in (self.at, self.to):
            if point is not None and point not in POINT_NAMES:
                raise ValueError(f"unknown point {point!r}")
        if self.kind == "band" and self.to is None:
            raise ValueError("a band goes from `at` to `to`")
        return self


class BedSpec(BaseModel):
    """A bed or bench under the body, drawn and lain on; ``edge`` is the x of its end in the
    picture's coordinates, where the hip is at 0 unless a frame anchors another point."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    top: float = Field(gt=0, le=100)
    edge: float
    side: Literal["left", "right"] = "left"  # which side of its end the bed is


class ExerciseFrames(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    base: str
    bed: BedSpec | None = None
    moves: tuple[Limb, ...] = ()  # the limbs that move on one side only, drawn darkest
    props: tuple[PropSpec, ...] = ()
    frames: tuple[Frame, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _props_placed_in_a_frame(self) -> "ExerciseFrames":
        for prop in self.props:
            if prop.frame >= len(self.frames):
                raise ValueError(f"{prop.kind}: no frame {prop.frame}")
        return self


@dataclass(frozen=True, slots=True)
class Keyframe:
    pose: Pose
    anchor: str
    x: float
    move_s: float  # the time to move here from the frame before (the first: from the last)
    hold_s: float


@dataclass(frozen=True, slots=True)
class Illustration:
    exercise: Exercise
    moves: tuple[Limb, ...]
    props: tuple[PropSpec, ...]
    frames: tuple[Keyframe, ...]
    key: int  # the frame a still picture shows: the held end position
    bed: Bed | None = None  # what the body lies on instead of the floor, where it reaches


def _split(raw: dict[str, object]) -> dict[str, object]:
    """A TOML pose table as a ``PoseChange``: everything but the frame's own fields is a pose."""
    own = {"anchor", "x", "hold", "move", "key"}
    return {k: v for k, v in raw.items() if k in own} | {
        "set": {k: v for k, v in raw.items() if k not in own}
    }


def _apply(angles: dict[str, float], change: PoseChange) -> None:
    """Apply one layer of changes: pairs, then single angles, then reaches, then single angles
    again so that a named angle wins over a reach in the same layer."""
    values = change.set
    for key, value in values.items():
        if key in PAIRS and not isinstance(value, tuple):
            for name in PAIRS[key]:
                angles[name] = float(value)
    _apply_singles(angles, values)
    for key, value in values.items():
        if key in REACHES and isinstance(value, tuple):
            for side in REACHES[key]:
                _reach(angles, key.split("_")[0], side, value)
    _apply_singles(angles, values)


def _apply_singles(
    angles: dict[str, float], values: dict[str, float | tuple[float, float]]
) -> None:
    for key, value in values.items():
        if key in BY_NAME and not isinstance(value, tuple):
            angles[key] = float(value)


def _reach(angles: dict[str, float], limb: str, side: str, target: tuple[float, float]) -> None:
    """Bend a leg (ankle) or an arm (hand) to reach ``target``, given from the hip."""
    if limb == "leg":
        first, second, bend, start = f"thigh_{side}", f"shin_{side}", -1, (0.0, 0.0)
    else:
        first, second, bend = f"upper_arm_{side}", f"forearm_{side}", 1
        points = forward_kinematics(Pose((0.0, 0.0), _filled(angles)))
        start = points["shoulder"]
    vector = (target[0] - start[0], target[1] - start[1])
    angles[first], angles[second] = two_link(
        BY_NAME[first].length, BY_NAME[second].length, vector, bend=bend
    )


def _filled(angles: dict[str, float]) -> dict[str, float]:
    return {name: angles.get(name, 0.0) for name in SEGMENT_NAMES}


@dataclass(frozen=True, slots=True)
class KeyframeBook:
    bases: dict[str, PoseChange]
    exercises: dict[str, ExerciseFrames]


def parse_keyframes(text: str) -> KeyframeBook:
    data = tomllib.loads(text)
    try:
        bases = {name: PoseChange.model_validate(_split(raw)) for name, raw in data["base"].items()}
    except ValidationError as exc:
        raise KeyframeError(f"base: {exc}") from exc
    exercises = {}
    for exercise_id, raw in data["exercise"].items():
        try:
            raw = dict(raw)
            raw["frames"] = [_split(frame) for frame in raw.get("frames", [])]
            entry = ExerciseFrames.model_validate(raw)
        except ValidationError as exc:
            raise KeyframeError(f"{exercise_id}: {exc}") from exc
        if entry.base not in bases:
            raise KeyframeError(f"{exercise_id}: no base pose {entry.base!r}")
        exercises[exercise_id] = entry
    return KeyframeBook(bases, exercises)


@cache
def load_keyframes() -> KeyframeBook:
    text = (
        resources.files("sciatica_coach.illustration").joinpath("data/keyframes.toml").read_text()
    )
    return parse_keyframes(text)


def _resolve_hold(frame: Frame, index: int, exercise: Exercise) -> float:
    if frame.hold == "dose":
        return float(min(exercise.dose.hold_s, MAX_HOLD_S))
    if frame.hold is not None:
        return frame.hold
    return START_HOLD_S if index == 0 else PASS_HOLD_S


def base_angles(name: str) -> dict[str, float]:
    """The angles of a named base pose, which must give every segment one."""
    angles: dict[str, float] = {}
    _apply(angles, load_keyframes().bases[name])
    missing = set(SEGMENT_NAMES) - set(angles)
    if missing:
        raise KeyframeError(f"{name}: no angle for {', '.join(sorted(missing))}")
    return angles


def build(exercise_id: str) -> Illustration:
    """The resolved keyframes of one exercise. ``KeyError`` when it has none."""
    book = load_keyframes()
    entry = book.exercises[exercise_id]
    exercise = load_catalog()[exercise_id]
    base = book.bases[entry.base]
    angles = base_angles(entry.base)
    anchor, x = base.anchor or ROOT, base.x or 0.0
    bed = None if entry.bed is None else Bed(entry.bed.top, entry.bed.edge, entry.bed.side)
    frames: list[Keyframe] = []
    for index, frame in enumerate(entry.frames):
        _apply(angles, frame)
        if frame.anchor is not None and frame.x is None and frames:
            # A new anchor stays where that point was: a step lands, then the other foot moves.
            x = forward_kinematics(frames[-1].pose)[frame.anchor][0]
        elif frame.x is not None:
            x = frame.x
        anchor = frame.anchor or anchor
        pose = grounded(dict(angles), anchor=anchor, x=x, bed=bed)
        hold = _resolve_hold(frame, index, exercise)
        frames.append(Keyframe(pose, anchor, x, frame.move, hold))
    keys = [i for i, f in enumerate(entry.frames) if f.key] or [
        i for i, f in enumerate(entry.frames) if f.hold == "dose"
    ]
    key = keys[0] if keys else len(frames) - 1
    return Illustration(exercise, entry.moves, entry.props, tuple(frames), key, bed)
