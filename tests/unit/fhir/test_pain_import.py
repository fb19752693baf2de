"""Reading pain scores from a posted Bundle: what is read, how leg and back pair into logs, and
every refusal naming its field (the reader is pure: nothing here touches a database)."""

import copy
from typing import Any

import pytest

from sciatica_coach.engine import RefusedInput
from sciatica_coach.fhir.pain_import import read
from tests.unit.fhir.sample import bundle_json

LEG = {"system": "http://snomed.info/sct", "code": "61685007"}
BACK = {"system": "http://snomed.info/sct", "code": "37822005"}
PAIN = {"coding": [{"system": "http://loinc.org", "code": "72514-3"}]}


def pain(site: dict[str, str], value: Any, when: str, **changes: Any) -> dict[str, Any]:
    obs = {
        "resourceType": "Observation",
        "status": "final",
        "code": PAIN,
        "subject": {"reference": "Patient/p1"},
        "effectiveDateTime": when,
        "valueInteger": value,
        "bodySite": {"coding": [site]},
    }
    obs.update(changes)
    return {key: value for key, value in obs.items() if value is not None}


def bundle(*resources: dict[str, Any]) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": f"urn:uuid:{i:08d}-0000-4000-8000-000000000000", "resource": r}
            for i, r in enumerate(resources)
        ],
    }


def refused(data: object) -> RefusedInput:
    with pytest.raises(RefusedInput) as caught:
        read(data)
    return caught.value


def test_our_own_export_reads_back_as_the_same_scores_before_and_after() -> None:
    reading = read(bundle_json())
    logs = [imported.log for imported in reading.logs]
    assert [(log["date"], log["pain_before"], log["pain_after"]) for log in logs] == [
        ("2025-05-02", {"leg": 6, "back": 3}, {"leg": 6, "back": 3}),
        ("2025-05-02", {"leg": 4, "back": 2}, None),
    ]
    assert reading.scores == 6
    # The rest of the record is skipped, counted, not refused.
    assert reading.skipped == {
        "Patient": 1,
        "Condition": 2,
        "CarePlan": 1,
        "ServiceRequest": 1,
        "Observation": 2,
        "QuestionnaireResponse": 4,
    }


def test_an_imported_score_is_not_a_session_done() -> None:
    (imported,) = read(bundle(pain(LEG, 5, "2025-05-02"), pain(BACK, 2, "2025-05-02"))).logs
    assert imported.log == {
        "date": "2025-05-02",
        "slot": "morning",  # a day alone: the first slot of the day (docs/fhir.md)
        "done": False,
        "pain_before": {"leg": 5, "back": 2},
        "pain_after": None,
        "extent_before": None,
        "extent_after": None,
        "exercises_done": [],
        "new_red_flags": [],
    }


@pytest.mark.parametrize(
    ("time", "slot", "day"),
    [
        ("2025-05-02T07:45:00+02:00", "morning", "2025-05-02"),
        ("2025-05-02T12:10:00+02:00", "midday", "2025-05-02"),
        ("2025-05-02T15:00:00Z", "afternoon", "2025-05-02"),
        ("2025-05-02T21:30:00-05:00", "evening", "2025-05-02"),  # 02:30 on the 3rd in UTC
    ],
)
def test_the_slot_and_day_come_from_the_time_in_its_own_zone(
    time: str, slot: str, day: str
) -> None:
    (imported,) = read(bundle(pain(LEG, 5, time), pain(BACK, 2, time))).logs
    assert (imported.log["date"], imported.log["slot"]) == (day, slot)


def test_scores_of_the_same_instant_pair_whatever_their_zone_and_quantity_is_read() -> None:
    data = bundle(
        pain(LEG, 7, "2025-05-02T08:00:00+02:00"),
        pain(LEG, 6, "2025-05-02T18:00:00Z"),
        pain(
            BACK,
            None,
            "2025-05-02T18:00:00Z",
            valueQuantity={"value": 1, "system": "http://unitsofmeasure.org", "code": "{score}"},
        ),
        pain(BACK, 4, "2025-05-02T06:00:00Z"),
    )
    logs = [imported.log for imported in read(data).logs]
    assert [log["pain_before"] for log in logs] == [{"leg": 7, "back": 4}, {"leg": 6, "back": 1}]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ([], "body.resourceType"),
        ({"resourceType": "Patient"}, "body.resourceType"),
        (bundle(), "body.entry"),
        (
            bundle(pain(LEG, 11, "2025-05-02"), pain(BACK, 2, "2025-05-02")),
            "body.entry[0].resource.valueInteger",
        ),
        (
            bundle(pain(LEG, -1, "2025-05-02"), pain(BACK, 2, "2025-05-02")),
            "body.entry[0].resource.valueInteger",
        ),
        (
            bundle(
                pain(LEG, 5, "2025-05-02"),
                pain(BACK, None, "2025-05-02", valueQuantity={"value": 2.5}),
            ),
            "body.entry[1].resource.valueQuantity.value",
        ),
        (
            bundle(
                pain(LEG, 5, "2025-05-02"),
                pain(
                    BACK,
                    None,
                    "2025-05-02",
                    valueQuantity={"value": 2, "system": "http://unitsofmeasure.org", "code": "mg"},
                ),
            ),
            "body.entry[1].resource.valueQuantity.code",
        ),
        (
            bundle(pain(LEG, 5, "2025-05-02"), pain(BACK, None, "2025-05-02")),
            "body.entry[1].resource.valueInteger",
        ),
        (
            bundle(
                pain(
                    LEG,
                    5,
                    "2025-05-02",
                    code={"coding": [{"system": "http://loinc.org", "code": "38208-5"}]},
                ),
                pain(BACK, 2, "2025-05-02"),
            ),
            "body.entry[0].resource.code",
        ),
        (
            bundle(pain({"system": "http://snomed.info/sct", "code": "12345"}, 5, "2025-05-02")),
            "body.entry[0].resource.bodySite",
        ),
        (
            bundle(pain(LEG, 5, "2025-05-02"), pain(BACK, 2, "2025-05-03")),
            "body.entry[0].resource.effectiveDateTime",
        ),
        (
            bundle(pain(LEG, 5, "2025-05"), pain(BACK, 2, "2025-05")),
            "body.entry[0].resource.effectiveDateTime",
        ),
        (
            bundle(pain(LEG, 5, "2025-05-02", status="preliminary"), pain(BACK, 2, "2025-05-02")),
            "body.entry[0].resource.status",
        ),
        (
            bundle(
                pain(LEG, 5, "2025-05-02"),
                pain(BACK, 2, "2025-05-02", subject={"reference": "Patient/p2"}),
            ),
            "body.entry[1].resource.subject",
        ),
        (
            bundle(
                pain(
                    LEG,
                    5,
                    "2025-05-02",
                    effectiveDateTime=None,
                    effectivePeriod={"start": "2025-05-02"},
                ),
                pain(BACK, 2, "2025-05-02"),
            ),
            "body.entry[0].resource.effectiveDateTime",
        ),
        # Not FHIR at all: fhir.resources' own refusal, with its path.
        (
            bundle(pain(LEG, "five", "2025-05-02"), pain(BACK, 2, "2025-05-02")),
            "body.entry[0].resource.valueInteger",
        ),
        (bundle({"resourceType": "NoSuchThing"}), "body.entry"),
        ({"resourceType": "Bundle", "type": "collection", "entry": "all of them"}, "body.entry"),
    ],
)
def test_refusals_name_the_field(data: object, field: str) -> None:
    assert refused(data).field == field


def test_an_after_score_must_follow_a_score_of_this_bundle_with_its_partner() -> None:
    export = bundle_json()
    lost = copy.deepcopy(export)
    pains = [e["resource"] for e in lost["entry"] if e["resource"].get("extension")]
    pains[0]["extension"][0]["valueReference"]["reference"] = "urn:uuid:nowhere"
    assert refused(lost).field.endswith(".extension")
    alone = copy.deepcopy(export)
    alone["entry"] = [
        e
        for e in alone["entry"]
        if not (
            e["resource"].get("extension") and e["resource"]["bodySite"]["text"] == "Lower back"
        )
    ]
    assert "no back pain score after the same session" in refused(alone).reason
