"""The plan PDF is drawn by the worker, once per plan, day and language; asking again while it is
being drawn never queues a second drawing, and a person waiting is told so, not kept on a
request."""

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from sciatica_coach.reports import tasks
from sciatica_coach.reports.models import PlanPdf
from sciatica_coach.reports.services import REDRAW_AFTER
from tests.integration.web.conftest import with_program

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def worker_runs_the_queue() -> None:
    """What ``sciatica-coach worker`` does with each queued task, inside the test's transaction
    (its loop would close the test's database connection between tasks)."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    for queued in DBTaskResult.objects.ready():
        queued.claim(worker.worker_id)
        worker.run_task(queued)


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    pages: list[str] = []

    def fake_pdf(html: str, **kwargs: object) -> bytes:
        pages.append(html)
        return b"%PDF-1.7 fake"

    monkeypatch.setattr(tasks, "html_to_pdf", fake_pdf)
    return pages


def test_the_pdf_is_drawn_once_per_plan(
    alice: User, alice_client: Client, drawn: list[str]
) -> None:
    with_program(alice)
    for _ in range(3):
        response = alice_client.get("/today/plan.pdf")
        assert response.status_code == 200
        assert response.content == b"%PDF-1.7 fake"
    assert len(drawn) == 1
    with_program(alice, pain={"leg": 3, "back": 2})  # a new plan: a new PDF
    alice_client.get("/today/plan.pdf")
    assert len(drawn) == 2
    assert PlanPdf.objects.filter(user=alice).count() == 1  # the old plan's copy is gone


def test_a_new_day_draws_a_new_pdf_since_the_pdf_prints_the_day(
    alice: User, alice_client: Client, drawn: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with_program(alice)
    alice_client.get("/today/plan.pdf")
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: tomorrow)
    alice_client.get("/today/plan.pdf")
    assert len(drawn) == 2


def test_with_a_worker_the_page_waits_and_then_opens_the_pdf(
    alice: User, alice_client: Client, drawn: list[str], settings: Any
) -> None:
    settings.TASKS = DATABASE_QUEUE
    with_program(alice)
    first = alice_client.get("/today/plan.pdf")
    assert first.status_code == 202
    assert first["Retry-After"] == "3"
    page = first.content.decode()
    assert 'data-ask-again="/today/plan.pdf"' in page
    assert "being drawn" in page
    again = alice_client.get("/today/plan.pdf")  # pressed again before the worker ran
    assert again.status_code == 202
    assert drawn == []
    worker_runs_the_queue()
    assert len(drawn) == 1  # one drawing for the two asks
    done = alice_client.get("/today/plan.pdf")
    assert (done.status_code, done.content) == (200, b"%PDF-1.7 fake")


def test_a_drawing_lost_with_its_worker_is_queued_again(
    alice: User, alice_client: Client, drawn: list[str], settings: Any
) -> None:
    settings.TASKS = DATABASE_QUEUE
    with_program(alice)
    alice_client.get("/today/plan.pdf")
    PlanPdf.objects.update(asked_at=timezone.now() - REDRAW_AFTER - dt.timedelta(seconds=1))
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    assert alice_client.get("/today/plan.pdf").status_code == 200
    assert len(drawn) == 1


def test_without_weasyprint_the_person_is_told_and_nothing_is_retried(
    alice: User, alice_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(html: str, **kwargs: object) -> bytes:
        raise tasks.PdfUnavailable("no Pango")

    monkeypatch.setattr(tasks, "html_to_pdf", missing)
    with_program(alice)
    for _ in range(2):
        response = alice_client.get("/today/plan.pdf")
        assert response.status_code == 503
        assert "Print button" in response.content.decode()


def test_bobs_pdf_is_not_alices(
    alice: User, bob: User, bob_client: Client, alice_client: Client, drawn: list[str]
) -> None:
    with_program(alice)
    with_program(bob, pain={"leg": 3, "back": 2})
    alice_client.get("/today/plan.pdf")
    bob_client.get("/today/plan.pdf")
    assert len(drawn) == 2
    assert PlanPdf.objects.filter(user=bob).count() == 1


def test_a_deleted_account_takes_its_printed_plan_with_it(
    alice: User, alice_client: Client, drawn: list[str]
) -> None:
    with_program(alice)
    alice_client.get("/today/plan.pdf")
    alice.delete()
    assert not PlanPdf.objects.exists()
