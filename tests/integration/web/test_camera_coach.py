"""The camera coach's server side: its policy on the pages that may run the model and nowhere
else, its table, the staff-only check page, and a player page no heavier than it must be."""

import gzip
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from sciatica_coach.coach.csp import coach_policy
from sciatica_coach.coach.table import load_table
from sciatica_coach.program.models import SessionLog
from tests.integration.web.conftest import make_user, with_program

CHECK = {"pain_leg": "5", "pain_back": "3", "extent": "thigh"}
WASM = "'wasm-unsafe-eval'"


def player(client: Client, user: User, which: str) -> object:
    if which == "offline":
        return client.get("/offline/session/morning/")
    client.post("/session/morning/start/", CHECK)
    log = SessionLog.objects.get(user=user)
    return client.get(f"/session/{log.pk}/")


def script_src(response: object) -> str:
    policy = response["Content-Security-Policy"]  # type: ignore[index]
    match = re.search(r"script-src ([^;]*)", policy)
    assert match
    return str(match.group(1))


@pytest.mark.parametrize("which", ["online", "offline"])
def test_the_players_allow_webassembly_and_nothing_more(
    alice: User, alice_client: Client, which: str
) -> None:
    with_program(alice)
    response = player(alice_client, alice, which)
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert script_src(response).split() == ["'self'", WASM]
    policy = response["Content-Security-Policy"]  # type: ignore[index]
    assert "unsafe-eval'" not in policy.replace(WASM, "")
    assert "unsafe-inline" not in policy
    assert "blob:" not in policy
    assert "worker-src" not in policy


def test_every_other_page_keeps_the_site_policy(alice: User, alice_client: Client) -> None:
    with_program(alice)
    for url in ("/today/", "/exercises/", "/progress/", "/coach/table.json"):
        assert script_src(alice_client.get(url)) == "'self'", url


def test_the_coach_policy_follows_a_change_to_the_site_policy() -> None:
    stricter = {"default-src": ["'none'"], "script-src": ["'self'"], "img-src": ["'self'"]}
    with override_settings(SECURE_CSP=stricter):
        assert coach_policy() == {**stricter, "script-src": ["'self'", WASM]}


def test_the_player_marks_the_steps_the_coach_can_follow(alice: User, alice_client: Client) -> None:
    with_program(alice)
    page = player(alice_client, alice, "online").content.decode()  # type: ignore[attr-defined]
    steps = re.findall(r'data-exercise="([a-z_]+)"[^>]*data-coach-view="([a-z]*)"', page)
    assert steps
    for exercise, view in steps:
        expected = load_table()[exercise].view if exercise in load_table() else ""
        assert view == expected, exercise
    assert any(view for _, view in steps)
    # The switch is there but hidden until the page finds a camera, and it names no model file.
    assert re.search(r'<div class="coach" data-coach hidden', page)
    assert "vendor/" not in page
    assert "nothing is recorded or sent" in page


def test_the_player_page_grows_by_the_switch_alone(alice: User, alice_client: Client) -> None:
    with_program(alice)
    page = player(alice_client, alice, "online").content  # type: ignore[attr-defined]
    switch = re.search(rb'<div class="coach" data-coach.*?</div>', page, re.S)
    assert switch
    # What the coach adds to a player page before it is turned on, compressed as served.
    assert len(gzip.compress(switch.group(0))) < 600


def test_the_table_holds_every_exercise_and_its_words(client: Client, db: None) -> None:
    data = client.get("/coach/table.json").json()
    assert set(data["exercises"]) == set(load_table())
    assert data["exercises"]["bird_dog"]["view"] == "side"
    assert data["cues"]["hips_level"] == "Keep your hips level."
    assert {"side", "front"} == set(data["setup"])
    assert "not_followed" in data["states"]


def test_the_check_page_is_for_staff_only(client: Client, db: None) -> None:
    assert client.get("/coach/check/").status_code == 302
    charlie = make_user("charlie")
    client.force_login(charlie)
    assert client.get("/coach/check/").status_code == 403
    staff = User.objects.create_user("sam", "sam@example.org", "a-long-Passw0rd!", is_staff=True)
    client.force_login(staff)
    response = client.get("/coach/check/")
    assert response.status_code == 200
    assert script_src(response).split() == ["'self'", WASM]
    assert b"Try the sample photo" in response.content
