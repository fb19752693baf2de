"""Reads. Every query here is scoped to one user: health data is never shared."""

import datetime as dt

from django.contrib.auth.models import User
from django.http import Http404

from sciatica_coach.program.models import Plan, Profile, Review, SessionLog

# The engine's review looks at the seven days before "today"; we prompt once per such week.
REVIEW_INTERVAL = dt.timedelta(days=7)


def profile_get(*, user: User) -> Profile | None:
    return Profile.objects.filter(user=user).first()


def plan_current(*, user: User) -> Plan | None:
    return Plan.objects.filter(user=user).order_by("-id").first()


def plan_history(*, user: User) -> list[Plan]:
    return list(
        Plan.objects.filter(user=user)
        .order_by("-id")
        .only("id", "created_on", "engine_version", "source", "created_at")
    )


def session_logs_on(*, user: User, date: dt.date) -> dict[str, SessionLog]:
    """The day's logs by slot; when a slot was started twice, the latest attempt counts."""
    logs = SessionLog.objects.filter(user=user, date=date).order_by("id")
    return {log.slot: log for log in logs}


def session_log_get(*, user: User, log_id: int) -> SessionLog:
    log = SessionLog.objects.filter(user=user, pk=log_id).select_related("plan").first()
    if log is None:
        raise Http404
    return log


def session_logs_between(*, user: User, start: dt.date, end: dt.date) -> list[SessionLog]:
    return list(
        SessionLog.objects.filter(user=user, date__gte=start, date__lt=end).order_by("date", "id")
    )


def review_latest(*, user: User) -> Review | None:
    return Review.objects.filter(user=user).order_by("-date", "-id").first()


def review_get(*, user: User, review_id: int) -> Review:
    found = Review.objects.filter(user=user, pk=review_id).select_related("plan").first()
    if found is None:
        raise Http404
    return found


def review_due(*, profile: Profile, latest: Review | None, today: dt.date) -> bool:
    """A week on the program since it started or since the last review."""
    if profile.started_on is None:
        return False
    since = latest.date if latest is not None else profile.started_on
    return today - since >= REVIEW_INTERVAL
