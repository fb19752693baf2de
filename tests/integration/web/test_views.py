"""Pages: what a person sees, and that bad input marks the field and keeps the rest."""

import datetime as dt
import re

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client, RequestFactory
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from sciatica_coach import engine
from sciatica_coach.engine import advice
from sciatica_coach.engine.vocabulary import RED_FLAGS
from sciatica_coach.program import choices, selectors
from sciatica_coach.program.models import Plan, SessionLog
from tests.integration.web.conftest import intake_form, safety_form, with_program


def test_pages_ask_anonymous_visitors_to_log_in(client: Client, db: None) -> None:
    for url in ["/today/", "/intake/", "/exercises/", "/review/", "/assessment/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_the_home_page_welcomes_visitors(client: Client, db: None) -> None:
    assert b"Start now" in client.get("/").content


def test_today_sends_a_new_person_to_the_intake(alice_client: Client) -> None:
    assert alice_client.get("/today/")["Location"] == "/intake/"


def test_the_intake_asks_the_red_flag_questions_first_on_their_own_step(
    alice_client: Client,
) -> None:
    page = alice_client.get("/intake/").content.decode()
    for fid, flag in RED_FLAGS.items():
        if fid == "bilateral_longstanding":  # never asked: it follows from where and how long
            assert flag.text not in page
        elif fid == "pregnancy_warning_signs":  # asked as a list, in the vocabulary's words
            for sign in choices.PREGNANCY_SIGNS:
                assert sign in page
        else:
            assert flag.text in page
    for later in ("How far down does it reach?", "Your age", "What do you have at home?"):
        assert later not in page
    details = alice_client.post("/intake/", safety_form()).content.decode()
    assert "How far down does it reach?" in details
    assert "<svg" in details


@pytest.mark.parametrize(
    ("flag", "heading"),
    [
        ("saddle_numbness", "Stop. Go to an emergency department now."),
        ("calf_swelling", "Stop. See a doctor today."),
        ("pregnancy_warning_signs", "Stop. Contact your maternity unit now."),
    ],
)
def test_an_emergency_or_urgent_safety_answer_stops_at_once(
    alice: User, alice_client: Client, flag: str, heading: str
) -> None:
    answers = safety_form([flag], pregnancy_status="pregnant")
    if flag == "pregnancy_warning_signs":
        answers = {
            **safety_form(pregnancy_status="pregnant"),
            "safety-pregnancy_warning_signs": "on",
        }
    page = alice_client.post("/intake/", answers).content.decode()
    assert heading in page
    assert "How far down does it reach?" not in page
    assert advice.FLAG_WHY[flag] in page  # type: ignore[index]
    assert page.count(advice.SAFETY_NET) == 1


def test_a_safety_answer_for_within_days_goes_on_to_the_details_and_says_so(
    alice_client: Client,
) -> None:
    page = alice_client.post("/intake/", safety_form(["constant_night_pain"])).content.decode()
    assert "How far down does it reach?" in page
    assert "This needs a doctor within days" in page


def test_someone_on_the_program_who_now_reports_an_emergency_is_stopped_at_once(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    alice_client.post("/intake/", safety_form(["bladder_change"]))
    page = alice_client.get("/today/").content.decode()
    assert "Stop. Go to an emergency department now." in page
    assert "Start morning session" not in page


def test_a_clearance_records_who_said_so_and_when(alice: User, alice_client: Client) -> None:
    alice_client.post(
        "/intake/", intake_form(red_flags=["cancer_history"], cleared=["cancer_history"])
    )
    profile = selectors.profile_get(user=alice)
    assert profile is not None
    assert profile.clearances == [
        {"flag": "cancer_history", "by": "self_reported", "on": timezone.localdate().isoformat()}
    ]
    page = alice_client.get("/today/").content.decode()
    assert "Marked as checked by a doctor (you told us on" in page


def test_the_pregnancy_week_is_asked_only_of_someone_pregnant(alice_client: Client) -> None:
    pregnant = alice_client.post("/intake/", safety_form(pregnancy_status="pregnant"))
    assert "How many weeks pregnant are you?" in pregnant.content.decode()
    other = alice_client.post("/intake/", safety_form())
    assert "How many weeks pregnant are you?" not in other.content.decode()
    missing = alice_client.post("/intake/", intake_form(pregnancy_status="pregnant"))
    assert missing.status_code == 400
    assert "Please say how many weeks pregnant you are." in missing.content.decode()


def test_people_of_65_or_more_are_asked_about_the_floor(alice: User, alice_client: Client) -> None:
    missing = alice_client.post("/intake/", intake_form(age="72"))
    assert missing.status_code == 400
    assert "floor exercises are safe for you" in missing.content.decode()
    alice_client.post("/intake/", intake_form(age="72", floor_ok="no"))
    profile = selectors.profile_get(user=alice)
    assert profile is not None
    assert profile.data["floor_ok"] is False


def test_pain_in_both_legs_asks_for_how_long(alice: User, alice_client: Client) -> None:
    missing = alice_client.post("/intake/", intake_form(leg_side="both"))
    assert missing.status_code == 400
    alice_client.post("/intake/", intake_form(leg_side="both", both_legs_days="90"))
    page = alice_client.get("/today/").content.decode()
    assert "First, a visit to your doctor" in page  # over six weeks: a doctor within days


def test_a_bad_answer_marks_its_field_and_keeps_the_rest(alice_client: Client) -> None:
    response = alice_client.post("/intake/", intake_form(age="abc", pain_leg="12"))
    page = response.content.decode()
    assert response.status_code == 400
    assert 'aria-invalid="true"' in page
    assert 'name="onset_days" value="20"' in page


def test_an_answer_the_engine_refuses_is_shown_on_its_field(alice_client: Client) -> None:
    response = alice_client.post("/intake/", intake_form(age="130", floor_ok="yes"))
    assert response.status_code == 400
    assert "130 is not between 0 and 120" in response.content.decode()


def test_an_emergency_answer_stops_everything_with_the_engines_advice(
    alice: User, alice_client: Client
) -> None:
    with_program(alice, red_flags=["saddle_numbness"])
    page = alice_client.get("/today/").content.decode()
    assert "Go to an emergency department now" in page
    assert RED_FLAGS["saddle_numbness"].text in page
    assert "Update my answers" in page
    assert "Start morning session" not in page


def test_without_a_confirmed_cause_a_doctor_comes_first(alice_client: Client) -> None:
    alice_client.post("/intake/", intake_form(confirmed="no"))
    page = alice_client.get("/today/").content.decode()
    assert "Why a doctor comes first" in page
    assert "Useful questions to ask" in page


def test_editing_the_profile_keeps_the_answers_and_makes_a_new_plan(
    alice: User, alice_client: Client
) -> None:
    alice_client.post("/intake/", intake_form())
    assert "My answers" in alice_client.get("/intake/").content.decode()
    page = alice_client.post("/intake/", safety_form()).content.decode()
    assert 'value="46"' in page
    assert "Save my answers" in page
    alice_client.post("/intake/", intake_form(pain_leg="8"))
    assert selectors.plan_current(user=alice).answer["phase"] == "relief"  # type: ignore[union-attr]


def test_today_shows_both_sessions_why_and_what_was_left_out(
    alice: User, alice_client: Client, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    with_program(
        alice, diagnoses=[{"condition": "spinal_stenosis", "confirmed_by_clinician": True}]
    )
    # Each request also reads its session row: sessions live on the server so they can be ended.
    with django_assert_max_num_queries(6):
        page = alice_client.get("/today/").content.decode()
    with django_assert_max_num_queries(4):  # session, user, the profile's plan and dates, logs
        again = alice_client.get("/today/").content.decode()
    assert TOKEN.sub("", again) == TOKEN.sub("", page)
    assert "Start morning session" in page
    assert "Start evening session" in page
    assert "Left out for you, and why" in page
    assert "spinal_stenosis" in page


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def test_a_stored_today_page_changes_when_the_day_does(alice: User, alice_client: Client) -> None:
    with_program(alice)
    assert "Start morning session" in alice_client.get("/today/").content.decode()
    plan = selectors.plan_current(user=alice)
    assert plan is not None
    SessionLog.objects.create(
        user=alice,
        plan=plan,
        date=timezone.localdate(),
        slot="morning",
        done=True,
        ending=SessionLog.Ending.FINISHED,
    )
    page = alice_client.get("/today/").content.decode()
    assert "Start morning session" not in page
    assert "See how it went" in page


def test_a_stored_today_page_changes_with_a_new_plan(alice: User, alice_client: Client) -> None:
    with_program(alice)
    alice_client.get("/today/")
    with_program(
        alice, diagnoses=[{"condition": "spinal_stenosis", "confirmed_by_clinician": True}]
    )
    assert "spinal_stenosis" in alice_client.get("/today/").content.decode()


def test_today_holds_no_form_so_its_stored_copy_needs_no_token(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    alice_client.get("/today/")
    assert "csrfmiddlewaretoken" not in alice_client.get("/today/").content.decode()


def test_a_stored_page_with_a_form_gets_a_fresh_csrf_token() -> None:
    from sciatica_coach.program.views.today import page_to_store, stored_page_served

    form = '<form><input type="hidden" name="csrfmiddlewaretoken" value="old-token"></form>'
    stored = page_to_store(form)
    assert "old-token" not in stored
    request = RequestFactory().get("/today/")
    request.COOKIES = {}
    served = stored_page_served(stored, request)  # type: ignore[arg-type]
    token = served.split('value="')[1].split('"')[0]
    assert len(token) == 64  # a freshly masked token in place of the stored one


def test_logging_out_goes_through_a_confirmation_page(alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    client.get("/accounts/logout/confirm/")  # sets the CSRF cookie
    page = client.get("/accounts/logout/confirm/").content.decode()
    fresh = TOKEN.search(page)
    assert fresh is not None
    value = fresh.group(0).split('value="')[1].rstrip('"')
    assert client.post("/accounts/logout/", {"csrfmiddlewaretoken": value}).status_code == 302


def test_the_library_filters_by_kind_and_position(alice_client: Client) -> None:
    page = alice_client.get("/exercises/?kind=strengthen&position=quadruped").content.decode()
    assert "Bird dog" in page
    assert "Pelvic tilt" not in page
    assert alice_client.get("/exercises/?kind=nonsense").status_code == 200


def test_an_exercise_page_shows_instructions_cues_and_dose(alice_client: Client) -> None:
    page = alice_client.get("/exercises/bird_dog/").content.decode()
    assert "How to do it" in page
    assert "Remember" in page
    assert "How much" in page


def test_an_unknown_exercise_is_a_friendly_404(alice_client: Client) -> None:
    response = alice_client.get("/exercises/no_such_thing/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_a_whole_guided_session_is_logged(
    alice: User, alice_client: Client, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    with_program(alice)
    response = alice_client.post(
        "/session/morning/start/",
        {"pain_leg": "5", "pain_back": "3", "extent": "thigh"},
    )
    log = SessionLog.objects.get(user=alice)
    assert response["Location"] == f"/session/{log.pk}/"
    page = alice_client.get(f"/session/{log.pk}/").content.decode()
    assert "Exercise 1 of" in page
    assert "Read out cues" in page
    items = [i["exercise"] for i in log.plan.answer["sessions"][0]["items"]]
    # The session row, the user, the log, the plan's exercises (then cached), and the UPDATE in
    # its own short transaction (here a savepoint and its release).
    with django_assert_max_num_queries(7):
        response = alice_client.post(
            f"/session/{log.pk}/progress/", {"step": "2", "done": items[:2]}
        )
    assert response.status_code == 204
    response = alice_client.post(
        f"/session/{log.pk}/finish/",
        {"pain_leg": "4", "pain_back": "2", "extent": "thigh"},
    )
    assert response["Location"] == f"/session/{log.pk}/done/"
    log.refresh_from_db()
    assert log.done
    assert log.ending == "finished"
    assert log.exercises_done == items[:2]
    assert "Well done" in alice_client.get(f"/session/{log.pk}/done/").content.decode()
    assert "Done" in alice_client.get("/today/").content.decode()


def test_stopping_because_it_spreads_gives_the_right_advice(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    alice_client.post(
        "/session/evening/start/", {"pain_leg": "5", "pain_back": "3", "extent": "thigh"}
    )
    log = SessionLog.objects.get(user=alice)
    assert (
        "symptoms spread"
        in alice_client.get(f"/session/{log.pk}/finish/?spreading=1").content.decode()
    )
    alice_client.post(
        f"/session/{log.pk}/finish/",
        {"pain_leg": "6", "pain_back": "3", "extent": "thigh", "spreading": "True"},
    )
    page = alice_client.get(f"/session/{log.pk}/done/").content.decode()
    assert advice.STOP_IF_SPREADING in page


def test_a_red_flag_after_a_session_shows_the_stop_screen(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    alice_client.post(
        "/session/morning/start/", {"pain_leg": "5", "pain_back": "3", "extent": "thigh"}
    )
    log = SessionLog.objects.get(user=alice)
    alice_client.post(
        f"/session/{log.pk}/finish/",
        {"pain_leg": "6", "pain_back": "3", "extent": "thigh", "red_flags": ["bowel_change"]},
    )
    page = alice_client.get(f"/session/{log.pk}/done/").content.decode()
    assert "Go to an emergency department now" in page


def test_an_unknown_slot_is_404(alice: User, alice_client: Client) -> None:
    with_program(alice)
    assert alice_client.get("/session/midnight/start/").status_code == 404


def test_the_review_is_prompted_once_a_week(alice: User, alice_client: Client) -> None:
    with time_machine.travel(dt.date(2026, 10, 1)):
        with_program(alice)
        assert "time for your weekly review" not in alice_client.get("/today/").content.decode()
    with time_machine.travel(dt.date(2026, 10, 8)):
        assert "time for your weekly review" in alice_client.get("/today/").content.decode()
        response = alice_client.post("/review/")
        assert response.status_code == 302
        page = alice_client.get(response["Location"]).content.decode()
        assert "Why" in page
        assert "Sessions done" in page
        assert "time for your weekly review" not in alice_client.get("/today/").content.decode()


def test_the_review_page_lists_every_plan_by_date_but_keeps_the_engine_version_to_itself(
    alice: User, alice_client: Client
) -> None:
    with time_machine.travel(dt.datetime(2025, 12, 30, 9, tzinfo=dt.UTC)):
        with_program(alice)
    with time_machine.travel(dt.datetime(2026, 11, 28, 9, tzinfo=dt.UTC)):
        with_program(alice, pain={"leg": 8})
        page = alice_client.get("/review/").content.decode()
    versions = set(Plan.objects.filter(user=alice).values_list("engine_version", flat=True))
    assert versions == {engine.ENGINE_VERSION}  # stored with every plan
    assert engine.ENGINE_VERSION not in page
    assert "Engine" not in page
    assert "<td>28 November</td>" in page  # this year: no year, as elsewhere in the app
    assert "<td>30 December 2025</td>" in page  # last year's plan says which year
    assert "Program started on 30 December 2025." in page
    assert "Nov. 28" not in page


def test_a_review_names_its_week_as_the_app_writes_dates(alice: User, alice_client: Client) -> None:
    with time_machine.travel(dt.datetime(2026, 10, 1, 9, tzinfo=dt.UTC)):
        with_program(alice)
    with time_machine.travel(dt.datetime(2026, 10, 8, 9, tzinfo=dt.UTC)):
        detail = alice_client.get(alice_client.post("/review/")["Location"]).content.decode()
        review = alice_client.get("/review/").content.decode()
    assert "The week from 2 October to 8 October." in detail  # seven days up to the review
    assert ">8 October: " in review  # the last review, linked


def test_the_self_check_explains_each_test_and_shows_findings(
    alice: User, alice_client: Client
) -> None:
    with_program(alice, symptoms={"extent": "thigh"}, directional_preference="extension")
    page = alice_client.get("/assessment/").content.decode()
    assert page.count('class="card self-test"') == 7
    assert "data-stopwatch" in page
    response = alice_client.post(
        "/assessment/", {"trunk_flexor_s": "120", "trunk_extensor_s": "60"}
    )
    assert "back muscles usually last at least as long" in response.content.decode()


def test_a_refused_self_check_value_is_marked(alice: User, alice_client: Client) -> None:
    with_program(alice)
    response = alice_client.post("/assessment/", {"trunk_flexor_s": "5000"})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()


@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/accounts/signup/"])
def test_pages_carry_a_strict_content_security_policy(client: Client, db: None, url: str) -> None:
    policy = client.get(url)["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_today_is_never_stale_after_a_session_changes(alice: User, alice_client: Client) -> None:
    with_program(alice)
    assert "Start morning session" in alice_client.get("/today/").content.decode()
    alice_client.post(
        "/session/morning/start/", {"pain_leg": "5", "pain_back": "3", "extent": "thigh"}
    )
    assert "Carry on" in alice_client.get("/today/").content.decode()
    log = SessionLog.objects.get(user=alice)
    alice_client.post(
        f"/session/{log.pk}/finish/", {"pain_leg": "4", "pain_back": "3", "extent": "thigh"}
    )
    page = alice_client.get("/today/").content.decode()
    assert "See how it went" in page
    assert "Start morning session" not in page


def test_a_failed_csrf_check_gets_the_friendly_page(alice: User) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(alice)
    response = strict.post("/intake/", intake_form())
    assert response.status_code == 403
    assert "That did not work" in response.content.decode()


def test_reopening_a_session_after_the_last_step_offers_to_finish(
    alice: User, alice_client: Client
) -> None:
    with_program(alice)
    alice_client.post(
        "/session/morning/start/", {"pain_leg": "5", "pain_back": "3", "extent": "thigh"}
    )
    log = SessionLog.objects.get(user=alice)
    steps = len(log.plan.answer["sessions"][0]["items"])
    alice_client.post(f"/session/{log.pk}/progress/", {"step": str(steps)})
    page = alice_client.get(f"/session/{log.pk}/").content.decode()
    assert f'data-start-step="{steps}"' in page
    assert page.count("hidden aria-labelledby") == steps


def test_asking_for_a_review_without_a_program_goes_back_to_today(
    alice: User, alice_client: Client
) -> None:
    with_program(alice, diagnoses=[])
    assert alice_client.post("/review/")["Location"] == "/today/"
    assert (
        "The review starts once your program has started"
        in alice_client.get("/review/").content.decode()
    )


def test_a_pregnancy_for_a_man_is_refused_on_its_field(alice_client: Client) -> None:
    response = alice_client.post(
        "/intake/", intake_form(pregnancy_status="pregnant", sex="male", pregnancy_weeks="10")
    )
    assert response.status_code == 400
    assert "must be null when sex is male" in response.content.decode()


def test_a_stored_today_page_is_never_served_to_someone_else(
    alice: User, bob: User, alice_client: Client, bob_client: Client
) -> None:
    with_program(
        alice, diagnoses=[{"condition": "spinal_stenosis", "confirmed_by_clinician": True}]
    )
    with_program(bob)
    assert "spinal_stenosis" in alice_client.get("/today/").content.decode()
    assert "spinal_stenosis" in alice_client.get("/today/").content.decode()  # the stored copy
    assert "spinal_stenosis" not in bob_client.get("/today/").content.decode()


def test_a_review_is_not_offered_before_a_week_of_sessions(
    alice: User, alice_client: Client
) -> None:
    """Two days of sessions are natural ups and downs, not a week to judge."""
    with time_machine.travel(dt.datetime(2026, 10, 1, 9, tzinfo=dt.UTC)):
        with_program(alice)
    with time_machine.travel(dt.datetime(2026, 10, 3, 9, tzinfo=dt.UTC)):
        page = alice_client.get("/review/").content.decode()
        assert "Review my week now" not in page
        assert "Your next review is on 8 October" in page
        assert alice_client.post("/review/")["Location"] == "/review/"
    assert selectors.review_latest(user=alice) is None


def test_a_pregnancy_moves_on_a_week_at_a_time_and_the_plan_follows(
    alice: User, alice_client: Client
) -> None:
    with time_machine.travel(dt.datetime(2026, 10, 1, 9, tzinfo=dt.UTC)):
        with_program(
            alice,
            pregnancy_weeks=19,
            diagnoses=[{"condition": "pregnancy_related", "confirmed_by_clinician": True}],
        )
        plan = selectors.plan_current(user=alice)
        assert plan is not None
        first = {i["exercise"] for s in plan.answer["sessions"] for i in s["items"]}
    with time_machine.travel(dt.datetime(2026, 10, 9, 9, tzinfo=dt.UTC)):
        alice_client.get("/today/")
    profile = selectors.profile_get(user=alice)
    assert profile is not None
    assert profile.data["pregnancy_weeks"] == 20
    assert profile.weeks_counted_on == dt.date(2026, 10, 8)
    plan = selectors.plan_current(user=alice)
    assert plan is not None
    from sciatica_coach.engine.catalog import load_catalog

    positions = {
        load_catalog()[i["exercise"]].position for s in plan.answer["sessions"] for i in s["items"]
    }
    assert "supine" not in positions  # 20 weeks: no lying flat on the back
    assert first != {i["exercise"] for s in plan.answer["sessions"] for i in s["items"]}


def test_six_weeks_after_a_birth_the_rules_for_after_the_birth_end(alice: User) -> None:
    from sciatica_coach.program import services

    with time_machine.travel(dt.datetime(2026, 10, 1, 9, tzinfo=dt.UTC)):
        with_program(alice, weeks_since_birth=5)
    with time_machine.travel(dt.datetime(2026, 10, 15, 9, tzinfo=dt.UTC)):
        profile = services.profile_age(user=alice)
    assert profile is not None
    assert profile.data["weeks_since_birth"] is None
    assert profile.weeks_counted_on is None


def test_another_change_to_the_profile_keeps_counting_the_pregnancy_from_when_it_was_given(
    alice: User,
) -> None:
    from sciatica_coach.program import services

    with time_machine.travel(dt.datetime(2026, 10, 1, 9, tzinfo=dt.UTC)):
        with_program(alice, pregnancy_weeks=10)
    with time_machine.travel(dt.datetime(2026, 10, 4, 9, tzinfo=dt.UTC)):
        services.assessment_save(user=alice, assessment={"thomas_test": "positive_left"})
    profile = selectors.profile_get(user=alice)
    assert profile is not None
    assert profile.weeks_counted_on == dt.date(2026, 10, 1)


def test_the_weekly_review_asks_how_far_the_person_can_walk_now(
    alice: User, alice_client: Client
) -> None:
    with time_machine.travel(dt.datetime(2026, 10, 1, 9, tzinfo=dt.UTC)):
        with_program(alice, walking_tolerance_min=20)
    with time_machine.travel(dt.datetime(2026, 10, 8, 9, tzinfo=dt.UTC)):
        page = alice_client.get("/review/").content.decode()
        assert 'name="walking_tolerance_min" value="20"' in page
        bad = alice_client.post("/review/", {"walking_tolerance_min": "400"})
        assert bad.status_code == 400
        assert "400 is not between 0 and 180" in bad.content.decode()
        assert selectors.review_latest(user=alice) is None  # nothing stored
        alice_client.post("/review/", {"walking_tolerance_min": "5"})
    review = selectors.review_latest(user=alice)
    assert review is not None
    assert review.answer["plan"]["daily_activity"]["minutes"] == 4  # 80 % of 5
    profile = selectors.profile_get(user=alice)
    assert profile is not None
    assert profile.data["walking_tolerance_min"] == 5


def test_a_pregnancy_week_on_keeps_the_plan_when_nothing_in_it_is_ruled_out(alice: User) -> None:
    from sciatica_coach.program import services

    with time_machine.travel(dt.datetime(2026, 10, 1, 9, tzinfo=dt.UTC)):
        with_program(alice, pregnancy_weeks=14)
        plan = selectors.plan_current(user=alice)
    with time_machine.travel(dt.datetime(2026, 10, 9, 9, tzinfo=dt.UTC)):
        services.profile_age(user=alice)
    profile = selectors.profile_get(user=alice)
    assert profile is not None
    assert profile.data["pregnancy_weeks"] == 15
    assert selectors.plan_current(user=alice) == plan  # progress is kept


def test_a_stored_today_page_changes_whenever_the_profile_does(
    alice: User, alice_client: Client
) -> None:
    """The version stamp, not a new plan, says a stored page is stale: a clearance recorded
    without a new plan still shows."""
    from sciatica_coach.program.models import Profile

    with_program(alice)
    first = alice_client.get("/today/").content.decode()
    profile = Profile.objects.get(user=alice)
    version = profile.version
    profile.clearances = [{"flag": "cancer_history", "by": "self_reported", "on": "2026-11-01"}]
    profile.save(update_fields=["clearances"])
    assert Profile.objects.get(user=alice).version == version + 1
    again = alice_client.get("/today/").content.decode()
    assert "Marked as checked by a doctor" in again
    assert "Marked as checked by a doctor" not in first
