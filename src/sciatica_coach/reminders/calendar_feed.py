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

PRODUCT_ID: Final = "-//Sciatica Coach//Session reminders//EN"
SESSION_MINUTES: Final = 20  # contract plan rule 1: a session fits inside 20 minutes
SLOT_TITLES: Final = {"morning": "Morning session", "evening": "Evening session"}


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
    calendar.add("x-wr-calname", "Sciatica Coach")
    calendar.add("x-wr-timezone", time_zone)
    for slot, at in times.items():
        event = Event()
        digest = hashlib.sha256(f"{owner_key}:{slot}".encode()).hexdigest()[:24]
        event.add("uid", f"{digest}@sciatica-coach")
        event.add("summary", f"Sciatica Coach: {SLOT_TITLES.get(slot, slot.title())}")
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
    calendar.add_missing_timezones()
    feed: bytes = calendar.to_ical()
    return feed
