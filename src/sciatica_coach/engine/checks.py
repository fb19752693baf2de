"""Which self-checks are safe to offer now (contract: Checks, rules 1-3).

Each check is done in a catalog entry's position, and is withheld wherever plan rule 4 would
leave that entry out for this person: the same rules, so a check never asks for what a plan
would refuse (a face-down back-extension hold with stenosis, a full side plank in pregnancy).
Holds are capped and counts stop at 20, or at the first sign in ``stop_when``: never to
exhaustion (McGill's endurance tests are normally held to failure; the program does not).
"""

from typing import Final

from sciatica_coach.engine.catalog import Catalog
from sciatica_coach.engine.phase import phase_for
from sciatica_coach.engine.profile import Profile
from sciatica_coach.engine.safety import Exclusions, nerve_sensitive
from sciatica_coach.engine.triage import triage
from sciatica_coach.engine.validation import Output
from sciatica_coach.engine.vocabulary import CONTRACT, IMBALANCE_TESTS, SpineDirection, Urgency

# Rule 3: a hold stops at two minutes, a count at 20, whichever sign comes first. Two minutes is
# past the usual flexor and side-bridge times and near the extensor's, so few results are cut
# short; 20 single-leg bridges is the threshold the assessment uses.
HOLD_CAP_S: Final = 120
REP_CAP: Final = 20
STOP_WHEN: Final = (
    "leg symptoms spread or grow",
    "form is lost",
    "pain is sharp or getting worse",
)
# Rule 2: the catalog entry each check is done as.
CHECK_EXERCISE: Final[dict[str, str]] = {
    "trunk_flexor_s": "trunk_flexor_hold",
    "trunk_extensor_s": "prone_extension_hold",
    "side_bridge_left_s": "side_plank",
    "side_bridge_right_s": "side_plank",
    "thomas_test": "thomas_test_position",
    "slr_left_deg": "straight_leg_raise_check",
    "slr_right_deg": "straight_leg_raise_check",
    "single_leg_bridge_left_reps": "single_leg_bridge",
    "single_leg_bridge_right_reps": "single_leg_bridge",
    "trendelenburg": "single_leg_stance",
}
# The movement test (contract: Movement test), one direction a day in steps from the gentlest:
# (exercise, hold in seconds, repetitions). Where the first step is not allowed, the other list
# is used: standing back bends where lying face down is excluded, sitting and bending forward
# where lying on the back is.
MOVEMENT_STEPS: Final[dict[SpineDirection, tuple[tuple[str, int, int], ...]]] = {
    "extension": (("prone_lying", 120, 1), ("prone_on_elbows", 60, 1), ("prone_press_up", 0, 10)),
    "flexion": (("single_knee_to_chest", 0, 10), ("double_knee_to_chest", 0, 10)),
}
MOVEMENT_STEPS_OFF_THE_FLOOR: Final[dict[SpineDirection, tuple[tuple[str, int, int], ...]]] = {
    "extension": (("standing_back_extension", 0, 10),),
    "flexion": (("seated_flexion", 0, 10),),
}
DIRECTIONS: Final[tuple[SpineDirection, ...]] = ("extension", "flexion")
# Where the contract is silent: the back-muscles hold is a long, hard effort in a backward bend
# (level 3), harder than anything a first plan gives. It waits until bending backwards is known
# to be safe (the preference is extension or none) and the symptoms stay above the knee.
EXTENSOR_HOLD: Final = "trunk_extensor_s"
EXTENSOR_HOLD_SAFE_WITH: Final = ("extension", "none")


class Withheld(Output):
    id: str
    check_exercise: str
    reasons: list[str]


class WithheldDirection(Output):
    direction: SpineDirection
    reasons: list[str]


class MovementStep(Output):
    exercise: str
    hold_s: int
    reps: int


class MovementTestOffer(Output):
    offered: list[SpineDirection]
    withheld: list[WithheldDirection]
    steps: dict[SpineDirection, list[MovementStep]]


class Limits(Output):
    hold_cap_s: int = HOLD_CAP_S
    rep_cap: int = REP_CAP
    stop_when: list[str] = list(STOP_WHEN)


class ChecksAnswer(Output):
    contract: str = CONTRACT
    urgency: Urgency
    offered: list[str]
    withheld: list[Withheld]
    check_exercise: dict[str, str]
    movement_test: MovementTestOffer
    limits: Limits = Limits()


def _movement_steps(
    rules: Exclusions, catalog: Catalog, direction: SpineDirection
) -> tuple[list[MovementStep], list[str]]:
    """The steps of one direction allowed for this person, or the reasons there are none."""
    reasons: list[str] = []
    for steps in (MOVEMENT_STEPS[direction], MOVEMENT_STEPS_OFF_THE_FLOOR[direction]):
        allowed: list[MovementStep] = []
        for exercise_id, hold_s, reps in steps:
            excluded = rules.reasons(catalog[exercise_id])
            if excluded:
                # Steps go from the gentlest; one that is not allowed ends the list there.
                reasons.extend(f"{catalog[exercise_id].name}: {r}" for r in excluded)
                break
            allowed.append(MovementStep(exercise=exercise_id, hold_s=hold_s, reps=reps))
        if allowed:
            return allowed, []
    return [], list(dict.fromkeys(reasons))


def movement_test_offer(
    profile: Profile, catalog: Catalog, urgency: Urgency, rules: Exclusions
) -> MovementTestOffer:
    """Which directions of the movement test are safe to offer now, with their steps."""
    directions: list[SpineDirection] = []
    held_back: list[WithheldDirection] = []
    steps: dict[SpineDirection, list[MovementStep]] = {}
    for direction in DIRECTIONS:
        if urgency != "self_care":
            reasons = ["urgency: see a doctor before the movement test"]
        elif direction in profile.avoid_directions:
            reasons = [f"avoid_directions: {direction} spread your symptoms before"]
        else:
            found, reasons = _movement_steps(rules, catalog, direction)
            if found:
                directions.append(direction)
                steps[direction] = found
                continue
        held_back.append(WithheldDirection(direction=direction, reasons=reasons))
    return MovementTestOffer(offered=directions, withheld=held_back, steps=steps)


def _extensor_hold_waits(profile: Profile) -> list[str]:
    reasons = []
    if profile.directional_preference not in EXTENSOR_HOLD_SAFE_WITH:
        reasons.append(
            "back-muscles hold: waits until the movement test shows that bending backwards is "
            "safe for you"
        )
    if nerve_sensitive("recovery", profile.symptoms.extent):
        reasons.append("back-muscles hold: waits while your symptoms reach below the knee")
    return reasons


def checks(profile: Profile, catalog: Catalog) -> ChecksAnswer:
    urgency = triage(profile).urgency
    phase = phase_for(profile)
    rules = Exclusions(profile, phase)
    offered: list[str] = []
    withheld: list[Withheld] = []
    for test in IMBALANCE_TESTS:
        entry = catalog[CHECK_EXERCISE[test]]
        if urgency != "self_care":
            reasons = ["urgency: see a doctor before any self-check"]
        elif phase == "relief":
            reasons = ["relief phase: the muscle checks wait until the pain is below 7 out of 10"]
            reasons += rules.reasons(entry)
        else:
            reasons = list(rules.reasons(entry))
        if test == EXTENSOR_HOLD and urgency == "self_care":
            reasons += _extensor_hold_waits(profile)
        if reasons:
            withheld.append(Withheld(id=test, check_exercise=entry.id, reasons=reasons))
        else:
            offered.append(test)
    return ChecksAnswer(
        urgency=urgency,
        offered=offered,
        withheld=withheld,
        check_exercise=dict(CHECK_EXERCISE),
        movement_test=movement_test_offer(profile, catalog, urgency, rules),
    )
