"""Everything the patient page shows, read for one patient of one clinic (the caller has
checked the membership): a fixed number of reads, whatever the history's length."""

import datetime as dt
from typing import Any

from django.contrib.auth.models import User

from sciatica_coach.clinic import dashboard, selectors
from sciatica_coach.clinic.models import Clinic
from sciatica_coach.clinic.outcomes import INSTRUMENTS, Change
from sciatica_coach.engine.vocabulary import CONDITION_TEXT, RED_FLAGS
from sciatica_coach.program import selectors as program_selectors
from sciatica_coach.program.choices import PHASES
from sciatica_coach.program.exercises import exercise_get
from sciatica_coach.program.presenters import clearances_present, plan_present
from sciatica_coach.progress.report import progress_report
from sciatica_coach.progress.selectors import progress_data
from sciatica_coach.questionnaires.selectors import responses_all

HISTORY_DAYS = 12 * 7
LOGS_SHOWN = 30


def exercise_name(exercise_id: str) -> str:
    return str((exercise_get(exercise_id) or {}).get("name", exercise_id))


def score_changes(responses: list[Any]) -> list[Change]:
    firsts: dict[str, Any] = {}
    latest: dict[str, Any] = {}
    for response in responses:
        firsts.setdefault(response.instrument, response)
        latest[response.instrument] = response
    return [
        Change(instrument=i, start=firsts[i].score, latest=latest[i].score)
        for i in INSTRUMENTS
        if i in firsts
    ]


def patient_context(*, clinic: Clinic, patient: User, today: dt.date) -> dict[str, Any]:
    profile = program_selectors.profile_with_plan(user=patient)
    data = profile.data if profile is not None else {}
    plan = profile.plan if profile is not None else None
    answer = plan.answer if plan is not None else {}
    summary = program_selectors.summary_get(user=patient)
    view = dashboard.view_of(summary, today)
    logs, log_count = program_selectors.session_logs_page(
        user=patient, date_from=None, date_to=None, limit=LOGS_SHOWN, offset=0
    )
    wanted = data.get("clinician_plan") or {}
    triage = profile.triage if profile is not None else {}
    return {
        "patient": patient,
        "profile": profile,
        "data": data,
        "plan": plan,
        "answer": answer,
        "phase_label": PHASES.get(answer.get("phase") or "", ""),
        # The program's one presenter of a plan, as Today and the printed plan show it.
        "sessions": plan_present(answer) if answer.get("sessions") else [],
        "view": view,
        "attention": dashboard.attention(view) if view else [],
        "adherence_7": view.adherence(7) if view else None,
        "adherence_28": view.adherence(28) if view else None,
        "diagnoses": [
            {**d, "text": CONDITION_TEXT.get(d["condition"], d["condition"])}
            for d in data.get("diagnoses", [])
        ],
        "red_flags": [
            {
                "id": f["id"],
                "text": RED_FLAGS[f["id"]].text,
                "clearable": RED_FLAGS[f["id"]].clearable,
            }
            for f in triage.get("red_flags", [])
            if f["id"] in RED_FLAGS
        ],
        "reported_flags": list(data.get("red_flags", [])),
        "clearances": clearances_present(profile.clearances) if profile is not None else [],
        "avoid_exercises": [(e, exercise_name(e)) for e in data.get("avoid_exercises", [])],
        "clinician_items": [
            {
                **o,
                "name": exercise_name(o["exercise"]),
                "given_name": exercise_name(o["given"]) if o.get("given") else "",
            }
            for o in answer.get("clinician_items", [])
        ],
        "clinician_removed": [(e, exercise_name(e)) for e in wanted.get("remove", [])],
        "charts": progress_report(
            progress_data(user=patient, since=today - dt.timedelta(days=HISTORY_DAYS)), today
        ),
        "logs": logs,
        "log_count": log_count,
        "scores": score_changes(responses_all(user=patient)),
        "plans": program_selectors.plans_with_reasons(user=patient),
        "reviews": program_selectors.reviews_recent(user=patient),
        "notes": selectors.notes_for(clinic=clinic, patient=patient),
    }
