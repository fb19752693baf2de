"""Reads for the progress page, each scoped to one user, in a fixed small number of queries,
all through the owning apps' selectors."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from django.contrib.auth.models import User

from sciatica_coach import engine
from sciatica_coach.program import selectors as program
from sciatica_coach.questionnaires import selectors as questionnaires


# What the charts read of a session log and of a questionnaire answer, said here rather than
# by importing the other apps' models: the program's logs and the questionnaires' responses
# fit these as they are.
class LoggedSession(Protocol):
    @property
    def date(self) -> dt.date: ...
    @property
    def slot(self) -> str: ...
    @property
    def done(self) -> bool: ...
    @property
    def pain_before_leg(self) -> int | None: ...
    @property
    def pain_before_back(self) -> int | None: ...
    @property
    def pain_after_leg(self) -> int | None: ...
    @property
    def pain_after_back(self) -> int | None: ...
    @property
    def extent_before(self) -> str: ...
    @property
    def extent_after(self) -> str: ...


class Scored(Protocol):
    @property
    def date(self) -> dt.date: ...
    @property
    def instrument(self) -> str: ...
    @property
    def score(self) -> float: ...


@dataclass(frozen=True)
class ProgressData:
    logs: Sequence[LoggedSession]
    responses: Sequence[Scored]
    started_on: dt.date | None
    sessions_per_day: int
    slots: tuple[str, ...]

    @property
    def has_sessions(self) -> bool:
        """Whether any session was done, so there is something to draw."""
        return any(log.done for log in self.logs)


def progress_data(*, user: User, since: dt.date) -> ProgressData:
    answer = program.plan_current_answer(user=user)
    slots = tuple(s["slot"] for s in answer.get("sessions") or []) or engine.SLOTS
    return ProgressData(
        logs=program.session_logs_charted(user=user, since=since),
        responses=questionnaires.responses_all(user=user),
        started_on=program.started_on(user=user),
        sessions_per_day=answer.get("sessions_per_day") or 2,
        slots=slots,
    )
