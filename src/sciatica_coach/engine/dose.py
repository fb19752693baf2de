"""Doses and their time: gentle starting doses per phase, and how long an item takes."""

from typing import Final

from sciatica_coach.engine.catalog import REP_TRANSITION_S, Dose, Exercise
from sciatica_coach.engine.vocabulary import Phase

SESSION_LIMIT_S: Final = 20 * 60  # contract plan rule 1: each session inside 20 minutes
ITEM_SETUP_S: Final = 20  # reading the step and getting into position
SET_REST_S: Final = 30  # a short rest between sets
RELIEF_MAX_REPS: Final = 8  # relief sessions are short and gentle (contract phases)

GENTLE: Final = (
    "A starting dose: work within comfort, never to exhaustion. Stop if pain, tingling or "
    "numbness spreads further down your leg."
)


def phase_dose(exercise: Exercise, phase: Phase, dose: Dose | None = None) -> Dose:
    """The catalog's default dose (or ``dose``, a clinician's), trimmed in the relief phase to
    keep sessions short and gentle."""
    dose = dose or exercise.dose
    if phase != "relief":
        return dose
    sets = min(dose.sets, 2) if exercise.kind == "stretch" else 1
    reps = dose.reps if dose.reps <= 1 else min(dose.reps, RELIEF_MAX_REPS)
    return dose.model_copy(update={"sets": sets, "reps": reps})


def item_seconds(dose: Dose, *, sides: int) -> int:
    work = dose.sets * dose.reps * (dose.hold_s + REP_TRANSITION_S)
    return ITEM_SETUP_S + sides * (work + (dose.sets - 1) * SET_REST_S)


def shortened(dose: Dose) -> Dose:
    """The same exercise with a single set: used when a session would overrun 20 minutes."""
    return dose.model_copy(update={"sets": 1})
