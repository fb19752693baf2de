"""The planner (contract plan rules 1-6): from a profile to two gentle daily sessions.

It works in three steps. ``_Needs`` lists, in priority order, what this person's plan must or
should hold, each with candidate exercises; contraindications (``safety``) are checked before any
candidate is taken. ``_place`` then fills the morning and evening sessions inside 20 minutes,
safety-critical items first. ``_check`` confirms rules 1, 2 and 4 hold; if they cannot (say a
clinician excluded nearly everything), no plan is given and the person is sent to a clinician.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from sciatica_coach import __version__
from sciatica_coach.engine import advice
from sciatica_coach.engine.assessment import GENERAL_NOTE, Finding, assess
from sciatica_coach.engine.catalog import Catalog, Dose, Exercise
from sciatica_coach.engine.dose import (
    GENTLE,
    SESSION_LIMIT_S,
    item_seconds,
    phase_dose,
    shortened,
)
from sciatica_coach.engine.plan_models import Excluded, ItemSide, PlanAnswer, PlanItem, Session
from sciatica_coach.engine.profile import Profile
from sciatica_coach.engine.safety import exclusion_reasons, needs_flexion
from sciatica_coach.engine.triage import Reason, Triage, triage
from sciatica_coach.engine.vocabulary import CONDITION_ORDER, Phase, Slot

ENGINE_VERSION: Final = __version__

# Contract plan rule 3.
RELIEF_FROM_PAIN: Final = 7
MAINTENANCE_UP_TO_PAIN: Final = 2

# Twice daily is the program's choice (no evidence-based optimum exists, Hayden 2005); contract
# rule 1 asks for at least two.
SLOTS: Final[tuple[Slot, ...]] = ("morning", "evening")
MIN_ITEMS_PER_SESSION: Final = 3
# Relief sessions are short (contract phases); later phases hold more work.
MAX_ITEMS: Final[dict[Phase, int]] = {"relief": 5, "recovery": 7, "maintenance": 8}
VARIANT_STEP_LIMIT: Final = 2

# The program's basics: pelvic tilt, one then both knees to the chest, lying face down (relief);
# the curl-up / side plank / bird dog trio and bridges (recovery); stability-ball work
# (maintenance).
BASICS: Final[dict[Phase, tuple[str, ...]]] = {
    "relief": (
        "pelvic_tilt",
        "single_knee_to_chest",
        "double_knee_to_chest",
        "prone_lying",
        "seated_flexion",
        "cat_camel",
    ),
    "recovery": (
        "pelvic_tilt",
        "curl_up",
        "side_plank",
        "bird_dog",
        "glute_bridge",
        "hamstring_stretch",
        "cat_camel",
        "single_knee_to_chest",
        "seated_flexion",
    ),
    "maintenance": (
        "stability_ball_bridge",
        "stability_ball_march",
        "curl_up",
        "side_plank",
        "bird_dog",
        "glute_bridge",
        "hamstring_stretch",
        "hip_flexor_stretch",
        "cat_camel",
        "seated_flexion",
    ),
}
FLEXION_CHOICES: Final[dict[Phase, tuple[str, ...]]] = {
    "relief": (
        "single_knee_to_chest",
        "double_knee_to_chest",
        "seated_flexion",
        "childs_pose",
        "pelvic_tilt",
    ),
    "recovery": (
        "double_knee_to_chest",
        "childs_pose",
        "seated_flexion",
        "single_knee_to_chest",
        "pelvic_tilt",
    ),
    "maintenance": (
        "double_knee_to_chest",
        "childs_pose",
        "seated_flexion",
        "single_knee_to_chest",
        "pelvic_tilt",
    ),
}
DIRECTIONAL_TRIAL: Final[dict[Phase, tuple[str, ...]]] = {
    "relief": ("prone_lying", "prone_on_elbows"),
    "recovery": ("prone_on_elbows", "prone_lying"),
    "maintenance": ("prone_on_elbows", "prone_lying"),
}
FILL_KINDS: Final = ("position", "mobility", "stretch", "nerve_glide")

# Priority classes for placing items into sessions: lower goes in first.
SAFETY, INDICATION, FINDING, BASIC, FILL = range(5)


def phase_for(profile: Profile) -> Phase:
    """Contract plan rule 3."""
    if profile.pain.leg >= RELIEF_FROM_PAIN or profile.pain.back >= RELIEF_FROM_PAIN:
        return "relief"
    if profile.pain.leg <= MAINTENANCE_UP_TO_PAIN and profile.pain.back <= MAINTENANCE_UP_TO_PAIN:
        return "maintenance"
    return "recovery"


@dataclass
class _Choice:
    exercise: Exercise
    priority: int
    why: list[str]
    sides: set[str] = field(default_factory=set)


class _Needs:
    """What the plan should hold, chosen from the exercises that safety allows."""

    def __init__(self, catalog: Catalog, profile: Profile, phase: Phase) -> None:
        self.catalog = catalog
        self.profile = profile
        self.phase = phase
        self.excluded: dict[str, list[str]] = {}
        for exercise in catalog.exercises:
            reasons = exclusion_reasons(exercise, profile, phase)
            if reasons:
                self.excluded[exercise.id] = reasons
        self.chosen: dict[str, _Choice] = {}

    def allowed(self, exercise_id: str) -> bool:
        return exercise_id in self.catalog and exercise_id not in self.excluded

    def suits(self, exercise: Exercise) -> bool:
        return self.phase in exercise.phases

    def take(
        self,
        candidates: Iterable[str],
        why: str,
        priority: int,
        side: str | None = None,
    ) -> _Choice | None:
        """Give ``why`` to the first candidate already chosen or allowed; ``None`` if none is."""
        ordered = list(dict.fromkeys(candidates))
        for exercise_id in ordered:
            if exercise_id in self.chosen:
                return self._add(self.chosen[exercise_id], why, priority, side)
        for must_suit in (True, False):
            for exercise_id in ordered:
                if not self.allowed(exercise_id):
                    continue
                exercise = self.catalog[exercise_id]
                if must_suit and not self.suits(exercise):
                    continue
                choice = _Choice(exercise=exercise, priority=priority, why=[])
                self.chosen[exercise_id] = choice
                return self._add(choice, why, priority, side)
        return None

    @staticmethod
    def _add(choice: _Choice, why: str, priority: int, side: str | None) -> _Choice:
        if why not in choice.why:
            choice.why.append(why)
        choice.priority = min(choice.priority, priority)
        if side:
            choice.sides.add(side)
        return choice

    def ids(self, **tags: str) -> list[str]:
        return [
            e.id
            for e in sorted(self.catalog.exercises, key=lambda e: (e.level, e.id))
            if all(getattr(e, key) == value for key, value in tags.items())
        ]


def _select(needs: _Needs, findings: list[Finding]) -> None:
    profile, phase, catalog = needs.profile, needs.phase, needs.catalog
    confirmed = profile.confirmed_conditions

    for condition in needs_flexion(profile):
        needs.take(
            [*FLEXION_CHOICES[phase], *needs.ids(direction="flexion")],
            "Gently rounds the lower back (flexion), which eases the nerves with "
            f"{condition.replace('_', ' ')}.",
            SAFETY,
        )

    if "disc_herniation" in confirmed:
        needs.take(
            DIRECTIONAL_TRIAL[phase],
            "A careful trial of gently arching back (directional preference), which eases leg "
            "pain for many people with a disc problem. The weekly review removes it if your "
            "symptoms spread further down the leg.",
            INDICATION,
        )
    if "piriformis_syndrome" in confirmed:
        needs.take(
            [
                "piriformis_stretch",
                "seated_piriformis_stretch",
                *(e.id for e in catalog.with_target("piriformis_length")),
            ],
            "Stretches the piriformis muscle in the buttock, which can press on the sciatic nerve.",
            INDICATION,
        )
        if phase != "relief":
            needs.take(
                [
                    "clamshell",
                    *(e.id for e in catalog.with_target("hip_external_rotator_strength")),
                    *(e.id for e in catalog.with_target("hip_abductor_strength")),
                ],
                "Strengthens the hip muscles around the piriformis so they share its work.",
                INDICATION,
            )

    for finding in findings:
        needs.take(
            [*finding.answers, *(e.id for e in catalog.with_target(finding.target))],
            f"Answers your assessment: {finding.text}",
            FINDING,
            side=finding.side,
        )

    basic_why = {
        "relief": "One of the program's basic relief exercises.",
        "recovery": "Builds the strength and flexibility that protect your back.",
        "maintenance": "Keeps your back strong and supple for good.",
    }[phase]
    for exercise_id in BASICS[phase]:
        if len(needs.chosen) >= MAX_ITEMS[phase]:
            break
        needs.take([exercise_id], basic_why, BASIC)

    _promote_or_take(
        needs,
        "stretch",
        "Every plan holds a stretch: stretches restore flexibility and relieve quickly.",
    )
    if phase != "relief":
        _promote_or_take(
            needs,
            "strengthen",
            "Strengthening builds the support that keeps sciatica from coming back.",
        )


def _promote_or_take(needs: _Needs, kind: str, why: str) -> None:
    """Contract plan rule 2: make sure one item of ``kind`` is placed first, in both sessions."""
    of_kind = [c for c in needs.chosen.values() if c.exercise.kind == kind]
    if of_kind:
        best = min(of_kind, key=lambda c: c.priority)
        best.priority = SAFETY
        return
    needs.take(needs.ids(kind=kind), why, SAFETY)


def _apply_variant_step(needs: _Needs, step: int) -> None:
    """Harder (step > 0) or easier (step < 0) variants: only where safe, same kind and direction."""
    if step == 0:
        return
    link = "harder" if step > 0 else "easier"
    replaced: dict[str, _Choice] = {}
    for exercise_id, choice in needs.chosen.items():
        current = choice.exercise
        for _ in range(abs(step)):
            next_id = getattr(current, link)
            if next_id is None or not needs.allowed(next_id):
                break
            candidate = needs.catalog[next_id]
            if (candidate.kind, candidate.direction) != (current.kind, current.direction):
                break
            current = candidate
        if current.id != exercise_id:
            note = (
                "A harder variant, as you have progressed."
                if step > 0
                else ("An easier variant while the pain settles.")
            )
            choice = _Choice(current, choice.priority, [*choice.why, note], choice.sides)
        if current.id in replaced:
            merged = replaced[current.id]
            merged.why.extend(w for w in choice.why if w not in merged.why)
            merged.priority = min(merged.priority, choice.priority)
            merged.sides |= choice.sides
        else:
            replaced[current.id] = choice
    needs.chosen = replaced


# A one-sided finding narrows a stretch to the tight side; strengthening always trains both sides,
# so that evening out a weak side never builds a new imbalance on the other.
ONE_SIDED_KINDS: Final = ("stretch", "nerve_glide")


def _side(choice: _Choice) -> ItemSide:
    if not choice.exercise.dose.per_side:
        return "both"
    if choice.exercise.kind not in ONE_SIDED_KINDS:
        return "each"
    sides = choice.sides - {"both"}
    if len(sides) == 1 and "both" not in choice.sides:
        return "left" if "left" in sides else "right"
    return "each"


def _item(choice: _Choice, dose: Dose) -> PlanItem:
    side = _side(choice)
    return PlanItem(
        exercise=choice.exercise.id,
        name=choice.exercise.name,
        kind=choice.exercise.kind,
        sets=dose.sets,
        reps=dose.reps,
        hold_s=dose.hold_s,
        side=side,
        seconds=item_seconds(dose, sides=2 if side == "each" else 1),
        why=list(choice.why),
        dose_note=GENTLE,
    )


def _place(needs: _Needs) -> list[list[PlanItem]]:
    """Fill the sessions inside 20 minutes: both sessions where there is room, else the emptier."""
    sessions: list[list[PlanItem]] = [[] for _ in SLOTS]
    used = [0 for _ in SLOTS]
    order = sorted(needs.chosen.values(), key=lambda c: c.priority)
    for choice in order:
        dose = phase_dose(choice.exercise, needs.phase)
        for candidate_dose in (dose, shortened(dose)):
            item = _item(choice, candidate_dose)
            fits = [i for i in range(len(SLOTS)) if used[i] + item.seconds <= SESSION_LIMIT_S]
            if len(fits) == len(SLOTS):
                targets = fits
            elif fits and choice.priority > SAFETY:
                targets = [min(fits, key=lambda i: used[i])]
            else:
                continue
            for i in targets:
                sessions[i].append(item)
                used[i] += item.seconds
            break

    for i, session in enumerate(sessions):
        present = {item.exercise for item in session}
        fillers = [
            *BASICS[needs.phase],
            *(e.id for e in needs.catalog.exercises if e.kind in FILL_KINDS),
        ]
        for exercise_id in dict.fromkeys(fillers):
            if len(session) >= MIN_ITEMS_PER_SESSION:
                break
            if exercise_id in present or not needs.allowed(exercise_id):
                continue
            exercise = needs.catalog[exercise_id]
            if not needs.suits(exercise) or exercise.kind not in FILL_KINDS:
                continue
            choice = _Choice(exercise, FILL, ["A gentle movement to round off the session."])
            item = _item(choice, shortened(phase_dose(exercise, needs.phase)))
            if used[i] + item.seconds <= SESSION_LIMIT_S:
                session.append(item)
                used[i] += item.seconds
    return sessions


def _problems(sessions: list[list[PlanItem]], needs: _Needs) -> list[str]:
    """Which of rules 1, 2 and 4 a placed plan breaks; empty when it keeps them all."""
    problems = []
    items = [item for session in sessions for item in session]
    kinds = {item.kind for item in items}
    if any(len(s) < MIN_ITEMS_PER_SESSION for s in sessions):
        problems.append("fewer than three safe exercises per session")
    if any(sum(item.seconds for item in s) > SESSION_LIMIT_S for s in sessions):
        problems.append("a session over 20 minutes")
    if "stretch" not in kinds:
        problems.append("no safe stretch")
    if needs.phase != "relief" and "strengthen" not in kinds:
        problems.append("no safe strengthening exercise")
    if needs_flexion(needs.profile) and not any(
        needs.catalog[item.exercise].direction == "flexion" for item in items
    ):
        problems.append("no safe flexion exercise")
    if any(item.exercise in needs.excluded for item in items):  # defensive: never expected
        problems.append("an excluded exercise")
    return problems


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
    needs = _Needs(catalog, profile, phase)
    _select(needs, findings)
    _apply_variant_step(needs, variant_step)
    placed = _place(needs)
    excluded = [Excluded(exercise=eid, reasons=reasons) for eid, reasons in needs.excluded.items()]

    problems = _problems(placed, needs)
    if problems:
        # Safest answer when the rules cannot all be kept: no program, and a clinician designs one.
        refused = Triage(
            urgency="routine",
            reasons=[
                *assessed.reasons,
                Reason(
                    id="no_safe_plan",
                    text=(
                        "A safe program cannot be built from the exercises that are allowed for "
                        f"you ({'; '.join(problems)}). Please ask your clinician to design one."
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
