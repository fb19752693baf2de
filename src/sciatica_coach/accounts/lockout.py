"""Lockout after repeated wrong passwords: a growing delay per account and address.

Every place that checks a password counts here (login, password change, account deletion), so
the lockout cannot be stepped around by guessing through another form. It is per account *and*
address: someone elsewhere typing wrong passwords slows themselves, never the owner on their own
phone, and the delay grows (1, 2, 4, 8 ... minutes, up to ``LOGIN_DELAY_MAX_S``) rather than
locking for good. The password reset by e-mail works whatever the count, and clears it.
"""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from sciatica_coach.accounts.models import FailedLogin

# The first delay, doubled at each further wrong password once the limit is reached.
FIRST_DELAY_S = 60


def _key(username: str) -> str:
    return username.strip().lower()[:150]


def _since() -> dt.datetime:
    return timezone.now() - dt.timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_S)


def client_address(request: HttpRequest | None) -> str:
    """The caller's address; behind ``TRUSTED_PROXY_COUNT`` reverse proxies, the one they saw."""
    if request is None:
        return ""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies > 0 and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return str(hops[-proxies])[:45]
    return str(request.META.get("REMOTE_ADDR", ""))[:45]


def login_wait_s(*, username: str, address: str) -> int:
    """Seconds before this account may be tried again from this address (0: now)."""
    recent = FailedLogin.objects.filter(
        username=_key(username), address=address, at__gte=_since()
    ).order_by("-at")
    count = recent.count()
    if count < settings.LOGIN_FAILURE_LIMIT:
        return 0
    latest = recent.values_list("at", flat=True).first()
    if latest is None:  # pragma: no cover - counted rows cannot vanish inside one request
        return 0
    delay = min(
        FIRST_DELAY_S * 2 ** (count - settings.LOGIN_FAILURE_LIMIT), settings.LOGIN_DELAY_MAX_S
    )
    remaining = (latest + dt.timedelta(seconds=delay) - timezone.now()).total_seconds()
    return max(0, int(remaining + 0.999))


@transaction.atomic
def login_failure_record(*, username: str, address: str = "") -> None:
    FailedLogin.objects.filter(at__lt=_since()).delete()
    key = _key(username)
    owner = get_user_model().objects.filter(username__iexact=key).first()
    FailedLogin.objects.create(username=key, user=owner, address=address)


@transaction.atomic
def login_success_record(*, username: str) -> None:
    FailedLogin.objects.filter(username=_key(username)).delete()
