"""The guided session: a check before, one exercise at a time, a check after."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sciatica_coach.coach.csp import allows_the_pose_model
from sciatica_coach.engine import advice
from sciatica_coach.program import selectors, services
from sciatica_coach.program.choices import EXTENT_LABEL, SLOTS
from sciatica_coach.program.forms import SessionCheckForm
from sciatica_coach.program.models import Plan, SessionLog
from sciatica_coach.program.presenters import plan_session, session_present
from sciatica_coach.program.progress_form import SessionProgressForm
from sciatica_coach.program.views.today import no_program
from sciatica_coach.web.limits import STEP_MAX
from sciatica_coach.web.requests import AuthedRequest


def _asks_pregnancy_signs(user: Any) -> bool:
    """Triage rule 7, as the engine answered it for this person's profile."""
    profile = selectors.profile_get(user=user)
    # Without a stored answer, ask: a question too many is safer than one missed.
    return profile is None or bool(profile.triage.get("pregnancy_warning_signs_asked", True))


def _session_of(plan: Plan, slot: str) -> dict[str, Any]:
    session = plan_session(plan.answer, slot)
    if session is None:
        raise Http404
    return session


@login_required
@require_http_methods(["GET", "POST"])
def session_start(request: AuthedRequest, slot: str) -> HttpResponse:
    plan = selectors.plan_current(user=request.user)
    if plan is None or not plan.is_program:
        return redirect("today")
    _session_of(plan, slot)
    form = SessionCheckForm(
        request.POST or None, pregnant_or_postpartum=_asks_pregnancy_signs(request.user)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        log = services.session_start(
            user=request.user,
            slot=slot,
            pain_leg=data["pain_leg"],
            pain_back=data["pain_back"],
            extent=data["extent"],
            red_flags=data["red_flags"],
            plan=plan,
        )
        if log.new_red_flags:
            return redirect("today")  # the plan is gone; Today shows what to do instead
        return redirect("session_play", log_id=log.pk)
    return render(
        request,
        "program/session_check.html",
        {"form": form, "stage": "before", "slot_label": SLOTS.get(slot, slot)},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
@allows_the_pose_model  # the camera coach may run here
def session_play(request: AuthedRequest, log_id: int) -> HttpResponse:
    log = selectors.session_log_get(user=request.user, log_id=log_id)
    if log.ending:
        return redirect("session_done", log_id=log.pk)
    session = session_present(_session_of(log.plan, log.slot), done=log.exercises_done)
    return render(
        request,
        "program/session_play.html",
        {
            "log": log,
            "session": session,
            # Past the last exercise means the player opens on "Finish the session".
            "step": min(log.step, len(session["items"])),
            "progress_url": reverse("session_progress", args=[log.pk]),
        },
    )


@login_required
@require_POST
def session_progress(request: AuthedRequest, log_id: int) -> HttpResponse:
    form = SessionProgressForm(request.POST)
    if not form.is_valid():
        field, reason = form.first_error()
        return JsonResponse({"error": {"field": field, "reason": reason}}, status=400)
    services.session_progress(
        user=request.user,
        log_id=log_id,
        step=form.cleaned_data["step"],
        exercises_done=request.POST.getlist("done")[:STEP_MAX],
    )
    return HttpResponse(status=204)


@login_required
@require_http_methods(["GET", "POST"])
def session_finish(request: AuthedRequest, log_id: int) -> HttpResponse:
    log = selectors.session_log_get(user=request.user, log_id=log_id)
    if log.ending:
        return redirect("session_done", log_id=log.pk)
    spreading = request.GET.get("spreading") == "1" or request.POST.get("spreading") == "True"
    form = SessionCheckForm(
        request.POST or None,
        initial={"spreading": spreading},
        pregnant_or_postpartum=_asks_pregnancy_signs(request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.session_log(
            user=request.user,
            log_id=log.pk,
            pain_leg=data["pain_leg"],
            pain_back=data["pain_back"],
            extent=data["extent"],
            red_flags=data["red_flags"],
            spreading=data["spreading"],
        )
        return redirect("session_done", log_id=log.pk)
    return render(
        request,
        "program/session_check.html",
        {
            "form": form,
            "stage": "after",
            "spreading": spreading,
            "slot_label": SLOTS.get(log.slot, log.slot),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def session_done(request: AuthedRequest, log_id: int) -> HttpResponse:
    log = selectors.session_log_get(user=request.user, log_id=log_id)
    if not log.ending:
        return redirect("session_play", log_id=log.pk)
    if log.ending == SessionLog.Ending.RED_FLAG:
        plan = selectors.plan_current(user=request.user)
        if plan is not None and not plan.is_program:
            return no_program(request, plan)
    return render(
        request,
        "program/session_done.html",
        {
            "log": log,
            "spreading": log.ending == SessionLog.Ending.SPREADING,
            "stop_if_spreading": advice.STOP_IF_SPREADING,
            "safety_net": advice.SAFETY_NET,
            "extent_before": EXTENT_LABEL.get(log.extent_before, ""),
            "extent_after": EXTENT_LABEL.get(log.extent_after, ""),
            "slot_label": SLOTS.get(log.slot, log.slot),
        },
    )
