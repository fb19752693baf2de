"""The database, watched and kept: health, a vanished file, start-up checks, owner-only files,
backups that round-trip every table, and no acknowledged write lost to a kill -9."""

import datetime as dt
import os
import sqlite3
import stat
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.db import connection
from django.test import Client

from tests.integration.web.server import (
    cli,
    environment,
    fresh_postgres,
    kill,
    seeded,
    serving,
    sync,
)

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "")
needs_postgres = pytest.mark.skipif(not POSTGRES_URL, reason="TEST_POSTGRES_URL is not set")
DELETE_WRITER = (
    "from django.contrib.auth.models import User; "
    "from sciatica_coach.mydata.services import account_delete; "
    "account_delete(user=User.objects.get(username='writer'))"
)


def test_health_is_ok_when_the_database_takes_writes(client: Client, db: None) -> None:
    response = client.get("/health/")
    assert (response.status_code, response.content) == (200, b"ok")
    assert client.get("/health/live/").status_code == 200


def test_a_vanished_database_file_stops_writes_with_503(client: Client, db: None) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("only SQLite keeps its database in a file that can vanish")
    path = Path(str(connection.settings_dict["NAME"]))
    connection.ensure_connection()
    aside = path.with_name(path.name + ".aside")
    path.rename(aside)
    try:
        response = client.post("/accounts/login/", {"username": "a", "password": "b"})
        assert response.status_code == 503
        assert response["Retry-After"]
        assert b"Traceback" not in response.content
        assert client.get("/health/").status_code == 503
    finally:
        aside.rename(path)
    assert client.get("/health/").status_code == 200


def test_serve_refuses_an_empty_database_where_one_was_used_before(tmp_path: Path) -> None:
    env = environment(tmp_path)
    seeded(env)
    (tmp_path / "db.sqlite3").unlink()  # lost, say, by a careless clean-up
    refused = cli(["serve", "--port", "1"], env)
    assert refused.returncode == 2
    assert "the database is empty, but this data folder was used before" in refused.stderr
    assert "secret_key" in refused.stderr
    with serving(env, "--new") as (_, base):
        assert base  # started afresh, as asked


def test_the_data_folder_and_its_files_are_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    env = environment(folder)
    seeded(env)
    backup = tmp_path / "backup.sqlite3"
    assert cli(["backup", str(backup)], env).returncode == 0
    for path in (folder, folder / "db.sqlite3", folder / "secret_key", backup):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path}: {oct(mode)}"


def sqlite_tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(path) as db:
        names = [
            row[0]
            for row in db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        tables = {n: sorted(db.execute(f'SELECT * FROM "{n}"'), key=repr) for n in names}  # noqa: S608
    db.close()
    return tables


def postgres_tables(url: str) -> dict[str, list[tuple[Any, ...]]]:
    with psycopg.connect(url) as db:
        names = [
            row[0]
            for row in db.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            )
        ]
        return {n: sorted(db.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}  # noqa: S608


def test_a_backup_round_trip_on_sqlite_keeps_every_table(tmp_path: Path) -> None:
    env = environment(tmp_path / "data")
    seeded(env)
    database = tmp_path / "data" / "db.sqlite3"
    before = sqlite_tables(database)
    assert sum(len(rows) for rows in before.values()) > 10
    backup = tmp_path / "backup.sqlite3"
    assert cli(["backup", str(backup)], env).returncode == 0
    assert cli(["manage", "shell", "-c", DELETE_WRITER], env).returncode == 0
    assert sqlite_tables(database) != before
    restored = cli(["restore", str(backup)], env)
    assert restored.returncode == 0, restored.stderr
    assert sqlite_tables(database) == before


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    env = environment(tmp_path / "data")
    seeded(env)
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    refused = cli(["restore", str(junk)], env)
    assert refused.returncode == 2
    assert "not a Sciatica Coach backup" in refused.stderr


@needs_postgres
def test_a_backup_round_trip_on_postgresql_keeps_every_table(tmp_path: Path) -> None:
    with fresh_postgres(POSTGRES_URL) as url:
        env = environment(tmp_path / "data", url)
        seeded(env)
        before = postgres_tables(url)
        backup = tmp_path / "backup.pgdump"
        made = cli(["backup", str(backup)], env)
        assert made.returncode == 0, made.stderr
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
        assert cli(["manage", "shell", "-c", DELETE_WRITER], env).returncode == 0
        assert postgres_tables(url) != before
        restored = cli(["restore", str(backup)], env)
        assert restored.returncode == 0, restored.stderr
        assert postgres_tables(url) == before


WRITERS = 6
KILL_AFTER_ACKS = 30  # killed mid-stream: once this many writes were acknowledged, writers going on


def writes_until_killed(env: dict[str, str], seed: dict[str, Any]) -> list[str]:
    """Writers send sessions through the real server; the whole server is killed with SIGKILL
    mid-stream. Returns the client ids the server acknowledged."""
    acknowledged: list[str] = []
    lock = threading.Lock()
    today = dt.datetime.now(dt.UTC).date().isoformat()  # the server keeps UTC dates
    with serving(env) as (server, base):
        stop = time.monotonic() + 60

        def write() -> None:
            while time.monotonic() < stop:
                client_id = str(uuid.uuid4())
                try:
                    status = sync(base, seed, client_id, today)
                except OSError:
                    return  # the server is gone
                if status in (200, 201):
                    with lock:
                        acknowledged.append(client_id)

        writers = [threading.Thread(target=write) for _ in range(WRITERS)]
        for writer in writers:
            writer.start()
        while len(acknowledged) < KILL_AFTER_ACKS and time.monotonic() < stop:
            time.sleep(0.02)
        kill(server)
        for writer in writers:
            writer.join(20)
    return acknowledged


def test_no_acknowledged_write_is_lost_to_a_kill_on_sqlite(tmp_path: Path) -> None:
    env = environment(tmp_path)
    seed = seeded(env)
    acknowledged = writes_until_killed(env, seed)
    assert len(acknowledged) >= KILL_AFTER_ACKS
    with serving(env) as (_, base):  # restarts on the same files
        assert base
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {
            row[0].replace("-", "")
            for row in db.execute("SELECT client_id FROM offline_offlinesession")
        }
    db.close()
    assert {c.replace("-", "") for c in acknowledged} <= stored


@needs_postgres
def test_no_acknowledged_write_is_lost_to_a_kill_on_postgresql(tmp_path: Path) -> None:
    with fresh_postgres(POSTGRES_URL) as url:
        env = environment(tmp_path, url)
        seed = seeded(env)
        acknowledged = writes_until_killed(env, seed)
        assert len(acknowledged) >= KILL_AFTER_ACKS
        with serving(env) as (_, base):
            assert base
        with psycopg.connect(url) as db:
            stored = {
                str(row[0]) for row in db.execute("SELECT client_id FROM offline_offlinesession")
            }
        assert set(acknowledged) <= stored


def test_a_database_that_cannot_be_reached_is_a_503_not_a_500(client: Client, db: None) -> None:
    from django.db import OperationalError

    from sciatica_coach.accounts import sessions

    client.raise_request_exception = False

    def unreachable(self: object, request: object) -> object:
        raise OperationalError("could not connect to server")

    # Raised in a middleware, before any view: where a PostgreSQL that is down first shows.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sessions.SessionLifetimeMiddleware, "__call__", unreachable)
        response = client.get("/")
    assert response.status_code == 503
    assert b"Traceback" not in response.content
