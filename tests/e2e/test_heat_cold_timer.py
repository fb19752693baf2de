"""The heat-or-cold countdown in a real headless Chromium, with the page's clock fast-forwarded."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

pytestmark = pytest.mark.e2e


@pytest.fixture
def logged_in_page(page: Page, live_server: LiveServer, transactional_db: None) -> Page:
    user = User.objects.create_user("alice", "alice@example.org", "a-long-Passw0rd!")
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    return page


def test_the_timer_stops_at_the_limit_and_fills_in_the_minutes(
    logged_in_page: Page, live_server: LiveServer
) -> None:
    page = logged_in_page
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.install()
    page.goto(f"{live_server.url}/relief/heat-and-cold/")
    page.get_by_label("Cold").check()
    page.get_by_role("button", name="Start").click()
    announcer = page.locator("[data-announce]")
    expect(announcer).to_contain_text("Timer started")
    expect(page.get_by_role("button", name="Pause")).to_be_focused()

    page.clock.run_for("05:01")
    expect(announcer).to_have_text("15 minutes left.")
    page.clock.run_for("14:00")
    expect(announcer).to_have_text("One minute left.")
    page.clock.run_for("01:00")

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Time is up: 20 minutes")
    expect(alert).to_be_focused()
    expect(page.locator("[data-time]")).to_have_text("0:00")
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    expect(page.get_by_label("How many minutes?")).to_have_value("20")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("cell", name="Cold")).to_be_visible()
    assert errors == []


def test_stopping_early_records_the_minutes_so_far(
    logged_in_page: Page, live_server: LiveServer
) -> None:
    page = logged_in_page
    page.clock.install()
    page.goto(f"{live_server.url}/relief/heat-and-cold/")
    page.get_by_role("button", name="Start").click()
    page.clock.run_for("07:10")
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_label("How many minutes?")).to_have_value("7")
    expect(page.locator("[data-announce]")).to_contain_text("Timer stopped")
    expect(page.get_by_role("alert")).to_be_hidden()
