"""Health data is private: bob cannot see or change anything of alice's (always a 404)."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from sciatica_coach.program import services
from sciatica_coach.program.models import SessionLog
from tests.integration.web.conftest import with_program


@pytest.fixture
def alices_log(alice: User) -> SessionLog:
    with_program(alice)
    return services.session_start(
        user=alice, slot="morning", pain_leg=5, pain_back=3, extent="thigh", red_flags=[]
    )


@pytest.mark.parametrize("page", ["", "finish/", "done/"])
def test_bob_cannot_see_alices_session(
    bob_client: Client, alices_log: SessionLog, page: str
) -> None:
    response = bob_client.get(f"/session/{alices_log.pk}/{page}")
    assert response.status_code == 404


def test_bob_cannot_change_alices_session(bob_client: Client, alices_log: SessionLog) -> None:
    progress = bob_client.post(f"/session/{alices_log.pk}/progress/", {"step": "3"})
    finish = bob_client.post(
        f"/session/{alices_log.pk}/finish/", {"pain_leg": "0", "pain_back": "0", "extent": "none"}
    )
    assert (progress.status_code, finish.status_code) == (404, 404)
    alices_log.refresh_from_db()
    assert alices_log.step == 0
    assert alices_log.ending == ""


def test_bob_cannot_see_alices_review(alice: User, bob_client: Client) -> None:
    with_program(alice)
    review = services.review_week(user=alice)
    assert bob_client.get(f"/review/{review.pk}/").status_code == 404


def test_bobs_pages_show_only_bobs_data(alice: User, bob_client: Client) -> None:
    with_program(alice, red_flags=["saddle_numbness"])
    # Bob has done no intake: he is asked to, and sees nothing of alice's emergency.
    assert bob_client.get("/today/")["Location"] == "/intake/"
    assert "saddle" not in bob_client.get("/intake/").content.decode().split("Safety questions")[0]
    assert bob_client.get("/review/")["Location"] == "/intake/"


def test_bob_cannot_see_alices_movement_test_results(
    alice: User, bob: User, bob_client: Client
) -> None:
    with_program(alice)
    result = services.movement_test_save(
        user=alice,
        result={
            "direction": "extension",
            "extent_before": "below_knee",
            "extent_after": "thigh",
            "leg_pain_before": 6,
            "leg_pain_after": 4,
            "stopped_at_step": None,
        },
    )
    assert bob_client.get(f"/movement-test/result/{result.pk}/").status_code == 404
    with_program(bob)
    chooser = bob_client.get("/movement-test/").content.decode()
    assert "Your recent results" not in chooser
    assert f"/movement-test/result/{result.pk}/" not in chooser
    # Alice's test today does not stop bob from testing today.
    assert bob_client.get("/movement-test/flexion/").status_code == 200
