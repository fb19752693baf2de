"""The database, watched: a file that vanishes under the running server is noticed, and a
database that cannot be reached gets a 503 (try again) rather than a 500.

SQLite keeps writing into a database file that has been deleted (its open handle still points
at the old inode) and everything written then is lost at the next start, when an empty file is
made in its place. So the inode each process opened is remembered, and every write (any
method but GET, HEAD, OPTIONS) first checks that the file on disk is still that one.
"""

import contextlib
import logging
import os
from collections.abc import Callable
from pathlib import Path

from django.db import DatabaseError, connection, transaction
from django.db.backends.signals import connection_created
from django.http import HttpRequest, HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
RETRY_AFTER_S = 30

_opened: dict[str, tuple[int, int]] = {}


class DatabaseGone(RuntimeError):
    """The database file this server opened is no longer the one on disk."""


def sqlite_path() -> Path | None:
    if connection.vendor != "sqlite":
        return None
    return Path(str(connection.settings_dict["NAME"]))


def _identity(path: Path) -> tuple[int, int]:
    found = path.stat()
    return found.st_dev, found.st_ino


def remember_opened_file(sender: object, connection: object, **kwargs: object) -> None:
    vendor = getattr(connection, "vendor", "")
    if vendor != "sqlite":
        return
    name = str(getattr(connection, "settings_dict", {}).get("NAME", ""))
    if (
        name
        and name not in _opened
        and not name.startswith(":memory:")
        and "mode=memory" not in name
    ):
        with contextlib.suppress(FileNotFoundError):
            _opened[name] = _identity(Path(name))


connection_created.connect(remember_opened_file, dispatch_uid="sciatica_coach.database_watch")


def database_file_check() -> None:
    """Raise ``DatabaseGone`` when the SQLite file opened by this process has vanished or been
    replaced on disk."""
    path = sqlite_path()
    if path is None:
        return
    opened = _opened.get(str(path))
    if opened is None:
        return  # not opened yet in this process: the first connection will remember it
    try:
        now = _identity(path)
    except FileNotFoundError:
        raise DatabaseGone(f"{path} has disappeared") from None
    if now != opened:
        raise DatabaseGone(f"{path} was replaced by another file")


def database_health() -> None:
    """Raise unless the database answers and takes writes (for /health/)."""
    database_file_check()
    with transaction.atomic(), connection.cursor() as cursor:
        # On SQLite the transaction begins IMMEDIATE: it takes the write lock, which a read-only
        # or vanished file cannot give; PostgreSQL says whether it is a read-only standby.
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_is_in_recovery()")
            row = cursor.fetchone()
            if row is None or row[0]:
                raise DatabaseError("read-only (in recovery)")
        else:
            cursor.execute("SELECT 1")
    database_file_check()
    if connection.vendor == "sqlite":
        path = sqlite_path()
        if path is not None and not os.access(path, os.W_OK):
            raise DatabaseError(f"{path} is not writable")


def unavailable(request: HttpRequest | None = None) -> HttpResponse:
    # No context processors (the database may be why we are here), no traceback.
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_S)
    return response


class DatabaseWatchMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in SAFE_METHODS:
            try:
                database_file_check()
            except DatabaseGone as gone:
                logger.critical("refusing writes: %s", gone)
                return unavailable(request)
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        # The database cannot be reached (a server down, a lock held past the busy timeout):
        # the person is asked to try again, and nothing half-done was committed.
        from django.db import InterfaceError, OperationalError

        if isinstance(exception, OperationalError | InterfaceError | DatabaseGone):
            logger.error("database unavailable: %s", exception)
            return unavailable(request)
        return None
