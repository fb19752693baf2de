"""The printed plan as HTML, ready for WeasyPrint: drawn by the worker, so it needs no request."""

import datetime as dt
from typing import Any

from django.template.loader import render_to_string

from sciatica_coach.illustration import illustrate
from sciatica_coach.program.choices import PHASES
from sciatica_coach.program.presenters import SessionView, plan_present


def with_strips(sessions: list[SessionView]) -> list[dict[str, Any]]:
    """Sessions as every client shows them (the presenter's), each item with its picture strip,
    for paper: the plan PDF and the clinic's consultation report. Inline SVG is safe here: the
    PDF is drawn by WeasyPrint, not a browser."""
    return [
        {
            **session,
            "items": [
                {**item, "strip": illustrate(item["exercise"], mode="strip")}
                for item in session["items"]
            ],
        }
        for session in sessions
    ]


def plan_html(*, created_on: dt.date, answer: dict[str, Any], day: dt.date) -> str:
    return render_to_string(
        "reports/plan.html",
        {
            "created_on": created_on,
            "answer": answer,
            "sessions": with_strips(plan_present(answer)),
            "phase_label": PHASES.get(answer["phase"], answer["phase"]),
            "walk": answer.get("daily_activity"),
            "today": day,
        },
    )
