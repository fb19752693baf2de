"""Every kind of bad input the probes found: 400 with the field named, and nothing stored."""

import datetime as dt
import json
import uuid
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from sciatica_coach.program import services
from sciatica_coach.program.models import SessionLog
from sciatica_coach.relief.models import MassageEntry, MedicationEntry
from tests.integration.web.conftest import with_program

SYNC = "/offline/sessions/"


@pytest.fixture
def open_log(alice: User) -> SessionLog:
    with_program(alice)
    return services.session_start(
        user=alice, slot="morning", pain_leg=5, pain_back=3, extent="thigh", red_flags=[]
    )


@pytest.mark.parametrize("step", [str(2**70), "40000", "101", "-1", "9" * 5000, "seven", ""])
def test_a_step_out_of_range_is_refused_with_its_field(
    alice_client: Client, open_log: SessionLog, step: str
) -> None:
    response = alice_client.post(f"/session/{open_log.pk}/progress/", {"step": step})
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "step"
    open_log.refresh_from_db()
    assert open_log.step == 0


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/session/99999999999999999999/"),
        ("post", "/session/9223372036854775808/progress/"),
        ("get", "/review/" + "9" * 5000 + "/"),
        ("post", "/relief/medicines/99999999999999999999/delete/"),
        ("get", "/movement-test/result/18446744073709551616/"),
    ],
)
def test_a_huge_id_is_not_found(
    alice_client: Client, open_log: SessionLog, method: str, url: str
) -> None:
    assert getattr(alice_client, method)(url, {"step": "1"}).status_code == 404


def sync_entry(user: User, **changes: Any) -> dict[str, Any]:
    plan = services.selectors.plan_current(user=user)
    assert plan is not None
    return {
        "client_id": str(uuid.uuid4()),
        "plan_id": plan.pk,
        "date": timezone.localdate().isoformat(),
        "slot": "morning",
        "before": {"pain_leg": 5, "pain_back": 3, "extent": "thigh"},
        **changes,
    }


def sync(client: Client, body: Any) -> Any:
    text = body if isinstance(body, str) else json.dumps(body)
    return client.post(SYNC, text, content_type="application/json")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"date": "0001-01-01"}, "session.date"),
        ({"date": "9999-12-31"}, "session.date"),
        ({"date": "2001-02-30"}, "session.date"),
        ({"step": 2**70}, "session.step"),
        ({"plan_id": 2**70}, "session.plan_id"),
        ({"plan_id": int("9" * 4000)}, "session.plan_id"),
        ({"slot": "midday"}, "session.slot"),
        ({"exercises_done": ["x"] * 500}, "session.exercises_done"),
    ],
)
def test_an_offline_session_out_of_range_is_refused_with_its_field(
    alice: User, alice_client: Client, open_log: SessionLog, changes: dict[str, Any], field: str
) -> None:
    response = sync(alice_client, sync_entry(alice, **changes))
    assert response.status_code == 400, response.content
    assert response.json()["error"]["field"] == field
    assert SessionLog.objects.count() == 1  # only the open one from before


@pytest.mark.parametrize(
    "body",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a": ' * 50 + "1" + "}" * 50,
        json.dumps({"client_id": "x" * 70_000}),
        "9" * 5000,
    ],
)
def test_a_deeply_nested_or_huge_body_is_refused(
    alice_client: Client, open_log: SessionLog, body: str
) -> None:
    response = sync(alice_client, body)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "body"


@pytest.mark.parametrize("taken_at", ["0001-01-01T00:00", "9999-12-31T23:59", "1999-01-01T08:00"])
def test_a_medicine_dated_far_away_is_refused(alice_client: Client, taken_at: str) -> None:
    response = alice_client.post(
        "/relief/medicines/", {"name": "Ibuprofen", "taken_at": taken_at, "as_prescribed": "yes"}
    )
    assert response.status_code == 400
    assert 'id="id_taken_at"' in response.content.decode()
    assert (
        "aria-invalid"
        in response.content.decode().split('id="id_taken_at"')[0][-400:]
        + (response.content.decode().split('id="id_taken_at"')[1][:200])
    )
    assert not MedicationEntry.objects.exists()


@pytest.mark.parametrize(
    "day",
    [
        dt.date(1, 1, 1),
        dt.date(9999, 12, 31),
    ],
)
def test_a_bad_date_stored_before_still_shows_and_deletes(
    alice: User, alice_client: Client, open_log: SessionLog, day: dt.date
) -> None:
    services.session_log(
        user=alice, log_id=open_log.pk, pain_leg=3, pain_back=2, extent="thigh", red_flags=[]
    )
    SessionLog.objects.filter(pk=open_log.pk).update(date=day)
    medicine = MedicationEntry.objects.create(
        user=alice,
        name="Ibuprofen",
        taken_at=dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC),
        as_prescribed=True,
    )
    massage = MassageEntry.objects.create(user=alice, given_by="x", date=day, minutes=10, relief=3)
    for url in ("/today/", "/progress/", "/relief/medicines/", "/relief/massage/", "/review/"):
        assert alice_client.get(url).status_code == 200, url
    for url in ("/my-data/export.json", "/my-data/export.zip"):
        assert alice_client.get(url).status_code == 200, url
    alice_client.post(f"/relief/medicines/{medicine.pk}/delete/")
    alice_client.post(f"/relief/massage/{massage.pk}/delete/")
    assert not MedicationEntry.objects.exists()
    assert not MassageEntry.objects.exists()
