"""The medicine log: what a doctor prescribed and when it was taken. Never dosing advice."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sciatica_coach.relief import selectors, services
from sciatica_coach.relief.forms import MedicationForm
from sciatica_coach.relief.views.local_time import in_local_time
from sciatica_coach.web.requests import AuthedRequest


@login_required
@require_http_methods(["GET", "POST"])
@in_local_time
def medication(request: AuthedRequest) -> HttpResponse:
    form = MedicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.medication_log(
            user=request.user,
            name=data["name"],
            taken_at=data["taken_at"],
            as_prescribed=data["as_prescribed"],
            note=data["note"],
        )
        messages.success(request, _("Saved."))
        return redirect("relief_medication")
    return render(
        request,
        "relief/medication.html",
        {"form": form, "entries": selectors.medication_list(user=request.user)},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def medication_delete(request: AuthedRequest, entry_id: int) -> HttpResponse:
    services.medication_delete(user=request.user, entry_id=entry_id)
    messages.success(request, _("Entry deleted."))
    return redirect("relief_medication")
