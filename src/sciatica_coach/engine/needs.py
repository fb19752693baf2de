"""What a plan needs (contract plan rules 0, 2, 4 and 5): the exercises chosen for a person, each
with why, taken only from those the pool allows, in the order of rule 0's precedence.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Final

from sciatica_coach.engine.assessment import Finding
from sciatica_coach.engine.catalog import Catalog, Dose, Exercise
from sciatica_coach.engine.clinician_plan import ClinicianOutcome
from sciatica_coach.engine.direction import Unmet
from sciatica_coach.engine.dose import phase_dose
from sciatica_coach.engine.progression import Pool
from sciatica_coach.engine.validation import Output
from sciatica_coach.engine.vocabulary import Condition, Phase

# Relief sessions are short (contract phases); later phases hold more work.
MAX_ITEMS: Final[dict[Phase, int]] = {"relief": 5, "recovery": 7, "maintenance": 8}
# The program's basics, in the order they are added; each a set of alternatives, of which the
# first the pool allows is taken (the floor version, else the one done sitting or standing).
# Each id names a line: a first plan takes its level-1 entry, so "side_plank" gives the side
# plank on the knees, or the side lean on a wall for someone who cannot get down to the floor.
# Stretches for a particular muscle (piriformis, hip flexors, hamstrings) are not basics: they
# come with the finding or the diagnosis that calls for them, and rule 2's stretch otherwise.
Basic = tuple[str, ...]
BASICS: Final[dict[Phase, tuple[Basic, ...]]] = {
    "relief": (
        ("pelvic_tilt", "seated_pelvic_tilt"),
        ("single_knee_to_chest", "standing_forward_lean", "seated_flexion"),
        ("hook_lying", "standing_forward_lean"),
        ("lower_trunk_rotation",),
        ("side_lying_rest",),
    ),
    "recovery": (
        ("pelvic_tilt", "seated_pelvic_tilt"),
        ("curl_up", "stability_ball_march"),
        ("side_plank",),
        ("bird_dog",),
        ("glute_bridge",),
        ("single_knee_to_chest", "standing_forward_lean", "seated_flexion"),
        ("sit_to_stand",),
        ("lower_trunk_rotation",),
    ),
    "maintenance": (
        ("stability_ball_bridge",),
        ("stability_ball_march",),
        ("curl_up",),
        ("side_plank",),
        ("bird_dog",),
        ("cat_camel",),
        ("single_knee_to_chest", "seated_flexion"),
        ("sit_to_stand",),
        ("heel_raises",),
    ),
}
# Off the floor, getting up from a chair and rising on the toes come first: they are what keeps
# an older person steady on their feet (falls prevention), and the floor basics are not allowed.
OFF_THE_FLOOR_BASICS: Final[tuple[Basic, ...]] = (("sit_to_stand", "mini_squat"), ("heel_raises",))
# Rule 2's stretch when no need brought one: gentle ones first, each only where the pool allows.
STRETCH_CHOICES: Final[tuple[str, ...]] = (
    "single_knee_to_chest",
    "seated_flexion",
    "piriformis_stretch",
    "seated_piriformis_stretch",
    "standing_hip_flexor_stretch",
    "wall_hamstring_stretch",
    "seated_hamstring_stretch",
)
FLEXION_CHOICES: Final[tuple[str, ...]] = (
    "single_knee_to_chest",
    "pelvic_tilt",
    "seated_flexion",
    "seated_pelvic_tilt",
    "standing_forward_lean",
    "ninety_ninety_rest",
)
EXTENSION_CHOICES: Final[tuple[str, ...]] = (
    "prone_lying",
    "standing_back_extension",
    "lumbar_roll_sitting",
)
# The unknown-preference trial (rule 5: one gentle extension trial): lying face down; where that
# is not allowed, sitting with a roll in the small of the back, the gentlest extension there is;
# standing back bends last, a small supported movement.
DIRECTIONAL_TRIAL: Final[tuple[str, ...]] = (
    "prone_lying",
    "lumbar_roll_sitting",
    "standing_back_extension",
)
PIRIFORMIS_STRETCHES: Final[tuple[str, ...]] = ("piriformis_stretch", "seated_piriformis_stretch")
HIP_STRENGTHENING: Final[tuple[str, ...]] = (
    "clamshell",
    "standing_hip_abduction",
    "side_lying_hip_abduction",
)
# Why a basic is in the plan, by what it does (the same words would not be true of all of them).
BASIC_WHY: Final[dict[str, str]] = {
    "strengthen": "Builds, gently, the strength that supports your back and hips.",
    "stretch": "A gentle stretch that keeps your back supple.",
    "mobility": "Gentle movement that loosens a stiff, sore back.",
    "position": "A resting position that many people find eases back and leg pain.",
    "nerve_glide": "Moves the sciatic nerve gently, without stretching it.",
    "aerobic": "Gets you moving, which helps sciatica settle.",
}
# Priority classes for placing items into sessions: lower goes in first.
SAFETY, INDICATION, FINDING, BASIC, FILL = range(5)


class Unanswered(Output):
    """A self-check finding that no allowed item answers (rule 0), and why."""

    finding: str
    reason: str


@dataclass
class Choice:
    exercise: Exercise
    priority: int
    why: list[str]
    sides: set[str] = field(default_factory=set)
    trial: bool = False


class Needs:
    """What the plan should hold, one entry per line, chosen from what the pool allows."""

    def __init__(self, pool: Pool) -> None:
        self.pool = pool
        self.catalog: Catalog = pool.catalog
        self.phase: Phase = pool.phase
        self.chosen: dict[str, Choice] = {}  # line id -> choice
        self.unmet: list[Unmet] = list(pool.policy.unmet)
        self.unanswered: list[Unanswered] = []
        # A clinician's doses, by exercise, and what became of each item a clinician asked for.
        self.doses: dict[str, Dose] = {}
        self.clinician: list[ClinicianOutcome] = []

    def dose_for(self, exercise: Exercise) -> Dose:
        return phase_dose(exercise, self.phase, self.doses.get(exercise.id))

    def held(self, candidates: Iterable[str]) -> Choice | None:
        """The choice already made on one of ``candidates``' lines, if any."""
        for exercise_id in candidates:
            choice = self.chosen.get(self.catalog.line_id(exercise_id))
            if choice is not None:
                return choice
        return None

    def take(
        self,
        candidates: Iterable[str],
        why: str | Callable[[Exercise], str],
        priority: int,
        side: str | None = None,
        *,
        trial: bool = False,
        fits: Callable[[Exercise], bool] | None = None,
    ) -> Choice | None:
        """Give ``why`` to a choice on one of ``candidates``' lines: one already made, else the
        first line the pool allows (and ``fits``, if given). ``None`` when none may be taken."""
        ordered = [c for c in dict.fromkeys(candidates) if c in self.catalog]
        choice = self.held(ordered)
        new = choice is None
        if choice is None:
            found = (self.pool.entry_for(c, trial=trial) for c in ordered)
            entry = next((e for e in found if e is not None and (fits is None or fits(e))), None)
            if entry is None:
                return None
            choice = Choice(exercise=entry, priority=priority, why=[], trial=trial)
            self.chosen[self.catalog.line_id(entry.id)] = choice
            self.pool.commit(entry)
        if not isinstance(why, str):
            why = why(choice.exercise)
        if why not in choice.why:
            choice.why.append(why)
        move = self.pool.moves.get(self.catalog.line_id(choice.exercise.id))
        if new and move is not None:
            standing = self.pool.standing
            choice.why.append(
                _move_note(self.catalog, move.from_id, move.to_id, standing.because, standing.step)
            )
        choice.priority = min(choice.priority, priority)
        if side:
            choice.sides.add(side)
        return choice

    def ids(self, **tags: object) -> list[str]:
        return [
            e.id
            for e in sorted(self.catalog.exercises, key=lambda e: (e.level, e.id))
            if not e.check_only and all(getattr(e, key) == value for key, value in tags.items())
        ]


def _move_note(catalog: Catalog, from_id: str, to_id: str, because: str, step: int) -> str:
    """Why a line moved. The review's reason is used only for moves in the review's own
    direction; a step back that the rules forced (a pregnancy week, a new exclusion) says so."""
    before = catalog[from_id].name.lower()
    if _further(catalog, from_id, to_id):
        reason = because if step > 0 and because else "as you are ready for it"
        return f"One step on from {before}, {reason}."
    if step < 0 and because:
        return f"One step back from {before}, {because}."
    return f"One step back from {before}: that step is not suitable for you now."


def _further(catalog: Catalog, from_id: str, to_id: str) -> bool:
    line = [e.id for e in catalog.progression(from_id)]
    return line.index(to_id) > line.index(from_id)


def _condition_words(conditions: Iterable[Condition]) -> str:
    return " and ".join(c.replace("_", " ") for c in conditions)


def select(
    needs: Needs,
    findings: list[Finding],
    before_basics: Callable[[Needs], None] | None = None,
) -> None:
    """Rule 0's order: rule 4's requirements, then rule 5's indications, then the basics.
    ``before_basics``: what a clinician asked for, taken after every requirement and before
    the basics (which a clinic's template may stand in for)."""
    pool, phase, catalog = needs.pool, needs.phase, needs.catalog
    policy, profile = pool.policy, pool.profile
    confirmed = profile.confirmed_conditions

    if policy.required == "flexion" and policy.required_by_condition:
        conditions = policy.required_by_condition
        known = all(c in confirmed for c in conditions)
        taken = needs.take(
            [*FLEXION_CHOICES, *needs.ids(direction="flexion")],
            "Gently rounds the lower back (bending forward), which usually eases the nerves with "
            + ("your " if known else "a possible ")
            + f"{_condition_words(conditions)}.",
            SAFETY,
        )
        if taken is None:
            needs.unmet.append(
                Unmet(
                    id="flexion_item",
                    reason=(
                        f"With {_condition_words(conditions)} the plan should bend forward, but no "
                        "forward-bending exercise is allowed for you. Your clinician decides."
                    ),
                )
            )
    elif policy.required in ("extension", "flexion"):
        direction = policy.required
        taken = needs.take(
            [
                *(EXTENSION_CHOICES if direction == "extension" else FLEXION_CHOICES),
                *needs.ids(direction=direction),
            ],
            (
                "Bends the lower back backwards: your directional preference is bending "
                "backwards, which eased your leg symptoms when it was tested."
                if direction == "extension"
                else "Bends the lower back forward: your directional preference is bending "
                "forward, which eased your leg symptoms when it was tested."
            ),
            SAFETY,
        )
        if taken is None:
            needs.unmet.append(
                Unmet(
                    id="directional_preference",
                    reason=(
                        f"Your directional preference is {direction}, but no exercise of that "
                        "direction is allowed for you now. Please ask your clinician."
                    ),
                )
            )
    if policy.trial:
        cause = "a disc problem" if "disc_herniation" in confirmed else "sciatica"
        needs.take(
            DIRECTIONAL_TRIAL,
            "A careful trial of gently arching back. For many people with "
            f"{cause} this eases the leg pain. If your symptoms spread further down the leg, "
            "stop it: the review then takes it out.",
            INDICATION,
            trial=True,
        )

    if "piriformis_syndrome" in confirmed:
        stretch = needs.take(
            [*PIRIFORMIS_STRETCHES, *(e.id for e in catalog.with_target("piriformis_length"))],
            "Stretches the piriformis muscle in the buttock, which can press on the sciatic nerve.",
            INDICATION,
        )
        if stretch is None:
            needs.unmet.append(
                Unmet(
                    id="piriformis_stretch",
                    reason=(
                        "No piriformis stretch is allowed for you now. Please ask your clinician."
                    ),
                )
            )
        if phase != "relief":
            strength = needs.take(
                [
                    *HIP_STRENGTHENING,
                    *(e.id for e in catalog.with_target("hip_external_rotator_strength")),
                    *(e.id for e in catalog.with_target("hip_abductor_strength")),
                ],
                "Strengthens the hip muscles around the piriformis so they share its work.",
                INDICATION,
            )
            if strength is None:
                needs.unmet.append(
                    Unmet(
                        id="hip_strengthening",
                        reason=(
                            "No hip-strengthening exercise is allowed for you now. Please ask your "
                            "clinician."
                        ),
                    )
                )

    for finding in findings:
        _answer(needs, finding)

    if before_basics is not None:
        before_basics(needs)
    basics = BASICS[phase] if profile.clinician_plan.basics else ()
    if not profile.floor_ok and phase != "relief":
        basics = (*OFF_THE_FLOOR_BASICS, *basics)
    for alternatives in basics:
        if len(needs.chosen) >= MAX_ITEMS[phase]:
            break
        needs.take(alternatives, lambda e: BASIC_WHY[e.kind], BASIC)

    _promote_or_take(
        needs,
        "stretch",
        "Every plan holds a gentle stretch: stretching keeps you supple and often eases the pain "
        "for a while.",
        STRETCH_CHOICES,
    )
    if phase != "relief":
        _promote_or_take(
            needs,
            "strengthen",
            "Strengthening builds the support that protects your back.",
        )


def _answer(needs: Needs, finding: Finding) -> None:
    """Rule 5: a finding is answered by one of its own ids' lines, else by an allowed item that
    targets it, else it is listed as unanswered. An item chosen for another reason counts only
    when it is on one of the finding's own lines (the old bug: a bridge chosen for the back
    "answered" weak buttock muscles by sharing a target)."""
    why = f"Answers your self-check: {finding.label}."
    if needs.take(finding.answers, why, FINDING, side=finding.side):
        return
    catalog = needs.catalog
    targeted = [e.id for e in catalog.with_target(finding.target)]
    fresh = [e for e in targeted if needs.held([e]) is None]

    def targets_it(exercise: Exercise) -> bool:
        return finding.target in exercise.targets

    if needs.take(fresh, why, FINDING, side=finding.side, fits=targets_it):
        return
    held = next(
        (
            choice
            for choice in (needs.held([e]) for e in targeted)
            if choice is not None and targets_it(choice.exercise)
        ),
        None,
    )
    if held is not None:
        needs.take([held.exercise.id], why, FINDING, side=finding.side)
        return
    blocked = [
        f"{catalog[e].name}: {'; '.join(needs.pool.why_not(catalog[e]))}"
        for e in finding.answers
        if needs.pool.why_not(catalog[e])
    ]
    label = finding.label[0].upper() + finding.label[1:]
    needs.unanswered.append(
        Unanswered(
            finding=finding.id,
            reason=(
                f"{label}: no exercise for it is allowed for you now"
                + (f" ({'. '.join(blocked)})" if blocked else "")
                + "."
            ),
        )
    )


def _promote_or_take(needs: Needs, kind: str, why: str, preferred: tuple[str, ...] = ()) -> None:
    """Contract plan rule 2: make sure one item of ``kind`` is placed first, in both sessions."""
    of_kind = [c for c in needs.chosen.values() if c.exercise.kind == kind]
    if of_kind:
        best = min(of_kind, key=lambda c: c.priority)
        best.priority = SAFETY
        return
    needs.take([*preferred, *needs.ids(kind=kind)], why, SAFETY)
