"""Writes. Each service loads what it needs, asks the engine, and saves the answer.

No clinical rule lives here: urgency, phase, exercises and review decisions all come from
``sciatica_coach.engine``. A refused input surfaces as ``engine.RefusedInput``.
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol

from django.contrib.auth.models import User
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from sciatica_coach import engine
from sciatica_coach.program import selectors
from sciatica_coach.program.models import (
    MovementTestResult,
    Plan,
    Profile,
    Review,
    SessionLog,
)
from sciatica_coach.program.summary import refreshes_summary
from sciatica_coach.web.limits import date_problem


class NoProfile(Exception):
    """The person has not done the intake yet."""


class NoProgram(Exception):
    """The current plan is not a program (the engine said see a clinician first)."""


def _merged_flags(current: list[str], new: list[str]) -> list[str]:
    return current + [flag for flag in new if flag not in current]


# Who a clearance came from. Only the person themself can say so for now; the clinician side will
# record its own.
SELF_REPORTED = "self_reported"


def clearances_kept(
    previous: list[dict[str, str]], cleared: list[str], *, by: str, on: dt.date
) -> list[dict[str, str]]:
    """One record per cleared flag: kept as it was when it was already cleared, new otherwise."""
    known = {record["flag"]: record for record in previous}
    return [known.get(flag) or {"flag": flag, "by": by, "on": on.isoformat()} for flag in cleared]


def _counts_weeks(data: dict[str, Any]) -> bool:
    return data.get("pregnancy_weeks") is not None or data.get("weeks_since_birth") is not None


def weeks_on(data: dict[str, Any], weeks: int) -> dict[str, Any]:
    """The profile ``weeks`` on: a pregnancy a week further each week (to 42 at most, when the
    person is asked whether the baby has come), and six weeks after a birth no longer recent."""
    aged = dict(data)
    if data.get("pregnancy_weeks") is not None:
        aged["pregnancy_weeks"] = min(PREGNANCY_WEEKS_MAX, data["pregnancy_weeks"] + weeks)
    if data.get("weeks_since_birth") is not None:
        since = data["weeks_since_birth"] + weeks
        aged["weeks_since_birth"] = since if since <= RECENT_BIRTH_WEEKS else None
    return aged


PREGNANCY_WEEKS_MAX = 42  # the contract's range
RECENT_BIRTH_WEEKS = 6  # the contract's ``weeks_since_birth``: 0-6


@refreshes_summary
@transaction.atomic
def profile_age(*, user: User, today: dt.date | None = None) -> Profile | None:
    """Move a pregnancy, or the weeks since a birth, on by the whole weeks since they were last
    counted. A new plan is made only when the current one holds something the profile, a week
    on, rules out (at 13 and 20 weeks the position rules change, plan rule 4): a new plan starts
    every line again at level 1, so it is not made every week for nothing."""
    today = today or timezone.localdate()
    profile = selectors.profile_get(user=user)
    if profile is None or profile.weeks_counted_on is None:
        return profile
    weeks = (today - profile.weeks_counted_on).days // 7
    if weeks < 1:
        return profile
    counted_on = profile.weeks_counted_on + dt.timedelta(weeks=weeks)
    data = weeks_on(profile.data, weeks)
    plan, answer = profile.plan, engine.plan(data)
    if (
        plan is None
        or plan.is_program != (answer["sessions"] is not None)
        or _plan_exercises_all(plan) & {e["exercise"] for e in answer["excluded"]}
    ):
        return profile_update(
            user=user, data=data, source=Plan.Source.PROFILE, weeks_counted_on=counted_on
        )
    profile.data, profile.triage = data, engine.triage(data)
    profile.weeks_counted_on = counted_on if _counts_weeks(data) else None
    profile.save(update_fields=["data", "triage", "weeks_counted_on", "updated_at"])
    return profile


def _plan_exercises_all(plan: Plan) -> set[str]:
    return {i["exercise"] for s in plan.answer.get("sessions") or [] for i in s["items"]}


@refreshes_summary
@transaction.atomic
def profile_update(
    *,
    user: User,
    data: dict[str, Any],
    source: str = Plan.Source.PROFILE,
    cleared_by: str = SELF_REPORTED,
    weeks_counted_on: dt.date | None = None,
) -> Profile:
    """Store a new profile: triage it again and make a new plan from it.

    ``weeks_counted_on``: the day a pregnancy week or the weeks since a birth in ``data`` were
    true; today unless said (the person has just told us).
    """
    answers = engine.triage_and_plan(data)  # refuses a bad profile before anything is saved
    triage = answers["triage"]
    previous = selectors.profile_get(user=user)
    today = timezone.localdate()
    clearances = clearances_kept(
        previous.clearances if previous else [],
        data.get("cleared_red_flags", []),
        by=cleared_by,
        on=today,
    )
    counted = None
    if _counts_weeks(data):
        # The same weeks as stored are still counted from when they were (another change to
        # the profile must not reset a pregnancy's clock); new ones from today.
        unchanged = previous is not None and all(
            data.get(key) == previous.data.get(key)
            for key in ("pregnancy_weeks", "weeks_since_birth")
        )
        kept = previous.weeks_counted_on if previous is not None and unchanged else None
        counted = weeks_counted_on or kept or today
    profile, _ = Profile.objects.update_or_create(
        user=user,
        defaults={
            "data": data,
            "triage": triage,
            "clearances": clearances,
            "weeks_counted_on": counted,
        },
    )
    plan_generate(user=user, profile=profile, source=source, answer=answers["plan"])
    return profile


@refreshes_summary
@transaction.atomic
def plan_generate(
    *,
    user: User,
    profile: Profile | None = None,
    source: str = Plan.Source.PROFILE,
    answer: dict[str, Any] | None = None,
    changed_by: str = "",
    change_note: str = "",
) -> Plan:
    """``answer``: the engine's plan, when the caller has just asked for it with the triage.
    ``changed_by``, ``change_note``: a clinician's change, as the person reads it."""
    profile = profile or selectors.profile_get(user=user)
    if profile is None:
        raise NoProfile
    answer = answer or engine.plan(profile.data)
    today = timezone.localdate()
    plan = Plan.objects.create(
        user=user,
        created_on=today,
        engine_version=answer.get("engine_version", engine.ENGINE_VERSION),
        source=source,
        answer=answer,
        changed_by=changed_by,
        change_note=change_note,
    )
    profile.plan = plan
    if answer.get("sessions") is not None and profile.started_on is None:
        # The first day the engine allows the program: the review's start and pain baseline.
        profile.started_on = today
        profile.baseline_leg = profile.data["pain"]["leg"]
        profile.baseline_back = profile.data["pain"]["back"]
    profile.save(
        update_fields=["plan", "started_on", "baseline_leg", "baseline_back", "updated_at"]
    )
    return plan


@refreshes_summary
@transaction.atomic
def assessment_save(
    *, user: User, assessment: dict[str, Any]
) -> tuple[Profile, list[dict[str, Any]]]:
    """Store the self-assessment results in the profile; the findings come from the engine."""
    profile = selectors.profile_get(user=user)
    if profile is None:
        raise NoProfile
    leg_side = profile.data["symptoms"]["leg_side"]
    findings = engine.assess(assessment, leg_side)
    data = {**profile.data, "assessment": assessment}
    profile = profile_update(user=user, data=data, source=Plan.Source.ASSESSMENT)
    return profile, findings


def _flag_profile(user: User, flags: list[str]) -> None:
    """A warning sign reported in a session is a profile change: triage runs again."""
    if not flags:
        return
    profile = selectors.profile_get(user=user)
    if profile is None:
        return
    data = {**profile.data, "red_flags": _merged_flags(profile.data["red_flags"], flags)}
    profile_update(user=user, data=data, source=Plan.Source.SESSION)


@refreshes_summary
@transaction.atomic
def session_start(
    *,
    user: User,
    slot: str,
    pain_leg: int,
    pain_back: int,
    extent: str,
    red_flags: list[str],
    plan: Plan | None = None,
) -> SessionLog:
    """``plan``: the current plan when the caller has just read it (it is read once, not twice)."""
    if plan is None or plan.user_id != user.pk:
        plan = selectors.plan_current(user=user)
    if plan is None or not plan.is_program:
        raise NoProgram
    log = SessionLog.objects.create(
        user=user,
        plan=plan,
        date=timezone.localdate(),
        slot=slot,
        pain_before_leg=pain_leg,
        pain_before_back=pain_back,
        extent_before=extent,
        new_red_flags=red_flags,
        ending=SessionLog.Ending.RED_FLAG if red_flags else SessionLog.Ending.OPEN,
    )
    _flag_profile(user, red_flags)
    return log


def session_progress(*, user: User, log_id: int, step: int, exercises_done: list[str]) -> None:
    """Save how far the player got; called on each step and from the page-hide beacon.

    The hottest write in the app, and the one many phones make at once: it reads outside any
    transaction and then writes one conditional UPDATE, so SQLite's write lock is held for that
    statement alone (a transaction around the reads held it while the plan's JSON was decoded,
    and the other workers waited in SQLite's coarse busy-sleeps: p99 of 80-200 ms at 8
    connections). The plan's exercises come from a cache, since a plan never changes.
    """
    found = (
        SessionLog.objects.filter(user=user, pk=log_id)
        .values_list("plan_id", "slot", "ending")
        .first()
    )
    if found is None:
        raise Http404
    plan_id, slot, ending = found
    if ending:
        return  # a finished session is not reopened by a late beacon
    in_plan = selectors.plan_session_exercises(plan_id=plan_id, slot=slot)
    kept = [e for e in dict.fromkeys(exercises_done) if e in in_plan]
    # "ending" in the condition: a session finished meanwhile is not reopened either.
    with transaction.atomic():  # on SQLite: queued on the write lock, never busy-sleeping
        SessionLog.objects.filter(pk=log_id, user=user, ending="").update(
            step=max(0, step), exercises_done=kept, done=bool(kept), updated_at=timezone.now()
        )
    # Not ``refreshes_summary``: called at every step of the player (and its beacon), it is kept
    # to a read and a write; the session's finish, or the person's next write, rebuilds the
    # summary with what was done (summary.NOT_REBUILT).


@refreshes_summary
@transaction.atomic
def session_log(
    *,
    user: User,
    log_id: int,
    pain_leg: int,
    pain_back: int,
    extent: str,
    red_flags: list[str],
    spreading: bool = False,
) -> SessionLog:
    """Close a session with the after-check; the log is what the weekly review reads."""
    log = selectors.session_log_get(user=user, log_id=log_id)
    log.pain_after_leg = pain_leg
    log.pain_after_back = pain_back
    log.extent_after = extent
    log.new_red_flags = _merged_flags(log.new_red_flags, red_flags)
    log.done = bool(log.exercises_done)
    log.ending = _ending(
        flags=red_flags,
        spread=spreading or _extent_spread(log),
        otherwise=SessionLog.Ending.FINISHED,
    )
    log.save()
    _safety_follow_up(user=user, flags=red_flags, ending=log.ending)
    return log


def _ending(*, flags: list[str], spread: bool, otherwise: str) -> str:
    """How a stored session ended, in the same order wherever it comes from: a warning sign
    first, then symptoms spreading, then what the caller says it was."""
    if flags:
        return SessionLog.Ending.RED_FLAG
    return SessionLog.Ending.SPREADING if spread else otherwise


def _safety_follow_up(
    *, user: User, flags: list[str], ending: str, today: dt.date | None = None
) -> None:
    """What a stored session sets off: a warning sign re-runs triage, spreading symptoms are
    reviewed at once."""
    _flag_profile(user, flags)
    if ending == SessionLog.Ending.SPREADING:
        # Review rule 2: apps ask for the review as soon as a session spreads the symptoms, so
        # the exercise that did it is out of the plan before the next session.
        review_week(user=user, today=today)


def _extent_spread(log: SessionLog) -> bool:
    """Did the symptoms reach further down the leg after the session than before it?

    Only to choose which advice ends this session; the weekly review makes its own judgement.
    """
    if not log.extent_before or not log.extent_after:
        return False
    return engine.peripheralised(log.extent_before, log.extent_after)  # type: ignore[arg-type]


@refreshes_summary
@transaction.atomic
def review_week(
    *, user: User, today: dt.date | None = None, walking_tolerance_min: int | None = None
) -> Review:
    """Ask the engine to review the last week; its plan replaces the current one.

    ``walking_tolerance_min``: how far the person can walk now, asked again at the review, so
    the daily walk follows it (plan rule 7)."""
    today = today or timezone.localdate()
    profile = profile_age(user=user, today=today)
    if profile is None:
        raise NoProfile
    if walking_tolerance_min is not None:
        profile.data = {**profile.data, "walking_tolerance_min": walking_tolerance_min}
    plan = selectors.plan_current(user=user)
    if plan is None or not plan.is_program or profile.started_on is None:
        raise NoProgram
    # The engine reads the seven days up to and including today; older logs change nothing.
    logs = selectors.session_logs_between(
        user=user, start=today - selectors.REVIEW_INTERVAL, end=today + dt.timedelta(days=1)
    )
    request: dict[str, Any] = {
        "profile": profile.data,
        "plan": plan.answer,
        "started_on": profile.started_on.isoformat(),
        "today": today.isoformat(),
        "baseline_pain": {"leg": profile.baseline_leg, "back": profile.baseline_back},
        "logs": [log.to_engine() for log in logs],
    }
    previous = selectors.review_latest(user=user)
    window = (previous.answer.get("window_pain") or {}) if previous else {}
    if window.get("leg") is not None and window.get("back") is not None:
        # Review rule 4: progress is judged against the last window too, not the start only.
        request["previous_window_pain"] = {"leg": window["leg"], "back": window["back"]}
    answer = engine.review(request)
    added = answer.get("avoid_exercises_added") or []
    directions = answer.get("avoid_directions_added") or []
    if added or directions:
        data = profile.data
        profile.data = {
            **data,
            "avoid_exercises": _merged_flags(data.get("avoid_exercises", []), added),
            "avoid_directions": _merged_flags(data.get("avoid_directions", []), directions),
        }
        profile.triage = engine.triage(profile.data)
    new_plan = None
    if answer.get("plan") is not None:
        new_plan = Plan.objects.create(
            user=user,
            created_on=today,
            engine_version=answer["plan"].get("engine_version", engine.ENGINE_VERSION),
            source=Plan.Source.REVIEW,
            answer=answer["plan"],
        )
        profile.plan = new_plan
    profile.reviewed_on = today
    profile.save(update_fields=["data", "triage", "plan", "reviewed_on", "updated_at"])
    # Each finished session is judged once: the next review counts it but does not judge again
    # whether it spread the symptoms (it was done under the plan this review replaced).
    SessionLog.objects.filter(pk__in=[log.pk for log in logs if log.ending]).update(reviewed=True)
    return Review.objects.create(user=user, date=today, answer=answer, plan=new_plan)


# The movement test goes one direction a day; a result older than this no longer says how the
# symptoms behave now, so it is not combined with a newer one.
MOVEMENT_RESULTS_KEPT = dt.timedelta(days=14)


@refreshes_summary
@transaction.atomic
def movement_test_save(*, user: User, result: dict[str, Any]) -> MovementTestResult:
    """Store one direction's result, ask the engine what the test shows with the other
    direction's latest result, and make a new plan from the preference it gives."""
    profile = selectors.profile_get(user=user)
    if profile is None:
        raise NoProfile
    today = timezone.localdate()
    earlier = [
        r
        for r in selectors.movement_results_since(user=user, since=today - MOVEMENT_RESULTS_KEPT)
        if r.direction != result["direction"]
    ][:1]
    answer = engine.movement_test(_movement_request(profile.data, result, earlier))
    saved = MovementTestResult.objects.create(
        user=user,
        date=today,
        direction=result["direction"],
        extent_before=result["extent_before"],
        extent_after=result["extent_after"],
        leg_pain_before=result["leg_pain_before"],
        leg_pain_after=result["leg_pain_after"],
        stopped_at_step=result.get("stopped_at_step"),
        answer=answer,
    )
    data = {
        **profile.data,
        "directional_preference": answer["directional_preference"],
        "avoid_directions": answer["avoid_directions"],
    }
    profile_update(user=user, data=data, source=Plan.Source.MOVEMENT_TEST)
    return saved


def _movement_request(
    profile: dict[str, Any], result: dict[str, Any], earlier: list[MovementTestResult]
) -> dict[str, Any]:
    """Today's result with the other direction's latest one, for ``engine.movement_test``.

    The other result goes along only while its direction is still offered: one that spread the
    symptoms is in ``avoid_directions`` already, and the engine counts that as its having spread
    (so both directions spreading still reads as movement test rule 5).
    """
    offered = engine.checks(profile)["movement_test"]["offered"] if earlier else []
    others = [r.to_engine() for r in earlier if r.direction in offered]
    return {"profile": profile, "results": [result, *others]}


def session_logs_delete(*, user: User) -> None:
    """Delete every session log of the person: the first step of deleting the account, since a
    log protects the plan it was done from (a plan is never deleted under a log)."""
    SessionLog.objects.filter(user=user).delete()


class FutureSession(ValueError):
    """A session dated after today: the phone's clock, or the caller, is wrong."""


class SessionDateOutOfRange(ValueError):
    """A session dated outside the range every log is held to (web/limits.py)."""


@refreshes_summary
@transaction.atomic
def session_record(
    *,
    user: User,
    log: dict[str, Any],
    plan: Plan | None = None,
    today: dt.date | None = None,
    imported: bool = False,
) -> SessionLog:
    """Store a whole session at once (the API, the offline player): the contract's session log,
    checked by the engine's own model, with the same safety handling as a session played here (a
    warning sign is a profile change; spreading symptoms are reviewed at once).

    ``plan``: the plan the session was done under, when the caller knows it is this person's.
    ``imported``: pain scores another app sent, not a session; kept for the charts, never
    taking a slot on Today.
    """
    checked = engine.session_log(log)
    today = today or timezone.localdate()
    when = dt.date.fromisoformat(checked["date"])
    if when > today:
        raise FutureSession(checked["date"])
    problem = date_problem(when, today=today)  # year 1 stored is a page that cannot be drawn
    if problem:
        raise SessionDateOutOfRange(problem)
    if plan is None or plan.user_id != user.pk:
        plan = selectors.plan_current(user=user)
    if plan is None or not plan.is_program:
        raise NoProgram
    flags = list(checked["new_red_flags"])

    def pain(side: str, key: str) -> int | None:
        value = checked[key]
        return None if value is None else int(value[side])

    spread = bool(
        checked["done"]
        and checked["extent_before"]
        and checked["extent_after"]
        and engine.peripheralised(checked["extent_before"], checked["extent_after"])
    )
    ending = _ending(
        flags=flags,
        spread=spread,
        otherwise=SessionLog.Ending.FINISHED
        if checked["done"]
        else SessionLog.Ending.IMPORTED
        if imported
        else SessionLog.Ending.MISSED,
    )
    saved = SessionLog.objects.create(
        user=user,
        plan=plan,
        date=when,
        slot=checked["slot"],
        done=checked["done"],
        step=len(checked["exercises_done"]),
        ending=ending,
        pain_before_leg=pain("leg", "pain_before"),
        pain_before_back=pain("back", "pain_before"),
        pain_after_leg=pain("leg", "pain_after"),
        pain_after_back=pain("back", "pain_after"),
        extent_before=checked["extent_before"] or "",
        extent_after=checked["extent_after"] or "",
        exercises_done=list(checked["exercises_done"]),
        new_red_flags=flags,
    )
    _safety_follow_up(user=user, flags=flags, ending=ending, today=today)
    return saved


class SessionCheck(Protocol):
    """The check a player asks for before and after a session (the offline player's own
    checked payload is one)."""

    @property
    def pain_leg(self) -> int: ...
    @property
    def pain_back(self) -> int: ...
    @property
    def extent(self) -> str: ...
    @property
    def red_flags(self) -> Sequence[str]: ...


@refreshes_summary
@transaction.atomic
def session_record_played(
    *,
    user: User,
    plan: Plan,
    date: dt.date,
    slot: str,
    before: SessionCheck,
    after: SessionCheck | None,
    step: int,
    exercises_done: list[str],
    spreading: bool = False,
    today: dt.date | None = None,
) -> SessionLog:
    """A session played through on the player away from the server (the offline player), stored
    whole in one INSERT, ending as ``session_start``, ``session_progress`` and ``session_log``
    would have left it step by step: a warning sign before stops it there (nothing played); no
    check after leaves it open, as a player closed mid-session does.

    ``plan``: the plan it was played from, this person's (the caller checks it is). The person's
    current plan must still be a program, as for a session started now.
    """
    if plan.user_id != user.pk:
        raise Http404
    current = selectors.plan_current(user=user)
    if current is None or not current.is_program:
        raise NoProgram
    flags = list(before.red_flags)
    if flags:
        after, played, step = None, [], 0
    else:
        in_plan = selectors.plan_session_exercises(plan_id=plan.pk, slot=slot)
        played = [e for e in dict.fromkeys(exercises_done) if e in in_plan]
        flags = list(after.red_flags) if after is not None else []
    log = SessionLog(
        user=user,
        plan=plan,
        date=date,
        slot=slot,
        step=max(0, step),
        exercises_done=played,
        done=bool(played),
        pain_before_leg=before.pain_leg,
        pain_before_back=before.pain_back,
        extent_before=before.extent,
        pain_after_leg=after.pain_leg if after is not None else None,
        pain_after_back=after.pain_back if after is not None else None,
        extent_after=after.extent if after is not None else "",
        new_red_flags=flags,
    )
    log.ending = _ending(
        flags=flags,
        spread=after is not None and (spreading or _extent_spread(log)),
        otherwise=SessionLog.Ending.FINISHED if after is not None else SessionLog.Ending.OPEN,
    )
    log.save(force_insert=True)
    _safety_follow_up(user=user, flags=flags, ending=log.ending, today=today)
    return log
