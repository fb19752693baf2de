"""`sciatica-coach worker`: runs the background tasks queued in the database, and queues the
reminders that fall due; finished tasks are deleted after a day.

Tasks (reminder e-mails, the password-reset e-mail, PDF reports) are rows in the database
(django-tasks-db): the same queue on SQLite in the embedded mode and on PostgreSQL at scale, so a
task queued by any app server is run once, by whichever worker takes its row first. `serve`
starts one worker beside gunicorn unless told not to; a larger set-up runs them on their own
(docs/deploy.md).

Every few minutes the worker also looks for reminders that are due and queues them. Each reminder
is claimed by a unique row before it is queued (``reminders.services``), so any number of workers
can sweep at once and a reminder still goes out once.
"""

import logging
import threading

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections
from django.utils import timezone

logger = logging.getLogger(__name__)


def _sweep(stop: threading.Event, every_s: float) -> None:
    from sciatica_coach.reminders import services

    while not stop.is_set():
        try:
            services.reminders_send_due(now=timezone.now())
            # A finished task keeps its arguments (an e-mail address, an account id): they are
            # kept a day for troubleshooting, then deleted.
            call_command("prune_db_task_results", queue_name="*", min_age_days=1, verbosity=0)
        except Exception:
            # A failed sweep (the database restarting, say) must not end the worker; the next
            # sweep claims whatever this one missed.
            logger.exception("worker: sweep failed")
        finally:
            close_old_connections()
        stop.wait(every_s)


def work(*, interval_s: float = 1.0, sweep: bool = True, max_tasks: int | None = None) -> None:
    """Run tasks until stopped (SIGTERM or SIGINT finish the task in hand first)."""
    stop = threading.Event()
    if sweep:
        threading.Thread(
            target=_sweep,
            args=(stop, float(settings.REMINDER_SWEEP_S)),
            name="sweep",
            daemon=True,
        ).start()
    options: dict[str, object] = {
        "interval": interval_s,
        "queue_name": "*",
        "reload": False,
        "verbosity": 1,  # each task's start and end, and any failure, on the worker's output
    }
    if max_tasks is not None:
        options["max_tasks"] = max_tasks
    try:
        call_command("db_worker", **options)
    finally:
        stop.set()
