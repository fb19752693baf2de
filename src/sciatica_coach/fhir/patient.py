"""The Patient: as little as identifies the record to the person's own clinic, no more.

No username, no e-mail (a login is not a clinical identifier, and an address given to sign in is
not given to be passed on), no birth date (the profile holds an age; a date would be invented).
The name only when the account has one.
"""

from typing import Any, Final

from fhir.resources.R4B.humanname import HumanName
from fhir.resources.R4B.patient import Patient

from sciatica_coach.fhir.ids import Ids
from sciatica_coach.fhir.records import Person

# The profile's sex, as FHIR's administrative gender (the profile has no separate gender).
GENDER: Final[dict[str, str]] = {
    "female": "female",
    "male": "male",
    "other": "other",
    "unspecified": "unknown",
}


def patient(person: Person, profile: dict[str, Any] | None, ids: Ids) -> Patient:
    given, family = person.given.strip(), person.family.strip()
    name = (
        [HumanName(given=[given] if given else None, family=family or None)]
        if given or family
        else None
    )
    sex = (profile or {}).get("sex")
    return Patient(
        id=ids.of("Patient"),
        active=True,
        name=name,
        gender=GENDER.get(sex) if isinstance(sex, str) else None,
    )
