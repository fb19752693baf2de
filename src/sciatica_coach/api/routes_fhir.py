"""FHIR R4B: the signed-in person's record as a Bundle, and pain scores from another app.

The Bundle is JSON as FHIR writes it (served as ``application/json``: this is an export and an
import, not a FHIR server). See docs/fhir.md for every field and code.
"""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Body, Router, Schema, Status

from sciatica_coach.api import auth
from sciatica_coach.api.errors import Conflict, ErrorOut
from sciatica_coach.fhir import selectors, services

router = Router(tags=["fhir"])


class FhirImportOut(Schema):
    log_ids: list[int]
    scores: int
    skipped: dict[str, int]


@router.get(
    "/fhir",
    auth=auth.READ,
    response={200: dict[str, Any], 401: ErrorOut, 429: ErrorOut},
    summary="The person's record as a FHIR R4B Bundle (type collection)",
)
def fhir_export(request: HttpRequest) -> Any:
    """Patient, Conditions, CarePlan, ServiceRequest, pain, PEG and ODI Observations, and a
    QuestionnaireResponse per questionnaire answered."""
    return selectors.fhir_bundle(user=request.auth, now=timezone.now())  # type: ignore[attr-defined]


@router.post(
    "/fhir",
    auth=auth.WRITE,
    response={
        201: FhirImportOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        409: ErrorOut,
        429: ErrorOut,
    },
    summary="Import pain scores (LOINC 72514-3) from a FHIR R4B Bundle as session logs",
)
def fhir_import(request: HttpRequest, payload: Body[dict[str, Any]]) -> Any:
    """A FHIR R4B Bundle (any JSON object here; it is read as FHIR): its pain Observations become
    session logs that are not sessions done. Refused as a whole, with the field named, or stored
    as a whole."""
    try:
        done = services.pain_import(user=request.auth, bundle=payload)  # type: ignore[attr-defined]
    except services.NoProgram:
        raise Conflict("plan", "there is no programme to file the scores under yet") from None
    return Status(201, {"log_ids": done.log_ids, "scores": done.scores, "skipped": done.skipped})
