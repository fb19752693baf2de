"""Reminders go only to an address the person has shown is theirs."""

import re

from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from sciatica_coach.accounts.email_verification import email_is_verified
from sciatica_coach.reminders import selectors


def turn_e_mail_reminders_on(client: Client) -> None:
    client.post(
        "/reminders/",
        {
            "time_zone": "Europe/London",
            "morning_at": "08:00",
            "evening_at": "19:00",
            "email_on": "on",
        },
    )


def verification_link() -> str:
    found = re.search(r"http://testserver(/accounts/email/verify/\S+/)", mail.outbox[-1].body)
    assert found is not None
    return found.group(1)


def test_turning_reminders_on_sends_a_link_and_waits_for_it(
    alice: User, alice_client: Client
) -> None:
    turn_e_mail_reminders_on(alice_client)
    assert mail.outbox[-1].to == ["alice@example.org"]
    assert "confirm" in mail.outbox[-1].subject.lower()
    page = alice_client.get("/reminders/").content.decode()
    assert "Waiting for you to confirm alice@example.org" in page
    assert selectors.reminder_settings_with_email() == []
    response = Client().get(verification_link())  # opened on the phone's mail app
    assert response.status_code == 200
    assert email_is_verified(user=alice)
    assert [s.user for s in selectors.reminder_settings_with_email()] == [alice]


def test_a_changed_address_must_be_verified_again(alice: User, alice_client: Client) -> None:
    turn_e_mail_reminders_on(alice_client)
    Client().get(verification_link())
    alice.email = "alice@elsewhere.example"
    alice.save()
    assert selectors.reminder_settings_with_email() == []


def test_a_link_for_an_old_address_does_not_verify_the_new_one(
    alice: User, alice_client: Client
) -> None:
    turn_e_mail_reminders_on(alice_client)
    link = verification_link()
    alice.email = "alice@elsewhere.example"
    alice.save()
    assert Client().get(link).status_code == 400
    assert not email_is_verified(user=alice)


def test_a_forged_link_does_nothing(alice: User, client: Client) -> None:
    assert client.get("/accounts/email/verify/not-a-token/").status_code == 400
    assert not email_is_verified(user=alice)
