"""The shape of an offline session as the phone sends it, checked field by field.

The engine's own input checker gives the same one-line refusals (``field: reason``) as everywhere
else in the app.
"""

import datetime as dt
import uuid
from typing import Annotated

from pydantic import Field

from sciatica_coach.engine.validation import Input, between
from sciatica_coach.engine.vocabulary import Extent, RedFlagId

Pain = Annotated[int, between(0, 10)]


class Check(Input):
    pain_leg: Pain
    pain_back: Pain
    extent: Extent
    red_flags: list[RedFlagId] = []


class OfflineEntry(Input):
    client_id: uuid.UUID = Field(strict=False)
    plan_id: int
    date: dt.date = Field(strict=False)
    slot: str = Field(pattern=r"^(morning|midday|afternoon|evening)$")
    before: Check
    step: Annotated[int, between(0, 100)] = 0
    exercises_done: list[str] = []
    after: Check | None = None
    spreading: bool = False
