"""Gunicorn hooks and logging for `sciatica-coach serve`."""

import gc
import os
import re
import subprocess
import sys
from typing import Any

from gunicorn.glogging import Logger  # type: ignore[import-untyped]

from sciatica_coach.web.serve import EMBEDDED_WORKER

_worker: subprocess.Popen[bytes] | None = None

# Links that are secrets in themselves: a password-reset link, an e-mail confirmation link and
# the private calendar feed. An access log must never hold them.
SECRET_IN_PATH = re.compile(
    r"(/accounts/password/reset/|/accounts/email/verify/|/calendar/)[^\s?\"]+"
)


def redacted(text: str) -> str:
    return SECRET_IN_PATH.sub(r"\g<1>[redacted]", text)


class RedactingLogger(Logger):  # type: ignore[misc]
    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "f"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redacted(atoms[key])
        return atoms


logger_class = RedactingLogger


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
