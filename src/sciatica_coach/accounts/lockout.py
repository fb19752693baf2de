"""Lockout after repeated failed logins: a small own implementation over one table.

It counts failures per username (not per address, which a shared phone network would make
unfair) within a sliding window; a success clears them.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sciatica_coach.accounts.models import FailedLogin


def _key(username: str) -> str:
    return username.strip().lower()[:150]


def _since() -> dt.datetime:
    return timezone.now() - dt.timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_S)


def login_locked_out(*, username: str) -> bool:
    recent = FailedLogin.objects.filter(username=_key(username), at__gte=_since())
    return recent.count() >= settings.LOGIN_FAILURE_LIMIT


@transaction.atomic
def login_failure_record(*, username: str) -> None:
    FailedLogin.objects.filter(at__lt=_since()).delete()
    FailedLogin.objects.create(username=_key(username))


@transaction.atomic
def login_success_record(*, username: str) -> None:
    FailedLogin.objects.filter(username=_key(username)).delete()
