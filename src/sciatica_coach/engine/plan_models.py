"""The plan answer's shape (contract: Plan answer)."""

from typing import Literal

from sciatica_coach.engine.assessment import Finding
from sciatica_coach.engine.triage import ActiveRedFlag, Reason
from sciatica_coach.engine.validation import Output
from sciatica_coach.engine.vocabulary import CONTRACT, Kind, Phase, Slot, Urgency

ItemSide = Literal["both", "each", "left", "right"]


class PlanItem(Output):
    exercise: str
    name: str
    kind: Kind
    sets: int
    reps: int
    hold_s: int
    side: ItemSide
    seconds: int
    why: list[str]
    dose_note: str


class Session(Output):
    slot: Slot
    seconds: int
    items: list[PlanItem]


class Excluded(Output):
    exercise: str
    reasons: list[str]


class PlanAnswer(Output):
    contract: str = CONTRACT
    engine_version: str
    urgency: Urgency
    phase: Phase | None
    variant_step: int
    sessions_per_day: int | None
    sessions: list[Session] | None
    excluded: list[Excluded]
    advice: list[str]
    reasons: list[Reason]
    red_flags: list[ActiveRedFlag]
    findings: list[Finding]
