"""The SVG of every exercise: well-formed, accessible, self-contained, small, with its props."""

import re
import xml.etree.ElementTree as ET

import pytest

from sciatica_coach.engine.catalog import load_catalog
from sciatica_coach.illustration import MODES, UnknownExercise, gallery_html, illustrate
from sciatica_coach.illustration.keyframes import build
from sciatica_coach.illustration.props import BALL, CLOTH, WALL, WOOD
from sciatica_coach.illustration.render import FAR, MOVING, NEAR, css_prefix

SVG = "{http://www.w3.org/2000/svg}"
MAX_BYTES = 8 * 1024
CATALOG = load_catalog().exercises
CATALOG_IDS = [exercise.id for exercise in CATALOG]
# What each required piece of equipment looks like in the drawing.
PROP_MARKS = {
    "stability_ball": f'fill="{BALL}"',
    "chair": f'stroke="{WOOD}"',
    "wall": f'fill="{WALL}"',
    "towel": "<circle r=",
    "pillow": "<rect x=",
    "band": 'stroke="#d0543f"',
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("exercise_id", CATALOG_IDS)
def test_every_svg_parses_and_names_itself(exercise_id: str, mode: str) -> None:
    svg = illustrate(exercise_id, mode=mode)  # type: ignore[arg-type]
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.findtext(f"{SVG}title") == load_catalog()[exercise_id].name
    desc = root.findtext(f"{SVG}desc") or ""
    assert load_catalog()[exercise_id].instructions[0] in desc
    labelled = (root.get("aria-labelledby") or "").split()
    assert [e.get("id") for e in (root.find(f"{SVG}title"), root.find(f"{SVG}desc"))] == labelled


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("exercise_id", CATALOG_IDS)
def test_every_svg_is_under_8_kb(exercise_id: str, mode: str) -> None:
    size = len(illustrate(exercise_id, mode=mode).encode())  # type: ignore[arg-type]
    assert size < MAX_BYTES, f"{exercise_id} {mode}: {size} bytes"


@pytest.mark.parametrize("exercise_id", CATALOG_IDS)
def test_no_svg_refers_to_anything_outside_itself(exercise_id: str) -> None:
    for mode in MODES:
        svg = illustrate(exercise_id, mode=mode)
        assert not re.search(r"href|url\(|@import|@font-face|<image|<text|font-family", svg)


@pytest.mark.parametrize("exercise_id", CATALOG_IDS)
def test_the_animation_loops_and_stops_for_reduced_motion(exercise_id: str) -> None:
    svg = illustrate(exercise_id)
    prefix = css_prefix(exercise_id)
    assert f".{prefix}{{animation:" in svg
    assert "linear infinite" in svg
    assert "@keyframes" in svg
    assert f"@media (prefers-reduced-motion:reduce){{.{prefix}{{animation:none!important}}}}" in svg


@pytest.mark.parametrize("exercise_id", CATALOG_IDS)
def test_stills_and_strips_do_not_move(exercise_id: str) -> None:
    for mode in ("still", "strip"):
        svg = illustrate(exercise_id, mode=mode)  # type: ignore[arg-type]
        assert "<style" not in svg
        assert "animation" not in svg


def test_the_strip_shows_the_figure_twice() -> None:
    strip = ET.fromstring(illustrate("bird_dog", mode="strip"))
    heads = list(strip.iter(f"{SVG}circle"))
    assert len(heads) == 2


@pytest.mark.parametrize(
    ("exercise_id", "equipment"),
    [(e.id, item) for e in CATALOG for item in e.equipment],
)
def test_a_required_prop_is_drawn(exercise_id: str, equipment: str) -> None:
    for mode in MODES:
        svg = illustrate(exercise_id, mode=mode)  # type: ignore[arg-type]
        assert PROP_MARKS[equipment] in svg, f"{exercise_id} {mode}: no {equipment}"


@pytest.mark.parametrize("exercise_id", [i for i in CATALOG_IDS if build(i).bed is not None])
def test_a_bed_lain_on_is_drawn(exercise_id: str) -> None:
    for mode in MODES:
        svg = illustrate(exercise_id, mode=mode)  # type: ignore[arg-type]
        assert f'fill="{CLOTH}"' in svg
        assert f'stroke="{WOOD}"' in svg


def test_an_exercise_without_a_ball_draws_no_ball() -> None:
    assert PROP_MARKS["stability_ball"] not in illustrate("bird_dog")


def test_the_moving_limb_is_drawn_darker_than_the_resting_far_limb() -> None:
    svg = illustrate("single_knee_to_chest", mode="still")
    assert f'stroke="{MOVING}"' in svg  # the moving near leg
    assert f'stroke="{FAR}"' in svg  # the far leg, resting
    assert luminance(MOVING) < luminance(NEAR) < luminance(FAR)


def luminance(colour: str) -> float:
    red, green, blue = bytes.fromhex(colour.removeprefix("#"))
    return 0.3 * red + 0.59 * green + 0.11 * blue


def test_each_exercise_has_its_own_css_prefix() -> None:
    assert len({css_prefix(i) for i in CATALOG_IDS}) == len(CATALOG_IDS)


def test_an_unknown_exercise_is_refused() -> None:
    with pytest.raises(UnknownExercise, match="'x' is not an exercise in the catalog"):
        illustrate("x")


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="mode must be one of"):
        illustrate("bird_dog", mode="movie")  # type: ignore[arg-type]


def test_the_gallery_shows_every_exercise_by_name() -> None:
    html = gallery_html()
    assert html.startswith("<!doctype html>")
    for exercise in CATALOG:
        assert f'id="{exercise.id}"' in html
        assert exercise.name in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
