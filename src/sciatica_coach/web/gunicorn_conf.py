"""Gunicorn hooks for `sciatica-coach serve`."""

import gc
from typing import Any


def pre_fork(server: Any, worker: Any) -> None:
    # With --preload, the app's import-time objects are shared by the workers. Freezing them keeps
    # the collector from walking (and copy-on-write touching) them, which was what set the p99.
    gc.freeze()
