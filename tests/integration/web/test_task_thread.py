"""The embedded mode's mail backend runs each task on a thread of its own."""

import threading

from django.core import mail
from django.tasks import task
from pytest_django.fixtures import Settings

RAN: list[str] = []
DONE = threading.Event()


@task(backend="mail")
def note_thread() -> str:
    RAN.append(threading.current_thread().name)
    DONE.set()
    return "ok"


def test_a_mail_task_runs_on_its_own_thread(settings: Settings) -> None:
    settings.TASKS = {
        **settings.TASKS,
        "mail": {"BACKEND": "sciatica_coach.web.task_thread.ThreadBackend"},
    }
    note_thread.enqueue()
    assert DONE.wait(10)
    assert RAN == ["sciatica-task"]
    assert mail.outbox == []
