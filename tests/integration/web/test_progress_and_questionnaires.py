"""Progress charts are drawn from stored logs; questionnaires are scored by the engine."""

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from sciatica_coach.program import selectors
from sciatica_coach.program.models import SessionLog
from sciatica_coach.questionnaires.models import Response
from tests import factories
from tests.integration.web.conftest import with_program

SVG = "{http://www.w3.org/2000/svg}"


def start_program(user: User, on: dt.date) -> None:
    with time_machine.travel(dt.datetime.combine(on, dt.time(9), tzinfo=dt.UTC)):
        with_program(user)


def log_week(user: User, start: dt.date, leg: list[int], *, extent_after: str = "thigh") -> None:
    plan = selectors.plan_current(user=user)
    assert plan is not None
    for offset, pain in enumerate(leg):
        for slot in ("morning", "evening"):
            SessionLog.objects.create(
                user=user,
                plan=plan,
                date=start + dt.timedelta(days=offset),
                slot=slot,
                done=True,
                pain_before_leg=pain,
                pain_before_back=3,
                pain_after_leg=max(0, pain - 1),
                pain_after_back=3,
                extent_before="below_knee",
                extent_after=extent_after,
            )


def charts(page: str) -> dict[str, ET.Element]:
    found = {}
    for chunk in page.split("<svg")[1:]:
        svg = ET.fromstring("<svg" + chunk.split("</svg>")[0] + "</svg>")
        found[svg.find(f"{SVG}title").text or ""] = svg  # type: ignore[union-attr]
    return found


@time_machine.travel(dt.datetime(2026, 11, 21, 12, tzinfo=dt.UTC))
def test_a_week_of_sessions_shows_in_the_charts_and_the_calendar(
    alice: User, alice_client: Client
) -> None:
    start_program(alice, dt.date(2026, 11, 14))
    log_week(alice, dt.date(2026, 11, 14), [7, 7, 6, 6, 5, 5, 4])
    page = alice_client.get("/progress/").content.decode()
    drawn = charts(page)
    leg = drawn["Leg pain, 0 to 10, before and after each session"]
    assert len(leg.findall(f"{SVG}circle")) == 28  # 14 before + 14 after
    calendar = drawn["Sessions done, day by day"]
    done = [r for r in calendar.iter(f"{SVG}rect") if r.get("fill") == "#009e73"]
    assert len(done) == 14
    assert "Leg pain down from 7 to 5.2 in 7 days." in page  # weekly means: Sat-Sun, Mon-Fri
    assert "14 of 14 sessions done in the last 7 days" in page


@time_machine.travel(dt.datetime(2026, 11, 21, 12, tzinfo=dt.UTC))
def test_symptoms_moving_up_the_leg_are_called_a_good_sign(
    alice: User, alice_client: Client
) -> None:
    start_program(alice, dt.date(2026, 11, 14))
    log_week(alice, dt.date(2026, 11, 14), [5] * 7, extent_after="buttock")
    assert "centralising" in alice_client.get("/progress/").content.decode()


DAY_ONE = dt.datetime(2026, 11, 28, 18, tzinfo=dt.UTC)
SUMMARY = re.compile(
    r'class="card chart-card" id="([\w-]+)".*?class="chart-summary">(.*?)</p>', re.S
)


def summaries_on(page: str) -> dict[str, str]:
    """Each chart's id and the sentence beside it."""
    return dict(SUMMARY.findall(page))


@time_machine.travel(DAY_ONE)
def test_on_day_one_with_nothing_logged_progress_says_the_charts_come_after_a_session(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    page = alice_client.get("/progress/").content.decode()
    assert "Your charts fill in after your first session." in page
    assert summaries_on(page) == {}


@time_machine.travel(DAY_ONE)
def test_one_session_on_day_one_is_told_as_one_session_on_one_day(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    factories.logs_saved(alice, [factories.log("2026-11-28", pain=(4, 2))])
    page = alice_client.get("/progress/").content.decode()
    leg = "Leg pain was 4 out of 10 before your session on 28 November."
    back = "Back pain was 2 out of 10 before your session on 28 November."
    assert summaries_on(page) == {
        "pain-leg": leg,
        "pain-back": back,
        "pain-weekly": f"{leg} {back}",
        "extent": "Your symptoms now reach the thigh, the same as at the start.",
        "calendar": "1 of 2 sessions done today.",
    }
    assert "fill in after your first session" not in page


@time_machine.travel(DAY_ONE)
def test_a_month_of_sessions_is_told_in_weeks(alice: User, alice_client: Client) -> None:
    start_program(alice, dt.date(2026, 10, 31))
    logs = []
    for week_end, pain in (
        ("2026-11-07", (7, 4)),
        ("2026-11-14", (6, 3)),
        ("2026-11-21", (5, 3)),
        ("2026-11-28", (4, 2)),
    ):
        logs += factories.week_of_logs(week_end, pain=pain)
    logs.pop()  # this evening's session is not due yet
    logs.pop(-2)  # yesterday evening's session was missed
    factories.logs_saved(alice, logs)
    said = summaries_on(alice_client.get("/progress/").content.decode())
    assert said["pain-leg"] == (
        "Leg pain down from 7 to 4 in four weeks. That is a change that matters."
    )
    assert said["pain-back"] == (
        "Back pain down from 4 to 2 in four weeks. That is a change that matters."
    )
    assert said["calendar"] == (
        "13 of 14 sessions done in the last 7 days (93%). 1 of 2 sessions done today. "
        "Well done: regular sessions are what makes the program work."
    )


def test_the_progress_page_needs_few_queries(
    alice: User, alice_client: Client, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    with_program(alice)
    log_week(alice, timezone.localdate() - dt.timedelta(days=7), [5] * 7)
    with django_assert_max_num_queries(8):
        assert alice_client.get("/progress/").status_code == 200


def test_progress_shows_only_my_own_sessions(alice: User, bob: User, bob_client: Client) -> None:
    with_program(alice)
    log_week(alice, timezone.localdate() - dt.timedelta(days=3), [6, 6, 6])
    with_program(bob)
    page = bob_client.get("/progress/").content.decode()
    assert "Your charts fill in after your first session." in page
    assert "chart-card" not in page


def test_a_peg_answer_is_scored_by_the_engine_and_stored(alice: User, alice_client: Client) -> None:
    response = alice_client.post(
        "/questionnaires/peg/", {"pain": "7", "enjoyment": "5", "activity": "5"}
    )
    assert response.status_code == 302
    stored = Response.objects.get(user=alice)
    assert (stored.instrument, stored.result["score"]) == ("peg", 5.7)


def test_odi_section_values_are_scored_without_the_wording(
    alice: User, alice_client: Client
) -> None:
    form = {f"section_{n}": "2" for n in range(1, 11)}
    form["section_8"] = ""
    alice_client.post("/questionnaires/odi/", form)
    stored = Response.objects.get(user=alice, instrument="odi")
    assert stored.answers["sections"][7] is None
    assert stored.result == {
        "instrument": "odi",
        "score": 40.0,
        "band": "moderate",
        "answered": 9,
        "mic": 10,
    }


def test_too_few_odi_sections_is_refused_and_keeps_the_answers(alice_client: Client) -> None:
    form = {f"section_{n}": "3" if n <= 5 else "" for n in range(1, 11)}
    response = alice_client.post("/questionnaires/odi/", form)
    page = response.content.decode()
    assert "only 5 of 10 sections answered" in page
    assert '<option value="3" selected>' in page
    assert not Response.objects.exists()


def test_an_out_of_range_answer_marks_its_field(alice_client: Client) -> None:
    response = alice_client.post("/questionnaires/peg/", {"pain": "11", "enjoyment": "5"})
    page = response.content.decode()
    assert 'aria-invalid="true"' in page
    assert not Response.objects.exists()


@pytest.mark.parametrize("instrument", ["peg", "pgic", "rmdq", "odi"])
def test_every_questionnaire_page_opens(alice_client: Client, instrument: str) -> None:
    assert alice_client.get(f"/questionnaires/{instrument}/").status_code == 200


def test_an_unknown_questionnaire_is_not_found(alice_client: Client) -> None:
    assert alice_client.get("/questionnaires/sf36/").status_code == 404


def test_scores_show_against_the_change_that_matters(alice: User, alice_client: Client) -> None:
    with_program(alice)
    for day, score in ((dt.date(2026, 10, 1), [4] * 10), (dt.date(2026, 11, 1), [2] * 10)):
        with time_machine.travel(dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)):
            alice_client.post(
                "/questionnaires/odi/", {f"section_{n}": str(v) for n, v in enumerate(score, 1)}
            )
    page = alice_client.get("/progress/").content.decode()
    assert "ODI better: from 80 to 40, more than the 10 points that matter." in page
    assert "Change that matters" in page


def test_questionnaires_due_follow_their_schedule(alice: User, alice_client: Client) -> None:
    page = alice_client.get("/questionnaires/").content.decode()
    assert page.count("badge due") == 3  # PEG, RMDQ, ODI; PGIC waits for a review
    alice_client.post("/questionnaires/peg/", {"pain": "3", "enjoyment": "3", "activity": "3"})
    assert alice_client.get("/questionnaires/").content.decode().count("badge due") == 2
