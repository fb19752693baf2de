"""Running a clinic: invitations, staff, templates, and the two exports (the audit log, the
start-versus-latest outcomes)."""

import csv
import io

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sciatica_coach.clinic import actions, selectors, services
from sciatica_coach.clinic.audit import audit_record
from sciatica_coach.clinic.forms import (
    InvitationForm,
    StaffForm,
    TemplateAssignForm,
    refusal_onto,
)
from sciatica_coach.clinic.models import AuditEvent, Clinic
from sciatica_coach.clinic.outcomes import INSTRUMENTS, Change
from sciatica_coach.clinic.views.access import (
    ADMIN,
    ANY_STAFF,
    CLINICIAN,
    actor,
    clinic_view,
    name_of,
)
from sciatica_coach.program import selectors as program_selectors
from sciatica_coach.questionnaires.selectors import first_and_latest
from sciatica_coach.web.requests import AuthedRequest


@clinic_view(ANY_STAFF)
@require_http_methods(["GET", "POST"])
def invitations(request: AuthedRequest, clinic: Clinic) -> HttpResponse:
    form = InvitationForm(request.POST or None)
    made = None
    if request.method == "POST" and form.is_valid():
        made = services.invitation_create(
            clinic=clinic, by=request.user, label=form.cleaned_data["label"]
        )
        form = InvitationForm()
    return render(
        request,
        "clinic/invitations.html",
        {
            "clinic": clinic,
            "form": form,
            "made": made,
            "link": request.build_absolute_uri(f"/clinic/join/{made.code}/") if made else "",
            "open": selectors.invitations_open(clinic=clinic),
        },
    )


@clinic_view(ANY_STAFF)
@require_POST
def invitation_revoke(request: AuthedRequest, clinic: Clinic, invitation_id: int) -> HttpResponse:
    services.invitation_revoke(clinic=clinic, invitation_id=invitation_id)
    messages.success(request, _("The invitation no longer works."))
    return redirect("clinic_invitations", slug=clinic.slug)


def _people(clinic: Clinic) -> list[tuple[int, str]]:
    return [(m.user.pk, name_of(m.user)) for m in selectors.memberships_active(clinic=clinic)]


@clinic_view(CLINICIAN)
@require_http_methods(["GET", "POST"])
def templates(
    request: AuthedRequest, clinic: Clinic, template_id: int | None = None
) -> HttpResponse:
    people = _people(clinic)
    template = (
        selectors.template_get(clinic=clinic, template_id=template_id) if template_id else None
    )
    form = TemplateAssignForm(request.POST or None, people=people)
    results = []
    if request.method == "POST" and template is not None and form.is_valid():
        chosen = {int(pk) for pk in form.cleaned_data["patients"]}
        members = [
            m.user for m in selectors.memberships_active(clinic=clinic) if m.user.pk in chosen
        ]
        try:
            results = [
                {"name": name_of(user), "not_kept": not_kept}
                for user, not_kept in actions.template_assign(
                    clinic=clinic, template=template, patients=members, actor=actor(request)
                )
            ]
        except services.Refused as refusal:
            refusal_onto(form, refusal)
    return render(
        request,
        "clinic/templates.html",
        {
            "clinic": clinic,
            "templates": selectors.templates_of(clinic=clinic),
            "template": template,
            "form": form,
            "results": results,
        },
        status=400 if form.errors else 200,
    )


@clinic_view(ADMIN)
@require_http_methods(["GET", "POST"])
def manage(request: AuthedRequest, clinic: Clinic) -> HttpResponse:
    form = StaffForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.staff_add(clinic=clinic, **form.cleaned_data)
        except services.Refused as refusal:
            refusal_onto(form, refusal)
        else:
            messages.success(request, _("Added to the clinic's staff."))
            return redirect("clinic_manage", slug=clinic.slug)
    return render(
        request,
        "clinic/manage.html",
        {"clinic": clinic, "form": form, "staff": selectors.staff_of(clinics=[clinic])},
        status=400 if form.errors else 200,
    )


@clinic_view(ADMIN)
@require_POST
def staff_remove(request: AuthedRequest, clinic: Clinic, staff_id: int) -> HttpResponse:
    try:
        services.staff_remove(clinic=clinic, staff_id=staff_id, by=request.user)
    except services.Refused as refusal:
        messages.error(request, refusal.reason)
    return redirect("clinic_manage", slug=clinic.slug)


def _csv_response(rows: list[list[object]], name: str) -> HttpResponse:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@clinic_view(ADMIN)
@require_GET
def audit_csv(request: AuthedRequest, clinic: Clinic) -> HttpResponse:
    """The clinic's audit log: every read and write of its patients' records."""
    rows: list[list[object]] = [
        ["when", "who", "action", "what", "patient", "detail", "address", "via"]
    ]
    rows.extend(
        [
            e.at.isoformat(),
            e.actor_name,
            e.action,
            e.what,
            e.user.username,
            e.detail,
            e.address or "",
            e.via,
        ]
        for e in selectors.audit_of_clinic(clinic=clinic)
    )
    return _csv_response(rows, f"{clinic.slug}-audit-{timezone.localdate()}.csv")


@clinic_view(ANY_STAFF)
@require_GET
def outcomes_csv(request: AuthedRequest, clinic: Clinic) -> HttpResponse:
    """Start-versus-latest outcomes of the clinic's current patients, for audit and research:
    a pseudonymous reference per patient (the membership), never a name."""
    patients = selectors.patients_active(clinic=clinic)
    members = selectors.memberships_active(clinic=clinic)
    summaries = {s.user_id: s for s in program_selectors.summaries_for(users=patients)}
    scores = first_and_latest(users=patients)
    header: list[object] = ["patient_ref", "started_on", "phase"]
    for name in ("pain_leg", "pain_back", *INSTRUMENTS):
        header += [f"{name}_start", f"{name}_latest", f"{name}_change", f"{name}_verdict"]
    rows: list[list[object]] = [header]
    for member in members:
        summary = summaries.get(member.user_id)
        row: list[object] = [
            f"{clinic.slug}-{member.pk}",
            summary.started_on.isoformat() if summary and summary.started_on else "",
            summary.phase if summary else "",
        ]
        start = (summary.baseline_pain or {}) if summary else {}
        latest = (summary.latest_pain or {}) if summary else {}
        for side in ("leg", "back"):
            row += _change_cells("nrs", start.get(side), latest.get(side))
        mine = scores.get(member.user_id, {})
        for instrument in INSTRUMENTS:
            first, last = mine.get(instrument, (None, None))
            row += _change_cells(
                instrument,
                first.score if first else None,
                last.score if last else None,
            )
        rows.append(row)
    audit_record(
        actor=actor(request),
        clinic=clinic,
        patients=[m.user_id for m in members],
        action=AuditEvent.Action.EXPORT,
        what="outcomes_csv",
    )
    return _csv_response(rows, f"{clinic.slug}-outcomes-{timezone.localdate()}.csv")


def _change_cells(instrument: str, start: float | None, latest: float | None) -> list[object]:
    if start is None or latest is None:
        return [start if start is not None else "", latest if latest is not None else "", "", ""]
    change = Change(instrument=instrument, start=float(start), latest=float(latest))
    return [f"{start:g}", f"{latest:g}", f"{change.change:g}", change.verdict]
