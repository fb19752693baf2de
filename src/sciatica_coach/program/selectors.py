"""Reads. Every query here is scoped to one user: health data is never shared."""

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypedDict

from django.contrib.auth.models import User
from django.core.cache import cache
from django.db.models import Max, Q, QuerySet
from django.db.models.fields.json import KeyTransform
from django.http import Http404

from sciatica_coach import engine
from sciatica_coach.program.models import (
    MovementTestResult,
    Plan,
    Profile,
    Review,
    SessionLog,
    Summary,
)
from sciatica_coach.program.summary import Listed, summaries_rebuild

# The engine's review looks at a window of days up to "today"; we prompt once per such window.
REVIEW_INTERVAL = dt.timedelta(days=engine.WINDOW_DAYS)


def profile_get(*, user: User) -> Profile | None:
    return Profile.objects.filter(user=user).first()


def profile_with_plan(*, user: User) -> Profile | None:
    """The profile and its current plan in one query (the hot path: Today)."""
    return Profile.objects.filter(user=user).select_related("plan").first()


def plan_current(*, user: User) -> Plan | None:
    return Plan.objects.filter(user=user).order_by("-id").first()


def plan_current_answer(*, user: User) -> dict[str, Any]:
    """The engine's answer in the current plan (``{}`` before the first), without the row."""
    answer = Plan.objects.filter(user=user).order_by("-id").values_list("answer", flat=True)
    return answer.first() or {}


def started_on(*, user: User) -> dt.date | None:
    """The day the person's program started, if it has."""
    found: dt.date | None = (
        Profile.objects.filter(user=user).values_list("started_on", flat=True).first()
    )
    return found


def plan_of(*, user: User, plan_id: int) -> Plan | None:
    """One of the person's plans by its id; ``None`` when it is no plan of theirs."""
    return Plan.objects.filter(user=user, pk=plan_id).first()


def plan_history(*, user: User) -> list[Plan]:
    return list(
        Plan.objects.filter(user=user)
        .order_by("-id")
        .only("id", "created_on", "engine_version", "source", "created_at")
    )


# A day has a few slots; a slot restarted many times must not make Today read every attempt.
RECENT_LOGS_PER_DAY = 12


class DayLog(TypedDict):
    id: int
    slot: str
    ending: str


def _sessions_on(user: User, date: dt.date) -> QuerySet[SessionLog]:
    """The day's sessions, newest first: what fills Today's slots (not pain scores imported
    from another app)."""
    return (
        SessionLog.objects.filter(user=user, date=date)
        .exclude(ending=SessionLog.Ending.IMPORTED)
        .order_by("-id")
    )


def session_logs_on(*, user: User, date: dt.date) -> dict[str, DayLog]:
    """The day's logs by slot; when a slot was started twice, the latest attempt counts.

    Only the three columns Today shows: no model instances, no JSON decoding on the hot path.
    """
    recent = _sessions_on(user, date)
    latest: dict[str, DayLog] = {}
    for log_id, slot, ending in recent.values_list("id", "slot", "ending")[:RECENT_LOGS_PER_DAY]:
        latest.setdefault(slot, {"id": log_id, "slot": slot, "ending": ending})
    return latest


def session_log_get(*, user: User, log_id: int) -> SessionLog:
    log = SessionLog.objects.filter(user=user, pk=log_id).select_related("plan").first()
    if log is None:
        raise Http404
    return log


def plan_session_exercises(*, plan_id: int, slot: str) -> frozenset[str]:
    """The exercises of one session of a plan. Plans never change once made (services only
    ever create them), so the answer is kept under the plan's id for as long as the cache
    keeps it."""
    key = f"plan-exercises:{plan_id}:{slot}"
    kept = cache.get(key)
    if isinstance(kept, frozenset):
        return kept
    answer = Plan.objects.filter(pk=plan_id).values_list("answer", flat=True).first() or {}
    found = frozenset(
        item["exercise"]
        for session in answer.get("sessions") or []
        if session["slot"] == slot
        for item in session["items"]
    )
    cache.set(key, found, None)
    return found


def slots_done(
    *, user: User, day: dt.date, started_from: dt.datetime, started_before: dt.datetime
) -> set[str]:
    """Slots with a session done (a log with ``done`` set) dated ``day``, or started between
    the two times (the caller's own idea of that day, in the person's time zone)."""
    logs = SessionLog.objects.filter(
        Q(date=day) | Q(started_at__gte=started_from, started_at__lt=started_before),
        user=user,
        done=True,
    )
    return set(logs.values_list("slot", flat=True))


# What the progress charts draw of each log; the rest (the JSON lists) is never read there.
CHARTED_FIELDS = (
    "date",
    "slot",
    "done",
    "pain_before_leg",
    "pain_before_back",
    "pain_after_leg",
    "pain_after_back",
    "extent_before",
    "extent_after",
)


def session_logs_charted(*, user: User, since: dt.date) -> list[SessionLog]:
    """The person's logs from ``since`` on, oldest first, with ``CHARTED_FIELDS`` only."""
    logs = SessionLog.objects.filter(user=user, date__gte=since).order_by("date", "id")
    return list(logs.only(*CHARTED_FIELDS))


def session_logs_between(*, user: User, start: dt.date, end: dt.date) -> list[SessionLog]:
    return list(
        SessionLog.objects.filter(user=user, date__gte=start, date__lt=end).order_by("date", "id")
    )


def review_last_date(*, user: User) -> dt.date | None:
    """The day of the person's latest review (questionnaires fall due from it)."""
    found: dt.date | None = Review.objects.filter(user=user).aggregate(latest=Max("date"))["latest"]
    return found


def review_latest(*, user: User) -> Review | None:
    return Review.objects.filter(user=user).order_by("-date", "-id").first()


def review_get(*, user: User, review_id: int) -> Review:
    found = Review.objects.filter(user=user, pk=review_id).select_related("plan").first()
    if found is None:
        raise Http404
    return found


def review_due(*, profile: Profile, today: dt.date) -> bool:
    """A week on the program since it started or since the last review."""
    return review_due_on(
        started_on=profile.started_on, reviewed_on=profile.reviewed_on, today=today
    )


def review_next_on(*, profile: Profile) -> dt.date | None:
    """The day the next weekly review is due."""
    since = profile.reviewed_on or profile.started_on
    return None if since is None else since + REVIEW_INTERVAL


def review_due_on(
    *, started_on: dt.date | None, reviewed_on: dt.date | None, today: dt.date
) -> bool:
    if started_on is None:
        return False
    return today - (reviewed_on or started_on) >= REVIEW_INTERVAL


@dataclass(frozen=True)
class TodayHead:
    """What decides how Today looks: the hot path of the whole app, read in two small queries."""

    plan_id: int | None
    version: int  # the profile's version stamp: any change to the program changes it
    review_due: bool
    logs: tuple[tuple[str, int, str], ...]  # (slot, log id, ending), latest attempt per slot
    weeks_due: bool = False  # a pregnancy or the weeks since a birth are a week on


def today_head(*, user: User, date: dt.date) -> TodayHead | None:
    """Two indexed single-table reads, of the few columns the page's key needs."""
    row = (
        Profile.objects.filter(user=user)
        .values_list("plan_id", "version", "started_on", "reviewed_on", "weeks_counted_on")
        .first()
    )
    if row is None:
        return None
    plan_id, version, started_on, reviewed_on, counted_on = row
    latest: dict[str, tuple[str, int, str]] = {}
    recent = _sessions_on(user, date)
    for slot, log_id, ending in recent.values_list("slot", "id", "ending")[:RECENT_LOGS_PER_DAY]:
        latest.setdefault(slot, (slot, log_id, ending))
    return TodayHead(
        plan_id=plan_id,
        version=version,
        review_due=review_due_on(started_on=started_on, reviewed_on=reviewed_on, today=date),
        logs=tuple(sorted(latest.values())),
        weeks_due=weeks_due_on(counted_on=counted_on, today=date),
    )


def weeks_due_on(*, counted_on: dt.date | None, today: dt.date) -> bool:
    return counted_on is not None and today - counted_on >= WEEK


WEEK = dt.timedelta(days=7)


def movement_results_since(*, user: User, since: dt.date) -> list[MovementTestResult]:
    """Movement-test results from ``since`` on, newest first."""
    return list(
        MovementTestResult.objects.filter(user=user, date__gte=since).order_by("-date", "-id")
    )


def movement_tested_today(*, user: User, today: dt.date) -> list[str]:
    """The directions already tested today: the test goes one direction a day."""
    return list(
        MovementTestResult.objects.filter(user=user, date=today).values_list("direction", flat=True)
    )


def movement_result_get(*, user: User, result_id: int) -> MovementTestResult:
    found = MovementTestResult.objects.filter(user=user, pk=result_id).first()
    if found is None:
        raise Http404
    return found


def session_logs_page(
    *,
    user: User,
    date_from: dt.date | None,
    date_to: dt.date | None,
    limit: int,
    offset: int,
) -> tuple[list[SessionLog], int]:
    """A page of the person's session logs, newest first, and how many there are in all."""
    logs = SessionLog.objects.filter(user=user)
    if date_from is not None:
        logs = logs.filter(date__gte=date_from)
    if date_to is not None:
        logs = logs.filter(date__lte=date_to)
    page = list(logs.order_by("-date", "-id")[offset : offset + limit])
    return page, logs.count()


# The clinician side reads these; the clinic app decides who may see whom and passes only the
# people it may show.


# What a list of a thousand rows needs of each: no per-day figures or reasons (JSON a
# thousand times over), which ``summaries_detail`` reads for the rows a page shows.
LIST_FIELDS = (
    "user",
    "has_program",
    "urgency",
    "phase",
    "preference",
    "sessions_per_day",
    "started_on",
    "last_activity",
    "done_days",
    "done_until",
    "red_flags",
    "review_ref",
)


def summaries_for(*, users: QuerySet[User]) -> list[Summary]:
    """The summary rows of ``users`` (a query, read as a subquery: one read however many).
    People with no row yet (their data predates summaries) get one, built together in a fixed
    number of reads, once."""
    rows = list(Summary.objects.filter(user__in=users.values("pk")).defer("updated_at"))
    missing = _missing(users, {row.user_id for row in rows})
    return [*rows, *summaries_rebuild(user_ids=missing)] if missing else rows


def _missing(users: QuerySet[User], have: set[int]) -> list[int]:
    return [pk for pk in users.values_list("pk", flat=True) if pk not in have]


def summaries_listed(*, user_ids: list[int]) -> list[Listed]:
    """``summaries_for`` as a list of a thousand reads it (the caller has the ids already):
    ``LIST_FIELDS`` only, plain values."""
    values = Summary.objects.filter(user_id__in=user_ids).values_list(*LIST_FIELDS)
    rows = [Listed(*fields) for fields in values]
    have = {row.user_id for row in rows}
    missing = [pk for pk in user_ids if pk not in have]
    if missing:
        summaries_rebuild(user_ids=missing)
        return summaries_listed(user_ids=user_ids)
    return rows


def summaries_detail(*, rows: list[Listed]) -> None:
    """Read the per-day figures and the reasons of listed ``rows`` in one query, onto them."""
    found = Summary.objects.filter(user_id__in=[row.user_id for row in rows])
    detail = {
        pk: (days, reasons)
        for pk, days, reasons in found.values_list("user_id", "days", "review_reasons")
    }
    for row in rows:
        row.days, row.review_reasons = detail.get(row.user_id, ({}, []))


def summary_get(*, user: User) -> Summary | None:
    return Summary.objects.filter(user=user).first()


class ClinicianChange(TypedDict):
    by: str
    note: str
    at: dt.datetime


def clinician_changes(*, user: User, limit: int = 3) -> list[ClinicianChange]:
    """The latest changes a clinician made to the person's program, newest first."""
    rows = (
        Plan.objects.filter(user=user, source=Plan.Source.CLINICIAN)
        .order_by("-id")
        .values_list("changed_by", "change_note", "created_at")[:limit]
    )
    return [{"by": by, "note": note, "at": at} for by, note, at in rows]


def plans_with_reasons(*, user: User, limit: int = 20) -> list[dict[str, Any]]:
    """The person's plans, newest first: when, why made, by whom, the phase and the engine's
    reasons (read out of each stored answer by the database, not the whole answers)."""
    rows = (
        Plan.objects.filter(user=user)
        .order_by("-id")
        .values("id", "created_on", "source", "changed_by", "change_note")
        .annotate(phase=KeyTransform("phase", "answer"), reasons=KeyTransform("reasons", "answer"))
    )
    labels = dict(Plan.Source.choices)
    return [
        {**row, "source_label": labels.get(row["source"], row["source"])} for row in rows[:limit]
    ]


def reviews_recent(*, user: User, limit: int = 20) -> list[dict[str, Any]]:
    """The person's reviews, newest first: the decision, whether a clinician was recommended,
    and the reasons (not the next plan each holds)."""
    rows = (
        Review.objects.filter(user=user)
        .order_by("-date", "-id")
        .values("id", "date")
        .annotate(
            decision=KeyTransform("decision", "answer"),
            clinician=KeyTransform("clinician_review_recommended", "answer"),
            reasons=KeyTransform("reasons", "answer"),
        )
    )
    return [dict(row) for row in rows[:limit]]
