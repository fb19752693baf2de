"""Findings from the muscle-imbalance self-assessment (contract, plan rule 5).

Thresholds: McGill's trunk endurance ratios (McGill, Childs & Liebenson 1999; McGill, Low Back
Disorders) for the trunk tests; Thomas test for hip flexor length; straight-leg raise below 70
degrees as limited; Trendelenburg sign and fewer than 20 single-leg bridges for weak hip muscles.
They are signs to train, not diagnoses, and muscle imbalance is at most one contributor to back
pain and sciatica, not a proven cause.
"""

from typing import Final, Literal

from sciatica_coach.engine.catalog import Target
from sciatica_coach.engine.profile import Assessment
from sciatica_coach.engine.validation import Output
from sciatica_coach.engine.vocabulary import LegSide, SidedFinding

FLEXOR_EXTENSOR_RATIO_MAX: Final = 1.0  # McGill: flexion/extension endurance above 1.0
SIDE_BRIDGE_DIFFERENCE_MAX: Final = 0.05  # McGill: left/right side bridges differ > 5 %
SIDE_BRIDGE_EXTENSOR_RATIO_MIN: Final = 0.75  # McGill: side bridge / extension below 0.75
SLR_LIMITED_BELOW_DEG: Final = 70  # straight-leg raise under 70 degrees
SINGLE_LEG_BRIDGE_MIN_REPS: Final = 20  # fewer than 20 single-leg bridges: weak gluteals

Side = Literal["left", "right", "both"]

GENERAL_NOTE: Final = (
    "These tests point to muscles worth training. They are signs, not diagnoses, and they do not "
    "tell what is causing your sciatica."
)


class Finding(Output):
    id: str
    tests: list[str]
    value: float
    threshold: float
    side: Side | None
    target: Target
    answers: list[str]
    # A few words that name the finding, for the ``why`` of the item that answers it; ``text``
    # explains it in full, once.
    label: str
    text: str


def _sides(result: SidedFinding | None) -> Side | None:
    return {"positive_left": "left", "positive_right": "right", "positive_both": "both"}.get(
        result or "negative"
    )  # type: ignore[return-value]


def _joined(sides: list[Side]) -> Side:
    return sides[0] if len(sides) == 1 else "both"


def _symptomatic(leg_side: LegSide, side: Side) -> bool:
    return leg_side == "both" or side == "both" or leg_side == side


def assess(assessment: Assessment, leg_side: LegSide = "none") -> list[Finding]:
    """Every finding the assessment shows, in the contract's order."""
    a = assessment
    found: list[Finding] = []

    if a.trunk_flexor_s is not None and a.trunk_extensor_s:
        ratio = a.trunk_flexor_s / a.trunk_extensor_s
        if ratio > FLEXOR_EXTENSOR_RATIO_MAX:
            found.append(
                Finding(
                    id="flexor_extensor_ratio_high",
                    tests=["trunk_flexor_s", "trunk_extensor_s"],
                    value=round(ratio, 2),
                    threshold=FLEXOR_EXTENSOR_RATIO_MAX,
                    side=None,
                    target="trunk_extensor_endurance",
                    answers=["bird_dog"],
                    label="your back muscles tire before your tummy muscles",
                    text=(
                        f"You held the front (tummy) test for {a.trunk_flexor_s:g} s but the back "
                        f"test for only {a.trunk_extensor_s:g} s. The back muscles usually last at "
                        "least as long as the front ones, so building their endurance is worth it."
                    ),
                )
            )

    left, right = a.side_bridge_left_s, a.side_bridge_right_s
    if left is not None and right is not None and max(left, right) > 0:
        difference = abs(left - right) / max(left, right)
        if difference > SIDE_BRIDGE_DIFFERENCE_MAX:
            weaker: Side = "left" if left < right else "right"
            found.append(
                Finding(
                    id="side_bridge_asymmetry",
                    tests=["side_bridge_left_s", "side_bridge_right_s"],
                    value=round(difference, 3),
                    threshold=SIDE_BRIDGE_DIFFERENCE_MAX,
                    side=weaker,
                    target="lateral_trunk_endurance",
                    answers=["side_plank"],
                    label=f"your {weaker} side hold is shorter than your other side",
                    text=(
                        f"Your side holds differ: {left:g} s on the left and {right:g} s on the "
                        f"right. They are {difference:.0%} apart, and a difference of more than "
                        "5% is worth evening out. Side holds on both sides train the weaker one."
                    ),
                )
            )

    if a.trunk_extensor_s:
        low = [
            (side, held / a.trunk_extensor_s)
            for side, held in (("left", left), ("right", right))
            if held is not None and held / a.trunk_extensor_s < SIDE_BRIDGE_EXTENSOR_RATIO_MIN
        ]
        if low:
            sides: list[Side] = [side for side, _ in low]  # type: ignore[misc]
            found.append(
                Finding(
                    id="side_bridge_extensor_ratio_low",
                    tests=["side_bridge_left_s", "side_bridge_right_s", "trunk_extensor_s"],
                    value=round(min(ratio for _, ratio in low), 2),
                    threshold=SIDE_BRIDGE_EXTENSOR_RATIO_MIN,
                    side=_joined(sides),
                    target="lateral_trunk_endurance",
                    answers=["side_plank"],
                    label="your side holds are short compared with your back hold",
                    text=(
                        "Your side hold is short compared with your back hold (less than three "
                        "quarters of it). Side holds build the muscles along your sides that "
                        "steady the spine."
                    ),
                )
            )

    thomas = _sides(a.thomas_test)
    if thomas is not None:
        found.append(
            Finding(
                id="hip_flexor_tight",
                tests=["thomas_test"],
                value=1,
                threshold=1,
                side=thomas,
                target="hip_flexor_length",
                answers=["hip_flexor_stretch"],
                label=(
                    "tight muscles at the front of both hips"
                    if thomas == "both"
                    else f"tight muscles at the front of the {thomas} hip"
                ),
                text=(
                    "Your hip check showed that the muscles at the front of the hip (the hip "
                    f"flexors) are tight on the {thomas} side{'s' if thomas == 'both' else ''}. "
                    "Tight hip flexors tip the pelvis forward and may add to the load on the "
                    "lower back; a gentle stretch lengthens them."
                ),
            )
        )

    for side, angle in (("left", a.slr_left_deg), ("right", a.slr_right_deg)):
        if angle is None or angle >= SLR_LIMITED_BELOW_DEG:
            continue
        # On the painful leg a short straight-leg raise is usually the irritated nerve rather than a
        # tight hamstring; a slider moves the nerve without stretching it, so it comes first there.
        nerve_first = _symptomatic(leg_side, side)  # type: ignore[arg-type]
        # Contract plan rule 5: the nerve glide on the painful side, the hamstring stretch on the
        # other; each finding is answered by its own item only.
        answers = ["sciatic_nerve_glide"] if nerve_first else ["hamstring_stretch"]
        found.append(
            Finding(
                id=f"slr_limited_{side}",
                tests=[f"slr_{side}_deg"],
                value=angle,
                threshold=SLR_LIMITED_BELOW_DEG,
                side=side,
                target="sciatic_nerve_mobility" if nerve_first else "hamstring_length",
                answers=answers,
                label=(
                    f"a short straight leg lift on your painful {side} leg"
                    if nerve_first
                    else f"a short straight leg lift on your {side} leg"
                ),
                text=(
                    f"You could lift your straight {side} leg to {angle} degrees; under 70 degrees "
                    "is limited. "
                    + (
                        "On the painful leg this usually means the nerve is irritated rather than "
                        "the muscle short. The answer is a gentle nerve slider, which moves the "
                        "nerve without stretching it."
                        if nerve_first
                        else "On this side it often means short hamstrings (the muscles at "
                        "the back of the thigh), and the answer is a gentle hamstring stretch "
                        "once your symptoms allow it. If lifting this leg brought on pain or "
                        "tingling in your painful leg instead, skip that stretch and tell your "
                        "clinician."
                    )
                ),
            )
        )

    trendelenburg = _sides(a.trendelenburg)
    if trendelenburg is not None:
        found.append(
            Finding(
                id="hip_abductors_weak",
                tests=["trendelenburg"],
                value=1,
                threshold=1,
                side=trendelenburg,
                target="hip_abductor_strength",
                answers=["clamshell", "standing_hip_abduction", "side_lying_hip_abduction"],
                label="your hip dropped when you stood on one leg",
                text=(
                    "When you stood on one leg your pelvis dropped on the other side. This points "
                    "to weak muscles on the side of the hip; a hip-strengthening exercise works "
                    "on them."
                ),
            )
        )

    weak = [
        side
        for side, reps in (
            ("left", a.single_leg_bridge_left_reps),
            ("right", a.single_leg_bridge_right_reps),
        )
        if reps is not None and reps < SINGLE_LEG_BRIDGE_MIN_REPS
    ]
    if weak:
        fewest = min(
            r
            for r in (a.single_leg_bridge_left_reps, a.single_leg_bridge_right_reps)
            if r is not None
        )
        found.append(
            Finding(
                id="glutes_weak",
                tests=[f"single_leg_bridge_{side}_reps" for side in weak],
                value=fewest,
                threshold=SINGLE_LEG_BRIDGE_MIN_REPS,
                side=_joined(weak),  # type: ignore[arg-type]
                target="glute_strength",
                answers=["glute_bridge"],
                label="your buttock muscles tire early in the one-leg bridge",
                text=(
                    f"You managed {fewest} single-leg bridges; fewer than 20 means the buttock "
                    "muscles tire early. Bridges build them up so they can share the load with "
                    "your back."
                ),
            )
        )
    return found
