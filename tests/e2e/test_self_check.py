"""The muscle self-check at phone size: every tool has a name of its own for a screen reader."""

from typing import Any

import pytest

from tests.e2e.journey import log_in, person_with_program

pytestmark = pytest.mark.e2e

TOOLS = (
    "Start the tummy muscles hold timer",
    "Start the back muscles hold timer",
    "Start the side hold timer, left side",
    "Start the side hold timer, right side",
    "+1 bridge on your left leg",
    "+1 bridge on your right leg",
    "Start 30 seconds of standing on one leg",
)


def test_each_self_check_tool_is_named_after_its_test_and_side(
    page: Any, live_server: Any, check: Any
) -> None:
    # Bending backwards known to be safe, so the back-muscles hold is offered too.
    person_with_program("max", directional_preference="extension", symptoms={"extent": "thigh"})
    log_in(page, live_server.url, "max")
    page.get_by_role("link", name="Do the muscle self-check").click()
    check("assessment")
    for name in TOOLS:
        assert page.get_by_role("button", name=name, exact=True).count() == 1, name
    assert page.get_by_role("button", name="Start", exact=True).count() == 0
    assert page.get_by_role("heading", name="4. Front of hip stretch check (Thomas test)").count()

    left = page.get_by_role("button", name="Start the side hold timer, left side", exact=True)
    left.click()
    stop = page.get_by_role("button", name="Stop the side hold timer, left side", exact=True)
    # The word on the button is the one the steps use; only the hidden rest names the test.
    assert stop.locator("[data-verb]").inner_text() == "Stop"
    page.wait_for_timeout(1100)
    stop.click()
    assert int(page.locator("#id_side_bridge_left_s").input_value()) >= 1
    assert page.locator("#id_side_bridge_right_s").input_value() == ""
    assert left.locator("[data-verb]").inner_text() == "Start"
    page.get_by_role("button", name="+1 bridge on your right leg", exact=True).click()
    assert page.locator("#id_single_leg_bridge_right_reps").input_value() == "1"
    assert page.locator("#id_single_leg_bridge_left_reps").input_value() == ""
    check("assessment-timed")
