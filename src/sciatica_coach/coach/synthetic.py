"""Camera landmarks made from the illustration keyframes, for testing the coach without a camera.

The pictures describe every exercise's movement over time as a flat figure (``illustration``).
Here that figure becomes a body in three dimensions (its near and far limbs a hip's or a
shoulder's width apart), seen by a camera from the side or from the front, and projected into
the 33 landmarks a pose model gives, in MediaPipe's order: normalised image coordinates (x to the
right, y down), a relative depth and a visibility. A sequence can carry a compensation (hips
rolling, back arching, knees falling in, trunk leaning) on chosen repetitions, camera noise and
dropped frames, so the coach's counting and cues can be tested against a known truth.

Pure Python: the standard library and the illustration package.
"""

import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final, Literal

from sciatica_coach.illustration.figure import Pose, forward_kinematics
from sciatica_coach.illustration.keyframes import Illustration, build
from sciatica_coach.illustration.timeline import Timeline, build_timeline, from_relative

Vec = tuple[float, float, float]
View = Literal["side", "front"]
Drawn = Literal["sagittal", "frontal"]

# MediaPipe Pose's landmark order (BlazePose, 33 points).
LANDMARKS: Final = (
    "nose",
    "left_eye_inner",
    "left_eye",
    "left_eye_outer",
    "right_eye_inner",
    "right_eye",
    "right_eye_outer",
    "left_ear",
    "right_ear",
    "mouth_left",
    "mouth_right",
    "left_shoulder",
    "right_shoulder",
    "left_elbow",
    "right_elbow",
    "left_wrist",
    "right_wrist",
    "left_pinky",
    "right_pinky",
    "left_index",
    "right_index",
    "left_thumb",
    "right_thumb",
    "left_hip",
    "right_hip",
    "left_knee",
    "right_knee",
    "left_ankle",
    "right_ankle",
    "left_heel",
    "right_heel",
    "left_foot_index",
    "right_foot_index",
)
INDEX: Final = {name: i for i, name in enumerate(LANDMARKS)}

# Half the distance between the left and right joints of an adult, in centimetres.
HIP_HALF: Final = 9.0
SHOULDER_HALF: Final = 18.0
EAR_HALF: Final = 7.5
CAMERA_DISTANCE: Final = 350.0  # a phone propped up a few metres away
IMAGE_W: Final = 640
IMAGE_H: Final = 480
END_REST_S: Final = 3.0  # at the start position after the last repetition, as people pause
FILL: Final = 0.7  # the body's extent fills this much of the frame, as a person would set it up

# The keyframes of these exercises are drawn from the front (keyframes.toml says why); all
# others are drawn from the side.
FRONTAL_DRAWINGS: Final = frozenset(
    {
        "clamshell",
        "banded_clamshell",
        "side_lying_hip_abduction",
        "side_lying_rest",
        "side_plank_knees",
        "side_plank",
        "standing_hip_abduction",
        "band_side_steps",
        "wall_side_plank",
    }
)

CompensationKind = Literal["pelvis_roll", "knee_in", "lean_side", "bend"]


@dataclass(frozen=True, slots=True)
class Compensation:
    """A fault added to some repetitions, growing with the movement (none at the start position,
    all of it at the held position).

    ``pelvis_roll``: the pelvis turns about the trunk's long axis by ``degrees`` (the working
    side's hip lifts or rolls back); ``knee_in``: both knees move toward the midline, the thigh
    turning ``degrees`` in; ``lean_side``: the upper body tips sideways by ``degrees``; ``bend``:
    the figure's own segment directions change by ``segments`` (an arched back, a trunk leaning
    forward or back), as if drawn so.
    """

    kind: CompensationKind
    degrees: float = 0.0
    segments: tuple[tuple[str, float], ...] = ()
    reps: tuple[int, ...] = ()  # which repetitions (0-based) carry it


@dataclass(frozen=True, slots=True)
class Camera:
    view: View
    mirror: bool = False  # the person faces the other way (and shows the camera the other side)


@dataclass(frozen=True, slots=True)
class Noise:
    sigma: float = 0.004  # landmark jitter, in normalised image units (about 2.5 px at 640)
    drop: float = 0.05  # the chance that a frame has no pose at all
    burst_s: float = 0.5  # one run of dropped frames this long, in the middle
    seed: int = 1


@dataclass(frozen=True, slots=True)
class Sequence3D:
    """One run of an exercise: every frame's landmarks (or ``None`` when the frame is dropped)."""

    exercise: str
    fps: float
    reps: int
    frames: list[list[tuple[float, float, float, float]] | None] = field(repr=False)

    def as_json(self, keep: Iterable[str] | None = None) -> dict[str, object]:
        """As JSON data; ``keep`` names the only landmarks to write (the others are null)."""
        kept = set(range(len(LANDMARKS))) if keep is None else {INDEX[name] for name in keep}
        return {
            "exercise": self.exercise,
            "fps": self.fps,
            "reps": self.reps,
            "frames": [
                None
                if f is None
                else [[round(v, 4) for v in p] if i in kept else None for i, p in enumerate(f)]
                for f in self.frames
            ],
        }


def _add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _mul(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _unit(a: Vec) -> Vec:
    n = math.sqrt(_dot(a, a)) or 1.0
    return _mul(a, 1 / n)


def _rotate(p: Vec, axis: Vec, degrees: float) -> Vec:
    """Rodrigues' rotation of ``p`` about the unit ``axis`` through the origin."""
    k = _unit(axis)
    t = math.radians(degrees)
    return _add(
        _add(_mul(p, math.cos(t)), _mul(_cross(k, p), math.sin(t))),
        _mul(k, _dot(k, p) * (1 - math.cos(t))),
    )


def _direction(a: tuple[float, float], b: tuple[float, float]) -> Vec:
    return _unit((b[0] - a[0], b[1] - a[1], 0.0))


def body_points(pose: Pose, drawn: Drawn, near_sign: float, swap: bool = False) -> dict[str, Vec]:
    """The figure's joints in three dimensions, named by MediaPipe landmark.

    The drawing is the x-y plane, z toward whoever looks at it. Drawn from the side, the body's
    right is +z (the figure's near limbs are toward the viewer); drawn from the front the person
    faces the viewer and their right lies in the picture, beside the trunk. ``near_sign`` says on
    which side of the trunk (+1: the person's right) a frontal drawing's near limbs are;
    ``swap`` moves the working limbs to the other side of the body, as when the person turns
    round or works the other pair.
    """
    p2 = forward_kinematics(pose)
    p: dict[str, Vec] = {name: (x, y, 0.0) for name, (x, y) in p2.items()}
    trunk = _direction(p2["hip"], p2["shoulder"])
    if drawn == "sagittal":
        right: Vec = (0.0, 0.0, 1.0)
        forward = (trunk[1], -trunk[0], 0.0)  # the chest faces the trunk turned clockwise
        near_side = 1.0
    else:
        forward = (0.0, 0.0, 1.0)
        right = _cross(forward, trunk)
        near_side = near_sign
    # The other side: seen from the side, the working limbs are then the far ones; seen from the
    # front the picture stays (the working leg is still the top or the lifted one) and only the
    # names change, as when someone turns over or round.
    relabel = 1.0
    if swap and drawn == "sagittal":
        near_side = -near_side
    elif swap:
        relabel = -1.0
    head_dir = _direction(p2["shoulder"], p2["head"])
    face = (head_dir[1], -head_dir[0], 0.0) if drawn == "sagittal" else forward

    def side(name: str, half: float, sign: float) -> Vec:
        return _add(p[name], _mul(right, half * sign))

    out: dict[str, Vec] = {}
    for chain, sign in (("near", near_side), ("far", -near_side)):
        label = "right" if sign * relabel > 0 else "left"
        out[f"{label}_shoulder"] = side("shoulder", SHOULDER_HALF, sign)
        out[f"{label}_elbow"] = side(f"elbow_{chain}", SHOULDER_HALF, sign)
        wrist = side(f"hand_{chain}", SHOULDER_HALF, sign)
        forearm = _unit(_sub(wrist, out[f"{label}_elbow"]))
        out[f"{label}_wrist"] = wrist
        out[f"{label}_index"] = _add(wrist, _mul(forearm, 8))
        out[f"{label}_pinky"] = _add(_add(wrist, _mul(forearm, 7)), _mul(right, -2 * sign))
        out[f"{label}_thumb"] = _add(_add(wrist, _mul(forearm, 5)), _mul(right, 2 * sign))
        out[f"{label}_hip"] = side("hip", HIP_HALF, sign)
        out[f"{label}_knee"] = side(f"knee_{chain}", HIP_HALF, sign)
        ankle = side(f"ankle_{chain}", HIP_HALF, sign)
        toe = side(f"toe_{chain}", HIP_HALF, sign)
        foot = _unit(_sub(toe, ankle))
        sole = _rotate(foot, right, -90) if drawn == "sagittal" else (foot[1], -foot[0], 0.0)
        out[f"{label}_ankle"] = ankle
        out[f"{label}_heel"] = _add(_add(ankle, _mul(foot, -5)), _mul(sole, 6))
        out[f"{label}_foot_index"] = toe
    head = p["head"]
    out["nose"] = _add(head, _mul(face, 9))
    up = head_dir
    for label, sign in (("right", 1.0), ("left", -1.0)):
        lateral = _mul(right, sign)
        eye = _add(_add(head, _mul(face, 7.5)), _mul(up, 2.5))
        out[f"{label}_eye"] = _add(eye, _mul(lateral, 3.5))
        out[f"{label}_eye_inner"] = _add(eye, _mul(lateral, 1.8))
        out[f"{label}_eye_outer"] = _add(eye, _mul(lateral, 5.0))
        out[f"{label}_ear"] = _add(_add(head, _mul(lateral, EAR_HALF)), _mul(face, -1))
        mouth = _add(_add(head, _mul(face, 7.5)), _mul(up, -4))
        out[f"mouth_{label}"] = _add(mouth, _mul(lateral, 2.5))
    return out


def _near_sign(illustration: Illustration) -> float:
    """For a frontal drawing: +1 when the near limbs are on the person's right (see
    ``body_points``), judged from where the near knee is against the far one when held."""
    pose = illustration.frames[illustration.key].pose
    pts = forward_kinematics(pose)
    trunk = _direction(pts["hip"], pts["shoulder"])
    right = _cross((0.0, 0.0, 1.0), trunk)
    apart = _sub((*pts["knee_near"], 0.0), (*pts["knee_far"], 0.0))
    return -1.0 if _dot(apart, right) < 0 else 1.0


def _turn(a: float, b: float) -> float:
    """The smallest turn from ``b`` to ``a``, in degrees."""
    return (a - b + 180) % 360 - 180


def _weights(timeline: Timeline, illustration: Illustration, t: float) -> float:
    """How far the body at ``t`` is from the start position toward the held one, 0 to 1."""
    start = illustration.frames[0].pose.relative()
    key = illustration.frames[illustration.key].pose.relative()
    now = timeline.at(t).relative()
    span = math.sqrt(sum(_turn(key[k], start[k]) ** 2 for k in key)) or 1.0
    gone = math.sqrt(sum(_turn(now[k], key[k]) ** 2 for k in key))
    return max(0.0, min(1.0, 1 - gone / span))


def _scaled(illustration: Illustration, pose: Pose, amplitude: float) -> Pose:
    if amplitude == 1.0:
        return pose
    start = illustration.frames[0].pose.relative()
    now = pose.relative()
    relative = {k: start[k] + _turn(now[k], start[k]) * amplitude for k in now}
    return Pose(pose.root, from_relative((0.0, 0.0), relative).angles)


def _bent(pose: Pose, segments: Iterable[tuple[str, float]], weight: float) -> Pose:
    relative = pose.relative()
    for name, delta in segments:
        relative[name] += delta * weight
    bent = from_relative((0.0, 0.0), relative)
    # Keep the hip where it was: a bend, not a jump.
    return Pose(pose.root, bent.angles)


def _compensate(
    points: dict[str, Vec], compensation: Compensation, weight: float
) -> dict[str, Vec]:
    if weight <= 0 or compensation.kind == "bend":
        return points
    out = dict(points)
    hip_mid = _mul(_add(points["left_hip"], points["right_hip"]), 0.5)
    shoulder_mid = _mul(_add(points["left_shoulder"], points["right_shoulder"]), 0.5)
    lateral = _unit(_sub(points["right_hip"], points["left_hip"]))
    trunk = _unit(_sub(shoulder_mid, hip_mid))
    degrees = compensation.degrees * weight
    if compensation.kind == "pelvis_roll":
        for label in ("left", "right"):
            hip = points[f"{label}_hip"]
            moved = _add(hip_mid, _rotate(_sub(hip, hip_mid), trunk, degrees))
            shift = _sub(moved, hip)
            for part in ("hip", "knee", "ankle", "heel", "foot_index"):
                out[f"{label}_{part}"] = _add(points[f"{label}_{part}"], shift)
    elif compensation.kind == "knee_in":
        for label, sign in (("left", 1.0), ("right", -1.0)):
            thigh = math.dist(points[f"{label}_hip"], points[f"{label}_knee"])
            inward = _mul(lateral, sign * thigh * math.sin(math.radians(degrees)))
            out[f"{label}_knee"] = _add(points[f"{label}_knee"], inward)
    elif compensation.kind == "lean_side":
        forward = _unit(_cross(lateral, trunk))
        upper = [n for n in LANDMARKS if "hip" not in n and "knee" not in n]
        upper = [n for n in upper if not any(s in n for s in ("ankle", "heel", "foot"))]
        for name in upper:
            out[name] = _add(hip_mid, _rotate(_sub(points[name], hip_mid), forward, degrees))
    return out


def _camera_axes(points: dict[str, Vec], view: View, drawn: Drawn) -> tuple[Vec, Vec, Vec]:
    """Image right, image up and toward-the-camera, in the drawing's coordinates."""
    if view == "side" or drawn == "frontal":
        return (1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)
    # A side drawing seen from the front: the camera stands where the chest faces.
    hip_mid = _mul(_add(points["left_hip"], points["right_hip"]), 0.5)
    shoulder_mid = _mul(_add(points["left_shoulder"], points["right_shoulder"]), 0.5)
    trunk = _unit(_sub(shoulder_mid, hip_mid))
    toward = _unit((trunk[1], -trunk[0], 0.0))
    up = (0.0, 1.0, 0.0)
    right = _cross(_mul(toward, -1), up)
    return right, up, toward


def sequence(
    exercise_id: str,
    *,
    view: View,
    reps: int,
    fps: float = 30.0,
    camera: Camera | None = None,
    compensation: Compensation | None = None,
    noise: Noise | None = None,
    alternate: bool = False,
    swap: bool = False,
    amplitude: float = 1.0,
) -> Sequence3D:
    """``reps`` loops of the exercise's picture, seen by a still camera, as landmark frames.

    ``alternate`` works the other side on every second repetition (bird dog's other pair);
    ``swap`` works the other side throughout; ``amplitude`` below 1 moves only that part of the
    way from the start position toward each keyframe, as someone doing less than asked.
    """
    camera = camera or Camera(view)
    illustration = build(exercise_id)
    timeline = build_timeline(illustration)
    drawn: Drawn = "frontal" if exercise_id in FRONTAL_DRAWINGS else "sagittal"
    near_sign = _near_sign(illustration) if drawn == "frontal" else 1.0
    rng = random.Random(noise.seed if noise else 0)  # noqa: S311 - test data, not secrets
    per_loop = round(timeline.total_s * fps)
    # The loop repeats: each pose is worked out once and reused on every repetition.
    poses = [_scaled(illustration, timeline.at(j / fps), amplitude) for j in range(per_loop)]
    weights = [_weights(timeline, illustration, j / fps) for j in range(per_loop)]
    cache: dict[tuple[int, bool, bool], dict[str, Vec]] = {}
    bodies: list[dict[str, Vec]] = []
    for rep in range(reps):
        active = compensation is not None and rep in compensation.reps
        other = swap != (alternate and rep % 2 == 1)
        for j in range(per_loop):
            key = (j, other, active)
            if key not in cache:
                pose = poses[j]
                if active and compensation is not None and compensation.kind == "bend":
                    pose = _bent(pose, compensation.segments, weights[j])
                points = body_points(pose, drawn, near_sign, swap=other)
                if active and compensation is not None:
                    points = _compensate(points, compensation, weights[j])
                cache[key] = points
            bodies.append(cache[key])
    # The person stays a moment at the start position after the last repetition.
    bodies.extend(bodies[: round(END_REST_S * fps)])
    frames = _project(bodies, camera, drawn)
    if noise is not None:
        frames = _noisy(frames, noise, fps, rng)
    return Sequence3D(exercise_id, fps, reps, frames)


def _project(
    bodies: Sequence[dict[str, Vec]], camera: Camera, drawn: Drawn
) -> list[list[tuple[float, float, float, float]] | None]:
    right, up, toward = _camera_axes(bodies[0], camera.view, drawn)
    centre = _mul(_add(bodies[0]["left_hip"], bodies[0]["right_hip"]), 0.5)
    raw: list[list[tuple[float, float, float]]] = []
    for body in bodies:
        frame = []
        for name in LANDMARKS:
            rel = _sub(body[name], centre)
            depth = _dot(rel, toward)
            scale = CAMERA_DISTANCE / (CAMERA_DISTANCE - depth)
            u = _dot(rel, right) * scale
            v = _dot(rel, up) * scale
            frame.append((-u if camera.mirror else u, v, depth))
        raw.append(frame)
    us = [u for f in raw for u, _, _ in f]
    vs = [v for f in raw for _, v, _ in f]
    width_cm = max(max(us) - min(us), 1.0)
    height_cm = max(max(vs) - min(vs), 1.0)
    px_per_cm = FILL * min(IMAGE_W / width_cm, IMAGE_H / height_cm)
    u0 = (max(us) + min(us)) / 2
    v0 = (max(vs) + min(vs)) / 2
    out: list[list[tuple[float, float, float, float]] | None] = []
    facing_away = {"side": 0.6, "front": 0.95}[camera.view]
    for frame in raw:
        points = []
        for i, (u, v, depth) in enumerate(frame):
            name = LANDMARKS[i]
            x = 0.5 + (u - u0) * px_per_cm / IMAGE_W
            y = 0.5 - (v - v0) * px_per_cm / IMAGE_H
            z = -depth * px_per_cm / IMAGE_W
            # Seen from the side, the far side of the body is partly hidden behind the near one.
            hidden = camera.view == "side" and depth < -1 and "nose" not in name
            points.append((x, y, z, facing_away if hidden else 0.99))
        out.append(points)
    if camera.mirror:
        # Facing the other way, the side toward the camera is the person's other side.
        out = [None if f is None else _swap_labels(f) for f in out]
    return out


def _swap_labels(
    frame: list[tuple[float, float, float, float]],
) -> list[tuple[float, float, float, float]]:
    swapped = list(frame)
    for name, i in INDEX.items():
        if name.startswith("left_"):
            j = INDEX["right_" + name.removeprefix("left_")]
            swapped[i], swapped[j] = frame[j], frame[i]
    swapped[INDEX["mouth_left"]], swapped[INDEX["mouth_right"]] = (
        frame[INDEX["mouth_right"]],
        frame[INDEX["mouth_left"]],
    )
    return swapped


def _noisy(
    frames: list[list[tuple[float, float, float, float]] | None],
    noise: Noise,
    fps: float,
    rng: random.Random,
) -> list[list[tuple[float, float, float, float]] | None]:
    burst = round(noise.burst_s * fps)
    burst_start = len(frames) // 2
    out: list[list[tuple[float, float, float, float]] | None] = []
    for i, frame in enumerate(frames):
        if frame is None or burst_start <= i < burst_start + burst or rng.random() < noise.drop:
            out.append(None)
            continue
        out.append(
            [
                (
                    x + rng.gauss(0, noise.sigma),
                    y + rng.gauss(0, noise.sigma),
                    z + rng.gauss(0, noise.sigma * 3),
                    max(0.0, min(1.0, vis - abs(rng.gauss(0, 0.05)))),
                )
                for x, y, z, vis in frame
            ]
        )
    return out


def still(exercise_id: str, *, view: View, which: Literal["start", "key"]) -> list[list[float]]:
    """The landmarks of one exercise's start or held position, seen without noise."""
    illustration = build(exercise_id)
    drawn: Drawn = "frontal" if exercise_id in FRONTAL_DRAWINGS else "sagittal"
    near_sign = _near_sign(illustration) if drawn == "frontal" else 1.0
    bodies = [body_points(f.pose, drawn, near_sign) for f in illustration.frames]
    index = 0 if which == "start" else illustration.key
    projected = _project(bodies, Camera(view), drawn)[index]
    if projected is None:  # pragma: no cover - projection never drops a frame
        raise AssertionError("no landmarks")
    return [list(p) for p in projected]
