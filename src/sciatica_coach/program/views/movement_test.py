"""The guided movement test (contract: Movement test): one direction a day, in steps from the
gentlest, stopping at the first step that spreads the symptoms, then resting in the position that
eases them. Extent and leg pain are rated before and after; the engine says what it shows.

Without JavaScript the page is a list of the steps inside one ordinary form; with it, the same
page shows one step at a time with a countdown or a counter. "My symptoms are spreading" is a
real submit button either way: the server answers with the rest advice and the after questions.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from sciatica_coach import engine
from sciatica_coach.program import selectors, services
from sciatica_coach.program.check_reasons import (
    reasons_in_plain_words,
    stop_signs_in_plain_words,
)
from sciatica_coach.program.choices import EXTENT_LABEL
from sciatica_coach.program.models import MovementTestResult, Profile
from sciatica_coach.program.movement_forms import MovementTestForm
from sciatica_coach.program.movement_guide import direction_name, plan_meaning, steps_present
from sciatica_coach.program.views.assessment import checks_not_now
from sciatica_coach.web.requests import AuthedRequest


def _offer(request: AuthedRequest) -> tuple[Profile, dict[str, Any]] | HttpResponse:
    """The person's profile and what ``engine.checks`` offers them, or the page to show instead."""
    profile = selectors.profile_get(user=request.user)
    if profile is None:
        return redirect("intake")
    offer = engine.checks(profile.data)
    if offer["urgency"] != "self_care":
        return checks_not_now(request, profile, gettext("Movement test"))
    return profile, offer


@login_required
@require_GET
def movement_test(request: AuthedRequest) -> HttpResponse:
    """Choose a direction: those offered and not done today; the others say why not."""
    found = _offer(request)
    if isinstance(found, HttpResponse):
        return found
    profile, offer = found
    today = timezone.localdate()
    done_today = selectors.movement_tested_today(user=request.user, today=today)
    recent = selectors.movement_results_since(
        user=request.user, since=today - services.MOVEMENT_RESULTS_KEPT
    )
    suggested = recent[0].answer.get("try_next") if recent else None
    test = offer["movement_test"]
    directions = [
        {
            "direction": direction,
            "name": direction_name(direction),
            "steps": steps_present(test["steps"][direction]),
            "suggested": direction == suggested,
        }
        for direction in test["offered"]
    ]
    withheld = [
        {
            "name": direction_name(entry["direction"]),
            "reasons": reasons_in_plain_words(entry["reasons"]),
        }
        for entry in test["withheld"]
    ]
    return render(
        request,
        "program/movement_test.html",
        {
            "directions": directions,
            "withheld": withheld,
            "done_today": [direction_name(d) for d in dict.fromkeys(done_today)],
            "waiting": [
                direction_name(d) for d in test["offered"] if done_today and d not in done_today
            ],
            "recent": [
                {"result": result, "name": direction_name(result.direction)} for result in recent
            ],
            "preference": profile.data.get("directional_preference", "unknown"),
            "stop_signs": stop_signs_in_plain_words(offer["limits"]["stop_when"]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def movement_test_direction(request: AuthedRequest, direction: str) -> HttpResponse:
    """One direction: the before questions, the steps, the after questions, then save."""
    if direction not in MovementTestResult.Direction.values:
        raise Http404
    found = _offer(request)
    if isinstance(found, HttpResponse):
        return found
    _, offer = found
    if direction not in offer["movement_test"]["offered"]:
        messages.warning(
            request,
            gettext("%(direction)s is not offered to you now: see why below.")
            % {"direction": direction_name(direction).capitalize()},
        )
        return redirect("movement_test")
    if selectors.movement_tested_today(user=request.user, today=timezone.localdate()):
        messages.info(
            request,
            gettext(
                "You have done the movement test today. The next direction waits until tomorrow."
            ),
        )
        return redirect("movement_test")
    steps = steps_present(offer["movement_test"]["steps"][direction])
    if request.method == "POST" and "stop" in request.POST:
        form = _stopped_form(request, steps)
    elif request.method == "POST":
        form = MovementTestForm(request.POST, steps=len(steps))
        if form.is_valid():
            try:
                saved = services.movement_test_save(
                    user=request.user, result=form.to_result(direction)
                )
            except engine.RefusedInput as refused:
                form.add_engine_error(refused.field, refused.reason)
            else:
                return redirect("movement_test_result", result_id=saved.pk)
    else:
        form = MovementTestForm(steps=len(steps))
    stopped = form.stopped_at
    return render(
        request,
        "program/movement_test_steps.html",
        {
            "form": form,
            "direction": direction,
            "name": direction_name(direction),
            "steps": steps,
            "stopped_step": steps[stopped - 1] if stopped else None,
            "guided": not form.is_bound,
            "stop_signs": stop_signs_in_plain_words(offer["limits"]["stop_when"]),
        },
        status=400 if form.errors else 200,
    )


def _stopped_form(request: AuthedRequest, steps: list[dict[str, Any]]) -> MovementTestForm:
    """The symptoms spread at a step: the test ends there. The before answers are kept and the
    after questions asked, with nothing marked wrong yet."""
    stop = request.POST["stop"]
    if not stop.isdigit() or not 1 <= int(stop) <= len(steps):
        raise BadRequest("no such step")
    kept = {name: request.POST[name] for name in MovementTestForm.BEFORE if request.POST.get(name)}
    return MovementTestForm(initial=kept, steps=len(steps), stopped_at=int(stop))


@login_required
@require_GET
def movement_test_result(request: AuthedRequest, result_id: int) -> HttpResponse:
    result = selectors.movement_result_get(user=request.user, result_id=result_id)
    answer = result.answer
    return render(
        request,
        "program/movement_test_result.html",
        {
            "result": result,
            "name": direction_name(result.direction),
            "extent_before": EXTENT_LABEL.get(result.extent_before, result.extent_before),
            "extent_after": EXTENT_LABEL.get(result.extent_after, result.extent_after),
            "reasons": [reason["text"] for reason in answer.get("reasons", [])],
            "meaning": plan_meaning(
                answer,
                tested=result.direction,
                tested_today=result.date == timezone.localdate(),
            ),
        },
    )
