"""Intake and profile edits, in two steps.

Step one asks the warning signs and nothing else, and acts on an emergency or urgent answer at
once (the engine's ``screen``): a person with saddle numbness must not be asked their equipment
first. Step two asks where it hurts, the cause, the person, pain and equipment, and carries the
first step's answers along so that the profile is saved in one piece.
"""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from sciatica_coach import engine
from sciatica_coach.engine.vocabulary import URGENCY_TEXT
from sciatica_coach.program import choices, selectors, services
from sciatica_coach.program.forms import IntakeForm, SafetyForm
from sciatica_coach.program.models import Plan, Profile
from sciatica_coach.program.presenters import clearances_present
from sciatica_coach.program.views.today import STOP_URGENCIES
from sciatica_coach.web.requests import AuthedRequest

SAFETY_PREFIX = "safety"


@login_required
@require_http_methods(["GET", "POST"])
def intake(request: AuthedRequest) -> HttpResponse:
    profile = selectors.profile_get(user=request.user)
    previous = profile.data if profile else None
    if request.method == "GET" or request.POST.get("step") != "details":
        return _safety_step(request, profile)
    safety = SafetyForm(request.POST, prefix=SAFETY_PREFIX)
    if not safety.is_valid():
        return _safety_page(request, safety, profile, status=400)
    status = safety.cleaned_data["pregnancy_status"]
    form = IntakeForm(request.POST, pregnancy_status=status)
    if form.is_valid():
        try:
            services.profile_update(
                user=request.user,
                data=form.to_profile(safety.answers(), previous),
                source=Plan.Source.PROFILE if profile else Plan.Source.INTAKE,
            )
        except engine.RefusedInput as refused:
            form.add_engine_error(refused.field, refused.reason)
        else:
            return redirect("today")
    return _details_page(request, safety, form, profile, status=400)


def _safety_step(request: AuthedRequest, profile: Profile | None) -> HttpResponse:
    if request.method == "GET":
        initial = SafetyForm.initial_from(profile.data) if profile else None
        return _safety_page(request, SafetyForm(prefix=SAFETY_PREFIX, initial=initial), profile)
    safety = SafetyForm(request.POST, prefix=SAFETY_PREFIX)
    if not safety.is_valid():
        return _safety_page(request, safety, profile, status=400)
    screened = engine.screen(safety.answers())
    if screened["urgency"] in STOP_URGENCIES:
        if profile is not None:
            # Someone already on the program: the new answer stops it now, not after step two.
            data = {**profile.data, **_flag_fields(safety.answers())}
            services.profile_update(user=request.user, data=data, source=Plan.Source.PROFILE)
        return render(
            request,
            "program/stop.html",
            {
                "answer": screened,
                "urgency": screened["urgency"],
                "urgency_text": URGENCY_TEXT[screened["urgency"]],
            },
        )
    initial = IntakeForm.initial_from(profile.data) if profile else None
    form = IntakeForm(initial=initial, pregnancy_status=safety.cleaned_data["pregnancy_status"])
    return _details_page(request, safety, form, profile, screened=screened)


def _flag_fields(answers: dict[str, Any]) -> dict[str, Any]:
    return {"red_flags": answers["red_flags"], "cleared_red_flags": answers["cleared_red_flags"]}


def _safety_page(
    request: AuthedRequest, safety: SafetyForm, profile: Profile | None, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "program/intake_safety.html",
        {
            "form": safety,
            "editing": profile is not None,
            "clearances": clearances_present(profile.clearances if profile else []),
            "pregnancy_question": choices.PREGNANCY_SIGNS_QUESTION,
            "pregnancy_signs": choices.PREGNANCY_SIGNS,
        },
        status=status,
    )


def _details_page(
    request: AuthedRequest,
    safety: SafetyForm,
    form: IntakeForm,
    profile: Profile | None,
    *,
    screened: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "program/intake.html",
        {
            "form": form,
            "safety": safety.cleaned_data,
            "screened": screened or engine.screen(safety.answers()),
            "pregnancy_status": safety.cleaned_data["pregnancy_status"],
            "editing": profile is not None,
        },
        status=status,
    )
