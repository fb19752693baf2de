"""The weekly review (contract review rules 1-8): progress, continue, regress or seek care.

Thresholds: a change of 2 points or 30 % on a 0-10 pain scale is the smallest that matters to
people (Farrar 2001; Ostelo 2008). Symptoms spreading further down the leg mean stop the movement
that caused them (directional preference and centralisation, Long 2004). Six weeks without a
meaningful improvement, or getting worse, calls for a clinician (NICE NG59 asks for a review of
care that is not helping).
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Final, Literal

from sciatica_coach.engine import advice
from sciatica_coach.engine.activity import first_minutes, raised
from sciatica_coach.engine.catalog import Catalog
from sciatica_coach.engine.phase import (
    RELIEF_FROM_PAIN,
    earlier,
    phase_for,
    phase_for_pain,
    shifted,
)
from sciatica_coach.engine.plan_models import PlanAnswer
from sciatica_coach.engine.planner import Review as NextPlan
from sciatica_coach.engine.planner import build_plan
from sciatica_coach.engine.progression import Standing
from sciatica_coach.engine.review_models import (
    Decision,
    PainChange,
    Review,
    ReviewReason,
    ReviewRequest,
    SessionLog,
    centralised,
    peripheralised,
)
from sciatica_coach.engine.safety import counts_as, needs_flexion
from sciatica_coach.engine.triage import pregnant_or_postpartum, triage
from sciatica_coach.engine.vocabulary import (
    PHASE_ORDER,
    RED_FLAGS,
    Extent,
    Phase,
    RedFlagId,
    Slot,
    SpineDirection,
    extent_rank,
)

__all__ = ["centralised", "peripheralised", "review_week"]

WINDOW_DAYS: Final = 7
MEANINGFUL_POINTS: Final = 2  # Farrar 2001: 2 points on 0-10
MEANINGFUL_FRACTION: Final = 0.30  # Farrar 2001, Ostelo 2008: 30 %
PROGRESS_ADHERENCE: Final = 0.7
HABIT_ADHERENCE_BELOW: Final = 0.5
# Rule 4: progress only when this week is no more than half a point worse than the last one.
NOT_WORSE_THAN_LAST_BY: Final = 0.5
CLINICIAN_REVIEW_AFTER_DAYS: Final = 42  # rule 6: six weeks without a 30 % improvement
SEVERE_PAIN: Final = RELIEF_FROM_PAIN  # rule 6: 7 or more in this window and the previous one
SLOT_ORDER: Final[tuple[Slot, ...]] = ("morning", "midday", "afternoon", "evening")
# Suspects of these kinds take the same kind of exercise for the same target with them.
SAME_TISSUE_KINDS: Final = ("stretch", "nerve_glide")
BEND_WORDS: Final[dict[str, str]] = {"flexion": "bending forward", "extension": "bending backwards"}
PHASE_WORDS: Final[dict[Phase, str]] = {
    "relief": "calming",
    "recovery": "strength-building",
    "maintenance": "keeping-it-up",
}
# Triage rule 8: a cleared cancer history fires again when the person is worse or not improving.
REFIRES_WHEN_NOT_IMPROVING: Final[tuple[RedFlagId, ...]] = ("cancer_history",)


def _ordered(logs: list[SessionLog]) -> list[SessionLog]:
    return sorted(logs, key=lambda log: (log.date, SLOT_ORDER.index(log.slot)))


def _mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


@dataclass(frozen=True)
class Window:
    """Rule 8: the seven days up to today, never before ``started_on``."""

    start: dt.date
    end: dt.date
    logs: list[SessionLog]
    done: list[SessionLog]
    planned: int
    done_count: int
    leg: float | None
    back: float | None

    @property
    def adherence(self) -> float:
        return round(min(1.0, self.done_count / self.planned), 2) if self.planned else 0.0

    @property
    def phase(self) -> Phase | None:
        """Plan rule 3's phase for this window's pain; ``None`` without pain scores."""
        if self.leg is None or self.back is None:
            return None
        return phase_for_pain(self.leg, self.back)

    @property
    def furthest_extent(self) -> Extent | None:
        """How far down the leg the symptoms reached at any point this week, before or after a
        session: the extent plan rule 4's nerve rule reads after a review. The contract names the
        window's last ``extent_after``; the furthest is never less safe, and a week that began
        below the knee each morning is a below-the-knee week (a physiotherapist's reading)."""
        seen = [e for log in self.done for e in (log.extent_before, log.extent_after) if e]
        return max(seen, key=extent_rank, default=None)


def window_of(request: ReviewRequest) -> Window:
    """Today is in the window, so a session that spread the symptoms this morning counts (apps
    call the review at once then). Today is still under way: it counts as many planned sessions
    as have been done so far, so an evening session not yet due is not a missed one (and a missed
    session may be logged or left out, with the same result)."""
    today = request.today
    start = max(today - dt.timedelta(days=WINDOW_DAYS - 1), request.started_on)
    logs = _ordered([log for log in request.logs if start <= log.date <= today])
    done = [log for log in logs if log.done]
    per_day = request.plan.sessions_per_day or 2
    done_today = len({log.slot for log in done if log.date == today})
    planned = per_day * (today - start).days + min(per_day, done_today)
    return Window(
        start=start,
        end=today,
        logs=logs,
        done=done,
        planned=planned,
        done_count=len({(log.date, log.slot) for log in done}),
        leg=_mean([log.pain_before.leg for log in done if log.pain_before]),
        back=_mean([log.pain_before.back for log in done if log.pain_before]),
    )


def _exercises(log: SessionLog, request: ReviewRequest) -> set[str]:
    """What a session held: what the log lists, or the plan's session when it lists nothing."""
    return set(log.exercises_done or request.plan.session_ids(log.slot))


def trial_ids(request: ReviewRequest, catalog: Catalog) -> set[str]:
    """The plan's unknown-preference trial (plan rule 5). Our plans mark it; for a plan that does
    not, every directional item of an ``unknown`` plan made without a condition that needs
    flexion is the trial (the only directional item rule 5 allows such a plan)."""
    items = [item for s in request.plan.sessions or [] for item in s.items]
    if any(item.trial is not None for item in items):
        return {item.exercise for item in items if item.trial}
    profile = request.profile
    if profile.directional_preference != "unknown" or needs_flexion(profile):
        return set()
    return {
        item.exercise
        for item in items
        if item.exercise in catalog and catalog[item.exercise].direction != "neutral"
    }


@dataclass
class Spread:
    """What rule 2 found in a week whose symptoms spread."""

    reasons: list[ReviewReason] = field(default_factory=list)
    avoid_exercises: list[str] = field(default_factory=list)
    avoid_directions: list[SpineDirection] = field(default_factory=list)
    no_cause: bool = False
    clinician: bool = False


def _names(catalog: Catalog, ids: list[str]) -> str:
    names = [catalog[i].name.lower() for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def spread_of(request: ReviewRequest, window: Window, catalog: Catalog) -> Spread | None:
    """Rule 2: peripheralisation in a session, or over the window; ``None`` when there was none.
    Sessions an earlier review judged already are not judged again."""
    judged = [log for log in window.done if not log.reviewed]
    spreading = [log for log in judged if log.peripheralised]
    with_extent = [log for log in judged if log.extent_before or log.extent_after]
    trend = False
    if with_extent:
        first = with_extent[0].extent_before or with_extent[0].extent_after
        last = with_extent[-1].extent_after or with_extent[-1].extent_before
        trend = first is not None and last is not None and peripheralised(first, last)
    if not spreading and not trend:
        return None

    profile, found = request.profile, Spread()
    count = len(spreading)
    if spreading:
        found.reasons.append(
            ReviewReason(
                id="peripheralisation",
                text=f"Your symptoms spread further down the leg in {count} session"
                f"{'' if count == 1 else 's'} out of {len(judged)} this week.",
            )
        )
    else:
        found.reasons.append(
            ReviewReason(
                id="peripheralisation",
                text="By the end of the week your symptoms reached further down the leg than at "
                "the start.",
            )
        )

    trial = trial_ids(request, catalog)
    if trial and any(_exercises(log, request) & trial for log in spreading):
        for exercise_id in sorted(trial):
            direction = catalog[exercise_id].direction
            if direction in ("flexion", "extension") and direction not in profile.avoid_directions:
                found.avoid_directions.append(direction)
        if found.avoid_directions:
            found.reasons.append(
                ReviewReason(
                    id="trial_direction_avoided",
                    text="It spread in a session with the trial of "
                    f"{_names(catalog, sorted(trial))}, so the plan now leaves out bending "
                    + ("backwards" if "extension" in found.avoid_directions else "forward")
                    + ". A movement test can show what suits you instead.",
                )
            )

    # A suspect is in every spreading session and in none of the others; with no other session
    # to compare with, nothing can be singled out.
    calm = [log for log in judged if not log.peripheralised]
    suspects: set[str] = set()
    if spreading and calm:
        suspects = set.intersection(*(_exercises(log, request) for log in spreading))
        for log in calm:
            suspects -= _exercises(log, request)
    suspects = {s for s in suspects if s in catalog}
    for suspect in sorted(suspects):
        exercise = catalog[suspect]
        line = [e.id for e in catalog.harder_line(suspect)]
        if exercise.direction == "mixed":
            line += [e.id for e in catalog.exercises if e.direction == "mixed"]
        if exercise.kind in SAME_TISSUE_KINDS:
            # The same stretch in another position stretches the same irritated tissue (where
            # the contract is silent): every stretch of the same kind and target goes too.
            line += [
                e.id
                for e in catalog.exercises
                if e.kind == exercise.kind
                and set(e.targets) & set(exercise.targets)
                and not e.check_only
            ]
        found.avoid_exercises += [
            e for e in line if e not in profile.avoid_exercises and e not in found.avoid_exercises
        ]
        direction = exercise.direction
        if (
            direction in ("flexion", "extension")
            and catalog.is_gentlest(suspect)
            and direction not in profile.avoid_directions
            and direction not in found.avoid_directions
        ):
            found.avoid_directions.append(direction)
    if suspects:
        names = _names(catalog, sorted(suspects))
        harder = [e for e in found.avoid_exercises if e not in suspects]
        text = f"It happened only in sessions with {names}, so that is taken out of your plan"
        if harder:
            text += f", with the harder steps that follow it ({_names(catalog, harder)})"
        text += "."
        found.reasons.append(ReviewReason(id="suspect_removed", text=text))
    else:
        # Rule 2: no invented cause. The next plan bends neither way, and a clinician looks. As
        # a precaution (where the contract is silent), the directions the spreading sessions bent
        # stay out until a clinician says otherwise: without it the same deep bend came back a
        # few weeks later, with nothing to stop it.
        found.no_cause = True
        found.clinician = True
        bent: set[SpineDirection] = {
            direction
            for log in spreading
            for e in _exercises(log, request)
            if e in catalog
            for direction in counts_as(catalog[e].direction)
        }
        precaution = sorted(
            d for d in bent if d not in profile.avoid_directions and d not in found.avoid_directions
        )
        found.avoid_directions += precaution
        text = (
            "No single exercise can be picked out from these sessions, so the review does not "
            "guess. Next week's plan leaves out bending forward or backward, and your clinician "
            "should look at it."
        )
        if precaution:
            words = " and ".join(BEND_WORDS[d] for d in precaution)
            text += f" Until then, as a precaution, it leaves out {words}."
        found.reasons.append(ReviewReason(id="no_single_cause", text=text))
    if count * 2 > len(judged):
        found.clinician = True
        found.reasons.append(
            ReviewReason(
                id="spread_in_most_sessions",
                text="It spread in more than half of this week's sessions: please see your "
                "clinician.",
            )
        )
    reviewed_directional = [
        e for e in request.plan.exercise_ids() if e in catalog and catalog[e].direction != "neutral"
    ]
    if not reviewed_directional and not suspects:
        found.clinician = True
        found.reasons.append(
            ReviewReason(
                id="spread_without_bending",
                text="Your plan had no exercise that bends the back either way, so something "
                "else is irritating the nerve: please see your clinician.",
            )
        )
    return found


def _furthest(*extents: Extent | None) -> Extent | None:
    return max((e for e in extents if e), key=extent_rank, default=None)


def _moved_on(catalog: Catalog, before: list[str], plan: PlanAnswer | None) -> list[str]:
    """The names of the lines the next plan moved one step on, in plan order."""
    if plan is None or plan.sessions is None:
        return []
    held = {catalog.line_id(e): e for e in before if e in catalog}
    moved = []
    for item in (i for s in plan.sessions for i in s.items):
        line = [e.id for e in catalog.progression(item.exercise)]
        was = held.get(line[0])
        if was is not None and line.index(item.exercise) > line.index(was):
            moved.append(item.name.lower())
    return list(dict.fromkeys(moved))


def review_week(request: ReviewRequest, catalog: Catalog) -> Review:
    today, profile = request.today, request.profile
    window = window_of(request)
    base = request.baseline_pain
    judged: Literal["leg", "back"] = "leg" if base.leg >= base.back else "back"
    judged_base = base.leg if judged == "leg" else base.back
    judged_now = window.leg if judged == "leg" else window.back
    previous = request.previous_window_pain
    judged_before = (
        None if previous is None else (previous.leg if judged == "leg" else previous.back)
    )
    change = PainChange(
        leg=None if window.leg is None else round(window.leg - base.leg, 1),
        back=None if window.back is None else round(window.back - base.back, 1),
    )
    week: dict[str, object] = {
        "adherence": window.adherence,
        "sessions_done": window.done_count,
        "sessions_planned": window.planned,
        "window_start": window.start,
        "window_end": window.end,
        "window_pain": PainChange(leg=window.leg, back=window.back),
        "pain_change": change,
        "judged": judged,
    }
    reasons: list[ReviewReason] = []
    tips: list[str] = []
    clinician = False

    # Rule 3 and rule 6, worked out first: a cleared cancer history fires again on either.
    worse_than = [
        what
        for what, before in (("when you started", judged_base), ("last week", judged_before))
        if before is not None
        and judged_now is not None
        and judged_now - before >= MEANINGFUL_POINTS
    ]
    improvement = None if judged_now is None else judged_base - judged_now
    thirty = judged_base == 0 or (
        improvement is not None and improvement / judged_base >= MEANINGFUL_FRACTION
    )
    six_weeks = (today - request.started_on).days >= CLINICIAN_REVIEW_AFTER_DAYS
    stuck = six_weeks and judged_now is not None and not thirty
    severe_twice = (
        judged_now is not None
        and judged_before is not None
        and judged_now >= SEVERE_PAIN
        and judged_before >= SEVERE_PAIN
    )

    # Rule 1: a red flag in any log (cleared or not: triage rule 8), a profile that no longer
    # passes triage, or a cleared flag that fires again, stops the program.
    reported: list[RedFlagId] = sorted({f for log in request.logs for f in log.new_red_flags})
    refired = [
        f
        for f in REFIRES_WHEN_NOT_IMPROVING
        if f in profile.cleared_red_flags and (worse_than or stuck or severe_twice)
    ]
    uncleared = {*reported, *refired}
    assessed = triage(
        profile.model_copy(
            update={
                "red_flags": list(dict.fromkeys([*profile.red_flags, *reported, *refired])),
                "cleared_red_flags": [f for f in profile.cleared_red_flags if f not in uncleared],
            }
        )
    )
    if assessed.urgency != "self_care":
        stop = [ReviewReason(id=f, text=f"You reported: {RED_FLAGS[f].text}") for f in reported]
        stop += [
            ReviewReason(
                id=f"{f}_again",
                text="A clinician cleared your cancer history before, but your pain is "
                + ("worse" if worse_than else "not improving")
                + ", so it needs checking again today.",
            )
            for f in refired
        ]
        stop += [
            ReviewReason(id=r.id, text=r.text) for r in assessed.reasons if r.urgency != "self_care"
        ]
        return Review.model_validate(
            {
                **week,
                "decision": "stop_and_seek_care",
                "urgency": assessed.urgency,
                "clinician_review_recommended": True,
                "reasons": list({r.id: r for r in stop}.values()),
                "advice": assessed.advice,
                "go_to": assessed.go_to,
                "avoid_exercises_added": [],
                "avoid_directions_added": [],
                "plan": None,
            }
        )

    current: Phase = request.plan.phase or phase_for(profile)
    held = request.plan.exercise_ids()
    last_walk = (
        request.plan.daily_activity.minutes
        if request.plan.daily_activity is not None
        else first_minutes(profile, current)
    )

    if window.planned == 0:
        # Rule 8: nothing was planned in the window yet, so there is nothing to judge.
        next_plan = build_plan(
            profile,
            catalog,
            NextPlan(phase=current, standing=Standing.of(held, catalog, 0), walk_minutes=last_walk),
        )
        return Review.model_validate(
            {
                **week,
                "decision": "continue",
                "urgency": next_plan.urgency,
                "clinician_review_recommended": False,
                "reasons": [
                    ReviewReason(
                        id="too_early",
                        text="It is too early for a review: no session was due yet since the "
                        "program started. Your plan stays as it is.",
                    )
                ],
                "advice": next_plan.advice,
                "go_to": [],
                "avoid_exercises_added": [],
                "avoid_directions_added": [],
                "plan": next_plan,
            }
        )

    decision: Decision = "continue"
    phase, step = current, 0

    # Rule 2: peripheralisation. With the suspect out, the other lines stay where they were;
    # with no cause singled out, every line goes one step easier (and none bends the back).
    spread = spread_of(request, window, catalog)
    because = ""
    if spread is not None:
        decision, step = "regress", (-1 if spread.no_cause else 0)
        because = "because your symptoms spread this week" if spread.no_cause else ""
        reasons += spread.reasons
        clinician = clinician or spread.clinician
        tips.append(advice.STOP_IF_SPREADING)

    # Rule 3: worse by 2 points or more than at the start or than last week.
    if worse_than:
        decision = "regress"
        clinician = True
        now = f"{judged_now:g}"
        reasons.append(
            ReviewReason(
                id="pain_worse",
                text=f"Your {judged} pain averaged {now} this week: 2 points or more worse than "
                + " and ".join(worse_than)
                + ".",
            )
        )
        tips.append(advice.SEE_CLINICIAN_SOON)
        target = earlier(shifted(current, -1), window.phase or current)
        phase, step = (current, -1) if current == "relief" else (target, 0)
        because = "because your pain is worse"

    # Rule 4: better than at the start by 2 points or 30 %, not worse than last week, and 0.7 of
    # the sessions done.
    improved = improvement is not None and (
        improvement >= MEANINGFUL_POINTS
        or (judged_base > 0 and improvement / judged_base >= MEANINGFUL_FRACTION)
    )
    steady = judged_before is None or (
        judged_now is not None and judged_now <= judged_before + NOT_WORSE_THAN_LAST_BY
    )
    if decision == "continue" and improved and steady and window.adherence >= PROGRESS_ADHERENCE:
        decision = "progress"
        allowed = window.phase or current
        if PHASE_ORDER.index(allowed) > PHASE_ORDER.index(current):
            phase, step = shifted(current, +1), 0
        else:
            phase, step = current, +1
            because = "as your pain has eased and you kept up your sessions"
        since = "" if judged_before is None else f" (last week {judged_before:g})"
        reasons.append(
            ReviewReason(
                id="pain_improved",
                text=f"Your {judged} pain averaged {judged_now:g} this week{since}, down from "
                f"{judged_base} at the start, and you did {window.done_count} of "
                f"{window.planned} sessions.",
            )
        )
    elif decision == "continue":
        if judged_now is None:
            text = "No session with a pain score was logged this week, so the plan stays as it is."
        elif improved and not steady:
            text = (
                f"Your {judged} pain is better than at the start but up on last week "
                f"({judged_before:g} to {judged_now:g}), so the plan stays at this level."
            )
        elif improved:
            text = (
                f"Your {judged} pain has improved, but {window.done_count} of {window.planned} "
                "sessions were done. Keep going at this level until the sessions are a habit."
            )
        else:
            text = (
                f"Your {judged} pain averaged {judged_now:g} this week against {judged_base} at "
                "the start: not yet a change of 2 points or 30 %. Keep going at this level."
            )
        reasons.append(ReviewReason(id="no_meaningful_change", text=text))

    # Rule 5: adherence under 0.5 adds advice on building the habit.
    if window.adherence < HABIT_ADHERENCE_BELOW:
        reasons.append(
            ReviewReason(
                id="low_adherence",
                text=f"{window.done_count} of {window.planned} sessions were done this week.",
            )
        )
        tips.append(advice.HABIT)

    # Rule 6: six weeks without a 30 % improvement, or severe pain two windows running.
    if stuck:
        clinician = True
        reasons.append(
            ReviewReason(
                id="no_improvement_six_weeks",
                text="It has been six weeks or more without your pain improving by 30 %. Please "
                "see your doctor or physiotherapist to check the diagnosis and the plan.",
            )
        )
    if severe_twice:
        clinician = True
        reasons.append(
            ReviewReason(
                id="severe_two_weeks",
                text=f"Your {judged} pain averaged 7 or more this week and last week. Please see "
                "your doctor or physiotherapist.",
            )
        )
    if clinician and advice.SEE_CLINICIAN_SOON not in tips:
        tips.append(advice.SEE_CLINICIAN_SOON)

    # Plan rule 3 again: this week's pain, not last month's, decides whether the plan needs the
    # gentle relief phase (and its limits on equipment and nerve-loading stretches).
    if window.phase == "relief" and phase != "relief":
        phase, step = "relief", 0
        reasons.append(
            ReviewReason(
                id="pain_still_high",
                text="Pain averaged 7 or more this week, so the plan goes back to gentle "
                "relief work.",
            )
        )

    # Where the contract is silent: pain on the side not judged going up by 2 or more does not
    # change the decision (rule 3 judges one side), but it is worth a clinician's look.
    other = "back" if judged == "leg" else "leg"
    other_now = window.back if other == "back" else window.leg
    other_base = base.back if other == "back" else base.leg
    if other_now is not None and other_now - other_base >= MEANINGFUL_POINTS:
        clinician = True
        reasons.append(
            ReviewReason(
                id=f"{other}_pain_worse",
                text=f"Your {other} pain averaged {other_now:g} this week, up from {other_base} at "
                "the start. Please mention it to your doctor or physiotherapist.",
            )
        )

    # Rule 7: the program never ends; a walk grows each week the symptoms did not spread.
    walk = (
        last_walk
        if spread is not None
        else raised(last_walk, worse=bool(worse_than), tolerance=profile.walking_tolerance_min)
    )
    updated = profile.model_copy(
        update={
            "avoid_exercises": [
                *profile.avoid_exercises,
                *(spread.avoid_exercises if spread else []),
            ],
            "avoid_directions": [
                *profile.avoid_directions,
                *(spread.avoid_directions if spread else []),
            ],
        }
    )
    next_plan = build_plan(
        updated,
        catalog,
        NextPlan(
            phase=phase,
            standing=Standing.of(held, catalog, step, because),
            # A week that spread the symptoms adds no nerve-loading stretch, whatever the extent.
            extent=_furthest(window.furthest_extent, "below_knee" if spread else None),
            walk_minutes=walk,
            walk_held=spread is not None,
            no_directional=spread.no_cause if spread else False,
        ),
    )
    if decision == "progress":
        # Rule 8: say what moved, as the plan has it.
        if phase != current:
            moved = f"You move on to the {PHASE_WORDS[phase]} phase."
        elif names := _moved_on(catalog, held, next_plan):
            moved = f"One step on: {' and '.join(names)}."
        else:
            moved = "No exercise has a harder step you can do yet, so the plan stays as it is."
        reasons = [
            r.model_copy(update={"text": f"{r.text} {moved}"}) if r.id == "pain_improved" else r
            for r in reasons
        ]
    if next_plan.sessions is None:
        clinician = True
        reasons.extend(
            ReviewReason(id=r.id, text=r.text) for r in next_plan.reasons if r.id == "no_safe_plan"
        )
    clinician = clinician or next_plan.clinician_review_recommended
    tips.extend(next_plan.advice)
    return Review.model_validate(
        {
            **week,
            "decision": decision,
            "urgency": next_plan.urgency,
            "clinician_review_recommended": clinician,
            "reasons": reasons,
            "advice": advice.finished(tips, pregnant_or_postpartum=pregnant_or_postpartum(profile)),
            "go_to": next_plan.go_to,
            "avoid_exercises_added": spread.avoid_exercises if spread else [],
            "avoid_directions_added": spread.avoid_directions if spread else [],
            "plan": next_plan,
        }
    )
