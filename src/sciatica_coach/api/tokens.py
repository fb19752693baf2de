"""Making, finding and revoking personal API tokens (services and selectors of this app).

A token is 32 random bytes, URL-safe, with a recognisable prefix; only its SHA-256 is stored. A
plain hash is enough here (unlike a password) because the token is long and random: there is
nothing to guess, and a fast lookup by hash keeps every API call one indexed query.
"""

import datetime as dt
import hashlib
import secrets
from typing import Final

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from sciatica_coach.api.models import ApiToken

PREFIX: Final = "scc_"
MAX_DAYS: Final = 365
# Writing "last used" on every call would turn every read into a write; once a minute is
# enough to tell a person when a token was last used.
LAST_USED_EVERY: Final = dt.timedelta(minutes=1)


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def token_create(
    *, user: User, name: str, scope: str, days: int | None = None
) -> tuple[ApiToken, str]:
    """A new token and its key, which is shown once and never stored."""
    key = PREFIX + secrets.token_urlsafe(32)
    expires = timezone.now() + dt.timedelta(days=days) if days else None
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=key[: len(PREFIX) + 4],
        key_hash=_hash(key),
        scope=scope,
        expires_at=expires,
    )
    return token, key


def token_find(*, key: str) -> ApiToken | None:
    """The live token with this key: not revoked, not expired."""
    if not key.startswith(PREFIX):
        return None
    token = ApiToken.objects.select_related("user").filter(key_hash=_hash(key)).first()
    if token is None or token.revoked_at is not None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.expires_at is not None and token.expires_at <= now:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def tokens_of(*, user: User) -> list[ApiToken]:
    return list(ApiToken.objects.filter(user=user).order_by("-created_at"))


@transaction.atomic
def token_revoke(*, user: User, token_id: int) -> bool:
    """Revoke one of this person's tokens; ``False`` when they have no such live token."""
    return bool(
        ApiToken.objects.filter(user=user, pk=token_id, revoked_at=None).update(
            revoked_at=timezone.now()
        )
    )


def tokens_revoke_all(*, user: User, **_signal: object) -> int:
    """Every live token of this person revoked: a new password, or "sign out of all devices",
    leaves no app signed in with a token made before it."""
    return ApiToken.objects.filter(user=user, revoked_at=None).update(revoked_at=timezone.now())


def token_fields(token: ApiToken) -> dict[str, object]:
    """A token as the API shows it: everything but the secret, which is shown once, at birth."""
    return {
        "id": token.pk,
        "name": token.name,
        "scope": token.scope,
        "prefix": token.prefix,
        "created_at": token.created_at,
        "expires_at": token.expires_at,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
    }
