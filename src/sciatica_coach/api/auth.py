"""Who is calling: a personal token (``Authorization: Bearer TOKEN``) or the browser session
(with its CSRF token for writes). Reads accept a read or write token; writes a write token.

Each token has a rate limit (``API_RATE_PER_MINUTE``), counted in the cache in one-minute
windows: a phone app stuck in a loop slows itself, not the clinic.
"""

import time
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth

from sciatica_coach.api import tokens
from sciatica_coach.api.errors import RateLimited
from sciatica_coach.api.models import ApiToken

WINDOW_S = 60


def _within_rate(token: ApiToken) -> None:
    window = int(time.time() // WINDOW_S)
    key = f"api:rate:{token.pk}:{window}"
    cache.add(key, 0, WINDOW_S * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, WINDOW_S * 2)
        count = 1
    if count > settings.API_RATE_PER_MINUTE:
        raise RateLimited(retry_after=WINDOW_S - int(time.time()) % WINDOW_S)


class TokenAuth(HttpBearer):
    def __init__(self, *, write: bool) -> None:
        super().__init__()
        self.write = write

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        found = tokens.token_find(key=token)
        if found is None:
            return None
        if self.write and found.scope != ApiToken.Scope.WRITE:
            raise HttpError(403, "this token may only read; make a write token to change data")
        _within_rate(found)
        request.api_token = found  # type: ignore[attr-defined]
        return found.user


class BrowserAuth(SessionAuth):
    """The signed-in browser: ninja checks the CSRF token on writes."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        return user if user is not None and user.is_active else None


READ = [TokenAuth(write=False), BrowserAuth()]
WRITE = [TokenAuth(write=True), BrowserAuth()]
