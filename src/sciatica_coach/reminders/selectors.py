"""Reads for reminders, each scoped to one person (the feed: to the holder of its secret)."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AnonymousUser, User
from django.http import Http404

from sciatica_coach.accounts.email_verification import verified_email_condition
from sciatica_coach.program import selectors as program
from sciatica_coach.reminders.models import ReminderSent, ReminderSettings

DEFAULT_ZONE = "UTC"


def reminder_settings_get(*, user: User) -> ReminderSettings | None:
    return ReminderSettings.objects.filter(user=user).first()


def time_zone_of(*, user: User | AnonymousUser) -> str:
    if not user.is_authenticated:
        return DEFAULT_ZONE
    found = ReminderSettings.objects.filter(user=user).values_list("time_zone", flat=True).first()
    return found or DEFAULT_ZONE


def reminder_settings_by_token(*, token: str) -> ReminderSettings:
    """The settings whose calendar link this is; an unknown or replaced link is a 404."""
    if not token:
        raise Http404
    found = ReminderSettings.objects.filter(feed_token=token).select_related("user").first()
    if found is None or not found.user.is_active:
        raise Http404
    return found


def reminder_settings_with_email() -> list[ReminderSettings]:
    """Everyone with e-mail reminders on, whose current address they have verified."""
    return list(
        ReminderSettings.objects.filter(email_on=True, user__is_active=True)
        .exclude(user__email="")
        .filter(verified_email_condition("user"))
        .select_related("user")
    )


def done_slots_on(*, user: User, day: dt.date, time_zone: str) -> set[str]:
    """Slots with a session done (a log with ``done`` set) on the person's local date.

    A log's ``date`` is the server's date when it started, which differs from the person's own
    date near midnight when they live far from the server's zone; a log started within their
    local day counts as well.
    """
    zone = ZoneInfo(time_zone)
    day_starts = dt.datetime.combine(day, dt.time(0), tzinfo=zone)
    day_ends = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=zone)
    return program.slots_done(user=user, day=day, started_from=day_starts, started_before=day_ends)


def reminders_sent_since(*, user: User, day: dt.date) -> set[tuple[dt.date, str]]:
    sent = ReminderSent.objects.filter(user=user, day__gte=day).values_list("day", "slot")
    return set(sent)
