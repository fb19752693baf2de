"""The progress page's content: each chart with its plain-words summary, built from stored logs."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sciatica_coach.engine.review import WINDOW_DAYS
from sciatica_coach.engine.scores import MIC
from sciatica_coach.engine.vocabulary import EXTENT_ORDER, Extent
from sciatica_coach.progress import summaries
from sciatica_coach.progress.charts import Point, Series, calendar, line_chart
from sciatica_coach.progress.selectors import ProgressData

CALENDAR_DAYS = 28
AXIS_WORDS = {
    "none": _lazy("none"),
    "back": _lazy("back"),
    "buttock": _lazy("buttock"),
    "thigh": _lazy("thigh"),
    "below_knee": _lazy("below knee"),
    "foot": _lazy("foot"),
}
SCORE_RANGES = {"odi": (0, 100), "rmdq": (0, 24), "peg": (0, 10), "pgic": (1, 7)}
SCORE_NAMES = {"odi": "ODI", "rmdq": "RMDQ", "peg": "PEG", "pgic": "PGIC"}


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    svg: SafeString
    summary: str


def _points(logs: Iterable[object], day: str, value: str) -> tuple[Point, ...]:
    found = []
    for log in logs:
        number = getattr(log, value)
        if number is not None:
            found.append(Point(getattr(log, day), float(number)))
    return tuple(found)


def _chart(chart_id: str, title: str, svg: str, summary: str) -> Chart:
    # The SVG is built by our own code from numbers and escaped labels, never from raw input.
    return Chart(id=chart_id, title=title, svg=mark_safe(svg), summary=summary)  # noqa: S308


def pain_charts(data: ProgressData) -> list[Chart]:
    done = [log for log in data.logs if log.done]
    charts = []
    for side, title in (("leg", _("Leg pain")), ("back", _("Back pain"))):
        before = _points(done, "date", f"pain_before_{side}")
        after = _points(done, "date", f"pain_after_{side}")
        summary = summaries.pain_trend(title, before)
        svg = line_chart(
            [Series(_("Before a session"), before), Series(_("After"), after)],
            title=_("%(title)s, 0 to 10, before and after each session") % {"title": title},
            desc=summary,
        )
        charts.append(_chart(f"pain-{side}", title, svg, summary))
    leg_points = _points(done, "date", "pain_before_leg")
    back_points = _points(done, "date", "pain_before_back")
    leg, back = summaries.weekly_means(leg_points), summaries.weekly_means(back_points)
    summary = " ".join(
        [
            summaries.pain_trend(_("Leg pain"), leg_points),
            summaries.pain_trend(_("Back pain"), back_points),
        ]
    )
    svg = line_chart(
        [Series(_("Leg"), tuple(leg)), Series(_("Back"), tuple(back))],
        title=_("Weekly average pain before sessions"),
        desc=summary,
    )
    charts.append(_chart("pain-weekly", _("Weekly trend"), svg, summary))
    return charts


def extent_chart(data: ProgressData) -> Chart:
    # Drawn with "no symptoms" at the top, so symptoms moving up toward the back
    # (centralising, a good sign) is a line going up.
    top = len(EXTENT_ORDER) - 1

    def height(extent: str) -> float:
        return float(top - EXTENT_ORDER.index(extent))

    done = [log for log in data.logs if log.done]
    before = tuple(Point(log.date, height(log.extent_before)) for log in done if log.extent_before)
    after = tuple(Point(log.date, height(log.extent_after)) for log in done if log.extent_after)
    extents: list[tuple[dt.date, Extent]] = []
    for log in done:
        for value in (log.extent_before, log.extent_after):
            if value:
                extents.append((log.date, value))  # type: ignore[arg-type]
    summary = summaries.extent_trend(extents)
    labels = [(height(level), AXIS_WORDS[level]) for level in EXTENT_ORDER]
    svg = line_chart(
        [Series(_("Before a session"), before), Series(_("After"), after)],
        title=_("How far down the leg the symptoms reach"),
        desc=summary,
        low=0,
        high=top,
        y_labels=[(value, str(label)) for value, label in labels],
    )
    return _chart("extent", _("How far down the leg"), svg, summary)


def adherence_chart(data: ProgressData, today: dt.date) -> Chart:
    start = today - dt.timedelta(days=CALENDAR_DAYS - 1)
    if data.started_on is not None:
        start = max(start, data.started_on)
    done_slots: dict[dt.date, set[str]] = {}
    for log in data.logs:
        if log.done:
            done_slots.setdefault(log.date, set()).add(log.slot)
    marks = {
        day: tuple(slot in done_slots.get(day, set()) for slot in data.slots)
        for day in (start + dt.timedelta(days=n) for n in range((today - start).days + 1))
    }
    # The seven whole days before today, as the weekly review counts them: today's evening
    # session not being done yet by lunchtime is not a missed session. Today's done sessions are
    # told apart, so the first day's session is counted rather than "no sessions".
    week_start = max(start, today - dt.timedelta(days=WINDOW_DAYS))
    days = (today - week_start).days
    done = sum(sum(marks[week_start + dt.timedelta(days=n)]) for n in range(days))
    summary = summaries.adherence_summary(
        done=done,
        planned=data.sessions_per_day * days,
        days=days,
        done_today=sum(marks[today]),
        per_day=data.sessions_per_day,
    )
    svg = calendar(
        marks,
        start=start,
        end=today,
        slots=data.slots,
        title=_("Sessions done, day by day"),
        desc=summary,
    )
    return _chart("calendar", _("Sessions done"), svg, summary)


def score_charts(data: ProgressData) -> list[Chart]:
    charts = []
    for instrument, (low, high) in SCORE_RANGES.items():
        points = tuple(Point(r.date, r.score) for r in data.responses if r.instrument == instrument)
        if not points:
            continue
        name = SCORE_NAMES[instrument]
        mic = MIC.get(instrument)
        if mic is not None:
            summary = summaries.score_trend(name, points, mic)
            reference = (max(low, points[0].value - mic), _("Change that matters"))
        else:
            summary = _("%(name)s: latest answer %(value)s (1 is very much improved).") % {
                "name": name,
                "value": f"{points[-1].value:g}",
            }
            reference = None
        svg = line_chart(
            [Series(name, points)],
            title=_("%(name)s scores over time") % {"name": name},
            desc=summary,
            low=low,
            high=high,
            reference=reference,
        )
        charts.append(_chart(f"score-{instrument}", name, svg, summary))
    return charts


def progress_report(data: ProgressData, today: dt.date) -> list[Chart]:
    # Before the first session there is nothing to draw: the page says so once, rather than
    # showing empty charts beside sentences about nothing.
    if not data.has_sessions:
        return score_charts(data)
    return [
        *pain_charts(data),
        extent_chart(data),
        adherence_chart(data, today),
        *score_charts(data),
    ]
