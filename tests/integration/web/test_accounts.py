"""Accounts: sign up, log in with lockout, password change and reset by e-mail."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from sciatica_coach.web import settings as production_settings

PASSWORD = "a-long-Passw0rd!"  # noqa: S105 - a test persona's password


def test_signing_up_logs_in_and_starts_the_intake(client: Client, db: None) -> None:
    response = client.post(
        "/accounts/signup/",
        {
            "username": "carol",
            "email": "carol@example.org",
            "password1": "quiet-River-72",
            "password2": "quiet-River-72",
        },
    )
    assert response["Location"] == "/intake/"
    assert client.get("/intake/").status_code == 200


def test_a_mistyped_sign_up_keeps_the_username(client: Client, db: None) -> None:
    response = client.post(
        "/accounts/signup/",
        {
            "username": "carol",
            "email": "carol@example.org",
            "password1": "quiet-River-72",
            "password2": "other",
        },
    )
    assert response.status_code == 400
    assert 'value="carol"' in response.content.decode()


def test_production_hashes_passwords_with_argon2() -> None:
    assert production_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_logging_in_and_out(client: Client, alice: User) -> None:
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response["Location"] == "/today/"
    response = client.post("/accounts/logout/")
    assert client.get("/today/").status_code == 302


def test_repeated_wrong_passwords_lock_the_account(client: Client, alice: User) -> None:
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "Alice", "password": PASSWORD})
    assert response.status_code == 200
    assert "please wait 1 minute" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_good_login_clears_earlier_failures(client: Client, alice: User) -> None:
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    client.post("/accounts/logout/")
    client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302


def test_a_reset_link_is_never_printed_in_production_settings(tmp_path: Path) -> None:
    from tests.integration.web.test_commands import run_cli

    result = run_cli(
        [
            "manage",
            "shell",
            "-c",
            "from django.conf import settings; print(settings.EMAIL_BACKEND)",
        ],
        tmp_path,
        SCIATICA_COACH_HTTPS="1",
        ALLOWED_HOSTS="coach.example.org",
    )
    assert result.stdout.strip().splitlines()[-1] == "sciatica_coach.web.mail.UnsentMailBackend"


def test_changing_the_password(alice_client: Client, alice: User) -> None:
    response = alice_client.post(
        "/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": "new-Secret-55x",
            "new_password2": "new-Secret-55x",
        },
    )
    assert response["Location"] == "/accounts/password/change/done/"
    alice.refresh_from_db()
    assert alice.check_password("new-Secret-55x")


@pytest.mark.django_db
def test_resetting_a_forgotten_password_by_e_mail(client: Client, alice: User) -> None:
    client.post("/accounts/password/reset/", {"email": "alice@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body)
    assert link is not None
    form_page = client.get(link.group(1), follow=True)
    assert "Choose a new password" in form_page.content.decode()
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "fresh-Start-91", "new_password2": "fresh-Start-91"},
    )
    assert response["Location"] == "/accounts/password/reset/done/"
    alice.refresh_from_db()
    assert alice.check_password("fresh-Start-91")


def test_an_old_reset_link_says_so_kindly(client: Client, db: None) -> None:
    page = client.get("/accounts/password/reset/MQ/bad-token/").content.decode()
    assert "already been used or is too old" in page


def test_the_signed_in_user_is_read_with_the_same_checks_as_djangos(alice: User, db: None) -> None:
    from django.contrib.auth.backends import ModelBackend

    from sciatica_coach.accounts.backends import UserByPrimaryKeyBackend

    ours, django_own = UserByPrimaryKeyBackend(), ModelBackend()
    found = ours.get_user(str(alice.pk))
    assert found == django_own.get_user(alice.pk)
    assert found is not None
    assert (found.last_login, found.date_joined, found.password) == (
        alice.last_login,
        alice.date_joined,
        alice.password,
    )
    assert ours.get_user(999_999) is None
    assert ours.get_user("not-a-number") is None
    User.objects.filter(pk=alice.pk).update(is_active=False)
    assert ours.get_user(alice.pk) is None
