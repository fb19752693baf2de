"""Export everything a person has stored, and delete the account with every record of it."""

import csv
import datetime as dt
import io
import json
import zipfile
from typing import Any

from django.contrib.auth.models import User
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from sciatica_coach.accounts.lockout import login_success_record
from sciatica_coach.mydata.records import account_of, export_document, records_of, to_json
from sciatica_coach.program.models import SessionLog


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    return str(value)


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


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Every model with a user key cascades from the user row. Two kinds go first, explicitly:
    session logs, because they protect the plan they were done from (a plan is never deleted
    under a log), and failed logins, which are keyed by username rather than by user."""
    SessionLog.objects.filter(user=user).delete()
    login_success_record(username=user.get_username())  # clears the failed-login rows
    user.delete()
