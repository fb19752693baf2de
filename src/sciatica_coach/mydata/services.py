"""Export everything a person has stored, and delete the account with every record of it."""

import csv
import datetime as dt
import io
import json
import zipfile
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from sciatica_coach.accounts.models import FailedLogin
from sciatica_coach.mydata.records import account_of, export_document, records_of, to_json


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


def data_export_json(*, user: AbstractBaseUser, now: dt.datetime) -> str:
    return to_json(export_document(user, now=now))


def data_export_zip(*, user: AbstractBaseUser, now: dt.datetime) -> bytes:
    """A zip of CSV files (one per kind of record) plus the same data as JSON."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("account.csv", _csv([account_of(user)]))
        for label, rows in records_of(user):
            archive.writestr(f"{label.replace('.', '-').lower()}.csv", _csv(rows))
        archive.writestr("everything.json", data_export_json(user=user, now=now))
    return buffer.getvalue()


@transaction.atomic
def account_delete(*, user: AbstractBaseUser) -> None:
    """Every model with a user key cascades from the user row; failed-login rows are keyed by
    username instead, so they go explicitly."""
    FailedLogin.objects.filter(username=user.get_username().strip().lower()).delete()
    user.delete()
