"""Triage: how urgently the person needs a clinician, before any exercise (contract, triage rules).

Rule sources: red-flag levels from the contract vocabulary, which follows NICE NG59 and the national
suspected cauda equina pathway; no score is used, because any one cauda equina sign is enough.
"""

from typing import Final

from sciatica_coach.engine import advice
from sciatica_coach.engine.profile import Profile
from sciatica_coach.engine.validation import Output
from sciatica_coach.engine.vocabulary import (
    CLEARABLE_LEVELS,
    RED_FLAGS,
    URGENCY_ORDER,
    RedFlagId,
    Urgency,
    most_urgent,
)

# NICE NG59 covers people aged 16 and over; a child or young teenager with sciatica needs a
# doctor's assessment before any self-directed program.
MINIMUM_AGE: Final = 16


class Reason(Output):
    id: str
    text: str
    urgency: Urgency


class ActiveRedFlag(Output):
    id: RedFlagId
    level: Urgency
    text: str
    implied: bool


class Triage(Output):
    urgency: Urgency
    reasons: list[Reason]
    red_flags: list[ActiveRedFlag]
    cleared_red_flags: list[RedFlagId]
    advice: list[str]


def _flag_order(flag: RedFlagId) -> tuple[int, int]:
    return URGENCY_ORDER.index(RED_FLAGS[flag].level), list(RED_FLAGS).index(flag)


def triage(profile: Profile) -> Triage:
    reasons: list[Reason] = []
    flags = set(profile.red_flags)
    implied: set[RedFlagId] = set()
    if profile.symptoms.leg_side == "both" and "bilateral_sciatica" not in flags:
        # Rule 3: pain in both legs is itself the bilateral sciatica flag, asked or not.
        implied.add("bilateral_sciatica")
    requested_clearance = set(profile.cleared_red_flags)

    active: list[ActiveRedFlag] = []
    cleared: list[RedFlagId] = []
    for flag in sorted(flags | implied, key=_flag_order):
        entry = RED_FLAGS[flag]
        if flag in requested_clearance and entry.level in CLEARABLE_LEVELS:
            cleared.append(flag)
            reasons.append(
                Reason(
                    id=f"{flag}_cleared",
                    text=f"A clinician has reviewed this and cleared it: {entry.text}",
                    urgency="self_care",
                )
            )
            continue
        active.append(
            ActiveRedFlag(id=flag, level=entry.level, text=entry.text, implied=flag in implied)
        )
        text = entry.text
        if flag in implied:
            text = f"You said the pain is in both legs. {text}"
        if flag in requested_clearance:
            # Rule 1: only a clearable level may be cleared. Refusing the whole profile instead
            # would hide the emergency answer, so the clearance is ignored and said to be.
            text += " This sign cannot be marked as cleared; it always needs a doctor when present."
        reasons.append(Reason(id=flag, text=text, urgency=entry.level))

    levels: list[Urgency] = [flag.level for flag in active]
    if not profile.confirmed_conditions:
        levels.append("routine")
        reasons.append(
            Reason(
                id="no_confirmed_diagnosis",
                text=(
                    "No cause of the sciatica has been confirmed by a clinician yet. The right "
                    "exercises depend on the cause, so a doctor or physiotherapist finds it first."
                ),
                urgency="routine",
            )
        )
    if profile.age < MINIMUM_AGE:
        levels.append("routine")
        reasons.append(
            Reason(
                id="under_minimum_age",
                text=(
                    f"This program is written for people aged {MINIMUM_AGE} and over. Sciatica is "
                    "uncommon in younger people and needs a doctor's assessment."
                ),
                urgency="routine",
            )
        )

    urgency = most_urgent(levels)
    if urgency == "self_care":
        reasons.append(
            Reason(
                id="safe_to_start",
                text=(
                    "No warning signs are present and a clinician has confirmed the cause, "
                    "so it is safe to follow the program."
                ),
                urgency="self_care",
            )
        )
    tips = list(advice.URGENCY_ADVICE[urgency])
    if profile.symptoms.weakness and urgency in ("soon", "routine", "self_care"):
        tips.append(
            "You mentioned some weakness in the leg. If it gets worse, or your foot starts to drop "
            "or catch when you walk, see a doctor the same day."
        )
    return Triage(
        urgency=urgency, reasons=reasons, red_flags=active, cleared_red_flags=cleared, advice=tips
    )
