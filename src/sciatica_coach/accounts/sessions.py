"""Ending sessions: one person's, everywhere, and the lifetimes every session is held to.

Sessions are rows on the server (``session_store``), so ending one makes its cookie worthless at
once: a copy of the cookie replayed after logout finds no session and gets the login page.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse

from sciatica_coach.accounts.models import AccountSession
from sciatica_coach.accounts.session_store import SessionStore

STARTED = "sc_started"
SEEN = "sc_seen"
# "Last seen" is written at most this often, so a busy session (a step saved every few seconds
# in the player) does not rewrite its session row on every request.
SEEN_RESOLUTION_S = 60
# Tells the browser to drop this site's caches and storage: the service worker's copies of
# personal pages and any queue of unsent logs (Chromium also unregisters the worker).
CLEAR_SITE_DATA = '"cache", "storage"'


def sessions_end(*, user: User, keep: str | None = None) -> int:
    """End every session of ``user`` (but ``keep``); returns how many were ended."""
    keys = AccountSession.objects.filter(account=user).values_list("session_key", flat=True)
    ended = 0
    for key in list(keys):
        if key == keep:
            continue
        # Through the store, not a bulk delete: a cached store must forget its copy too.
        SessionStore(session_key=key).delete()
        ended += 1
    return ended


def session_times_start(request: HttpRequest) -> None:
    now = int(time.time())
    request.session[STARTED] = now
    request.session[SEEN] = now


def session_expired(request: HttpRequest, now: int) -> bool:
    started = request.session.get(STARTED)
    seen = request.session.get(SEEN)
    if not isinstance(started, int) or not isinstance(seen, int):
        return False
    return (
        now - started > settings.SESSION_ABSOLUTE_LIFETIME_S
        or now - seen > settings.SESSION_IDLE_LIFETIME_S
    )


class SessionLifetimeMiddleware:
    """Ends a signed-in session that has been idle too long or has lived too long.

    The ended session's response tells the browser to clear the site's caches as well, so the
    phone forgets the pages it kept for offline use.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        ended = False
        if SESSION_KEY in request.session:
            now = int(time.time())
            if session_expired(request, now):
                logout(request)
                ended = True
            elif not isinstance(request.session.get(SEEN), int):
                session_times_start(request)  # a session from before lifetimes were kept
            elif now - request.session[SEEN] >= SEEN_RESOLUTION_S:
                request.session[SEEN] = now
        response = self.get_response(request)
        if ended:
            response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response
