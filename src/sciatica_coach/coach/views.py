"""The camera coach's table for the browser, and the team's check page."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from sciatica_coach.coach import texts
from sciatica_coach.coach.csp import allows_the_pose_model
from sciatica_coach.coach.table import table_json
from sciatica_coach.web.requests import AuthedRequest


@require_GET
def coach_table(request: HttpRequest) -> JsonResponse:
    """The exercises the coach follows and its words, in the person's language. Fetched only
    when the coach is turned on; nothing in it is personal."""
    return JsonResponse(
        {
            "exercises": table_json(),
            "cues": {cue: str(text) for cue, text in texts.CUES.items()},
            "setup": {view: str(text) for view, text in texts.SETUP.items()},
            "states": {state: str(text) for state, text in texts.STATES.items()},
        }
    )


@login_required
@require_GET
@allows_the_pose_model
def coach_check(request: AuthedRequest) -> HttpResponse:
    """For the team: run the pose model on a still image on this device and see what it finds."""
    if not request.user.is_staff:
        raise PermissionDenied
    return render(request, "coach/check.html")
