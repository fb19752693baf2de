"""Profiles and plans stored before the contract revision of 2026-11-28 follow it.

Each profile gets the revision's new fields with the contract's defaults, is triaged again (red
flags now carry their own levels: a cancer history or pain in both legs that was "within days"
may now stop the program today), and gets a new plan wherever the revised engine's plan would
differ from the stored one (one direction per plan, level 1 first, the daily walk...). The new
plan is marked as a program update so Today can say what happened and ask the new questions.

People aged 65 or more were never asked whether the floor is safe for them. Until they answer,
their plan stays off the floor: a plan of sitting and standing exercises is safe for everyone,
while getting down to the floor is not.
"""

import datetime as dt
from typing import Any

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

ASK_FLOOR_FROM_AGE = 65
# What decides whether two plans are the same plan for the person.
PLAN_SUBSTANCE = ("urgency", "phase", "sessions", "daily_activity", "checks_suggested", "unmet")


def revised(data: dict[str, Any]) -> dict[str, Any]:
    """The profile with the revision's fields, each with the contract's default."""
    symptoms = {"both_legs_days": None, **data["symptoms"]}
    new = {
        "weeks_since_birth": None,
        "directional_preference": "unknown",
        "avoid_directions": [],
        "floor_ok": data.get("age", 0) < ASK_FLOOR_FROM_AGE,
        "walking_tolerance_min": None,
    }
    return {**new, **data, "symptoms": symptoms}


def _substance(answer: dict[str, Any] | None) -> tuple[Any, ...]:
    answer = answer or {}
    return tuple(answer.get(key) for key in PLAN_SUBSTANCE)


def forwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    from sciatica_coach import engine

    profile_model = apps.get_model("program", "Profile")
    plan_model = apps.get_model("program", "Plan")
    today = dt.date.today()  # noqa: DTZ011 - a migration runs outside any request's time zone
    for profile in profile_model.objects.select_related("plan").iterator():
        data = revised(profile.data)
        try:
            triage = engine.triage(data)
            answer = engine.plan(data)
        except engine.RefusedInput as refusal:
            # Never expected (the revision only adds fields); a profile the engine refuses is
            # left as it was rather than stopping every other one from being updated.
            print(f"\n  profile of user {profile.user_id} left as it was: {refusal}")
            continue
        profile.data, profile.triage = data, triage
        fields = ["data", "triage"]
        if profile.plan is None or _substance(profile.plan.answer) != _substance(answer):
            profile.plan = plan_model.objects.create(
                user_id=profile.user_id,
                created_on=today,
                engine_version=answer["engine_version"],
                source="revision",
                answer=answer,
            )
            fields.append("plan")
            if answer["sessions"] is not None and profile.started_on is None:
                # The first day the engine allows the program (as services.plan_generate does).
                profile.started_on = today
                profile.baseline_leg, profile.baseline_back = (
                    data["pain"]["leg"],
                    data["pain"]["back"],
                )
                fields += ["started_on", "baseline_leg", "baseline_back"]
        profile.save(update_fields=fields)


class Migration(migrations.Migration):
    dependencies = [("program", "0003_revised_contract")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
