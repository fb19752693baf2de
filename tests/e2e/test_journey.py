"""The daily journey in a real browser at phone size, with axe-core on every page."""

import datetime as dt
import time
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User

from sciatica_coach.engine import advice
from sciatica_coach.program import choices, services
from sciatica_coach.program.models import Plan, SessionLog
from tests.e2e.journey import answer_safety, fill_intake, pick, session_check, sign_up

pytestmark = pytest.mark.e2e


def test_an_emergency_answer_on_the_intakes_first_step_stops_at_once(
    page: Any, live_server: Any, check: Any
) -> None:
    sign_up(page, live_server.url, "dora", check)
    assert page.get_by_label("Your age").count() == 0  # nothing else is asked first
    answer_safety(page, check, red_flag="saddle_numbness")
    assert page.get_by_role("heading", name="Stop. Go to an emergency department now.").is_visible()
    assert page.get_by_text(advice.FLAG_WHY["saddle_numbness"], exact=False).first.is_visible()
    assert page.get_by_label("Your age").count() == 0
    check("stop")
    page.get_by_role("link", name="Update my answers").click()
    page.wait_for_url("**/intake/")
    # Once a doctor has dealt with it, the way back: no sign ticked, the rest asked, a plan.
    fill_intake(page, check)
    page.wait_for_url("**/today/")
    assert page.get_by_role("link", name="Start morning session").is_visible()


def test_the_pregnancy_signs_are_asked_only_of_someone_pregnant(
    page: Any, live_server: Any, check: Any
) -> None:
    sign_up(page, live_server.url, "pia", check)
    signs = page.get_by_label(choices.PREGNANCY_SIGNS_QUESTION)
    assert not signs.is_visible()
    pick(page, "safety-pregnancy_status", "pregnant")
    assert signs.is_visible()
    check("intake-safety-pregnant")
    signs.check()
    page.get_by_role("button", name="Next").click()
    assert page.get_by_role("heading", name="Stop. Contact your maternity unit now.").is_visible()


def week_of_logs(user: User, start: dt.date) -> None:
    """The rest of the week, as if done on the phone each morning and evening."""
    for day in range(1, 7):
        for slot in ("morning", "evening"):
            with time_machine.travel(
                dt.datetime.combine(start + dt.timedelta(days=day), dt.time(9))
            ):
                log = services.session_start(
                    user=user, slot=slot, pain_leg=2, pain_back=1, extent="thigh", red_flags=[]
                )
                items = [i["exercise"] for i in log.plan.answer["sessions"][0]["items"]]
                services.session_progress(user=user, log_id=log.pk, step=9, exercises_done=items)
                services.session_log(
                    user=user, log_id=log.pk, pain_leg=2, pain_back=1, extent="thigh", red_flags=[]
                )


def test_a_week_of_the_program_ends_in_a_review_that_moves_the_plan_on(
    page: Any, live_server: Any, check: Any, settings: Any
) -> None:
    # The week's sessions are written straight to the database, not played in this browser, so
    # its session would look idle for the whole week and end (as it should) at 7 days.
    settings.SESSION_IDLE_LIFETIME_S = 8 * 24 * 60 * 60
    start = dt.date(2026, 10, 1)
    traveller = time_machine.travel(dt.datetime.combine(start, dt.time(8)), tick=True)
    traveller.start()
    try:
        sign_up(page, live_server.url, "erin", check)
        fill_intake(page, check)
        page.wait_for_url("**/today/")
        check("today")

        page.get_by_role("link", name="Do the muscle self-check").click()
        check("assessment")
        stopwatch = page.locator("[data-stopwatch=id_trunk_flexor_s]")
        stopwatch.click()
        page.wait_for_timeout(1100)
        stopwatch.click()
        assert int(page.locator("#id_trunk_flexor_s").input_value()) >= 1
        page.locator("#id_trunk_flexor_s").fill("120")
        # The back-muscles hold waits until bending backwards is known to be safe.
        assert page.locator("#id_trunk_extensor_s").count() == 0
        page.locator("#id_side_bridge_left_s").fill("30")
        page.locator("#id_side_bridge_right_s").fill("50")
        page.locator("[data-tally=id_single_leg_bridge_left_reps]").click()
        assert page.locator("#id_single_leg_bridge_left_reps").input_value() == "1"
        page.get_by_role("button", name="Save my results").click()
        assert page.get_by_text("Your side holds differ").is_visible()
        check("assessment-result")
        page.get_by_role("link", name="See my updated plan").click()

        page.get_by_role("link", name="Leg reach on hands and knees").first.click()
        check("exercise")
        page.get_by_role("link", name="All exercises").first.click()
        page.select_option("#f-kind", "stretch")
        page.get_by_role("button", name="Show").click()
        check("library")

        page.get_by_role("link", name="Today").click()
        page.get_by_role("link", name="Start morning session").click()
        session_check(page, "3", "2", "thigh")
        check("session-before")
        page.get_by_role("button", name="Start the exercises").click()
        page.wait_for_url("**/session/*/")
        check("player")
        steps = page.locator("[data-step]").count()
        page.get_by_label("Read out cues").check()
        hold = page.locator("[data-step]:visible [data-timer-start]")
        if hold.count():
            hold.click()
        page.locator("[data-step]:visible [data-count-up]").click()
        page.get_by_role("button", name="Pause").click()
        page.get_by_role("button", name="Pause").click()
        page.get_by_role("button", name="Done, next").click()
        page.get_by_role("button", name="Back").click()
        for _ in range(steps):
            page.get_by_role("button", name="Done, next").click()
        page.get_by_role("link", name="Finish the session").click()
        session_check(page, "3", "2", "thigh")
        check("session-after")
        page.get_by_role("button", name="Save and finish").click()
        assert page.get_by_role("heading", name="Well done, session saved").is_visible()
        check("session-done")

        erin = User.objects.get(username="erin")
        log = SessionLog.objects.get(user=erin)
        assert log.done
        assert log.ending == "finished"
        assert len(log.exercises_done) == steps
        assert (log.pain_before_leg, log.pain_after_leg) == (3, 3)
        week_of_logs(erin, start)
    finally:
        traveller.stop()

    with time_machine.travel(
        dt.datetime.combine(start + dt.timedelta(days=7), dt.time(9)), tick=True
    ):
        page.goto(live_server.url + "/today/")
        assert page.get_by_text("It's time for your weekly review.").is_visible()
        page.get_by_role("link", name="Review my week").click()
        page.get_by_role("button", name="Review my week now").click()
        assert page.get_by_role("heading", name="Well done: your plan moves on a step").is_visible()
        check("review")
        page.get_by_role("link", name="See my new plan").click()
        assert page.get_by_text("Keeping it up").is_visible()
        check("today-after-review")
        newest = Plan.objects.filter(user=erin).order_by("-id").first()
        assert newest is not None
        assert newest.source == Plan.Source.REVIEW
        assert newest.answer["phase"] == "maintenance"
        page.get_by_role("link", name="Review", exact=True).click()
        check("review-history")


def test_a_session_left_half_way_is_still_saved(page: Any, live_server: Any, check: Any) -> None:
    sign_up(page, live_server.url, "finn", check)
    fill_intake(page, check)
    page.wait_for_url("**/today/")
    page.get_by_role("link", name="Start evening session").click()
    session_check(page, "4", "2", "thigh")
    page.get_by_role("button", name="Start the exercises").click()
    page.wait_for_url("**/session/*/")
    # Make the per-step saves fail, so only the page-hide beacon can store the progress.
    page.evaluate("() => { window.fetch = () => Promise.reject(new Error('offline')); }")
    page.get_by_role("button", name="Done, next").click()
    page.get_by_role("button", name="Done, next").click()
    page.goto(live_server.url + "/today/")
    assert page.get_by_role("link", name="Carry on").is_visible()
    # The beacon is sent as the page goes away and may land just after the next page loads.
    deadline = time.monotonic() + 10
    while SessionLog.objects.get(user__username="finn").step != 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    log = SessionLog.objects.get(user__username="finn")
    assert log.step == 2
    assert len(log.exercises_done) == 2
    assert log.ending == ""


def test_the_other_pages_are_accessible_too(page: Any, live_server: Any, check: Any) -> None:
    sign_up(page, live_server.url, "gail", check)
    fill_intake(page, check, confirmed="no")
    page.wait_for_url("**/today/")
    assert page.get_by_role("heading", name="Why a doctor comes first").is_visible()
    check("doctor-first")
    page.goto(live_server.url + "/no-such-page/")
    check("not-found")
    page.goto(live_server.url + "/accounts/password/change/")
    check("password-change")
    page.goto(live_server.url + "/my-data/")
    check("my-data")
    page.get_by_role("link", name="Log out").click()
    page.get_by_role("button", name="Log out", exact=True).click()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill("gail")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_text("Please enter a correct username and password").is_visible()
    check("login-error")
    page.get_by_role("link", name="Forgotten your password?").click()
    check("password-reset")
