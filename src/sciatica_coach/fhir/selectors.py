"""Reads: the signed-in person's FHIR Bundle, gathered through the program's and the
questionnaires' own selectors (every query there is scoped to the one user)."""

import datetime as dt
import json
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User

from sciatica_coach.fhir.bundle import export_bundle
from sciatica_coach.fhir.ids import Ids
from sciatica_coach.fhir.records import LogRecord, Person, PlanRecord, Record, ResponseRecord
from sciatica_coach.program import selectors as program
from sciatica_coach.questionnaires import selectors as questionnaires


def ids_for(user: User) -> Ids:
    # The server's secret keys the ids, so they are stable here and meaningless elsewhere.
    return Ids(secret=settings.SECRET_KEY.encode(), person=user.pk)


def record_of(user: User) -> Record:
    profile = program.profile_get(user=user)
    plan = program.plan_current(user=user)
    # Every log the person has, oldest first: the whole history is theirs to take along.
    logs = program.session_logs_between(user=user, start=dt.date.min, end=dt.date.max)
    return Record(
        person=Person(pk=user.pk, given=user.first_name, family=user.last_name),
        profile=profile.data if profile is not None else None,
        plan=PlanRecord(pk=plan.pk, created_on=plan.created_on, answer=plan.answer)
        if plan is not None
        else None,
        logs=[LogRecord(pk=log.pk, log=log.to_engine()) for log in logs],
        responses=[
            ResponseRecord(
                pk=r.pk, instrument=r.instrument, date=r.date, answers=r.answers, result=r.result
            )
            for r in questionnaires.responses_all(user=user)
        ],
    )


def fhir_bundle(*, user: User, now: dt.datetime) -> dict[str, Any]:
    """The Bundle as JSON, exactly as fhir.resources writes it (no empty elements)."""
    bundle = export_bundle(record_of(user), ids_for(user), now)
    found: dict[str, Any] = json.loads(bundle.model_dump_json())
    return found
