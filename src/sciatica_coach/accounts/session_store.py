"""The session engine (``SESSION_ENGINE``): Django's database sessions, with the account indexed.

Which store is used is decided by one setting, ``SESSION_STORE_CACHED``: plain database rows by
default, or the same rows behind a shared cache (``cached_db``) once one (Redis) is configured
as ``CACHES[SESSION_CACHE_ALIAS]``. A per-process cache must never front sessions: a session
ended in one server worker would live on in another worker's memory.
"""

from typing import Any

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends import cached_db, db


class _AccountIndexed:
    @classmethod
    def get_model_class(cls) -> Any:
        from sciatica_coach.accounts.models import AccountSession

        return AccountSession

    def create_model_instance(self, data: dict[str, Any]) -> Any:
        instance = super().create_model_instance(data)  # type: ignore[misc]
        try:
            instance.account_id = int(data[SESSION_KEY])
        except (KeyError, TypeError, ValueError):
            instance.account_id = None
        return instance


class DatabaseSessionStore(_AccountIndexed, db.SessionStore):
    pass


class CachedSessionStore(_AccountIndexed, cached_db.SessionStore):
    pass


SessionStore: type[db.SessionStore] = (
    CachedSessionStore if getattr(settings, "SESSION_STORE_CACHED", False) else DatabaseSessionStore
)
