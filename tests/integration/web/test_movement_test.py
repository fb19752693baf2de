"""The guided movement test: one direction a day, from the gentlest step, stopping where the
symptoms spread; the engine's answer changes the profile and makes a new plan."""

import datetime as dt
import html
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client

from sciatica_coach import engine
from sciatica_coach.program import selectors, services
from sciatica_coach.program.models import MovementTestResult, Plan, Profile
from tests import factories
from tests.integration.web.conftest import with_program

DAY_1 = dt.datetime(2026, 10, 1, 9, tzinfo=dt.UTC)
DAY_2 = DAY_1 + dt.timedelta(days=1)


def answers(**changes: str) -> dict[str, str]:
    """Symptoms moving up from below the knee to the thigh, leg pain 6 → 4: it centralised."""
    return {
        "extent_before": "below_knee",
        "leg_pain_before": "6",
        "extent_after": "thigh",
        "leg_pain_after": "4",
        **changes,
    }


def page_of(response: Any) -> str:
    return html.unescape(response.content.decode())


def marked(page: str, field_id: str) -> bool:
    """Is the input (or the first radio) of ``field_id`` marked as wrong?"""
    return (
        'aria-invalid="true"'
        in page.split(f'id="{field_id}"')[0].rsplit("<", 1)[1]
        + (page.split(f'id="{field_id}"')[1].split(">")[0])
    )


def test_the_page_offers_the_directions_the_engine_offers_with_their_steps(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    page = page_of(alice_client.get("/movement-test/"))
    assert 'href="/movement-test/extension/"' in page
    assert 'href="/movement-test/flexion/"' in page
    for name in ("Lying face down", "Lying face down on your elbows", "Face-down press-up"):
        assert name in page
    assert "Stay like this for 2 minutes." in page
    assert "Do it 10 times, slowly" in page


def test_a_direction_the_engine_withholds_says_why_and_cannot_be_done(
    alice: User, alice_client: Client
) -> None:
    with_program(alice, diagnoses=factories.diagnosed("spinal_stenosis"))
    page = page_of(alice_client.get("/movement-test/"))
    assert 'href="/movement-test/extension/"' not in page
    withheld = page.split('id="withheld-h"')[1].split("</section>")[0]
    assert "<strong>Bending backwards</strong>: With spinal stenosis" in withheld
    assert alice_client.get("/movement-test/extension/")["Location"] == "/movement-test/"
    refused = alice_client.post("/movement-test/extension/", answers())
    assert refused["Location"] == "/movement-test/"
    assert not MovementTestResult.objects.exists()
    assert "Bending backwards is not offered to you now" in page_of(
        alice_client.get("/movement-test/")
    )


def test_an_unknown_direction_is_not_found(alice: User, alice_client: Client) -> None:
    with_program(alice)
    assert alice_client.get("/movement-test/sideways/").status_code == 404


def test_without_javascript_every_step_is_listed_in_one_ordinary_form(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    steps = engine.checks(factories.profile())["movement_test"]["steps"]["extension"]
    page = page_of(alice_client.get("/movement-test/extension/"))
    form = page.split("<form")[1].split("</form>")[0]
    assert form.count("data-mt-step") == len(steps)
    for number, step in enumerate(steps, start=1):
        assert f'src="/exercises/{step["exercise"]}/animated.svg"' in form
        assert f'name="stop" value="{number}"' in form
    assert form.count("My symptoms are spreading: stop here") == len(steps)
    for field in ("extent_before", "leg_pain_before", "extent_after", "leg_pain_after"):
        assert f'name="{field}"' in form
    # The guided parts are for the script to show; the list needs none of them.
    assert "data-begin hidden" in form
    # Enter in an answer saves: the first submit button of the form is a save, not a stop.
    first_submit = form.split('type="submit"')[0].rsplit("<button", 1)[1]
    assert "stop" not in first_submit


def test_saving_a_result_changes_the_profile_and_makes_a_new_plan(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    plans = Plan.objects.filter(user=alice).count()
    assert "movement_test" in selectors.plan_current(user=alice).answer["checks_suggested"]  # type: ignore[union-attr]
    response = alice_client.post("/movement-test/extension/", answers())
    result = MovementTestResult.objects.get(user=alice)
    assert response["Location"] == f"/movement-test/result/{result.pk}/"
    assert (result.direction, result.extent_before, result.extent_after) == (
        "extension",
        "below_knee",
        "thigh",
    )
    profile = Profile.objects.get(user=alice)
    assert profile.data["directional_preference"] == "extension"
    plan = selectors.plan_current(user=alice)
    assert plan is not None
    assert Plan.objects.filter(user=alice).count() == plans + 1
    assert plan.source == Plan.Source.MOVEMENT_TEST
    assert "movement_test" not in plan.answer["checks_suggested"]

    page = page_of(alice_client.get(response["Location"]))
    assert "Your plan now bends backwards." in page
    for reason in result.answer["reasons"]:
        assert reason["text"] in page
    assert "Below my knee" in page
    assert "Down into my thigh" in page
    today = page_of(alice_client.get("/today/"))
    assert 'href="/movement-test/"' not in today


def test_a_direction_that_spreads_the_symptoms_is_left_out_and_the_other_is_suggested(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    with time_machine.travel(DAY_1):
        response = alice_client.post(
            "/movement-test/extension/", answers(extent_before="thigh", extent_after="below_knee")
        )
        page = page_of(alice_client.get(response["Location"]))
    assert "Your plan now leaves out bending backwards." in page
    assert "Try bending forward from tomorrow: one direction a day." in page
    assert Profile.objects.get(user=alice).data["avoid_directions"] == ["extension"]
    with time_machine.travel(DAY_2):
        chooser = page_of(alice_client.get("/movement-test/"))
    assert "Suggested next" in chooser
    assert "Bending backwards made your symptoms spread before" in chooser


def test_the_test_goes_one_direction_a_day(alice: User, alice_client: Client) -> None:
    with_program(alice)
    with time_machine.travel(DAY_1):
        alice_client.post(
            "/movement-test/extension/", answers(extent_after="below_knee", leg_pain_after="6")
        )
        assert alice_client.get("/movement-test/flexion/")["Location"] == "/movement-test/"
        refused = alice_client.post("/movement-test/flexion/", answers())
        assert refused["Location"] == "/movement-test/"
        chooser = page_of(alice_client.get("/movement-test/"))
    assert MovementTestResult.objects.filter(user=alice).count() == 1
    assert "You tested bending backwards today." in chooser
    assert "Bending forward waits until tomorrow" in chooser
    assert 'href="/movement-test/flexion/"' not in chooser
    with time_machine.travel(DAY_2):
        assert alice_client.get("/movement-test/flexion/").status_code == 200
        alice_client.post("/movement-test/flexion/", answers())
    assert MovementTestResult.objects.filter(user=alice).count() == 2
    assert Profile.objects.get(user=alice).data["directional_preference"] == "flexion"


def test_both_directions_spreading_the_symptoms_sends_the_person_to_their_clinician(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    spreads = answers(extent_before="thigh", extent_after="foot")
    with time_machine.travel(DAY_1):
        alice_client.post("/movement-test/extension/", spreads)
    with time_machine.travel(DAY_2):
        response = alice_client.post("/movement-test/flexion/", spreads)
        page = page_of(alice_client.get(response["Location"]))
    assert "Please show this result to your doctor or physiotherapist soon" in page
    assert "Your plan now leaves out bending backwards." in page
    assert "Your plan now leaves out bending forward." in page


def test_the_stop_button_ends_the_test_at_that_step_and_asks_to_rest(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    response = alice_client.post(
        "/movement-test/extension/",
        {"extent_before": "thigh", "leg_pain_before": "5", "stop": "2"},
    )
    assert response.status_code == 200
    page = page_of(response)
    assert "You stopped at step 2: Lying face down on your elbows" in page
    assert "Rest now in whatever position eases your symptoms" in page
    assert "How far down your leg did it reach when you stopped?" in page
    assert 'name="stopped_at_step" value="2"' in page
    assert 'value="thigh" required id="id_extent_before_3" checked' in page
    assert "data-mt-step" not in page  # the test ends here: no step after it
    assert "Please check the marked answers" not in page
    assert not MovementTestResult.objects.exists()

    saved = alice_client.post(
        "/movement-test/extension/",
        {
            "extent_before": "thigh",
            "leg_pain_before": "5",
            "stopped_at_step": "2",
            "extent_after": "below_knee",
            "leg_pain_after": "7",
        },
    )
    result = MovementTestResult.objects.get(user=alice)
    assert result.stopped_at_step == 2
    page = page_of(alice_client.get(saved["Location"]))
    assert "You stopped at step 2, as your symptoms spread" in page
    assert "Your plan now leaves out bending backwards." in page


def test_a_stop_at_a_step_that_does_not_exist_is_a_bad_request(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    response = alice_client.post("/movement-test/extension/", {"stop": "9"})
    assert response.status_code == 400


def test_a_bad_answer_marks_its_field_and_keeps_the_rest(alice: User, alice_client: Client) -> None:
    with_program(alice)
    response = alice_client.post(
        "/movement-test/extension/", answers(extent_after="", leg_pain_after="11")
    )
    assert response.status_code == 400
    page = page_of(response)
    assert marked(page, "id_extent_after_0")
    assert marked(page, "id_leg_pain_after_0")
    assert not marked(page, "id_extent_before_0")
    assert 'value="below_knee" required id="id_extent_before_4" checked' in page
    assert 'value="6" required id="id_leg_pain_before_6" checked' in page
    assert not MovementTestResult.objects.exists()


def test_an_answer_the_engine_refuses_is_marked_on_its_field(
    alice: User, alice_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_program(alice)

    def refuse(**_: object) -> None:
        raise engine.RefusedInput("request.results[0].extent_after", "is not a level we know")

    monkeypatch.setattr(services, "movement_test_save", refuse)
    response = alice_client.post("/movement-test/extension/", answers())
    assert response.status_code == 400
    page = page_of(response)
    assert "is not a level we know" in page
    assert marked(page, "id_extent_after_0")
    assert 'value="below_knee" required id="id_extent_before_4" checked' in page


def test_no_movement_test_while_a_doctor_must_see_the_person_first(
    alice: User, alice_client: Client
) -> None:
    with_program(alice, red_flags=["saddle_numbness"])
    for url in ("/movement-test/", "/movement-test/extension/"):
        page = page_of(alice_client.get(url))
        assert "a doctor needs to see you first" in page, url
        assert 'href="/today/"' in page
    alice_client.post("/movement-test/extension/", answers())
    assert not MovementTestResult.objects.exists()


def test_today_links_the_movement_test_and_keeps_the_self_check_link(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    page = page_of(alice_client.get("/today/"))
    assert 'href="/movement-test/"' in page
    assert 'href="/assessment/"' in page


@pytest.mark.parametrize(
    ("changes", "steps"),
    [({"floor_ok": False}, ["standing_back_extension"])],
)
def test_where_lying_face_down_is_left_out_the_test_uses_standing_back_bends(
    alice: User, alice_client: Client, changes: dict[str, Any], steps: list[str]
) -> None:
    with_program(alice, **changes)
    page = page_of(alice_client.get("/movement-test/extension/"))
    assert page.count("data-mt-step") == len(steps)
    assert "Standing back bend" in page
    assert "/exercises/prone_lying/" not in page


@pytest.mark.parametrize("url", ["/movement-test/", "/movement-test/flexion/"])
def test_the_movement_test_asks_anonymous_visitors_to_log_in(
    client: Client, db: None, url: str
) -> None:
    assert client.get(url)["Location"].startswith("/accounts/login/")


def test_in_pregnancy_the_test_asks_no_backward_bend_at_all(
    alice: User, alice_client: Client
) -> None:
    with_program(alice, pregnancy_weeks=16)
    assert alice_client.get("/movement-test/extension/").status_code in (302, 404)
    page = page_of(alice_client.get("/movement-test/"))
    assert "Standing back bend" not in page
