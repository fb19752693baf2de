"""The figure: a side-view body as a tree of straight segments, and its forward kinematics.

Coordinates are in centimetres of a 170 cm adult, x to the right and y up, the floor at y = 0.
A pose gives every segment's absolute direction in degrees (0 points right, 90 points up) and
where the root (the hip joint) is. The figure faces right when standing; lying on the back the
head is on the left, face down or on hands and knees the head is on the right, so that a bent
knee or elbow always has a positive angle (see ``joint_angles``).
"""

import math
from dataclasses import dataclass
from typing import Final, Literal

Point = tuple[float, float]
Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as in SVG


@dataclass(frozen=True, slots=True)
class Segment:
    name: str
    parent: str | None  # None: starts at the root (the hip joint)
    length: float
    width: float  # drawn stroke width; half of it is the body's thickness around the line
    end: str  # the name of the point at its far end


SEGMENTS: Final[tuple[Segment, ...]] = (
    Segment("lower_trunk", None, 24, 16, "waist"),
    Segment("upper_trunk", "lower_trunk", 26, 16, "shoulder"),
    Segment("head", "upper_trunk", 14, 4, "head"),
    Segment("upper_arm_far", "upper_trunk", 28, 7, "elbow_far"),
    Segment("forearm_far", "upper_arm_far", 26, 6, "hand_far"),
    Segment("upper_arm_near", "upper_trunk", 28, 7, "elbow_near"),
    Segment("forearm_near", "upper_arm_near", 26, 6, "hand_near"),
    Segment("thigh_far", None, 42, 11, "knee_far"),
    Segment("shin_far", "thigh_far", 42, 8, "ankle_far"),
    Segment("foot_far", "shin_far", 16, 5, "toe_far"),
    Segment("thigh_near", None, 42, 11, "knee_near"),
    Segment("shin_near", "thigh_near", 42, 8, "ankle_near"),
    Segment("foot_near", "shin_near", 16, 5, "toe_near"),
)
BY_NAME: Final = {segment.name: segment for segment in SEGMENTS}
SEGMENT_NAMES: Final = tuple(segment.name for segment in SEGMENTS)
HEAD_RADIUS: Final = 9.0
HIP_HALF_WIDTH: Final = 8.0  # the pelvis: as thick as the trunk
ROOT: Final = "hip"

# Where each named point is and how far the body surface lies around it.
HALF_WIDTH: Final[dict[str, float]] = {ROOT: HIP_HALF_WIDTH} | {
    segment.end: segment.width / 2 for segment in SEGMENTS
}
HALF_WIDTH["head"] = HEAD_RADIUS
POINT_NAMES: Final = tuple(HALF_WIDTH)

# Plausible ranges of the joint angles, in degrees, for an adult doing these exercises; wider
# than textbook norms for hips and spine because the trunk segments also carry the pelvis tilt.
JOINT_RANGES: Final[dict[str, tuple[float, float]]] = {
    "spine_flexion": (-40, 60),  # lower against upper trunk; negative is arching back
    "neck_flexion": (-60, 60),
    "hip_flexion": (-40, 155),
    "knee_flexion": (0, 150),  # never hyperextended
    "ankle": (15, 125),  # foot against shin; about 75 standing, low is pointing the toes
    "shoulder_flexion": (-90, 190),  # 0 hanging by the side, 180 overhead
    "elbow_flexion": (0, 150),
}


@dataclass(frozen=True, slots=True)
class Pose:
    root: Point
    angles: dict[str, float]  # absolute direction of every segment, degrees

    def relative(self) -> dict[str, float]:
        """Each segment's angle against its parent: the rotation of its nested SVG group."""
        result = {}
        for segment in SEGMENTS:
            parent = 0.0 if segment.parent is None else self.angles[segment.parent]
            result[segment.name] = _wrap(self.angles[segment.name] - parent, -180)
        return result


def _wrap(angle: float, low: float) -> float:
    return (angle - low) % 360 + low


def forward_kinematics(pose: Pose) -> dict[str, Point]:
    """Every named point of the body, from the root along the segment tree."""
    points: dict[str, Point] = {ROOT: pose.root}
    for segment in SEGMENTS:
        start = points[ROOT] if segment.parent is None else points[BY_NAME[segment.parent].end]
        angle = math.radians(pose.angles[segment.name])
        points[segment.end] = (
            start[0] + segment.length * math.cos(angle),
            start[1] + segment.length * math.sin(angle),
        )
    return points


def segment_ends(pose: Pose) -> dict[str, tuple[Point, Point]]:
    points = forward_kinematics(pose)
    return {
        s.name: (points[ROOT if s.parent is None else BY_NAME[s.parent].end], points[s.end])
        for s in SEGMENTS
    }


def lowest_surface(points: dict[str, Point]) -> float:
    """The lowest point of the body's surface, counting each joint's thickness."""
    return min(y - HALF_WIDTH[name] for name, (_, y) in points.items())


@dataclass(frozen=True, slots=True)
class Bed:
    """A bed or bench the body lies on: its top ``top`` cm above the floor, reaching from the
    picture's edge on one ``side`` to its end at ``x = edge``; past the end is the floor."""

    top: float
    edge: float
    side: Literal["left", "right"] = "left"

    def holds(self, x: float) -> bool:
        return x <= self.edge if self.side == "left" else x >= self.edge

    def surface(self, x: float) -> float:
        """The height of what is under ``x``: the bed's top, or the floor past its end."""
        return self.top if self.holds(x) else 0.0


def clearance(points: dict[str, Point], bed: Bed | None = None) -> float:
    """How far the body's lowest surface is above what is under it: the floor, or a bed.

    Without a bed it is ``lowest_surface``; with one, a leg or the upper body hanging over the
    bed's end is measured against the floor.
    """
    if bed is None:
        return lowest_surface(points)
    return min(y - HALF_WIDTH[name] - bed.surface(x) for name, (x, y) in points.items())


def grounded(
    angles: dict[str, float], *, anchor: str = ROOT, x: float = 0.0, bed: Bed | None = None
) -> Pose:
    """The pose resting on the floor (or on ``bed``): its lowest surface on what is under it,
    and ``anchor`` at ``x``."""
    points = forward_kinematics(Pose((0.0, 0.0), angles))
    dx = x - points[anchor][0]
    shifted = {name: (px + dx, py) for name, (px, py) in points.items()}
    return Pose((dx, -clearance(shifted, bed)), angles)


def joint_angles(pose: Pose) -> dict[str, float]:
    """Anatomical angles, named after ``JOINT_RANGES``; the near and far sides share a range."""
    a = pose.angles
    result = {
        "spine_flexion": _wrap(a["lower_trunk"] - a["upper_trunk"], -180),
        "neck_flexion": _wrap(a["upper_trunk"] - a["head"], -180),
    }
    for side in ("near", "far"):
        result[f"hip_flexion_{side}"] = _wrap(a[f"thigh_{side}"] - a["lower_trunk"] + 180, -180)
        result[f"knee_flexion_{side}"] = _wrap(a[f"thigh_{side}"] - a[f"shin_{side}"], -180)
        result[f"ankle_{side}"] = _wrap(a[f"foot_{side}"] - a[f"shin_{side}"], -180)
        result[f"shoulder_flexion_{side}"] = _wrap(
            a[f"upper_arm_{side}"] - a["upper_trunk"] + 180, -120
        )
        result[f"elbow_flexion_{side}"] = _wrap(a[f"forearm_{side}"] - a[f"upper_arm_{side}"], -180)
    return result


def out_of_range(pose: Pose) -> list[str]:
    """The joints outside their plausible range, as readable lines (empty when all are fine)."""
    problems = []
    for joint, angle in joint_angles(pose).items():
        low, high = JOINT_RANGES[joint.removesuffix("_near").removesuffix("_far")]
        if not low - 0.5 <= angle <= high + 0.5:
            problems.append(f"{joint} is {angle:.0f}, outside {low:.0f}..{high:.0f}")
    return problems


def two_link(first: float, second: float, target: Point, *, bend: int) -> tuple[float, float]:
    """Directions of two linked segments whose far end reaches ``target`` (or points at it).

    ``bend`` is -1 when the second segment turns clockwise from the first (a knee), +1 when it
    turns anticlockwise (an elbow): the joint then bends the way a body bends.
    """
    distance = math.hypot(*target)
    distance = min(max(distance, abs(first - second) + 1e-6), first + second - 1e-6)
    towards = math.atan2(target[1], target[0])
    cos_inner = (first**2 + distance**2 - second**2) / (2 * first * distance)
    inner = math.acos(max(-1.0, min(1.0, cos_inner)))
    first_angle = towards - bend * inner
    joint = (first * math.cos(first_angle), first * math.sin(first_angle))
    second_angle = math.atan2(target[1] - joint[1], target[0] - joint[0])
    return math.degrees(first_angle), math.degrees(second_angle)


def drawn_segments(root: Point, relative: dict[str, float]) -> dict[str, tuple[Point, Point]]:
    """Where each segment lands when drawn as the renderer draws it: ``M0 0H<length>`` inside
    nested groups, each ``translate(<parent length>) rotate(<relative angle>)``.

    Composes the 2-D affine transforms one by one, independently of ``forward_kinematics``, so
    a test can check the two agree and that every child starts where its parent ends.
    """

    def times(m: Matrix, n: Matrix) -> Matrix:
        a, b, c, d, e, f = m
        a2, b2, c2, d2, e2, f2 = n
        return (
            a * a2 + c * b2,
            b * a2 + d * b2,
            a * c2 + c * d2,
            b * c2 + d * d2,
            a * e2 + c * f2 + e,
            b * e2 + d * f2 + f,
        )

    def rotate(degrees: float) -> Matrix:
        r = math.radians(degrees)
        return (math.cos(r), math.sin(r), -math.sin(r), math.cos(r), 0.0, 0.0)

    def apply(m: Matrix, x: float) -> Point:
        return (m[0] * x + m[4], m[1] * x + m[5])

    frames: dict[str, Matrix] = {}
    result = {}
    base: Matrix = (1.0, 0.0, 0.0, 1.0, root[0], root[1])
    for segment in SEGMENTS:
        if segment.parent is None:
            outer = base
        else:
            outer = times(frames[segment.parent], (1, 0, 0, 1, BY_NAME[segment.parent].length, 0))
        frames[segment.name] = times(outer, rotate(relative[segment.name]))
        result[segment.name] = (
            apply(frames[segment.name], 0),
            apply(frames[segment.name], segment.length),
        )
    return result
