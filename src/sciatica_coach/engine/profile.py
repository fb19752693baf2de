"""The profile: who the person is, what they feel now and what a clinician confirmed."""

from functools import cached_property
from typing import Annotated, Self

from pydantic import model_validator

from sciatica_coach.engine.clinician_plan import ClinicianPlan
from sciatica_coach.engine.validation import FieldProblem, Input, between
from sciatica_coach.engine.vocabulary import (
    CONTRACT,
    Condition,
    DirectionalPreference,
    Equipment,
    Extent,
    LegSide,
    RedFlagId,
    Sex,
    SidedFinding,
    SpineDirection,
)

Score0to10 = Annotated[int, between(0, 10)]
# Endurance holds are timed to failure; the Biering-Sorensen test is usually stopped at 240 s, so
# 900 s leaves room for any real result while catching typed-in minutes-as-seconds mistakes.
HoldSeconds = Annotated[float, between(0, 900)]
Degrees = Annotated[int, between(0, 120)]
Reps = Annotated[int, between(0, 500)]
Age = Annotated[int, between(0, 120)]
PregnancyWeeks = Annotated[int, between(0, 42)]
Days = Annotated[int, between(0, 36_500)]
WeeksSinceBirth = Annotated[int, between(0, 6)]
# A walk the person can keep up before leg symptoms stop them; over three hours is a typing slip.
WalkingMinutes = Annotated[int, between(0, 180)]


class Symptoms(Input):
    leg_side: LegSide
    extent: Extent
    pins_and_needles: bool
    numbness: bool
    weakness: bool
    onset_days: Days
    both_legs_days: Days | None = None


class Diagnosis(Input):
    condition: Condition
    confirmed_by_clinician: bool


class Pain(Input):
    leg: Score0to10
    back: Score0to10

    def worst(self) -> int:
        return max(self.leg, self.back)


class Assessment(Input):
    trunk_flexor_s: HoldSeconds | None = None
    trunk_extensor_s: HoldSeconds | None = None
    side_bridge_left_s: HoldSeconds | None = None
    side_bridge_right_s: HoldSeconds | None = None
    thomas_test: SidedFinding | None = None
    slr_left_deg: Degrees | None = None
    slr_right_deg: Degrees | None = None
    single_leg_bridge_left_reps: Reps | None = None
    single_leg_bridge_right_reps: Reps | None = None
    trendelenburg: SidedFinding | None = None


class Profile(Input):
    contract: str = CONTRACT
    age: Age
    sex: Sex
    pregnancy_weeks: PregnancyWeeks | None = None
    symptoms: Symptoms
    red_flags: list[RedFlagId]
    diagnoses: list[Diagnosis]
    cleared_red_flags: list[RedFlagId] = []
    pain: Pain
    assessment: Assessment = Assessment()
    equipment: list[Equipment] = []
    avoid_exercises: list[str] = []
    weeks_since_birth: WeeksSinceBirth | None = None
    directional_preference: DirectionalPreference = "unknown"
    avoid_directions: list[SpineDirection] = []
    floor_ok: bool = True
    walking_tolerance_min: WalkingMinutes | None = None
    # A project field (the contract allows adding): what a clinician asked of the plan.
    clinician_plan: ClinicianPlan = ClinicianPlan()

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.contract != CONTRACT:
            raise FieldProblem("contract", f"{self.contract!r} is not {CONTRACT!r}")
        if self.pregnancy_weeks is not None and self.sex == "male":
            raise FieldProblem("pregnancy_weeks", "must be null when sex is male")
        if self.weeks_since_birth is not None and self.sex == "male":
            raise FieldProblem("weeks_since_birth", "must be null when sex is male")
        if self.weeks_since_birth is not None and self.pregnancy_weeks is not None:
            raise FieldProblem("weeks_since_birth", "must be null while pregnancy_weeks is given")
        return self

    @cached_property
    def confirmed_conditions(self) -> frozenset[Condition]:
        return frozenset(d.condition for d in self.diagnoses if d.confirmed_by_clinician)

    @cached_property
    def all_conditions(self) -> frozenset[Condition]:
        """Confirmed or not: contraindications honour a suspected cause too, to be safe."""
        return frozenset(d.condition for d in self.diagnoses)
