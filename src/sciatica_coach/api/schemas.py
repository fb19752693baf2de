"""The API's own request and response shapes. The clinical ones are the engine's models: the
profile, the triage, the plan, the checks, the movement test and the review are documented and
checked exactly as the engine reads and writes them."""

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema

from sciatica_coach.engine.plan_models import PlanAnswer
from sciatica_coach.engine.review_models import Review as EngineReview
from sciatica_coach.engine.review_models import SessionLog
from sciatica_coach.program.presenters import SessionView


class SignupIn(Schema):
    username: str
    email: str
    password: str


class AccountOut(Schema):
    id: int
    username: str


class TokenIn(Schema):
    username: str
    password: str
    name: str = Field(min_length=1, max_length=80)
    scope: Literal["read", "write"] = "read"
    days: int | None = Field(default=None, ge=1, le=365)


class TokenOut(Schema):
    id: int
    name: str
    scope: str
    prefix: str
    created_at: dt.datetime
    expires_at: dt.datetime | None
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None = None


class NewTokenOut(TokenOut):
    token: str = Field(description="Shown once. Send it as 'Authorization: Bearer TOKEN'.")


class PlanOut(Schema):
    id: int
    created_on: dt.date
    source: str
    plan: PlanAnswer
    sessions: list[SessionView] = Field(
        description="The plan's sessions as the pages show them: the slot and each dose in words, "
        "and each exercise's instructions and cues."
    )


class ReviewIn(Schema):
    walking_tolerance_min: int | None = Field(
        default=None, description="How far the person can walk now, asked again at the review."
    )


class ReviewOut(Schema):
    id: int
    date: dt.date
    review: EngineReview


class SessionOut(SessionLog):
    id: int
    ending: str


class SessionPage(Schema):
    items: list[SessionOut]
    count: int


class QuestionnaireIn(Schema):
    instrument: Literal["peg", "pgic", "rmdq", "odi"]
    answers: dict[str, Any]


class QuestionnaireOut(Schema):
    id: int
    instrument: str
    date: dt.date
    answers: dict[str, Any]
    result: dict[str, Any]


class ExerciseOut(Schema):
    id: str
    name: str
    kind: str
    position: str
    direction: str
    equipment: list[str]
    level: int
    easier: str | None
    harder: str | None
    loads_nerve: bool
    check_only: bool
    summary: str
    instructions: list[str]
    cues: list[str]
    dose: dict[str, Any]
    picture_url: str = Field(description="The moving picture, an SVG image.")
