"""The signed-in person's own program: every call reads or writes that person's data only,
through the same services and selectors as the pages."""

import datetime as dt
import json
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema, Status

from sciatica_coach import engine
from sciatica_coach.api import auth, tokens
from sciatica_coach.api.errors import Conflict, ErrorOut, error_body
from sciatica_coach.api.schemas import (
    PlanOut,
    QuestionnaireIn,
    QuestionnaireOut,
    ReviewIn,
    ReviewOut,
    SessionOut,
    SessionPage,
    TokenOut,
)
from sciatica_coach.engine.checks import ChecksAnswer
from sciatica_coach.engine.movement_test import MovementTestAnswer, Result
from sciatica_coach.engine.profile import Profile as ProfileIn
from sciatica_coach.engine.review_models import SessionLog as SessionIn
from sciatica_coach.engine.triage import Triage
from sciatica_coach.mydata import services as mydata
from sciatica_coach.program import selectors, services
from sciatica_coach.program.presenters import plan_present
from sciatica_coach.questionnaires import selectors as questionnaire_selectors
from sciatica_coach.questionnaires import services as questionnaire_services

router = Router(tags=["me"])
READS = {401: ErrorOut, 404: ErrorOut, 429: ErrorOut}
WRITES = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 429: ErrorOut}
# What the program learnt about the person (the reviews' and the movement test's answers):
# a client may add to the avoid lists, never take from them, and the preference is set by the
# movement test or a clinician, never by a PUT.
LEARNT = ("avoid_exercises", "avoid_directions", "directional_preference")
# What a clinician asked of the plan is changed through the clinic's endpoints only.
CLINICIANS = "clinician_plan"


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


def _profile(request: HttpRequest) -> Any:
    profile = selectors.profile_get(user=_user(request))
    if profile is None:
        raise Conflict("profile", "no profile yet: PUT /api/v1/me/profile first")
    return profile


@router.get("/profile", auth=auth.READ, response={200: ProfileIn, **READS, 409: ErrorOut})
def profile_get(request: HttpRequest) -> Any:
    """The contract's profile, as last stored."""
    return _profile(request).data


@router.put("/profile", auth=auth.WRITE, response={200: ProfileIn, **WRITES})
def profile_put(request: HttpRequest, payload: ProfileIn) -> Any:
    """Store the profile: triage runs again and a new plan is made. The avoid lists can only
    grow, and the directional preference comes from the movement test or a clinician."""
    data = payload.model_dump(mode="json")
    stored = selectors.profile_get(user=_user(request))
    if stored is not None:
        before = stored.data
        data["avoid_exercises"] = list(
            dict.fromkeys([*before.get("avoid_exercises", []), *data["avoid_exercises"]])
        )
        data["avoid_directions"] = list(
            dict.fromkeys([*before.get("avoid_directions", []), *data["avoid_directions"]])
        )
        data["directional_preference"] = before.get("directional_preference", "unknown")
        data.pop(CLINICIANS, None)
        if CLINICIANS in before:
            data[CLINICIANS] = before[CLINICIANS]
    else:
        data["directional_preference"] = "unknown"
        data.pop(CLINICIANS, None)
    return services.profile_update(user=_user(request), data=data).data


@router.get("/triage", auth=auth.READ, response={200: Triage, **READS, 409: ErrorOut})
def triage_get(request: HttpRequest) -> Any:
    return _profile(request).triage


@router.get("/plan", auth=auth.READ, response={200: PlanOut, **READS, 409: ErrorOut})
def plan_get(request: HttpRequest) -> Any:
    plan = selectors.plan_current(user=_user(request))
    if plan is None:
        raise Conflict("plan", "no plan yet: PUT /api/v1/me/profile first")
    return {
        "id": plan.pk,
        "created_on": plan.created_on,
        "source": plan.source,
        "plan": plan.answer,
        "sessions": plan_present(plan.answer),
    }


@router.get("/checks", auth=auth.READ, response={200: ChecksAnswer, **READS, 409: ErrorOut})
def checks_get(request: HttpRequest) -> Any:
    return engine.checks(_profile(request).data)


@router.post(
    "/movement-test",
    auth=auth.WRITE,
    response={201: MovementTestAnswer, **WRITES, 409: ErrorOut},
)
def movement_test_post(request: HttpRequest, payload: Result) -> Any:
    """One direction's result (one direction a day). The answer sets the preference and a new
    plan is made."""
    _profile(request)
    today = timezone.localdate()
    if payload.direction in selectors.movement_tested_today(user=_user(request), today=today):
        raise Conflict("direction", "this direction was tested today; one direction a day")
    saved = services.movement_test_save(user=_user(request), result=payload.model_dump())
    return Status(201, saved.answer)


@router.post("/review", auth=auth.WRITE, response={201: ReviewOut, **WRITES, 409: ErrorOut})
def review_post(request: HttpRequest, payload: ReviewIn) -> Any:
    """The weekly review, once a week (a session that spreads the symptoms is reviewed at once,
    by itself)."""
    profile = _profile(request)
    if not selectors.review_due(profile=profile, today=timezone.localdate()):
        due = selectors.review_next_on(profile=profile)
        raise Conflict("review", f"the next review is due on {due}" if due else "no program yet")
    try:
        done = services.review_week(
            user=_user(request), walking_tolerance_min=payload.walking_tolerance_min
        )
    except (services.NoProfile, services.NoProgram):
        raise Conflict("review", "there is no program to review yet") from None
    return Status(201, {"id": done.pk, "date": done.date, "review": done.answer})


class SessionFilter(Schema):
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    limit: int = 50
    offset: int = 0


def _session_out(log: Any) -> dict[str, Any]:
    return {**log.to_engine(), "id": log.pk, "ending": log.ending}


@router.get("/sessions", auth=auth.READ, response={200: SessionPage, 400: ErrorOut, **READS})
def sessions_list(request: HttpRequest, filters: Query[SessionFilter]) -> Any:
    """The person's session logs, newest first, ``limit`` (1-100) from ``offset``."""
    if not 1 <= filters.limit <= 100:
        raise engine.RefusedInput("query.limit", f"{filters.limit} is not between 1 and 100")
    if filters.offset < 0:
        raise engine.RefusedInput("query.offset", f"{filters.offset} is not 0 or more")
    logs, count = selectors.session_logs_page(
        user=_user(request),
        date_from=filters.date_from,
        date_to=filters.date_to,
        limit=filters.limit,
        offset=filters.offset,
    )
    return {"items": [_session_out(log) for log in logs], "count": count}


@router.post("/sessions", auth=auth.WRITE, response={201: SessionOut, **WRITES, 409: ErrorOut})
def sessions_create(request: HttpRequest, payload: SessionIn) -> Any:
    """Log a whole session, as the contract's review request holds one."""
    try:
        log = services.session_record(user=_user(request), log=payload.model_dump(mode="json"))
    except services.FutureSession:
        raise engine.RefusedInput("body.date", f"{payload.date} is after today") from None
    except services.SessionDateOutOfRange as problem:
        raise engine.RefusedInput("body.date", str(problem)) from None
    except services.NoProgram:
        raise Conflict("session", "there is no program to log against") from None
    return Status(201, _session_out(log))


@router.get("/questionnaires", auth=auth.READ, response={200: list[QuestionnaireOut], **READS})
def questionnaires_list(request: HttpRequest) -> Any:
    return [
        {
            "id": r.pk,
            "instrument": r.instrument,
            "date": r.date,
            "answers": r.answers,
            "result": r.result,
        }
        for r in questionnaire_selectors.responses_all(user=_user(request))
    ]


@router.post("/questionnaires", auth=auth.WRITE, response={201: QuestionnaireOut, **WRITES})
def questionnaires_create(request: HttpRequest, payload: QuestionnaireIn) -> Any:
    """Scored by the engine; the ODI and RMDQ are entered as numbers, never their wording."""
    with transaction.atomic():
        saved = questionnaire_services.questionnaire_submit(
            user=_user(request), instrument=payload.instrument, answers=payload.answers
        )
    return Status(
        201,
        {
            "id": saved.pk,
            "instrument": saved.instrument,
            "date": saved.date,
            "answers": saved.answers,
            "result": saved.result,
        },
    )


@router.get("/export", auth=auth.READ, response={200: dict[str, Any], **READS})
def export_get(request: HttpRequest) -> Any:
    """Everything stored about the person, as the My data page exports it."""
    return json.loads(mydata.data_export_json(user=_user(request), now=timezone.now()))


@router.get("/tokens", auth=auth.READ, response={200: list[TokenOut], **READS})
def tokens_get(request: HttpRequest) -> Any:
    """The person's tokens, newest first, revoked ones included (the secret itself is never
    shown again)."""
    return [tokens.token_fields(token) for token in tokens.tokens_of(user=_user(request))]


@router.delete("/tokens/{token_id}", auth=auth.WRITE, response={204: None, **WRITES})
def token_delete(request: HttpRequest, token_id: int) -> Any:
    """Revoke a token at once; a call with it then gets 401. The record stays, marked revoked."""
    if not tokens.token_revoke(user=_user(request), token_id=token_id):
        return Status(404, error_body("token_id", f"you have no live token {token_id}"))
    return Status(204, None)
