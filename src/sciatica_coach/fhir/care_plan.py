"""The current plan as a CarePlan (one activity per exercise, one for the daily walk) and the
exercise programme as a ServiceRequest, as the HL7 Physical Activity IG models an exercise
prescription: SNOMED CT 229065009 "Exercise therapy", based on the CarePlan, performed by the
patient.

Both say ``intent: plan``, not ``order``: the program is made by the app's engine, not ordered by
a clinician, and ``order`` would claim an authorisation nobody gave.
"""

from decimal import Decimal
from typing import Any

from fhir.resources.R4B.careplan import CarePlan, CarePlanActivity, CarePlanActivityDetail
from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.period import Period
from fhir.resources.R4B.reference import Reference
from fhir.resources.R4B.servicerequest import ServiceRequest
from fhir.resources.R4B.timing import Timing, TimingRepeat

from sciatica_coach.engine.vocabulary import PHASE_TEXT
from sciatica_coach.fhir.codes import EXERCISE_THERAPY, SLOT_TIMING
from sciatica_coach.fhir.elements import concept, day
from sciatica_coach.fhir.ids import Ids
from sciatica_coach.fhir.records import PlanRecord

SIDES = {"each": "each side", "left": "left side", "right": "right side", "both": ""}


def daily(slots: list[str]) -> Timing:
    """``len(slots)`` times a day, at the parts of the day the slots name (MORN, EVE...)."""
    when = [SLOT_TIMING[slot] for slot in slots if slot in SLOT_TIMING]
    return Timing(
        repeat=TimingRepeat(
            frequency=max(1, len(slots)),
            period=Decimal(1),
            periodUnit="d",
            when=when or None,
        )
    )


def dose(item: dict[str, Any]) -> str:
    """The dose in words, as the app shows it: sets, repetitions, hold and side."""
    sets, reps, hold = item["sets"], item["reps"], item["hold_s"]
    words = f"{sets} set{'s' if sets != 1 else ''} of {reps}"
    if hold:
        words += f", hold {hold} s"
    side = SIDES.get(item.get("side", "both"), "")
    return f"{words}, {side}" if side else words


def exercise_activities(answer: dict[str, Any]) -> list[CarePlanActivity]:
    """One activity per exercise, in the order the sessions first hold it, with the slots it is
    in (an exercise in the morning and the evening session is done twice a day)."""
    slots: dict[str, list[str]] = {}
    items: dict[str, dict[str, Any]] = {}
    for session in answer.get("sessions") or []:
        for item in session["items"]:
            slots.setdefault(item["exercise"], []).append(session["slot"])
            items.setdefault(item["exercise"], item)
    return [
        CarePlanActivity(
            detail=CarePlanActivityDetail(
                code=CodeableConcept(text=item["name"]),
                status="scheduled",
                description=dose(item),
                scheduledTiming=daily(slots[exercise]),
            )
        )
        for exercise, item in items.items()
    ]


def walk_activity(answer: dict[str, Any]) -> list[CarePlanActivity]:
    walk = answer.get("daily_activity")
    if not walk:
        return []
    minutes, per_day = walk["minutes"], walk["walks_per_day"]
    return [
        CarePlanActivity(
            detail=CarePlanActivityDetail(
                code=CodeableConcept(text="Daily walk"),
                status="scheduled",
                description=f"Walk for {minutes} minutes, {per_day} times a day",
                scheduledTiming=Timing(
                    repeat=TimingRepeat(
                        frequency=per_day,
                        period=Decimal(1),
                        periodUnit="d",
                        duration=Decimal(minutes),
                        durationUnit="min",
                    )
                ),
            )
        )
    ]


def is_programme(plan: PlanRecord | None) -> bool:
    """A plan answer without sessions means "see a clinician first": there is no programme."""
    return plan is not None and plan.answer.get("sessions") is not None


def care_plan(plan: PlanRecord, conditions: list[Reference], ids: Ids) -> CarePlan:
    phase = plan.answer.get("phase")
    return CarePlan(
        id=ids.of("CarePlan", plan.pk),
        status="active",
        intent="plan",
        title="Sciatica Coach exercise programme",
        description=PHASE_TEXT.get(phase) if phase else None,
        subject=ids.patient,
        period=Period(start=day(plan.created_on)),
        created=day(plan.created_on),
        addresses=conditions or None,
        activity=exercise_activities(plan.answer) + walk_activity(plan.answer),
    )


def service_request(plan: PlanRecord, conditions: list[Reference], ids: Ids) -> ServiceRequest:
    slots = [session["slot"] for session in plan.answer.get("sessions") or []]
    return ServiceRequest(
        id=ids.of("ServiceRequest", plan.pk),
        status="active",
        intent="plan",
        code=concept(EXERCISE_THERAPY, text="Home exercise programme for sciatica"),
        subject=ids.patient,
        basedOn=[ids.ref("CarePlan", plan.pk)],
        authoredOn=day(plan.created_on),
        occurrenceTiming=daily(slots),
        performer=[ids.patient],
        reasonReference=conditions or None,
    )
