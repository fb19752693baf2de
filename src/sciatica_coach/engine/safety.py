"""Contraindications (contract plan rule 4): what may never be in a person's plan.

Every rule here is checked before anything is chosen, whatever else the plan wants (rule 0: red
flags, then the avoid lists, then these exclusions, rank above every requirement). The self-checks
use the same rules (checks rule 2), so a check is never offered in a position a plan would refuse.
"""

from typing import Final

from sciatica_coach.engine.catalog import Exercise
from sciatica_coach.engine.profile import Profile
from sciatica_coach.engine.vocabulary import (
    CONDITION_ORDER,
    Condition,
    Direction,
    Extent,
    Phase,
    SpineDirection,
    extent_rank,
)

# Extension narrows the spinal canal and the nerve exits and loads the pars and facet joints, so
# physiotherapists usually give people with stenosis or spondylolisthesis flexion-biased exercise
# (contract plan rule 4). It is clinical reasoning and usual practice, with low-quality trial
# evidence behind it (Macedo 2013, a systematic review on stenosis), not a NICE recommendation.
FLEXION_ONLY_CONDITIONS: Final[tuple[Condition, ...]] = (
    "spinal_stenosis",
    "isthmic_spondylolisthesis",
    "degenerative_spondylolisthesis",
)
# Lying face down presses on the growing uterus; lying flat on the back from mid-pregnancy can
# compress the vena cava (supine hypotension). Contract plan rule 4.
NO_PRONE_FROM_WEEK: Final = 13
NO_SUPINE_FROM_WEEK: Final = 20
# Rule 4: getting down to the floor and up again is hard or unsafe (floor_ok false).
OFF_THE_FLOOR: Final = ("sitting", "standing")
# Rule 4: nerve-loading positions wait while symptoms reach this far down the leg.
NERVE_SENSITIVE_FROM: Final[Extent] = "below_knee"
# Where the contract is silent. Repeated loaded forward bending was followed by more vertebral
# fractures than back-extension exercise in women with osteoporosis (Sinaki & Mikkelsen 1984);
# osteoporosis is common in women from 65 and in anyone at fracture risk, so end-range forward
# bends under the body's weight are left out for them, in favour of supported ones.
THIN_BONES_FROM_AGE: Final = 65
THIN_BONES_FROM_AGE_ANYONE: Final = 75


def pregnancy_week_for_safety(profile: Profile) -> int | None:
    """The pregnancy week the position rules use; ``None`` when the person is not pregnant.

    A pregnancy-related diagnosis without a week given is treated as 20 weeks or more: not knowing
    the week must never unlock lying face down or flat on the back. Someone who gave birth in the
    last six weeks is not pregnant: the rules for after the birth apply instead (``postpartum``).
    """
    if profile.pregnancy_weeks is not None:
        return profile.pregnancy_weeks
    if profile.weeks_since_birth is None and "pregnancy_related" in profile.all_conditions:
        return NO_SUPINE_FROM_WEEK
    return None


def postpartum(profile: Profile) -> bool:
    """In the six weeks after a birth (where the contract is silent): the stretched tummy wall, a
    possible caesarean wound and a pelvic floor not yet checked call for a gradual return, with
    planks, sit-ups and lying face down after the postnatal check (UK CMO physical activity
    guidelines 2019, after childbirth; ACOG Committee Opinion 804)."""
    return profile.weeks_since_birth is not None


def thin_bones_likely(profile: Profile) -> bool:
    """Women from 65 and everyone from 75 (osteoporosis becomes common), and anyone with a
    fracture-risk flag, reported or cleared."""
    older = profile.age >= (
        THIN_BONES_FROM_AGE if profile.sex == "female" else THIN_BONES_FROM_AGE_ANYONE
    )
    return older or "fracture_risk" in {*profile.red_flags, *profile.cleared_red_flags}


def needs_flexion(profile: Profile) -> list[Condition]:
    return [c for c in FLEXION_ONLY_CONDITIONS if c in profile.all_conditions]


def counts_as(direction: Direction) -> set[SpineDirection]:
    """Rule 4: ``mixed`` counts as extension and as flexion wherever a rule excludes either."""
    if direction == "mixed":
        return {"flexion", "extension"}
    if direction in ("flexion", "extension"):
        return {direction}
    return set()


def nerve_sensitive(phase: Phase, extent: Extent) -> bool:
    """Rule 4: no ``loads_nerve`` item in relief, or with symptoms below the knee or in the foot."""
    return phase == "relief" or extent_rank(extent) >= extent_rank(NERVE_SENSITIVE_FROM)


class Exclusions:
    """Rule 4 for one person, phase and extent: why an entry may not be in their plan.

    A plan asks this of every catalog entry, so what depends on the person alone is worked out
    once, and each entry's answer is kept. ``extent`` is how far down the leg the symptoms reach
    now: the profile's, or after a review the window's last ``extent_after``. Contraindications
    honour every listed diagnosis, confirmed or not: a suspected stenosis is reason enough to
    avoid arching back.
    """

    def __init__(self, profile: Profile, phase: Phase, extent: Extent | None = None) -> None:
        self.profile = profile
        self.phase = phase
        self.conditions = profile.all_conditions
        self.flexion_conditions = needs_flexion(profile)
        self.week = pregnancy_week_for_safety(profile)
        self.when = (
            f"{self.week} weeks" if profile.pregnancy_weeks is not None else "week not given"
        )
        self.avoid = set(profile.avoid_exercises)
        self.postpartum = postpartum(profile)
        self.thin_bones = thin_bones_likely(profile)
        self.nerve_sensitive = nerve_sensitive(phase, extent or profile.symptoms.extent)
        self._known: dict[str, list[str]] = {}

    def reasons(self, exercise: Exercise) -> list[str]:
        """Why ``exercise`` may not be in this person's plan; empty when it may."""
        known = self._known.get(exercise.id)
        if known is None:
            known = self._known[exercise.id] = self._reasons(exercise)
        return known

    def _reasons(self, exercise: Exercise) -> list[str]:
        profile, week, when = self.profile, self.week, self.when
        reasons: list[str] = []
        if exercise.id in self.avoid:
            reasons.append(
                "avoid_exercises: your clinician or a weekly review asked you to avoid it"
            )
        directions = counts_as(exercise.direction)
        if directions:
            reasons.extend(
                f"avoid_directions: {direction} spread your symptoms, so it is left out"
                for direction in profile.avoid_directions
                if direction in directions
            )
            if "extension" in directions:
                reasons.extend(
                    f"{condition}: avoids movements that arch the lower back backwards (extension)"
                    for condition in self.flexion_conditions
                )
        if week is not None:
            if week >= NO_PRONE_FROM_WEEK and exercise.position == "prone":
                reasons.append(f"pregnancy ({when}): no lying face down from 13 weeks")
            if week >= NO_SUPINE_FROM_WEEK and exercise.position == "supine":
                reasons.append(f"pregnancy ({when}): no lying flat on the back from 20 weeks")
            if "pregnancy" in exercise.contraindications:
                reasons.append(f"pregnancy ({when}): not advised during pregnancy")
        if self.postpartum:
            if exercise.position == "prone":
                reasons.append(
                    "after the birth: no lying face down until your postnatal check (a caesarean "
                    "wound or tender breasts)"
                )
            if "postpartum" in exercise.contraindications:
                reasons.append("after the birth: waits until your postnatal check")
        if self.thin_bones and exercise.loaded_flexion:
            reasons.append(
                "bones: a deep forward bend under your weight is left out, as thinner bones are "
                "common at your age or with your fracture risk"
            )
        if exercise.contraindications:
            reasons.extend(
                f"{condition}: not advised with this condition"
                for condition in CONDITION_ORDER
                if condition in exercise.contraindications and condition in self.conditions
            )
        if exercise.equipment:
            missing = [item for item in exercise.equipment if item not in profile.equipment]
            if missing:
                reasons.append(
                    f"equipment: needs {', '.join(missing)}, which is not in your equipment list"
                )
        if not profile.floor_ok and (
            exercise.position not in OFF_THE_FLOOR or exercise.needs_floor
        ):
            reasons.append(
                "floor: only sitting and standing exercises, as the floor is hard for you"
            )
        if exercise.loads_nerve and self.nerve_sensitive:
            reasons.append(
                "nerve: stretches the sciatic nerve, which waits while the pain is high or the "
                "symptoms reach below the knee"
            )
        if self.phase == "relief" and exercise.kind == "strengthen" and exercise.equipment:
            reasons.append(
                "relief phase: strengthening with equipment waits until the pain settles"
            )
        return reasons
