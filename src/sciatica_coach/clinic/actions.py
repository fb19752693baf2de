"""Clinical actions: a clinician changes what the engine reads about a person, and the engine
runs again (``program.clinical``). Each action is audited in the same transaction, and the
person sees who did it, when, and what, on Today and on their clinic page.

No rule lives here: what may be in a plan is the engine's to say. An edit the engine would not
keep (a contraindicated exercise, a removal that leaves no safe plan) is refused with the
engine's own reasons, and nothing is saved.
"""

from typing import Any, Final

from django.contrib.auth.models import User
from django.db import transaction

from sciatica_coach import engine
from sciatica_coach.clinic.audit import Actor, audit_record
from sciatica_coach.clinic.models import AuditEvent, Clinic, Template
from sciatica_coach.clinic.services import Refused
from sciatica_coach.engine.vocabulary import (
    CONDITION_TEXT,
    DIRECTIONAL_PREFERENCE_TEXT,
    RED_FLAGS,
)
from sciatica_coach.program import clinical
from sciatica_coach.program import selectors as program_selectors
from sciatica_coach.program.exercises import exercise_get
from sciatica_coach.program.services import NoProfile

EDIT_OPS: Final = ("add", "remove", "dose", "restore")
DIRECTIONS: Final = ("flexion", "extension")


def _data(patient: User) -> dict[str, Any]:
    profile = program_selectors.profile_get(user=patient)
    if profile is None:
        raise Refused("patient", "this person has not done the intake yet")
    return dict(profile.data)


def _name(exercise_id: str) -> str:
    return str((exercise_get(exercise_id) or {}).get("name", exercise_id))


def _known_exercise(exercise_id: str, field: str = "exercise") -> None:
    if exercise_get(exercise_id) is None:
        raise Refused(field, f"{exercise_id!r} is not an exercise in the catalog")


@transaction.atomic
def _change(
    *,
    clinic: Clinic,
    patient: User,
    actor: Actor,
    data: dict[str, Any],
    note: str,
    what: str,
    answer: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Store the change, re-run the engine, audit it; the new plan's answer."""
    try:
        plan = clinical.clinical_change(
            user=patient, data=data, by=f"{actor.name}, {clinic.name}", note=note, answer=answer
        )
    except engine.RefusedInput as refusal:
        raise Refused(refusal.field, refusal.reason) from None
    except NoProfile:
        raise Refused("patient", "this person has not done the intake yet") from None
    audit_record(
        actor=actor,
        clinic=clinic,
        patients=[patient],
        action=AuditEvent.Action.WRITE,
        what=what,
        detail=note,
    )
    return dict(plan.answer)


def diagnosis_set(
    *, clinic: Clinic, patient: User, actor: Actor, conditions: list[str]
) -> dict[str, Any]:
    """Confirm the cause (or change it): every listed condition confirmed by this clinician."""
    unknown = [c for c in conditions if c not in CONDITION_TEXT]
    if not conditions or unknown:
        raise Refused("conditions", "choose at least one cause from the list")
    data = _data(patient)
    before = {d["condition"] for d in data.get("diagnoses", []) if d["confirmed_by_clinician"]}
    data["diagnoses"] = [{"condition": c, "confirmed_by_clinician": True} for c in conditions]
    words = ", ".join(CONDITION_TEXT[c] for c in conditions)  # type: ignore[index]
    verb = "Confirmed the cause" if not before or before <= set(conditions) else "Changed the cause"
    return _change(
        clinic=clinic,
        patient=patient,
        actor=actor,
        data=data,
        note=f"{verb}: {words}.",
        what="diagnosis",
    )


def flag_clear(
    *, clinic: Clinic, patient: User, actor: Actor, flag: str, assessment: str
) -> dict[str, Any]:
    """Clear a warning sign after assessing it, where the vocabulary allows (triage rule 1)."""
    known = RED_FLAGS.get(flag)  # type: ignore[call-overload]
    if known is None:
        raise Refused("flag", f"{flag!r} is not a warning sign")
    if not known.clearable:
        raise Refused(
            "flag",
            f"{known.text}: this sign cannot be cleared here; it always needs "
            f"{known.where.replace('_', ' ')}",
        )
    if not assessment.strip():
        raise Refused("assessment", "say what the assessment found")
    data = _data(patient)
    if flag not in data.get("red_flags", []):
        # Where the contract is silent, the safe side: a clearance covers a sign the person
        # reports and the clinician assessed; clearing one ahead would silence a later report.
        raise Refused("flag", f"{known.text}: this person does not report this sign now")
    cleared = list(data.get("cleared_red_flags", []))
    if flag not in cleared:
        cleared.append(flag)
    data["cleared_red_flags"] = cleared
    return _change(
        clinic=clinic,
        patient=patient,
        actor=actor,
        data=data,
        note=f"Assessed and cleared: {known.text}. {assessment.strip()}",
        what="red_flag_cleared",
    )


def preference_set(
    *, clinic: Clinic, patient: User, actor: Actor, preference: str, avoid: list[str]
) -> dict[str, Any]:
    if preference not in DIRECTIONAL_PREFERENCE_TEXT:
        raise Refused("preference", f"{preference!r} is not a directional preference")
    if any(d not in DIRECTIONS for d in avoid):
        raise Refused("avoid_directions", "only flexion and extension can be avoided")
    data = _data(patient)
    data["directional_preference"] = preference
    data["avoid_directions"] = list(dict.fromkeys(avoid))
    avoided = ", ".join(avoid) if avoid else "none"
    return _change(
        clinic=clinic,
        patient=patient,
        actor=actor,
        data=data,
        note=f"Set the directional preference to {preference}; directions to avoid: {avoided}.",
        what="directional_preference",
    )


def avoid_exercise(
    *, clinic: Clinic, patient: User, actor: Actor, exercise: str, avoid: bool
) -> dict[str, Any]:
    """Add an exercise to ``avoid_exercises``, or take one off after assessment."""
    _known_exercise(exercise)
    data = _data(patient)
    listed = list(data.get("avoid_exercises", []))
    if avoid and exercise not in listed:
        listed.append(exercise)
    elif not avoid:
        if exercise not in listed:
            raise Refused("exercise", "this exercise is not on the list to avoid")
        listed.remove(exercise)
    data["avoid_exercises"] = listed
    verb = "Asked you to avoid" if avoid else "Allowed again, after assessment,"
    return _change(
        clinic=clinic,
        patient=patient,
        actor=actor,
        data=data,
        note=f"{verb} {_name(exercise).lower()}.",
        what="avoid_exercises",
    )


def _wanted(data: dict[str, Any]) -> dict[str, Any]:
    current = data.get("clinician_plan") or {}
    return {
        "items": list(current.get("items", [])),
        "remove": list(current.get("remove", [])),
        "basics": current.get("basics", True),
    }


def _in_plan(patient: User) -> set[str]:
    plan = program_selectors.plan_current(user=patient)
    sessions = (plan.answer.get("sessions") or []) if plan is not None else []
    return {item["exercise"] for s in sessions for item in s["items"]}


def plan_edit(
    *,
    clinic: Clinic,
    patient: User,
    actor: Actor,
    op: str,
    exercise: str,
    dose: dict[str, int | None] | None = None,
) -> dict[str, Any]:
    """Add an exercise (with a dose), take one out, change a dose, or restore one taken out.
    The engine checks the edited plan first: an item it would leave out is refused with its
    reasons and nothing is saved."""
    if op not in EDIT_OPS:
        raise Refused("op", f"{op!r} is not one of {', '.join(EDIT_OPS)}")
    _known_exercise(exercise)
    data = _data(patient)
    wanted = _wanted(data)
    others = [i for i in wanted["items"] if i["exercise"] != exercise]
    given = {k: v for k, v in (dose or {}).items() if v is not None}
    name = _name(exercise).lower()
    if op in ("add", "dose"):
        if op == "dose" and exercise not in _in_plan(patient):
            raise Refused("exercise", "this exercise is not in the plan now")
        wanted["items"] = [*others, {"exercise": exercise, **given}]
        wanted["remove"] = [e for e in wanted["remove"] if e != exercise]
        note = f"{'Added' if op == 'add' else 'Changed the dose of'} {name}" + (
            f" ({_dose_words(given)})." if given else "."
        )
    elif op == "remove":
        if exercise not in _in_plan(patient) and len(others) == len(wanted["items"]):
            raise Refused("exercise", "this exercise is not in the plan now")
        wanted["items"] = others
        if exercise not in wanted["remove"]:
            wanted["remove"].append(exercise)
        note = f"Took {name} out of your plan."
    else:
        if exercise not in wanted["remove"]:
            raise Refused("exercise", "this exercise was not taken out by a clinician")
        wanted["remove"].remove(exercise)
        note = f"Let {name} back into your plan."
    data["clinician_plan"] = wanted
    answer = _checked(patient, data, exercise, op)
    return _change(
        clinic=clinic,
        patient=patient,
        actor=actor,
        data=data,
        note=note,
        what=f"plan_{op}",
        answer=answer,
    )


def _dose_words(dose: dict[str, int]) -> str:
    names = {"sets": "sets", "reps": "repetitions", "hold_s": "s hold"}
    return ", ".join(f"{value} {names[key]}" for key, value in dose.items())


def _checked(patient: User, data: dict[str, Any], exercise: str, op: str) -> dict[str, Any]:
    try:
        answer = clinical.clinical_preview(user=patient, data=data)
    except engine.RefusedInput as refusal:
        raise Refused(refusal.field.rsplit(".", 1)[-1], refusal.reason) from None
    except NoProfile:
        raise Refused("patient", "this person has not done the intake yet") from None
    if answer.get("sessions") is None:
        why = [r["text"] for r in answer.get("reasons", []) if r["id"] == "no_safe_plan"]
        raise Refused("exercise", why[0] if why else "the engine would give no plan then")
    if op in ("add", "dose"):
        outcome = next(o for o in answer["clinician_items"] if o["exercise"] == exercise)
        if outcome["status"] == "left_out":
            raise Refused("exercise", f"{_name(exercise)}: " + "; ".join(outcome["reasons"]))
    return dict(answer)


def review_seen(
    *, clinic: Clinic, patient: User, actor: Actor, ref: str, note: str
) -> dict[str, Any] | None:
    """Mark the engine's recommendation as seen, with a note the person reads."""
    if not note.strip():
        raise Refused("note", "say what you decided, for the person to read")
    with transaction.atomic():
        try:
            plan = clinical.clinical_review_seen(
                user=patient,
                ref=ref,
                by=f"{actor.name}, {clinic.name}",
                note=f"Looked at the review: {note.strip()}",
            )
        except NoProfile:
            raise Refused("patient", "this person has not done the intake yet") from None
        if plan is None:
            raise Refused("ref", "something newer came in; look at the page again")
        audit_record(
            actor=actor,
            clinic=clinic,
            patients=[patient],
            action=AuditEvent.Action.WRITE,
            what="review_seen",
            detail=note.strip(),
        )
    return dict(plan.answer)


@transaction.atomic
def template_save(*, clinic: Clinic, patient: User, actor: Actor, name: str) -> Template:
    """The patient's current plan, saved as a template: each exercise once, with its dose."""
    if not name.strip():
        raise Refused("name", "give the template a name")
    plan = program_selectors.plan_current(user=patient)
    if plan is None or not plan.is_program:
        raise Refused("name", "this person has no plan to save")
    items: dict[str, dict[str, Any]] = {}
    for session in plan.answer["sessions"]:
        for item in session["items"]:
            items.setdefault(
                item["exercise"],
                {k: item[k] for k in ("exercise", "sets", "reps", "hold_s")},
            )
    template = Template.objects.create(
        clinic=clinic, name=name.strip()[:120], items=list(items.values()), created_by=actor.user
    )
    audit_record(
        actor=actor,
        clinic=clinic,
        patients=[patient],
        action=AuditEvent.Action.READ,
        what="template_saved",
        detail=f"plan saved as template {template.name!r}",
    )
    return template


def template_assign(
    *, clinic: Clinic, template: Template, patients: list[User], actor: Actor
) -> list[tuple[User, list[dict[str, Any]]]]:
    """Give the template to each patient: the engine makes each plan under that patient's own
    safety rules; what a patient could not have comes back with its reasons, per patient."""
    from sciatica_coach.engine.clinician_plan import MAX_HOLD_S, MAX_REPS, MAX_SETS

    items = [
        {
            "exercise": i["exercise"],
            "sets": min(i["sets"], MAX_SETS),
            "reps": min(i["reps"], MAX_REPS),
            "hold_s": min(i["hold_s"], MAX_HOLD_S),
        }
        for i in template.items
    ]
    results = []
    for patient in patients:
        data = _data(patient)
        data["clinician_plan"] = {"items": items, "remove": [], "basics": False}
        answer = _change(
            clinic=clinic,
            patient=patient,
            actor=actor,
            data=data,
            note=f"Gave you the plan {template.name!r}, made to your own safety rules.",
            what="template_assigned",
        )
        not_kept = [o for o in answer.get("clinician_items", []) if o["status"] != "in_plan"]
        results.append((patient, not_kept))
    return results
