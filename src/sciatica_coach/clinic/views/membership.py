"""The patient's side: joining a clinic, seeing who can see their records and what they did,
reading their own audit log, and leaving."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sciatica_coach.clinic import selectors, services
from sciatica_coach.clinic.forms import JoinForm, refusal_onto
from sciatica_coach.clinic.views.access import actor
from sciatica_coach.program import selectors as program_selectors
from sciatica_coach.web.requests import AuthedRequest


@login_required
@require_http_methods(["GET", "POST"])
def join(request: AuthedRequest, code: str = "") -> HttpResponse:
    """An invitation link (``code`` in the address) or a code typed in: the page says which
    clinic and who in it will see the person's records before they join."""
    form = JoinForm(request.POST or None, initial={"code": code})
    invitation = selectors.invitation_usable(code=code) if code else None
    if request.method == "POST" and form.is_valid():
        if "confirm" not in request.POST:
            invitation = selectors.invitation_usable(code=form.cleaned_data["code"])
            if invitation is None:
                form.add_error(
                    "code", _("This code is not valid: it may be mistyped, used or expired.")
                )
        else:
            try:
                membership = services.invitation_accept(
                    code=form.cleaned_data["code"], user=request.user, actor=actor(request)
                )
            except services.Refused as refusal:
                refusal_onto(form, refusal)
            else:
                messages.success(
                    request, _("You joined %(clinic)s.") % {"clinic": membership.clinic.name}
                )
                return redirect("clinic_mine")
    staff = selectors.staff_of(clinics=[invitation.clinic]) if invitation else []
    status = 400 if form.errors else 200
    return render(
        request,
        "clinic/join.html",
        {"form": form, "invitation": invitation, "staff": staff},
        status=status,
    )


@login_required
@require_http_methods(["GET"])
def mine(request: AuthedRequest) -> HttpResponse:
    memberships = selectors.memberships_of(user=request.user)
    clinics = [m.clinic for m in memberships]
    staff = selectors.staff_of(clinics=clinics)
    return render(
        request,
        "clinic/mine.html",
        {
            "memberships": [
                {"membership": m, "staff": [s for s in staff if s.clinic_id == m.clinic_id]}
                for m in memberships
            ],
            "notes": selectors.notes_shared_with(user=request.user, clinics=clinics),
            "changes": program_selectors.clinician_changes(user=request.user, limit=50),
            "join_form": JoinForm(),
        },
    )


@login_required
@require_POST
def leave(request: AuthedRequest, clinic_id: int) -> HttpResponse:
    try:
        services.membership_leave(user=request.user, clinic_id=clinic_id, actor=actor(request))
    except services.Refused:
        messages.error(request, _("You are not in that clinic."))
    else:
        messages.success(request, _("You left the clinic. It can no longer see your records."))
    return redirect("clinic_mine")


@login_required
@require_http_methods(["GET"])
def my_log(request: AuthedRequest) -> HttpResponse:
    return render(
        request,
        "clinic/my_log.html",
        {"events": selectors.audit_of_person(user=request.user)},
    )
