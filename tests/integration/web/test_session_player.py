"""The session player and its checks, online and offline: what each step and question shows."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from sciatica_coach.program import selectors
from sciatica_coach.program.models import SessionLog
from sciatica_coach.program.presenters import dose_text
from tests.integration.web.conftest import safety_form, with_program

CHECK = {"pain_leg": "5", "pain_back": "3", "extent": "thigh"}
LEGEND = re.compile(r"<legend>(.*?)</legend>")


def player_page(client: Client, user: User, player: str) -> str:
    if player == "offline":
        return client.get("/offline/session/morning/").content.decode()
    client.post("/session/morning/start/", CHECK)
    log = SessionLog.objects.get(user=user)
    return client.get(f"/session/{log.pk}/").content.decode()


def pain_legends(page: str) -> list[str]:
    return [text for text in LEGEND.findall(page) if "pain right now" in text]


@pytest.mark.parametrize("player", ["online", "offline"])
def test_every_step_of_the_player_shows_its_dose_in_the_words_today_uses(
    alice: User, alice_client: Client, player: str
) -> None:
    with_program(alice)
    plan = selectors.plan_current(user=alice)
    assert plan is not None
    items = plan.answer["sessions"][0]["items"]
    steps = player_page(alice_client, alice, player).split('<section class="card step"')[1:]
    assert len(steps) == len(items)
    today = alice_client.get("/today/").content.decode()
    for step, item in zip(steps, items, strict=True):
        dose = f'<span class="dose">{dose_text(item)}</span>'
        assert dose in step, item["exercise"]
        assert dose in today


def test_the_pain_questions_before_a_session_say_what_0_and_10_mean(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    page = alice_client.get("/session/morning/start/").content.decode()
    assert pain_legends(page) == [
        "Leg pain right now (0 = none, 10 = worst imaginable)",
        "Back pain right now (0 = none, 10 = worst imaginable)",
    ]


def test_the_pain_questions_after_a_session_and_offline_ask_as_the_intake_does(
    alice: User, alice_client: Client
) -> None:
    intake = pain_legends(alice_client.post("/intake/", safety_form()).content.decode())
    with_program(alice)
    alice_client.post("/session/morning/start/", CHECK)
    log = SessionLog.objects.get(user=alice)
    after = alice_client.get(f"/session/{log.pk}/finish/").content.decode()
    offline = alice_client.get("/offline/session/morning/").content.decode()
    assert len(intake) == 2
    assert pain_legends(after) == intake
    assert pain_legends(offline) == intake * 2  # before and after, on one page
