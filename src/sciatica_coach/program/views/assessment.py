"""The self-assessment: each test explained, timers on the page, findings from the engine.

Only the checks ``engine.checks`` offers are asked; each one it holds back is named with its
reason. Holds and counts stop at the engine's caps, on the page and in the form.
"""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from sciatica_coach import engine
from sciatica_coach.engine.assessment import GENERAL_NOTE
from sciatica_coach.engine.vocabulary import URGENCY_TEXT
from sciatica_coach.program import selectors, services
from sciatica_coach.program.assessment_guide import SAFETY, SELF_TESTS, SelfTest
from sciatica_coach.program.check_reasons import (
    reasons_in_plain_words,
    stop_signs_in_plain_words,
)
from sciatica_coach.program.forms import AssessmentForm
from sciatica_coach.program.models import Profile
from sciatica_coach.web.requests import AuthedRequest


@login_required
@require_http_methods(["GET", "POST"])
def assessment(request: AuthedRequest) -> HttpResponse:
    profile = selectors.profile_get(user=request.user)
    if profile is None:
        return redirect("intake")
    offer = engine.checks(profile.data)
    if offer["urgency"] != "self_care":
        return checks_not_now(request, profile, gettext("Muscle self-check"))
    limits = offer["limits"]
    if request.method == "POST":
        form = AssessmentForm(request.POST, offered=offer["offered"], limits=limits)
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
        form = AssessmentForm(
            initial=profile.data.get("assessment") or {}, offered=offer["offered"], limits=limits
        )
    tests = [
        {"test": test, "fields": measures}
        for test in SELF_TESTS
        if (measures := _measures(form, test))
    ]
    return render(
        request,
        "program/assessment.html",
        {
            "form": form,
            "tests": tests,
            "withheld": _withheld(offer["withheld"], none_offered=not offer["offered"]),
            "safety": SAFETY,
            "limits": limits,
            "stop_signs": stop_signs_in_plain_words(limits["stop_when"]),
            "movement_test_offered": bool(offer["movement_test"]["offered"]),
        },
        status=400 if form.errors else 200,
    )


def checks_not_now(request: AuthedRequest, profile: Profile, heading: str) -> HttpResponse:
    """No self-check and no movement test while a doctor has to see the person first (checks
    rule 1): why, from the triage, and the way to Today, which says what to do."""
    urgency = profile.triage["urgency"]
    return render(
        request,
        "program/checks_not_now.html",
        {
            "heading": heading,
            "urgency_text": URGENCY_TEXT.get(urgency, ""),
            "reasons": [reason["text"] for reason in profile.triage.get("reasons", [])],
        },
    )


def _measures(form: AssessmentForm, test: SelfTest) -> list[dict[str, Any]]:
    """Each offered field of a test with the side it measures (for the name of its tool)."""
    sides = test.sides or ("",) * len(test.fields)
    return [
        {"field": form[name], "side": side}
        for name, side in zip(test.fields, sides, strict=True)
        if name in form.fields
    ]


def _withheld(withheld: list[dict[str, Any]], *, none_offered: bool) -> dict[str, Any]:
    """Each test the engine holds back (both sides at once when both are), with its reasons.
    When every test waits for the same reason (the pain is too high) it is said once."""
    reasons_by_field = {entry["id"]: entry["reasons"] for entry in withheld}
    tests: list[dict[str, Any]] = []
    for test in SELF_TESTS:
        held = [name for name in test.fields if name in reasons_by_field]
        if held:
            reasons = [reason for name in held for reason in reasons_by_field[name]]
            tests.append({"test": test, "reasons": reasons_in_plain_words(reasons)})
    common = (
        [r for r in tests[0]["reasons"] if all(r in t["reasons"] for t in tests)]
        if none_offered and len(tests) > 1
        else []
    )
    for entry in tests:
        entry["reasons"] = [r for r in entry["reasons"] if r not in common]
    return {"common": common, "tests": [t for t in tests if t["reasons"]]}
