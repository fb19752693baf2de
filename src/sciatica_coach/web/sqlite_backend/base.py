"""Django's SQLite backend, with write transactions queued on a lock the kernel hands over.

SQLite lets one writer at a time into the database; a second one gets "busy" and SQLite's own
busy handler sleeps 1, 2, 5, 10, 15, 20, 25 ... ms before trying again, whatever happens in
the meantime. With two server workers saving a step every few seconds for many phones, those
sleeps were the p99 of logging a step (80-200 ms at 8 connections; strace showed hundreds of
failed lock attempts and sleeps per second). Here each write transaction (``BEGIN IMMEDIATE``,
which is what ``transaction.atomic`` starts on SQLite) first takes an exclusive ``flock`` on a
file beside the database, and gives it back at commit or rollback: a waiting writer is woken
the moment the lock is free, instead of when its sleep ends. Reads take no lock (WAL).
"""

import fcntl
import os
from typing import Any

from django.db.backends.sqlite3 import base

# Typed as Any: the private transaction hooks overridden here are not in django-stubs.
_SQLiteWrapper: Any = base.DatabaseWrapper


class DatabaseWrapper(_SQLiteWrapper):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._write_lock_fd: int | None = None
        self._write_lock_held = False

    def _write_lock_path(self) -> str | None:
        name = str(self.settings_dict.get("NAME") or "")
        if not name or self.is_in_memory_db():
            return None
        return name + ".writelock"

    def _write_lock_acquire(self) -> None:
        path = self._write_lock_path()
        if path is None or self._write_lock_held:
            return
        if self._write_lock_fd is None:
            self._write_lock_fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self._write_lock_fd, fcntl.LOCK_EX)
        self._write_lock_held = True

    def _write_lock_release(self) -> None:
        if self._write_lock_held and self._write_lock_fd is not None:
            fcntl.flock(self._write_lock_fd, fcntl.LOCK_UN)
        self._write_lock_held = False

    def _start_transaction_under_autocommit(self) -> None:
        self._write_lock_acquire()
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._write_lock_release()
            raise

    def _commit(self) -> Any:
        try:
            return super()._commit()
        finally:
            self._write_lock_release()

    def _rollback(self) -> Any:
        try:
            return super()._rollback()
        finally:
            self._write_lock_release()

    def _close(self) -> Any:
        try:
            return super()._close()
        finally:
            self._write_lock_release()
            if self._write_lock_fd is not None:
                os.close(self._write_lock_fd)
                self._write_lock_fd = None
