"""Dict in, dict out: the engine as the contract describes it, for the CLI, web app and tests."""

from typing import Any

from sciatica_coach.engine import assessment as _assessment
from sciatica_coach.engine import checks as _checks
from sciatica_coach.engine import movement_test as _movement_test
from sciatica_coach.engine import review as _review
from sciatica_coach.engine import scores as _scores
from sciatica_coach.engine import triage as _triage
from sciatica_coach.engine.catalog import Catalog, load_catalog
from sciatica_coach.engine.errors import RefusedInput
from sciatica_coach.engine.planner import ENGINE_VERSION, build_plan
from sciatica_coach.engine.planner import Review as NextPlan
from sciatica_coach.engine.profile import Assessment, Profile
from sciatica_coach.engine.progression import Standing
from sciatica_coach.engine.review_models import PlanRef, ReviewRequest, SessionLog
from sciatica_coach.engine.validation import parse
from sciatica_coach.engine.vocabulary import CONTRACT

__all__ = [
    "ENGINE_VERSION",
    "assess",
    "catalog",
    "checks",
    "movement_test",
    "plan",
    "replan",
    "review",
    "score",
    "screen",
    "session_log",
    "triage",
    "triage_and_plan",
]


def _known_exercises(ids: list[str], field: str, known: Catalog) -> None:
    for index, exercise_id in enumerate(ids):
        if exercise_id not in known:
            where = field if field.endswith(".exercise") else f"{field}[{index}]"
            raise RefusedInput(where, f"{exercise_id!r} is not an exercise in the catalog")


def parse_profile(data: object, root: str = "profile") -> Profile:
    profile = parse(Profile, data, root)
    known = load_catalog()
    _known_exercises(profile.avoid_exercises, f"{root}.avoid_exercises", known)
    wanted = profile.clinician_plan
    for index, item in enumerate(wanted.items):
        _known_exercises([item.exercise], f"{root}.clinician_plan.items[{index}].exercise", known)
    _known_exercises(wanted.remove, f"{root}.clinician_plan.remove", known)
    return profile


def parse_review_request(data: object) -> ReviewRequest:
    request = parse(ReviewRequest, data, "request")
    known = load_catalog()
    _known_exercises(request.profile.avoid_exercises, "request.profile.avoid_exercises", known)
    for index, log in enumerate(request.logs):
        _known_exercises(log.exercises_done, f"request.logs[{index}].exercises_done", known)
    return request


def triage(profile: dict[str, Any]) -> dict[str, Any]:
    answer = _triage.triage(parse_profile(profile))
    return {
        "contract": CONTRACT,
        "engine_version": ENGINE_VERSION,
        **answer.model_dump(mode="json"),
    }


def triage_and_plan(profile: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Both answers for a profile read once: what an app stores when a profile changes."""
    parsed = parse_profile(profile)
    return {
        "triage": {
            "contract": CONTRACT,
            "engine_version": ENGINE_VERSION,
            **_triage.triage(parsed).model_dump(mode="json"),
        },
        "plan": build_plan(parsed, load_catalog()).model_dump(mode="json"),
    }


def plan(profile: dict[str, Any]) -> dict[str, Any]:
    return build_plan(parse_profile(profile), load_catalog()).model_dump(mode="json")


def replan(profile: dict[str, Any], plan: dict[str, Any]) -> dict[str, Any]:
    """The plan for a profile changed between reviews (a clinician's change), keeping where each
    line of the current ``plan`` stands, its phase and its walks.

    Where the contract is silent: a plan made from a changed profile would start every line at
    level 1 again (plan rule 4's first plan), undoing weeks of progress because a clinician set a
    preference. Lines already in the plan keep their step (or step back where the change no
    longer allows it, saying so); a line new to the plan starts at level 1, as rule 4 asks. A
    current plan that is not a program gives a first plan.
    """
    parsed = parse_profile(profile)
    current = parse(PlanRef, plan, "plan")
    known = load_catalog()
    if current.sessions is None or current.phase is None:
        return build_plan(parsed, known).model_dump(mode="json")
    walk = current.daily_activity.minutes if current.daily_activity is not None else None
    keep = NextPlan(
        phase=current.phase,
        standing=Standing.of(current.exercise_ids(), known, 0),
        walk_minutes=walk,
        walk_kept=walk is not None,
    )
    return build_plan(parsed, known, keep).model_dump(mode="json")


def review(request: dict[str, Any]) -> dict[str, Any]:
    return _review.review_week(parse_review_request(request), load_catalog()).model_dump(
        mode="json"
    )


def screen(answers: dict[str, Any]) -> dict[str, Any]:
    """The warning signs alone, before the rest of a profile is known (the intake's first step)."""
    parsed = parse(_triage.ScreenInput, answers, "answers")
    return _triage.screen(parsed).model_dump(mode="json")


def session_log(log: dict[str, Any]) -> dict[str, Any]:
    """One session log as the review request holds it, checked (refused with the field, like
    every input) and returned in its full shape, every optional field filled in."""
    parsed = parse(SessionLog, log, "session")
    _known_exercises(parsed.exercises_done, "session.exercises_done", load_catalog())
    return parsed.model_dump(mode="json")


def checks(profile: dict[str, Any]) -> dict[str, Any]:
    """Which self-checks, and which directions of the movement test, are safe to offer now."""
    return _checks.checks(parse_profile(profile), load_catalog()).model_dump(mode="json")


def movement_test(request: dict[str, Any]) -> dict[str, Any]:
    """The directional preference the movement test shows."""
    parsed = parse(_movement_test.MovementTestRequest, request, "request")
    _known_exercises(
        parsed.profile.avoid_exercises, "request.profile.avoid_exercises", load_catalog()
    )
    return _movement_test.movement_test(parsed, load_catalog()).model_dump(mode="json")


def score(instrument: str, answers: dict[str, Any]) -> dict[str, Any]:
    if instrument not in _scores.INSTRUMENTS:
        raise RefusedInput(
            "instrument", f"{instrument!r} is not one of {', '.join(_scores.INSTRUMENTS)}"
        )
    try:
        result = _scores.score_answers(instrument, answers)
    except _scores.RefusedScore as exc:
        raise RefusedInput("answers.sections", str(exc)) from None
    return {"instrument": instrument, **result}


def assess(assessment: dict[str, Any], leg_side: str = "none") -> list[dict[str, Any]]:
    """The imbalance findings of an assessment, each with a plain explanation."""
    parsed = parse(Assessment, assessment, "assessment")
    if leg_side not in ("left", "right", "both", "none"):
        raise RefusedInput("leg_side", f"{leg_side!r} is not one of left, right, both, none")
    findings = _assessment.assess(parsed, leg_side)  # type: ignore[arg-type]
    return [f.model_dump(mode="json") for f in findings]


def catalog() -> list[dict[str, Any]]:
    """Every catalog entry, the self-check positions (``check_only``) included."""
    return [exercise.to_dict() for exercise in load_catalog().exercises]
