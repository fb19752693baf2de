"""The weekly review (contract review rules 1-7): progress, continue, regress or seek care.

Thresholds: a change of 2 points or 30 % on a 0-10 pain scale is the smallest that matters to
people (Farrar 2001; Ostelo 2008). Peripheralisation means stop the movement that caused it
(directional preference and centralisation, Long 2004).
"""

import datetime as dt
from typing import Final, Literal, Self

from pydantic import ConfigDict, Field, model_validator

from sciatica_coach.engine import advice
from sciatica_coach.engine.catalog import Catalog
from sciatica_coach.engine.plan_models import PlanAnswer
from sciatica_coach.engine.planner import ENGINE_VERSION, RELIEF_FROM_PAIN, build_plan, phase_for
from sciatica_coach.engine.profile import Pain, Profile
from sciatica_coach.engine.triage import triage
from sciatica_coach.engine.validation import FieldProblem, Input, Output
from sciatica_coach.engine.vocabulary import (
    CONTRACT,
    PHASE_ORDER,
    RED_FLAGS,
    Extent,
    Phase,
    RedFlagId,
    Slot,
    Urgency,
    extent_rank,
    most_urgent,
)

Decision = Literal["progress", "continue", "regress", "stop_and_seek_care"]

WINDOW_DAYS: Final = 7
MEANINGFUL_POINTS: Final = 2  # Farrar 2001: 2 points on 0-10
MEANINGFUL_FRACTION: Final = 0.30  # Farrar 2001, Ostelo 2008: 30 %
PROGRESS_ADHERENCE: Final = 0.7
HABIT_ADHERENCE_BELOW: Final = 0.5
CLINICIAN_REVIEW_AFTER_DAYS: Final = 42  # six weeks without a 30 % improvement
SLOT_ORDER: Final[tuple[Slot, ...]] = ("morning", "midday", "afternoon", "evening")


def peripheralised(before: Extent, after: Extent) -> bool:
    """Review rule 2's test: the symptoms reach further down the leg after than before."""
    return extent_rank(after) > extent_rank(before)


def centralised(before: Extent, after: Extent) -> bool:
    """The good direction: symptoms moving up toward the back (Long 2004)."""
    return extent_rank(after) < extent_rank(before)


class PlanItemRef(Input):
    model_config = ConfigDict(extra="ignore")
    exercise: str


class SessionRef(Input):
    model_config = ConfigDict(extra="ignore")
    slot: Slot
    items: list[PlanItemRef]


class PlanRef(Input):
    """The plan being reviewed: only what the review needs; the rest of a plan answer is ignored."""

    model_config = ConfigDict(extra="ignore")
    phase: Phase | None
    sessions_per_day: int | None = Field(default=None, ge=1, le=6)
    variant_step: int = 0
    sessions: list[SessionRef] | None = None


class SessionLog(Input):
    date: dt.date = Field(strict=False)
    slot: Slot
    done: bool
    pain_before: Pain | None = None
    pain_after: Pain | None = None
    extent_before: Extent | None = None
    extent_after: Extent | None = None
    exercises_done: list[str] = []
    new_red_flags: list[RedFlagId] = []

    @property
    def peripheralised(self) -> bool:
        if not self.done or self.extent_before is None or self.extent_after is None:
            return False
        return peripheralised(self.extent_before, self.extent_after)


class ReviewRequest(Input):
    profile: Profile
    plan: PlanRef
    started_on: dt.date = Field(strict=False)
    today: dt.date = Field(strict=False)
    baseline_pain: Pain
    logs: list[SessionLog] = []

    @model_validator(mode="after")
    def _dates(self) -> Self:
        if self.today < self.started_on:
            raise FieldProblem("today", f"{self.today} is before started_on {self.started_on}")
        for index, log in enumerate(self.logs):
            if log.date > self.today:
                raise FieldProblem(f"logs[{index}].date", f"{log.date} is after today {self.today}")
        return self


class ReviewReason(Output):
    id: str
    text: str


class PainChange(Output):
    leg: float | None
    back: float | None


class Review(Output):
    contract: str = CONTRACT
    engine_version: str = ENGINE_VERSION
    decision: Decision
    urgency: Urgency
    adherence: float
    sessions_done: int
    sessions_planned: int
    window_start: dt.date
    window_end: dt.date
    window_pain: PainChange
    pain_change: PainChange
    judged: Literal["leg", "back"]
    clinician_review_recommended: bool
    reasons: list[ReviewReason]
    advice: list[str]
    avoid_exercises_added: list[str]
    plan: PlanAnswer | None


def _mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def _ordered(logs: list[SessionLog]) -> list[SessionLog]:
    return sorted(logs, key=lambda log: (log.date, SLOT_ORDER.index(log.slot)))


def _shift(phase: Phase, by: int) -> Phase:
    index = max(0, min(len(PHASE_ORDER) - 1, PHASE_ORDER.index(phase) + by))
    return PHASE_ORDER[index]


def review_week(request: ReviewRequest, catalog: Catalog) -> Review:
    today, profile = request.today, request.profile
    start = today - dt.timedelta(days=WINDOW_DAYS)
    window = _ordered([log for log in request.logs if start <= log.date < today])
    done = [log for log in window if log.done]

    sessions_per_day = request.plan.sessions_per_day or 2
    days_on_program = sum(
        1 for n in range(WINDOW_DAYS) if start + dt.timedelta(days=n) >= request.started_on
    )
    planned = sessions_per_day * days_on_program
    done_count = len({(log.date, log.slot) for log in done})
    adherence = round(min(1.0, done_count / planned), 2) if planned else 0.0

    leg = _mean([log.pain_before.leg for log in done if log.pain_before])
    back = _mean([log.pain_before.back for log in done if log.pain_before])
    base = request.baseline_pain
    change = PainChange(
        leg=None if leg is None else round(leg - base.leg, 1),
        back=None if back is None else round(back - base.back, 1),
    )
    judged: Literal["leg", "back"] = "leg" if base.leg >= base.back else "back"
    judged_base = base.leg if judged == "leg" else base.back
    judged_now = leg if judged == "leg" else back
    improvement = None if judged_now is None else judged_base - judged_now

    reasons: list[ReviewReason] = []
    tips: list[str] = []
    clinician = False

    week: dict[str, object] = {
        "adherence": adherence,
        "sessions_done": done_count,
        "sessions_planned": planned,
        "window_start": start,
        "window_end": today - dt.timedelta(days=1),
        "window_pain": PainChange(leg=leg, back=back),
        "pain_change": change,
        "judged": judged,
    }

    # Rule 1: a red flag in any log, or a profile that no longer passes triage, stops the program.
    flags: list[RedFlagId] = sorted({f for log in request.logs for f in log.new_red_flags})
    assessed = triage(profile)
    if flags or assessed.urgency != "self_care":
        levels: list[Urgency] = [RED_FLAGS[f].level for f in flags]
        levels.append(assessed.urgency)
        stop_urgency = most_urgent(levels)
        reasons = [ReviewReason(id=f, text=f"You reported: {RED_FLAGS[f].text}") for f in flags]
        reasons += [
            ReviewReason(id=r.id, text=r.text) for r in assessed.reasons if r.urgency != "self_care"
        ]
        return Review.model_validate(
            {
                **week,
                "decision": "stop_and_seek_care",
                "urgency": stop_urgency,
                "clinician_review_recommended": True,
                "reasons": reasons,
                "advice": list(advice.URGENCY_ADVICE[stop_urgency]),
                "avoid_exercises_added": [],
                "plan": None,
            }
        )

    decision: Decision = "continue"

    # Rule 2: peripheralisation.
    spreading = [log for log in done if log.peripheralised]
    extents = [log for log in done if log.extent_before or log.extent_after]
    trend = False
    if extents:
        first = extents[0].extent_before or extents[0].extent_after
        last = extents[-1].extent_after or extents[-1].extent_before
        trend = first is not None and last is not None and peripheralised(first, last)
    added: list[str] = []
    if spreading or trend:
        decision = "regress"
        others = [log for log in done if not log.peripheralised]
        culprits: set[str] = set(spreading[0].exercises_done) if spreading else set()
        for log in spreading[1:]:
            culprits &= set(log.exercises_done)
        for log in others:
            culprits -= set(log.exercises_done)
        added = sorted(c for c in culprits if c not in profile.avoid_exercises)
        text = (
            f"Your symptoms spread further down the leg in {len(spreading)} session"
            f"{'' if len(spreading) == 1 else 's'} this week"
            if spreading
            else "By the end of the week your symptoms reached further down the leg than at the "
            "start"
        )
        if added:
            names = ", ".join(catalog[c].name.lower() for c in added if c in catalog)
            text += (
                f". It happened only in sessions with {names}, so that is taken out of your plan."
            )
        else:
            # No single exercise explains it: a clinician should look, rather than the app guess.
            clinician = True
            text += ". No single exercise explains it, so please ask your clinician to look at it."
        reasons.append(ReviewReason(id="peripheralisation", text=text))
        tips.append(advice.STOP_IF_SPREADING)

    # Rule 3: worse by 2 points or more on either side.
    worse = [
        side
        for side, delta in (("leg", change.leg), ("back", change.back))
        if delta is not None and delta >= MEANINGFUL_POINTS
    ]
    if worse:
        decision = "regress"
        reasons.append(
            ReviewReason(
                id="pain_worse",
                text=(
                    f"Your {' and '.join(worse)} pain is 2 points or more worse than when you "
                    "started."
                ),
            )
        )

    improved = improvement is not None and (
        improvement >= MEANINGFUL_POINTS
        or (judged_base > 0 and improvement / judged_base >= MEANINGFUL_FRACTION)
    )
    # Rule 4: better by 2 points or 30 %, with adherence of 0.7 or more.
    if decision == "continue" and improved and adherence >= PROGRESS_ADHERENCE:
        decision = "progress"
        reasons.append(
            ReviewReason(
                id="pain_improved",
                text=(
                    f"Your {judged} pain is down from {judged_base} to {judged_now:g} on average "
                    f"and you did {adherence:.0%} of your sessions. Time to move on."
                ),
            )
        )
    elif decision == "continue":
        if improved:
            text = (
                f"Your {judged} pain has improved, but only {adherence:.0%} of sessions were done; "
                "keep going at this level until the sessions are a habit."
            )
        elif judged_now is None:
            text = "No session with a pain score was logged this week, so the plan stays as it is."
        else:
            text = "Your pain has not changed by 2 points or 30 % yet; keep going at this level."
        reasons.append(ReviewReason(id="no_meaningful_change", text=text))
    # Rule 5: adherence under 0.5 adds advice on building the habit.
    if adherence < HABIT_ADHERENCE_BELOW:
        reasons.append(
            ReviewReason(
                id="low_adherence", text=f"{done_count} of {planned} sessions were done this week."
            )
        )
        tips.append(advice.HABIT)

    # Rule 6: six weeks or more without a 30 % improvement.
    weeks_in = (today - request.started_on).days
    thirty = judged_base == 0 or (
        improvement is not None and improvement / judged_base >= MEANINGFUL_FRACTION
    )
    if weeks_in >= CLINICIAN_REVIEW_AFTER_DAYS and not thirty:
        clinician = True
        reasons.append(
            ReviewReason(
                id="no_improvement_six_weeks",
                text=(
                    "It has been six weeks or more without your pain improving by 30 %. Please "
                    "see your doctor or physiotherapist to check the diagnosis and the plan."
                ),
            )
        )

    # Next phase (rule 7: progress never ends the program; maintenance continues twice a day).
    current: Phase = request.plan.phase or phase_for(profile)
    step = request.plan.variant_step
    if decision == "progress":
        phase = _shift(current, +1)
        step = step + 1 if phase == current else 0
    elif decision == "regress":
        phase = _shift(current, -1)
        step = step - 1 if phase == current else 0
    else:
        phase = current
    high = [v for v in (leg, back) if v is not None and v >= RELIEF_FROM_PAIN]
    if high and phase != "relief":
        # Contract plan rule 3 again: this week's pain, not last month's, decides whether
        # equipment-based strengthening is safe.
        phase, step = "relief", 0
        reasons.append(
            ReviewReason(
                id="pain_still_high",
                text=(
                    "Pain averaged 7 or more this week, so the plan stays with gentle relief work."
                ),
            )
        )

    updated = profile.model_copy(update={"avoid_exercises": [*profile.avoid_exercises, *added]})
    next_plan = build_plan(updated, catalog, phase=phase, variant_step=step)
    if next_plan.sessions is None:
        clinician = True
        reasons.extend(
            ReviewReason(id=r.id, text=r.text) for r in next_plan.reasons if r.id == "no_safe_plan"
        )
    tips.extend(next_plan.advice)
    return Review.model_validate(
        {
            **week,
            "decision": decision,
            "urgency": next_plan.urgency,
            "clinician_review_recommended": clinician,
            "reasons": reasons,
            "advice": list(dict.fromkeys(tips)),
            "avoid_exercises_added": added,
            "plan": next_plan,
        }
    )
