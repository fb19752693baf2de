"""Sessions that end, and a lockout that slows guessing without locking the owner out."""

import datetime as dt
import re
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import User
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from sciatica_coach.accounts.models import AccountSession, FailedLogin

PASSWORD = "a-long-Passw0rd!"  # noqa: S105 - a test persona's password


def logged_in(username: str = "alice", address: str = "127.0.0.1") -> Client:
    client = Client(REMOTE_ADDR=address)
    response = client.post("/accounts/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:300]
    return client


def replay(client: Client) -> Client:
    """Another browser holding a copy of this one's session cookie."""
    thief = Client()
    thief.cookies["sessionid"] = client.cookies["sessionid"].value
    return thief


def test_a_cookie_replayed_after_logout_gets_the_login_page(alice: User) -> None:
    client = logged_in()
    copy = replay(client)
    assert copy.get("/today/").status_code in (200, 302)
    response = client.post("/accounts/logout/")
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    answer = copy.get("/today/")
    assert answer.status_code == 302
    assert answer["Location"].startswith("/accounts/login/")


def test_sessions_are_indexed_by_account(alice: User, bob: User) -> None:
    logged_in("alice")
    logged_in("alice")
    logged_in("bob")
    assert AccountSession.objects.filter(account=alice).count() == 2
    assert AccountSession.objects.filter(account=bob).count() == 1


def test_logging_out_everywhere_ends_every_session_of_the_account(alice: User, bob: User) -> None:
    phone, laptop, bobs = logged_in("alice"), logged_in("alice"), logged_in("bob")
    response = phone.post("/accounts/logout/everywhere/")
    assert response["Location"] == "/accounts/login/"
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert laptop.get("/my-data/").status_code == 302
    assert phone.get("/my-data/").status_code == 302
    assert bobs.get("/my-data/").status_code == 200


def test_the_logout_page_offers_to_log_out_everywhere(alice: User) -> None:
    page = logged_in().get("/accounts/logout/confirm/").content.decode()
    assert 'action="/accounts/logout/everywhere/"' in page


def test_a_password_change_ends_the_other_sessions_and_keeps_this_one(alice: User) -> None:
    here, elsewhere = logged_in(), logged_in()
    response = here.post(
        "/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": "new-Secret-55x",
            "new_password2": "new-Secret-55x",
        },
    )
    assert response.status_code == 302
    assert here.get("/my-data/").status_code == 200
    assert elsewhere.get("/my-data/").status_code == 302


def test_a_password_reset_ends_every_session(alice: User) -> None:
    signed_in = logged_in()
    client = Client()
    client.post("/accounts/password/reset/", {"email": "alice@example.org"})
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body)
    assert link is not None
    form_page = client.get(link.group(1), follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "fresh-Start-91", "new_password2": "fresh-Start-91"},
    )
    assert signed_in.get("/my-data/").status_code == 302


def test_deleting_the_account_ends_its_sessions_everywhere(alice: User) -> None:
    here, elsewhere = logged_in(), logged_in()
    response = here.post("/my-data/delete/", {"password": PASSWORD, "confirm": "DELETE"})
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert not AccountSession.objects.exists()
    assert elsewhere.get("/today/")["Location"].startswith("/accounts/login/")


def test_an_idle_session_ends(alice: User) -> None:
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False) as clock:
        client = logged_in()
        clock.shift(dt.timedelta(seconds=settings.SESSION_IDLE_LIFETIME_S - 60))
        assert client.get("/my-data/").status_code == 200
        clock.shift(dt.timedelta(seconds=settings.SESSION_IDLE_LIFETIME_S - 60))
        assert client.get("/my-data/").status_code == 200  # seen in between: still alive
        clock.shift(dt.timedelta(seconds=settings.SESSION_IDLE_LIFETIME_S + 1))
        response = client.get("/my-data/")
        assert response.status_code == 302
        assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_a_busy_session_still_ends_at_its_absolute_lifetime(alice: User) -> None:
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False) as clock:
        client = logged_in()
        step = dt.timedelta(seconds=settings.SESSION_IDLE_LIFETIME_S // 2)
        lived = dt.timedelta()
        while lived + step < dt.timedelta(seconds=settings.SESSION_ABSOLUTE_LIFETIME_S):
            clock.shift(step)
            lived += step
            assert client.get("/my-data/").status_code == 200
        clock.shift(step * 2)
        assert client.get("/my-data/").status_code == 302


def test_the_session_answer_names_no_one(alice: User, client: Client) -> None:
    assert client.get("/accounts/session/").json() == {"signed_in": False, "account": None}
    signed_in = logged_in()
    answer = signed_in.get("/accounts/session/")
    assert answer["Cache-Control"].startswith("max-age=0")
    key = answer.json()["account"]
    assert answer.json()["signed_in"] is True
    assert re.fullmatch(r"[0-9a-f]{32}", key)
    assert "alice" not in answer.content.decode()
    assert key == logged_in().get("/accounts/session/").json()["account"]


def test_wrong_passwords_from_elsewhere_do_not_lock_the_owner_out(alice: User) -> None:
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(settings.LOGIN_FAILURE_LIMIT + 3):
        attacker.post("/accounts/login/", {"username": "alice", "password": "guess"})
    refused = attacker.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert "please wait" in refused.content.decode()
    logged_in(address="198.51.100.4")  # the owner, on their own phone


def test_the_wait_grows_and_then_passes(alice: User) -> None:
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False) as clock:
        guesser = Client(REMOTE_ADDR="203.0.113.9")
        for _ in range(settings.LOGIN_FAILURE_LIMIT):
            guesser.post("/accounts/login/", {"username": "alice", "password": "guess"})
        first = guesser.post("/accounts/login/", {"username": "alice", "password": "guess"})
        assert "wait 1 minute" in first.content.decode()
        clock.shift(dt.timedelta(seconds=61))
        guesser.post("/accounts/login/", {"username": "alice", "password": "guess"})
        second = guesser.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
        assert "wait 2 minutes" in second.content.decode()
        clock.shift(dt.timedelta(seconds=121))
        assert (
            guesser.post(
                "/accounts/login/", {"username": "alice", "password": PASSWORD}
            ).status_code
            == 302
        )


@pytest.mark.parametrize(
    ("url", "data"),
    [
        (
            "/accounts/password/change/",
            {
                "old_password": "guess",
                "new_password1": "x-Secret-551",
                "new_password2": "x-Secret-551",
            },
        ),
        ("/my-data/delete/", {"password": "guess", "confirm": "DELETE"}),
    ],
)
def test_every_password_check_counts_for_the_lockout(
    alice: User, url: str, data: dict[str, str]
) -> None:
    client = logged_in()
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        assert client.post(url, data).status_code in (200, 400)
    assert FailedLogin.objects.filter(user=alice).count() == settings.LOGIN_FAILURE_LIMIT
    right = {**data, "old_password": PASSWORD, "password": PASSWORD}
    refused = client.post(url, right)
    assert "please wait" in refused.content.decode()
    assert User.objects.filter(pk=alice.pk).exists()


def test_a_password_reset_works_while_the_account_waits(alice: User) -> None:
    guesser = Client()
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        guesser.post("/accounts/login/", {"username": "alice", "password": "guess"})
    Client().post("/accounts/password/reset/", {"email": "alice@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body)
    assert link is not None
    owner = Client()
    form_page = owner.get(link.group(1), follow=True)
    owner.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "fresh-Start-91", "new_password2": "fresh-Start-91"},
    )
    assert not FailedLogin.objects.exists()
    assert (
        guesser.post(
            "/accounts/login/", {"username": "alice", "password": "fresh-Start-91"}
        ).status_code
        == 302
    )


def test_the_reset_page_answers_alike_for_an_unknown_address(alice: User) -> None:
    known = Client().post("/accounts/password/reset/", {"email": "alice@example.org"})
    unknown = Client().post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mail.outbox) == 1


def test_one_e_mail_address_belongs_to_one_account(alice: User, client: Client) -> None:
    response = client.post(
        "/accounts/signup/",
        {
            "username": "mallory",
            "email": "ALICE@example.org",
            "password1": "quiet-River-72",
            "password2": "quiet-River-72",
        },
    )
    assert response.status_code == 400
    assert "already exists" in response.content.decode()
    assert not User.objects.filter(username="mallory").exists()


def test_the_reset_page_does_the_same_work_for_known_and_unknown_addresses(
    alice: User, settings: Any
) -> None:
    # The lookup, the token and the e-mail all happen in the task, after the page has answered.
    settings.TASKS = {
        **settings.TASKS,
        "default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"},
    }
    counts = []
    for email in ("alice@example.org", "nobody@example.org"):
        with CaptureQueriesContext(connection) as queries:
            Client().post("/accounts/password/reset/", {"email": email})
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert mail.outbox == []
