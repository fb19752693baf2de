"""Contraindications (contract, plan rule 4): what may never be in a person's plan.

Every rule here is checked before anything is chosen, whatever else the plan wants.
"""

from typing import Final

from sciatica_coach.engine.catalog import Exercise
from sciatica_coach.engine.profile import Profile
from sciatica_coach.engine.vocabulary import CONDITION_ORDER, Condition, Phase

# Extension narrows the spinal canal and loads the pars and facet joints: NICE NG59 and the
# physiotherapy literature on stenosis and spondylolisthesis favour flexion-biased exercise.
FLEXION_ONLY_CONDITIONS: Final[tuple[Condition, ...]] = (
    "spinal_stenosis",
    "isthmic_spondylolisthesis",
    "degenerative_spondylolisthesis",
)
# Lying face down presses on the growing uterus; lying flat on the back from mid-pregnancy can
# compress the vena cava (supine hypotension). Contract plan rule 4.
NO_PRONE_FROM_WEEK: Final = 13
NO_SUPINE_FROM_WEEK: Final = 20


def pregnancy_week_for_safety(profile: Profile) -> int | None:
    """The pregnancy week the position rules use; ``None`` when the person is not pregnant.

    A pregnancy-related diagnosis without a week given is treated as 20 weeks or more: not knowing
    the week must never unlock lying face down or flat on the back.
    """
    if profile.pregnancy_weeks is not None:
        return profile.pregnancy_weeks
    if "pregnancy_related" in profile.all_conditions:
        return NO_SUPINE_FROM_WEEK
    return None


def needs_flexion(profile: Profile) -> list[Condition]:
    return [c for c in FLEXION_ONLY_CONDITIONS if c in profile.all_conditions]


def exclusion_reasons(exercise: Exercise, profile: Profile, phase: Phase) -> list[str]:
    """Why ``exercise`` may not be in this person's plan; empty when it may.

    Contraindications honour every listed diagnosis, confirmed or not: a suspected stenosis is
    reason enough to avoid arching back.
    """
    reasons: list[str] = []
    conditions = profile.all_conditions
    if exercise.direction == "extension":
        reasons.extend(
            f"{condition}: avoids movements that arch the lower back backwards (extension)"
            for condition in needs_flexion(profile)
        )
    week = pregnancy_week_for_safety(profile)
    if week is not None:
        when = f"{week} weeks" if profile.pregnancy_weeks is not None else "week not given"
        if week >= NO_PRONE_FROM_WEEK and exercise.position == "prone":
            reasons.append(f"pregnancy ({when}): no lying face down from 13 weeks")
        if week >= NO_SUPINE_FROM_WEEK and exercise.position == "supine":
            reasons.append(f"pregnancy ({when}): no lying flat on the back from 20 weeks")
        if "pregnancy" in exercise.contraindications:
            reasons.append(f"pregnancy ({when}): not advised during pregnancy")
    reasons.extend(
        f"{condition}: not advised with this condition"
        for condition in CONDITION_ORDER
        if condition in exercise.contraindications and condition in conditions
    )
    missing = [item for item in exercise.equipment if item not in profile.equipment]
    if missing:
        reasons.append(
            f"equipment: needs {', '.join(missing)}, which is not in your equipment list"
        )
    if exercise.id in profile.avoid_exercises:
        reasons.append("avoid_exercises: your clinician or a weekly review asked you to avoid it")
    if phase == "relief" and exercise.kind == "strengthen" and exercise.equipment:
        reasons.append("relief phase: strengthening with equipment waits until the pain settles")
    return reasons
