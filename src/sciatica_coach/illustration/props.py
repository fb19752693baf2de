"""Props drawn with the figure: a chair, a stability ball, a rolled towel, a wall, a pillow, a band,
and a bed or bench to lie on.

Each prop is placed against a point of the body (the seat under the hips, the ball under the
calves, the wall behind the back), as SVG drawn around an origin so that a prop that follows the
body can be moved with one ``translate``. Coordinates are the figure's: centimetres, y up.
"""

import math
from dataclasses import dataclass
from typing import Final

from sciatica_coach.illustration.figure import HALF_WIDTH, Bed, Point, Pose, forward_kinematics
from sciatica_coach.illustration.keyframes import PropSpec

BALL_RADIUS: Final = 27.0  # a 55 cm ball
SEAT_HEIGHT: Final = 46.0
SEAT_DEPTH: Final = 40.0
CHAIR_BACK: Final = 42.0
WALL_HEIGHT: Final = 185.0
PILLOW: Final = (26.0, 9.0)
TOWEL_RADIUS: Final = 5.0
MATTRESS: Final = 7.0  # the padded top of a bed or bench

WOOD: Final = "#9a6b3f"
BALL: Final = "#7fb8a4"
CLOTH: Final = "#e6d3a3"
BAND: Final = "#d0543f"
WALL: Final = "#c9c3b8"


@dataclass(frozen=True, slots=True)
class Placed:
    origin: Point
    svg: str  # drawn around (0, 0)
    bounds: tuple[float, float, float, float]  # x0, y0, x1, y1 in figure coordinates


def num(value: float) -> str:
    """A number as short as SVG allows: one decimal, no trailing zero."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def place(prop: PropSpec, pose: Pose) -> Placed:
    points = forward_kinematics(pose)
    px, py = points[prop.at]
    hw = HALF_WIDTH[prop.at]
    if prop.to is not None:
        qx, qy = points[prop.to]
        mid = ((px + qx) / 2 + prop.dx, (py + qy) / 2 + prop.dy)
    else:
        mid = (px + prop.dx, py + prop.dy)
    if prop.kind == "stability_ball":
        return _ball(prop, (px, py), hw, mid)
    if prop.kind == "chair":
        return _chair(prop, (px, py), hw)
    if prop.kind == "wall":
        return _wall(prop, (px, py), hw)
    if prop.kind == "pillow":
        w, h = PILLOW
        centre = (mid[0], py - hw - h / 2 + prop.dy) if prop.place == "under" else mid
        svg = (
            f'<rect x="{num(-w / 2)}" y="{num(-h / 2)}" width="{num(w)}" height="{num(h)}" '
            f'rx="4" fill="{CLOTH}" stroke="#b89f68"/>'
        )
        return Placed(centre, svg, _box(centre, w / 2, h / 2))
    if prop.kind == "towel":
        centre = (px - hw - TOWEL_RADIUS + prop.dx, py + prop.dy) if prop.place == "behind" else mid
        r = TOWEL_RADIUS
        svg = f'<circle r="{num(r)}" fill="{CLOTH}" stroke="#b89f68" stroke-width="1.5"/>'
        return Placed(centre, svg, _box(centre, r, r))
    return band(prop, pose)


def band(prop: PropSpec, pose: Pose) -> Placed:
    """An elastic band between two points: a unit line, turned and stretched to reach."""
    points = forward_kinematics(pose)
    start = points[prop.at]
    end = points[prop.to or prop.at]
    svg = f'<path d="M0 0H1" stroke="{BAND}" stroke-width="3" vector-effect="non-scaling-stroke"/>'
    bounds = (
        min(start[0], end[0]),
        min(start[1], end[1]),
        max(start[0], end[0]),
        max(start[1], end[1]),
    )
    return Placed(start, svg, bounds)


def band_transform(pose: Pose, prop: PropSpec) -> tuple[Point, float, float]:
    points = forward_kinematics(pose)
    (x0, y0), (x1, y1) = points[prop.at], points[prop.to or prop.at]
    return (
        (x0, y0),
        math.degrees(math.atan2(y1 - y0, x1 - x0)),
        max(math.dist((x0, y0), (x1, y1)), 0.1),
    )


def _box(centre: Point, rx: float, ry: float) -> tuple[float, float, float, float]:
    return (centre[0] - rx, centre[1] - ry, centre[0] + rx, centre[1] + ry)


def _ball(prop: PropSpec, point: Point, hw: float, mid: Point) -> Placed:
    r = BALL_RADIUS
    if prop.place == "under":  # on the floor, below the point
        centre = (point[0] + prop.dx, r)
    elif prop.place == "behind":
        centre = (point[0] - hw - r + prop.dx, point[1] + prop.dy)
    else:
        centre = mid
    svg = (
        f'<circle r="{num(r)}" fill="{BALL}" stroke="#4f8c77" stroke-width="1.5"/>'
        f'<path d="M-18 12A22 22 0 0 1 6 22" fill="none" stroke="#fff" stroke-width="3" '
        'stroke-opacity=".5"/>'
    )
    return Placed(centre, svg, _box(centre, r, r))


def _chair(prop: PropSpec, point: Point, hw: float) -> Placed:
    """A side-view chair; ``under`` puts the seat under a point, ``grip`` its back in a hand."""
    depth = SEAT_DEPTH
    if prop.place == "grip":
        top = (point[0] + prop.dx, point[1] + prop.dy)
        seat_y = min(SEAT_HEIGHT, top[1] - 20)
        back_x, front_x = 0.0, depth  # the back is nearest the person, the seat beyond
        origin = (top[0], 0.0)
        back_top = top[1]
    else:
        seat_y = point[1] - hw + prop.dy
        origin = (point[0] + prop.dx, 0.0)
        back_x, front_x = -depth / 2, depth / 2
        back_top = seat_y + CHAIR_BACK
    if prop.mirror:  # the back on the right
        back_x, front_x = -back_x, -front_x
    d = (
        f"M{num(back_x)} 0V{num(back_top)}M{num(front_x)} 0V{num(seat_y)}"
        f"M{num(back_x)} {num(seat_y)}H{num(front_x)}"
    )
    svg = f'<path d="{d}" fill="none" stroke="{WOOD}" stroke-width="4" stroke-linecap="round"/>'
    x0, x1 = sorted((origin[0] + back_x, origin[0] + front_x))
    return Placed(origin, svg, (x0 - 2, 0.0, x1 + 2, back_top + 2))


def _wall(prop: PropSpec, point: Point, hw: float) -> Placed:
    """A wall seen edge-on; ``behind`` is on the left of the point, ``front`` on its right."""
    if prop.place == "front":
        x, side = point[0] + hw + prop.dx, 1.0
    else:
        x, side = point[0] - hw + prop.dx, -1.0
    thick = 8.0
    left = 0.0 if side > 0 else -thick
    svg = f'<rect x="{num(left)}" width="{num(thick)}" height="{num(WALL_HEIGHT)}" fill="{WALL}"/>'
    return Placed((x, 0.0), svg, (x + left, 0.0, x + left + thick, WALL_HEIGHT))


def bed_svg(bed: Bed, span: tuple[float, float]) -> str:
    """A bed or bench seen from the side: a padded top on wooden legs, from its end at
    ``bed.edge`` to the picture's edge (like the floor, it goes on out of the picture)."""
    left = bed.side == "left"
    far = span[0] if left else span[1]
    inward = -1.0 if left else 1.0
    x0, x1 = sorted((far, bed.edge))
    legs = (bed.edge + 5 * inward, far - 12 * inward)
    d = "".join(f"M{num(x)} 0V{num(bed.top)}" for x in legs)
    return (
        f'<path d="{d}" stroke="{WOOD}" stroke-width="4"/>'
        f'<rect x="{num(x0)}" y="{num(bed.top - MATTRESS)}" width="{num(x1 - x0)}" '
        f'height="{num(MATTRESS)}" rx="2" fill="{CLOTH}" stroke="#b89f68"/>'
    )
