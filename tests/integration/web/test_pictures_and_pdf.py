"""Exercise pictures in the library, the plan and the player, and the plan on paper."""

import shutil
import subprocess

import pytest
from django.contrib.auth.models import User
from django.test import Client

from sciatica_coach.engine.catalog import load_catalog
from sciatica_coach.program import selectors
from tests.integration.web.conftest import with_program


def test_every_exercise_has_its_three_pictures(client: Client, db: None) -> None:
    for exercise in load_catalog().exercises:
        for mode in ("animated", "still", "strip"):
            response = client.get(f"/exercises/{exercise.id}/{mode}.svg")
            assert response.status_code == 200, (exercise.id, mode)
            assert response["Content-Type"] == "image/svg+xml"
            assert response.content.startswith(b"<svg")


def test_a_picture_may_style_itself_but_never_run_a_script(client: Client, db: None) -> None:
    response = client.get("/exercises/bird_dog/animated.svg")
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "script-src" not in policy
    assert "max-age=86400" in response["Cache-Control"]


def test_an_unchanged_picture_is_not_sent_again(client: Client, db: None) -> None:
    first = client.get("/exercises/bird_dog/still.svg")
    again = client.get("/exercises/bird_dog/still.svg", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize("path", ["/exercises/nope/still.svg", "/exercises/bird_dog/movie.svg"])
def test_unknown_pictures_are_not_found(client: Client, db: None, path: str) -> None:
    assert client.get(path).status_code == 404


def test_pictures_appear_in_the_library_the_plan_and_the_player(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    assert (
        'src="/exercises/bird_dog/animated.svg"'
        in alice_client.get("/exercises/bird_dog/").content.decode()
    )
    today = alice_client.get("/today/").content.decode()
    plan = selectors.plan_current(user=alice)
    assert plan is not None
    first = plan.answer["sessions"][0]["items"][0]["exercise"]
    assert f'src="/exercises/{first}/still.svg"' in today
    player = alice_client.get("/offline/session/morning/").content.decode()
    assert f'src="/exercises/{first}/animated.svg"' in player


def test_every_picture_has_a_text_alternative_from_the_instructions(
    alice: User, alice_client: Client
) -> None:
    page = alice_client.get("/exercises/bird_dog/").content.decode()
    steps = load_catalog()["bird_dog"].instructions
    assert f'alt="Bird dog: {steps[0]}' in page


def test_my_plan_prints_as_a_pdf_with_each_exercise(alice: User, alice_client: Client) -> None:
    with_program(alice)
    response = alice_client.get("/today/plan.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    plan = selectors.plan_current(user=alice)
    assert plan is not None
    for item in plan.answer["sessions"][0]["items"]:
        assert item["name"] in text
    assert "never to exhaustion" in text


def test_without_a_program_the_pdf_sends_you_to_today(alice: User, alice_client: Client) -> None:
    with_program(alice, diagnoses=[])
    assert alice_client.get("/today/plan.pdf")["Location"] == "/today/"


def test_the_gallery_shows_every_exercise_moving(client: Client, db: None) -> None:
    page = client.get("/pictures/").content.decode()
    for exercise in load_catalog().exercises:
        assert f'src="/exercises/{exercise.id}/animated.svg"' in page
