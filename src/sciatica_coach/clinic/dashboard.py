"""The dashboard's rows: each patient with what needs attention and why, most urgent first, and
the small trends beside them. Pure: it reads summary rows (``program.summary``), never logs."""

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Final

from django.contrib.auth.models import User
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from sciatica_coach.engine.vocabulary import EXTENT_ORDER, RED_FLAGS
from sciatica_coach.program.summary import (
    QUIET_DAYS,
    WINDOW_DAYS,
    Listed,
    SummaryRow,
    SummaryView,
)

# What needs attention, most urgent first (the order of the issue, which is a clinician's).
RED_FLAG, REVIEW, LOW_ADHERENCE, QUIET = "red_flag", "review", "low_adherence", "quiet"
RANK: Final = {RED_FLAG: 0, REVIEW: 1, LOW_ADHERENCE: 2, QUIET: 3}
KINDS: Final = tuple(RANK)
# The engine's review reasons grouped as a clinician reads them (engine/review.py ids).
SPREADING: Final = frozenset(
    {
        "peripheralisation",
        "no_single_cause",
        "spread_in_most_sessions",
        "spread_without_bending",
        "trial_direction_avoided",
        "suspect_removed",
    }
)
REVIEW_WORDS: Final = {
    "pain_worse": "worse",
    "leg_pain_worse": "leg pain worse",
    "back_pain_worse": "back pain worse",
    "severe_two_weeks": "severe pain two weeks running",
    "no_improvement_six_weeks": "six weeks without improvement",
    "no_safe_plan": "no safe plan can be made",
}
# A page of patients: enough to act on, small enough for a phone (and for each page's audit).
PAGE_SIZE: Final = 25
TREND_DAYS: Final = 28


@dataclass(frozen=True)
class Attention:
    kind: str
    label: str

    @property
    def rank(self) -> int:
        return RANK[self.kind]


@dataclass(frozen=True)
class Person:
    """Who a row is about: the few fields the dashboard shows, not a model instance."""

    pk: int
    username: str


@dataclass
class Row:
    user: Person | User
    name: str
    view: SummaryView | None
    reasons: list[Attention] = field(default_factory=list)

    @property
    def rank(self) -> tuple[int, int, str]:
        first = min((r.rank for r in self.reasons), default=len(RANK))
        return (first, -len(self.reasons), self.name.lower())


def _review_label(reasons: list[dict[str, str]]) -> str:
    ids = [r["id"] for r in reasons]
    words = []
    if any(i in SPREADING for i in ids):
        words.append("symptoms spreading")
    words.extend(REVIEW_WORDS[i] for i in ids if i in REVIEW_WORDS)
    if not words:
        words = [r["text"] for r in reasons[:1]] or ["see the plan"]
    return _("The engine recommends a clinician's review: %(why)s.") % {
        "why": "; ".join(dict.fromkeys(words))
    }


def attention(view: SummaryView, *, words: bool = True) -> list[Attention]:
    """What needs attention. ``words=False`` gives the kinds alone: a list sorts a thousand rows
    by kind, and words only the fifty it shows."""
    row, found = view.row, []
    if row.red_flags:
        names = (
            ", ".join(RED_FLAGS[f].text for f in row.red_flags if f in RED_FLAGS) if words else ""
        )
        found.append(
            Attention(
                RED_FLAG, _("Warning sign reported: %(flags)s") % {"flags": names} if words else ""
            )
        )
    if view.review_open:
        found.append(Attention(REVIEW, _review_label(row.review_reasons) if words else ""))
    if view.low_adherence:
        week = view.adherence(WINDOW_DAYS) or 0.0
        label = (
            _("Adherence %(pct)d%% this week (under 50%%)") % {"pct": round(week * 100)}
            if words
            else ""
        )
        found.append(Attention(LOW_ADHERENCE, label))
    if view.quiet:
        days = view.quiet_days
        label = ""
        if words:
            label = (
                _("No session for %(days)d days") % {"days": days}
                if days is not None
                else _("No session since the program started")
            )
        found.append(Attention(QUIET, label))
    return found


def view_of(summary: SummaryRow | None, today: dt.date) -> SummaryView | None:
    """``None`` for someone who has not done the intake (a row with no urgency)."""
    return SummaryView(summary, today) if summary is not None and summary.urgency else None


def rows_for(
    people: Iterable[tuple[Person | User, str]],
    summaries: Mapping[int, SummaryRow] | Mapping[int, Listed],
    today: dt.date,
) -> list[Row]:
    """``people``: (user, name); ``summaries``: rows by user id (a person with none has not done
    the intake yet). Sorted most urgent first."""
    rows = []
    for user, name in people:
        summary = summaries.get(user.pk)
        view = view_of(summary, today)
        reasons = attention(view, words=False) if view else []
        rows.append(Row(user=user, name=name, view=view, reasons=reasons))
    return sorted(rows, key=lambda r: r.rank)


def filtered(
    rows: list[Row], *, kind: str = "", phase: str = "", preference: str = "", query: str = ""
) -> list[Row]:
    query = query.strip().lower()

    def keep(row: Row) -> bool:
        if kind == "none" and row.reasons:
            return False
        if kind in RANK and kind not in {r.kind for r in row.reasons}:
            return False
        summary = row.view.row if row.view else None
        if phase and (summary is None or summary.phase != phase):
            return False
        if preference and (summary is None or summary.preference != preference):
            return False
        return not query or query in row.name.lower() or query in row.user.username.lower()

    return [row for row in rows if keep(row)]


def sparkline(
    values: Sequence[float | None], *, low: float, high: float, label: str, invert: bool = False
) -> SafeString:
    """A small inline SVG line of daily values (gaps where there is none), with its label as
    the accessible name. ``invert``: the top is ``low`` (symptoms higher up the leg is better)."""
    width, height, pad = 112, 28, 2
    span = max(1, len(values) - 1)
    points: list[list[str]] = [[]]
    for index, value in enumerate(values):
        if value is None:
            if points[-1]:
                points.append([])
            continue
        share = (value - low) / (high - low) if high > low else 0.5
        y = pad + (height - 2 * pad) * (share if invert else 1 - share)
        x = pad + (width - 2 * pad) * index / span
        points[-1].append(f"{x:.1f},{y:.1f}")
    lines = "".join(
        f'<polyline points="{" ".join(p)}" fill="none" stroke="#0072b2" stroke-width="2"/>'
        if len(p) > 1
        else f'<circle cx="{p[0].split(",")[0]}" cy="{p[0].split(",")[1]}" r="2" fill="#0072b2"/>'
        for p in points
        if p
    )
    # Built here from numbers and an escaped label, never from raw input.
    return mark_safe(  # noqa: S308
        f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape(label)}"><rect x="0" y="0" width="{width}" '
        f'height="{height}" fill="#f4f6f8"/>{lines}</svg>'
    )


def adherence_words(view: SummaryView) -> str:
    def pct(value: float | None) -> str:
        return "—" if value is None else f"{round(value * 100)}%"

    return f"{pct(view.adherence(WINDOW_DAYS))} / {pct(view.adherence(TREND_DAYS))}"


def pain_sparkline(view: SummaryView) -> SafeString:
    values = view.pain_trend()
    known = [v for v in values if v is not None]
    words = (
        _("Leg pain over four weeks: from %(first)g to %(last)g")
        % {"first": known[0], "last": known[-1]}
        if known
        else _("No pain scores in four weeks")
    )
    return sparkline(values, low=0, high=10, label=words)


def extent_sparkline(view: SummaryView) -> SafeString:
    values = view.extent_trend()
    known = [int(v) for v in values if v is not None]
    words = (
        _("How far down the leg over four weeks: from %(first)s to %(last)s")
        % {
            "first": EXTENT_ORDER[known[0]].replace("_", " "),
            "last": EXTENT_ORDER[known[-1]].replace("_", " "),
        }
        if known
        else _("No symptom extent in four weeks")
    )
    return sparkline(values, low=0, high=len(EXTENT_ORDER) - 1, label=words, invert=True)


__all__ = ["KINDS", "PAGE_SIZE", "QUIET_DAYS", "TREND_DAYS", "Row", "filtered", "rows_for"]
