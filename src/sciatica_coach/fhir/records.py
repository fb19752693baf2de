"""What the export reads, as plain records: the builders never see a model instance or a query,
so they are tested with literals and cannot reach another person's rows."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Person:
    """The account: only the name, when the person gave one (never the username or e-mail)."""

    pk: int
    given: str = ""
    family: str = ""


@dataclass(frozen=True)
class PlanRecord:
    pk: int
    created_on: dt.date
    answer: dict[str, Any]


@dataclass(frozen=True)
class LogRecord:
    """One session log in the contract's shape (``SessionLog.to_engine``)."""

    pk: int
    log: dict[str, Any]


@dataclass(frozen=True)
class ResponseRecord:
    """One answered questionnaire: the answers as given and the engine's score of them."""

    pk: int
    instrument: str
    date: dt.date
    answers: dict[str, Any]
    result: dict[str, Any]


@dataclass(frozen=True)
class Record:
    person: Person
    profile: dict[str, Any] | None = None
    plan: PlanRecord | None = None
    logs: list[LogRecord] = field(default_factory=list)
    responses: list[ResponseRecord] = field(default_factory=list)
