"""The loop: each keyframe is reached, held for its time, and the loop comes back to the start."""

import pytest

from sciatica_coach.illustration import illustrate
from sciatica_coach.illustration.keyframes import build
from sciatica_coach.illustration.props import num
from sciatica_coach.illustration.render import css_prefix
from sciatica_coach.illustration.timeline import build_timeline


def test_a_glute_bridge_holds_the_top_for_the_catalog_dose() -> None:
    illustration = build("glute_bridge")  # hold_s = 3 in the catalog
    timeline = build_timeline(illustration)
    start, top = illustration.frames
    assert top.hold_s == 3
    assert timeline.total_s == pytest.approx(start.hold_s + top.move_s + 3 + start.move_s)
    held = [t for t, pose in timeline.roots if pose == top.pose]
    assert max(held) - min(held) == pytest.approx(3)


def test_the_loop_ends_where_it_starts() -> None:
    timeline = build_timeline(build("bird_dog"))
    first, last = timeline.at(0), timeline.at(timeline.total_s - 1e-9)
    assert first.root == pytest.approx(last.root, abs=1e-3)
    for name, angle in first.angles.items():
        assert last.angles[name] == pytest.approx(angle, abs=1e-3)


def test_the_css_animation_lasts_one_loop() -> None:
    total = build_timeline(build("bird_dog")).total_s
    assert f".{css_prefix('bird_dog')}{{animation:{num(total)}s linear infinite}}" in illustrate(
        "bird_dog"
    )


def test_long_rests_are_shown_for_at_most_thirty_seconds() -> None:
    illustration = build("ninety_ninety_rest")  # hold_s = 180 in the catalog
    assert max(frame.hold_s for frame in illustration.frames) == 30
