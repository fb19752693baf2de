"""Each person's summary row (``models.Summary``): what a clinic's dashboard shows of them.

The one rule for staleness: a summary changes only when the program writes something of the
person's, and every program service that writes is wrapped in ``refreshes_summary``, which
rebuilds the row before the service returns (a test checks that every write service is wrapped).
Nothing in the row depends on today's date: adherence this week and the days since the last
session are worked out when the row is read (``SummaryView``), from the per-day figures it keeps.
"""

import contextvars
import datetime as dt
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Final

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from sciatica_coach.engine.review import HABIT_ADHERENCE_BELOW, WINDOW_DAYS
from sciatica_coach.engine.vocabulary import EXTENT_ORDER, RED_FLAGS, URGENCY_ORDER
from sciatica_coach.program.models import Plan, Profile, Review, SessionLog, Summary

# The dashboard's trends reach back four weeks; a few more days are kept for the week before.
DAYS_KEPT: Final = 35
TREND_DAYS: Final = 28
# The threshold for "no activity": three days without a session.
QUIET_DAYS: Final = 3
__all__ = ["HABIT_ADHERENCE_BELOW", "WINDOW_DAYS", "SummaryView", "summary_refresh"]

# The write services that do not rebuild the row: the player's step-by-step save, called at
# every step (the session's finish, or the person's next write, brings its work in); and the
# deletion of the logs, the first step of deleting the account, row and all.
NOT_REBUILT: Final = ("session_progress", "session_logs_delete")

NOTHING: Final = (0, None, None)  # a day with no session done

_depth: contextvars.ContextVar[int] = contextvars.ContextVar("summary_depth", default=0)


def refreshes_summary[**P, R](service: Callable[P, R]) -> Callable[P, R]:
    """Rebuild the person's summary once the outermost write service returns (services call
    each other; the row is rebuilt once, inside the same transaction)."""

    @functools.wraps(service)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with transaction.atomic():
            token = _depth.set(_depth.get() + 1)
            try:
                result = service(*args, **kwargs)
            finally:
                _depth.reset(token)
            user = kwargs.get("user")
            if _depth.get() == 0 and isinstance(user, User):
                summary_refresh(user=user)
        return result

    wrapper.refreshes_summary = True  # type: ignore[attr-defined]
    return wrapper


Recommendation = tuple[str, list[dict[str, str]]]


def _recommendations(plan: Plan | None, review: Review | None) -> list[Recommendation]:
    """Where the engine recommends a clinician now, each with a reference and its reasons: the
    latest review (until a newer review or a clinician who marks it seen), then the current
    plan's requirements it could not keep (``unmet``, until they change)."""
    found: list[Recommendation] = []
    if review is not None and review.answer.get("clinician_review_recommended"):
        reasons = [{"id": r["id"], "text": r["text"]} for r in review.answer.get("reasons", [])]
        found.append((f"review:{review.pk}", reasons))
    if plan is not None and plan.answer.get("clinician_review_recommended"):
        unmet = plan.answer.get("unmet") or []
        ref = "unmet:" + ",".join(sorted(u["id"] for u in unmet))
        found.append((ref, [{"id": u["id"], "text": u["reason"]} for u in unmet]))
    return found


def _day_figures(logs: Iterable[tuple[dt.date, str, bool, int | None, str, str]]) -> dict[str, Any]:
    done: dict[dt.date, set[str]] = {}
    pains: dict[dt.date, list[int]] = {}
    furthest: dict[dt.date, int] = {}
    for date, slot, is_done, leg, before, after in logs:
        if not is_done:
            continue
        done.setdefault(date, set()).add(slot)
        if leg is not None:
            pains.setdefault(date, []).append(leg)
        for extent in (before, after):
            if extent in EXTENT_ORDER:
                rank = EXTENT_ORDER.index(extent)
                furthest[date] = max(furthest.get(date, 0), rank)
    return {
        day.isoformat(): [
            len(slots),
            round(sum(pains[day]) / len(pains[day]), 1) if day in pains else None,
            furthest.get(day),
        ]
        for day, slots in sorted(done.items())
    }


def done_digits(days: dict[str, Any], today: dt.date) -> str:
    """Sessions done on each of the kept days up to ``today``, one digit a day, oldest first."""
    keys = [key for _, key in _day_keys(today, DAYS_KEPT - 1)] + [today.isoformat()]
    return "".join(str(min(9, int(days.get(key, NOTHING)[0]))) for key in keys)


def summary_build(
    *,
    user_id: int,
    profile: Profile | None,
    plan: Plan | None,
    review: Review | None,
    logs: Iterable[tuple[dt.date, str, bool, int | None, str, str]],
    last_activity: dt.date | None,
    latest_pain: dict[str, Any] | None,
    seen: list[str],
    today: dt.date,
) -> Summary:
    answer = plan.answer if plan is not None else {}
    data = profile.data if profile is not None else {}
    triage = profile.triage if profile is not None else {}
    flags = sorted(
        (f["id"] for f in triage.get("red_flags", []) if f["id"] in RED_FLAGS),
        key=lambda f: URGENCY_ORDER.index(RED_FLAGS[f].level),
    )
    days = _day_figures(logs)
    found = _recommendations(plan, review)
    kept = [s for s in seen if s in {ref for ref, _ in found}]
    ref, reasons = next(((r, why) for r, why in found if r not in kept), ("", []))
    return Summary(
        user_id=user_id,
        has_program=bool(answer.get("sessions")),
        urgency=answer.get("urgency", ""),
        phase=answer.get("phase") or "",
        preference=data.get("directional_preference", "unknown") if data else "",
        sessions_per_day=answer.get("sessions_per_day") or 2,
        started_on=profile.started_on if profile is not None else None,
        last_activity=last_activity,
        days=days,
        done_days=done_digits(days, today),
        done_until=today,
        red_flags=flags,
        latest_pain=latest_pain,
        baseline_pain=(
            {"leg": profile.baseline_leg, "back": profile.baseline_back}
            if profile is not None and profile.baseline_leg is not None
            else None
        ),
        review_ref=ref,
        review_reasons=reasons,
        review_seen=kept,
    )


LOG_FIELDS: Final = (
    "date",
    "slot",
    "done",
    "pain_before_leg",
    "extent_before",
    "extent_after",
)


def summary_refresh(*, user: User, today: dt.date | None = None) -> Summary:
    """Rebuild one person's row from what the program stored (five small reads)."""
    today = today or timezone.localdate()
    profile = Profile.objects.filter(user=user).select_related("plan").first()
    plan = profile.plan if profile is not None else None
    review = Review.objects.filter(user=user).order_by("-date", "-id").first()
    since = today - dt.timedelta(days=DAYS_KEPT)
    logs = list(
        SessionLog.objects.filter(user=user, date__gte=since)
        .order_by("date", "id")
        .values_list(*LOG_FIELDS)
    )
    last = logs[-1][0] if logs else None
    if last is None:
        before = SessionLog.objects.filter(user=user).order_by("-date")
        last = before.values_list("date", flat=True).first()
    scored = (
        SessionLog.objects.filter(user=user, done=True, pain_before_leg__isnull=False)
        .order_by("-date", "-id")
        .values_list("date", "pain_before_leg", "pain_before_back")
        .first()
    )
    latest_pain = (
        {"leg": scored[1], "back": scored[2], "date": scored[0].isoformat()} if scored else None
    )
    seen = Summary.objects.filter(user=user).values_list("review_seen", flat=True).first() or []
    row = summary_build(
        user_id=user.pk,
        profile=profile,
        plan=plan,
        review=review,
        logs=logs,
        last_activity=last,
        latest_pain=latest_pain,
        seen=list(seen),
        today=today,
    )
    row.save()
    return row


def summaries_rebuild(*, user_ids: list[int], today: dt.date | None = None) -> list[Summary]:
    """Build the rows of many people at once, in a fixed number of reads: for people whose data
    was written before summaries existed (or loaded in bulk, as the benchmark does). The
    program's own writes keep rows current one person at a time (``refreshes_summary``)."""
    today = today or timezone.localdate()
    since = today - dt.timedelta(days=DAYS_KEPT)
    profiles = {
        p.user_id: p for p in Profile.objects.filter(user_id__in=user_ids).select_related("plan")
    }
    reviews: dict[int, Review] = {}
    for review in Review.objects.filter(user_id__in=user_ids).order_by("date", "id"):
        reviews[review.user_id] = review
    logs: dict[int, list[Any]] = {}
    window = SessionLog.objects.filter(user_id__in=user_ids, date__gte=since).order_by(
        "user_id", "date", "id"
    )
    for user_id, *fields in window.values_list("user_id", *LOG_FIELDS, "pain_before_back"):
        logs.setdefault(user_id, []).append(fields)
    last = dict(
        SessionLog.objects.filter(user_id__in=user_ids)
        .values("user_id")
        .annotate(last=Max("date"))
        .values_list("user_id", "last")
    )
    seen = dict(Summary.objects.filter(user_id__in=user_ids).values_list("user_id", "review_seen"))
    rows = []
    for user_id in user_ids:
        profile = profiles.get(user_id)
        mine = logs.get(user_id, [])
        scored = [f for f in mine if f[2] and f[3] is not None]
        rows.append(
            summary_build(
                user_id=user_id,
                profile=profile,
                plan=profile.plan if profile is not None else None,
                review=reviews.get(user_id),
                logs=[tuple(f[:6]) for f in mine],
                last_activity=last.get(user_id),
                # Within the kept weeks; older pain is read when the person next writes.
                latest_pain=(
                    {"leg": scored[-1][3], "back": scored[-1][6], "date": scored[-1][0].isoformat()}
                    if scored
                    else None
                ),
                seen=list(seen.get(user_id) or []),
                today=today,
            )
        )
    fields = [f.name for f in Summary._meta.concrete_fields if not f.primary_key]
    return Summary.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["user"], update_fields=fields
    )


def summary_mark_seen(*, user: User, ref: str) -> bool:
    """A clinician looked at what the engine recommended; ``False`` when ``ref`` is no longer
    what the row shows (something newer came in)."""
    row = Summary.objects.filter(user=user).first()
    if row is None or row.review_ref != ref or not ref:
        return False
    row.review_seen = [*row.review_seen, ref]
    row.save(update_fields=["review_seen", "updated_at"])
    return True


@dataclass(slots=True)
class Listed:
    """A summary row as a list reads it: the fields of ``selectors.LIST_FIELDS``, as plain
    values (a thousand model instances cost more than the page). ``days`` and the reasons are
    filled for the rows a page shows (``selectors.summaries_detail``)."""

    user_id: int
    has_program: bool
    urgency: str
    phase: str
    preference: str
    sessions_per_day: int
    started_on: dt.date | None
    last_activity: dt.date | None
    done_days: str
    done_until: dt.date | None
    red_flags: list[str]
    review_ref: str
    days: dict[str, Any] = field(default_factory=dict)
    review_reasons: list[dict[str, str]] = field(default_factory=list)


# Either shape of a summary row, for callers outside the program (which never import its models).
SummaryRow = Summary | Listed


@functools.lru_cache(maxsize=8)
def _day_keys(today: dt.date, count: int) -> tuple[tuple[dt.date, str], ...]:
    """The ``count`` days before ``today``, oldest first, with their keys in ``days``: worked
    out once a day, not once per person (the dashboard reads a thousand rows)."""
    return tuple(
        (day, day.isoformat())
        for day in (today - dt.timedelta(days=n) for n in range(count, 0, -1))
    )


@dataclass(frozen=True)
class SummaryView:
    """A summary row read on ``today``: the figures that depend on the date."""

    row: SummaryRow
    today: dt.date

    def adherence(self, days: int) -> float | None:
        """Sessions done over sessions planned in the ``days`` before today, counting today's done
        sessions as planned too (the weekly review's own count: an evening session not yet due is
        not a missed one). ``None`` before the program started."""
        row = self.row
        started = row.started_on
        if not row.has_program or started is None:
            return None
        first = max(self.today - dt.timedelta(days=days), started)
        span = max(0, (self.today - first).days)
        today_done = self._done_between(self.today, self.today)
        planned = row.sessions_per_day * span + today_done
        if planned == 0:
            return None
        done = self._done_between(first, self.today - dt.timedelta(days=1)) + today_done
        return round(min(1.0, done / planned), 2)

    def _done_between(self, first: dt.date, last: dt.date) -> int:
        """Sessions done from ``first`` to ``last``, both included, read off ``done_days``
        (a day after the row was built had none: a session would have rebuilt it)."""
        row = self.row
        if row.done_until is None or last < first:
            return 0
        end = len(row.done_days)
        start_at = max(0, end - 1 - (row.done_until - first).days)
        stop_at = min(end, end - (row.done_until - last).days)
        return sum(map(int, row.done_days[start_at:stop_at])) if stop_at > start_at else 0

    def _trend(self, index: int) -> list[float | None]:
        figures = self.row.days
        keys = [key for _, key in _day_keys(self.today, TREND_DAYS - 1)]
        found = []
        for key in [*keys, self.today.isoformat()]:
            value = figures.get(key, NOTHING)[index]
            found.append(None if value is None else float(value))
        return found

    def pain_trend(self) -> list[float | None]:
        """Mean leg pain before sessions, day by day over four weeks up to today."""
        return self._trend(1)

    def extent_trend(self) -> list[float | None]:
        """How far down the leg the symptoms reached, day by day (0 none ... 5 foot)."""
        return self._trend(2)

    @property
    def quiet_days(self) -> int | None:
        last = self.row.last_activity
        return None if last is None else (self.today - last).days

    @property
    def low_adherence(self) -> bool:
        week = self.adherence(WINDOW_DAYS)
        # A first day is too early to call anything low.
        started = self.row.started_on
        settled = started is not None and (self.today - started).days >= 2
        return settled and week is not None and week < HABIT_ADHERENCE_BELOW

    @property
    def quiet(self) -> bool:
        if not self.row.has_program or self.row.started_on is None:
            return False
        since = self.row.last_activity or self.row.started_on
        return (self.today - since).days >= QUIET_DAYS

    @property
    def review_open(self) -> bool:
        return bool(self.row.review_ref)
