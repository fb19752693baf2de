"""The FHIR builders, from literal records: every Bundle parses with fhir.resources R4B, every
code and unit is one the project sourced, and each resource says what docs/fhir.md says."""

import datetime as dt
import json
import subprocess
import sys
from typing import Any, get_args

import pytest
from fhir.resources.R4B.bundle import Bundle

from sciatica_coach.engine.vocabulary import Condition, LegSide, Slot
from sciatica_coach.fhir import codes
from sciatica_coach.fhir.ids import Ids
from sciatica_coach.fhir.records import Person, PlanRecord
from tests import factories
from tests.unit.fhir.sample import (
    CODE_TABLE,
    IDS,
    LOINC,
    UNITS,
    bundle_json,
    codings,
    record,
    resources,
)


def test_the_bundle_is_a_collection_that_fhir_resources_reads_back() -> None:
    bundle = bundle_json()
    parsed = Bundle.model_validate(bundle)
    assert parsed.type == "collection"
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds[0] == "Patient"
    assert {"Condition", "CarePlan", "ServiceRequest", "Observation", "QuestionnaireResponse"} <= (
        set(kinds)
    )


def test_every_reference_points_at_an_entry_of_the_bundle() -> None:
    bundle = bundle_json()
    urls = {entry["fullUrl"] for entry in bundle["entry"]}
    for entry in bundle["entry"]:
        assert entry["fullUrl"] == f"urn:uuid:{entry['resource']['id']}"
    text = json.dumps(bundle)
    referenced = {part.split('"')[0] for part in text.split('"reference": "')[1:]}
    assert referenced <= urls


def test_every_code_is_in_the_sourced_table_and_every_unit_is_checked() -> None:
    bundle = bundle_json()
    for found in codings(bundle):
        assert (found["system"], found["code"]) in CODE_TABLE, found
    for obs in resources(bundle, "Observation"):
        loinc = next(c["code"] for c in obs["code"]["coding"] if c["system"] == LOINC)
        if loinc == "72514-3":
            assert isinstance(obs["valueInteger"], int)
            assert 0 <= obs["valueInteger"] <= 10
            assert "valueQuantity" not in obs
        else:
            quantity = obs["valueQuantity"]
            assert quantity["system"] == "http://unitsofmeasure.org"
            assert quantity["code"] == quantity["unit"] == UNITS[loinc]


def test_the_code_tables_cover_every_contract_id() -> None:
    assert set(codes.CONDITIONS) == set(get_args(Condition))
    assert set(codes.ICD_SCIATIC_NERVE) == set(get_args(LegSide))
    assert set(codes.LATERALITY) == set(get_args(LegSide)) - {"none"}
    assert set(codes.SLOT_TIMING) == set(get_args(Slot))


def test_the_patient_has_no_name_unless_the_account_has_one_and_never_the_login() -> None:
    bundle = bundle_json()
    (patient,) = resources(bundle, "Patient")
    assert "name" not in patient
    assert "telecom" not in patient
    assert "identifier" not in patient
    assert patient["gender"] == "female"
    named = bundle_json(record(person=Person(pk=7, given="Ann", family="Lee")))
    assert resources(named, "Patient")[0]["name"] == [{"given": ["Ann"], "family": "Lee"}]


def test_ids_are_stable_keyed_and_say_nothing_about_the_person() -> None:
    assert IDS.of("Patient") == Ids(secret=b"test-secret", person=7).of("Patient")
    assert IDS.of("Patient") != Ids(secret=b"other", person=7).of("Patient")
    assert IDS.of("Patient") != Ids(secret=b"test-secret", person=8).of("Patient")
    first, second = bundle_json(), bundle_json()
    assert [e["fullUrl"] for e in first["entry"]] == [e["fullUrl"] for e in second["entry"]]
    assert "7" not in resources(first, "Patient")[0]["id"].split("-")


def test_a_condition_per_diagnosis_with_snomed_and_icd_side_by_side() -> None:
    profile = factories.profile(
        diagnoses=[
            *factories.diagnosed("spinal_stenosis"),
            *factories.diagnosed("piriformis_syndrome", confirmed=False),
            *factories.diagnosed("pregnancy_related", confirmed=False),
        ]
    )
    found = resources(bundle_json(record(profile=profile)), "Condition")
    stenosis, piriformis, pregnancy = found
    assert [(c["system"], c["code"]) for c in stenosis["code"]["coding"]] == [
        ("http://snomed.info/sct", "18347007"),
        ("http://hl7.org/fhir/sid/icd-10-cm", "M48.061"),
    ]
    assert stenosis["verificationStatus"]["coding"][0]["code"] == "confirmed"
    # Piriformis syndrome: no SNOMED CT code was sourced; G57.02 for the left leg.
    assert [c["code"] for c in piriformis["code"]["coding"]] == ["G57.02"]
    assert piriformis["verificationStatus"]["coding"][0]["code"] == "provisional"
    # Pregnancy-related sciatica: no code at all, the engine's words only.
    assert "coding" not in pregnancy["code"]
    assert pregnancy["code"]["text"]


def test_the_care_plan_has_an_activity_per_exercise_twice_a_day_and_the_walk() -> None:
    rec = record()
    assert rec.plan is not None
    (plan,) = resources(bundle_json(rec), "CarePlan")
    assert plan["intent"] == "plan"
    assert plan["status"] == "active"
    exercises = {i["name"] for s in rec.plan.answer["sessions"] for i in s["items"]}
    activities = [a["detail"] for a in plan["activity"]]
    assert [a["code"]["text"] for a in activities[:-1]] == list(
        dict.fromkeys(i["name"] for s in rec.plan.answer["sessions"] for i in s["items"])
    )
    assert {a["code"]["text"] for a in activities[:-1]} == exercises
    for activity in activities[:-1]:
        repeat = activity["scheduledTiming"]["repeat"]
        assert repeat == {"frequency": 2, "period": 1, "periodUnit": "d", "when": ["MORN", "EVE"]}
    walk = activities[-1]
    walk_plan = rec.plan.answer["daily_activity"]
    assert walk["code"]["text"] == "Daily walk"
    assert walk["scheduledTiming"]["repeat"]["duration"] == walk_plan["minutes"]
    assert walk["scheduledTiming"]["repeat"]["frequency"] == walk_plan["walks_per_day"]


def test_the_service_request_is_exercise_therapy_as_the_physical_activity_ig_has_it() -> None:
    bundle = bundle_json()
    (request,) = resources(bundle, "ServiceRequest")
    (plan,) = resources(bundle, "CarePlan")
    assert request["code"]["coding"] == [
        {"system": "http://snomed.info/sct", "code": "229065009", "display": "Exercise therapy"}
    ]
    assert request["intent"] == "plan"  # made by the app, not ordered by a clinician
    assert request["basedOn"] == [{"reference": f"urn:uuid:{plan['id']}"}]
    assert request["performer"] == [
        {"reference": f"urn:uuid:{resources(bundle, 'Patient')[0]['id']}"}
    ]


def test_no_programme_no_care_plan() -> None:
    stop = PlanRecord(pk=4, created_on=dt.date(2025, 5, 1), answer={"sessions": None})
    bundle = bundle_json(record(plan=stop))
    assert not resources(bundle, "CarePlan")
    assert not resources(bundle, "ServiceRequest")
    assert not resources(bundle_json(record(plan=None, profile=None)), "Condition")


def _pain(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        o for o in resources(bundle, "Observation") if o["code"]["coding"][0]["code"] == "72514-3"
    ]


def test_pain_scores_are_leg_and_back_apart_before_and_after_told_apart() -> None:
    pain = _pain(bundle_json())
    # Log 11: before and after, leg and back; log 12: before only.
    assert len(pain) == 6
    leg, back = pain[0], pain[1]
    assert leg["bodySite"]["coding"][0]["code"] == "61685007"
    assert leg["bodySite"]["text"] == "Left leg"
    (side,) = leg["bodySite"]["extension"]
    assert side["url"] == codes.STRUCTURE_LATERALITY
    assert side["valueCodeableConcept"]["coding"][0]["code"] == "7771000"
    assert back["bodySite"]["coding"][0]["code"] == "37822005"
    assert leg["effectiveDateTime"] == "2025-05-02"  # a day: the app keeps no clock time
    assert (leg["valueInteger"], back["valueInteger"]) == (6, 3)
    assert leg["note"] == [{"text": "Before the morning session"}]
    after_leg = pain[2]
    assert after_leg["note"] == [{"text": "After the morning session"}]
    (follows,) = after_leg["extension"]
    assert follows["url"] == codes.SEQUEL_TO
    assert follows["valueReference"]["reference"] == f"urn:uuid:{leg['id']}"
    assert "extension" not in leg
    assert pain[4]["note"] == [{"text": "Before the evening session"}]


def test_questionnaire_answers_are_numbers_and_yes_no_under_link_ids_never_wording() -> None:
    bundle = bundle_json()
    answered = {r["item"][0]["linkId"]: r for r in resources(bundle, "QuestionnaireResponse")}
    assert set(answered) == {"odi", "peg", "rmdq", "pgic"}
    odi = answered["odi"]["item"][0]
    assert [i["linkId"] for i in odi["item"]] == [f"odi-{n}" for n in (1, 2, 4, 5, 6, 7, 8, 9, 10)]
    assert all(set(i) == {"linkId", "answer"} for i in odi["item"])  # no question text
    assert odi["item"][0]["answer"] == [{"valueInteger": 1}]
    rmdq = answered["rmdq"]["item"][0]["item"]
    assert len(rmdq) == 24
    assert rmdq[0]["answer"] == [{"valueBoolean": True}]
    assert all(set(i) == {"linkId", "answer"} for i in rmdq)


def test_peg_and_odi_scores_are_observations_derived_from_their_answers() -> None:
    bundle = bundle_json()
    answered = {r["item"][0]["linkId"]: r["id"] for r in resources(bundle, "QuestionnaireResponse")}
    scores = {
        o["code"]["coding"][0]["code"]: o
        for o in resources(bundle, "Observation")
        if o["code"]["coding"][0]["code"] != "72514-3"
    }
    assert set(scores) == {"91147-9", "97909-6"}
    assert scores["97909-6"]["valueQuantity"]["value"] == 28.9
    assert scores["97909-6"]["derivedFrom"] == [{"reference": f"urn:uuid:{answered['odi']}"}]
    assert scores["91147-9"]["valueQuantity"]["value"] == 4.0


@pytest.mark.parametrize("module", ["bundle", "pain_import"])
def test_the_builders_and_the_import_reader_do_not_load_django(module: str) -> None:
    check = f"import sys, sciatica_coach.fhir.{module}; assert 'django' not in sys.modules"
    subprocess.run([sys.executable, "-c", check], check=True)
