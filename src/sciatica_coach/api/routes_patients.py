"""A clinician's patients through the API: the same scoping (an active membership of a clinic in
which the caller is a clinician), the same clinic services and the same audit as the pages.

Someone who is no clinician gets 403; a patient the caller may not see (another clinic's, one who
left, no such id) gets 404, so that an id says nothing about whether the person exists.
"""

import datetime as dt
from typing import Any, Literal

from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from sciatica_coach import engine
from sciatica_coach.api import auth
from sciatica_coach.api.errors import ErrorOut
from sciatica_coach.api.schemas import SessionPage
from sciatica_coach.clinic import actions, dashboard, selectors, services
from sciatica_coach.clinic.audit import EXPORT, READ, Actor, actor_of, audit_record
from sciatica_coach.clinic.selectors import Membership
from sciatica_coach.engine.clinician_plan import MAX_HOLD_S, MAX_REPS, MAX_SETS
from sciatica_coach.engine.plan_models import PlanAnswer
from sciatica_coach.engine.profile import Profile as ProfileOut
from sciatica_coach.fhir import selectors as fhir_selectors
from sciatica_coach.program import selectors as program_selectors
from sciatica_coach.program.summary import SummaryView

router = Router(tags=["patients"])
READS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 429: ErrorOut}
WRITES = READS


class Attention(Schema):
    kind: str
    label: str


class PatientRow(Schema):
    id: int
    username: str
    name: str
    clinic: str
    intake_done: bool
    attention: list[Attention]
    phase: str | None
    directional_preference: str | None
    adherence_7: float | None
    adherence_28: float | None
    last_activity: dt.date | None
    review_ref: str = Field(description="What to send to review-seen, when a review is open.")


class PatientOut(PatientRow):
    profile: ProfileOut | None
    plan: PlanAnswer | None


class PatientFilter(Schema):
    attention: Literal["", "red_flag", "review", "low_adherence", "quiet", "none"] = ""
    phase: str = ""
    preference: str = ""
    q: str = Field(default="", max_length=100)


class SessionFilter(Schema):
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    limit: int = 50
    offset: int = 0


class ActionOut(Schema):
    plan: PlanAnswer


class DiagnosisIn(Schema):
    conditions: list[str]


class FlagClearIn(Schema):
    flag: str
    assessment: str = Field(max_length=2000)


class PreferenceIn(Schema):
    preference: str
    avoid_directions: list[str] = []


class AvoidIn(Schema):
    exercise: str
    avoid: bool = True


class PlanEditIn(Schema):
    op: Literal["add", "remove", "dose", "restore"]
    exercise: str
    sets: int | None = Field(default=None, ge=1, le=MAX_SETS)
    reps: int | None = Field(default=None, ge=1, le=MAX_REPS)
    hold_s: int | None = Field(default=None, ge=0, le=MAX_HOLD_S)


class ReviewSeenIn(Schema):
    ref: str = Field(max_length=64)
    note: str = Field(max_length=2000)


class NoteIn(Schema):
    text: str = Field(max_length=4000)
    shared: bool = False


class NoteOut(Schema):
    id: int
    author: str
    text: str
    shared: bool
    created_at: dt.datetime


def _clinician(request: HttpRequest) -> User:
    user: User = request.auth  # type: ignore[attr-defined]
    if not selectors.clinics_for(user=user, role=selectors.CLINICIAN):
        raise HttpError(403, "only a clinic's clinicians may read patients' records")
    return user


def _actor(request: HttpRequest, user: User) -> Actor:
    return actor_of(request, user, via="api")


def _membership(request: HttpRequest, patient_id: int) -> tuple[User, Membership]:
    clinician = _clinician(request)
    membership = selectors.membership_for_clinician(clinician=clinician, patient_id=patient_id)
    if membership is None:
        raise HttpError(404, "no patient of yours has this id")
    return clinician, membership


def _row(membership: Membership, view: SummaryView | None) -> dict[str, Any]:
    summary = view.row if view is not None else None
    return {
        "id": membership.user.pk,
        "username": membership.user.username,
        "name": membership.user.get_full_name() or membership.user.username,
        "clinic": membership.clinic.name,
        "intake_done": summary is not None,
        "attention": [
            {"kind": a.kind, "label": a.label} for a in (dashboard.attention(view) if view else [])
        ],
        "phase": (summary.phase or None) if summary else None,
        "directional_preference": (summary.preference or None) if summary else None,
        "adherence_7": view.adherence(7) if view else None,
        "adherence_28": view.adherence(28) if view else None,
        "last_activity": summary.last_activity if summary else None,
        "review_ref": summary.review_ref if summary else "",
    }


@router.get("", auth=auth.READ, response={200: list[PatientRow], **READS})
def patients_list(request: HttpRequest, filters: Query[PatientFilter]) -> Any:
    """The patients of every clinic where the caller is a clinician, most in need of attention
    first, each with its reasons."""
    clinician = _clinician(request)
    today = timezone.localdate()
    memberships = selectors.memberships_for_clinician(clinician=clinician)
    users = User.objects.filter(pk__in=[m.user_id for m in memberships])
    summaries = {s.user_id: s for s in program_selectors.summaries_for(users=users)}
    # Every row is answered, with its reasons in words: the full rows, not the list's.
    by_user = {m.user_id: m for m in memberships}
    rows = dashboard.rows_for(((m.user, m.user.username) for m in memberships), summaries, today)
    rows = dashboard.filtered(
        rows,
        kind=filters.attention,
        phase=filters.phase,
        preference=filters.preference,
        query=filters.q,
    )
    actor = _actor(request, clinician)
    by_clinic: dict[int, list[int]] = {}
    for row in rows:
        by_clinic.setdefault(by_user[row.user.pk].clinic_id, []).append(row.user.pk)
    for users_of_clinic in by_clinic.values():
        audit_record(
            actor=actor,
            clinic=by_user[users_of_clinic[0]].clinic,
            patients=users_of_clinic,
            action=READ,
            what="patients_list",
        )
    return [_row(by_user[r.user.pk], r.view) for r in rows]


@router.get("/{patient_id}", auth=auth.READ, response={200: PatientOut, **READS})
def patient_get(request: HttpRequest, patient_id: int) -> Any:
    clinician, membership = _membership(request, patient_id)
    patient = membership.user
    profile = program_selectors.profile_with_plan(user=patient)
    summary = program_selectors.summary_get(user=patient)
    view = dashboard.view_of(summary, timezone.localdate())
    audit_record(
        actor=_actor(request, clinician),
        clinic=membership.clinic,
        patients=[patient],
        action=READ,
        what="patient",
    )
    return {
        **_row(membership, view),
        "profile": profile.data if profile is not None else None,
        "plan": profile.plan.answer if profile is not None and profile.plan else None,
    }


@router.get("/{patient_id}/sessions", auth=auth.READ, response={200: SessionPage, **WRITES})
def patient_sessions(request: HttpRequest, patient_id: int, filters: Query[SessionFilter]) -> Any:
    """The patient's session logs, newest first, ``limit`` (1-100) from ``offset``."""
    if not 1 <= filters.limit <= 100:
        raise engine.RefusedInput("query.limit", f"{filters.limit} is not between 1 and 100")
    if filters.offset < 0:
        raise engine.RefusedInput("query.offset", f"{filters.offset} is not 0 or more")
    clinician, membership = _membership(request, patient_id)
    logs, count = program_selectors.session_logs_page(
        user=membership.user,
        date_from=filters.date_from,
        date_to=filters.date_to,
        limit=filters.limit,
        offset=filters.offset,
    )
    audit_record(
        actor=_actor(request, clinician),
        clinic=membership.clinic,
        patients=[membership.user],
        action=READ,
        what="sessions",
    )
    return {
        "items": [{**log.to_engine(), "id": log.pk, "ending": log.ending} for log in logs],
        "count": count,
    }


@router.get("/{patient_id}/fhir", auth=auth.READ, response={200: dict[str, Any], **READS})
def patient_fhir(request: HttpRequest, patient_id: int) -> Any:
    """The patient's record as a FHIR R4B Bundle (type collection), as the patient's own
    ``GET /me/fhir`` gives it (docs/fhir.md)."""
    clinician, membership = _membership(request, patient_id)
    bundle = fhir_selectors.fhir_bundle(user=membership.user, now=timezone.now())
    audit_record(
        actor=_actor(request, clinician),
        clinic=membership.clinic,
        patients=[membership.user],
        action=EXPORT,
        what="fhir",
    )
    return bundle


def _act(request: HttpRequest, patient_id: int, run: Any) -> Any:
    clinician, membership = _membership(request, patient_id)
    try:
        answer = run(membership.clinic, membership.user, _actor(request, clinician))
    except services.Refused as refusal:
        raise engine.RefusedInput(f"body.{refusal.field}", refusal.reason) from None
    return {"plan": answer}


@router.post("/{patient_id}/diagnosis", auth=auth.WRITE, response={200: ActionOut, **WRITES})
def diagnosis_post(request: HttpRequest, patient_id: int, payload: DiagnosisIn) -> Any:
    """Confirm (or change) the cause: every listed condition, confirmed by the caller."""
    return _act(
        request,
        patient_id,
        lambda clinic, patient, actor: actions.diagnosis_set(
            clinic=clinic, patient=patient, actor=actor, conditions=payload.conditions
        ),
    )


@router.post("/{patient_id}/red-flags/clear", auth=auth.WRITE, response={200: ActionOut, **WRITES})
def flag_clear_post(request: HttpRequest, patient_id: int, payload: FlagClearIn) -> Any:
    """Clear a clearable warning sign after assessing it, saying what the assessment found."""
    return _act(
        request,
        patient_id,
        lambda clinic, patient, actor: actions.flag_clear(
            clinic=clinic,
            patient=patient,
            actor=actor,
            flag=payload.flag,
            assessment=payload.assessment,
        ),
    )


@router.post("/{patient_id}/preference", auth=auth.WRITE, response={200: ActionOut, **WRITES})
def preference_post(request: HttpRequest, patient_id: int, payload: PreferenceIn) -> Any:
    return _act(
        request,
        patient_id,
        lambda clinic, patient, actor: actions.preference_set(
            clinic=clinic,
            patient=patient,
            actor=actor,
            preference=payload.preference,
            avoid=payload.avoid_directions,
        ),
    )


@router.post("/{patient_id}/avoid-exercises", auth=auth.WRITE, response={200: ActionOut, **WRITES})
def avoid_post(request: HttpRequest, patient_id: int, payload: AvoidIn) -> Any:
    return _act(
        request,
        patient_id,
        lambda clinic, patient, actor: actions.avoid_exercise(
            clinic=clinic,
            patient=patient,
            actor=actor,
            exercise=payload.exercise,
            avoid=payload.avoid,
        ),
    )


@router.post("/{patient_id}/plan-edits", auth=auth.WRITE, response={200: ActionOut, **WRITES})
def plan_edit_post(request: HttpRequest, patient_id: int, payload: PlanEditIn) -> Any:
    """Add an exercise (with a dose), take one out, change a dose or let one back in. An
    exercise the engine would not give this person is refused with its reasons."""
    return _act(
        request,
        patient_id,
        lambda clinic, patient, actor: actions.plan_edit(
            clinic=clinic,
            patient=patient,
            actor=actor,
            op=payload.op,
            exercise=payload.exercise,
            dose={"sets": payload.sets, "reps": payload.reps, "hold_s": payload.hold_s},
        ),
    )


@router.post("/{patient_id}/review-seen", auth=auth.WRITE, response={200: ActionOut, **WRITES})
def review_seen_post(request: HttpRequest, patient_id: int, payload: ReviewSeenIn) -> Any:
    """Mark the engine's recommendation (``review_ref`` from the patient) as seen, with a note
    the patient reads."""
    return _act(
        request,
        patient_id,
        lambda clinic, patient, actor: actions.review_seen(
            clinic=clinic, patient=patient, actor=actor, ref=payload.ref, note=payload.note
        ),
    )


@router.post("/{patient_id}/notes", auth=auth.WRITE, response={201: NoteOut, **WRITES})
def note_post(request: HttpRequest, patient_id: int, payload: NoteIn) -> Any:
    clinician, membership = _membership(request, patient_id)
    try:
        note = services.note_add(
            clinic=membership.clinic,
            patient=membership.user,
            actor=_actor(request, clinician),
            text=payload.text,
            shared=payload.shared,
        )
    except services.Refused as refusal:
        raise engine.RefusedInput(f"body.{refusal.field}", refusal.reason) from None
    return Status(
        201,
        {
            "id": note.pk,
            "author": note.author_name,
            "text": note.text,
            "shared": note.shared,
            "created_at": note.created_at,
        },
    )
