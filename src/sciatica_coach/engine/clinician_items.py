"""Taking what a clinician asked for into a plan (``profile.clinician_plan``), and saying what
became of each item.

An item is taken only where the plan's own rules allow it: one that rule 4 excludes for this
person, that bends the way the plan may not (rule 5), or that is not used in this phase is left
out, with the engine's reasons; nothing is ever forced in. An item allowed but not yet at this
point of its progression (rule 4: a line new to a plan starts at level 1, and a review moves it one
step at a time) is given at the step the plan may hold, and the answer says so.
"""

from sciatica_coach.engine.catalog import Exercise
from sciatica_coach.engine.clinician_plan import ADDED, ClinicianItem, ClinicianOutcome
from sciatica_coach.engine.needs import FINDING, Needs
from sciatica_coach.engine.plan_models import PlanItem


def take(needs: Needs) -> None:
    """Rule 0's order holds: this runs after every requirement and indication is chosen."""
    pool, catalog = needs.pool, needs.catalog
    for wanted in pool.profile.clinician_plan.items:
        exercise = catalog[wanted.exercise]
        if exercise.check_only:
            needs.clinician.append(
                _outcome(wanted, "left_out", None, ["a self-check position, not an exercise"])
            )
            continue
        reasons = _why_not(needs, exercise)
        if reasons:
            needs.clinician.append(_outcome(wanted, "left_out", None, reasons))
            continue
        held = needs.held([exercise.id])
        entry = held.exercise if held is not None else pool.entry_for(exercise.id)
        if entry is None:
            needs.clinician.append(
                _outcome(
                    wanted,
                    "left_out",
                    None,
                    ["no step of its progression is allowed for this person now"],
                )
            )
            continue
        needs.take([entry.id], ADDED, FINDING)
        if entry.id == exercise.id:
            if _has_dose(wanted):
                base = exercise.dose
                needs.doses[exercise.id] = base.model_copy(
                    update={
                        "sets": wanted.sets or base.sets,
                        "reps": wanted.reps or base.reps,
                        "hold_s": base.hold_s if wanted.hold_s is None else wanted.hold_s,
                    }
                )
            needs.clinician.append(_outcome(wanted, "in_plan", entry.id, []))
        else:
            reached = held is not None or catalog.line_id(entry.id) in pool.standing.positions
            step = "the step this plan has reached" if reached else "its gentlest step"
            needs.clinician.append(
                _outcome(
                    wanted,
                    "changed",
                    entry.id,
                    [
                        f"progression: given as {entry.name.lower()}, {step}; a line new to a "
                        "plan starts at level 1 and each weekly review moves it one step at most"
                    ],
                )
            )


def placed(needs: Needs, items: list[PlanItem]) -> list[ClinicianOutcome]:
    """The outcomes once the sessions are filled: an item with no room inside 20 minutes (rule
    1) is left out, and a dose the sessions or the phase had to change says so."""
    given = {item.exercise: item for item in items}
    wanted = {w.exercise: w for w in needs.pool.profile.clinician_plan.items}
    final = []
    for outcome in needs.clinician:
        if outcome.status == "left_out" or outcome.given is None:
            final.append(outcome)
            continue
        item = given.get(outcome.given)
        if item is None:
            final.append(
                outcome.model_copy(
                    update={
                        "status": "left_out",
                        "given": None,
                        "reasons": [
                            *outcome.reasons,
                            "time: no room for it inside 20 minutes a session (plan rule 1)",
                        ],
                    }
                )
            )
            continue
        asked = wanted.get(outcome.exercise)
        note = _dose_note(asked, item) if asked is not None and outcome.status == "in_plan" else ""
        if note:
            outcome = outcome.model_copy(
                update={"status": "changed", "reasons": [*outcome.reasons, note]}
            )
        final.append(outcome)
    return final


def _why_not(needs: Needs, exercise: Exercise) -> list[str]:
    """Rule 4's exclusions, the plan's direction (never the unknown preference's trial: a
    clinician who wants a bending exercise sets the preference first) and the phase."""
    pool = needs.pool
    reasons = list(pool.excluded.get(exercise.id, []))
    if not pool.policy.permits(exercise.direction):
        preference = pool.profile.directional_preference
        reasons.append(
            f"direction: this plan holds no {exercise.direction} item (directional preference: "
            f"{preference})"
        )
    if pool.phase not in exercise.phases:
        reasons.append(f"{pool.phase} phase: not used in this phase")
    return reasons


def _has_dose(wanted: ClinicianItem) -> bool:
    return any(value is not None for value in (wanted.sets, wanted.reps, wanted.hold_s))


def _dose_note(asked: ClinicianItem, item: PlanItem) -> str:
    changed = [
        f"{name} {getattr(item, name)} (asked {value})"
        for name, value in (("sets", asked.sets), ("reps", asked.reps), ("hold_s", asked.hold_s))
        if value is not None and getattr(item, name) != value
    ]
    if not changed:
        return ""
    return (
        "dose: "
        + ", ".join(changed)
        + ", to keep sessions short and gentle in this phase and inside 20 minutes"
    )


def _outcome(
    wanted: ClinicianItem, status: str, given: str | None, reasons: list[str]
) -> ClinicianOutcome:
    return ClinicianOutcome.model_validate(
        {"exercise": wanted.exercise, "status": status, "given": given, "reasons": reasons}
    )
