"""The shape of an offline session as the phone sends it, checked field by field.

The engine's own input checker gives the same one-line refusals (``field: reason``) as everywhere
else in the app.
"""

import datetime as dt
import uuid
from typing import Annotated

from pydantic import AfterValidator, Field

from sciatica_coach.engine.validation import Input, between
from sciatica_coach.engine.vocabulary import Extent, RedFlagId
from sciatica_coach.web.limits import STEP_MAX, date_problem

Pain = Annotated[int, between(0, 10)]


def _recent(value: dt.date) -> dt.date:
    problem = date_problem(value)
    if problem:
        raise ValueError(problem)
    return value


# Ids the database can hold (a 64-bit integer); a bigger one is no plan of anyone's.
PlanId = Annotated[int, between(1, 2**63 - 1)]


class Check(Input):
    pain_leg: Pain
    pain_back: Pain
    extent: Extent
    red_flags: list[RedFlagId] = []


class OfflineEntry(Input):
    client_id: uuid.UUID = Field(strict=False)
    plan_id: PlanId
    date: Annotated[dt.date, Field(strict=False), AfterValidator(_recent)]
    slot: str = Field(pattern=r"^(morning|midday|afternoon|evening)$")
    before: Check
    step: Annotated[int, between(0, STEP_MAX)] = 0
    exercises_done: Annotated[list[str], Field(max_length=STEP_MAX)] = []
    after: Check | None = None
    spreading: bool = False
