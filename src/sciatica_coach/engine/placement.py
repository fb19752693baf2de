"""Placing chosen exercises into the day's sessions (contract plan rule 1), and checking that a
placed plan keeps rules 1, 2 and 4."""

from typing import Final

from sciatica_coach.engine.catalog import Dose
from sciatica_coach.engine.dose import GENTLE, SESSION_LIMIT_S, item_seconds, phase_dose, shortened
from sciatica_coach.engine.needs import BASICS, FILL, SAFETY, Choice, Needs
from sciatica_coach.engine.plan_models import ItemSide, PlanItem
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
        level=choice.exercise.level,
        sets=dose.sets,
        reps=dose.reps,
        hold_s=dose.hold_s,
        side=side,
        seconds=item_seconds(dose, sides=2 if side == "each" else 1),
        why=list(choice.why),
        dose_note=GENTLE,
        trial=choice.trial,
    )


def place(needs: Needs) -> list[list[PlanItem]]:
    """Fill the sessions inside 20 minutes: both sessions where there is room, else the emptier."""
    sessions: list[list[PlanItem]] = [[] for _ in SLOTS]
    used = [0 for _ in SLOTS]
    order = sorted(needs.chosen.values(), key=lambda c: c.priority)
    for choice in order:
        dose = needs.dose_for(choice.exercise)
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

    fillers = [
        *(exercise_id for alternatives in BASICS[needs.phase] for exercise_id in alternatives),
        *(e.id for e in needs.catalog.exercises if e.kind in FILL_KINDS and not e.check_only),
    ]
    for i, session in enumerate(sessions):
        present = {needs.catalog.line_id(item.exercise) for item in session}
        for exercise_id in dict.fromkeys(fillers):
            if len(session) >= MIN_ITEMS_PER_SESSION:
                break
            line_id = needs.catalog.line_id(exercise_id)
            held = needs.chosen.get(line_id)
            exercise = held.exercise if held else needs.pool.entry_for(exercise_id)
            if line_id in present or exercise is None or exercise.kind not in FILL_KINDS:
                continue
            choice = held or Choice(exercise, FILL, ["A gentle movement to round off the session."])
            item = _item(choice, shortened(phase_dose(exercise, needs.phase)))
            if used[i] + item.seconds <= SESSION_LIMIT_S:
                session.append(item)
                used[i] += item.seconds
                present.add(line_id)
                if held is None:  # the same filler in the other session, counted once
                    needs.chosen[line_id] = choice
                    needs.pool.commit(exercise)
    return sessions


def problems(sessions: list[list[PlanItem]], needs: Needs) -> list[str]:
    """Which of rules 1 and 2 a placed plan breaks; empty when it keeps them all.

    Rule 4's requirements that cannot be kept go into ``unmet`` instead (rule 0); rules 1 and 2
    are the shape of every plan, so a plan that cannot keep them is not given at all.
    """
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
    if any(item.exercise in needs.pool.excluded for item in items):  # never expected
        problems.append("an excluded exercise")
    return problems
