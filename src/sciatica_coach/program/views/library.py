"""The exercise library: every exercise in the catalog, filterable by kind and position."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from sciatica_coach.program import choices
from sciatica_coach.program.exercises import exercise_filter, exercise_get
from sciatica_coach.program.presenters import dose_text


@login_required
@require_GET
def exercise_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    position = request.GET.get("position", "")
    kinds = dict(choices.KINDS)
    positions = dict(choices.POSITIONS)
    if kind not in kinds:
        kind = ""
    if position not in positions:
        position = ""
    return render(
        request,
        "program/exercise_list.html",
        {
            "exercises": exercise_filter(kind=kind, position=position),
            "kinds": choices.KINDS,
            "positions": choices.POSITIONS,
            "kind": kind,
            "position": position,
            "kind_label": kinds,
            "position_label": positions,
        },
    )


@login_required
@require_GET
def exercise_detail(request: HttpRequest, exercise_id: str) -> HttpResponse:
    exercise = exercise_get(exercise_id)
    if exercise is None:
        raise Http404
    return render(
        request,
        "program/exercise_detail.html",
        {
            "exercise": exercise,
            "dose": dose_text(exercise["dose"], per_side=exercise["dose"]["per_side"]),
            "kind_label": dict(choices.KINDS).get(exercise["kind"], exercise["kind"]),
            "position_label": dict(choices.POSITIONS).get(
                exercise["position"], exercise["position"]
            ),
            "easier": exercise_get(exercise["easier"]) if exercise.get("easier") else None,
            "harder": exercise_get(exercise["harder"]) if exercise.get("harder") else None,
        },
    )
