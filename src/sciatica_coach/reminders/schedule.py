"""Which e-mail reminders are due: pure logic, so the background task only loads, asks and sends.

A reminder is due once its local session time has passed today, within a grace window, when the
session is not yet done and no reminder for that day and slot went out. The grace window means a
worker that was down for a while does not send a pile of stale reminders when it comes back.
"""

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Final
from zoneinfo import ZoneInfo

GRACE: Final = dt.timedelta(hours=2)


@dataclass(frozen=True, slots=True)
class DueReminder:
    day: dt.date  # the person's local date
    slot: str
    at: dt.datetime  # the session time, aware, in the person's zone


def due_reminders(
    *,
    now: dt.datetime,
    time_zone: str,
    times: Mapping[str, dt.time],
    done_slots: Collection[str],
    already_sent: Collection[tuple[dt.date, str]],
) -> list[DueReminder]:
    """Reminders to send now (``now`` aware; ``done_slots``: today's finished sessions)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    zone = ZoneInfo(time_zone)
    local_now = now.astimezone(zone)
    today = local_now.date()
    due = []
    for slot, at in sorted(times.items(), key=lambda item: item[1]):
        # fold=0 and ZoneInfo resolve a time skipped by a spring change to the wall-clock
        # time an hour later, which is when people expect it.
        when = dt.datetime.combine(today, at, tzinfo=zone)
        if not when <= local_now < when + GRACE:
            continue
        if slot in done_slots or (today, slot) in already_sent:
            continue
        due.append(DueReminder(day=today, slot=slot, at=when))
    return due
