"""A patient's page for their clinician: charts, logs, scores, plan history and notes, and the
clinical actions, each of which re-runs the engine and is audited."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sciatica_coach.clinic import actions, selectors, services
from sciatica_coach.clinic.audit import Actor, audit_record
from sciatica_coach.clinic.forms import (
    AvoidForm,
    DiagnosisForm,
    FlagClearForm,
    NoteForm,
    PlanEditForm,
    PreferenceForm,
    ReviewSeenForm,
    TemplateSaveForm,
    refusal_onto,
)
from sciatica_coach.clinic.models import AuditEvent, Clinic
from sciatica_coach.clinic.patient_page import patient_context
from sciatica_coach.clinic.views.access import CLINICIAN, actor, clinic_view, name_of, patient_in
from sciatica_coach.reports.document import with_strips
from sciatica_coach.reports.pdf import PdfUnavailable, html_to_pdf
from sciatica_coach.web.requests import AuthedRequest

Handler = Callable[[Clinic, Any, Actor, dict[str, Any]], object]


def _forms(context: dict[str, Any], bound: tuple[str, forms.Form] | None = None) -> dict[str, Any]:
    data = context["data"]
    found = {
        "diagnosis": DiagnosisForm(
            initial={"conditions": [d["condition"] for d in data.get("diagnoses", [])]}
        ),
        "flag": FlagClearForm(reported=context["reported_flags"]),
        "preference": PreferenceForm(
            initial={
                "preference": data.get("directional_preference", "unknown"),
                "avoid_directions": data.get("avoid_directions", []),
            }
        ),
        "avoid": AvoidForm(initial={"avoid": "yes"}),
        "plan": PlanEditForm(initial={"op": "add"}),
        "seen": ReviewSeenForm(
            initial={"ref": context["view"].row.review_ref if context["view"] else ""}
        ),
        "note": NoteForm(),
        "template": TemplateSaveForm(),
    }
    if bound is not None:
        found[bound[0]] = bound[1]
    return {f"{name}_form": form for name, form in found.items()}


def _page(
    request: AuthedRequest,
    clinic: Clinic,
    patient_id: int,
    bound: tuple[str, forms.Form] | None = None,
) -> HttpResponse:
    patient = patient_in(clinic, patient_id).user
    context = patient_context(clinic=clinic, patient=patient, today=timezone.localdate())
    audit_record(
        actor=actor(request),
        clinic=clinic,
        patients=[patient],
        action=AuditEvent.Action.READ,
        what="patient_page",
    )
    return render(
        request,
        "clinic/patient.html",
        {"clinic": clinic, "name": name_of(patient), **context, **_forms(context, bound)},
        status=400 if bound is not None else 200,
    )


@clinic_view(CLINICIAN)
@require_GET
def patient_page(request: AuthedRequest, clinic: Clinic, patient_id: int) -> HttpResponse:
    return _page(request, clinic, patient_id)


def _diagnosis(clinic: Clinic, patient: Any, who: Actor, data: dict[str, Any]) -> object:
    return actions.diagnosis_set(
        clinic=clinic, patient=patient, actor=who, conditions=data["conditions"]
    )


def _flag(clinic: Clinic, patient: Any, who: Actor, data: dict[str, Any]) -> object:
    return actions.flag_clear(
        clinic=clinic, patient=patient, actor=who, flag=data["flag"], assessment=data["assessment"]
    )


def _preference(clinic: Clinic, patient: Any, who: Actor, data: dict[str, Any]) -> object:
    return actions.preference_set(
        clinic=clinic,
        patient=patient,
        actor=who,
        preference=data["preference"],
        avoid=data["avoid_directions"],
    )


def _avoid(clinic: Clinic, patient: Any, who: Actor, data: dict[str, Any]) -> object:
    return actions.avoid_exercise(
        clinic=clinic, patient=patient, actor=who, exercise=data["exercise"], avoid=data["avoid"]
    )


def _plan(clinic: Clinic, patient: Any, who: Actor, data: dict[str, Any]) -> object:
    return actions.plan_edit(
        clinic=clinic,
        patient=patient,
        actor=who,
        op=data["op"],
        exercise=data["exercise"],
        dose={k: data.get(k) for k in ("sets", "reps", "hold_s")},
    )


def _seen(clinic: Clinic, patient: Any, who: Actor, data: dict[str, Any]) -> object:
    return actions.review_seen(
        clinic=clinic, patient=patient, actor=who, ref=data["ref"], note=data["note"]
    )


def _note(clinic: Clinic, patient: Any, who: Actor, data: dict[str, Any]) -> object:
    return services.note_add(
        clinic=clinic, patient=patient, actor=who, text=data["text"], shared=data["shared"]
    )


def _template(clinic: Clinic, patient: Any, who: Actor, data: dict[str, Any]) -> object:
    return actions.template_save(clinic=clinic, patient=patient, actor=who, name=data["name"])


ACTIONS: dict[str, tuple[type[forms.Form], Handler, str]] = {
    "diagnosis": (DiagnosisForm, _diagnosis, "The cause is recorded and the plan made again."),
    "flag": (FlagClearForm, _flag, "The warning sign is cleared and the plan made again."),
    "preference": (PreferenceForm, _preference, "The preference is set and the plan made again."),
    "avoid": (AvoidForm, _avoid, "The list to avoid is changed and the plan made again."),
    "plan": (PlanEditForm, _plan, "The plan is changed."),
    "seen": (ReviewSeenForm, _seen, "Marked as seen; the patient reads your note."),
    "note": (NoteForm, _note, "Note saved."),
    "template": (TemplateSaveForm, _template, "Template saved."),
}


@clinic_view(CLINICIAN)
@require_POST
def patient_action(
    request: AuthedRequest, clinic: Clinic, patient_id: int, kind: str
) -> HttpResponse:
    if kind not in ACTIONS:
        raise Http404
    membership = patient_in(clinic, patient_id)
    form_class, handler, done = ACTIONS[kind]
    kwargs: dict[str, Any] = {}
    if form_class is FlagClearForm:
        kwargs["reported"] = []
    form = form_class(request.POST, **kwargs)
    if form.is_valid():
        try:
            handler(clinic, membership.user, actor(request), form.cleaned_data)
        except services.Refused as refusal:
            refusal_onto(form, refusal)
        else:
            messages.success(request, _(done))
            return redirect("clinic_patient", slug=clinic.slug, patient_id=patient_id)
    return _page(request, clinic, patient_id, bound=(kind, form))


@clinic_view(CLINICIAN)
@require_GET
def patient_report(request: AuthedRequest, clinic: Clinic, patient_id: int) -> HttpResponse:
    """The consultation report: plan with pictures, charts, adherence and scores, on paper."""
    patient = patient_in(clinic, patient_id).user
    today = timezone.localdate()
    context = patient_context(clinic=clinic, patient=patient, today=today)
    context["sessions"] = with_strips(context["sessions"])
    html = render_to_string(
        "reports/consultation.html",
        {"clinic": clinic, "name": name_of(patient), "today": today, **context},
        request=request,
    )
    audit_record(
        actor=actor(request),
        clinic=clinic,
        patients=[patient],
        action=AuditEvent.Action.EXPORT,
        what="consultation_report",
    )
    try:
        pdf = html_to_pdf(html)
    except PdfUnavailable:
        return render(request, "reports/unavailable.html", status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="consultation-{today}.pdf"'
    return response


__all__ = ["patient_action", "patient_page", "patient_report", "selectors"]
