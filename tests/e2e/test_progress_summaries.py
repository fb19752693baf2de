"""Progress as a new person sees it on a phone: on day one with nothing logged, after the first
session, and after a month. Every sentence must be true of the charts beside it."""

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from sciatica_coach.program.models import Profile
from tests import factories
from tests.e2e.journey import log_in, person_with_program, session_check

pytestmark = pytest.mark.e2e
UNTRUE_ON_DAY_ONE = ("No sessions planned", "0 days", "No entries yet")


def summary(page: Any, chart: str) -> str:
    text: str = page.locator(f"#{chart} .chart-summary").inner_text()
    return text


def test_on_day_one_with_nothing_logged_progress_says_the_charts_come_after_a_session(
    page: Any, live_server: Any, check: Any
) -> None:
    person_with_program("nia")
    log_in(page, live_server.url, "nia")
    page.get_by_role("link", name="Progress").click()
    check("progress-empty")
    assert page.get_by_text("Your charts fill in after your first session.").is_visible()
    assert page.locator(".chart-card").count() == 0
    for words in UNTRUE_ON_DAY_ONE:
        assert page.get_by_text(words).count() == 0, words


def test_after_the_first_session_progress_counts_it_as_one_day_and_one_session(
    page: Any, live_server: Any, check: Any
) -> None:
    person_with_program("ole")
    log_in(page, live_server.url, "ole")
    page.get_by_role("link", name="Start morning session").click()
    session_check(page, "4", "2", "thigh")
    page.get_by_role("button", name="Start the exercises").click()
    page.wait_for_url("**/session/*/")
    for _ in range(page.locator("[data-step]").count()):
        page.get_by_role("button", name="Done, next").click()
    page.get_by_role("link", name="Finish the session").click()
    session_check(page, "3", "2", "thigh")
    page.get_by_role("button", name="Save and finish").click()
    page.get_by_role("link", name="Progress").click()
    check("progress-one-session")

    today = timezone.localdate()
    on = f"{today.day} {today:%B}"
    assert summary(page, "pain-leg") == f"Leg pain was 4 out of 10 before your session on {on}."
    assert summary(page, "pain-back") == f"Back pain was 2 out of 10 before your session on {on}."
    assert summary(page, "calendar") == "1 of 2 sessions done today."
    assert page.locator("#calendar svg rect[fill='#009e73']").count() == 1
    assert page.locator("#pain-leg svg circle").count() == 2  # before and after
    for words in UNTRUE_ON_DAY_ONE:
        assert page.get_by_text(words).count() == 0, words


def test_after_a_month_progress_tells_the_trend_in_weeks(
    page: Any, live_server: Any, check: Any
) -> None:
    user = person_with_program("pat")
    today = timezone.localdate()
    Profile.objects.filter(user=user).update(started_on=today - dt.timedelta(days=28))
    logs = []
    for weeks_back, pain in zip((3, 2, 1, 0), ((7, 4), (6, 3), (5, 3), (4, 2)), strict=True):
        end = (today - dt.timedelta(weeks=weeks_back)).isoformat()
        logs += factories.week_of_logs(end, pain=pain)
    logs.pop()  # this evening's session is not due yet
    logs.pop(-2)  # yesterday evening's session was missed
    factories.logs_saved(user, logs)
    log_in(page, live_server.url, "pat")
    page.get_by_role("link", name="Progress").click()
    check("progress-month")

    assert summary(page, "pain-leg") == (
        "Leg pain down from 7 to 4 in four weeks. That is a change that matters."
    )
    assert summary(page, "pain-back").startswith("Back pain down from 4 to 2 in four weeks.")
    assert summary(page, "calendar").startswith("13 of 14 sessions done in the last 7 days (93%).")
    assert page.locator("#calendar svg rect[fill='#009e73']").count() == 28 * 2 - 2
