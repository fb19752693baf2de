"""The self-assessment: each test explained, timers on the page, findings from the engine."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from sciatica_coach import engine
from sciatica_coach.engine.assessment import GENERAL_NOTE
from sciatica_coach.program import selectors, services
from sciatica_coach.program.assessment_guide import SAFETY, SELF_TESTS, SelfTest
from sciatica_coach.program.forms import AssessmentForm
from sciatica_coach.web.requests import AuthedRequest


@login_required
@require_http_methods(["GET", "POST"])
def assessment(request: AuthedRequest) -> HttpResponse:
    profile = selectors.profile_get(user=request.user)
    if profile is None:
        return redirect("intake")
    if request.method == "POST":
        form = AssessmentForm(request.POST)
        if form.is_valid():
            try:
                _, findings = services.assessment_save(
                    user=request.user, assessment=form.to_assessment()
                )
            except engine.RefusedInput as refused:
                form.add_engine_error(refused.field, refused.reason)
            else:
                return render(
                    request,
                    "program/assessment_result.html",
                    {"findings": findings, "note": GENERAL_NOTE},
                )
    else:
        form = AssessmentForm(initial=profile.data.get("assessment") or {})
    tests = [{"test": test, "fields": _measures(form, test)} for test in SELF_TESTS]
    return render(
        request,
        "program/assessment.html",
        {"form": form, "tests": tests, "safety": SAFETY},
        status=400 if form.errors else 200,
    )


def _measures(form: AssessmentForm, test: SelfTest) -> list[dict[str, Any]]:
    """Each field of a test with the side it measures (for the name of its tool), if any."""
    sides = test.sides or ("",) * len(test.fields)
    return [
        {"field": form[name], "side": side} for name, side in zip(test.fields, sides, strict=True)
    ]
