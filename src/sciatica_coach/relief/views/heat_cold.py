"""Heat or cold: a countdown that stops at the safe limit, and a log of each use."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from sciatica_coach.relief import selectors, services
from sciatica_coach.relief.forms import HeatColdForm
from sciatica_coach.relief.rules import HEAT_COLD_LIMIT_MINUTES
from sciatica_coach.relief.views.local_time import in_local_time
from sciatica_coach.web.requests import AuthedRequest


@login_required
@require_http_methods(["GET", "POST"])
@in_local_time
def heat_cold(request: AuthedRequest) -> HttpResponse:
    form = HeatColdForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.heat_cold_log(
            user=request.user, kind=data["kind"], minutes=data["minutes"], relief=data["relief"]
        )
        messages.success(request, _("Saved. Give your skin a rest before the next time."))
        return redirect("relief_heat_cold")
    return render(
        request,
        "relief/heat_cold.html",
        {
            "form": form,
            "limit_minutes": HEAT_COLD_LIMIT_MINUTES,
            "limit_seconds": HEAT_COLD_LIMIT_MINUTES * 60,
            "uses": selectors.heat_cold_recent(user=request.user),
        },
        status=400 if form.errors else 200,
    )
