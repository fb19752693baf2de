"""An exercise as SVG: animated (CSS keyframes), a still of the held position, or a print strip.

The skeleton is a tree of nested ``<g>`` groups, one per segment, each turned by its angle
against its parent, so animating one ``rotate()`` per joint keeps every limb attached. Browsers
that honour ``prefers-reduced-motion: reduce`` get no animation: the groups' own ``transform``
attributes already show the held position, which is also what CSS-blind renderers draw.
"""

import hashlib
from collections.abc import Iterable
from typing import Final, Literal
from xml.sax.saxutils import escape

from sciatica_coach.illustration.figure import (
    BY_NAME,
    HALF_WIDTH,
    HEAD_RADIUS,
    SEGMENTS,
    Pose,
    forward_kinematics,
)
from sciatica_coach.illustration.keyframes import Illustration, PropSpec
from sciatica_coach.illustration.props import Placed, band_transform, bed_svg, num, place
from sciatica_coach.illustration.timeline import Timeline, build_timeline

Mode = Literal["animated", "still", "strip"]
MODES: Final[tuple[Mode, ...]] = ("animated", "still", "strip")

TRUNK: Final = "#3b6d91"
MOVING: Final = "#0e2233"  # a limb that moves on one side only: darkest
NEAR: Final = "#24496a"  # limbs on the near side: a shade darker than the trunk they cross
FAR: Final = "#a9bfd3"  # the far side, behind the body
FLOOR: Final = "#d9d2c3"
PAD: Final = 6.0
PX_PER_CM: Final = 1.4
STRIP_GAP: Final = 24.0
STILL_EPSILON: Final = 0.05  # degrees or cm; smaller changes are not animated

# Drawing order inside each group: the far arm behind the trunk, the near arm in front of it.
CHILDREN: Final[dict[str | None, tuple[str, ...]]] = {
    None: ("thigh_far", "lower_trunk", "thigh_near"),
    "lower_trunk": ("upper_trunk",),
    "upper_trunk": ("upper_arm_far", "", "head", "upper_arm_near"),  # "" is the trunk itself
    "upper_arm_far": ("forearm_far",),
    "upper_arm_near": ("forearm_near",),
    "thigh_far": ("shin_far",),
    "shin_far": ("foot_far",),
    "thigh_near": ("shin_near",),
    "shin_near": ("foot_near",),
}


def css_prefix(exercise_id: str) -> str:
    """A short class prefix, unique per exercise, so many SVGs can share one HTML page."""
    return "i" + hashlib.sha256(exercise_id.encode()).hexdigest()[:5]


LIMB_ROOTS: Final = {
    "upper_arm_near": "arm_near",
    "upper_arm_far": "arm_far",
    "thigh_near": "leg_near",
    "thigh_far": "leg_far",
}


def _colour(name: str, moves: tuple[str, ...]) -> str | None:
    limb = LIMB_ROOTS.get(name)
    if limb is None:
        return TRUNK if name == "lower_trunk" else None
    if limb in moves:
        return MOVING
    return FAR if limb.endswith("far") else NEAR


def _skeleton(
    pose: Pose, moves: tuple[str, ...], animated: set[str], prefix: str, parent: str | None = None
) -> str:
    """The nested groups below ``parent`` (the root when None), posed as ``pose``."""
    relative = pose.relative()
    parts = []
    for name in CHILDREN[parent]:
        if name == "":
            parts.append(_segment_path("upper_trunk"))
            continue
        segment = BY_NAME[name]
        if name == "head":
            inner = (
                f'<path d="M0 0H{num(segment.length)}" stroke-width="{num(segment.width)}"/>'
                f'<circle cx="{num(segment.length)}" r="{num(HEAD_RADIUS)}" fill="{TRUNK}" '
                'stroke="none"/>'
            )
        else:
            inner = "" if name == "upper_trunk" else _segment_path(name)
            if name in CHILDREN:
                inner += _skeleton(pose, moves, animated, prefix, name)
        attrs = f' transform="rotate({num(relative[name])})"'
        if name in animated:
            attrs += f' class="{prefix} {prefix}{SEGMENTS.index(segment)}"'
        colour = _colour(name, moves)
        if colour:
            attrs += f' stroke="{colour}"'
        group = f"<g{attrs}>{inner}</g>"
        if parent is not None:
            group = f'<g transform="translate({num(BY_NAME[parent].length)})">{group}</g>'
        parts.append(group)
    return "".join(parts)


def _segment_path(name: str) -> str:
    segment = BY_NAME[name]
    return f'<path d="M0 0H{num(segment.length)}" stroke-width="{num(segment.width)}"/>'


Box = tuple[float, float, float, float]


def _union(boxes: Iterable[Box]) -> Box:
    x0, y0, x1, y1 = zip(*boxes, strict=True)
    return (min(x0), min(y0), max(x1), max(y1))


def _body_box(pose: Pose) -> Box:
    return _union(
        (x - HALF_WIDTH[n], y - HALF_WIDTH[n], x + HALF_WIDTH[n], y + HALF_WIDTH[n])
        for n, (x, y) in forward_kinematics(pose).items()
    )


def _placements(
    illustration: Illustration, timeline: Timeline
) -> list[tuple[PropSpec, list[tuple[float, Placed]]]]:
    """Each prop's placement over time: once (as in its ``frame``) unless it follows the body."""
    result = []
    for prop in illustration.props:
        if prop.follow or prop.kind == "band":
            result.append((prop, [(t, place(prop, pose)) for t, pose in timeline.roots]))
        else:
            result.append((prop, [(0.0, place(prop, illustration.frames[prop.frame].pose))]))
    return result


def _keyframes_css(name: str, knots: list[tuple[float, str]], total: float) -> str:
    """``@keyframes`` with equal neighbours merged: ``0%,8%{...}``."""
    rules: list[tuple[list[str], str]] = []
    for t, value in knots:
        percent = f"{num(t / total * 100)}%" if 0 < t < total else ("0%" if t == 0 else "100%")
        if rules and rules[-1][1] == value:
            rules[-1][0].append(percent)
        else:
            rules.append(([percent], value))
    body = "".join(f"{','.join(p)}{{transform:{v}}}" for p, v in rules)
    return f"@keyframes {name}{{{body}}}"


def _varies(values: Iterable[float]) -> bool:
    values = list(values)
    return max(values) - min(values) > STILL_EPSILON


def render(illustration: Illustration, mode: Mode) -> str:
    timeline = build_timeline(illustration)
    exercise = illustration.exercise
    prefix = css_prefix(exercise.id)
    placements = _placements(illustration, timeline)
    box = _union(
        [_body_box(pose) for _, pose in timeline.roots]
        + [p.bounds for _, placed in placements for _, p in placed]
    )
    x0, y0, x1, y1 = box[0] - PAD, min(box[1], -4.0) - PAD / 2, box[2] + PAD, box[3] + PAD
    width, height = x1 - x0, y1 - y0
    key = illustration.frames[illustration.key].pose
    style = ""
    if mode == "animated":
        animated, style = _animation(illustration, timeline, placements, prefix)
        body = _scene(illustration, key, placements, animated, prefix, (x0, x1))
    elif mode == "still":
        body = _scene(illustration, key, placements, set(), prefix, (x0, x1))
    else:
        start = illustration.frames[0].pose
        offset = width + STRIP_GAP
        mid = x1 + STRIP_GAP / 2
        arrow = (
            f'<path d="M{num(mid - 7)} {num(height / 2 + y0)}h14m-5-5 5 5-5 5" fill="none" '
            f'stroke="{TRUNK}" stroke-width="2"/>'
        )
        first = _scene(illustration, start, placements, set(), prefix, (x0, x1))
        second = _scene(illustration, key, placements, set(), prefix, (x0, x1))
        body = f'{first}{arrow}<g transform="translate({num(offset)})">{second}</g>'
        width = 2 * width + STRIP_GAP
    ids = f"{prefix}{mode[0]}"
    sides = " Shown on one side; then repeat on the other." if exercise.dose.per_side else ""
    desc = " ".join(exercise.instructions) + sides
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{num(x0)} {num(-y1)} {num(width)} '
        f'{num(height)}" width="{round(width * PX_PER_CM)}" height="{round(height * PX_PER_CM)}" '
        f'role="img" aria-labelledby="{ids}t {ids}d">'
        f'<title id="{ids}t">{escape(exercise.name)}</title>'
        f'<desc id="{ids}d">{escape(desc)}</desc>{style}'
        f'<g transform="scale(1 -1)" stroke-linecap="round">{body}</g></svg>'
    )


def _scene(
    illustration: Illustration,
    pose: Pose,
    placements: list[tuple[PropSpec, list[tuple[float, Placed]]]],
    animated: set[str],
    prefix: str,
    span: tuple[float, float],
) -> str:
    width = num(span[1] - span[0])
    floor = f'<rect x="{num(span[0])}" y="-4" width="{width}" height="4" fill="{FLOOR}"/>'
    if illustration.bed is not None:
        floor += bed_svg(illustration.bed, span)
    behind: list[str] = []
    front: list[str] = []
    for index, (prop, placed) in enumerate(placements):
        if prop.kind == "band":
            (x, y), angle, length = band_transform(pose, prop)
            shape = placed[0][1].svg
            transform = f"translate({num(x)} {num(y)}) rotate({num(angle)}) scale({length:.2f} 1)"
        else:
            here = place(prop, pose) if len(placed) > 1 else placed[0][1]
            shape = here.svg
            transform = f"translate({num(here.origin[0])} {num(here.origin[1])})"
        css = f' class="{prefix} {prefix}q{index}"' if f"q{index}" in animated else ""
        group = f'<g transform="{transform}"{css}>{shape}</g>'
        (front if prop.kind == "band" or prop.layer == "front" else behind).append(group)
    root_css = f' class="{prefix} {prefix}r"' if "root" in animated else ""
    figure = (
        f'<g transform="translate({num(pose.root[0])} {num(pose.root[1])})"{root_css} '
        f'fill="none">{_skeleton(pose, illustration.moves, animated, prefix)}</g>'
    )
    return floor + "".join(behind) + figure + "".join(front)


def _animation(
    illustration: Illustration,
    timeline: Timeline,
    placements: list[tuple[PropSpec, list[tuple[float, Placed]]]],
    prefix: str,
) -> tuple[set[str], str]:
    total = timeline.total_s
    animated: set[str] = set()
    rules: list[str] = []

    def add(label: str, knots: list[tuple[float, str]]) -> None:
        animated.add(label)
        rules.append(f".{prefix}{label}{{animation-name:{prefix}{label}}}")
        rules.append(_keyframes_css(f"{prefix}{label}", knots, total))

    for index, segment in enumerate(SEGMENTS):
        values = [(t, rel[segment.name]) for t, rel in timeline.joints]
        if _varies(v for _, v in values):
            add(str(index), [(t, f"rotate({num(v)}deg)") for t, v in values])
            animated.add(segment.name)
    roots = [(t, pose.root) for t, pose in timeline.roots]
    if _varies(x for _, (x, _) in roots) or _varies(y for _, (_, y) in roots):
        add("r", [(t, _translate(x, y)) for t, (x, y) in roots])
        animated.add("root")
    for index, (prop, placed) in enumerate(placements):
        if len(placed) < 2:
            continue
        if prop.kind == "band":
            knots = []
            for t, pose in timeline.roots:
                (x, y), angle, length = band_transform(pose, prop)
                knots.append(
                    (t, f"{_translate(x, y)} rotate({num(angle)}deg) scale({length:.2f},1)")
                )
            add(f"q{index}", knots)
        elif _varies(p.origin[0] for _, p in placed) or _varies(p.origin[1] for _, p in placed):
            add(f"q{index}", [(t, _translate(*p.origin)) for t, p in placed])
    if not rules:
        return animated, ""
    style = (
        f"<style>.{prefix}{{animation:{num(total)}s linear infinite}}{''.join(rules)}"
        f"@media (prefers-reduced-motion:reduce){{.{prefix}{{animation:none!important}}}}</style>"
    )
    return animated, style


def _translate(x: float, y: float) -> str:
    return f"translate({num(x)}px,{num(y)}px)"
