"""A real `sciatica-coach serve` for the tests that need one: crash, backup, start-up checks."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parents[3]
COACH = str(Path(sys.executable).parent / "sciatica-coach")
CSRF = "crashcrashcrashcrashcrashcrash12"
SEED = """
import json
from django.contrib.auth.models import User
from django.test import Client
from sciatica_coach.program import services
from tests import factories
user = User.objects.create_user("writer", "writer@example.org", "a-long-Passw0rd!")
services.profile_update(user=user, data=factories.profile(equipment=["towel"]))
client = Client()
client.force_login(user)
plan = services.selectors.plan_current(user=user)
print(json.dumps({"session": client.cookies["sessionid"].value, "plan": plan.pk}))
"""


def environment(data_dir: Path, database_url: str = "") -> dict[str, str]:
    env = {**os.environ, "SCIATICA_COACH_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    for name in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COACH, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )


def seeded(env: dict[str, str]) -> dict[str, Any]:
    migrated = cli(["manage", "migrate", "-v", "0"], env)
    assert migrated.returncode == 0, migrated.stderr
    result = cli(["manage", "shell", "-c", SEED], env)
    assert result.returncode == 0, result.stderr
    seed: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return seed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(env: dict[str, str], *extra: str) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """The server in its own process group, so the whole of it can be killed at once."""
    port = free_port()
    server = subprocess.Popen(
        [COACH, "serve", "--port", str(port), "--workers", "2", *extra],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/health/live/", timeout=1)  # noqa: S310
                break
            except OSError:
                assert server.poll() is None, server.stderr.read() if server.stderr else b""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        yield server, base
    finally:
        kill(server)


def kill(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGKILL)
    server.wait(10)


def sync(base: str, seed: dict[str, Any], client_id: str, day: str) -> int:
    body = json.dumps(
        {
            "client_id": client_id,
            "plan_id": seed["plan"],
            "date": day,
            "slot": "morning",
            "before": {"pain_leg": 4, "pain_back": 2, "extent": "thigh"},
            "step": 2,
        }
    ).encode()
    request = urllib.request.Request(  # noqa: S310 - our own loopback server
        base + "/offline/sessions/",
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Cookie": f"sessionid={seed['session']}; csrftoken={CSRF}",
            "X-CSRFToken": CSRF,
            "Referer": base + "/",
        },
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return int(response.status)


@contextmanager
def fresh_postgres(admin_url: str) -> Iterator[str]:
    """A new, empty PostgreSQL database for one test, dropped afterwards."""
    name = "sciatica_" + uuid.uuid4().hex[:12]
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = admin_url.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
