"""Sessions done offline are stored exactly once, through the same safety handling as online."""

import datetime as dt
import json
import threading
import uuid
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sciatica_coach.engine.validation import parse
from sciatica_coach.offline.models import OfflineSession
from sciatica_coach.offline.payload import OfflineEntry
from sciatica_coach.offline.services import offline_session_sync
from sciatica_coach.program import selectors
from sciatica_coach.program.models import SessionLog
from tests.integration.web.conftest import make_user, with_program

URL = "/offline/sessions/"


def entry(user: User, **changes: Any) -> dict[str, Any]:
    plan = selectors.plan_current(user=user)
    assert plan is not None
    items = [i["exercise"] for i in plan.answer["sessions"][0]["items"]]
    data: dict[str, Any] = {
        "client_id": str(uuid.uuid4()),
        "plan_id": plan.pk,
        "date": timezone.localdate().isoformat(),
        "slot": "morning",
        "before": {"pain_leg": 5, "pain_back": 3, "extent": "thigh", "red_flags": []},
        "step": len(items),
        "exercises_done": items,
        "after": {"pain_leg": 4, "pain_back": 3, "extent": "thigh", "red_flags": []},
        "spreading": False,
    }
    data.update(changes)
    return data


def post(client: Client, data: object) -> Any:
    return client.post(URL, json.dumps(data), content_type="application/json")


def test_an_offline_session_becomes_a_finished_log(alice: User, alice_client: Client) -> None:
    with_program(alice)
    data = entry(alice, date=(timezone.localdate() - dt.timedelta(days=1)).isoformat())
    response = post(alice_client, data)
    assert response.status_code == 201
    log = SessionLog.objects.get(user=alice)
    assert (log.date, log.done, log.ending) == (
        timezone.localdate() - dt.timedelta(days=1),
        True,
        SessionLog.Ending.FINISHED,
    )
    assert (log.pain_before_leg, log.pain_after_leg) == (5, 4)
    assert log.exercises_done == data["exercises_done"]


def test_sending_the_same_session_again_stores_nothing_new(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    data = entry(alice)
    assert post(alice_client, data).status_code == 201
    again = post(alice_client, data)
    assert again.status_code == 200
    assert again.json()["created"] is False
    assert SessionLog.objects.filter(user=alice).count() == 1
    assert OfflineSession.objects.filter(user=alice).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_copies_arriving_together_store_one_log() -> None:
    alice = make_user("alice")
    with_program(alice)
    data = entry(alice)
    codes: list[int] = []

    def send() -> None:
        client = Client()
        client.force_login(alice)
        codes.append(post(client, data).status_code)
        connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(codes) == [200, 201]
    assert SessionLog.objects.filter(user=alice).count() == 1


def test_a_warning_sign_offline_stops_the_program_when_it_arrives(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    data = entry(
        alice,
        after=None,
        before={"pain_leg": 5, "pain_back": 3, "extent": "thigh", "red_flags": ["bladder_change"]},
    )
    assert post(alice_client, data).status_code == 201
    log = SessionLog.objects.get(user=alice)
    assert log.ending == SessionLog.Ending.RED_FLAG
    plan = selectors.plan_current(user=alice)
    assert plan is not None
    assert plan.answer["urgency"] == "emergency"


def test_symptoms_spreading_offline_end_the_session_as_spreading(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    data = entry(alice, after={"pain_leg": 6, "pain_back": 3, "extent": "foot", "red_flags": []})
    post(alice_client, data)
    assert SessionLog.objects.get(user=alice).ending == SessionLog.Ending.SPREADING


def test_a_session_with_no_check_after_stays_open_with_what_was_done(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    data = entry(
        alice, after=None, exercises_done=["not_in_the_plan", *entry(alice)["exercises_done"]]
    )
    post(alice_client, data)
    log = SessionLog.objects.get(user=alice)
    assert (log.ending, log.done, log.step) == (SessionLog.Ending.OPEN, True, data["step"])
    assert log.exercises_done == data["exercises_done"][1:]
    assert log.pain_after_leg is None


def test_an_offline_session_is_written_in_one_insert(alice: User) -> None:
    with_program(alice)
    parsed = parse(OfflineEntry, entry(alice), "session")
    with CaptureQueriesContext(connection) as queries:
        offline_session_sync(user=alice, entry=parsed, today=timezone.localdate())
    writes = [
        q["sql"].split()[0]
        for q in queries.captured_queries
        if q["sql"].startswith(("INSERT", "UPDATE", "DELETE")) and "program_sessionlog" in q["sql"]
    ]
    assert writes == ["INSERT"]
    # The claim, the plan checks, the log and the person's summary (it was 37 step by step).
    assert len(queries.captured_queries) <= 18


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (
            {"before": {"pain_leg": 11, "pain_back": 3, "extent": "thigh"}},
            "session.before.pain_leg",
        ),
        ({"client_id": "not-a-uuid"}, "session.client_id"),
        ({"slot": "night"}, "session.slot"),
        ({"date": "2999-01-01"}, "session.date"),
        ({"extra": 1}, "session.extra"),
    ],
)
def test_a_bad_session_is_refused_with_its_field_and_stores_nothing(
    alice: User, alice_client: Client, change: dict[str, Any], field: str
) -> None:
    with_program(alice)
    response = post(alice_client, {**entry(alice), **change})
    assert response.status_code == 400
    assert response.json()["error"]["field"] == field
    assert not SessionLog.objects.exists()


def test_a_body_that_is_not_json_is_refused(alice_client: Client) -> None:
    response = alice_client.post(URL, "{", content_type="application/json")
    assert response.json() == {"error": {"field": "body", "reason": "not valid JSON"}}


def test_a_logged_out_phone_gets_401_not_a_login_page(client: Client, db: None) -> None:
    assert client.post(URL, "{}", content_type="application/json").status_code == 401


def test_without_a_program_the_session_is_refused(alice: User, alice_client: Client) -> None:
    with_program(alice, diagnoses=[])
    response = post(alice_client, {**entry_without_plan(), "plan_id": 1})
    assert response.status_code == 409


def entry_without_plan() -> dict[str, Any]:
    return {
        "client_id": str(uuid.uuid4()),
        "plan_id": 0,
        "date": timezone.localdate().isoformat(),
        "slot": "morning",
        "before": {"pain_leg": 5, "pain_back": 3, "extent": "thigh"},
    }


def test_alices_queued_session_is_never_stored_as_bobs(
    alice: User, bob: User, bob_client: Client
) -> None:
    # Queued on a shared phone by Alice, sent after Bob signed in there.
    with_program(alice)
    with_program(bob)
    response = post(bob_client, entry(alice))
    assert response.status_code == 409
    assert response.json()["error"]["field"] == "session.plan_id"
    assert not SessionLog.objects.exists()


def test_the_offline_player_carries_the_plan_and_the_engines_advice(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    page = alice_client.get("/offline/session/morning/").content.decode()
    assert 'id="offline-data"' in page
    data = json.loads(
        page.split('id="offline-data" type="application/json">')[1].split("</script>")[0]
    )
    assert data["flags"][0]["urgency"] == "emergency"
    assert data["flags"][-1]["urgency"] == "soon"
    assert "Go to an emergency department (A&E / ER), now" in data["flags"][0]["advice"][0]
    assert "data-player" in page


def test_the_app_is_installable(client: Client, db: None) -> None:
    manifest = client.get("/manifest.webmanifest")
    assert manifest["Content-Type"] == "application/manifest+json"
    icons = manifest.json()["icons"]
    assert {"192x192", "512x512"} <= {icon["sizes"] for icon in icons}
    for icon in icons:
        assert client.get(icon["src"]).status_code == 200
    worker = client.get("/sw.js")
    assert worker["Content-Type"].startswith("text/javascript")
    assert worker["Service-Worker-Allowed"] == "/"
    assert "no-cache" in worker["Cache-Control"] or "max-age=0" in worker["Cache-Control"]
    assert "/static/js/offline.js" in worker.content.decode()
