"""The REST API, /api/v1: the same program through a token, for alice and never for bob."""

import datetime as dt
import json
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client, override_settings
from django.utils import timezone

from sciatica_coach.api import tokens
from sciatica_coach.api.models import ApiToken
from sciatica_coach.program import selectors
from sciatica_coach.program.models import SessionLog
from tests import factories
from tests.integration.web.conftest import with_program

PASSWORD = "a-long-Passw0rd!"  # noqa: S105 - the test accounts' own


def bearer(user: User, scope: str = "write", **kwargs: Any) -> dict[str, str]:
    _token, key = tokens.token_create(user=user, name="test", scope=scope, **kwargs)
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def put(client: Client, url: str, body: Any, **headers: str) -> Any:
    return client.put(url, json.dumps(body), content_type="application/json", **headers)


def post(client: Client, url: str, body: Any, **headers: str) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json", **headers)


def session_log(**changes: Any) -> dict[str, Any]:
    today = timezone.localdate().isoformat()
    return {**factories.log(today, pain_after=(4, 3), exercises=["glute_bridge"]), **changes}


# Accounts and tokens.


def test_a_person_signs_up_gets_a_token_and_stores_a_profile(client: Client, db: None) -> None:
    made = post(
        client, "/api/v1/accounts", {"username": "ann", "email": "a@e.org", "password": PASSWORD}
    )
    assert made.status_code == 201
    got = post(
        client,
        "/api/v1/token",
        {"username": "ann", "password": PASSWORD, "name": "phone", "scope": "write"},
    )
    assert got.status_code == 201
    key = got.json()["token"]
    assert key.startswith("scc_")
    assert not ApiToken.objects.filter(key_hash__contains=key).exists()  # only a hash is kept
    answer = put(
        client, "/api/v1/me/profile", factories.profile(), HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    assert answer.status_code == 200
    plan = client.get("/api/v1/me/plan", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    assert plan["plan"]["urgency"] == "self_care"


@override_settings(API_SIGNUP_ENABLED=False)
def test_sign_up_through_the_api_can_be_turned_off(client: Client, db: None) -> None:
    made = post(
        client, "/api/v1/accounts", {"username": "ann", "email": "a@e.org", "password": PASSWORD}
    )
    assert made.status_code == 403
    assert not User.objects.filter(username="ann").exists()


def test_a_weak_password_is_refused_with_its_field(client: Client, db: None) -> None:
    made = post(
        client, "/api/v1/accounts", {"username": "ann", "email": "a@e.org", "password": "123"}
    )
    assert made.status_code == 400
    assert made.json()["error"]["field"] == "password"


def test_a_wrong_password_gets_no_token_and_counts_toward_the_lockout(
    alice: User, client: Client
) -> None:
    for _ in range(6):
        wrong = post(
            client, "/api/v1/token", {"username": "alice", "password": "nope", "name": "x"}
        )
        assert wrong.status_code == 400
        assert wrong.json()["error"]["field"] == "password"
    right = post(client, "/api/v1/token", {"username": "alice", "password": PASSWORD, "name": "x"})
    assert right.status_code == 400
    assert "please wait" in right.json()["error"]["reason"]  # the growing delay (issue 8)
    assert not ApiToken.objects.filter(user=alice).exists()


# Who may see what.


def test_anonymous_calls_get_401_as_json(client: Client, db: None) -> None:
    for url in (
        "/api/v1/me/profile",
        "/api/v1/me/plan",
        "/api/v1/me/sessions",
        "/api/v1/me/export",
    ):
        answer = client.get(url)
        assert answer.status_code == 401, url
        assert answer.json()["error"]["field"] == "authorization"


def test_bob_never_gets_alices_records(alice: User, bob: User, client: Client) -> None:
    with_program(alice, red_flags=["saddle_numbness"])
    factories.logs_saved(alice, factories.week_of_logs(timezone.localdate().isoformat()))
    as_bob = bearer(bob)
    assert client.get("/api/v1/me/profile", **as_bob).status_code == 409  # bob has none
    listed = client.get("/api/v1/me/sessions", **as_bob).json()
    assert listed == {"items": [], "count": 0}
    export = json.dumps(client.get("/api/v1/me/export", **as_bob).json())
    assert "saddle_numbness" not in export
    assert "alice" not in export


def test_a_read_token_cannot_write(alice: User, client: Client) -> None:
    with_program(alice)
    reader = bearer(alice, scope="read")
    assert client.get("/api/v1/me/plan", **reader).status_code == 200
    refused = put(client, "/api/v1/me/profile", factories.profile(age=50), **reader)
    assert refused.status_code == 403
    assert selectors.profile_get(user=alice).data["age"] == 46  # type: ignore[union-attr]


def test_a_revoked_or_expired_token_gets_401(alice: User, client: Client) -> None:
    with_program(alice)
    token, key = tokens.token_create(user=alice, name="old", scope="read", days=30)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    assert client.get("/api/v1/me/plan", **headers).status_code == 200
    with time_machine.travel(timezone.now() + dt.timedelta(days=31)):
        assert client.get("/api/v1/me/plan", **headers).status_code == 401
    tokens.token_revoke(user=alice, token_id=token.pk)
    assert client.get("/api/v1/me/plan", **headers).status_code == 401


@pytest.mark.parametrize("how", ["new password", "sign out of all devices"])
def test_a_new_password_or_signing_out_everywhere_ends_every_token(
    alice: User, alice_client: Client, bob: User, how: str
) -> None:
    with_program(alice)
    client = Client()  # no browser session: the token alone
    alices = bearer(alice, scope="read")
    bobs = bearer(bob, scope="read")
    assert client.get("/api/v1/me/plan", **alices).status_code == 200
    if how == "new password":
        new = "another-Long-passw0rd!"
        response = alice_client.post(
            "/accounts/password/change/",
            {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
            follow=True,
        )
        assert "any API tokens you had no longer work" in response.content.decode()
    else:
        alice_client.post("/accounts/logout/everywhere/")
    assert client.get("/api/v1/me/plan", **alices).status_code == 401
    assert client.get("/api/v1/me/triage", **bobs).status_code != 401  # only hers


def test_tokens_are_listed_without_their_secret_and_revoked_by_their_owner_only(
    alice: User, bob: User, client: Client
) -> None:
    headers = bearer(alice)
    spare, spare_key = tokens.token_create(user=alice, name="old laptop", scope="read")
    bobs, bobs_key = tokens.token_create(user=bob, name="bob's", scope="write")
    listed = client.get("/api/v1/me/tokens", **headers)
    assert [t["name"] for t in listed.json()] == ["old laptop", "test"]
    assert "token" not in listed.json()[0]
    assert spare_key not in listed.content.decode()
    refused = client.delete(f"/api/v1/me/tokens/{bobs.pk}", **headers)
    assert refused.status_code == 404
    assert refused.json()["error"]["field"] == "token_id"
    assert tokens.token_find(key=bobs_key) is not None  # bob's token still works
    assert client.delete(f"/api/v1/me/tokens/{spare.pk}", **headers).status_code == 204
    gone = client.get("/api/v1/me/plan", HTTP_AUTHORIZATION=f"Bearer {spare_key}")
    assert gone.status_code == 401
    assert client.get("/api/v1/me/tokens", **headers).json()[0]["revoked_at"] is not None


@override_settings(API_RATE_PER_MINUTE=3)
def test_too_many_calls_with_one_token_get_429_and_retry_after(alice: User, client: Client) -> None:
    with_program(alice)
    headers = bearer(alice, scope="read")
    codes = [client.get("/api/v1/me/plan", **headers).status_code for _ in range(4)]
    assert codes[:3] == [200, 200, 200]
    limited = client.get("/api/v1/me/plan", **headers)
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60


def test_the_browser_session_works_and_needs_its_csrf_token_to_write(alice: User) -> None:
    with_program(alice)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    assert browser.get("/api/v1/me/plan").status_code == 200
    refused = put(browser, "/api/v1/me/profile", factories.profile(age=50))
    assert refused.status_code == 403


# The program.


def test_a_refused_profile_names_the_field_and_changes_nothing(alice: User, client: Client) -> None:
    with_program(alice)
    plans = selectors.plan_history(user=alice)
    refused = put(
        client,
        "/api/v1/me/profile",
        factories.profile(pain={"leg": 11, "back": 3}),
        **bearer(alice),
    )
    assert refused.status_code == 400
    assert refused.json() == {
        "error": {"field": "body.pain.leg", "reason": "11 is not between 0 and 10"}
    }
    assert selectors.plan_history(user=alice) == plans


def test_a_refusal_says_what_was_sent(alice: User, client: Client) -> None:
    with_program(alice)
    headers = bearer(alice)
    log = {"date": "2026-10-01", "slot": "morning", "done": True, "extent_after": "knee"}
    refused = post(client, "/api/v1/me/sessions", log, **headers)
    assert refused.status_code == 400
    assert refused.json()["error"]["field"] == "body.extent_after"
    assert refused.json()["error"]["reason"].startswith("'knee' is not one of")
    bad_day = post(client, "/api/v1/me/sessions", {**log, "date": "2026-13-01"}, **headers)
    assert bad_day.json()["error"]["field"] == "body.date"
    assert "2026-13-01" in bad_day.json()["error"]["reason"]
    # A rule across fields (the engine's own FieldProblem) keeps its field and its words.
    other = put(client, "/api/v1/me/profile", factories.profile(contract="other/9"), **headers)
    assert other.json() == {
        "error": {"field": "body.contract", "reason": "'other/9' is not 'sciatica-coach/1'"}
    }
    assert (
        selectors.session_logs_page(user=alice, date_from=None, date_to=None, limit=10, offset=0)[1]
        == 0
    )


def test_a_profile_put_cannot_take_away_what_the_program_learnt(
    alice: User, client: Client
) -> None:
    with_program(
        alice,
        avoid_exercises=["prone_lying"],
        avoid_directions=["extension"],
        directional_preference="flexion",
    )
    sent = factories.profile(directional_preference="extension")
    answer = put(client, "/api/v1/me/profile", sent, **bearer(alice)).json()
    assert answer["avoid_exercises"] == ["prone_lying"]
    assert answer["avoid_directions"] == ["extension"]
    assert answer["directional_preference"] == "flexion"


def test_triage_plan_and_checks_come_from_the_engine(alice: User, client: Client) -> None:
    with_program(alice, diagnoses=factories.diagnosed("spinal_stenosis"))
    headers = bearer(alice, scope="read")
    assert client.get("/api/v1/me/triage", **headers).json()["urgency"] == "self_care"
    plan = client.get("/api/v1/me/plan", **headers).json()
    assert plan["plan"]["daily_activity"]["exercise"] == "walking"
    checks = client.get("/api/v1/me/checks", **headers).json()
    assert "trunk_extensor_s" not in checks["offered"]


def test_the_plan_comes_with_its_sessions_as_the_pages_show_them(
    alice: User, client: Client
) -> None:
    with_program(alice)
    plan = client.get("/api/v1/me/plan", **bearer(alice, scope="read")).json()
    first, shown = plan["plan"]["sessions"][0], plan["sessions"][0]
    assert shown["slot"] == first["slot"]
    assert shown["label"] == "Morning"
    assert [item["exercise"] for item in shown["items"]] == [i["exercise"] for i in first["items"]]
    assert shown["items"][0]["dose"]
    assert shown["items"][0]["exercise_info"]["instructions"]


def test_a_plan_that_is_no_program_has_no_sessions(alice: User, client: Client) -> None:
    with_program(alice, red_flags=["bladder_change"])
    plan = client.get("/api/v1/me/plan", **bearer(alice, scope="read")).json()
    assert plan["plan"]["sessions"] is None
    assert plan["sessions"] == []


def test_a_logged_session_is_listed_and_filtered_by_date(alice: User, client: Client) -> None:
    with_program(alice)
    headers = bearer(alice)
    made = post(client, "/api/v1/me/sessions", session_log(), **headers)
    assert made.status_code == 201
    assert made.json()["ending"] == "finished"
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    post(client, "/api/v1/me/sessions", session_log(date=yesterday, done=False), **headers)
    page = client.get("/api/v1/me/sessions?limit=1", **headers).json()
    assert page["count"] == 2
    assert len(page["items"]) == 1
    only = client.get(f"/api/v1/me/sessions?date_to={yesterday}", **headers).json()
    assert [item["date"] for item in only["items"]] == [yesterday]
    assert only["items"][0]["ending"] == "missed"


def test_a_session_that_spreads_the_symptoms_is_reviewed_at_once(
    alice: User, client: Client
) -> None:
    with_program(alice)
    spread = session_log(extent_before="thigh", extent_after="foot", exercises_done=["prone_lying"])
    assert post(client, "/api/v1/me/sessions", spread, **bearer(alice)).status_code == 201
    review = selectors.review_latest(user=alice)
    assert review is not None
    assert review.answer["decision"] == "regress"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"date": "2999-01-01"}, "body.date"),
        ({"date": "0001-01-01"}, "body.date"),  # the range every log is held to (issue 8)
        ({"slot": "noon"}, "body.slot"),
        ({"exercises_done": ["flying"]}, "session.exercises_done[0]"),
        ({"pain_before": {"leg": 12, "back": 3}}, "body.pain_before.leg"),
    ],
)
def test_a_refused_session_names_the_field_and_stores_nothing(
    alice: User, client: Client, changes: dict[str, Any], field: str
) -> None:
    with_program(alice)
    refused = post(client, "/api/v1/me/sessions", session_log(**changes), **bearer(alice))
    assert refused.status_code == 400
    assert refused.json()["error"]["field"] == field
    assert not SessionLog.objects.filter(user=alice).exists()


def test_the_review_is_refused_before_it_is_due_and_made_once_it_is(
    alice: User, client: Client
) -> None:
    with time_machine.travel(dt.datetime(2026, 10, 1, 9, tzinfo=dt.UTC)):
        with_program(alice)
        headers = bearer(alice)
        early = post(client, "/api/v1/me/review", {}, **headers)
        assert early.status_code == 409
        assert "2026-10-08" in early.json()["error"]["reason"]
    with time_machine.travel(dt.datetime(2026, 10, 8, 9, tzinfo=dt.UTC)):
        made = post(client, "/api/v1/me/review", {"walking_tolerance_min": 30}, **headers)
    assert made.status_code == 201
    assert made.json()["review"]["decision"] in ("continue", "progress", "regress")


def test_the_movement_test_sets_the_preference_one_direction_a_day(
    alice: User, client: Client
) -> None:
    with_program(alice)
    headers = bearer(alice)
    result = {
        "direction": "extension",
        "extent_before": "below_knee",
        "extent_after": "thigh",
        "leg_pain_before": 6,
        "leg_pain_after": 4,
    }
    answer = post(client, "/api/v1/me/movement-test", result, **headers)
    assert answer.status_code == 201
    assert answer.json()["directional_preference"] == "extension"
    again = post(client, "/api/v1/me/movement-test", result, **headers)
    assert again.status_code == 409


def test_questionnaires_are_scored_by_the_engine(alice: User, client: Client) -> None:
    with_program(alice)
    headers = bearer(alice)
    made = post(
        client,
        "/api/v1/me/questionnaires",
        {"instrument": "peg", "answers": {"pain": 6, "enjoyment": 5, "activity": 4}},
        **headers,
    )
    assert made.status_code == 201
    assert made.json()["result"]["score"] == 5.0
    short = post(
        client,
        "/api/v1/me/questionnaires",
        {
            "instrument": "odi",
            "answers": {"sections": [1, None, None, None, None, None, None, None, None, None]},
        },
        **headers,
    )
    assert short.status_code == 400
    assert short.json()["error"]["field"] == "answers.sections"
    assert len(client.get("/api/v1/me/questionnaires", **headers).json()) == 1


def test_the_export_is_everything_the_my_data_page_exports_without_token_hashes(
    alice: User, client: Client
) -> None:
    with_program(alice)
    export = client.get("/api/v1/me/export", **bearer(alice)).json()
    assert export["format"] == "sciatica-coach-export/1"
    assert export["records"]["api.ApiToken"][0]["name"] == "test"
    assert "key_hash" not in export["records"]["api.ApiToken"][0]


def test_exercises_are_listed_with_their_picture(client: Client, db: None) -> None:
    listed = client.get("/api/v1/exercises").json()
    assert {"bird_dog", "prone_lying"} <= {e["id"] for e in listed}
    one = client.get("/api/v1/exercises/bird_dog").json()
    assert one["picture_url"].endswith("/exercises/bird_dog/animated.svg")
    assert client.get(one["picture_url"]).status_code == 200
    assert client.get("/api/v1/exercises/flying").status_code == 404


def test_the_openapi_document_lists_every_status_an_operation_returns(
    client: Client, db: None
) -> None:
    document = client.get("/api/v1/openapi.json").json()
    put_profile = document["paths"]["/api/v1/me/profile"]["put"]["responses"]
    assert {"200", "400", "401", "403", "429"} <= set(put_profile)
    assert client.get("/api/v1/docs").status_code == 200


# The tokens page.


def test_the_tokens_page_makes_shows_once_and_revokes(alice: User, alice_client: Client) -> None:
    made = alice_client.post("/api-tokens/", {"name": "my app", "scope": "read", "days": "30"})
    page = made.content.decode()
    assert "shown only this once" in page
    assert "no-store" in made["Cache-Control"]  # the page with the token in clear is kept nowhere
    token = ApiToken.objects.get(user=alice)
    key = page.split('id="new-token">')[1].split("<")[0]
    assert tokens.token_find(key=key) == token
    assert "shown only this once" not in alice_client.get("/api-tokens/").content.decode()
    alice_client.post(f"/api-tokens/{token.pk}/revoke/")
    assert tokens.token_find(key=key) is None


def test_bob_cannot_revoke_alices_token(alice: User, bob: User, bob_client: Client) -> None:
    token, key = tokens.token_create(user=alice, name="a", scope="read")
    bob_client.post(f"/api-tokens/{token.pk}/revoke/")
    assert tokens.token_find(key=key) is not None
