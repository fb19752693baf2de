"""Pain scores from the session logs: one Observation per score, LOINC 72514-3, leg and back
apart, each with its body site.

Before and after a session, told apart twice:
- for people, ``note``: "Before the morning session" / "After the morning session";
- for machines, the HL7 core extension ``observation-sequelTo`` on each after-session score,
  pointing at the before-session score of the same site: "this observation follows that one",
  which is what an after-score is. Nothing had to be invented (no code exists for "before
  exercise"), a receiver that ignores the extension still reads a correct pain score, and our
  own import uses it to put an after-score back into the log's ``pain_after``.

``effectiveDateTime`` is the log's day alone: the app records the day and the part of the day
(the slot), never the clock time, so a time would be invented.
"""

import datetime as dt
from typing import Final, Literal

from fhir.resources.R4B.annotation import Annotation
from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.extension import Extension
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.reference import Reference

from sciatica_coach.fhir.codes import (
    BODY_SITE,
    LATERALITY,
    PAIN_SEVERITY,
    SEQUEL_TO,
    STRUCTURE_LATERALITY,
    Site,
)
from sciatica_coach.fhir.elements import SURVEY, coding, concept, day
from sciatica_coach.fhir.ids import Ids
from sciatica_coach.fhir.records import LogRecord

Moment = Literal["before", "after"]
SITES: Final[tuple[Site, ...]] = ("leg", "back")
LEG_WORDS: Final = {"left": "Left leg", "right": "Right leg", "both": "Both legs"}


def body_site(site: Site, leg_side: str) -> CodeableConcept:
    """The lower limb with the side from the profile (the structureLaterality extension, as the
    extension asks, only where the code itself says no side), or the lower back."""
    if site == "back":
        return CodeableConcept(coding=[coding(BODY_SITE["back"])], text="Lower back")
    side = LATERALITY.get(leg_side)
    return CodeableConcept(
        coding=[coding(BODY_SITE["leg"])],
        text=LEG_WORDS.get(leg_side, "Leg"),
        extension=[Extension(url=STRUCTURE_LATERALITY, valueCodeableConcept=concept(side))]
        if side
        else None,
    )


def pain_key(log: LogRecord, moment: Moment, site: Site) -> str:
    return f"{log.pk}:{moment}:{site}"


def pain_observations(log: LogRecord, leg_side: str, ids: Ids) -> list[Observation]:
    """Up to four: the leg and back scores before the session and after it."""
    data = log.log
    when = dt.date.fromisoformat(data["date"])
    slot = data["slot"]
    found = []
    for moment in ("before", "after"):
        scores = data.get(f"pain_{moment}")
        if not scores:
            continue
        for site in SITES:
            follows = None
            if moment == "after" and data.get("pain_before"):
                follows = [
                    Extension(
                        url=SEQUEL_TO,
                        valueReference=ids.ref("Observation", pain_key(log, "before", site)),
                    )
                ]
            found.append(
                pain_observation(
                    id_=ids.of("Observation", pain_key(log, moment, site)),
                    patient=ids.patient,
                    site=site,
                    score=int(scores[site]),
                    when=when,
                    leg_side=leg_side,
                    note=f"{moment.capitalize()} the {slot} session",
                    extension=follows,
                )
            )
    return found


def pain_observation(
    *,
    id_: str,
    patient: Reference,
    site: Site,
    score: int,
    when: dt.date,
    leg_side: str,
    note: str,
    extension: list[Extension] | None = None,
) -> Observation:
    return Observation(
        id=id_,
        extension=extension,
        status="final",
        category=[SURVEY],
        code=concept(PAIN_SEVERITY, text=f"{site.capitalize()} pain (0-10)"),
        subject=patient,
        effectiveDateTime=day(when),
        # The score is a whole number from 0 to 10, so valueInteger says exactly that, with no
        # unit to get wrong.
        valueInteger=score,
        bodySite=body_site(site, leg_side),
        note=[Annotation(text=note)],
    )


def all_pain_observations(logs: list[LogRecord], leg_side: str, ids: Ids) -> list[Observation]:
    return [obs for log in logs for obs in pain_observations(log, leg_side, ids)]
