"""The toolkit's front page and the advice on rest, sleeping and sitting."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from sciatica_coach.web.requests import AuthedRequest


@login_required
@require_GET
def toolkit(request: AuthedRequest) -> HttpResponse:
    return render(request, "relief/toolkit.html")


@login_required
@require_GET
def rest_and_posture(request: AuthedRequest) -> HttpResponse:
    return render(request, "relief/rest_and_posture.html")


@login_required
@require_GET
def see_a_doctor(request: AuthedRequest) -> HttpResponse:
    return render(request, "relief/see_a_doctor.html")
