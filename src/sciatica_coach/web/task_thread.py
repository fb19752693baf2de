"""A task backend for the embedded mode: each task runs at once, on a thread of its own.

The password reset sends its e-mail through this when no worker backend is configured, so the
page answers before anything depends on whether the address has an account (the lookup, the
token, the SMTP conversation): the same time either way. Anything the thread opened in the
database is closed when it ends.
"""

import threading
from typing import Any

from django.db import connections
from django.tasks.backends.immediate import ImmediateBackend
from django.tasks.base import TaskResult


class ThreadBackend(ImmediateBackend):
    def _execute_task(self, task_result: "TaskResult[Any, Any]") -> None:
        immediate: Any = super()  # _execute_task is ImmediateBackend's own, not in its stubs

        def run() -> None:
            try:
                immediate._execute_task(task_result)
            finally:
                connections.close_all()

        threading.Thread(target=run, name="sciatica-task", daemon=True).start()
