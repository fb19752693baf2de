"""Progress, questionnaires, education and my data, in a real browser at phone size."""

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from sciatica_coach.mydata.records import user_models
from sciatica_coach.program import selectors
from sciatica_coach.program.models import Profile, SessionLog
from sciatica_coach.questionnaires.models import Response
from tests.e2e.journey import PASSWORD, log_in, person_with_program

pytestmark = pytest.mark.e2e


def person_with_a_week_logged(username: str) -> User:
    """A program started eight days ago and a full week of sessions, leg pain easing 6 -> 3."""
    user = person_with_program(username, pain={"leg": 6, "back": 3})
    plan = selectors.plan_current(user=user)
    assert plan is not None
    today = timezone.localdate()
    Profile.objects.filter(user=user).update(started_on=today - dt.timedelta(days=7))
    for back, leg in zip(range(7, 0, -1), [6, 6, 5, 5, 4, 4, 3], strict=True):
        for slot in ("morning", "evening"):
            SessionLog.objects.create(
                user=user,
                plan=plan,
                date=today - dt.timedelta(days=back),
                slot=slot,
                done=True,
                pain_before_leg=leg,
                pain_before_back=3,
                pain_after_leg=leg - 1,
                pain_after_back=3,
                extent_before="below_knee",
                extent_after="thigh",
                exercises_done=["pelvic_tilt"],
                ending=SessionLog.Ending.FINISHED,
            )
    return user


def test_a_week_of_logged_sessions_shows_in_the_charts_and_the_calendar(
    page: Any, live_server: Any, check: Any
) -> None:
    person_with_a_week_logged("fay")
    log_in(page, live_server.url, "fay")
    page.get_by_role("link", name="Progress").click()
    page.wait_for_url("**/progress/")
    check("progress")
    leg = page.locator("#pain-leg svg")
    assert leg.get_attribute("role") == "img"
    assert leg.locator("circle").count() == 28  # 14 sessions, before and after
    done = page.locator("#calendar svg rect[fill='#009e73']")
    assert done.count() == 14
    assert (
        page.locator("#calendar .chart-summary")
        .inner_text()
        .startswith("14 of 14 sessions done in the last 7 days")
    )
    assert page.locator("#pain-leg .chart-summary").inner_text().startswith("Leg pain down from")
    assert "centralising" in page.locator("#extent .chart-summary").inner_text()
    box = leg.bounding_box()
    assert box is not None
    assert box["width"] <= 390  # fits the phone


def test_a_questionnaire_is_answered_and_appears_in_progress(
    page: Any, live_server: Any, check: Any
) -> None:
    person_with_a_week_logged("gus")
    log_in(page, live_server.url, "gus")
    page.goto(live_server.url + "/questionnaires/")
    check("questionnaires")
    page.get_by_role("link", name="Pain, enjoyment and activity (PEG)").click()
    check("peg")
    for field, value in (("pain", "6"), ("enjoyment", "5"), ("activity", "4")):
        page.locator(f"input[name={field}][value='{value}']").check()
    page.get_by_role("button", name="Save my answers").click()
    page.wait_for_url("**/progress/")
    assert page.get_by_text("Thank you. Your score: 5.0.").is_visible()
    assert page.locator("#score-peg svg circle").count() == 1
    assert Response.objects.get(user__username="gus").result["score"] == 5.0


def test_the_education_pages_read_well_on_a_phone(page: Any, live_server: Any, check: Any) -> None:
    page.goto(live_server.url + "/learn/")
    check("learn")
    page.get_by_role("link", name="When to see a doctor").click()
    check("learn-doctor")
    assert page.get_by_role("heading", name="Go to an emergency department now").is_visible()


def test_export_holds_every_record_and_delete_leaves_none(
    page: Any, live_server: Any, check: Any
) -> None:
    user = person_with_a_week_logged("hal")
    person_with_a_week_logged("ivy")  # someone else, who must be untouched
    log_in(page, live_server.url, "hal")
    page.goto(live_server.url + "/my-data/")
    check("my-data")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as JSON").click()
    document = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    for model in user_models():
        assert (
            len(document["records"][model._meta.label])
            == model._default_manager.filter(user=user).count()
        )
    assert len(document["records"]["program.SessionLog"]) == 14

    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("Type DELETE to confirm").fill("DELETE")
    page.get_by_role("button", name="Delete my account for good").click()
    page.wait_for_url(live_server.url + "/")
    check("deleted")
    assert not User.objects.filter(pk=user.pk).exists()
    for model in user_models():
        assert not model._default_manager.filter(user_id=user.pk).exists(), model
    assert SessionLog.objects.filter(user__username="ivy").count() == 14
