"""Past one machine: two `serve` processes and one `worker` on one PostgreSQL and one Redis.

Real processes, as docs/deploy.md runs them: a person logs through one server and sees it through
the other, a browser session made on one is honoured by the other, and a reminder queued from
one server is sent once by the worker, to a real local SMTP server. Runs where CI provides both
servers (TEST_POSTGRES_URL, TEST_REDIS_URL).
"""

import datetime as dt
import http.cookiejar
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
import redis
from aiosmtpd.controller import Controller

from tests import factories
from tests.integration.web.test_reminder_emails import Sink, free_port

POSTGRES = os.environ.get("TEST_POSTGRES_URL", "")
REDIS = os.environ.get("TEST_REDIS_URL", "")
PASSWORD = "a-long-Passw0rd-here"  # noqa: S105 - a throwaway test account

pytestmark = pytest.mark.skipif(
    not (POSTGRES and REDIS),
    reason="TEST_POSTGRES_URL and TEST_REDIS_URL are not set (CI sets them)",
)


@pytest.fixture
def database() -> Iterator[str]:
    """A database of its own on the CI server, dropped afterwards."""
    name = f"scale_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(POSTGRES, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urllib.parse.urlsplit(POSTGRES)
    try:
        yield urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(POSTGRES, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def smtp() -> Iterator[tuple[Sink, int]]:
    sink = Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink, port
    finally:
        controller.stop()


class Cluster:
    def __init__(self, tmp: Path, env: dict[str, str]) -> None:
        self.tmp = tmp
        self.env = env
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        data = self.tmp / name
        data.mkdir()
        log = (self.tmp / f"{name}.log").open("wb")
        command = [sys.executable, "-m", "sciatica_coach", *args]
        env = {**self.env, "SCIATICA_COACH_DATA_DIR": str(data)}
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.processes.append(process)
        return process

    def serve(self, name: str) -> str:
        port = free_port()
        self.start(name, "serve", "--port", str(port), "--workers", "1", "--no-worker")
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url + "/", timeout=2)  # noqa: S310 - loopback
                return url
            except OSError:
                time.sleep(0.3)
        raise AssertionError(f"{name} did not start: {self.logs()}")

    def manage(self, *args: str) -> None:
        env = {**self.env, "SCIATICA_COACH_DATA_DIR": str(self.tmp / "app1")}
        subprocess.run(
            [sys.executable, "-m", "sciatica_coach", "manage", *args],
            env=env,
            check=True,
            capture_output=True,
            timeout=60,
        )

    def logs(self) -> str:
        return "\n".join(
            f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}"
            for log in sorted(self.tmp.glob("*.log"))
        )

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture
def cluster(tmp_path: Path, database: str, smtp: tuple[Sink, int]) -> Iterator[Cluster]:
    _sink, smtp_port = smtp
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DATABASE_URL": database,
        "REDIS_URL": REDIS,
        "DJANGO_SECRET_KEY": "scale-test-" + uuid.uuid4().hex,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "EMAIL_USE_TLS": "0",
        "REMINDER_SWEEP_S": "1",
    }
    made = Cluster(tmp_path, env)
    try:
        yield made
    finally:
        made.stop()


def call(url: str, method: str = "GET", body: Any = None, token: str = "") -> Any:
    request = urllib.request.Request(url, method=method)  # noqa: S310 - loopback
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    data = json.dumps(body).encode() if body is not None else None
    with urllib.request.urlopen(request, data, timeout=30) as answer:  # noqa: S310
        return json.loads(answer.read() or b"null")


class Browser:
    """A cookie jar and the CSRF dance, as a browser does it."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, url: str) -> str:
        with self.opener.open(url, timeout=30) as page:
            return str(page.read().decode())

    def post(self, url: str, fields: dict[str, str]) -> str:
        form = self.get(url)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
        assert token, form[:500]
        data = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": token.group(1)})
        request = urllib.request.Request(url, data.encode(), headers={"Referer": url})  # noqa: S310
        with self.opener.open(request, timeout=30) as page:
            return str(page.read().decode())


def test_two_servers_and_a_worker_share_one_program(
    cluster: Cluster, smtp: tuple[Sink, int]
) -> None:
    sink, _port = smtp
    one = cluster.serve("app1")  # migrates the empty database first, alone
    two = cluster.serve("app2")
    cluster.start("worker", "worker")

    call(
        one + "/api/v1/accounts",
        "POST",
        {"username": "ana", "email": "ana@example.org", "password": PASSWORD},
    )
    token = call(
        two + "/api/v1/token",
        "POST",
        {"username": "ana", "password": PASSWORD, "name": "phone", "scope": "write"},
    )["token"]
    call(one + "/api/v1/me/profile", "PUT", factories.profile(), token)
    today = dt.datetime.now(dt.UTC).date().isoformat()
    log = factories.log(today, pain_after=(4, 3), exercises=[])
    made = call(one + "/api/v1/me/sessions", "POST", log, token)
    # Logged through one server, seen through the other.
    seen = call(two + "/api/v1/me/sessions", token=token)
    assert [item["id"] for item in seen["items"]] == [made["id"]]

    # A browser session made on one server is good on the other (sessions in the shared store).
    browser = Browser()
    browser.post(one + "/accounts/login/", {"username": "ana", "password": PASSWORD})
    assert "log out" in browser.get(two + "/today/").lower()
    # The cache both servers use is Redis: Today's stored page and the token's call count.
    keys = redis.Redis.from_url(REDIS).keys("sciatica:*")
    assert any(b"today" in key for key in keys), keys
    assert any(b"api:rate" in key for key in keys), keys

    # Reminders on, the evening one a minute ago (UTC; the morning session is done already):
    # queued from server one, sent by the worker, whose own sweeps every second find it claimed.
    now = dt.datetime.now(dt.UTC)
    browser.post(
        one + "/reminders/",
        {
            "time_zone": "UTC",
            "morning_at": (now - dt.timedelta(minutes=2)).strftime("%H:%M"),
            "evening_at": (now - dt.timedelta(minutes=1)).strftime("%H:%M"),
            "email_on": "on",
        },
    )
    # E-mail reminders go only to a confirmed address: the worker sends the link first.
    deadline = time.monotonic() + 60
    while not sink.messages and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [m["Subject"] for m in sink.messages] == ["Please confirm your e-mail address"]
    body = sink.messages[0].get_payload(decode=True).decode()
    link = re.search(r"https?://[^/\s]+(/accounts/email/verify/\S+/)", body)
    assert link is not None, body
    browser.get(two + link.group(1))  # opened from the e-mail, on either server
    sink.messages.clear()
    cluster.manage("send_reminders", "--verbosity", "0")
    deadline = time.monotonic() + 60
    while not sink.messages and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(3)  # time for a second copy, were there one
    assert [m["Subject"] for m in sink.messages] == ["Your evening reminder"], cluster.logs()
    assert sink.messages[0]["X-Rcpt-To"] == "ana@example.org"
