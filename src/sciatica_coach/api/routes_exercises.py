"""The exercise catalog, with each exercise's moving picture."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Status

from sciatica_coach.api.errors import ErrorOut
from sciatica_coach.api.schemas import ExerciseOut
from sciatica_coach.program.exercises import catalog_by_id, exercise_get

router = Router(tags=["exercises"])


def _out(request: HttpRequest, entry: dict[str, Any]) -> dict[str, Any]:
    picture = reverse("exercise_picture", args=[entry["id"], "animated"])
    return {**entry, "picture_url": request.build_absolute_uri(picture)}


@router.get("/exercises", auth=None, response={200: list[ExerciseOut]})
def exercises_list(request: HttpRequest) -> Any:
    """Every catalog entry, the self-check positions (``check_only``) included."""
    return [_out(request, entry) for entry in catalog_by_id().values()]


@router.get("/exercises/{exercise_id}", auth=None, response={200: ExerciseOut, 404: ErrorOut})
def exercise_detail(request: HttpRequest, exercise_id: str) -> Any:
    entry = exercise_get(exercise_id)
    if entry is None:
        return Status(
            404, {"error": {"field": "exercise_id", "reason": f"no exercise {exercise_id!r}"}}
        )
    return _out(request, entry)
