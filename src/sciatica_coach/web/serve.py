"""`sciatica-coach serve` and `sciatica-coach manage`: Django behind the one command."""

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

SETTINGS_MODULE = "sciatica_coach.web.settings"
# Set by `serve` for gunicorn's hooks: start a task worker beside the server.
EMBEDDED_WORKER = "SCIATICA_COACH_EMBEDDED_WORKER"


def _setup(data_dir: str | None) -> None:
    # Everything this process and gunicorn after it create (the data folder, the database and
    # its -wal and -shm files, backups) is readable by its owner only: it is health data.
    os.umask(0o077)
    if data_dir:
        os.environ["SCIATICA_COACH_DATA_DIR"] = os.path.abspath(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django

    django.setup()


def manage(args: Sequence[str]) -> int:
    """Any Django management command, with our settings."""
    _setup(None)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["sciatica-coach manage", *args])
    return 0


def gunicorn_argv(host: str, port: int, workers: int) -> list[str]:
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "sciatica_coach.web.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--preload",
        "--config",
        "python:sciatica_coach.web.gunicorn_conf",
        # One shared control socket in $HOME would clash between servers on the same machine.
        "--no-control-socket",
        "--access-logfile",
        "-" if os.environ.get("SCIATICA_COACH_ACCESS_LOG") else "/dev/null",
    ]


def worker(data_dir: str | None) -> int:
    """Run background tasks until stopped."""
    _setup(data_dir)
    from sciatica_coach.web.worker import work

    work()
    return 0


def serve(
    host: str, port: int, data_dir: str | None, workers: int, *, worker: bool, new: bool = False
) -> int:
    """Migrate, collect static files, then replace this process with gunicorn (which starts a
    task worker beside itself unless ``worker`` is false; see gunicorn_conf). An empty database
    where the data folder shows one was used before is refused unless ``new``."""
    signs = earlier_database_signs(data_dir)  # before settings make a secret key of their own
    _setup(data_dir)
    from django.conf import settings
    from django.core.management import call_command

    if signs and not new and database_is_empty():
        print(
            "error: the database is empty, but this data folder was used before "
            f"({', '.join(signs)} in {settings.DATA_DIR}). If the database was lost, restore "
            "a backup (sciatica-coach restore FILE); to start afresh on purpose, run "
            "sciatica-coach serve --new.",
            file=sys.stderr,
        )
        return 2

    call_command("migrate", interactive=False, verbosity=0)
    # Source maps and ReDoc (the API docs use Swagger UI) would only slow every start.
    call_command(
        "collectstatic", interactive=False, verbosity=0, ignore_patterns=["*.map", "redoc.*"]
    )
    print(
        f"Sciatica Coach on http://{host}:{port}/ (data in {settings.DATA_DIR})",
        file=sys.stderr,
        flush=True,
    )
    os.environ[EMBEDDED_WORKER] = "1" if worker else ""
    argv = gunicorn_argv(host, port, workers)
    os.execv(argv[0], argv)  # noqa: S606 - our own interpreter, fixed arguments
    return 0  # pragma: no cover - execv does not return


def earlier_database_signs(data_dir: str | None) -> list[str]:
    """What in the data folder shows that a database was used here before: the secret key
    made at the first start, and SQLite's write-ahead log files."""
    from sciatica_coach.web.env import data_dir_path

    folder = data_dir_path(data_dir)
    names = ("secret_key", "db.sqlite3-wal", "db.sqlite3-shm")
    return [name for name in names if (folder / name).exists()]


def database_is_empty() -> bool:
    """No table of ours: a new file, or a PostgreSQL database made afresh."""
    from django.db import connection

    return "django_migrations" not in connection.introspection.table_names()


def backup_or_restore(command: str, file: str, data_dir: str | None, stderr: TextIO) -> int:
    _setup(data_dir)
    from sciatica_coach.web import backup

    try:
        if command == "backup":
            backup.backup(Path(file))
        else:
            backup.restore(Path(file))
    except backup.BackupProblem as problem:
        print(f"error: {problem}", file=stderr)
        return 2
    return 0
