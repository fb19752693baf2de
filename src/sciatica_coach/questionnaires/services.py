"""Writes: a completed questionnaire is scored by the engine, then stored with its score."""

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from sciatica_coach import engine
from sciatica_coach.questionnaires.models import Response


@transaction.atomic
def questionnaire_submit(*, user: User, instrument: str, answers: dict[str, Any]) -> Response:
    """Raises ``engine.RefusedInput`` (e.g. too few ODI sections) before anything is saved."""
    result = engine.score(instrument, answers)
    return Response.objects.create(
        user=user, instrument=instrument, date=timezone.localdate(), answers=answers, result=result
    )
