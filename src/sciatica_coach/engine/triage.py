"""Triage: how urgently the person needs a clinician, before any exercise (contract triage rules).

Rule sources: each red flag's level, whether a clinician may clear it, and where it sends the
person come from the contract vocabulary (the GIRFT suspected cauda equina pathway, NICE CKS low
back pain red flags, NICE NG234, NHS maternity and clot advice). No score is used: any one cauda
equina sign is enough.
"""

from typing import Final

from sciatica_coach.engine import advice
from sciatica_coach.engine.profile import Profile
from sciatica_coach.engine.validation import Input, Output
from sciatica_coach.engine.vocabulary import (
    PLACE_ORDER,
    RED_FLAGS,
    URGENCY_ORDER,
    Place,
    RedFlagId,
    Urgency,
    most_urgent,
)

# NICE NG59 covers people aged 16 and over; a child or young teenager with sciatica needs a
# doctor's assessment before any self-directed program (rule 10).
MINIMUM_AGE: Final = 16
# Rule 3: pain in both legs for up to six weeks is new enough to be a possible cauda equina sign.
BOTH_LEGS_NEW_UP_TO_DAYS: Final = 42


class Reason(Output):
    id: str
    text: str
    urgency: Urgency


class ActiveRedFlag(Output):
    id: RedFlagId
    level: Urgency
    text: str
    where: Place
    implied: bool


class Triage(Output):
    urgency: Urgency
    reasons: list[Reason]
    red_flags: list[ActiveRedFlag]
    cleared_red_flags: list[RedFlagId]
    go_to: list[Place]
    advice: list[str]
    # Rule 7: whether apps ask this person the pregnancy warning signs at every check-in.
    pregnancy_warning_signs_asked: bool = False


def _flag_order(flag: RedFlagId) -> tuple[int, int]:
    return URGENCY_ORDER.index(RED_FLAGS[flag].level), list(RED_FLAGS).index(flag)


def implied_flag(profile: Profile) -> RedFlagId | None:
    """Rule 3: the flag that pain in both legs is, asked or not."""
    if profile.symptoms.leg_side != "both":
        return None
    days = profile.symptoms.both_legs_days
    if days is None or days <= BOTH_LEGS_NEW_UP_TO_DAYS:
        # Not knowing how long must never turn a possible emergency into a routine visit.
        return "bilateral_sciatica"
    return "bilateral_longstanding"


def places(flags: list[ActiveRedFlag]) -> list[Place]:
    """Rule 6's ``go_to``: where the flags send the person, most urgent first."""
    ordered = sorted(
        flags, key=lambda f: (URGENCY_ORDER.index(f.level), PLACE_ORDER.index(f.where))
    )
    return list(dict.fromkeys(f.where for f in ordered))


def where_to_go_advice(flags: list[ActiveRedFlag]) -> list[str]:
    """Rule 6: for each place, where to go in the vocabulary's words, and why, flag by flag."""
    lines = []
    for place in places(flags):
        whys = " ".join(advice.FLAG_WHY[f.id] for f in flags if f.where == place)
        lines.append(f"{advice.GO[place]}. {whys}")
    return lines


def _flags(
    flags: set[RedFlagId], implied: set[RedFlagId], clearance: set[RedFlagId]
) -> tuple[list[ActiveRedFlag], list[RedFlagId], list[Reason]]:
    """Rule 1: the flags that fire, those cleared, and a reason for each."""
    reasons: list[Reason] = []
    active: list[ActiveRedFlag] = []
    cleared: list[RedFlagId] = []
    for flag in sorted(flags | implied, key=_flag_order):
        entry = RED_FLAGS[flag]
        if flag in clearance and entry.clearable:
            cleared.append(flag)
            reasons.append(
                Reason(
                    id=f"{flag}_cleared",
                    text=f"A clinician has assessed this and cleared it: {entry.text}",
                    urgency="self_care",
                )
            )
            continue
        active.append(
            ActiveRedFlag(
                id=flag,
                level=entry.level,
                text=entry.text,
                where=entry.where,
                implied=flag in implied,
            )
        )
        text = entry.text
        if flag in implied:
            text = f"You said the pain is in both legs. {text}"
        if flag in clearance:
            # Rule 1: only a clearable flag may be cleared. Refusing the whole profile instead
            # would hide the emergency answer, so the clearance is ignored and said to be.
            text += " This sign cannot be marked as cleared; it always needs a doctor when present."
        reasons.append(Reason(id=flag, text=text, urgency=entry.level))
    return active, cleared, reasons


class ScreenInput(Input):
    """The safety questions alone, asked before anything else (rules 1, 6, 7 and 9)."""

    red_flags: list[RedFlagId]
    cleared_red_flags: list[RedFlagId] = []
    pregnant_or_postpartum: bool = False


class Screen(Output):
    urgency: Urgency
    reasons: list[Reason]
    red_flags: list[ActiveRedFlag]
    cleared_red_flags: list[RedFlagId]
    go_to: list[Place]
    advice: list[str]


def screen(answers: ScreenInput) -> Screen:
    """What the warning signs alone call for: ``self_care`` when none fires. Apps ask these
    first and act on an emergency or urgent answer at once, before any other question."""
    active, cleared, reasons = _flags(set(answers.red_flags), set(), set(answers.cleared_red_flags))
    urgency = most_urgent([flag.level for flag in active])
    tips = [*where_to_go_advice(active), *advice.URGENCY_ADVICE[urgency]]
    return Screen(
        urgency=urgency,
        reasons=reasons,
        red_flags=active,
        cleared_red_flags=cleared,
        go_to=places(active),
        advice=advice.finished(tips, pregnant_or_postpartum=answers.pregnant_or_postpartum),
    )


def triage(profile: Profile) -> Triage:
    implied = implied_flag(profile)
    implied_set: set[RedFlagId] = set()
    if implied is not None and implied not in profile.red_flags:
        implied_set.add(implied)
    active, cleared, reasons = _flags(
        set(profile.red_flags), implied_set, set(profile.cleared_red_flags)
    )

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
    tips = [*where_to_go_advice(active), *advice.URGENCY_ADVICE[urgency]]
    if profile.symptoms.weakness and urgency in ("soon", "routine", "self_care"):
        tips.append(advice.WEAKNESS)
    return Triage(
        urgency=urgency,
        reasons=reasons,
        red_flags=active,
        cleared_red_flags=cleared,
        go_to=places(active),
        advice=advice.finished(tips, pregnant_or_postpartum=pregnant_or_postpartum(profile)),
        pregnancy_warning_signs_asked=pregnant_or_postpartum(profile),
    )


def pregnant_or_postpartum(profile: Profile) -> bool:
    """Rule 7: who is asked about the pregnancy warning signs (and given them in the advice)."""
    return (
        profile.pregnancy_weeks is not None
        or profile.weeks_since_birth is not None
        or "pregnancy_related" in profile.all_conditions
    )
