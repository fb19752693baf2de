"""The planner (contract plan rules 1-6): from a profile to two gentle daily sessions.

It works in three steps. ``needs.select`` lists, in priority order, what this person's plan must
or should hold, each with candidate exercises; contraindications (``safety``) are checked before
any candidate is taken. ``placement.place`` then fills the morning and evening sessions inside 20
minutes, safety-critical items first, and ``placement.problems`` confirms rules 1, 2 and 4 hold;
if they cannot (say a clinician excluded nearly everything), no plan is given and the person is
sent to a clinician.
"""

from typing import Final

from sciatica_coach import __version__
from sciatica_coach.engine import advice
from sciatica_coach.engine.assessment import GENERAL_NOTE, Finding, assess
from sciatica_coach.engine.catalog import Catalog
from sciatica_coach.engine.needs import (  # the program's choices, named where tests can read them
    BASICS,
    DIRECTIONAL_TRIAL,
    FLEXION_CHOICES,
    Needs,
    apply_variant_step,
    select,
)
from sciatica_coach.engine.placement import SLOTS, place, problems
from sciatica_coach.engine.plan_models import Excluded, PlanAnswer, Session
from sciatica_coach.engine.profile import Profile
from sciatica_coach.engine.triage import Reason, Triage, triage
from sciatica_coach.engine.vocabulary import CONDITION_ORDER, Phase

__all__ = ["BASICS", "DIRECTIONAL_TRIAL", "FLEXION_CHOICES", "build_plan", "phase_for"]

ENGINE_VERSION: Final = __version__

# Contract plan rule 3.
RELIEF_FROM_PAIN: Final = 7
MAINTENANCE_UP_TO_PAIN: Final = 2

VARIANT_STEP_LIMIT: Final = 2


def phase_for(profile: Profile) -> Phase:
    """Contract plan rule 3."""
    if profile.pain.leg >= RELIEF_FROM_PAIN or profile.pain.back >= RELIEF_FROM_PAIN:
        return "relief"
    if profile.pain.leg <= MAINTENANCE_UP_TO_PAIN and profile.pain.back <= MAINTENANCE_UP_TO_PAIN:
        return "maintenance"
    return "recovery"


def _advice(assessed: Triage, profile: Profile, phase: Phase, findings: list[Finding]) -> list[str]:
    tips = [*assessed.advice, advice.TWICE_DAILY, *advice.PHASE_ADVICE[phase]]
    tips.extend(
        advice.CONDITION_ADVICE[c]
        for c in CONDITION_ORDER
        if c in profile.confirmed_conditions and c in advice.CONDITION_ADVICE
    )
    if findings:
        tips.append(GENERAL_NOTE)
    if advice.KEEP_GOING not in tips:
        tips.append(advice.KEEP_GOING)
    return list(dict.fromkeys(tips))


def _no_program(assessed: Triage, findings: list[Finding], excluded: list[Excluded]) -> PlanAnswer:
    return PlanAnswer(
        engine_version=ENGINE_VERSION,
        urgency=assessed.urgency,
        phase=None,
        variant_step=0,
        sessions_per_day=None,
        sessions=None,
        excluded=excluded,
        advice=list(assessed.advice),
        reasons=list(assessed.reasons),
        red_flags=list(assessed.red_flags),
        findings=findings,
    )


def build_plan(
    profile: Profile,
    catalog: Catalog,
    *,
    phase: Phase | None = None,
    variant_step: int = 0,
) -> PlanAnswer:
    """The plan for ``profile``; ``phase`` and ``variant_step`` are set by the weekly review."""
    assessed = triage(profile)
    findings = assess(profile.assessment, profile.symptoms.leg_side)
    if assessed.urgency != "self_care":
        return _no_program(assessed, findings, [])

    phase = phase or phase_for(profile)
    variant_step = max(-VARIANT_STEP_LIMIT, min(VARIANT_STEP_LIMIT, variant_step))
    needs = Needs(catalog, profile, phase)
    select(needs, findings)
    apply_variant_step(needs, variant_step)
    placed = place(needs)
    excluded = [Excluded(exercise=eid, reasons=reasons) for eid, reasons in needs.excluded.items()]

    problems_found = problems(placed, needs)
    if problems_found:
        # Safest answer when the rules cannot all be kept: no program, and a clinician designs one.
        refused = Triage(
            urgency="routine",
            reasons=[
                *assessed.reasons,
                Reason(
                    id="no_safe_plan",
                    text=(
                        "A safe program cannot be built from the exercises that are allowed for "
                        f"you ({'; '.join(problems_found)}). Please ask your clinician to design "
                        "one."
                    ),
                    urgency="routine",
                ),
            ],
            red_flags=assessed.red_flags,
            cleared_red_flags=assessed.cleared_red_flags,
            advice=list(advice.URGENCY_ADVICE["routine"]),
        )
        return _no_program(refused, findings, excluded)

    return PlanAnswer(
        engine_version=ENGINE_VERSION,
        urgency="self_care",
        phase=phase,
        variant_step=variant_step,
        sessions_per_day=len(SLOTS),
        sessions=[
            Session(slot=slot, seconds=sum(i.seconds for i in items), items=items)
            for slot, items in zip(SLOTS, placed, strict=True)
        ],
        excluded=excluded,
        advice=_advice(assessed, profile, phase, findings),
        reasons=list(assessed.reasons),
        red_flags=list(assessed.red_flags),
        findings=findings,
    )
