"""Today: the day's sessions, or the screen that says why there is no program now."""

import datetime as dt
import hashlib
import re
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from sciatica_coach.engine.vocabulary import URGENCY_TEXT
from sciatica_coach.program import selectors, services
from sciatica_coach.program.choices import PHASE_DESCRIPTIONS, PHASES
from sciatica_coach.program.exercises import exercise_get
from sciatica_coach.program.models import Plan, SessionLog
from sciatica_coach.program.presenters import clearances_present, plan_present
from sciatica_coach.web.requests import AuthedRequest

# Urgencies at which everything stops (a clear red screen) rather than "see a doctor first".
STOP_URGENCIES = ("emergency", "urgent")


def no_program(request: AuthedRequest, plan: Plan) -> HttpResponse:
    answer = plan.answer
    urgency = answer["urgency"]
    return render(
        request,
        "program/stop.html" if urgency in STOP_URGENCIES else "program/doctor_first.html",
        {
            "answer": answer,
            "urgency": urgency,
            "urgency_text": URGENCY_TEXT[urgency],
        },
    )


# Today is the page people open most. Its whole HTML is kept per person under a key read in two
# small queries (selectors.today_head): the profile's version stamp (bumped by every change to
# the person's program, enforced in Profile.save), the day, the review prompt and the day's logs.
# Only the CSRF token differs between two showings; it is cut out before storing and a fresh one
# put in when serving.
PAGE_SECONDS = 24 * 60 * 60
TOKEN_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
TOKEN_SLOT = "\x00csrf-token\x00"  # noqa: S105 - a placeholder, not a secret


def _page_key(request: AuthedRequest, head: selectors.TodayHead, date: dt.date) -> str:
    state = repr((request.user.pk, head.version, date, head.review_due, head.logs, get_language()))
    return "today:" + hashlib.sha256(state.encode()).hexdigest()


@login_required
@require_GET
def today(request: AuthedRequest) -> HttpResponse:
    date = timezone.localdate()
    head = selectors.today_head(user=request.user, date=date)
    if head is not None and head.weeks_due:
        # A pregnancy (or the weeks after a birth) moved on a week: the plan follows it.
        services.profile_age(user=request.user, today=date)
        head = selectors.today_head(user=request.user, date=date)
    if head is None or head.plan_id is None:
        return redirect("intake")
    key = _page_key(request, head, date)
    # A one-off message ("saved") belongs to one showing of the page, never to the stored copy.
    storable = CookieStorage.cookie_name not in request.COOKIES
    if storable and (page := cache.get(key)) is not None:
        return HttpResponse(stored_page_served(page, request))
    response = _today_page(request, date)
    if storable and response.status_code == 200:
        cache.set(key, page_to_store(response.content.decode()), PAGE_SECONDS)
    return response


def page_to_store(html: str) -> str:
    return TOKEN_FIELD.sub(rf"\g<1>{TOKEN_SLOT}\g<2>", html)


def stored_page_served(page: str, request: AuthedRequest) -> str:
    # Today holds no form now (log out is a link), so this costs nothing; a form added later
    # still gets a fresh, valid token.
    return page.replace(TOKEN_SLOT, get_token(request)) if TOKEN_SLOT in page else page


def _today_page(request: AuthedRequest, date: dt.date) -> HttpResponse:
    profile = selectors.profile_with_plan(user=request.user)
    if profile is None:
        return redirect("intake")
    plan = profile.plan
    if plan is None:
        return redirect("intake")
    if not plan.is_program:
        return no_program(request, plan)
    logs = selectors.session_logs_on(user=request.user, date=date)
    review_due = selectors.review_due(profile=profile, today=date)
    has_assessment = bool(profile.data.get("assessment"))

    def sessions() -> list[dict[str, Any]]:
        shown = []
        for session in plan_present(plan.answer):
            log = logs.get(session["slot"])
            finished = log is not None and log["ending"] not in ("", SessionLog.Ending.MISSED)
            shown.append({**session, "log": log, "finished": finished})
        return shown

    def excluded() -> list[dict[str, Any]]:
        return [
            {**item, "name": (exercise_get(item["exercise"]) or {}).get("name", item["exercise"])}
            for item in plan.answer.get("excluded", [])
        ]

    return render(
        request,
        "program/today.html",
        {
            "plan": plan,
            "answer": plan.answer,
            "sessions": sessions,
            "excluded": excluded,
            "phase_label": PHASES.get(plan.answer["phase"], plan.answer["phase"]),
            "phase_text": PHASE_DESCRIPTIONS.get(plan.answer["phase"], ""),
            "walk": plan.answer.get("daily_activity"),
            "findings": plan.answer.get("findings", []),
            "unanswered": plan.answer.get("unanswered", []),
            "unmet": plan.answer.get("unmet", []),
            "clearances": clearances_present(profile.clearances),
            # A plan a clinician's change made says who and what (every change, newest first, is
            # on the person's clinic page); read from the plan itself, no further query.
            "clinician_changes": (
                [{"by": plan.changed_by, "note": plan.change_note, "at": plan.created_at}]
                if plan.source == Plan.Source.CLINICIAN
                else []
            ),
            "review_due": review_due,
            "has_assessment": has_assessment,
            "profile_data": profile.data,
        },
    )
