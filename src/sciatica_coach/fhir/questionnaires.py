"""Answered questionnaires: a QuestionnaireResponse each, and an Observation for the PEG and ODI
scores (the two the project has LOINC codes for).

The ODI's wording is copyrighted (Mapi Research Trust) and the RMDQ's is only free in its
published form, so no question or answer text is written: each answer is the number or yes/no
the person gave, under a linkId (``odi-1`` ... ``odi-10``, ``rmdq-1`` ... ``rmdq-24``). The items
sit in one group whose linkId names the instrument (``odi``) and whose text is its title, so a
reader knows what was answered without a Questionnaire: we publish none, and pointing
``questionnaire`` at a canonical URL nobody serves would be worse than leaving it out.
"""

from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.quantity import Quantity
from fhir.resources.R4B.questionnaireresponse import (
    QuestionnaireResponse,
    QuestionnaireResponseItem,
    QuestionnaireResponseItemAnswer,
)

from sciatica_coach.fhir.codes import ODI_SCORE, PEG_SCORE, PERCENT, SCORE_UNIT, UCUM, Code
from sciatica_coach.fhir.elements import SURVEY, concept, day
from sciatica_coach.fhir.ids import Ids
from sciatica_coach.fhir.records import ResponseRecord

TITLES: Final = {
    "odi": "Oswestry Disability Index (ODI)",
    "rmdq": "Roland-Morris Disability Questionnaire (RMDQ)",
    "peg": "Pain, Enjoyment of life and General activity (PEG)",
    "pgic": "Patient Global Impression of Change (PGIC)",
    "nrs": "Pain rating, leg and back (NRS)",
}
Item = QuestionnaireResponseItem


def _number(link_id: str, value: Any) -> Item:
    return Item(linkId=link_id, answer=[QuestionnaireResponseItemAnswer(valueInteger=value)])


def _yes_no(link_id: str, value: Any) -> Item:
    return Item(linkId=link_id, answer=[QuestionnaireResponseItemAnswer(valueBoolean=value)])


def _odi(answers: dict[str, Any]) -> list[Item]:
    # An unanswered section (null) has no item: the ODI is scored on the sections answered.
    sections = answers.get("sections") or []
    return [_number(f"odi-{i}", v) for i, v in enumerate(sections, 1) if v is not None]


def _rmdq(answers: dict[str, Any]) -> list[Item]:
    return [_yes_no(f"rmdq-{i}", v) for i, v in enumerate(answers.get("items") or [], 1)]


def _named(prefix: str, keys: tuple[str, ...]) -> Callable[[dict[str, Any]], list[Item]]:
    def items(answers: dict[str, Any]) -> list[Item]:
        return [_number(f"{prefix}-{key}", answers[key]) for key in keys if key in answers]

    return items


ITEMS: Final[dict[str, Callable[[dict[str, Any]], list[Item]]]] = {
    "odi": _odi,
    "rmdq": _rmdq,
    "peg": _named("peg", ("pain", "enjoyment", "activity")),
    "pgic": _named("pgic", ("rating",)),
    "nrs": _named("nrs", ("leg", "back")),
}

# The scores with a LOINC code, and their UCUM unit (see codes.SCORE_UNIT and codes.PERCENT).
SCORES: Final[dict[str, tuple[Code, str]]] = {
    "peg": (PEG_SCORE, SCORE_UNIT),
    "odi": (ODI_SCORE, PERCENT),
}


def questionnaire_response(response: ResponseRecord, ids: Ids) -> QuestionnaireResponse | None:
    """``None`` for an instrument this export does not know (nothing is guessed about it)."""
    items = ITEMS.get(response.instrument)
    if items is None:
        return None
    return QuestionnaireResponse(
        id=ids.of("QuestionnaireResponse", response.pk),
        status="completed",
        subject=ids.patient,
        authored=day(response.date),
        author=ids.patient,
        source=ids.patient,
        item=[
            Item(
                linkId=response.instrument,
                text=TITLES[response.instrument],
                item=items(response.answers) or None,
            )
        ],
    )


def score_observation(response: ResponseRecord, ids: Ids) -> Observation | None:
    scored = SCORES.get(response.instrument)
    if scored is None or "score" not in response.result:
        return None
    code, unit = scored
    return Observation(
        id=ids.of("Observation", f"score:{response.pk}"),
        status="final",
        category=[SURVEY],
        code=concept(code, text=f"{TITLES[response.instrument]} score"),
        subject=ids.patient,
        effectiveDateTime=day(response.date),
        valueQuantity=Quantity(
            value=Decimal(str(response.result["score"])), unit=unit, system=UCUM, code=unit
        ),
        derivedFrom=[ids.ref("QuestionnaireResponse", response.pk)],
    )
