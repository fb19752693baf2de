"""Small FHIR data types the builders share."""

import datetime as dt
from typing import cast

from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.coding import Coding

from sciatica_coach.fhir.codes import OBSERVATION_CATEGORY, Code


def coding(code: Code) -> Coding:
    return Coding(system=code.system, code=code.code, display=code.display)


def concept(*codes: Code | None, text: str | None = None) -> CodeableConcept:
    """One concept: ``codes`` are codings of the same meaning (say SNOMED CT and ICD-10-CM)."""
    found = [coding(code) for code in codes if code is not None]
    return CodeableConcept(coding=found or None, text=text)


def day(value: dt.date) -> dt.datetime:
    """A FHIR dateTime of a day alone. FHIR allows a date without a time, and the app keeps
    only the day (and the part of the day) of a session or an answer, so no time is invented.
    fhir.resources types these fields as ``datetime`` but validates and writes a ``date`` as
    ``YYYY-MM-DD``; the cast only tells mypy so."""
    return cast(dt.datetime, value)


SURVEY = concept(Code(OBSERVATION_CATEGORY, "survey", "Survey"))
