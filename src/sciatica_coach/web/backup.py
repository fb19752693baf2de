"""``sciatica-coach backup FILE`` and ``restore FILE``.

SQLite: the online backup API, which copies a consistent snapshot while the server keeps
writing (WAL), and restores the same way into the database file in place. PostgreSQL (when
``DATABASE_URL`` is set): ``pg_dump`` in its custom format, and ``pg_restore`` in one
transaction. Backup files are written owner-only: they hold everyone's health data.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any


class BackupProblem(RuntimeError):
    """The backup or restore could not be done; the message says why, for a person."""


def _database() -> dict[str, Any]:
    from django.conf import settings

    database: dict[str, Any] = dict(settings.DATABASES["default"])
    return database


def _is_sqlite() -> bool:
    from django.db import connection

    return bool(connection.vendor == "sqlite")


def _owner_only_temp(target: Path) -> Path:
    temp = target.with_name(f".{target.name}.partial")
    temp.unlink(missing_ok=True)
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return temp


def _pg_env(database: dict[str, Any]) -> dict[str, str]:
    # Credentials through libpq's environment, never on the command line (ps shows it).
    return {
        **os.environ,
        "PGHOST": str(database.get("HOST") or "localhost"),
        "PGPORT": str(database.get("PORT") or 5432),
        "PGUSER": str(database.get("USER") or ""),
        "PGPASSWORD": str(database.get("PASSWORD") or ""),
        "PGDATABASE": str(database["NAME"]),
    }


def _pg_run(tool: str, arguments: list[str], database: dict[str, Any]) -> None:
    """Run one of PostgreSQL's own tools on this database; its complaint is ours if it fails."""
    result = subprocess.run(  # noqa: S603 - our own fixed arguments
        [_tool(tool), *arguments],
        env=_pg_env(database),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupProblem(f"{tool} failed: {result.stderr.strip()}")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupProblem(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return found


def backup(target: Path) -> None:
    database = _database()
    target = target.absolute()
    if not target.parent.is_dir():
        raise BackupProblem(f"{target.parent}: no such folder")
    temp = _owner_only_temp(target)
    try:
        if _is_sqlite():
            source = Path(str(database["NAME"]))
            if not source.exists():
                raise BackupProblem(f"{source}: no database to back up")
            with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src:
                with sqlite3.connect(temp) as dst:
                    src.backup(dst)
                dst.close()
            src.close()
        else:
            _pg_run("pg_dump", ["--format=custom", "--no-owner", f"--file={temp}"], database)
        os.chmod(temp, 0o600)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def _sqlite_checked(source: Path) -> None:
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as check:
            ok = check.execute("PRAGMA integrity_check").fetchone()
            tables = {row[0] for row in check.execute("SELECT name FROM sqlite_master")}
        check.close()
    except sqlite3.DatabaseError as exc:
        raise BackupProblem(f"{source}: not a Sciatica Coach backup ({exc})") from None
    if ok is None or ok[0] != "ok" or "django_migrations" not in tables:
        raise BackupProblem(f"{source}: not a Sciatica Coach backup, or damaged")


def restore(source: Path) -> None:
    """Replace the database's contents with the backup's. Stop the server first."""
    database = _database()
    source = source.absolute()
    if not source.is_file():
        raise BackupProblem(f"{source}: no such file")
    if _is_sqlite():
        _sqlite_checked(source)
        target = Path(str(database["NAME"]))
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src:
            # Into the file in place: the same file the server will open, owner-only.
            with sqlite3.connect(target) as dst:
                src.backup(dst)
                dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            dst.close()
        src.close()
        os.chmod(target, 0o600)
        return
    _pg_run(
        "pg_restore",
        [
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={database['NAME']}",
            str(source),
        ],
        database,
    )
