"""Server-side SVG charts: small, accessible, and needing nothing from the internet.

Each chart is an ``<svg role="img">`` with a ``<title>`` and ``<desc>``; the page shows a text
summary beside it too, so nothing is said only in a picture. Sizes are in a fixed viewBox and the
SVG scales to the width of a phone.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Final

# A phone-sized viewBox: 13-unit text stays about 13 px on a 360-400 px wide screen.
WIDTH: Final = 360
HEIGHT: Final = 220
LEFT: Final = 84  # room for the longest axis label, 'below knee'
RIGHT: Final = 10
TOP: Final = 12
BOTTOM: Final = 44
# Colour-blind-safe pair (Okabe-Ito blue and vermillion), each also told apart by dash and marker.
COLOURS: Final = ("#0072b2", "#d55e00", "#009e73", "#6a3d9a")
DASHES: Final = ("", "6 4", "2 3", "10 3 2 3")
# Presentation attributes, not a <style> element: the app's strict CSP forbids inline styles.
TEXT_LOOK: Final = 'font-family="system-ui, sans-serif" font-size="13" fill="#333"'
RULE_LOOKS: Final = {"grid": 'stroke="#ddd"', "mic": 'stroke="#555" stroke-dasharray="3 3"'}


@dataclass(frozen=True, slots=True)
class Point:
    day: dt.date
    value: float


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    points: tuple[Point, ...]


def _x(day: dt.date, start: dt.date, span_days: int) -> float:
    usable = WIDTH - LEFT - RIGHT
    return LEFT + usable * ((day - start).days / span_days if span_days else 0.5)


def _y(value: float, low: float, high: float) -> float:
    usable = HEIGHT - TOP - BOTTOM
    return TOP + usable * (1 - (value - low) / (high - low))


def _open(title: str, desc: str, height: int = HEIGHT) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'class="chart" preserveAspectRatio="xMidYMid meet" {TEXT_LOOK}>',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(desc)}</desc>",
    ]


def line_chart(
    series: Sequence[Series],
    *,
    title: str,
    desc: str,
    low: float = 0,
    high: float = 10,
    y_labels: Sequence[tuple[float, str]] | None = None,
    reference: tuple[float, str] | None = None,
) -> str:
    """Lines over dates. ``y_labels`` replaces numeric ticks (the symptom-extent levels use it)."""
    days = [p.day for s in series for p in s.points]
    parts = _open(title, desc)
    if not days:
        parts.append(
            f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle">No entries yet</text>'
        )
        return "".join([*parts, "</svg>"])
    start, end = min(days), max(days)
    span = (end - start).days
    ticks = y_labels or [(v, f"{v:g}") for v in _steps(low, high)]
    for value, label in ticks:
        y = _y(value, low, high)
        parts.append(_rule("grid", y))
        parts.append(_label(LEFT - 6, y + 4, label))
    if reference is not None:
        y = _y(reference[0], low, high)
        parts.append(_rule("mic", y))
        parts.append(_label(WIDTH - RIGHT, y - 4, reference[1]))
    for day, anchor in _date_ticks(start, end):
        x = _x(day, start, span)
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="{anchor}">'
            f"{day.day} {day.strftime('%b')}</text>"
        )
    for index, one in enumerate(series):
        colour, dash = COLOURS[index % len(COLOURS)], DASHES[index % len(DASHES)]
        coords = [(_x(p.day, start, span), _y(p.value, low, high)) for p in one.points]
        if len(coords) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"'
                f"{dash_attr}/>"
            )
        parts.extend(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>' for x, y in coords
        )
        legend_x = 8 + index * 160
        parts.append(
            f'<rect x="{legend_x}" y="{HEIGHT - 14}" width="14" height="4" fill="{colour}"/>'
            f'<text x="{legend_x + 20}" y="{HEIGHT - 8}">{escape(one.label)}</text>'
        )
    return "".join([*parts, "</svg>"])


def _date_ticks(start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """First and last dates flush with the plot's edges, so neither is cut off; the middle one
    only when there is room between them."""
    if start == end:
        return [(start, "middle")]
    ticks = [(start, "start"), (end, "end")]
    if (end - start).days >= 6:
        ticks.insert(1, (start + (end - start) / 2, "middle"))
    return ticks


def _rule(kind: str, y: float) -> str:
    return f'<line {RULE_LOOKS[kind]} x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'


def _label(x: float, y: float, text: str) -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="end">{escape(text)}</text>'


def _steps(low: float, high: float) -> list[float]:
    step = 2 if high - low <= 10 else 10 if high - low <= 100 else 20
    values, value = [], low
    while value <= high:
        values.append(value)
        value += step
    return values


def calendar(
    done: dict[dt.date, tuple[bool, ...]],
    *,
    start: dt.date,
    end: dt.date,
    slots: Sequence[str] = ("morning", "evening"),
    title: str,
    desc: str,
) -> str:
    """Weeks as rows, days as columns; each day split into its sessions, filled when done."""
    first = start - dt.timedelta(days=start.weekday())
    weeks = (end - first).days // 7 + 1
    cell, gap, top = 34, 4, 24
    height = top + weeks * (cell + gap) + 8
    parts = _open(title, desc, height)
    for column, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")):
        x = LEFT + column * (cell + gap) + cell / 2
        parts.append(f'<text x="{x}" y="18" text-anchor="middle">{name}</text>')
    for week in range(weeks):
        monday = first + dt.timedelta(days=7 * week)
        parts.append(
            f'<text x="{LEFT - 8}" y="{top + week * (cell + gap) + cell / 2 + 4}" '
            f'text-anchor="end">{monday.day} {monday.strftime("%b")}</text>'
        )
        for column in range(7):
            day = monday + dt.timedelta(days=column)
            if day < start or day > end:
                continue
            marks = done.get(day, tuple(False for _ in slots))
            x, y = LEFT + column * (cell + gap), top + week * (cell + gap)
            part = cell / len(slots)
            for index, is_done in enumerate(marks):
                fill = "#009e73" if is_done else "#eeeeee"
                parts.append(
                    f'<rect x="{x}" y="{y + index * part:.1f}" width="{cell}" '
                    f'height="{part - 2:.1f}" rx="3" fill="{fill}">'
                    f"<title>{day.isoformat()} {escape(slots[index])}: "
                    f"{'done' if is_done else 'not done'}</title></rect>"
                )
    return "".join([*parts, "</svg>"])
