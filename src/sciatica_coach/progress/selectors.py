"""Reads for the progress page, each scoped to one user, in a fixed small number of queries."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User

from sciatica_coach import engine
from sciatica_coach.program.models import Plan, Profile, SessionLog
from sciatica_coach.questionnaires.models import Response


@dataclass(frozen=True)
class ProgressData:
    logs: list[SessionLog]
    responses: list[Response]
    started_on: dt.date | None
    sessions_per_day: int
    slots: tuple[str, ...]

    @property
    def has_sessions(self) -> bool:
        """Whether any session was done, so there is something to draw."""
        return any(log.done for log in self.logs)


def progress_data(*, user: User, since: dt.date) -> ProgressData:
    profile = Profile.objects.filter(user=user).only("started_on").first()
    plan = Plan.objects.filter(user=user).order_by("-id").only("answer").first()
    answer = plan.answer if plan is not None else {}
    slots = tuple(s["slot"] for s in answer.get("sessions") or []) or engine.SLOTS
    logs = list(
        SessionLog.objects.filter(user=user, date__gte=since)
        .order_by("date", "id")
        .only(
            "date",
            "slot",
            "done",
            "pain_before_leg",
            "pain_before_back",
            "pain_after_leg",
            "pain_after_back",
            "extent_before",
            "extent_after",
        )
    )
    responses = list(Response.objects.filter(user=user).order_by("date", "id"))
    return ProgressData(
        logs=logs,
        responses=responses,
        started_on=profile.started_on if profile else None,
        sessions_per_day=answer.get("sessions_per_day") or 2,
        slots=slots,
    )
