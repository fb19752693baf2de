"""Placing chosen exercises into the day's sessions (contract plan rule 1), and checking that a
placed plan keeps rules 1, 2 and 4."""

from typing import Final

from sciatica_coach.engine.catalog import Dose
from sciatica_coach.engine.dose import GENTLE, SESSION_LIMIT_S, item_seconds, phase_dose, shortened
from sciatica_coach.engine.needs import BASICS, FILL, SAFETY, Choice, Needs
from sciatica_coach.engine.plan_models import ItemSide, PlanItem
from sciatica_coach.engine.safety import needs_flexion
from sciatica_coach.engine.vocabulary import Slot

# Twice daily is the program's choice (no evidence-based optimum exists, Hayden 2005); contract
# rule 1 asks for at least two.
SLOTS: Final[tuple[Slot, ...]] = ("morning", "evening")
MIN_ITEMS_PER_SESSION: Final = 3
FILL_KINDS: Final = ("position", "mobility", "stretch", "nerve_glide")


# A one-sided finding narrows a stretch to the tight side; strengthening always trains both sides,
# so that evening out a weak side never builds a new imbalance on the other.
ONE_SIDED_KINDS: Final = ("stretch", "nerve_glide")


def _side(choice: Choice) -> ItemSide:
    if not choice.exercise.dose.per_side:
        return "both"
    if choice.exercise.kind not in ONE_SIDED_KINDS:
        return "each"
    sides = choice.sides - {"both"}
    if len(sides) == 1 and "both" not in choice.sides:
        return "left" if "left" in sides else "right"
    return "each"


def _item(choice: Choice, dose: Dose) -> PlanItem:
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


def place(needs: Needs) -> list[list[PlanItem]]:
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
            choice = Choice(exercise, FILL, ["A gentle movement to round off the session."])
            item = _item(choice, shortened(phase_dose(exercise, needs.phase)))
            if used[i] + item.seconds <= SESSION_LIMIT_S:
                session.append(item)
                used[i] += item.seconds
    return sessions


def problems(sessions: list[list[PlanItem]], needs: Needs) -> list[str]:
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
