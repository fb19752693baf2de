"""The guided player at phone size, online and offline: each step's dose, and Back only where
there is a step to go back to."""

from typing import Any

import pytest

from sciatica_coach.program import selectors
from sciatica_coach.program.presenters import dose_text
from tests.e2e.journey import log_in, person_with_program, pick, session_check

pytestmark = pytest.mark.e2e


def first_two_items(username: str) -> list[dict[str, Any]]:
    plan = selectors.plan_current(user=person_with_program(username))
    assert plan is not None
    items: list[dict[str, Any]] = plan.answer["sessions"][0]["items"]
    return items[:2]


def steps_back_and_forth(page: Any, items: list[dict[str, Any]], check: Any, prefix: str) -> None:
    back = page.get_by_role("button", name="Back")
    first, second = items
    assert page.get_by_role("heading", name=first["name"], exact=True).is_visible()
    assert page.locator("[data-step]:visible .dose").inner_text() == dose_text(first)
    assert back.is_hidden()
    check(f"{prefix}-first-step")
    page.get_by_role("button", name="Done, next").click()
    assert page.get_by_role("heading", name=second["name"], exact=True).is_visible()
    assert page.locator("[data-step]:visible .dose").inner_text() == dose_text(second)
    assert back.is_visible()
    check(f"{prefix}-second-step")
    back.click()
    assert page.get_by_role("heading", name=first["name"], exact=True).is_visible()
    assert back.is_hidden()


def test_the_player_shows_each_dose_and_no_back_on_the_first_exercise(
    page: Any, live_server: Any, check: Any
) -> None:
    items = first_two_items("kit")
    log_in(page, live_server.url, "kit")
    page.get_by_role("link", name="Start morning session").click()
    for question in ("Leg pain", "Back pain"):
        anchored = f"{question} right now (0 = none, 10 = worst imaginable)"
        assert page.get_by_role("group", name=anchored).is_visible()
    session_check(page, "4", "2", "thigh")
    check("before")
    page.get_by_role("button", name="Start the exercises").click()
    page.wait_for_url("**/session/*/")
    steps_back_and_forth(page, items, check, "online")


def test_the_offline_player_has_no_back_on_the_first_exercise_either(
    page: Any, live_server: Any, check: Any
) -> None:
    items = first_two_items("lou")
    log_in(page, live_server.url, "lou")
    page.goto(live_server.url + "/offline/session/morning/")
    assert page.get_by_role(
        "group", name="Leg pain right now (0 = none, 10 = worst imaginable)"
    ).is_visible()
    pick(page, "before-pain_leg", "4")
    pick(page, "before-pain_back", "2")
    pick(page, "before-extent", "thigh")
    page.get_by_role("button", name="Start the exercises").click()
    steps_back_and_forth(page, items, check, "offline")
