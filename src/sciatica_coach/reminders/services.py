"""Writes for reminders: the person's settings, their calendar link, and the e-mail round.

``reminders_send_due`` is what the ``send_reminders`` command runs every few minutes. It claims
each due reminder by recording it first (a unique row per person, local date and slot) and only
then enqueues the e-mail task, so two overlapping runs can never send the same reminder twice.
The price is at-most-once delivery: a reminder whose e-mail fails is not retried.
"""

import datetime as dt
import logging
import secrets
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from sciatica_coach.reminders import selectors, tasks
from sciatica_coach.reminders.models import ReminderSent, ReminderSettings
from sciatica_coach.reminders.schedule import due_reminders

logger = logging.getLogger(__name__)

FEED_TOKEN_BYTES = 32  # 256 bits: the link is the only secret guarding the feed


@transaction.atomic
def reminder_settings_update(
    *,
    user: User,
    time_zone: str,
    morning_at: dt.time,
    evening_at: dt.time,
    email_on: bool,
) -> ReminderSettings:
    ZoneInfo(time_zone)  # refuses an unknown zone before anything is saved
    found, _ = ReminderSettings.objects.update_or_create(
        user=user,
        defaults={
            "time_zone": time_zone,
            "morning_at": morning_at,
            "evening_at": evening_at,
            "email_on": email_on,
        },
    )
    return found


@transaction.atomic
def feed_link_renew(*, user: User) -> ReminderSettings:
    """A new secret calendar link; the old one stops working at once."""
    found, _ = ReminderSettings.objects.get_or_create(user=user)
    found.feed_token = secrets.token_urlsafe(FEED_TOKEN_BYTES)
    found.save(update_fields=["feed_token", "updated_at"])
    return found


@transaction.atomic
def feed_link_revoke(*, user: User) -> None:
    ReminderSettings.objects.filter(user=user).update(feed_token="")


def _claim(*, user: User, day: dt.date, slot: str) -> bool:
    try:
        with transaction.atomic():
            ReminderSent.objects.create(user=user, day=day, slot=slot)
    except IntegrityError:
        return False  # another run got there first
    return True


def reminders_send_due(*, now: dt.datetime) -> list[tuple[int, dt.date, str]]:
    """Enqueue one e-mail per due reminder; returns what was enqueued (user id, day, slot)."""
    sent: list[tuple[int, dt.date, str]] = []
    for found in selectors.reminder_settings_with_email():
        user = found.user
        try:
            local_day = now.astimezone(ZoneInfo(found.time_zone)).date()
        except (KeyError, ValueError):
            logger.warning("reminders: unknown time zone for user %s", user.pk)
            continue
        due = due_reminders(
            now=now,
            time_zone=found.time_zone,
            times=found.times,
            done_slots=selectors.done_slots_on(user=user, day=local_day, time_zone=found.time_zone),
            already_sent=selectors.reminders_sent_since(
                user=user, day=local_day - dt.timedelta(days=1)
            ),
        )
        for reminder in due:
            if not _claim(user=user, day=reminder.day, slot=reminder.slot):
                continue
            tasks.reminder_email_send.enqueue(
                user_id=user.pk, day=reminder.day.isoformat(), slot=reminder.slot
            )
            sent.append((user.pk, reminder.day, reminder.slot))
    return sent
