"""Gunicorn hooks and logging for `sciatica-coach serve`."""

import gc
import re
from typing import Any

from gunicorn.glogging import Logger  # type: ignore[import-untyped]

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
