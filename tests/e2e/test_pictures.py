"""Exercise pictures load and move in a real browser, under the app's strict CSP."""

from typing import Any

import pytest

from sciatica_coach.engine.catalog import load_catalog

pytestmark = pytest.mark.e2e


def test_the_gallery_shows_every_exercise(page: Any, live_server: Any, check: Any) -> None:
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.goto(live_server.url + "/pictures/")
    images = page.locator(".gallery img")
    assert images.count() == len(load_catalog().exercises)
    for index in range(images.count()):
        images.nth(index).scroll_into_view_if_needed()
    page.wait_for_function(
        "Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)", polling=200
    )
    check("gallery")
    assert not errors, errors


def test_a_picture_moves(page: Any, live_server: Any) -> None:
    page.goto(live_server.url + "/exercises/bird_dog/animated.svg")
    first = page.screenshot()
    page.wait_for_timeout(1200)
    assert page.screenshot() != first  # the figure has moved between the two frames
