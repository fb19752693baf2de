"""The plan answer's shape (contract: Plan answer)."""

from typing import Literal

from sciatica_coach.engine.activity import DailyActivity
from sciatica_coach.engine.assessment import Finding
from sciatica_coach.engine.clinician_plan import ClinicianOutcome
from sciatica_coach.engine.direction import Unmet
from sciatica_coach.engine.needs import Unanswered
from sciatica_coach.engine.triage import ActiveRedFlag, Reason
from sciatica_coach.engine.validation import Output
from sciatica_coach.engine.vocabulary import CONTRACT, Kind, Phase, Place, Slot, Urgency

ItemSide = Literal["both", "each", "left", "right"]
Check = Literal["movement_test"]


class PlanItem(Output):
    exercise: str
    name: str
    kind: Kind
    level: int
    sets: int
    reps: int
    hold_s: int
    side: ItemSide
    seconds: int
    why: list[str]
    dose_note: str
    # The one gentle extension trial of an ``unknown`` directional preference (plan rule 5): the
    # review takes its direction back if a session that held it spread the symptoms.
    trial: bool = False


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
    # True for a plan made from a profile (level 1 only); false for one made by a review.
    first_plan: bool
    sessions_per_day: int | None
    sessions: list[Session] | None
    excluded: list[Excluded]
    daily_activity: DailyActivity | None
    checks_suggested: list[Check]
    go_to: list[Place]
    unmet: list[Unmet]
    unanswered: list[Unanswered]
    clinician_review_recommended: bool
    advice: list[str]
    reasons: list[Reason]
    red_flags: list[ActiveRedFlag]
    findings: list[Finding]
    # A project field: what became of each item a clinician asked for (``clinician_plan``).
    clinician_items: list[ClinicianOutcome] = []
