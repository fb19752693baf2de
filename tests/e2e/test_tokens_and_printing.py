"""Two pages a patient reaches from Today's corners, at phone size with axe-core: the API tokens
page (empty, a refused name, a token made and revoked), and the printed plan while the worker is
still drawing it."""

from typing import Any

import pytest

from sciatica_coach.reports import tasks
from tests.e2e.journey import log_in, person_with_program
from tests.integration.web.test_plan_pdf_cache import DATABASE_QUEUE, worker_runs_the_queue

pytestmark = pytest.mark.e2e


def test_a_token_is_made_shown_once_and_revoked_on_a_phone(
    page: Any, live_server: Any, check: Any
) -> None:
    person_with_program("tam")
    log_in(page, live_server.url, "tam")
    page.goto(live_server.url + "/api-tokens/")
    assert page.get_by_text("No tokens yet.").is_visible()
    check("tokens-empty")

    page.get_by_role("button", name="Make the token").click()  # no name
    name = page.get_by_label("Name")
    assert name.get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Valid for how many days?").input_value() == "90"  # kept
    check("tokens-refused")

    name.fill("My phone")
    page.get_by_label("write: see and change my data").check()
    page.get_by_role("button", name="Make the token").click()
    token = page.locator("#new-token").inner_text()
    assert len(token) > 30
    check("tokens-made")
    page.goto(live_server.url + "/api-tokens/")
    assert page.locator("#new-token").count() == 0  # shown only once
    assert token not in page.content()

    page.get_by_role("button", name="Revoke “My phone”").click()
    assert page.get_by_text("revoked").is_visible()
    check("tokens-revoked")


def test_the_printed_plan_says_it_is_being_drawn_then_opens(
    page: Any, live_server: Any, check: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.TASKS = DATABASE_QUEUE
    monkeypatch.setattr(tasks, "html_to_pdf", lambda html, **kw: b"%PDF-1.7 drawn")
    person_with_program("pat")
    log_in(page, live_server.url, "pat")
    response = page.goto(live_server.url + "/today/plan.pdf")
    assert response.status == 202
    assert page.get_by_role("heading", name="Your plan is being made").is_visible()
    check("plan-pdf-being-made")
    worker_runs_the_queue()
    with page.expect_response("**/today/plan.pdf") as opened:
        pass  # the page asks again by itself
    assert opened.value.status == 200
