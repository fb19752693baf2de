"""The person's record as one FHIR R4B Bundle of type ``collection``.

Why a collection and not a document: a FHIR document is a clinical document someone composed and
attests (a Composition first, an author, a fixed content to sign). This export is a set of the
person's own records for another system to read and file, made by an app, not a clinician's
letter; ``collection`` says exactly that and promises nothing more.

Entries are named by ``urn:uuid:`` fullUrls (ids.py), and every reference inside points at one.
"""

import datetime as dt
import uuid

from fhir.resources.R4B.bundle import Bundle, BundleEntry
from fhir.resources.R4B.resource import Resource

from sciatica_coach.fhir.care_plan import care_plan, is_programme, service_request
from sciatica_coach.fhir.conditions import conditions
from sciatica_coach.fhir.ids import Ids
from sciatica_coach.fhir.pain import all_pain_observations
from sciatica_coach.fhir.patient import patient
from sciatica_coach.fhir.questionnaires import questionnaire_response, score_observation
from sciatica_coach.fhir.records import Record


def resources(record: Record, ids: Ids) -> list[Resource]:
    """Patient, Conditions, CarePlan and ServiceRequest (when there is a programme), the pain
    Observations, then each questionnaire's response and score."""
    found: list[Resource] = [patient(record.person, record.profile, ids)]
    diagnosed = conditions(record.profile, ids)
    found += diagnosed
    condition_refs = [Ids.to(condition) for condition in diagnosed]
    if record.plan is not None and is_programme(record.plan):
        found.append(care_plan(record.plan, condition_refs, ids))
        found.append(service_request(record.plan, condition_refs, ids))
    leg_side = ((record.profile or {}).get("symptoms") or {}).get("leg_side", "none")
    found += all_pain_observations(record.logs, leg_side, ids)
    for response in record.responses:
        answered = questionnaire_response(response, ids)
        if answered is not None:
            found.append(answered)
        score = score_observation(response, ids)
        if score is not None:
            found.append(score)
    return found


def export_bundle(record: Record, ids: Ids, now: dt.datetime) -> Bundle:
    return Bundle(
        # A new id each time: each export is a new Bundle of the same, stably named resources.
        id=str(uuid.uuid4()),
        type="collection",
        timestamp=now,
        entry=[
            BundleEntry(fullUrl=Ids.url(resource.id or ""), resource=resource)
            for resource in resources(record, ids)
        ],
    )
