"""Massage: asked first whether a doctor ruled out anything needing surgery, then a simple log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sciatica_coach.relief import selectors, services
from sciatica_coach.relief.forms import MassageForm, SurgeryCheckForm
from sciatica_coach.relief.models import ReliefSettings
from sciatica_coach.relief.views.local_time import in_local_time
from sciatica_coach.web.requests import AuthedRequest


@login_required
@require_http_methods(["GET", "POST"])
@in_local_time
def massage(request: AuthedRequest) -> HttpResponse:
    found = selectors.relief_settings_get(user=request.user)
    answer = found.surgery_ruled_out if found else ""
    if answer != ReliefSettings.SurgeryRuledOut.YES:
        if request.method == "POST":
            return redirect("relief_massage")
        return _check_page(
            request, SurgeryCheckForm(initial={"surgery_ruled_out": answer or None}), answer
        )
    form = MassageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.massage_log(
            user=request.user,
            given_by=data["given_by"],
            date=data["date"],
            minutes=data["minutes"],
            relief=data["relief"],
        )
        messages.success(request, _("Saved."))
        return redirect("relief_massage")
    return render(
        request,
        "relief/massage.html",
        {"form": form, "entries": selectors.massage_list(user=request.user)},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def massage_check(request: AuthedRequest) -> HttpResponse:
    found = selectors.relief_settings_get(user=request.user)
    answer = found.surgery_ruled_out if found else ""
    form = SurgeryCheckForm(request.POST or None, initial={"surgery_ruled_out": answer or None})
    if request.method == "POST" and form.is_valid():
        services.relief_settings_update(
            user=request.user, surgery_ruled_out=form.cleaned_data["surgery_ruled_out"]
        )
        return redirect("relief_massage")
    return _check_page(request, form, answer)


def _check_page(request: AuthedRequest, form: SurgeryCheckForm, answer: str) -> HttpResponse:
    return render(
        request,
        "relief/massage_check.html",
        {"check_form": form, "answer": answer},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def massage_delete(request: AuthedRequest, entry_id: int) -> HttpResponse:
    services.massage_delete(user=request.user, entry_id=entry_id)
    messages.success(request, _("Entry deleted."))
    return redirect("relief_massage")
