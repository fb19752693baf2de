"""The service layer and permission tests (the clinic's too) again, on PostgreSQL, when CI
provides one."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "")
HERE = Path(__file__).parent


@pytest.mark.skipif(not POSTGRES_URL, reason="TEST_POSTGRES_URL is not set (CI sets it)")
def test_the_service_and_permission_tests_pass_on_postgresql() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(HERE / "test_services.py"),
            str(HERE / "test_permissions.py"),
            str(HERE / "test_offline.py"),
            str(HERE / "clinic"),
        ],
        env={**os.environ, "DATABASE_URL": POSTGRES_URL},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout


def test_the_database_url_switches_to_postgresql() -> None:
    import dj_database_url

    config = dj_database_url.parse("postgres://app:app@127.0.0.1:5433/app")
    assert config["ENGINE"] == "django.db.backends.postgresql"
