"""Data stored before the contract revision of 2026-11-28 follows it after ``migrate``."""

from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("program", "0003_revised_contract"), ("auth", "0012_alter_user_first_name_max_length")]


def latest() -> list[tuple[str, str]]:
    executor = MigrationExecutor(connection)
    return list(executor.loader.graph.leaf_nodes())


# A profile as the engine of 2026-11-22 stored it: none of the revision's fields.
OLD_PROFILE: dict[str, Any] = {
    "contract": "sciatica-coach/1",
    "age": 46,
    "sex": "female",
    "pregnancy_weeks": None,
    "symptoms": {
        "leg_side": "left",
        "extent": "below_knee",
        "pins_and_needles": True,
        "numbness": False,
        "weakness": False,
        "onset_days": 20,
    },
    "red_flags": [],
    "diagnoses": [{"condition": "disc_herniation", "confirmed_by_clinician": True}],
    "cleared_red_flags": [],
    "pain": {"leg": 5, "back": 3},
    "assessment": {},
    "equipment": ["towel"],
    "avoid_exercises": [],
}
# Its plan then: forward and backward bending in one plan, the elbows before lying face down.
OLD_PLAN: dict[str, Any] = {
    "contract": "sciatica-coach/1",
    "engine_version": "0.1.0",
    "urgency": "self_care",
    "phase": "recovery",
    "variant_step": 0,
    "sessions_per_day": 2,
    "sessions": [
        {
            "slot": slot,
            "seconds": 600,
            "items": [
                {"exercise": e, "kind": "stretch", "sets": 1, "reps": 3, "hold_s": 20}
                for e in ("prone_on_elbows", "double_knee_to_chest", "curl_up")
            ],
        }
        for slot in ("morning", "evening")
    ],
    "excluded": [],
    "advice": ["Stopping the exercises is how sciatica most often comes back."],
    "reasons": [],
    "red_flags": [],
    "findings": [],
}


def migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def stored_before(apps: Any, username: str, data: dict[str, Any]) -> int:
    user = apps.get_model("auth", "User").objects.create(username=username)
    plan = apps.get_model("program", "Plan").objects.create(
        user=user, created_on="2026-11-22", engine_version="0.1.0", source="intake", answer=OLD_PLAN
    )
    apps.get_model("program", "Profile").objects.create(
        user=user,
        data=data,
        triage={"urgency": "self_care"},
        plan=plan,
        started_on="2026-11-22",
        baseline_leg=5,
        baseline_back=3,
    )
    return int(user.pk)


@pytest.fixture
def old_data(transactional_db: None) -> Any:
    apps = migrate(BEFORE)
    yield apps
    migrate(latest())  # leave the database as every other test expects it


def profile_after(user_id: int) -> Any:
    from sciatica_coach.program.models import Profile

    return Profile.objects.select_related("plan").get(user_id=user_id)


def test_a_profile_stored_before_the_revision_gets_the_new_fields_a_new_triage_and_plan(
    old_data: Any,
) -> None:
    from sciatica_coach.engine.catalog import load_catalog

    user_id = stored_before(old_data, "olga", OLD_PROFILE)
    migrate(latest())
    profile = profile_after(user_id)
    assert profile.data["directional_preference"] == "unknown"
    assert profile.data["avoid_directions"] == []
    assert profile.data["floor_ok"] is True
    assert profile.data["walking_tolerance_min"] is None
    assert profile.data["symptoms"]["both_legs_days"] is None
    assert profile.triage["urgency"] == "self_care"
    assert "go_to" in profile.triage
    plan = profile.plan.answer
    assert profile.plan.source == "revision"
    catalog = load_catalog()
    directional = {
        catalog[i["exercise"]].direction
        for s in plan["sessions"]
        for i in s["items"]
        if catalog[i["exercise"]].direction != "neutral"
    }
    assert directional == {"extension"}  # one direction: the gentle trial
    ids = {i["exercise"] for s in plan["sessions"] for i in s["items"]}
    assert "prone_lying" in ids
    assert not {"prone_on_elbows", "double_knee_to_chest", "curl_up"} & ids
    assert plan["daily_activity"]["minutes"] == 10
    assert str(profile.started_on) == "2026-11-22"  # the program's start is kept


def test_someone_over_65_stored_before_the_revision_gets_a_plan_off_the_floor(
    old_data: Any,
) -> None:
    from sciatica_coach.engine.catalog import load_catalog

    user_id = stored_before(old_data, "ron", {**OLD_PROFILE, "age": 78})
    migrate(latest())
    profile = profile_after(user_id)
    assert profile.data["floor_ok"] is False
    catalog = load_catalog()
    positions = {
        catalog[i["exercise"]].position for s in profile.plan.answer["sessions"] for i in s["items"]
    }
    assert positions <= {"sitting", "standing"}


def test_a_cancer_history_stored_before_the_revision_now_stops_the_program_today(
    old_data: Any,
) -> None:
    user_id = stored_before(old_data, "cara", {**OLD_PROFILE, "red_flags": ["cancer_history"]})
    migrate(latest())
    profile = profile_after(user_id)
    assert profile.triage["urgency"] == "urgent"
    assert profile.plan.answer["sessions"] is None
    assert profile.plan.answer["go_to"] == ["same_day_doctor"]


def test_every_model_change_has_its_migration(db: None) -> None:
    # A model changed without its migration would leave every stored database behind.
    try:
        call_command("makemigrations", "--check", "--dry-run", verbosity=0)
    except SystemExit as missing:
        pytest.fail(f"a model change has no migration (makemigrations --check: {missing})")
