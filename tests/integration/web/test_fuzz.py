"""No input gives a 5xx: hypothesis sends every form and JSON endpoint nasty values.

Every form field found on the app's own pages is filled from a strategy of the inputs that used
to break things (huge and negative numbers, 5,000-digit ids, year 1 and year 9999, NUL bytes,
deeply nested JSON), and every URL with an id gets huge and odd ids. A few hundred cases a run;
the assertion is only that the server never answers 5xx.
"""

import json
import os
import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sciatica_coach.program import services
from tests.integration.web.conftest import with_program

# Pages whose forms are fuzzed (their fields are read from the page itself).
FORM_PAGES = [
    "/accounts/signup/",
    "/accounts/login/",
    "/accounts/password/reset/",
    "/accounts/password/change/",
    "/intake/",
    "/session/morning/start/",
    "/session/{log}/finish/",
    "/assessment/",
    "/movement-test/extension/",
    "/movement-test/flexion/",
    "/questionnaires/peg/",
    "/questionnaires/pgic/",
    "/questionnaires/odi/",
    "/questionnaires/rmdq/",
    "/relief/heat-and-cold/",
    "/relief/medicines/",
    "/relief/massage/",
    "/relief/massage/check/",
    "/reminders/",
    "/my-data/",
]
# Endpoints posted to without a page of their own, with the fields they read.
RAW_POSTS = {
    "/session/{log}/progress/": ["step", "done"],
    "/review/": [],
    "/reminders/calendar-link/": [],
    "/relief/medicines/{id}/delete/": [],
    "/relief/massage/{id}/delete/": [],
    "/intake/?step=safety": [],
}
ID_URLS = [
    "/session/{id}/",
    "/session/{id}/progress/",
    "/session/{id}/finish/",
    "/session/{id}/done/",
    "/review/{id}/",
    "/movement-test/result/{id}/",
    "/relief/medicines/{id}/delete/",
    "/relief/massage/{id}/delete/",
    "/calendar/{id}.ics",
    "/learn/{id}/",
    "/exercises/{id}/",
    "/session/{id}/start/",
    "/questionnaires/{id}/",
    "/my-data/export.{id}",
]
SYNC_URL = "/offline/sessions/"

numbers = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(
        ["9" * 5000, "-1", "0", "32768", "65536", "2147483648", str(2**63), str(2**70)]
    ),
    st.sampled_from(["1e400", "nan", "inf", "-0", "1.5", "0x10", " 7 ", "٣"]),
)
dates = st.sampled_from(
    [
        *("0001-01-01", "9999-12-31", "2038-01-20", "1970-01-01", "2026-02-30", "10000-01-01"),
        *("0001-01-01T00:00", "9999-12-31T23:59", "2026-13-01T25:61", "-1-01-01"),
    ]
)
texts = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["\x00", "=cmd|' /C calc'!A0", "<script>", "x" * 5000, "DELETE", "UTC"]),
    st.sampled_from(["Europe/London", "../../etc/passwd", "morning", "evening", "midday"]),
)
values = st.one_of(numbers, dates, texts)
ids = st.one_of(
    st.integers(min_value=-5, max_value=2**80).map(str),
    st.sampled_from(
        ["9" * 5000, "0", "00", "1", "2", "9223372036854775807", "9223372036854775808"]
    ),
)


def nested(depth: int) -> str:
    return '{"a": [' * depth + "1" + "]}" * depth


json_values: st.SearchStrategy[Any] = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**80), max_value=2**80),
        st.floats(allow_nan=False),
        st.text(max_size=20),
        dates,
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
FIELDS = ["client_id", "plan_id", "date", "slot", "before", "step", "exercises_done", "after"]


@pytest.fixture
def world(db: None) -> dict[str, Any]:
    """Alice with a program, an open session, and one entry of each kind of log."""
    alice = User.objects.create_user("alice", "alice@example.org", "a-long-Passw0rd!")
    with_program(alice)
    log = services.session_start(
        user=alice, slot="morning", pain_leg=5, pain_back=3, extent="thigh", red_flags=[]
    )
    fields: dict[str, list[str]] = {}
    client = Client()
    client.force_login(alice)
    for page in FORM_PAGES:
        html = client.get(page.format(log=log.pk)).content.decode()
        fields[page] = sorted(
            set(re.findall(r'name="([a-z_0-9-]+)"', html)) - {"csrfmiddlewaretoken"}
        )
    return {"user": alice, "log": log.pk, "fields": fields}


def answered(response: Any, what: str) -> None:
    assert response.status_code < 500, f"{what} -> {response.status_code}"


FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "120")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(page=st.sampled_from(FORM_PAGES + list(RAW_POSTS)), data=st.data())
def test_no_form_answers_5xx(world: dict[str, Any], page: str, data: st.DataObject) -> None:
    client = Client()
    client.force_login(world["user"])
    fields = world["fields"].get(page, RAW_POSTS.get(page, []))
    chosen = data.draw(st.lists(st.sampled_from(fields), unique=True) if fields else st.just([]))
    body: dict[str, Any] = {}
    for name in chosen:
        body[name] = data.draw(st.one_of(values, st.lists(values, min_size=1, max_size=3)))
    url = page.format(log=world["log"], id=data.draw(ids))
    answered(client.post(url, body), f"POST {url} {body!r:.300}")


@FUZZ
@given(template=st.sampled_from(ID_URLS), value=ids, method=st.sampled_from(["get", "post"]))
def test_no_id_in_a_url_answers_5xx(
    world: dict[str, Any], template: str, value: str, method: str
) -> None:
    client = Client()
    client.force_login(world["user"])
    url = template.format(id=value)
    answered(getattr(client, method)(url), f"{method.upper()} {url[:80]}")


@FUZZ
@given(
    text=st.one_of(
        json_values.map(json.dumps),
        st.fixed_dictionaries({}, optional=dict.fromkeys(FIELDS, json_values)).map(json.dumps),
        st.integers(min_value=1, max_value=100_000).map(nested),
        st.sampled_from(["[" * 100_000, '"\\ud800"', "1" * 5000, "{" + '"a":1,' * 50_000 + "}"]),
    )
)
def test_the_offline_sync_never_answers_5xx(world: dict[str, Any], text: str) -> None:
    client = Client()
    client.force_login(world["user"])
    answered(client.post(SYNC_URL, text, content_type="application/json"), f"sync {text:.300}")
