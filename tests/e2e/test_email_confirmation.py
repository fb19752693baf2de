"""Turning e-mail reminders on asks the person to confirm their address first."""

from typing import Any

import pytest

from tests.e2e.journey import log_in, person_with_program

pytestmark = pytest.mark.e2e


def test_turning_e_mail_reminders_on_waits_for_the_address_to_be_confirmed(
    page: Any, live_server: Any, check: Any
) -> None:
    person_with_program("quinn")
    log_in(page, live_server.url, "quinn")
    page.goto(live_server.url + "/reminders/")
    page.get_by_label("Send me an e-mail when it is time for a session I have not done yet").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("We sent a link to quinn@example.org").wait_for()
    assert page.get_by_text("Waiting for you to confirm quinn@example.org").is_visible()
    check("reminders-confirm-address")
