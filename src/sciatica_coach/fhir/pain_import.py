"""Reading pain scores out of a FHIR R4B Bundle from another app, into the contract's session logs.

Pure: a JSON object in, the logs to store out, or ``RefusedInput`` naming the first field that is
wrong (``body.entry[3].resource.valueInteger``). Nothing is stored here (services.py stores all
the logs in one transaction, or none).

What is read:
- every Observation coded LOINC 72514-3 is a pain score: status final, amended or corrected; a
  whole number 0-10 as ``valueInteger``, or as ``valueQuantity`` with no unit or a unitless UCUM
  one (``{score}``, ``1``); ``effectiveDateTime`` of at least a day; ``bodySite`` SNOMED CT
  61685007 (lower limb: the leg) or 37822005 (lower back);
- leg and back scores of the same time make one log's ``pain_before`` (a log holds both, so a
  score without its partner is refused rather than half a log invented). "The same time" is the
  same instant, or the same day when only a day is given; several pairs at one time are paired
  in the order the Bundle lists them;
- a score with the HL7 extension ``observation-sequelTo`` follows the score it points at: the
  leg and back scores that follow one pair are that log's ``pain_after`` (our own export marks
  after-session scores so);
- every pain Observation must be about one subject: a Bundle mixing two people's scores is
  refused, since they would all be filed under the one account that sends it;
- Observations of the scores this app exports but does not import (PEG 91147-9, ODI 97909-6:
  their answers come through /api/v1/me/questionnaires) and resources of other types (the
  Patient, Conditions...) are skipped and counted; an Observation with any other code is refused,
  because a pain score sent under another code would otherwise vanish without a word.

What a log made from an import holds (see docs/fhir.md): ``done`` false, because a pain score is
not a session done; no exercises, extents or warning signs, because none were reported; the day
of the score (in the score's own time zone) and the slot from its time of day, or ``morning``
when the score gives a day only.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.observation import Observation
from pydantic import ValidationError

from sciatica_coach.engine import RefusedInput
from sciatica_coach.engine.validation import field_path
from sciatica_coach.fhir.codes import (
    BODY_SITE,
    ODI_SCORE,
    PAIN_SEVERITY,
    PEG_SCORE,
    SEQUEL_TO,
    UCUM,
    UNITLESS,
    Code,
    Site,
)

ROOT: Final = "body"
MAX_SCORES: Final = 2000  # about three years of two sessions a day, leg and back
ACCEPTED_STATUS: Final = frozenset({"final", "amended", "corrected"})
NOT_IMPORTED: Final = (PEG_SCORE, ODI_SCORE)
# The slot of a score from its hour of the day, in the score's own time zone.
SLOT_FROM: Final = ((17, "evening"), (14, "afternoon"), (11, "midday"), (0, "morning"))
DAY_ONLY_SLOT: Final = "morning"

When = dt.date | dt.datetime


@dataclass(frozen=True)
class Score:
    entry: int
    site: Site
    value: int
    when: When
    names: frozenset[str]
    follows: str | None = None

    @property
    def where(self) -> str:
        return f"{ROOT}.entry[{self.entry}].resource"


@dataclass
class ImportedLog:
    """One contract session log to store, and the entries it came from (to name them)."""

    log: dict[str, Any]
    entries: list[int]


@dataclass(frozen=True)
class Reading:
    logs: list[ImportedLog]
    scores: int
    skipped: dict[str, int] = field(default_factory=dict)


def _refuse(where: str, reason: str) -> RefusedInput:
    return RefusedInput(where, reason)


def parse_bundle(data: object) -> Bundle:
    """The Bundle as fhir.resources reads it, or a refusal naming the first wrong field."""
    if not isinstance(data, dict) or data.get("resourceType") != "Bundle":
        raise _refuse(f"{ROOT}.resourceType", "must be 'Bundle': send a FHIR R4B Bundle")
    try:
        return Bundle.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = field_path(ROOT, tuple(first.get("loc") or ()))
        raise _refuse(where, str(first.get("msg", "is not valid FHIR R4B"))) from None
    except (LookupError, TypeError, ValueError, AttributeError):
        # fhir.resources raises these (not a ValidationError) for an unknown resourceType and
        # a few malformed shapes; whatever the cause, the answer is a refusal, never a 500.
        raise _refuse(f"{ROOT}.entry", "is not a valid FHIR R4B Bundle") from None


def _has(concept_: CodeableConcept | None, code: Code) -> bool:
    """Does any coding of the concept say ``code`` (a concept may carry several codings)?"""
    if concept_ is None:
        return False
    return any(c.system == code.system and c.code == code.code for c in concept_.coding or [])


def _site(obs: Observation, where: str) -> Site:
    found = [site for site, code in BODY_SITE.items() if _has(obs.bodySite, code)]
    if len(found) != 1:
        raise _refuse(
            f"{where}.bodySite",
            "must be SNOMED CT 61685007 (lower limb: leg pain) or 37822005 (lower back: back pain)",
        )
    return found[0]


def _value(obs: Observation, where: str) -> int:
    if obs.valueInteger is not None:
        value: Decimal | int = obs.valueInteger
        place = f"{where}.valueInteger"
    elif obs.valueQuantity is not None:
        quantity = obs.valueQuantity
        place = f"{where}.valueQuantity"
        if quantity.value is None:
            raise _refuse(f"{place}.value", "is missing: a pain score needs its number")
        if quantity.code is not None and (quantity.system != UCUM or quantity.code not in UNITLESS):
            raise _refuse(
                f"{place}.code",
                f"{quantity.code!r} is not a unit of a 0-10 score: use UCUM '{{score}}' or none",
            )
        value = quantity.value
        place = f"{place}.value"
    else:
        raise _refuse(f"{where}.valueInteger", "is missing: give the score as valueInteger")
    if value != int(value):
        raise _refuse(place, f"{value} is not a whole number")
    if not 0 <= value <= 10:
        raise _refuse(place, f"{value} is not between 0 and 10")
    return int(value)


def _when(obs: Observation, where: str) -> When:
    value = obs.effectiveDateTime
    if value is None:
        raise _refuse(f"{where}.effectiveDateTime", "is missing: say when the score was given")
    if not isinstance(value, dt.date):  # a year or a year and month alone: not a day
        raise _refuse(f"{where}.effectiveDateTime", f"{value!r} does not give the day")
    return value


def _follows(obs: Observation) -> str | None:
    for extension in obs.extension or []:
        if extension.url == SEQUEL_TO:
            reference = extension.valueReference
            return reference.reference if reference is not None else None
    return None


def _score(index: int, full_url: str | None, obs: Observation) -> Score:
    where = f"{ROOT}.entry[{index}].resource"
    if obs.status not in ACCEPTED_STATUS:
        raise _refuse(
            f"{where}.status", f"{obs.status!r} is not a final score (final, amended, corrected)"
        )
    names = {name for name in (full_url, f"Observation/{obs.id}" if obs.id else None) if name}
    return Score(
        entry=index,
        site=_site(obs, where),
        value=_value(obs, where),
        when=_when(obs, where),
        names=frozenset(names),
        follows=_follows(obs),
    )


def scores_of(bundle: Bundle) -> tuple[list[Score], dict[str, int]]:
    """The pain scores, in the Bundle's order, and a count of what was skipped by kind."""
    scores: list[Score] = []
    skipped: Counter[str] = Counter()
    subjects: set[str] = set()
    for index, entry in enumerate(bundle.entry or []):
        resource = entry.resource
        if resource is None:
            continue
        kind = resource.get_resource_type()
        if not isinstance(resource, Observation):
            skipped[kind] += 1
            continue
        if not _has(resource.code, PAIN_SEVERITY):
            if any(_has(resource.code, code) for code in NOT_IMPORTED):
                skipped["Observation"] += 1
                continue
            raise _refuse(
                f"{ROOT}.entry[{index}].resource.code",
                "only pain severity (LOINC 72514-3) is imported; PEG (91147-9) and ODI "
                "(97909-6) scores are skipped; nothing else is understood",
            )
        subject = resource.subject.reference if resource.subject else None
        if subject:
            subjects.add(subject)
        if len(subjects) > 1:
            raise _refuse(
                f"{ROOT}.entry[{index}].resource.subject",
                "the pain scores are about more than one person; send one person's scores",
            )
        scores.append(_score(index, entry.fullUrl, resource))
        if len(scores) > MAX_SCORES:
            raise _refuse(f"{ROOT}.entry", f"more than {MAX_SCORES} pain scores: send fewer")
    return scores, dict(skipped)


def _key(when: When) -> tuple[str, When]:
    # A day and an instant never pair: "1 May" is not "1 May at 08:00".
    return ("instant", when) if isinstance(when, dt.datetime) else ("day", when)


def _day_and_slot(when: When) -> tuple[dt.date, str]:
    if not isinstance(when, dt.datetime):
        return when, DAY_ONLY_SLOT
    slot = next(name for hour, name in SLOT_FROM if when.hour >= hour)
    return when.date(), slot


def _partner(score: Score) -> str:
    return "back" if score.site == "leg" else "leg"


def _pairs(scores: list[Score]) -> list[tuple[Score, Score]]:
    """Leg with back scores of the same time, the n-th leg with the n-th back."""
    times: dict[tuple[str, When], dict[Site, list[Score]]] = {}
    for score in scores:
        times.setdefault(_key(score.when), {"leg": [], "back": []})[score.site].append(score)
    pairs = []
    for sites in times.values():
        legs, backs = sites["leg"], sites["back"]
        if len(legs) != len(backs):
            alone = (legs if len(legs) > len(backs) else backs)[min(len(legs), len(backs))]
            raise _refuse(
                f"{alone.where}.effectiveDateTime",
                f"this {alone.site} pain score has no {_partner(alone)} pain score at the same "
                "time; a log holds both",
            )
        pairs += list(zip(legs, backs, strict=True))
    return sorted(pairs, key=lambda pair: pair[0].entry)


def _after_scores(
    befores: list[Score], afters: list[Score], pair_of: dict[int, int]
) -> dict[int, dict[Site, Score]]:
    """For each pair (by index), the leg and back scores that follow it."""
    named = {name: score for score in befores for name in score.names}
    found: dict[int, dict[Site, Score]] = {}
    for score in afters:
        target = named.get(score.follows or "")
        if target is None or target.site != score.site:
            raise _refuse(
                f"{score.where}.extension",
                f"observation-sequelTo must point at a {score.site} pain score in this Bundle "
                "that follows no other",
            )
        after = found.setdefault(pair_of[target.entry], {})
        if score.site in after:
            raise _refuse(
                f"{score.where}.extension",
                f"a second {score.site} pain score follows the same score",
            )
        after[score.site] = score
    for after in found.values():
        if len(after) == 1:
            (alone,) = after.values()
            raise _refuse(
                f"{alone.where}.extension",
                f"this {alone.site} pain score after a session has no {_partner(alone)} pain "
                "score after the same session; a log holds both",
            )
    return found


def logs_from(scores: list[Score]) -> list[ImportedLog]:
    befores = [score for score in scores if score.follows is None]
    afters = [score for score in scores if score.follows is not None]
    pairs = _pairs(befores)
    pair_of = {score.entry: index for index, pair in enumerate(pairs) for score in pair}
    after_of = _after_scores(befores, afters, pair_of)
    logs = []
    for index, (leg, back) in enumerate(pairs):
        day, slot = _day_and_slot(leg.when)
        after = after_of.get(index)
        logs.append(
            ImportedLog(
                log={
                    "date": day.isoformat(),
                    "slot": slot,
                    "done": False,
                    "pain_before": {"leg": leg.value, "back": back.value},
                    "pain_after": {"leg": after["leg"].value, "back": after["back"].value}
                    if after
                    else None,
                    "extent_before": None,
                    "extent_after": None,
                    "exercises_done": [],
                    "new_red_flags": [],
                },
                entries=[leg.entry, back.entry]
                + ([s.entry for s in after.values()] if after else []),
            )
        )
    return logs


def read(data: object) -> Reading:
    """The whole reading of a posted Bundle: refused as a whole, or every log to store."""
    scores, skipped = scores_of(parse_bundle(data))
    if not scores:
        raise _refuse(f"{ROOT}.entry", "holds no pain score (Observation, LOINC 72514-3)")
    return Reading(logs=logs_from(scores), scores=len(scores), skipped=skipped)
