"""A Condition per diagnosis in the profile: SNOMED CT where a code is known, ICD-10-CM beside it
in the same CodeableConcept (two codings of one meaning), the engine's own words as its text.

Verification: ``confirmed`` when a clinician confirmed it, ``provisional`` otherwise (the person
reported a diagnosis a clinician has not confirmed, which is what provisional means).
"""

from typing import Any

from fhir.resources.R4B.condition import Condition

from sciatica_coach.engine.vocabulary import CONDITION_TEXT
from sciatica_coach.fhir.codes import (
    CONDITION_CATEGORY,
    CONDITION_CLINICAL,
    CONDITION_VERIFICATION,
    CONDITIONS,
    Code,
)
from sciatica_coach.fhir.elements import concept
from sciatica_coach.fhir.ids import Ids

ACTIVE = concept(Code(CONDITION_CLINICAL, "active", "Active"))
CONFIRMED = concept(Code(CONDITION_VERIFICATION, "confirmed", "Confirmed"))
PROVISIONAL = concept(Code(CONDITION_VERIFICATION, "provisional", "Provisional"))
PROBLEM_LIST = concept(Code(CONDITION_CATEGORY, "problem-list-item", "Problem List Item"))


def icd_code(condition: str, leg_side: str) -> Code | None:
    codes = CONDITIONS.get(condition)
    if codes is None or codes.icd is None:
        return None
    if isinstance(codes.icd, dict):
        return codes.icd.get(leg_side, codes.icd["none"])
    return codes.icd


def conditions(profile: dict[str, Any] | None, ids: Ids) -> list[Condition]:
    if profile is None:
        return []
    leg_side = profile.get("symptoms", {}).get("leg_side", "none")
    found = []
    for diagnosis in profile.get("diagnoses", []):
        name = diagnosis["condition"]
        codes = CONDITIONS.get(name)
        found.append(
            Condition(
                id=ids.of("Condition", name),
                clinicalStatus=ACTIVE,
                verificationStatus=CONFIRMED
                if diagnosis.get("confirmed_by_clinician")
                else PROVISIONAL,
                category=[PROBLEM_LIST],
                code=concept(
                    codes.snomed if codes else None,
                    icd_code(name, leg_side),
                    text=CONDITION_TEXT.get(name, name),
                ),
                subject=ids.patient,
            )
        )
    return found
