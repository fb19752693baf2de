"""The movement test (contract: Movement test, rules 1-5): the directional preference it shows.

Repeated movements in one direction that move the symptoms up towards the back (centralisation)
show a directional preference; exercising in that direction does better than the others (Long
2004, n = 312). Symptoms moving further down the leg (peripheralisation) mean that direction is
avoided. The extent decides; leg pain decides only when the extent did not move.
"""

from typing import Annotated, Final, Literal, Self

from pydantic import model_validator

from sciatica_coach.engine.catalog import Catalog
from sciatica_coach.engine.checks import checks
from sciatica_coach.engine.errors import RefusedInput
from sciatica_coach.engine.profile import Profile, Score0to10
from sciatica_coach.engine.validation import FieldProblem, Input, Output, between
from sciatica_coach.engine.vocabulary import (
    CONTRACT,
    DirectionalPreference,
    Extent,
    SpineDirection,
    extent_rank,
)

# Rule 2: a change of 2 points on the 0-10 scale is the smallest that matters (Farrar 2001).
PAIN_POINTS: Final = 2
Effect = Literal["centralised", "peripheralised", "no_change"]


class Result(Input):
    direction: SpineDirection
    extent_before: Extent
    extent_after: Extent
    leg_pain_before: Score0to10
    leg_pain_after: Score0to10
    # The step at which the person stopped because the symptoms spread (1 = the first), if any.
    stopped_at_step: Annotated[int, between(1, 10)] | None = None

    @property
    def extent_rise(self) -> int:
        """How far the extent moved up towards the back (negative: further down the leg)."""
        return extent_rank(self.extent_before) - extent_rank(self.extent_after)

    @property
    def pain_fall(self) -> int:
        return self.leg_pain_before - self.leg_pain_after

    @property
    def effect(self) -> Effect:
        """Rule 2. A test stopped part way stopped because the symptoms spread (the contract:
        "stopping at the first step that spreads the symptoms"), whatever the ratings after."""
        if self.stopped_at_step is not None:
            return "peripheralised"
        if self.extent_rise > 0:
            return "centralised"
        if self.extent_rise < 0:
            return "peripheralised"
        if self.pain_fall >= PAIN_POINTS:
            return "centralised"
        if self.pain_fall <= -PAIN_POINTS:
            return "peripheralised"
        return "no_change"


class MovementTestRequest(Input):
    profile: Profile
    results: list[Result]

    @model_validator(mode="after")
    def _one_result_per_direction(self) -> Self:
        if not self.results:
            raise FieldProblem("results", "needs the result of at least one direction")
        seen: set[str] = set()
        for index, result in enumerate(self.results):
            if result.direction in seen:
                raise FieldProblem(
                    f"results[{index}].direction", f"{result.direction!r} is listed twice"
                )
            seen.add(result.direction)
        return self


class MovementReason(Output):
    id: str
    text: str


class MovementTestAnswer(Output):
    contract: str = CONTRACT
    directional_preference: DirectionalPreference
    avoid_directions: list[SpineDirection]
    clinician_review_recommended: bool
    try_next: SpineDirection | None
    reasons: list[MovementReason]


PLACE: Final[dict[Extent, str]] = {
    "none": "nowhere",
    "back": "your lower back",
    "buttock": "your buttock",
    "thigh": "your thigh",
    "below_knee": "below your knee",
    "foot": "your foot",
}
WORDS: Final[dict[SpineDirection, str]] = {
    "extension": "bending backwards",
    "flexion": "bending forward",
}


def _explain(result: Result) -> MovementReason:
    words = WORDS[result.direction]
    if result.stopped_at_step is not None:
        text = (
            f"With {words}, your symptoms spread at step {result.stopped_at_step}, so you "
            "stopped there."
        )
    elif result.extent_rise:
        where = f"from {PLACE[result.extent_before]} to {PLACE[result.extent_after]}"
        moved = "up towards your back" if result.extent_rise > 0 else "further down your leg"
        text = f"With {words}, your symptoms moved {moved} ({where})."
    elif result.effect != "no_change":
        text = (
            f"With {words}, your symptoms stayed in the same place and your leg pain went from "
            f"{result.leg_pain_before} to {result.leg_pain_after}."
        )
    else:
        text = f"With {words}, your symptoms did not change enough to matter."
    return MovementReason(id=f"{result.direction}_{result.effect}", text=text)


def _order(result: Result) -> tuple[int, int]:
    return result.extent_rise, result.pain_fall


def movement_test(request: MovementTestRequest, catalog: Catalog) -> MovementTestAnswer:
    profile = request.profile
    offer = checks(profile, catalog).movement_test
    for index, result in enumerate(request.results):
        if result.direction not in offer.offered:
            withheld = next(
                (w.reasons for w in offer.withheld if w.direction == result.direction), []
            )
            raise RefusedInput(
                f"request.results[{index}].direction",
                f"{result.direction!r} is not offered to this person ({'; '.join(withheld)})",
            )

    # Rule 4 compares the directions, whatever order they were listed in.
    results = sorted(request.results, key=lambda r: r.direction)
    reasons = [_explain(r) for r in results]
    spread = [r.direction for r in results if r.effect == "peripheralised"]
    avoid = [d for d in ("extension", "flexion") if d in profile.avoid_directions or d in spread]
    central = [r for r in results if r.effect == "centralised"]
    untested = [d for d in offer.offered if d not in {r.direction for r in results}]
    try_next: SpineDirection | None = None
    clinician = False

    preference: DirectionalPreference
    if len(central) == 1:
        preference = central[0].direction
        reasons.append(
            MovementReason(
                id=f"{preference}_preferred",
                text=f"{WORDS[preference].capitalize()} is your direction: the plan uses it.",
            )
        )
    elif len(central) == 2:
        best, other = sorted(central, key=_order, reverse=True)
        if _order(best) == _order(other):
            preference = "none"
            reasons.append(
                MovementReason(
                    id="both_centralised_equally",
                    text="Both directions eased your symptoms equally, so either is fine.",
                )
            )
        else:
            preference = best.direction
            reasons.append(
                MovementReason(
                    id=f"{preference}_preferred",
                    text=(
                        f"Both directions helped, {WORDS[preference]} more, so the plan uses it."
                    ),
                )
            )
    elif len(avoid) == 2:
        # Rule 5: both directions spread, today or on an earlier day (then already avoided).
        preference = "unknown"
        clinician = True
        reasons.append(
            MovementReason(
                id="both_peripheralised",
                text=(
                    "Both directions made your symptoms spread. The plan leaves out bending "
                    "either way; please ask your clinician to look at it."
                ),
            )
        )
    elif len(results) == 2 and not spread:
        preference = "none"
        reasons.append(
            MovementReason(
                id="no_direction_changes_it",
                text="Neither direction changed your symptoms, so both are fine within comfort.",
            )
        )
    else:
        preference = "unknown"
        # Rule 4: say which direction to try another day: one not tested yet, else the one that
        # did not spread the symptoms.
        unchanged = [r.direction for r in results if r.effect == "no_change"]
        try_next = next(iter(untested or unchanged), None)
        text = "The test has not shown a direction that eases your symptoms yet."
        if try_next is not None:
            again = "" if try_next in untested else " again"
            text += f" Try {WORDS[try_next]}{again} on another day."
        reasons.append(MovementReason(id="try_another_day", text=text))
    return MovementTestAnswer(
        directional_preference=preference,
        avoid_directions=avoid,
        clinician_review_recommended=clinician,
        try_next=try_next,
        reasons=reasons,
    )
