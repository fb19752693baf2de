"""The session player and its checks, online and offline: what each step and question shows."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from sciatica_coach.program import selectors
from sciatica_coach.program.models import SessionLog
from sciatica_coach.program.presenters import dose_text
from tests.integration.web.conftest import with_program

CHECK = {"pain_leg": "5", "pain_back": "3", "extent": "thigh"}


def player_page(client: Client, user: User, player: str) -> str:
    if player == "offline":
        return client.get("/offline/session/morning/").content.decode()
    client.post("/session/morning/start/", CHECK)
    log = SessionLog.objects.get(user=user)
    return client.get(f"/session/{log.pk}/").content.decode()


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
