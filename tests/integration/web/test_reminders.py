"""Reminder settings and the private calendar feed (no login: the link's token is the secret)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from dateutil.rrule import rrulestr
from django.contrib.auth.models import User
from django.test import Client
from icalendar import Calendar
from pytest_django import DjangoAssertNumQueries

from sciatica_coach.reminders import services
from sciatica_coach.reminders.forms import UNKNOWN_ZONE
from sciatica_coach.reminders.models import ReminderSettings

NEW_YORK = ZoneInfo("America/New_York")


def settings_form(**changes: str) -> dict[str, str]:
    data = {
        "time_zone": "America/New_York",
        "browser_time_zone": "",
        "morning_at": "07:30",
        "evening_at": "18:00",
    }
    data.update(changes)
    return data


def feed_path(user: User) -> str:
    return f"/calendar/{ReminderSettings.objects.get(user=user).feed_token}.ics"


def test_reminder_settings_ask_anonymous_visitors_to_log_in(client: Client, db: None) -> None:
    response = client.get("/reminders/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_new_settings_default_to_eight_and_seven_with_email_off(alice_client: Client) -> None:
    page = alice_client.get("/reminders/").content.decode()
    assert 'value="08:00"' in page
    assert 'value="19:00"' in page
    assert 'name="email_on"' in page
    assert 'name="email_on" checked' not in page
    assert 'type="hidden" name="browser_time_zone"' in page
    assert "/static/reminders/time_zone.js" in page


def test_settings_are_saved(alice: User, alice_client: Client) -> None:
    response = alice_client.post("/reminders/", settings_form(email_on="on"))
    assert response.status_code == 302
    saved = ReminderSettings.objects.get(user=alice)
    assert saved.time_zone == "America/New_York"
    assert (saved.morning_at, saved.evening_at, saved.email_on) == (
        dt.time(7, 30),
        dt.time(18),
        True,
    )


def test_the_browsers_time_zone_is_used_when_none_is_typed(
    alice: User, alice_client: Client
) -> None:
    alice_client.post("/reminders/", settings_form(time_zone="", browser_time_zone="Asia/Tokyo"))
    assert ReminderSettings.objects.get(user=alice).time_zone == "Asia/Tokyo"


def test_without_any_time_zone_utc_is_used(alice: User, alice_client: Client) -> None:
    alice_client.post("/reminders/", settings_form(time_zone="", browser_time_zone="Mars/Base"))
    assert ReminderSettings.objects.get(user=alice).time_zone == "UTC"


def test_an_unknown_time_zone_marks_its_field_and_keeps_the_rest(
    alice: User, alice_client: Client
) -> None:
    response = alice_client.post("/reminders/", settings_form(time_zone="Europe/Atlantis"))
    page = response.content.decode()
    assert response.status_code == 400
    assert str(UNKNOWN_ZONE) in page
    assert 'aria-invalid="true"' in page
    assert 'value="Europe/Atlantis"' in page
    assert 'value="07:30"' in page
    assert not ReminderSettings.objects.filter(user=alice).exists()


def test_a_bad_time_marks_its_field_and_keeps_the_rest(alice_client: Client) -> None:
    response = alice_client.post("/reminders/", settings_form(morning_at="25:99"))
    page = response.content.decode()
    assert response.status_code == 400
    assert 'value="25:99"' in page
    assert 'value="18:00"' in page


def test_email_reminders_need_an_email_address(alice: User, alice_client: Client) -> None:
    alice.email = ""
    alice.save()
    response = alice_client.post("/reminders/", settings_form(email_on="on"))
    assert response.status_code == 400
    assert "Add an e-mail address" in response.content.decode()


# --- The calendar feed. ---


@pytest.fixture
def alices_feed(alice: User) -> str:
    # Settings made the week before the clocks go back in New York (1 November 2026).
    with time_machine.travel(dt.datetime(2026, 10, 28, 12, tzinfo=dt.UTC), tick=False):
        services.reminder_settings_update(
            user=alice,
            time_zone="America/New_York",
            morning_at=dt.time(7, 30),
            evening_at=dt.time(18),
            email_on=False,
        )
        services.feed_link_renew(user=alice)
    return feed_path(alice)


def test_a_person_gets_a_calendar_link_on_request(alice_client: Client, alice: User) -> None:
    assert "Make my calendar link" in alice_client.get("/reminders/").content.decode()
    alice_client.post("/reminders/calendar-link/")
    token = ReminderSettings.objects.get(user=alice).feed_token
    assert len(token) >= 40
    assert (
        f"http://testserver/calendar/{token}.ics"
        in alice_client.get("/reminders/").content.decode()
    )


def test_the_feed_needs_no_login_and_is_an_icalendar(client: Client, alices_feed: str) -> None:
    response = client.get(alices_feed)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "private" in response["Cache-Control"]
    calendar = Calendar.from_ical(response.content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == [
        "Morning exercises",
        "Evening exercises",
    ]


def test_the_feed_costs_one_query(
    client: Client, alices_feed: str, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    # Calendar apps poll the feed for ever; it must stay cheap.
    with django_assert_max_num_queries(1):
        assert client.get(alices_feed).status_code == 200


def test_the_feed_answers_a_head_request(client: Client, alices_feed: str) -> None:
    assert client.head(alices_feed).status_code == 200


def test_the_feed_keeps_the_persons_local_times_across_a_daylight_saving_change(
    client: Client, alices_feed: str
) -> None:
    calendar = Calendar.from_ical(client.get(alices_feed).content)
    morning, evening = calendar.walk("VEVENT")
    assert morning["dtstart"].dt.tzinfo.key == "America/New_York"
    window = (
        dt.datetime(2026, 10, 30, tzinfo=NEW_YORK),
        dt.datetime(2026, 11, 2, 23, tzinfo=NEW_YORK),
    )
    mornings = list(
        rrulestr(morning["rrule"].to_ical().decode(), dtstart=morning["dtstart"].dt).between(
            *window, inc=True
        )
    )
    assert [(m.astimezone(NEW_YORK).hour, m.astimezone(NEW_YORK).minute) for m in mornings] == [
        (7, 30)
    ] * 4
    assert [m.astimezone(dt.UTC).hour for m in mornings] == [11, 11, 12, 12]  # clocks went back
    assert evening["dtstart"].dt.hour == 18
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]


def test_the_feed_follows_changed_times(alice: User, client: Client, alices_feed: str) -> None:
    services.reminder_settings_update(
        user=alice,
        time_zone="Europe/Berlin",
        morning_at=dt.time(6, 45),
        evening_at=dt.time(20),
        email_on=False,
    )
    morning = Calendar.from_ical(client.get(alices_feed).content).walk("VEVENT")[0]
    assert morning["dtstart"].dt.tzinfo.key == "Europe/Berlin"
    assert (morning["dtstart"].dt.hour, morning["dtstart"].dt.minute) == (6, 45)


def test_a_new_link_makes_the_old_one_stop_working(
    alice: User, alice_client: Client, client: Client, alices_feed: str
) -> None:
    alice_client.post("/reminders/calendar-link/")
    assert client.get(alices_feed).status_code == 404
    assert client.get(feed_path(alice)).status_code == 200


def test_a_link_turned_off_stops_working(
    alice_client: Client, client: Client, alices_feed: str
) -> None:
    alice_client.post("/reminders/calendar-link/off/")
    assert client.get(alices_feed).status_code == 404
    assert "Make my calendar link" in alice_client.get("/reminders/").content.decode()


def test_an_unknown_link_is_a_404(client: Client, db: None) -> None:
    assert client.get("/calendar/not-a-real-token.ics").status_code == 404


def test_bob_cannot_see_alices_feed_settings(
    bob_client: Client, alice: User, alices_feed: str
) -> None:
    token = ReminderSettings.objects.get(user=alice).feed_token
    page = bob_client.get("/reminders/").content.decode()
    assert token not in page
    assert "America/New_York" not in page
    assert 'value="07:30"' not in page


def test_bob_making_a_link_leaves_alices_alone(
    bob_client: Client, client: Client, alices_feed: str
) -> None:
    bob_client.post("/reminders/calendar-link/")
    bob_client.post("/reminders/calendar-link/off/")
    assert client.get(alices_feed).status_code == 200


def test_the_feed_of_a_deactivated_account_is_a_404(
    alice: User, client: Client, alices_feed: str
) -> None:
    alice.is_active = False
    alice.save()
    assert client.get(alices_feed).status_code == 404
