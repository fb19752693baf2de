"""The planner (contract plan rules 0-7): from a profile to two gentle daily sessions and a walk.

It works in four steps. ``direction.direction_policy`` decides which way the plan may bend the
back (rule 5); ``progression.Pool`` holds what rule 4 allows and where each progression stands;
``needs.select`` lists, in rule 0's order, what this person's plan must or should hold, each with
why; ``placement.place`` fills the morning and evening sessions inside 20 minutes, safety-critical
items first, and ``placement.problems`` confirms rules 1 and 2 hold. If they cannot (say a
clinician excluded nearly everything), no plan is given and the person is sent to a clinician.
"""

from dataclasses import dataclass
from typing import Final

from sciatica_coach import __version__
from sciatica_coach.engine import advice, clinician_items
from sciatica_coach.engine.activity import WALKING, daily_walk
from sciatica_coach.engine.assessment import GENERAL_NOTE, Finding, assess
from sciatica_coach.engine.catalog import Catalog
from sciatica_coach.engine.checks import movement_test_offer
from sciatica_coach.engine.direction import Unmet, direction_policy
from sciatica_coach.engine.needs import BASICS, DIRECTIONAL_TRIAL, FLEXION_CHOICES, Needs, select
from sciatica_coach.engine.phase import phase_for
from sciatica_coach.engine.placement import SLOTS, place, problems
from sciatica_coach.engine.plan_models import Check, Excluded, PlanAnswer, PlanItem, Session
from sciatica_coach.engine.profile import Profile
from sciatica_coach.engine.progression import Pool, Standing
from sciatica_coach.engine.safety import (
    FLEXION_ONLY_CONDITIONS,
    NO_PRONE_FROM_WEEK,
    NO_SUPINE_FROM_WEEK,
    Exclusions,
    postpartum,
    pregnancy_week_for_safety,
)
from sciatica_coach.engine.triage import Reason, Triage, pregnant_or_postpartum, triage
from sciatica_coach.engine.vocabulary import CONDITION_ORDER, Extent, Phase

__all__ = ["BASICS", "DIRECTIONAL_TRIAL", "FLEXION_CHOICES", "Review", "build_plan"]

ENGINE_VERSION: Final = __version__


@dataclass(frozen=True)
class Review:
    """What a weekly review asks of the next plan (review rules 2-4)."""

    phase: Phase
    standing: Standing
    extent: Extent | None = None
    walk_minutes: int | None = None
    walk_held: bool = False
    no_directional: bool = False
    # A plan remade between reviews (a clinician's change): walks stay as they were.
    walk_kept: bool = False


def _direction_advice(
    items: list[PlanItem], profile: Profile, checks: list[Check], offered: list[str]
) -> list[str]:
    tips = []
    trial = next((item for item in items if item.trial), None)
    if trial is not None:
        tips.append(
            f"Your plan includes one careful trial of bending backwards ({trial.name.lower()}). "
            "If it makes pain, tingling or numbness spread further down your leg, stop it and "
            "log it: the review then takes it out."
        )
    if "movement_test" in checks:
        tips.append(
            "A short movement test, one direction a day, can show which way of bending eases "
            "your leg. It helps the program choose your exercises."
            if len(offered) > 1
            else "A short movement test can check that bending "
            + ("forward" if offered == ["flexion"] else "backwards")
            + " eases your leg."
        )
    if postpartum(profile):
        tips.append(
            "In the six weeks after the birth, start gently: walking, and gentle tummy and pelvic "
            "floor exercises. Planks, sit-ups and lying on your front wait until your postnatal "
            "check, and longer after a caesarean."
        )
    week = pregnancy_week_for_safety(profile)
    if week is not None:
        if week >= NO_SUPINE_FROM_WEEK:
            tips.append(
                "In pregnancy, from about 20 weeks, avoid lying flat on your back or on your "
                "front. Your plan uses sitting, standing, kneeling and side-lying exercises."
            )
        elif week >= NO_PRONE_FROM_WEEK:
            tips.append(
                "In pregnancy, from about 13 weeks, avoid lying on your front. Your plan leaves "
                "out exercises done face down, and from 20 weeks it will leave out lying flat on "
                "your back as well."
            )
    return tips


def _advice(
    assessed: Triage,
    profile: Profile,
    phase: Phase,
    findings: list[Finding],
    items: list[PlanItem],
    checks: list[Check],
    offered: list[str],
) -> list[str]:
    tips = [*assessed.advice, advice.TWICE_DAILY, *advice.PHASE_ADVICE[phase]]
    tips.extend(
        advice.CONDITION_ADVICE[c]
        for c in CONDITION_ORDER
        if c in profile.confirmed_conditions
        and c in advice.CONDITION_ADVICE
        # Advice to bend forward is not true of someone whose symptoms it spread.
        and not (c in FLEXION_ONLY_CONDITIONS and "flexion" in profile.avoid_directions)
    )
    tips.extend(_direction_advice(items, profile, checks, offered))
    if findings:
        tips.append(GENERAL_NOTE)
    tips.append(advice.KEEP_GOING)
    return advice.finished(tips, pregnant_or_postpartum=pregnant_or_postpartum(profile))


def _no_program(assessed: Triage, findings: list[Finding], excluded: list[Excluded]) -> PlanAnswer:
    return PlanAnswer(
        engine_version=ENGINE_VERSION,
        urgency=assessed.urgency,
        phase=None,
        first_plan=True,
        sessions_per_day=None,
        sessions=None,
        excluded=excluded,
        daily_activity=None,
        checks_suggested=[],
        go_to=list(assessed.go_to),
        unmet=[],
        unanswered=[],
        clinician_review_recommended=False,
        advice=list(assessed.advice),
        reasons=list(assessed.reasons),
        red_flags=list(assessed.red_flags),
        findings=findings,
    )


def build_plan(profile: Profile, catalog: Catalog, review: Review | None = None) -> PlanAnswer:
    """The plan for ``profile``: a first plan, or with ``review`` the next plan of a review."""
    assessed = triage(profile)
    findings = assess(profile.assessment, profile.symptoms.leg_side)
    if assessed.urgency != "self_care":
        return _no_program(assessed, findings, [])

    phase = review.phase if review else phase_for(profile)
    policy = direction_policy(profile, no_directional=review.no_directional if review else False)
    pool = Pool(
        catalog,
        profile,
        phase,
        policy,
        extent=review.extent if review else None,
        standing=review.standing if review else None,
    )
    needs = Needs(pool)
    select(needs, findings, clinician_items.take)
    placed = place(needs)
    excluded = [Excluded(exercise=eid, reasons=reasons) for eid, reasons in pool.excluded.items()]

    problems_found = problems(placed, needs)
    if problems_found:
        # Safest answer when rules 1 and 2 cannot be kept: no program, and a clinician designs one.
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
            go_to=assessed.go_to,
            pregnancy_warning_signs_asked=assessed.pregnancy_warning_signs_asked,
            advice=advice.finished(
                advice.URGENCY_ADVICE["routine"],
                pregnant_or_postpartum=pregnant_or_postpartum(profile),
            ),
        )
        return _no_program(refused, findings, excluded)

    unmet = list(needs.unmet)
    if WALKING in pool.excluded:
        unmet.append(
            Unmet(
                id="daily_walk",
                reason="Walking is on your list of exercises to avoid, so the plan has no daily "
                "walk. Please ask your clinician what activity suits you instead.",
            )
        )
        activity = None
    else:
        activity = daily_walk(
            profile,
            phase,
            review.walk_minutes if review else None,
            held=review.walk_held if review else False,
            kept=review.walk_kept if review else False,
        )

    checks: list[Check] = []
    offered: list[str] = []
    if profile.directional_preference == "unknown":
        # The checks' own rules, on the profile's pain: the test is about the person now.
        rules = Exclusions(profile, phase_for(profile))
        offered = list(movement_test_offer(profile, catalog, assessed.urgency, rules).offered)
        if offered:
            checks.append("movement_test")
    items = [item for session in placed for item in session]
    return PlanAnswer(
        engine_version=ENGINE_VERSION,
        urgency="self_care",
        phase=phase,
        first_plan=review is None,
        sessions_per_day=len(SLOTS),
        sessions=[
            Session(slot=slot, seconds=sum(i.seconds for i in session), items=session)
            for slot, session in zip(SLOTS, placed, strict=True)
        ],
        excluded=excluded,
        daily_activity=activity,
        checks_suggested=checks,
        go_to=list(assessed.go_to),
        unmet=unmet,
        unanswered=list(needs.unanswered),
        clinician_review_recommended=bool(unmet),
        advice=_advice(assessed, profile, phase, findings, items, checks, offered),
        reasons=list(assessed.reasons),
        red_flags=list(assessed.red_flags),
        findings=findings,
        clinician_items=clinician_items.placed(needs, items),
    )
