"""The service layer: load, ask the engine, save. Also run against PostgreSQL (see Makefile)."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import User

from sciatica_coach import engine
from sciatica_coach.program import selectors, services
from sciatica_coach.program.models import Plan, Profile, Review, SessionLog
from tests import factories
from tests.integration.web.conftest import with_program

pytestmark = pytest.mark.django_db


def test_profile_update_stores_the_triage_and_makes_a_plan(alice: User) -> None:
    profile = with_program(alice)
    assert profile.triage["urgency"] == "self_care"
    plan = selectors.plan_current(user=alice)
    assert plan is not None
    assert plan.is_program
    assert plan.engine_version == engine.ENGINE_VERSION


def test_profile_update_refuses_a_bad_profile_and_saves_nothing(alice: User) -> None:
    with pytest.raises(engine.RefusedInput) as refused:
        services.profile_update(user=alice, data=factories.profile(pain={"leg": 11}))
    assert refused.value.field == "profile.pain.leg"
    assert not Profile.objects.exists()
    assert not Plan.objects.exists()


def test_a_red_flag_gives_no_program_and_the_engines_advice(alice: User) -> None:
    with_program(alice, red_flags=["saddle_numbness"])
    plan = selectors.plan_current(user=alice)
    assert plan is not None
    assert not plan.is_program
    assert plan.answer["urgency"] == "emergency"
    assert plan.answer["advice"]


@time_machine.travel(dt.date(2026, 10, 1))
def test_the_first_program_plan_sets_the_start_date_and_pain_baseline(alice: User) -> None:
    with_program(alice, diagnoses=[])  # no confirmed cause yet: no program, no start
    assert Profile.objects.get(user=alice).started_on is None
    profile = with_program(alice, pain={"leg": 6, "back": 2})
    assert profile.started_on == dt.date(2026, 10, 1)
    assert (profile.baseline_leg, profile.baseline_back) == (6, 2)


def test_every_profile_edit_keeps_the_old_plans(alice: User) -> None:
    with_program(alice)
    with_program(alice, pain={"leg": 8})
    assert Plan.objects.filter(user=alice).count() == 2
    assert selectors.plan_current(user=alice).answer["phase"] == "relief"  # type: ignore[union-attr]


def start(user: User, **changes: object) -> SessionLog:
    args: dict[str, object] = {
        "slot": "morning",
        "pain_leg": 5,
        "pain_back": 3,
        "extent": "thigh",
        "red_flags": [],
    }
    args.update(changes)
    return services.session_start(user=user, **args)  # type: ignore[arg-type]


def test_a_red_flag_before_a_session_stops_the_program(alice: User) -> None:
    with_program(alice)
    log = start(alice, red_flags=["bladder_change"])
    assert log.ending == SessionLog.Ending.RED_FLAG
    assert "bladder_change" in Profile.objects.get(user=alice).data["red_flags"]
    assert not selectors.plan_current(user=alice).is_program  # type: ignore[union-attr]


def test_progress_keeps_only_exercises_of_the_session(alice: User) -> None:
    with_program(alice)
    log = start(alice)
    first = log.plan.answer["sessions"][0]["items"][0]["exercise"]
    services.session_progress(user=alice, log_id=log.pk, step=1, exercises_done=[first, "nope"])
    log.refresh_from_db()
    assert log.exercises_done == [first]
    assert log.done
    assert log.step == 1


def test_a_late_beacon_does_not_reopen_a_finished_session(alice: User) -> None:
    with_program(alice)
    log = start(alice)
    services.session_log(
        user=alice, log_id=log.pk, pain_leg=4, pain_back=3, extent="thigh", red_flags=[]
    )
    services.session_progress(user=alice, log_id=log.pk, step=5, exercises_done=["bird_dog"])
    log.refresh_from_db()
    assert log.ending == SessionLog.Ending.FINISHED
    assert log.step == 0


def test_symptoms_reaching_further_down_end_the_session_as_spreading(alice: User) -> None:
    with_program(alice)
    log = start(alice, extent="thigh")
    log = services.session_log(
        user=alice, log_id=log.pk, pain_leg=6, pain_back=3, extent="foot", red_flags=[]
    )
    assert log.ending == SessionLog.Ending.SPREADING
    assert log.to_engine()["extent_after"] == "foot"


def test_assessment_results_are_stored_and_explained_by_the_engine(alice: User) -> None:
    with_program(alice)
    profile, findings = services.assessment_save(
        user=alice, assessment={"trunk_flexor_s": 120, "trunk_extensor_s": 60}
    )
    assert profile.data["assessment"]["trunk_flexor_s"] == 120
    assert [f["id"] for f in findings] == ["flexor_extensor_ratio_high"]
    assert selectors.plan_current(user=alice).source == Plan.Source.ASSESSMENT  # type: ignore[union-attr]


def test_the_weekly_review_replaces_the_plan_and_keeps_the_old_one(alice: User) -> None:
    with time_machine.travel(dt.date(2026, 10, 1)):
        with_program(alice, pain={"leg": 6, "back": 3})
    first = selectors.plan_current(user=alice)
    assert first is not None
    for day in range(1, 8):
        for slot in ("morning", "evening"):
            with time_machine.travel(dt.date(2026, 10, 1) + dt.timedelta(days=day)):
                log = start(alice, slot=slot, pain_leg=3, pain_back=2)
                services.session_progress(
                    user=alice,
                    log_id=log.pk,
                    step=1,
                    exercises_done=[log.plan.answer["sessions"][0]["items"][0]["exercise"]],
                )
                services.session_log(
                    user=alice,
                    log_id=log.pk,
                    pain_leg=3,
                    pain_back=2,
                    extent="thigh",
                    red_flags=[],
                )
    review = services.review_week(user=alice, today=dt.date(2026, 10, 9))
    assert review.answer["decision"] == "progress"
    assert review.plan is not None
    assert review.plan.source == Plan.Source.REVIEW
    assert selectors.plan_current(user=alice) == review.plan
    assert Plan.objects.filter(pk=first.pk).exists()
    assert Review.objects.filter(user=alice).count() == 1


def test_a_session_that_spreads_the_symptoms_is_reviewed_at_once(alice: User) -> None:
    """Review rule 2: the app asks for the review as soon as a session spreads the symptoms, so
    the trial that did it is out of the plan before the next session."""
    with time_machine.travel(dt.date(2026, 10, 1)):
        with_program(alice)
    plan = selectors.plan_current(user=alice)
    assert plan is not None
    trial = next(i["exercise"] for i in plan.answer["sessions"][0]["items"] if i["trial"])
    with time_machine.travel(dt.date(2026, 10, 2)):
        log = start(alice, extent="thigh")
        services.session_progress(user=alice, log_id=log.pk, step=1, exercises_done=[trial])
        services.session_log(
            user=alice, log_id=log.pk, pain_leg=5, pain_back=3, extent="below_knee", red_flags=[]
        )
    review = selectors.review_latest(user=alice)
    assert review is not None
    assert (review.date, review.answer["decision"]) == (dt.date(2026, 10, 2), "regress")
    assert review.answer["avoid_directions_added"] == ["extension"]
    profile = Profile.objects.get(user=alice)
    assert profile.data["avoid_directions"] == ["extension"]
    new_plan = selectors.plan_current(user=alice)
    assert new_plan is not None
    assert new_plan.source == "review"
    assert not any(i["trial"] for s in new_plan.answer["sessions"] for i in s["items"])
    # The weekly review a week on counts that session but does not judge its spreading again.
    assert SessionLog.objects.get(pk=log.pk).reviewed is True
    with time_machine.travel(dt.date(2026, 10, 9)):
        weekly = services.review_week(user=alice)
    assert weekly.answer["decision"] != "regress"
    assert "peripheralisation" not in [r["id"] for r in weekly.answer["reasons"]]


def test_an_exercise_singled_out_by_the_review_is_added_to_the_profile(alice: User) -> None:
    with time_machine.travel(dt.date(2026, 10, 1)):
        with_program(alice, directional_preference="none")
    plan = selectors.plan_current(user=alice)
    assert plan is not None
    morning = [i["exercise"] for i in plan.answer["sessions"][0]["items"]]
    suspect = morning[0]
    for day in (2, 3):
        with time_machine.travel(dt.date(2026, 10, day)):
            calm = start(alice, extent="thigh", slot="evening")
            services.session_progress(
                user=alice, log_id=calm.pk, step=1, exercises_done=morning[1:]
            )
            services.session_log(
                user=alice, log_id=calm.pk, pain_leg=5, pain_back=3, extent="thigh", red_flags=[]
            )
    with time_machine.travel(dt.date(2026, 10, 4)):
        log = start(alice, extent="thigh")
        services.session_progress(user=alice, log_id=log.pk, step=1, exercises_done=morning)
        services.session_log(
            user=alice, log_id=log.pk, pain_leg=5, pain_back=3, extent="below_knee", red_flags=[]
        )
    review = selectors.review_latest(user=alice)
    assert review is not None
    assert suspect in review.answer["avoid_exercises_added"]
    assert suspect in Profile.objects.get(user=alice).data["avoid_exercises"]


def test_review_without_a_program_is_refused(alice: User) -> None:
    with_program(alice, red_flags=["saddle_numbness"])
    with pytest.raises(services.NoProgram):
        services.review_week(user=alice)


def test_a_session_never_starts_on_someone_elses_plan(alice: User, bob: User) -> None:
    with_program(alice)
    with_program(bob)
    bobs = selectors.plan_current(user=bob)
    log = services.session_start(
        user=alice, slot="morning", pain_leg=4, pain_back=2, extent="thigh", red_flags=[], plan=bobs
    )
    assert log.plan.user_id == alice.pk
