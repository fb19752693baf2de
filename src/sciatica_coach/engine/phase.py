"""The phase of the program (contract plan rule 3), from the pain alone."""

from typing import Final

from sciatica_coach.engine.profile import Profile
from sciatica_coach.engine.vocabulary import PHASE_ORDER, Phase

RELIEF_FROM_PAIN: Final = 7
MAINTENANCE_UP_TO_PAIN: Final = 2


def phase_for_pain(leg: float, back: float) -> Phase:
    """Rule 3: relief when leg or back pain is 7 or more; maintenance when both are 2 or less."""
    if leg >= RELIEF_FROM_PAIN or back >= RELIEF_FROM_PAIN:
        return "relief"
    if leg <= MAINTENANCE_UP_TO_PAIN and back <= MAINTENANCE_UP_TO_PAIN:
        return "maintenance"
    return "recovery"


def phase_for(profile: Profile) -> Phase:
    return phase_for_pain(profile.pain.leg, profile.pain.back)


def earlier(a: Phase, b: Phase) -> Phase:
    return min(a, b, key=PHASE_ORDER.index)


def shifted(phase: Phase, by: int) -> Phase:
    index = max(0, min(len(PHASE_ORDER) - 1, PHASE_ORDER.index(phase) + by))
    return PHASE_ORDER[index]
