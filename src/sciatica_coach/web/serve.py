"""`sciatica-coach serve` and `sciatica-coach manage`: Django behind the one command."""

import os
import sys
from collections.abc import Sequence

SETTINGS_MODULE = "sciatica_coach.web.settings"
# Set by `serve` for gunicorn's hooks: start a task worker beside the server.
EMBEDDED_WORKER = "SCIATICA_COACH_EMBEDDED_WORKER"


def _setup(data_dir: str | None) -> None:
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


def serve(host: str, port: int, data_dir: str | None, workers: int, *, worker: bool) -> int:
    """Migrate, collect static files, then replace this process with gunicorn (which starts a
    task worker beside itself unless ``worker`` is false; see gunicorn_conf)."""
    _setup(data_dir)
    from django.conf import settings
    from django.core.management import call_command

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
