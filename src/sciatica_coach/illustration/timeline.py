"""The loop of one exercise in time: when each keyframe is reached and held, and every pose between.

Joints turn linearly between keyframes, exactly as CSS interpolates ``rotate()``. The root
(where the figure stands) is sampled more often while moving, so that the body keeps resting on
the floor and on its anchor (a foot, the hips) between keyframes too.
"""

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from sciatica_coach.illustration.figure import (
    BY_NAME,
    SEGMENTS,
    Point,
    Pose,
    forward_kinematics,
    grounded,
)
from sciatica_coach.illustration.keyframes import Illustration

ROOT_SUBSTEPS: Final = 4  # extra root positions inside each move


@dataclass(frozen=True, slots=True)
class Timeline:
    total_s: float
    joints: tuple[tuple[float, dict[str, float]], ...]  # (time, angle against the parent)
    roots: tuple[tuple[float, Pose], ...]  # (time, exact pose there)

    def at(self, t: float) -> Pose:
        """The pose a browser draws at ``t`` seconds into the loop."""
        t = t % self.total_s
        relative = _between(self.joints, t)
        roots = [(time, {"x": p.root[0], "y": p.root[1]}) for time, p in self.roots]
        root = _between(roots, t)
        return from_relative((root["x"], root["y"]), relative)


def _between(knots: Sequence[tuple[float, dict[str, float]]], t: float) -> dict[str, float]:
    for (t0, a), (t1, b) in itertools.pairwise(knots):
        if t0 <= t <= t1:
            f = 0.0 if t1 == t0 else (t - t0) / (t1 - t0)
            return {k: a[k] + (b[k] - a[k]) * f for k in a}
    return dict(knots[-1][1])


def from_relative(root: Point, relative: dict[str, float]) -> Pose:
    angles: dict[str, float] = {}
    for segment in SEGMENTS:
        parent = 0.0 if segment.parent is None else angles[segment.parent]
        angles[segment.name] = parent + relative[segment.name]
    return Pose(root, angles)


def unwrapped(illustration: Illustration) -> list[dict[str, float]]:
    """Each keyframe's joint angles, turned by whole circles to lie nearest the frame before."""
    result: list[dict[str, float]] = []
    for frame in illustration.frames:
        relative = frame.pose.relative()
        if result:
            before = result[-1]
            relative = {k: v + 360 * round((before[k] - v) / 360) for k, v in relative.items()}
        result.append(relative)
    return result


def build_timeline(illustration: Illustration) -> Timeline:
    frames = illustration.frames
    relatives = unwrapped(illustration)
    joints: list[tuple[float, dict[str, float]]] = []
    roots: list[tuple[float, Pose]] = []
    t = 0.0
    order = [*range(len(frames)), 0]
    for step, index in enumerate(order):
        frame = frames[index]
        if step > 0:
            before = order[step - 1]
            for sub in range(1, ROOT_SUBSTEPS + 1):
                f = sub / (ROOT_SUBSTEPS + 1)
                rel = {
                    k: relatives[before][k] + (relatives[index][k] - relatives[before][k]) * f
                    for k in relatives[index]
                }
                roots.append(
                    (t + frame.move_s * f, _grounded_between(illustration, before, index, rel, f))
                )
            t += frame.move_s
        joints.append((t, relatives[index]))
        roots.append((t, frame.pose))
        if step < len(order) - 1:
            t += frame.hold_s
            joints.append((t, relatives[index]))
            roots.append((t, frame.pose))
    return Timeline(t, tuple(joints), tuple(roots))


def _grounded_between(
    illustration: Illustration, before: int, after: int, relative: dict[str, float], f: float
) -> Pose:
    a, b = illustration.frames[before], illustration.frames[after]
    # Where the next frame's anchor point was in the frame before: slide it to its new place.
    start_x = forward_kinematics(a.pose)[b.anchor][0]
    pose = from_relative((0.0, 0.0), relative)
    x = start_x + (b.x - start_x) * f
    return grounded(pose.angles, anchor=b.anchor, x=x, bed=illustration.bed)


def segment_lengths(pose: Pose) -> dict[str, float]:
    points = forward_kinematics(pose)
    result = {}
    for segment in SEGMENTS:
        start = points["hip"] if segment.parent is None else points[BY_NAME[segment.parent].end]
        end = points[segment.end]
        result[segment.name] = math.dist(start, end)
    return result
