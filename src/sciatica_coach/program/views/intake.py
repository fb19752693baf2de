"""Intake and profile edits: where it hurts, warning signs, cause, pain and equipment."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from sciatica_coach import engine
from sciatica_coach.program import selectors, services
from sciatica_coach.program.forms import IntakeForm
from sciatica_coach.program.models import Plan
from sciatica_coach.web.requests import AuthedRequest


@login_required
@require_http_methods(["GET", "POST"])
def intake(request: AuthedRequest) -> HttpResponse:
    profile = selectors.profile_get(user=request.user)
    previous = profile.data if profile else None
    if request.method == "POST":
        form = IntakeForm(request.POST)
        if form.is_valid():
            try:
                services.profile_update(
                    user=request.user,
                    data=form.to_profile(previous),
                    source=Plan.Source.PROFILE if profile else Plan.Source.INTAKE,
                )
            except engine.RefusedInput as refused:
                form.add_engine_error(refused.field, refused.reason)
            else:
                return redirect("today")
    elif previous is not None:
        form = IntakeForm(initial=IntakeForm.initial_from(previous))
    else:
        form = IntakeForm()
    return render(
        request,
        "program/intake.html",
        {"form": form, "editing": profile is not None},
        status=400 if form.errors else 200,
    )
