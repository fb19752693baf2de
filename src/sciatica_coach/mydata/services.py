"""Export everything a person has stored, and delete the account with every record of it."""

import csv
import datetime as dt
import io
import json
import zipfile
from typing import Any

from django.contrib.auth.models import User
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction

from sciatica_coach.accounts.lockout import login_success_record
from sciatica_coach.accounts.sessions import sessions_end
from sciatica_coach.mydata.records import account_of, export_document, records_of, to_json
from sciatica_coach.program import services as program

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return str(value)  # a number is data, never a formula, even when negative
    if isinstance(value, dict | list):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    text = str(value)
    # A leading apostrophe makes the spreadsheet show the text as it is, not run it.
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({key: _cell(value) for key, value in row.items()} for row in rows)
    return out.getvalue()


def data_export_json(*, user: User, now: dt.datetime) -> str:
    return to_json(export_document(user, now=now))


def data_export_zip(*, user: User, now: dt.datetime) -> bytes:
    """A zip of CSV files (one per kind of record) plus the same data as JSON."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("account.csv", _csv([account_of(user)]))
        for label, rows in records_of(user):
            archive.writestr(f"{label.replace('.', '-').lower()}.csv", _csv(rows))
        archive.writestr("everything.json", data_export_json(user=user, now=now))
    return buffer.getvalue()


def account_delete(*, user: User) -> None:
    """Delete the account and everything of it, and leave no copy of its text in the file."""
    _account_rows_delete(user=user)
    database_scrub()


@transaction.atomic
def _account_rows_delete(*, user: User) -> None:
    """Every model with a user key cascades from the user row. Three kinds go first,
    explicitly: sessions, through their store (a cached store forgets its copy too); session
    logs, because they protect the plan they were done from (a plan is never deleted under a
    log); and failed logins for the username that no account owned when they were made."""
    sessions_end(user=user)
    program.session_logs_delete(user=user)
    login_success_record(username=user.get_username())  # clears the failed-login rows
    user.delete()


def database_scrub() -> None:
    """SQLite: deleted rows are zeroed in place (``PRAGMA secure_delete``, set on every
    connection), but until a checkpoint the old pages still sit in the main file and the new
    ones in the write-ahead log; a checkpoint that truncates the log leaves neither.
    PostgreSQL keeps dead rows until its vacuum reuses the space (see docs/deploy.md)."""
    if connection.vendor != "sqlite":
        return

    def checkpoint() -> None:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # Outside any transaction (a checkpoint cannot run inside one); robust: the deletion stands
    # even if a long reader keeps the checkpoint from finishing this time.
    transaction.on_commit(checkpoint, robust=True)
