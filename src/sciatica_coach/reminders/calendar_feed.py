"""The private iCalendar feed: the two daily sessions at the person's chosen local times.

Events repeat daily in the person's own time zone (``DTSTART;TZID=...`` with a ``VTIMEZONE``), so
08:00 stays 08:00 across a daylight-saving change; a UTC start would drift by an hour twice a year.
"""

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Final
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

# Nothing in the feed names the condition: a calendar is shown on lock screens, shared with
# family and synced to other services. "Exercise reminders" is all it says.
PRODUCT_ID: Final = "-//Coach//Exercise reminders//EN"
CALENDAR_NAME: Final = "Exercise reminders"
SESSION_MINUTES: Final = 20  # contract plan rule 1: a session fits inside 20 minutes
SLOT_TITLES: Final = {"morning": "Morning exercises", "evening": "Evening exercises"}
# The time-zone block lists the zone's changes this many years ahead of the first event (the
# default stops at 2038, after which clients would keep the last offset all year round).
ZONE_YEARS: Final = 60


def session_feed(
    *,
    times: Mapping[str, dt.time],
    time_zone: str,
    starts_on: dt.date,
    owner_key: str,
    stamp: dt.datetime,
    url: str = "",
    alarm_minutes: int | None = 0,
) -> bytes:
    """The feed as bytes. ``owner_key`` makes stable event UIDs without revealing who it is."""
    zone = ZoneInfo(time_zone)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    calendar.add("x-wr-timezone", time_zone)
    for slot, at in times.items():
        event = Event()
        digest = hashlib.sha256(f"{owner_key}:{slot}".encode()).hexdigest()[:24]
        event.add("uid", f"{digest}@exercise-reminders")
        event.add("summary", SLOT_TITLES.get(slot, slot.title()))
        event.add(
            "description",
            "Your exercises for today, within comfort and never to exhaustion."
            + (f" Open: {url}" if url else ""),
        )
        event.add("dtstart", dt.datetime.combine(starts_on, at, tzinfo=zone))
        event.add("duration", dt.timedelta(minutes=SESSION_MINUTES))
        event.add("dtstamp", stamp.astimezone(dt.UTC))
        event.add("rrule", {"freq": "daily"})
        if url:
            event.add("url", url)
        if alarm_minutes is not None:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", event["summary"])
            alarm.add("trigger", dt.timedelta(minutes=-alarm_minutes))
            event.add_component(alarm)
        calendar.add_component(event)
    calendar.add_missing_timezones(
        first_date=starts_on - dt.timedelta(days=366),
        last_date=dt.date(starts_on.year + ZONE_YEARS, 1, 1),
    )
    feed: bytes = calendar.to_ical()
    return feed
