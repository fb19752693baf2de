"""The plan PDF, made at most once per plan and day, and at most one at a time per person.

Drawing a PDF takes WeasyPrint a few hundred milliseconds of a server worker. A plan never
changes once made, so the PDF is kept under the plan's id (and the day, which it prints);
someone asking again gets the kept copy. While one of a person's PDFs is being drawn, a second
request of theirs is told to wait a moment instead of taking another worker: a person pressing
the button over and over cannot slow anyone else's pages.
"""

import fcntl
import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from django.conf import settings
from django.core.cache import cache

KEPT_S: Final = 24 * 60 * 60


class PdfBusy(RuntimeError):
    """Another PDF of this person's is being drawn right now."""


def pdf_key(*, plan_id: int, day: str, language: str) -> str:
    return f"plan-pdf:{plan_id}:{day}:{language}"


@contextmanager
def one_at_a_time(user_id: int) -> Iterator[None]:
    """A lock per person across every server process (a file lock in the data folder)."""
    folder = Path(settings.DATA_DIR) / "locks"
    folder.mkdir(mode=0o700, exist_ok=True)
    name = hashlib.sha256(f"pdf:{user_id}".encode()).hexdigest()[:16]
    descriptor = os.open(folder / f"pdf-{name}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PdfBusy from None
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def plan_pdf_get(*, user_id: int, key: str, render: Callable[[], bytes]) -> bytes:
    """The kept PDF, or a new one drawn under the person's lock."""
    kept = cache.get(key)
    if isinstance(kept, bytes):
        return kept
    with one_at_a_time(user_id):
        kept = cache.get(key)  # drawn by another request while this one waited
        if isinstance(kept, bytes):
            return kept
        pdf = render()
        cache.set(key, pdf, KEPT_S)
        return pdf
