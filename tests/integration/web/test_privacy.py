"""Privacy details: a safe CSV export, failed logins in the export, and a deleted account that
leaves no copy of its text in the database file."""

import csv
import io
import json
import zipfile
from pathlib import Path

from django.contrib.auth.models import User
from django.test import Client

from sciatica_coach.relief.models import MedicationEntry
from tests.integration.web.server import cli, environment, seeded


def test_csv_cells_that_would_run_as_formulas_are_neutralised(
    alice: User, alice_client: Client
) -> None:
    for name in ("=HYPERLINK(1)", "+1+1", "-2+3", "@SUM(A1)", "Ibuprofen"):
        MedicationEntry.objects.create(
            user=alice, name=name, taken_at="2026-01-02T08:00Z", as_prescribed=True
        )
    archive = zipfile.ZipFile(io.BytesIO(alice_client.get("/my-data/export.zip").content))
    rows = list(csv.DictReader(io.StringIO(archive.read("relief-medicationentry.csv").decode())))
    names = sorted(row["name"] for row in rows)
    assert names == sorted(["'=HYPERLINK(1)", "'+1+1", "'-2+3", "'@SUM(A1)", "Ibuprofen"])
    assert all(row["id"].isdigit() for row in rows)


def test_the_export_includes_failed_logins(alice: User, alice_client: Client) -> None:
    Client(REMOTE_ADDR="203.0.113.7").post(
        "/accounts/login/", {"username": "alice", "password": "wrong"}
    )
    document = json.loads(alice_client.get("/my-data/export.json").content)
    failures = document["records"]["accounts.FailedLogin"]
    assert len(failures) == 1
    assert failures[0]["address"] == "203.0.113.7"
    archive = zipfile.ZipFile(io.BytesIO(alice_client.get("/my-data/export.zip").content))
    assert "203.0.113.7" in archive.read("accounts-failedlogin.csv").decode()


def test_the_export_never_holds_a_session_key(alice: User, alice_client: Client) -> None:
    exported = alice_client.get("/my-data/export.json").content.decode()
    assert alice_client.cookies["sessionid"].value not in exported


MARKER = "Qwxzylophant"  # a medicine no one else has: easy to find in raw bytes
REMEMBER = f"""
from django.contrib.auth.models import User
from django.utils import timezone
from sciatica_coach.relief.models import MedicationEntry
user = User.objects.get(username="writer")
for n in range(40):
    MedicationEntry.objects.create(user=user, name="{MARKER} %d" % n, note="{MARKER} " * 20,
                                   taken_at=timezone.now(), as_prescribed=True)
"""
DELETE = (
    "from django.contrib.auth.models import User; "
    "from sciatica_coach.mydata.services import account_delete; "
    "account_delete(user=User.objects.get(username='writer'))"
)


def test_a_deleted_account_leaves_no_copy_of_its_text_in_the_database_file(
    tmp_path: Path,
) -> None:
    env = environment(tmp_path)
    seeded(env)
    assert cli(["manage", "shell", "-c", REMEMBER], env).returncode == 0
    files = [tmp_path / "db.sqlite3", tmp_path / "db.sqlite3-wal"]
    assert any(MARKER.encode() in f.read_bytes() for f in files if f.exists())
    deleted = cli(["manage", "shell", "-c", DELETE], env)
    assert deleted.returncode == 0, deleted.stderr
    for path in files:
        if path.exists():
            data = path.read_bytes()
            for text in (MARKER, "writer@example.org"):
                assert text.encode() not in data, f"{text} left in {path.name}"
