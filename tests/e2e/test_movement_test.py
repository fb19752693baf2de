"""The movement test in a real browser at phone size: it changes Today's plan."""

from typing import Any

import pytest
from django.contrib.auth.models import User

from sciatica_coach.program.models import MovementTestResult, Plan
from tests import factories
from tests.e2e.conftest import ARTIFACTS, PHONE
from tests.e2e.journey import PASSWORD, log_in, person_with_program, pick

pytestmark = pytest.mark.e2e

TRIAL = "A careful trial of gently arching back"
OFFER = "Which way of bending helps you?"


def test_the_movement_test_changes_todays_plan(page: Any, live_server: Any, check: Any) -> None:
    # A disc herniation, symptoms below the knee, no directional preference known yet.
    person_with_program("noor")
    log_in(page, live_server.url, "noor")
    assert page.get_by_text(TRIAL).first.is_visible()
    assert page.get_by_role("heading", name=OFFER).is_visible()
    check("today-day-1")

    page.get_by_role("link", name="Do the movement test").click()
    page.wait_for_url("**/movement-test/")
    check("movement-choose")
    page.get_by_role("link", name="Test bending backwards").click()
    page.wait_for_url("**/movement-test/extension/")
    # One thing at a time: the before questions, and the steps only once they are answered.
    assert not page.get_by_role("heading", name="Step 1 of 3: Lying face down").is_visible()
    page.get_by_role("button", name="Start the test").click()
    assert page.get_by_text("Please answer both questions first").is_visible()
    pick(page, "extent_before", "below_knee")
    pick(page, "leg_pain_before", "6")
    check("movement-before")
    page.get_by_role("button", name="Start the test").click()

    assert page.get_by_role("heading", name="Step 1 of 3: Lying face down").is_visible()
    assert page.get_by_role("button", name="My symptoms are spreading: stop here").is_visible()
    page.get_by_role("button", name="Start the hold").click()
    page.wait_for_timeout(1100)
    assert int(page.locator("[data-mt-step]:visible [data-time]").inner_text()) < 120
    check("movement-step-1")
    page.get_by_role("button", name="Done, next step").click()
    assert page.get_by_role(
        "heading", name="Step 2 of 3: Lying face down on your elbows"
    ).is_visible()
    page.get_by_role("button", name="Done, next step").click()
    assert page.get_by_role("heading", name="Step 3 of 3: Face-down press-up").is_visible()
    for _ in range(10):
        page.get_by_role("button", name="+1 done").click()
    assert page.get_by_text("All 10 done.").is_visible()
    check("movement-step-3")
    page.get_by_role("button", name="Done: how do I feel now?").click()

    # The symptoms moved up, from below the knee to the thigh: extension centralised.
    pick(page, "extent_after", "thigh")
    pick(page, "leg_pain_after", "4")
    check("movement-after")
    page.get_by_role("button", name="Save my result").click()
    page.wait_for_url("**/movement-test/result/*/")
    assert page.get_by_text("Your plan now bends backwards.").is_visible()
    assert page.get_by_text("your symptoms moved up towards your back").is_visible()
    check("movement-result")

    page.get_by_role("link", name="See my plan for today").click()
    page.wait_for_url("**/today/")
    assert page.get_by_text(TRIAL).count() == 0
    assert page.get_by_role("heading", name=OFFER).count() == 0
    assert page.get_by_text("your directional preference is bending backwards").first.is_visible()
    check("today-after")

    noor = User.objects.get(username="noor")
    result = MovementTestResult.objects.get(user=noor)
    assert (result.extent_before, result.extent_after, result.stopped_at_step) == (
        "below_knee",
        "thigh",
        None,
    )
    newest = Plan.objects.filter(user=noor).order_by("-id").first()
    assert newest is not None
    assert newest.source == Plan.Source.MOVEMENT_TEST
    assert newest.answer["checks_suggested"] == []

    page.goto(live_server.url + "/movement-test/")
    assert page.get_by_text("Bending forward waits until tomorrow").is_visible()
    assert page.get_by_role("link", name="Test bending forward").count() == 0
    check("movement-done-today")


def test_stopping_at_a_step_asks_to_rest_then_how_far_it_spread(
    page: Any, live_server: Any, check: Any
) -> None:
    person_with_program("omar", symptoms={"extent": "thigh"}, directional_preference="extension")
    log_in(page, live_server.url, "omar")
    page.goto(live_server.url + "/movement-test/flexion/")
    pick(page, "extent_before", "thigh")
    pick(page, "leg_pain_before", "4")
    # Enter on an answer saves the form (and is refused: the after questions are not answered
    # yet); it never presses "stop here".
    page.locator("input[name=leg_pain_before][value='4']").press("Enter")
    page.wait_for_load_state()
    assert page.get_by_text("Please check the marked answers").is_visible()
    assert page.get_by_text("You stopped at step").count() == 0
    assert page.locator("input[name=leg_pain_before][value='4']").is_checked()
    check("movement-errors")

    page.goto(live_server.url + "/movement-test/flexion/")
    pick(page, "extent_before", "thigh")
    pick(page, "leg_pain_before", "4")
    page.get_by_role("button", name="Start the test").click()
    page.get_by_role("button", name="Done, next step").click()
    page.get_by_role("button", name="My symptoms are spreading: stop here").click()
    assert page.get_by_role(
        "heading", name="You stopped at step 2: Double knee to chest"
    ).is_visible()
    assert page.get_by_text("Rest now in whatever position eases your symptoms").is_visible()
    check("movement-stopped")
    pick(page, "extent_after", "below_knee")
    pick(page, "leg_pain_after", "6")
    page.get_by_role("button", name="Save my result").click()
    page.wait_for_url("**/movement-test/result/*/")
    assert page.get_by_text("Your plan now leaves out bending forward.").is_visible()
    check("movement-stopped-result")
    assert MovementTestResult.objects.get(user__username="omar").stopped_at_step == 2


def test_the_self_check_stopwatch_and_tally_stop_at_the_engines_caps(
    page: Any, live_server: Any, check: Any
) -> None:
    person_with_program("pat", diagnoses=factories.diagnosed("spinal_stenosis"))
    page.clock.install()
    log_in(page, live_server.url, "pat")
    page.goto(live_server.url + "/assessment/")
    assert page.get_by_text("With spinal stenosis (a narrowed spinal canal)").is_visible()
    assert page.locator("#id_trunk_extensor_s").count() == 0
    check("self-check-stenosis")
    page.get_by_role("button", name="Start the tummy muscles hold timer", exact=True).click()
    page.clock.run_for(125_000)
    assert page.locator("#id_trunk_flexor_s").input_value() == "120"
    assert page.get_by_text("Stopped at 120 seconds: that is long enough.").is_visible()
    stop = page.get_by_role("button", name="Stop the tummy muscles hold timer", exact=True)
    assert stop.count() == 0  # it stopped by itself
    tally = page.get_by_role("button", name="+1 bridge on your left leg", exact=True)
    for _ in range(21):
        tally.click()
    assert page.locator("#id_single_leg_bridge_left_reps").input_value() == "20"
    assert page.get_by_text("20 done: that is enough. Stop and rest.").is_visible()
    check("self-check-caps")


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"pain": {"leg": 8, "back": 3}}, "The muscle checks wait until your pain is below 7"),
        ({"diagnoses": []}, "Nothing to do here for now: a doctor needs to see you first."),
    ],
    ids=["relief", "doctor-first"],
)
def test_the_self_check_says_why_there_is_nothing_to_check(
    page: Any, live_server: Any, check: Any, changes: dict[str, Any], says: str
) -> None:
    person_with_program("quinn", **changes)
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill("quinn")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(live_server.url + "/assessment/")
    assert page.get_by_text(says).first.is_visible()
    assert page.get_by_role("button", name="Save my results").count() == 0
    check("self-check-nothing-" + ("relief" if changes.get("pain") else "doctor-first"))


def test_without_javascript_the_movement_test_is_one_ordinary_form(
    browser: Any, live_server: Any
) -> None:
    person_with_program("rae")
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(live_server.url + "/accounts/login/")
        page.get_by_label("Username").fill("rae")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.goto(live_server.url + "/movement-test/extension/")
        # Every step is there at once; the guided parts (Start the test, the timers) are not.
        for n, name in enumerate(("Lying face down", "Lying face down on your elbows"), start=1):
            assert page.get_by_role("heading", name=f"Step {n} of 3: {name}").is_visible()
        assert page.get_by_role("button", name="Start the test").count() == 0
        page.screenshot(path=str(ARTIFACTS / "movement-no-js.png"), full_page=True)
        pick(page, "extent_before", "below_knee")
        pick(page, "leg_pain_before", "6")
        pick(page, "extent_after", "thigh")
        pick(page, "leg_pain_after", "4")
        page.get_by_role("button", name="Save my result").click()
        page.wait_for_url("**/movement-test/result/*/")
        assert page.get_by_text("Your plan now bends backwards.").is_visible()
    finally:
        context.close()
