"""Every stored record that belongs to a person, found from the models themselves.

Any model with a ``user`` foreign key (or one-to-one) to the user model is the person's data.
Finding them this way means a new app's records are exported and deleted without anyone having to
remember to add them here; a test checks that every such model is covered.
"""

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

ACCOUNT_FIELDS = ("username", "email", "first_name", "last_name", "date_joined", "last_login")


def user_models() -> list[type[models.Model]]:
    user_model = get_user_model()
    found = []
    for model in apps.get_models():
        field = next(
            (
                f
                for f in model._meta.get_fields()
                if f.name == "user"
                and f.concrete
                and f.is_relation
                and f.related_model is user_model
            ),
            None,
        )
        if field is not None:
            found.append(model)
    return sorted(found, key=lambda m: m._meta.label)


def _row(instance: models.Model) -> dict[str, Any]:
    # A model may name fields that are secrets rather than the person's data (a token's hash).
    secret = getattr(instance, "NOT_EXPORTED", ())
    row: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name == "user" or field.name in secret:
            continue
        row[field.attname] = field.value_from_object(instance)
    return row


def records_of(user: User) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    for model in user_models():
        rows = [_row(obj) for obj in model._default_manager.filter(user=user).order_by("pk")]
        yield model._meta.label, rows


def account_of(user: User) -> dict[str, Any]:
    return {name: getattr(user, name, None) for name in ACCOUNT_FIELDS}


def export_document(user: User, *, now: dt.datetime) -> dict[str, Any]:
    return {
        "format": "sciatica-coach-export/1",
        "exported_at": now,
        "account": account_of(user),
        "records": dict(records_of(user)),
    }


def to_json(document: dict[str, Any]) -> str:
    return json.dumps(document, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
