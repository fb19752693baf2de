"""Joining by invitation, running the clinic's staff and exports, and the clinician API."""

import datetime as dt
import json

import pytest
from django.test import Client
from django.utils import timezone

from sciatica_coach.api import tokens
from sciatica_coach.clinic import services
from sciatica_coach.clinic.models import AuditEvent, Invitation, Membership, Staff
from sciatica_coach.program import selectors as program_selectors
from tests.integration.web.clinic.conftest import Personas, actor_for, headers

R = "/clinic/riverside-physio"


def invite(people: Personas) -> Invitation:
    return services.invitation_create(clinic=people.riverside, by=people.carol)


def test_a_patient_joins_by_link_after_seeing_who_will_see_their_records(
    people: Personas,
) -> None:
    made = people.client("carol").post(f"{R}/invitations/", {"label": "Charlie C."})
    code = Invitation.objects.get().code
    assert code in made.content.decode()
    charlie = people.client("charlie")
    page = charlie.get(f"/clinic/join/{code}/").content.decode()
    assert "Riverside Physio invites you" in page
    assert "Carol Hughes" in page
    response = charlie.post("/clinic/join/", {"code": code, "confirm": "1"})
    assert response["Location"] == "/clinic/mine/"
    assert Membership.objects.filter(user=people.charlie, left_at__isnull=True).count() == 1
    assert "Charlie Cole" in people.client("carol").get(f"{R}/").content.decode()
    assert AuditEvent.objects.filter(user=people.charlie, action="join").exists()


def test_an_invitation_works_once(people: Personas) -> None:
    code = invite(people).code
    people.client("charlie").post("/clinic/join/", {"code": code, "confirm": "1"})
    again = people.client("bob").post("/clinic/join/", {"code": code, "confirm": "1"})
    assert again.status_code == 400
    assert "not valid" in again.content.decode()


def test_an_expired_or_stopped_invitation_is_refused(people: Personas) -> None:
    old = invite(people)
    Invitation.objects.filter(pk=old.pk).update(expires_at=timezone.now() - dt.timedelta(days=1))
    stopped = invite(people)
    people.client("carol").post(f"{R}/invitations/{stopped.pk}/revoke/")
    for code in (old.code, stopped.code):
        response = people.client("charlie").post("/clinic/join/", {"code": code})
        assert response.status_code == 400


def test_a_mistyped_code_marks_the_field_and_keeps_it(people: Personas) -> None:
    response = people.client("charlie").post("/clinic/join/", {"code": "NOPE1234"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'aria-invalid="true"' in page
    assert 'value="NOPE1234"' in page


def test_staff_cannot_join_their_own_clinic_as_a_patient(people: Personas) -> None:
    code = invite(people).code
    response = people.client("carol").post("/clinic/join/", {"code": code, "confirm": "1"})
    assert response.status_code == 400


def test_the_clinic_admin_adds_a_clinician_by_username_and_keeps_an_admin(
    people: Personas,
) -> None:
    erin = people.client("erin")
    erin.post(f"{R}/manage/", {"username": "dave", "role": "clinician"})
    assert Staff.objects.filter(clinic=people.riverside, user=people.dave).exists()
    assert "Alice Archer" in people.client("dave").get(f"{R}/").content.decode()
    unknown = erin.post(f"{R}/manage/", {"username": "nobody", "role": "clinician"})
    assert unknown.status_code == 400
    only_admin = Staff.objects.get(user=people.erin)
    erin.post(f"{R}/manage/staff/{only_admin.pk}/remove/")
    assert Staff.objects.filter(pk=only_admin.pk).exists()


def test_the_audit_export_lists_every_read_and_write_of_the_clinics_patients(
    people: Personas,
) -> None:
    carol = people.client("carol")
    carol.get(f"{R}/patients/{people.alice.pk}/")
    carol.post(f"{R}/patients/{people.alice.pk}/act/preference/", {"preference": "flexion"})
    rows = people.client("erin").get(f"{R}/audit.csv").content.decode().splitlines()
    assert rows[0] == "when,who,action,what,patient,detail,address,via"
    assert any(",Carol Hughes,read,patient_page,alice," in row for row in rows)
    assert any(",Carol Hughes,write,directional_preference,alice," in row for row in rows)


@pytest.fixture
def carols_key(people: Personas) -> str:
    _token, key = tokens.token_create(user=people.carol, name="clinic", scope="write")
    return key


def test_the_api_lists_patients_most_in_need_first_and_audits_each(
    people: Personas, carols_key: str
) -> None:
    from tests.integration.web.conftest import with_program

    with_program(people.bob, red_flags=["constant_night_pain"])
    listed = Client().get("/api/v1/patients", **headers(carols_key)).json()
    assert [p["username"] for p in listed] == ["bob", "alice"]
    assert listed[0]["attention"][0]["kind"] == "red_flag"
    events = AuditEvent.objects.filter(what="patients_list", via="api")
    assert {e.user.username for e in events} == {"alice", "bob"}


def test_a_clinical_action_through_the_api_reruns_the_engine_and_is_audited(
    people: Personas, carols_key: str
) -> None:
    before = program_selectors.plan_current(user=people.alice)
    response = Client().post(
        f"/api/v1/patients/{people.alice.pk}/preference",
        json.dumps({"preference": "flexion"}),
        content_type="application/json",
        **headers(carols_key),
    )
    assert response.status_code == 200
    after = program_selectors.plan_current(user=people.alice)
    assert before is not None
    assert after is not None
    assert after.pk > before.pk
    assert response.json()["plan"] == after.answer
    event = AuditEvent.objects.get(user=people.alice, action="write")
    assert (event.via, event.what) == ("api", "directional_preference")


def test_a_contraindicated_exercise_through_the_api_is_refused_naming_the_field(
    people: Personas, carols_key: str
) -> None:
    from tests import factories
    from tests.integration.web.conftest import with_program

    with_program(people.alice, diagnoses=factories.diagnosed("spinal_stenosis"))
    response = Client().post(
        f"/api/v1/patients/{people.alice.pk}/plan-edits",
        json.dumps({"op": "add", "exercise": "prone_press_up"}),
        content_type="application/json",
        **headers(carols_key),
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["field"] == "body.exercise"
    assert "spinal_stenosis" in error["reason"]
    bad = Client().post(
        f"/api/v1/patients/{people.alice.pk}/plan-edits",
        json.dumps({"op": "add", "exercise": "clamshell", "reps": 99}),
        content_type="application/json",
        **headers(carols_key),
    )
    assert bad.status_code == 400
    assert bad.json()["error"]["field"] == "body.reps"


def test_marking_seen_through_the_api_uses_the_reference_the_list_gives(
    people: Personas, carols_key: str
) -> None:
    from tests import factories
    from tests.integration.web.conftest import with_program

    with_program(
        people.alice, diagnoses=factories.diagnosed("spinal_stenosis"), avoid_directions=["flexion"]
    )
    api = Client()
    ref = api.get(f"/api/v1/patients/{people.alice.pk}", **headers(carols_key)).json()["review_ref"]
    assert ref
    response = api.post(
        f"/api/v1/patients/{people.alice.pk}/review-seen",
        json.dumps({"ref": ref, "note": "Phoned; flexion stays out."}),
        content_type="application/json",
        **headers(carols_key),
    )
    assert response.status_code == 200
    again = api.get(f"/api/v1/patients/{people.alice.pk}", **headers(carols_key)).json()
    assert again["review_ref"] == ""
    assert "Phoned; flexion stays out." in people.client("alice").get("/today/").content.decode()


def test_leaving_is_audited_and_the_patient_reads_their_own_log(people: Personas) -> None:
    services.membership_leave(
        user=people.alice, clinic_id=people.riverside.pk, actor=actor_for(people.alice)
    )
    log = people.client("alice").get("/clinic/mine/log/").content.decode()
    assert "left" in log


def test_a_clinician_exports_a_patients_record_as_fhir_and_it_is_audited(
    people: Personas, carols_key: str
) -> None:
    response = Client().get(f"/api/v1/patients/{people.alice.pk}/fhir", **headers(carols_key))
    assert response.status_code == 200
    bundle = response.json()
    assert bundle["resourceType"] == "Bundle"
    assert "Bob" not in response.content.decode()
    event = AuditEvent.objects.get(user=people.alice, what="fhir")
    assert (event.action, event.via) == ("export", "api")
