"""The weekly review: the engine looks back over the week and makes the next plan."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from sciatica_coach import engine
from sciatica_coach.program import selectors, services
from sciatica_coach.program.exercises import exercise_get
from sciatica_coach.program.forms import ReviewForm
from sciatica_coach.program.models import Plan, Profile
from sciatica_coach.web.requests import AuthedRequest

DIRECTION_WORDS = {"extension": _("bending backwards"), "flexion": _("bending forward")}
DECISION_LABEL = {
    "progress": _("Well done: your plan moves on a step"),
    "continue": _("Keep going with the same plan"),
    "regress": _("Your plan eases back a step"),
    "stop_and_seek_care": _("Stop the exercises and get checked"),
}


@login_required
@require_http_methods(["GET", "POST"])
def review(request: AuthedRequest) -> HttpResponse:
    profile = selectors.profile_get(user=request.user)
    plan = selectors.plan_current(user=request.user)
    if profile is None or plan is None:
        return redirect("intake")
    today = timezone.localdate()
    due = selectors.review_due(profile=profile, today=today)
    if request.method == "POST":
        # A review judges a week: one asked for after a day or two would move the plan on from
        # natural ups and downs (the review of a session that spread runs by itself, at once).
        if not plan.is_program:
            return redirect("today")
        if not due:
            return redirect("review")
        form = ReviewForm(request.POST)
        if form.is_valid():
            try:
                done = services.review_week(
                    user=request.user,
                    walking_tolerance_min=form.cleaned_data["walking_tolerance_min"],
                )
            except (services.NoProfile, services.NoProgram):
                return redirect("today")
            except engine.RefusedInput as refused:
                named = "walking_tolerance_min" in refused.field
                form.add_error("walking_tolerance_min" if named else None, refused.reason)
            else:
                return redirect("review_detail", review_id=done.pk)
        return _review_page(request, profile, plan, due, form, status=400)
    initial = {"walking_tolerance_min": profile.data.get("walking_tolerance_min")}
    return _review_page(request, profile, plan, due, ReviewForm(initial=initial))


def _review_page(
    request: AuthedRequest,
    profile: Profile,
    plan: Plan,
    due: bool,
    form: ReviewForm,
    status: int = 200,
) -> HttpResponse:
    latest = selectors.review_latest(user=request.user)
    return render(
        request,
        "program/review.html",
        {
            "form": form,
            "latest": latest,
            "decision_label": DECISION_LABEL.get(latest.answer["decision"]) if latest else None,
            "due": due,
            "next_on": selectors.review_next_on(profile=profile),
            "can_review": plan.is_program,
            "history": selectors.plan_history(user=request.user),
            "started_on": profile.started_on,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET"])
def review_detail(request: AuthedRequest, review_id: int) -> HttpResponse:
    found = selectors.review_get(user=request.user, review_id=review_id)
    answer = found.answer
    removed = [
        (exercise_get(e) or {}).get("name", e) for e in answer.get("avoid_exercises_added", [])
    ]
    pain = []
    for side, label in (("leg", _("Leg pain")), ("back", _("Back pain"))):
        now, change = answer["window_pain"].get(side), answer["pain_change"].get(side)
        if now is not None and change is not None:
            pain.append({"label": label, "now": now, "start": round(now - change, 1)})
    return render(
        request,
        "program/review_detail.html",
        {
            "review": found,
            "answer": answer,
            "decision_label": DECISION_LABEL.get(answer["decision"], answer["decision"]),
            "adherence_percent": round(answer["adherence"] * 100),
            "removed": removed,
            "pain": pain,
            "directions": [DIRECTION_WORDS[d] for d in answer.get("avoid_directions_added", [])],
            "window_start": dt.date.fromisoformat(answer["window_start"]),
            "window_end": dt.date.fromisoformat(answer["window_end"]),
        },
    )
