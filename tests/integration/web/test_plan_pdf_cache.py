"""The plan PDF is drawn once per plan, and never twice at a time for one person."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from sciatica_coach.reports import views
from sciatica_coach.reports.pdf_cache import one_at_a_time
from tests.integration.web.conftest import with_program


def test_the_pdf_is_drawn_once_per_plan(
    alice: User, alice_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_program(alice)
    drawn: list[str] = []

    def fake_pdf(html: str, **kwargs: object) -> bytes:
        drawn.append(html)
        return b"%PDF-1.7 fake"

    monkeypatch.setattr(views, "html_to_pdf", fake_pdf)
    for _ in range(3):
        response = alice_client.get("/today/plan.pdf")
        assert response.status_code == 200
        assert response.content == b"%PDF-1.7 fake"
    assert len(drawn) == 1
    with_program(alice, pain={"leg": 3, "back": 2})  # a new plan: a new PDF
    alice_client.get("/today/plan.pdf")
    assert len(drawn) == 2


def test_a_second_pdf_while_one_is_drawn_is_asked_to_wait(
    alice: User, alice_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_program(alice)
    monkeypatch.setattr(views, "html_to_pdf", lambda html, **kw: b"%PDF")
    with one_at_a_time(alice.pk):  # another request of Alice's is drawing one now
        response = alice_client.get("/today/plan.pdf")
    assert response.status_code == 429
    assert response["Retry-After"] == "5"
    assert alice_client.get("/today/plan.pdf").status_code == 200


def test_bob_is_not_kept_waiting_by_alices_pdf(
    alice: User, bob: User, bob_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_program(bob)
    monkeypatch.setattr(views, "html_to_pdf", lambda html, **kw: b"%PDF")
    with one_at_a_time(alice.pk):
        assert bob_client.get("/today/plan.pdf").status_code == 200
