"""The iCalendar feed parses with ``icalendar`` and keeps local times across daylight saving."""

import datetime as dt
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from icalendar import Calendar

from sciatica_coach.reminders.calendar_feed import session_feed

LONDON = ZoneInfo("Europe/London")


def feed(**changes: object) -> Calendar:
    options: dict[str, object] = {
        "times": {"morning": dt.time(8, 0), "evening": dt.time(19, 30)},
        "time_zone": "Europe/London",
        "starts_on": dt.date(2026, 3, 20),
        "owner_key": "secret-key",
        "stamp": dt.datetime(2026, 3, 20, 9, tzinfo=dt.UTC),
        "url": "https://coach.example/today",
    }
    options.update(changes)
    return Calendar.from_ical(session_feed(**options))  # type: ignore[arg-type]


def occurrences(event: object, between: tuple[dt.datetime, dt.datetime]) -> list[dt.datetime]:
    start = event["dtstart"].dt  # type: ignore[index]
    rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=start)  # type: ignore[index]
    return list(rule.between(*between, inc=True))


def test_the_feed_holds_one_daily_event_per_session() -> None:
    events = feed().walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Morning exercises", "Evening exercises"]
    assert all(e["rrule"]["FREQ"] == ["DAILY"] for e in events)
    assert all(e["duration"].dt == dt.timedelta(minutes=20) for e in events)


def test_sessions_stay_at_local_time_across_the_spring_daylight_saving_change() -> None:
    morning = feed().walk("VEVENT")[0]
    assert morning["dtstart"].dt.tzinfo.key == "Europe/London"  # type: ignore[union-attr]
    window = (dt.datetime(2026, 3, 27, tzinfo=LONDON), dt.datetime(2026, 3, 31, 23, tzinfo=LONDON))
    found = occurrences(morning, window)
    assert [o.astimezone(LONDON).hour for o in found] == [8, 8, 8, 8, 8]
    utc_hours = [o.astimezone(dt.UTC).hour for o in found]
    assert utc_hours == [8, 8, 7, 7, 7]  # clocks went forward on 29 March 2026


def test_sessions_stay_at_local_time_across_the_autumn_change_in_another_zone() -> None:
    evening = feed(time_zone="America/New_York", starts_on=dt.date(2026, 10, 28)).walk("VEVENT")[1]
    zone = ZoneInfo("America/New_York")
    window = (dt.datetime(2026, 10, 30, tzinfo=zone), dt.datetime(2026, 11, 3, 23, tzinfo=zone))
    found = occurrences(evening, window)
    assert {(o.astimezone(zone).hour, o.astimezone(zone).minute) for o in found} == {(19, 30)}
    assert [o.astimezone(dt.UTC).hour for o in found] == [23, 23, 0, 0, 0]


def test_the_feed_carries_its_time_zone_definition() -> None:
    assert [str(tz["tzid"]) for tz in feed().walk("VTIMEZONE")] == ["Europe/London"]


def test_event_ids_are_stable_and_do_not_reveal_the_owner() -> None:
    first = [str(e["uid"]) for e in feed().walk("VEVENT")]
    again = [str(e["uid"]) for e in feed().walk("VEVENT")]
    other = [str(e["uid"]) for e in feed(owner_key="someone-else").walk("VEVENT")]
    assert first == again
    assert not set(first) & set(other)
    assert all("secret" not in uid for uid in first)


def test_nothing_in_the_feed_names_the_condition() -> None:
    text = session_feed(
        times={"morning": dt.time(8, 0), "evening": dt.time(19, 30)},
        time_zone="Europe/London",
        starts_on=dt.date(2026, 3, 20),
        owner_key="secret-key",
        stamp=dt.datetime(2026, 3, 20, 9, tzinfo=dt.UTC),
    ).decode()
    for word in ("sciatica", "pain", "back", "nerve", "leg"):
        assert word not in text.lower(), word
    alarms = feed().walk("VALARM")
    assert {str(alarm["description"]) for alarm in alarms} == {
        "Morning exercises",
        "Evening exercises",
    }


def test_the_time_zone_block_keeps_daylight_saving_past_2038() -> None:
    zone = feed(time_zone="America/New_York").walk("VTIMEZONE")[0]
    tz = zone.to_tz()
    for year in (2040, 2060):
        summer = dt.datetime(year, 7, 1, 12, tzinfo=tz).utcoffset()
        winter = dt.datetime(year, 1, 15, 12, tzinfo=tz).utcoffset()
        assert (summer, winter) == (dt.timedelta(hours=-4), dt.timedelta(hours=-5)), year
