"""The review request and the review (contract: Review request and review)."""

import datetime as dt
from typing import Annotated, Literal, Self

from pydantic import ConfigDict, Field, model_validator

from sciatica_coach.engine.plan_models import PlanAnswer
from sciatica_coach.engine.planner import ENGINE_VERSION
from sciatica_coach.engine.profile import Pain, Profile
from sciatica_coach.engine.validation import FieldProblem, Input, Output, between
from sciatica_coach.engine.vocabulary import (
    CONTRACT,
    Extent,
    Phase,
    Place,
    RedFlagId,
    Slot,
    SpineDirection,
    Urgency,
    extent_rank,
)

Decision = Literal["progress", "continue", "regress", "stop_and_seek_care"]
MeanPain = Annotated[float, between(0, 10)]


def peripheralised(before: Extent, after: Extent) -> bool:
    """Review rule 2's test: the symptoms reach further down the leg after than before."""
    return extent_rank(after) > extent_rank(before)


def centralised(before: Extent, after: Extent) -> bool:
    """The good direction: symptoms moving up toward the back (Long 2004)."""
    return extent_rank(after) < extent_rank(before)


class PlanItemRef(Input):
    model_config = ConfigDict(extra="ignore")
    exercise: str
    # Our plans mark the unknown-preference trial; a plan from elsewhere may not (then the review
    # works it out from the profile, see ``review.trial_ids``).
    trial: bool | None = None


class SessionRef(Input):
    model_config = ConfigDict(extra="ignore")
    slot: Slot
    items: list[PlanItemRef]


class WalkRef(Input):
    model_config = ConfigDict(extra="ignore")
    minutes: Annotated[int, between(1, 600)]


class PlanRef(Input):
    """The plan being reviewed: only what the review needs; the rest of a plan answer is ignored."""

    model_config = ConfigDict(extra="ignore")
    phase: Phase | None
    sessions_per_day: int | None = Field(default=None, ge=1, le=6)
    sessions: list[SessionRef] | None = None
    daily_activity: WalkRef | None = None

    def exercise_ids(self) -> list[str]:
        ids = [item.exercise for s in self.sessions or [] for item in s.items]
        return list(dict.fromkeys(ids))

    def session_ids(self, slot: Slot) -> list[str]:
        for session in self.sessions or []:
            if session.slot == slot:
                return [item.exercise for item in session.items]
        return []


class SessionLog(Input):
    date: dt.date = Field(strict=False)
    slot: Slot
    done: bool
    pain_before: Pain | None = None
    pain_after: Pain | None = None
    extent_before: Extent | None = None
    extent_after: Extent | None = None
    exercises_done: list[str] = []
    new_red_flags: list[RedFlagId] = []
    # True for a session an earlier review has judged already (the app reviews at once when a
    # session spreads the symptoms): it counts for adherence and pain, but its spreading is not
    # judged a second time, against a plan it was not done under.
    reviewed: bool = False

    @property
    def peripheralised(self) -> bool:
        if not self.done or self.extent_before is None or self.extent_after is None:
            return False
        return peripheralised(self.extent_before, self.extent_after)


class WindowPain(Input):
    leg: MeanPain
    back: MeanPain


class ReviewRequest(Input):
    profile: Profile
    plan: PlanRef
    started_on: dt.date = Field(strict=False)
    today: dt.date = Field(strict=False)
    baseline_pain: Pain
    previous_window_pain: WindowPain | None = None
    logs: list[SessionLog] = []

    @model_validator(mode="after")
    def _dates(self) -> Self:
        if self.today < self.started_on:
            raise FieldProblem("today", f"{self.today} is before started_on {self.started_on}")
        for index, log in enumerate(self.logs):
            if log.date > self.today:
                raise FieldProblem(f"logs[{index}].date", f"{log.date} is after today {self.today}")
        return self


class ReviewReason(Output):
    id: str
    text: str


class PainChange(Output):
    leg: float | None
    back: float | None


class Review(Output):
    contract: str = CONTRACT
    engine_version: str = ENGINE_VERSION
    decision: Decision
    urgency: Urgency
    adherence: float
    sessions_done: int
    sessions_planned: int
    window_start: dt.date
    window_end: dt.date
    window_pain: PainChange
    pain_change: PainChange
    judged: Literal["leg", "back"]
    clinician_review_recommended: bool
    reasons: list[ReviewReason]
    advice: list[str]
    go_to: list[Place]
    avoid_exercises_added: list[str]
    avoid_directions_added: list[SpineDirection]
    plan: PlanAnswer | None
