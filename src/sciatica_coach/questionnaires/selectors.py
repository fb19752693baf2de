"""Reads, each scoped to one user."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import Max, QuerySet

from sciatica_coach.program import selectors as program
from sciatica_coach.questionnaires.models import Response
from sciatica_coach.questionnaires.schedule import is_due


@dataclass(frozen=True)
class Due:
    instrument: str
    label: str
    last: dt.date | None
    due: bool


def questionnaires_due(*, user: User, today: dt.date) -> list[Due]:
    last = dict(
        Response.objects.filter(user=user)
        .values_list("instrument")
        .annotate(latest=Max("date"))
        .values_list("instrument", "latest")
    )
    last_review = program.review_last_date(user=user)
    return [
        Due(
            instrument=value,
            label=str(label),
            last=last.get(value),
            due=is_due(value, last=last.get(value), today=today, last_review=last_review),
        )
        for value, label in Response.Instrument.choices
    ]


def responses_for(*, user: User, instrument: str) -> list[Response]:
    return list(Response.objects.filter(user=user, instrument=instrument).order_by("date", "id"))


def responses_all(*, user: User) -> list[Response]:
    """Every questionnaire the person answered, oldest first."""
    return list(Response.objects.filter(user=user).order_by("date", "id"))


def first_and_latest(*, users: QuerySet[User]) -> dict[int, dict[str, tuple[Response, Response]]]:
    """For each of ``users`` (a query, read as a subquery), each instrument's first and latest
    answer: the start-versus-latest outcome a clinic reports. One read."""
    found: dict[int, dict[str, tuple[Response, Response]]] = {}
    rows = Response.objects.filter(user__in=users.values("pk")).order_by("user_id", "date", "id")
    for response in rows.only("user_id", "instrument", "date", "result"):
        mine = found.setdefault(response.user_id, {})
        first = mine.get(response.instrument, (response, response))[0]
        mine[response.instrument] = (first, response)
    return found
