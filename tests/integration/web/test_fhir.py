"""FHIR R4B through the API: alice's record as a Bundle that fhir.resources reads, her pain
scores carried into another account, never bob's data, and a refused import that stores nothing.
"""

import datetime as dt
import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle

from sciatica_coach.program import selectors
from tests.integration.web.conftest import make_user, with_program
from tests.integration.web.test_api import bearer, post, session_log
from tests.unit.fhir.sample import CODE_TABLE, UNITS, codings, resources

URL = "/api/v1/me/fhir"
LEG = {"system": "http://snomed.info/sct", "code": "61685007"}
BACK = {"system": "http://snomed.info/sct", "code": "37822005"}


def days_ago(days: int) -> str:
    return (timezone.localdate() - dt.timedelta(days=days)).isoformat()


def with_history(user: User) -> dict[str, str]:
    """A programme, three sessions logged over two days and two questionnaires answered."""
    with_program(user)
    headers = bearer(user)
    for log in (
        session_log(date=days_ago(1), pain_before={"leg": 7, "back": 4}),
        session_log(date=days_ago(1), slot="evening", pain_after={"leg": 5, "back": 2}),
        session_log(date=days_ago(0), pain_before={"leg": 4, "back": 1}, pain_after=None),
    ):
        assert post(Client(), "/api/v1/me/sessions", log, **headers).status_code == 201
    for instrument, answers in (
        ("peg", {"pain": 6, "enjoyment": 5, "activity": 4}),
        ("odi", {"sections": [2, 1, 3, 2, 2, 1, 0, 2, 1, 2]}),
    ):
        made = post(
            Client(),
            "/api/v1/me/questionnaires",
            {"instrument": instrument, "answers": answers},
            **headers,
        )
        assert made.status_code == 201
    return headers


def pain_scores(bundle: dict[str, Any]) -> list[tuple[str, str, int]]:
    """(day, site, score) of every pain Observation, sorted."""
    return sorted(
        (o["effectiveDateTime"][:10], o["bodySite"]["coding"][0]["code"], o["valueInteger"])
        for o in resources(bundle, "Observation")
        if o["code"]["coding"][0]["code"] == "72514-3"
    )


def logged_scores(user: User) -> list[tuple[str, Any, Any]]:
    logs = selectors.session_logs_between(user=user, start=dt.date.min, end=dt.date.max)
    return sorted((log.date.isoformat(), log.pain_before_leg, log.pain_after_leg) for log in logs)


def test_the_export_is_a_bundle_fhir_resources_reads_with_only_sourced_codes(
    alice: User, client: Client
) -> None:
    alice.first_name = ""
    alice.save()
    answer = client.get(URL, **with_history(alice))
    assert answer.status_code == 200
    bundle = answer.json()
    assert Bundle.model_validate(bundle).type == "collection"
    for found in codings(bundle):
        assert (found["system"], found["code"]) in CODE_TABLE, found
    for obs in resources(bundle, "Observation"):
        code = obs["code"]["coding"][0]["code"]
        if code in UNITS:
            assert obs["valueQuantity"]["code"] == UNITS[code]
    # 3 logs: 4 + 4 + 2 scores (the last has no after-session scores).
    assert len(pain_scores(bundle)) == 10
    assert len(resources(bundle, "QuestionnaireResponse")) == 2
    # Neither the login nor the e-mail address goes out; the id is not the username.
    text = json.dumps(bundle)
    assert "alice" not in text
    assert "example.org" not in text
    assert "name" not in resources(bundle, "Patient")[0]


def test_alice_never_gets_bobs_data(alice: User, bob: User, client: Client) -> None:
    with_history(bob)
    with_program(alice)
    mine = client.get(URL, **bearer(alice)).json()
    theirs = client.get(URL, **bearer(bob)).json()
    assert pain_scores(mine) == []
    assert not resources(mine, "QuestionnaireResponse")
    assert len(pain_scores(theirs)) == 10
    assert resources(mine, "Patient")[0]["id"] != resources(theirs, "Patient")[0]["id"]
    # The browser session is scoped the same way.
    client.force_login(alice)
    assert pain_scores(client.get(URL).json()) == []


def test_export_then_import_into_another_account_keeps_every_pain_score(
    alice: User, client: Client
) -> None:
    exported = client.get(URL, **with_history(alice)).json()
    carol = make_user("carol")
    with_program(carol)
    imported = post(client, URL, exported, **bearer(carol))
    assert imported.status_code == 201, imported.json()
    body = imported.json()
    assert body["scores"] == 10
    assert len(body["log_ids"]) == 3
    assert body["skipped"]["Observation"] == 2  # the PEG and ODI scores
    # Every score, on its day, before and after, is now carol's ...
    assert logged_scores(carol) == logged_scores(alice)
    again = client.get(URL, **bearer(carol)).json()
    assert pain_scores(again) == pain_scores(exported)
    # ... as scores, not as sessions done.
    logs = selectors.session_logs_between(user=carol, start=dt.date.min, end=dt.date.max)
    assert not any(log.done for log in logs)
    assert all(log.exercises_done == [] for log in logs)


def _bad_bundles() -> list[tuple[Any, str]]:
    good = [
        {
            "resourceType": "Observation",
            "status": "final",
            "code": {"coding": [{"system": "http://loinc.org", "code": "72514-3"}]},
            "effectiveDateTime": days_ago(1),
            "valueInteger": 4,
            "bodySite": {"coding": [site]},
        }
        for site in (LEG, BACK)
    ]

    def with_(*resources: dict[str, Any]) -> dict[str, Any]:
        return {
            "resourceType": "Bundle",
            "type": "collection",
            "entry": [{"resource": r} for r in [*good, *resources]],
        }

    out_of_range = {**good[0], "valueInteger": 12, "effectiveDateTime": days_ago(2)}
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    return [
        ({"resourceType": "Observation"}, "body.resourceType"),
        (
            with_(out_of_range, {**good[1], "effectiveDateTime": days_ago(2)}),
            "body.entry[2].resource.valueInteger",
        ),
        (
            with_({**good[0], "code": {"coding": [{"system": "http://loinc.org", "code": "1-8"}]}}),
            "body.entry[2].resource.code",
        ),
        # Readable, but the program refuses a day after today: the first log goes too.
        (
            with_(
                {**good[0], "effectiveDateTime": tomorrow},
                {**good[1], "effectiveDateTime": tomorrow},
            ),
            "body.entry[2].resource.effectiveDateTime",
        ),
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("case", range(4))
def test_a_refused_import_stores_nothing(case: int, client: Client) -> None:
    ann = make_user("ann")
    with_program(ann)
    data, field = _bad_bundles()[case]
    answer = post(client, URL, data, **bearer(ann))
    assert answer.status_code == 400, answer.json()
    assert answer.json()["error"]["field"] == field
    assert logged_scores(ann) == []


def test_an_import_needs_a_programme_and_a_write_token(alice: User, client: Client) -> None:
    exported = client.get(URL, **with_history(alice)).json()
    dan = make_user("dan")
    answer = post(client, URL, exported, **bearer(dan))
    assert answer.status_code == 409
    assert answer.json()["error"]["field"] == "plan"
    with_program(dan)
    assert post(client, URL, exported, **bearer(dan, scope="read")).status_code == 403
    assert post(Client(), URL, exported).status_code == 401
    assert Client().get(URL).status_code == 401
    assert logged_scores(dan) == []


def test_imported_pain_scores_take_no_slot_on_today(alice: User, client: Client) -> None:
    with_program(alice)
    headers = bearer(alice)
    today = timezone.localdate().isoformat()
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {
                "resource": {
                    "resourceType": "Observation",
                    "status": "final",
                    "code": {"coding": [{"system": "http://loinc.org", "code": "72514-3"}]},
                    "effectiveDateTime": today,
                    "valueInteger": value,
                    "bodySite": {"coding": [site]},
                }
            }
            for site, value in ((LEG, 6), (BACK, 3))
        ],
    }
    assert post(client, URL, bundle, **headers).status_code == 201
    listed = client.get("/api/v1/me/sessions", **headers).json()["items"]
    assert [item["ending"] for item in listed] == ["imported"]
    assert selectors.session_logs_on(user=alice, date=timezone.localdate()) == {}
    client.force_login(alice)
    page = client.get("/today/").content.decode()
    assert "Started" not in page
