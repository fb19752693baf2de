"""`sciatica-coach serve` and `manage`, the production checks and the error pages."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, RequestFactory

from sciatica_coach.web import serve, views


def test_serve_runs_gunicorn_with_the_apps_hooks() -> None:
    argv = serve.gunicorn_argv("127.0.0.1", 8123, 2)
    assert argv[1:4] == ["-m", "gunicorn", "sciatica_coach.web.wsgi:application"]
    assert "127.0.0.1:8123" in argv
    assert "--preload" in argv


def run_cli(args: list[str], tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "SCIATICA_COACH_DATA_DIR": str(tmp_path), **extra}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    environment.pop("DATABASE_URL", None)
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    return subprocess.run(
        [str(Path(sys.executable).parent / "sciatica-coach"), *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_manage_runs_django_commands_on_sqlite_in_the_data_dir(tmp_path: Path) -> None:
    result = run_cli(["manage", "migrate", "--verbosity", "0"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "db.sqlite3").exists()
    assert (tmp_path / "secret_key").exists()
    journal = run_cli(
        [
            "manage",
            "shell",
            "-c",
            "from django.db import connection; c = connection.cursor(); "
            "print(c.execute('PRAGMA journal_mode').fetchone()[0])",
        ],
        tmp_path,
    )
    assert journal.stdout.strip().splitlines()[-1] == "wal", journal.stderr


def test_production_settings_pass_the_deploy_check(tmp_path: Path) -> None:
    result = run_cli(
        ["manage", "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        SCIATICA_COACH_HTTPS="1",
        ALLOWED_HOSTS="coach.example.org",
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_the_server_error_page_shows_no_traceback(db: None) -> None:
    response = views.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert b"Sorry, something went wrong" in response.content
    assert b"Traceback" not in response.content


def test_a_crashing_view_gives_the_friendly_page(client: Client, db: None) -> None:
    client.raise_request_exception = False
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(views, "render", lambda *a, **k: 1 / 0)
        response = client.get("/")
    assert response.status_code == 500
    assert b"Traceback" not in response.content


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/password/reset/MQ/cx1-abcdef0123456789/",
        "/accounts/email/verify/eyJ1IjoxLCJlIjoiYSJ9:1vQ:sig/",
        "/calendar/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA.ics",
    ],
)
def test_the_access_log_never_holds_a_secret_link(path: str) -> None:
    from sciatica_coach.web.gunicorn_conf import redacted

    line = f'127.0.0.1 - - "GET {path} HTTP/1.1" 200'
    assert "[redacted]" in redacted(line)
    secret = path.rstrip("/").rsplit("/", 1)[-1]
    assert secret not in redacted(line)
