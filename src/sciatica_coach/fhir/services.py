"""Writes: pain scores from another app's FHIR Bundle, stored as the person's session logs.

The Bundle is read whole first (pain_import.read, which refuses it with the field named); then
every log is stored through the program's own ``session_record`` in one transaction, so a log the
program refuses (a day after today, say) takes all the others with it: nothing is half imported.
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction

from sciatica_coach.engine import RefusedInput
from sciatica_coach.fhir.pain_import import ROOT, read
from sciatica_coach.program import selectors as program
from sciatica_coach.program import services as program_services

NoProgram = program_services.NoProgram


@dataclass(frozen=True)
class Imported:
    log_ids: list[int]
    scores: int
    skipped: dict[str, int]


@transaction.atomic
def pain_import(*, user: User, bundle: object, today: dt.date | None = None) -> Imported:
    """Raises ``RefusedInput`` for a Bundle it will not read, ``NoProgram`` when the person has no
    programme to file logs under (a log belongs to a plan); either way nothing is stored."""
    reading = read(bundle)
    # Read once: the same current plan files every log (session_record would read it per log).
    plan = program.plan_current(user=user)
    saved = []
    for imported in reading.logs:
        try:
            log = program_services.session_record(
                user=user, log=imported.log, plan=plan, today=today, imported=True
            )
        except program_services.FutureSession:
            first = imported.entries[0]
            raise RefusedInput(
                f"{ROOT}.entry[{first}].resource.effectiveDateTime",
                f"{imported.log['date']} is after today",
            ) from None
        saved.append(log.pk)
    return Imported(log_ids=saved, scores=reading.scores, skipped=reading.skipped)
