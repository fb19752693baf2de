"""E-mail reminders end to end: `send_reminders` at a reminder time, a real local SMTP server.

aiosmtpd listens on a free 127.0.0.1 port; Django's SMTP backend sends to it, through the
ImmediateBackend task runner, exactly as a deployment would send to its mail relay.
"""

import datetime as dt
import socket
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.contrib.auth.models import User
from django.core.management import call_command
from pytest_django.fixtures import Settings

from sciatica_coach.accounts.email_verification import email_verified_record
from sciatica_coach.program.models import Plan, SessionLog
from sciatica_coach.reminders import services
from sciatica_coach.reminders.models import ReminderSent
from tests.integration.web.conftest import with_program

LONDON = ZoneInfo("Europe/London")
MORNING_REMINDER_TIME = dt.datetime(2026, 7, 1, 8, 5, tzinfo=LONDON)  # BST: 07:05 UTC


class Sink:
    """An SMTP handler that keeps every message it receives."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content)
        message["X-Rcpt-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def smtp_sink(settings: Settings) -> Iterator[Sink]:
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    settings.SITE_URL = "https://coach.example"
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    try:
        yield sink
    finally:
        controller.stop()


def reminders_on(user: User, **changes: Any) -> None:
    options: dict[str, Any] = {
        "time_zone": "Europe/London",
        "morning_at": dt.time(8),
        "evening_at": dt.time(19),
        "email_on": True,
    }
    options.update(changes)
    services.reminder_settings_update(user=user, **options)
    email_verified_record(user=user)


def send_reminders_at(moment: dt.datetime) -> None:
    with time_machine.travel(moment, tick=False):
        call_command("send_reminders", verbosity=0)


def test_a_due_reminder_arrives_once(alice: User, smtp_sink: Sink) -> None:
    reminders_on(alice)
    send_reminders_at(MORNING_REMINDER_TIME)
    send_reminders_at(MORNING_REMINDER_TIME + dt.timedelta(minutes=5))
    assert len(smtp_sink.messages) == 1
    message = smtp_sink.messages[0]
    assert message["X-Rcpt-To"] == "alice@example.org"
    assert message["Subject"] == "Your morning reminder"
    assert message.get_content_type() == "text/plain"
    body = message.get_payload(decode=True).decode()  # type: ignore[union-attr]
    assert "https://coach.example/today/" in body
    assert "https://coach.example/reminders/" in body
    assert ReminderSent.objects.get(user=alice).day == dt.date(2026, 7, 1)


def test_the_subject_line_names_no_health_detail(alice: User, smtp_sink: Sink) -> None:
    reminders_on(alice)
    send_reminders_at(MORNING_REMINDER_TIME)
    send_reminders_at(dt.datetime(2026, 7, 1, 19, 1, tzinfo=LONDON))
    subjects = [m["Subject"].lower() for m in smtp_sink.messages]
    assert subjects == ["your morning reminder", "your evening reminder"]
    for word in ("sciatica", "pain", "back", "nerve", "exercise", "session"):
        assert all(word not in subject for subject in subjects)


def test_nothing_is_sent_before_the_reminder_time(alice: User, smtp_sink: Sink) -> None:
    reminders_on(alice)
    send_reminders_at(dt.datetime(2026, 7, 1, 7, 55, tzinfo=LONDON))
    assert smtp_sink.messages == []


def test_a_session_already_done_gets_no_reminder(alice: User, smtp_sink: Sink) -> None:
    reminders_on(alice)
    with_program(alice)
    SessionLog.objects.create(
        user=alice,
        plan=Plan.objects.filter(user=alice).latest("id"),
        date=dt.date(2026, 7, 1),
        slot="morning",
        done=True,
    )
    send_reminders_at(MORNING_REMINDER_TIME)
    assert smtp_sink.messages == []


def test_a_session_done_counts_on_the_persons_own_date_not_the_servers(
    alice: User, smtp_sink: Sink
) -> None:
    reminders_on(alice, time_zone="Asia/Tokyo")
    with_program(alice)
    # 07:30 on 2 July in Tokyo is still 1 July on a server that keeps UTC.
    with time_machine.travel(dt.datetime(2026, 7, 1, 22, 30, tzinfo=dt.UTC), tick=False):
        SessionLog.objects.create(
            user=alice,
            plan=Plan.objects.filter(user=alice).latest("id"),
            date=dt.date(2026, 7, 1),
            slot="morning",
            done=True,
        )
    send_reminders_at(dt.datetime(2026, 7, 2, 8, 5, tzinfo=ZoneInfo("Asia/Tokyo")))
    assert smtp_sink.messages == []


def test_a_session_started_but_not_done_still_gets_its_reminder(
    alice: User, smtp_sink: Sink
) -> None:
    reminders_on(alice)
    with_program(alice)
    SessionLog.objects.create(
        user=alice,
        plan=Plan.objects.filter(user=alice).latest("id"),
        date=dt.date(2026, 7, 1),
        slot="morning",
        done=False,
    )
    send_reminders_at(MORNING_REMINDER_TIME)
    assert len(smtp_sink.messages) == 1


def test_reminders_follow_each_persons_time_zone(alice: User, bob: User, smtp_sink: Sink) -> None:
    reminders_on(alice)  # 08:00 in London is 07:00 UTC in July
    reminders_on(bob, time_zone="America/New_York")  # 08:00 in New York is 12:00 UTC
    send_reminders_at(MORNING_REMINDER_TIME)
    assert [m["X-Rcpt-To"] for m in smtp_sink.messages] == ["alice@example.org"]
    send_reminders_at(dt.datetime(2026, 7, 1, 12, 10, tzinfo=dt.UTC))
    assert [m["X-Rcpt-To"] for m in smtp_sink.messages] == ["alice@example.org", "bob@example.org"]


def test_people_with_email_reminders_off_get_nothing(alice: User, smtp_sink: Sink) -> None:
    reminders_on(alice, email_on=False)
    send_reminders_at(MORNING_REMINDER_TIME)
    assert smtp_sink.messages == []


def test_a_mail_server_that_is_down_does_not_stop_the_round(
    alice: User, bob: User, smtp_sink: Sink, settings: Settings
) -> None:
    reminders_on(alice)
    reminders_on(bob)
    settings.EMAIL_PORT = free_port()  # nothing listens there
    send_reminders_at(MORNING_REMINDER_TIME)
    # Recorded before sending: at most once, so a failed e-mail is not retried later.
    assert ReminderSent.objects.count() == 2
