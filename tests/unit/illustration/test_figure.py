"""The figure stays one body: attached, rigid, above the floor (or the bed it lies on) and within
human joint ranges, at every keyframe and at the in-between poses a browser draws."""

import math

import pytest

from sciatica_coach.engine.catalog import load_catalog
from sciatica_coach.illustration.figure import (
    BY_NAME,
    SEGMENTS,
    Bed,
    clearance,
    drawn_segments,
    forward_kinematics,
    grounded,
    out_of_range,
    two_link,
)
from sciatica_coach.illustration.keyframes import build
from sciatica_coach.illustration.timeline import Pose, build_timeline

CATALOG_IDS = [exercise.id for exercise in load_catalog().exercises]
FLOOR_TOLERANCE = 1.5  # cm: a stroke's rounding, not a foot through the floor
SAMPLES = 120  # in-between poses checked per loop


def poses_of(exercise_id: str) -> list[Pose]:
    """Every keyframe, then evenly spaced in-between poses over the whole loop."""
    illustration = build(exercise_id)
    timeline = build_timeline(illustration)
    keyframes = [frame.pose for frame in illustration.frames]
    between = [timeline.at(timeline.total_s * i / SAMPLES) for i in range(SAMPLES)]
    return keyframes + between


@pytest.mark.parametrize("exercise_id", CATALOG_IDS)
def test_every_segment_stays_attached_to_its_parent(exercise_id: str) -> None:
    for pose in poses_of(exercise_id):
        drawn = drawn_segments(pose.root, pose.relative())
        for segment in SEGMENTS:
            start, _ = drawn[segment.name]
            parent_end = pose.root if segment.parent is None else drawn[segment.parent][1]
            assert math.dist(start, parent_end) < 1e-6, segment.name


@pytest.mark.parametrize("exercise_id", CATALOG_IDS)
def test_segments_keep_their_length_and_match_forward_kinematics(exercise_id: str) -> None:
    for pose in poses_of(exercise_id):
        drawn = drawn_segments(pose.root, pose.relative())
        points = forward_kinematics(pose)
        for segment in SEGMENTS:
            start, end = drawn[segment.name]
            assert math.dist(start, end) == pytest.approx(segment.length, abs=1e-6)
            assert math.dist(end, points[segment.end]) < 1e-6


@pytest.mark.parametrize("exercise_id", CATALOG_IDS)
def test_the_body_never_goes_through_the_floor_or_its_bed(exercise_id: str) -> None:
    bed = build(exercise_id).bed
    for pose in poses_of(exercise_id):
        assert clearance(forward_kinematics(pose), bed) >= -FLOOR_TOLERANCE


@pytest.mark.parametrize("exercise_id", CATALOG_IDS)
def test_every_keyframe_rests_on_the_floor_or_its_bed(exercise_id: str) -> None:
    illustration = build(exercise_id)
    for frame in illustration.frames:
        points = forward_kinematics(frame.pose)
        assert clearance(points, illustration.bed) == pytest.approx(0, abs=1e-6)
        assert clearance(points) >= -1e-6  # and nothing under the floor


@pytest.mark.parametrize(
    "exercise_id",
    [e.id for e in load_catalog().exercises if e.position in ("supine", "prone", "side_lying")],
)
def test_lying_exercises_start_with_the_trunk_on_the_floor_or_bed(exercise_id: str) -> None:
    illustration = build(exercise_id)
    points = forward_kinematics(illustration.frames[0].pose)
    bed = illustration.bed
    trunk = min(
        points[p][1] - BY_NAME["lower_trunk"].width / 2 - (bed.surface(points[p][0]) if bed else 0)
        for p in ("hip", "shoulder")
    )
    assert trunk == pytest.approx(0, abs=FLOOR_TOLERANCE)


def test_a_body_on_a_bed_rests_on_it_and_a_leg_hangs_over_its_end() -> None:
    lying = dict.fromkeys(BY_NAME, 0.0) | {"lower_trunk": 180, "upper_trunk": 180}
    lying |= {"head": 180, "upper_arm_near": 0, "upper_arm_far": 0}
    lying |= {"shin_near": -90, "foot_near": 0}  # the near lower leg hangs down
    bed = Bed(top=60, edge=30)  # under the thigh: the knee and lower leg are past its end
    pose = grounded(lying, bed=bed)
    points = forward_kinematics(pose)
    assert clearance(points, bed) == pytest.approx(0)
    assert pose.root[1] - 8 == pytest.approx(60, abs=FLOOR_TOLERANCE)  # the hips on the bed's top
    assert points["ankle_near"][1] < 60
    assert clearance(points) > 0


@pytest.mark.parametrize("exercise_id", CATALOG_IDS)
def test_joints_stay_within_human_ranges(exercise_id: str) -> None:
    for pose in poses_of(exercise_id):
        assert out_of_range(pose) == []


def test_a_knee_reaching_a_target_bends_forward_and_lands_on_it() -> None:
    thigh, shin = two_link(42, 42, (10, -70), bend=-1)
    ankle = (
        42 * math.cos(math.radians(thigh)) + 42 * math.cos(math.radians(shin)),
        42 * math.sin(math.radians(thigh)) + 42 * math.sin(math.radians(shin)),
    )
    assert ankle == pytest.approx((10, -70))
    assert 0 < thigh - shin < 150  # flexed, not hyperextended


def test_a_hyperextended_knee_is_reported() -> None:
    pose = build("mini_squat").frames[0].pose
    angles = dict(pose.angles) | {"shin_near": pose.angles["thigh_near"] + 20}
    assert any("knee_flexion_near" in problem for problem in out_of_range(Pose((0, 0), angles)))
