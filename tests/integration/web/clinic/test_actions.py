"""Every clinical action, named after its rule: the engine ran again (a new plan, made by the
program's own rules), the patient sees who did it and what, and the audit log has it."""

from typing import Any

import pytest
from django.contrib.auth.models import User

from sciatica_coach.clinic.models import AuditEvent, Template
from sciatica_coach.engine.vocabulary import RED_FLAGS
from sciatica_coach.program import selectors as program_selectors
from sciatica_coach.program.models import Plan
from tests import factories
from tests.integration.web.clinic.conftest import Personas
from tests.integration.web.conftest import with_program

R = "/clinic/riverside-physio"
BY = "Carol Hughes, Riverside Physio"


def act(people: Personas, patient: User, kind: str, data: dict[str, Any]) -> Any:
    return people.client("carol").post(f"{R}/patients/{patient.pk}/act/{kind}/", data)


def current(patient: User) -> Plan:
    plan = program_selectors.plan_current(user=patient)
    assert plan is not None
    return plan


def items(plan: Plan) -> set[str]:
    return {i["exercise"] for s in plan.answer["sessions"] or [] for i in s["items"]}


def assert_done(people: Personas, patient: User, before: int, note: str, what: str) -> Plan:
    """The engine ran again, the patient sees it on Today, and the audit log has it."""
    plan = current(patient)
    assert plan.pk > before, "the engine made a new plan"
    assert plan.source == Plan.Source.CLINICIAN
    assert plan.changed_by == BY
    assert note in plan.change_note
    client = people.client(patient.username)
    today = client.get("/today/").content.decode()
    if plan.is_program:
        assert BY in today
        assert note in today
    assert note in client.get("/clinic/mine/").content.decode()
    event = AuditEvent.objects.filter(user=patient, action="write", what=what).get()
    assert event.actor == people.carol
    assert event.clinic == people.riverside
    assert event.address == "127.0.0.1"
    return plan


def test_confirming_the_cause_makes_the_plan_the_patient_was_waiting_for(
    people: Personas,
) -> None:
    with_program(people.alice, diagnoses=factories.diagnosed("disc_herniation", confirmed=False))
    before = current(people.alice)
    assert not before.is_program
    response = act(people, people.alice, "diagnosis", {"conditions": ["disc_herniation"]})
    assert response.status_code == 302
    plan = assert_done(people, people.alice, before.pk, "Confirmed the cause", "diagnosis")
    assert plan.is_program
    assert "Start morning session" in people.client("alice").get("/today/").content.decode()


def test_changing_the_cause_to_stenosis_takes_every_backward_bend_out(people: Personas) -> None:
    before = current(people.alice)
    act(people, people.alice, "diagnosis", {"conditions": ["spinal_stenosis"]})
    plan = assert_done(people, people.alice, before.pk, "Changed the cause", "diagnosis")
    excluded = {e["exercise"] for e in plan.answer["excluded"]}
    assert "prone_lying" in excluded
    assert "prone_lying" not in items(plan)


def test_clearing_a_clearable_flag_after_assessment_lets_the_program_start(
    people: Personas,
) -> None:
    with_program(people.alice, red_flags=["constant_night_pain"])
    before = current(people.alice)
    assert not before.is_program
    response = act(
        people,
        people.alice,
        "flag",
        {"flag": "constant_night_pain", "assessment": "Mechanical pain, eases with movement."},
    )
    assert response.status_code == 302
    plan = assert_done(people, people.alice, before.pk, "Assessed and cleared", "red_flag_cleared")
    assert plan.is_program
    profile = program_selectors.profile_get(user=people.alice)
    assert profile is not None
    assert profile.clearances[0]["by"] == BY


def test_a_flag_that_is_not_clearable_is_refused_with_where_it_must_go(people: Personas) -> None:
    with_program(people.alice, red_flags=["saddle_numbness"])
    before = current(people.alice)
    response = act(people, people.alice, "flag", {"flag": "saddle_numbness", "assessment": "ok"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "cannot be cleared here" in page
    assert RED_FLAGS["saddle_numbness"].text in page
    assert current(people.alice).pk == before.pk
    assert not AuditEvent.objects.filter(user=people.alice, action="write").exists()


def test_a_sign_the_patient_does_not_report_cannot_be_cleared_ahead(people: Personas) -> None:
    response = act(
        people, people.alice, "flag", {"flag": "cancer_history", "assessment": "In remission."}
    )
    assert response.status_code == 400
    assert "does not report this sign now" in response.content.decode()


def test_setting_the_directional_preference_gives_a_plan_that_bends_that_way(
    people: Personas,
) -> None:
    before = current(people.alice)
    act(people, people.alice, "preference", {"preference": "flexion"})
    plan = assert_done(
        people,
        people.alice,
        before.pk,
        "directional preference to flexion",
        "directional_preference",
    )
    assert "single_knee_to_chest" in items(plan)
    assert not any(i.get("trial") for s in plan.answer["sessions"] for i in s["items"])


def test_avoiding_directions_takes_their_exercises_out(people: Personas) -> None:
    before = current(people.alice)
    act(
        people,
        people.alice,
        "preference",
        {"preference": "unknown", "avoid_directions": ["extension"]},
    )
    plan = assert_done(
        people, people.alice, before.pk, "avoid: extension", "directional_preference"
    )
    assert "prone_lying" not in items(plan)


def test_an_exercise_put_on_the_avoid_list_leaves_the_plan(people: Personas) -> None:
    before = current(people.alice)
    taken = sorted(items(before))[0]
    act(people, people.alice, "avoid", {"exercise": taken, "avoid": "yes"})
    plan = assert_done(people, people.alice, before.pk, "Asked you to avoid", "avoid_exercises")
    assert taken not in items(plan)
    assert taken in {e["exercise"] for e in plan.answer["excluded"]}


def test_an_exercise_taken_off_the_avoid_list_after_assessment_may_come_back(
    people: Personas,
) -> None:
    with_program(people.alice, avoid_exercises=["pelvic_tilt"])
    before = current(people.alice)
    act(people, people.alice, "avoid", {"exercise": "pelvic_tilt", "avoid": "no"})
    assert_done(people, people.alice, before.pk, "Allowed again", "avoid_exercises")
    profile = program_selectors.profile_get(user=people.alice)
    assert profile is not None
    assert profile.data["avoid_exercises"] == []


def test_adding_an_exercise_puts_it_in_the_plan_at_the_clinicians_dose(people: Personas) -> None:
    before = current(people.alice)
    act(people, people.alice, "plan", {"op": "add", "exercise": "clamshell", "reps": "12"})
    plan = assert_done(people, people.alice, before.pk, "Added clamshell", "plan_add")
    clamshells = [
        i for s in plan.answer["sessions"] for i in s["items"] if i["exercise"] == "clamshell"
    ]
    assert clamshells
    assert {i["reps"] for i in clamshells} == {12}


def test_a_contraindicated_exercise_is_refused_with_the_engines_reason(people: Personas) -> None:
    with_program(
        people.alice,
        diagnoses=factories.diagnosed("spinal_stenosis"),
        directional_preference="flexion",
    )
    before = current(people.alice)
    response = act(
        people, people.alice, "plan", {"op": "add", "exercise": "prone_lying", "reps": "5"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "spinal_stenosis: avoids movements that arch the lower back" in page
    assert 'value="5"' in page  # the rest of what was typed is kept
    assert current(people.alice).pk == before.pk
    assert not AuditEvent.objects.filter(user=people.alice, action="write").exists()


def test_a_dose_out_of_range_marks_the_field_and_keeps_the_rest(people: Personas) -> None:
    response = act(
        people, people.alice, "plan", {"op": "dose", "exercise": "pelvic_tilt", "reps": "50"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'aria-invalid="true"' in page
    assert 'value="50"' in page


def test_changing_a_dose_changes_it_in_every_session(people: Personas) -> None:
    before = current(people.alice)
    exercise = next(i for i in before.answer["sessions"][0]["items"] if i["reps"] > 2)["exercise"]
    act(people, people.alice, "plan", {"op": "dose", "exercise": exercise, "reps": "2"})
    plan = assert_done(people, people.alice, before.pk, "Changed the dose", "plan_dose")
    doses = {
        i["reps"] for s in plan.answer["sessions"] for i in s["items"] if i["exercise"] == exercise
    }
    assert doses == {2}


def test_taking_an_exercise_out_keeps_it_out_with_who_took_it_out(people: Personas) -> None:
    before = current(people.alice)
    taken = (
        "lower_trunk_rotation"
        if "lower_trunk_rotation" in items(before)
        else sorted(items(before))[-1]
    )
    act(people, people.alice, "plan", {"op": "remove", "exercise": taken})
    plan = assert_done(people, people.alice, before.pk, "out of your plan", "plan_remove")
    assert taken not in items(plan)
    reasons = {e["exercise"]: e["reasons"] for e in plan.answer["excluded"]}
    assert any("your clinician took it out" in r for r in reasons[taken])
    # The patient's own intake change keeps what the clinician asked of the plan.
    profile = program_selectors.profile_get(user=people.alice)
    assert profile is not None
    assert taken in profile.data["clinician_plan"]["remove"]


def test_marking_a_recommended_review_as_seen_tells_the_patient_and_clears_the_dashboard(
    people: Personas,
) -> None:
    # Stenosis with forward bending avoided: the plan cannot keep rule 4's flexion item, which
    # the engine says calls for a clinician.
    with_program(
        people.alice,
        diagnoses=factories.diagnosed("spinal_stenosis"),
        avoid_directions=["flexion"],
    )
    summary = program_selectors.summary_get(user=people.alice)
    assert summary is not None
    assert summary.review_ref.startswith("unmet:")
    dashboard = people.client("carol").get(f"{R}/?attention=review").content.decode()
    assert "Alice Archer" in dashboard
    before = current(people.alice)
    response = act(
        people, people.alice, "seen", {"ref": summary.review_ref, "note": "Seen; call booked."}
    )
    assert response.status_code == 302
    assert_done(people, people.alice, before.pk, "call booked", "review_seen")
    assert (
        "Alice Archer" not in people.client("carol").get(f"{R}/?attention=review").content.decode()
    )


def test_a_stale_review_reference_is_refused(people: Personas) -> None:
    response = act(people, people.alice, "seen", {"ref": "review:999", "note": "x"})
    assert response.status_code == 400
    assert "something newer came in" in response.content.decode()


def test_a_template_keeps_each_patients_own_safety_rules_and_says_what_was_left_out(
    people: Personas,
) -> None:
    with_program(people.alice, directional_preference="extension")
    with_program(people.bob, diagnoses=factories.diagnosed("spinal_stenosis"))
    act(people, people.alice, "template", {"name": "Extension start"})
    template = Template.objects.get(name="Extension start")
    assert "prone_lying" in {i["exercise"] for i in template.items}
    response = people.client("carol").post(
        f"{R}/templates/{template.pk}/", {"patients": [str(people.alice.pk), str(people.bob.pk)]}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "spinal_stenosis: avoids movements that arch the lower back" in page
    bobs = current(people.bob)
    assert "prone_lying" not in items(bobs)
    assert bobs.changed_by == BY
    assert AuditEvent.objects.filter(user=people.bob, what="template_assigned").exists()


def test_a_private_note_stays_in_the_clinic_and_a_shared_one_reaches_the_patient(
    people: Personas,
) -> None:
    act(people, people.alice, "note", {"text": "Private thought"})
    act(people, people.alice, "note", {"text": "Keep walking daily", "shared": "on"})
    mine = people.client("alice").get("/clinic/mine/").content.decode()
    assert "Keep walking daily" in mine
    assert "Private thought" not in mine
    assert AuditEvent.objects.filter(user=people.alice, what="note").count() == 2


@pytest.mark.parametrize("page", ["", "report.pdf"])
def test_reading_a_patients_records_is_audited_and_the_patient_can_read_it(
    people: Personas, page: str
) -> None:
    response = people.client("carol").get(f"{R}/patients/{people.alice.pk}/{page}")
    assert response.status_code == 200
    event = AuditEvent.objects.get(user=people.alice)
    assert event.what == ("consultation_report" if page else "patient_page")
    log = people.client("alice").get("/clinic/mine/log/").content.decode()
    assert "Carol Hughes" in log
    assert event.what in log


def test_todays_stored_page_is_not_served_after_a_clinicians_change(people: Personas) -> None:
    alice = people.client("alice")
    first = alice.get("/today/").content.decode()
    assert alice.get("/today/").content.decode() == first  # stored and served again
    act(people, people.alice, "preference", {"preference": "flexion"})
    after = alice.get("/today/").content.decode()
    assert BY in after
    assert BY not in first
