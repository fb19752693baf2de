"""Gunicorn hooks for `sciatica-coach serve`."""

import gc
import os
import subprocess
import sys
from typing import Any

from sciatica_coach.web.serve import EMBEDDED_WORKER

_worker: subprocess.Popen[bytes] | None = None


def pre_fork(server: Any, worker: Any) -> None:
    # With --preload, the app's import-time objects are shared by the workers. Freezing them keeps
    # the collector from walking (and copy-on-write touching) them, which was what set the p99.
    gc.freeze()


def when_ready(server: Any) -> None:
    # One command runs everything in the embedded mode: the task worker is a child of the server,
    # started once it listens and stopped with it. Its own process, so a slow PDF or an SMTP
    # server that hangs never holds a web worker.
    global _worker
    if os.environ.get(EMBEDDED_WORKER):
        argv = [sys.executable, "-m", "sciatica_coach", "worker"]
        _worker = subprocess.Popen(argv)  # noqa: S603 - our own interpreter, fixed arguments


def on_exit(server: Any) -> None:
    if _worker is not None and _worker.poll() is None:
        _worker.terminate()  # the worker finishes the task in hand, then stops
        try:
            _worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            _worker.kill()
