"""Today: the day's sessions, or the screen that says why there is no program now."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from sciatica_coach.engine.vocabulary import PHASE_TEXT, URGENCY_TEXT
from sciatica_coach.program import selectors
from sciatica_coach.program.choices import PHASES, SLOTS
from sciatica_coach.program.exercises import exercise_get
from sciatica_coach.program.models import Plan
from sciatica_coach.program.presenters import dose_text
from sciatica_coach.web.requests import AuthedRequest

# Urgencies at which everything stops (a clear red screen) rather than "see a doctor first".
STOP_URGENCIES = ("emergency", "urgent")


def no_program(request: AuthedRequest, plan: Plan) -> HttpResponse:
    answer = plan.answer
    urgency = answer["urgency"]
    return render(
        request,
        "program/stop.html" if urgency in STOP_URGENCIES else "program/doctor_first.html",
        {
            "answer": answer,
            "urgency": urgency,
            "urgency_text": URGENCY_TEXT[urgency],
        },
    )


@login_required
@require_GET
def today(request: AuthedRequest) -> HttpResponse:
    profile = selectors.profile_with_plan(user=request.user)
    if profile is None:
        return redirect("intake")
    plan = profile.plan
    if plan is None:
        return redirect("intake")
    if not plan.is_program:
        return no_program(request, plan)
    date = timezone.localdate()
    logs = selectors.session_logs_on(user=request.user, date=date)
    review_due = selectors.review_due(profile=profile, today=date)
    has_assessment = bool(profile.data.get("assessment"))
    # Everything the page shows is in this key, so the rendered page can be cached: the plan
    # never changes once made, and the day's state is the logs' ids and endings.
    state = "|".join(
        [date.isoformat(), str(review_due), str(has_assessment)]
        + [f"{slot}:{log['id']}:{log['ending']}" for slot, log in sorted(logs.items())]
    )

    def sessions() -> list[dict[str, Any]]:
        shown = []
        for session in plan.answer["sessions"]:
            log = logs.get(session["slot"])
            shown.append(
                {
                    **session,
                    "items": [{**item, "dose": dose_text(item)} for item in session["items"]],
                    "label": SLOTS.get(session["slot"], session["slot"]),
                    "minutes": max(1, round(session["seconds"] / 60)),
                    "log": log,
                    "finished": log is not None and bool(log["ending"]),
                }
            )
        return shown

    def excluded() -> list[dict[str, Any]]:
        return [
            {**item, "name": (exercise_get(item["exercise"]) or {}).get("name", item["exercise"])}
            for item in plan.answer.get("excluded", [])
        ]

    # Callables: the template calls them only when the cached page is missing.
    return render(
        request,
        "program/today.html",
        {
            "plan": plan,
            "state": state,
            "answer": plan.answer,
            "sessions": sessions,
            "excluded": excluded,
            "phase_label": PHASES.get(plan.answer["phase"], plan.answer["phase"]),
            "phase_text": PHASE_TEXT.get(plan.answer["phase"], ""),
            "review_due": review_due,
            "has_assessment": has_assessment,
            "profile_data": profile.data,
        },
    )
