"""Which way a plan may bend the lower back (contract plan rules 0, 4 and 5: direction).

A plan's directional items all go one way, so that when symptoms spread the review can tell which
direction did it. Conditions that need flexion (rule 4) outrank the person's preference (rule 5);
the avoid lists outrank both (rule 0). Directional preference and centralisation: Long 2004.
"""

from dataclasses import dataclass, field
from typing import Final, Literal

from sciatica_coach.engine.profile import Profile
from sciatica_coach.engine.safety import (
    NO_PRONE_FROM_WEEK,
    needs_flexion,
    postpartum,
    pregnancy_week_for_safety,
)
from sciatica_coach.engine.validation import Output
from sciatica_coach.engine.vocabulary import Condition, Direction, SpineDirection

Tag = Literal["flexion", "extension", "mixed"]
# Rule 5: the unknown-preference trial is for these causes only.
TRIAL_CONDITIONS: Final[tuple[Condition, ...]] = ("disc_herniation", "nonspecific")
TRIAL_DIRECTION: Final[SpineDirection] = "extension"


class Unmet(Output):
    """A requirement the plan could not keep, and why (rule 0). It calls for a clinician."""

    id: str
    reason: str


@dataclass(frozen=True)
class DirectionPolicy:
    allowed: frozenset[Tag]
    # At least one item of this direction: rule 4 (a condition) or rule 5 (the preference).
    required: SpineDirection | None = None
    required_by_condition: tuple[Condition, ...] = ()
    # The one gentle extension trial of an ``unknown`` preference (rule 5).
    trial: bool = False
    unmet: tuple[Unmet, ...] = field(default=())

    def permits(self, direction: Direction, *, trial: bool = False) -> bool:
        """``trial``: for the trial item only, which alone may bend the trial's way."""
        if direction == "neutral" or direction in self.allowed:
            return True
        return trial and self.trial and direction == TRIAL_DIRECTION


def direction_policy(profile: Profile, *, no_directional: bool = False) -> DirectionPolicy:
    """Rule 5's direction for this person. ``no_directional``: the review found no single cause
    of spreading symptoms, so the next plan holds no directional item at all (review rule 2)."""
    avoid = set(profile.avoid_directions)
    flexion_conditions = tuple(needs_flexion(profile))
    preference = profile.directional_preference
    unmet: list[Unmet] = []

    if no_directional:
        if flexion_conditions:
            unmet.append(
                Unmet(
                    id="flexion_item",
                    reason=(
                        "No exercise that bends forward this week: the review could not tell which "
                        "movement spread your symptoms, so your clinician decides what comes next."
                    ),
                )
            )
        return DirectionPolicy(allowed=frozenset(), unmet=tuple(unmet))

    if flexion_conditions:
        names = ", ".join(c.replace("_", " ") for c in flexion_conditions)
        if preference == "extension":
            unmet.append(
                Unmet(
                    id="directional_preference",
                    reason=(
                        f"Your preferred direction is bending backwards, but with {names} the "
                        "plan bends forward only. Please ask your clinician which to follow."
                    ),
                )
            )
        if "flexion" in avoid:
            unmet.append(
                Unmet(
                    id="flexion_item",
                    reason=(
                        f"With {names} the plan should hold an exercise that bends forward, but "
                        "bending forward spread your symptoms. Your clinician decides what to do."
                    ),
                )
            )
            return DirectionPolicy(allowed=frozenset(), unmet=tuple(unmet))
        return DirectionPolicy(
            allowed=frozenset({"flexion"}),
            required="flexion",
            required_by_condition=flexion_conditions,
            unmet=tuple(unmet),
        )

    if preference in ("extension", "flexion"):
        if preference in avoid:
            unmet.append(
                Unmet(
                    id="directional_preference",
                    reason=(
                        f"Your preferred direction ({preference}) has since spread your symptoms, "
                        "so the plan leaves it out. Please ask your clinician to check it again."
                    ),
                )
            )
            return DirectionPolicy(allowed=frozenset(), unmet=tuple(unmet))
        return DirectionPolicy(allowed=frozenset({preference}), required=preference)

    if preference == "none":
        allowed: set[Tag] = {"flexion", "extension", "mixed"}
        return DirectionPolicy(allowed=frozenset(allowed - set(avoid)))

    week = pregnancy_week_for_safety(profile)
    # Not in the six weeks after a birth either (where the contract is silent): lying face down
    # waits for the postnatal check, and a directional trial then is one thing too many.
    trial = (
        bool(set(TRIAL_CONDITIONS) & profile.confirmed_conditions)
        and TRIAL_DIRECTION not in avoid
        and (week is None or week < NO_PRONE_FROM_WEEK)
        and not postpartum(profile)
    )
    if trial:
        # Nothing else may bend either way: the trial is the plan's only directional item.
        return DirectionPolicy(allowed=frozenset(), trial=True)
    return DirectionPolicy(allowed=frozenset())
