"""A person's record as literals, and the code table the tests check every coding against."""

import datetime as dt
import json
from typing import Any

from sciatica_coach import engine
from sciatica_coach.fhir.bundle import export_bundle
from sciatica_coach.fhir.ids import Ids
from sciatica_coach.fhir.records import LogRecord, Person, PlanRecord, Record, ResponseRecord
from tests import factories

NOW = dt.datetime(2025, 5, 10, 9, 30, tzinfo=dt.UTC)
IDS = Ids(secret=b"test-secret", person=7)

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
ICD = "http://hl7.org/fhir/sid/icd-10-cm"
UCUM = "http://unitsofmeasure.org"
# Every (system, code) the export may write, with where it comes from (docs/fhir.md).
CODE_TABLE: dict[tuple[str, str], str] = {
    (LOINC, "72514-3"): "EVIDENCE.md: pain severity 0-10 reported",
    (LOINC, "91147-9"): "EVIDENCE.md: PEG score",
    (LOINC, "97909-6"): "EVIDENCE.md: ODI score",
    (SNOMED, "229065009"): "EVIDENCE.md; HL7 Physical Activity IG ServiceRequest code",
    (SNOMED, "23056005"): "EVIDENCE.md: sciatica",
    (SNOMED, "18347007"): "EVIDENCE.md: lumbar spinal stenosis",
    (SNOMED, "61685007"): "lower limb structure",
    (SNOMED, "37822005"): "lower back structure (SNOMED editorial guide; HL7 Symptoms IG)",
    (SNOMED, "7771000"): "left",
    (SNOMED, "24028007"): "right",
    (SNOMED, "51440002"): "right and left",
    (ICD, "M54.30"): "EVIDENCE.md",
    (ICD, "M51.16"): "EVIDENCE.md",
    (ICD, "M48.061"): "EVIDENCE.md",
    (ICD, "M43.16"): "EVIDENCE.md",
    (ICD, "G57.00"): "EVIDENCE.md",
    (ICD, "G57.01"): "EVIDENCE.md",
    (ICD, "G57.02"): "EVIDENCE.md",
    (ICD, "G57.03"): "EVIDENCE.md",
    ("http://terminology.hl7.org/CodeSystem/observation-category", "survey"): "FHIR",
    ("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"): "FHIR",
    ("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"): "FHIR",
    ("http://terminology.hl7.org/CodeSystem/condition-ver-status", "provisional"): "FHIR",
    ("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item"): "FHIR",
}
# The unit of every quantity, by the observation's LOINC code (pain is a valueInteger: no unit).
UNITS = {"91147-9": "{score}", "97909-6": "%"}


def record(**changes: Any) -> Record:
    """A woman with a confirmed disc herniation in the left leg and a suspected piriformis
    syndrome, on her first plan, with two sessions logged and four questionnaires answered."""
    profile = factories.profile(
        diagnoses=[
            *factories.diagnosed("disc_herniation"),
            *factories.diagnosed("piriformis_syndrome", confirmed=False),
        ]
    )
    answers = {
        "odi": ({"sections": [1, 2, None, 3, 1, 0, 2, 1, 1, 2]}, {"score": 28.9}),
        "peg": ({"pain": 5, "enjoyment": 4, "activity": 3}, {"score": 4.0}),
        "rmdq": ({"items": [True, False] * 12}, {"score": 12}),
        "pgic": ({"rating": 2}, {"score": 2, "label": "much improved"}),
    }
    base = Record(
        person=Person(pk=7),
        profile=profile,
        plan=PlanRecord(pk=3, created_on=dt.date(2025, 5, 1), answer=engine.plan(profile)),
        logs=[
            LogRecord(pk=11, log=factories.log("2025-05-02", pain=(6, 3))),
            LogRecord(
                pk=12,
                log={**factories.log("2025-05-02", "evening", pain=(4, 2)), "pain_after": None},
            ),
        ],
        responses=[
            ResponseRecord(pk=i, instrument=name, date=dt.date(2025, 5, 3), answers=a, result=r)
            for i, (name, (a, r)) in enumerate(answers.items(), 1)
        ],
    )
    return Record(**{**base.__dict__, **changes})


def bundle_json(rec: Record | None = None, ids: Ids = IDS) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(export_bundle(rec or record(), ids, NOW).model_dump_json())
    return found


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def codings(value: Any) -> list[dict[str, Any]]:
    """Every Coding anywhere in ``value`` (a dict with a system and a code)."""
    if isinstance(value, dict):
        here = [value] if {"system", "code"} <= value.keys() and "value" not in value else []
        return here + [c for v in value.values() for c in codings(v)]
    if isinstance(value, list):
        return [c for v in value for c in codings(v)]
    return []
