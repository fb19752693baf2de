"""A clinician's changes to a person's plan: a field this project adds to the profile.

``clinician_plan`` holds what a clinician asked of the plan: exercises to hold (with a dose, or
the catalog's), exercises to take out, and whether the engine's own basics stay (a template from
the clinic stands in for them). It is an input like any other: every plan is made from it by the
same rules, so an item a person cannot have is never given, and the plan says why
(``clinician_items``). The contract is silent on clinicians editing plans; its rule 0 order is
kept: red flags, the avoid lists and rule 4 come before anything a clinician adds.
"""

from typing import Annotated, Final, Literal

from sciatica_coach.engine.validation import Input, Output, between

# Where the contract is silent: a clinician's dose stays inside what the program ever asks.
# Counted efforts stop at 20 and holds at 120 s, the self-checks' own caps (checks rule 3: never
# to exhaustion; a test checks they agree); three sets at most, as a home program's sessions
# stay inside 20 minutes (plan rule 1).
MAX_SETS: Final = 3
MAX_REPS: Final = 20
MAX_HOLD_S: Final = 120


class ClinicianItem(Input):
    """An exercise the clinician wants in the plan; a dose field left out keeps the catalog's."""

    exercise: str
    sets: Annotated[int, between(1, MAX_SETS)] | None = None
    reps: Annotated[int, between(1, MAX_REPS)] | None = None
    hold_s: Annotated[int, between(0, MAX_HOLD_S)] | None = None


class ClinicianPlan(Input):
    items: list[ClinicianItem] = []
    remove: list[str] = []
    # False when a clinic's template stands in for the engine's basics; rules 0-7 still hold.
    basics: bool = True


Status = Literal["in_plan", "changed", "left_out"]


class ClinicianOutcome(Output):
    """What became of one item the clinician asked for, in the words the clinician reads."""

    exercise: str
    status: Status
    given: str | None  # the exercise the plan holds for it (another step of its line: changed)
    reasons: list[str]


REMOVED: Final = "clinician: your clinician took it out of your plan"
ADDED: Final = "Added by your clinician."
