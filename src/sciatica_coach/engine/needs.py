"""What a plan needs (contract plan rules 2, 4 and 5): the exercises chosen for a person, each
with why, taken only from those that safety allows."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from sciatica_coach.engine.assessment import Finding
from sciatica_coach.engine.catalog import Catalog, Exercise
from sciatica_coach.engine.profile import Profile
from sciatica_coach.engine.safety import exclusion_reasons, needs_flexion
from sciatica_coach.engine.vocabulary import Phase

# Relief sessions are short (contract phases); later phases hold more work.
MAX_ITEMS: Final[dict[Phase, int]] = {"relief": 5, "recovery": 7, "maintenance": 8}
# The program's basics: pelvic tilt, one then both knees to the chest, lying face down (relief);
# the curl-up / side plank / bird dog trio and bridges (recovery); stability-ball work
# (maintenance).
BASICS: Final[dict[Phase, tuple[str, ...]]] = {
    "relief": (
        "pelvic_tilt",
        "single_knee_to_chest",
        "double_knee_to_chest",
        "prone_lying",
        "seated_flexion",
        "cat_camel",
    ),
    "recovery": (
        "pelvic_tilt",
        "curl_up",
        "side_plank",
        "bird_dog",
        "glute_bridge",
        "hamstring_stretch",
        "cat_camel",
        "single_knee_to_chest",
        "seated_flexion",
    ),
    "maintenance": (
        "stability_ball_bridge",
        "stability_ball_march",
        "curl_up",
        "side_plank",
        "bird_dog",
        "glute_bridge",
        "hamstring_stretch",
        "hip_flexor_stretch",
        "cat_camel",
        "seated_flexion",
    ),
}
FLEXION_CHOICES: Final[dict[Phase, tuple[str, ...]]] = {
    "relief": (
        "single_knee_to_chest",
        "double_knee_to_chest",
        "seated_flexion",
        "childs_pose",
        "pelvic_tilt",
    ),
    "recovery": (
        "double_knee_to_chest",
        "childs_pose",
        "seated_flexion",
        "single_knee_to_chest",
        "pelvic_tilt",
    ),
    "maintenance": (
        "double_knee_to_chest",
        "childs_pose",
        "seated_flexion",
        "single_knee_to_chest",
        "pelvic_tilt",
    ),
}
DIRECTIONAL_TRIAL: Final[dict[Phase, tuple[str, ...]]] = {
    "relief": ("prone_lying", "prone_on_elbows"),
    "recovery": ("prone_on_elbows", "prone_lying"),
    "maintenance": ("prone_on_elbows", "prone_lying"),
}
# Priority classes for placing items into sessions: lower goes in first.
SAFETY, INDICATION, FINDING, BASIC, FILL = range(5)


@dataclass
class Choice:
    exercise: Exercise
    priority: int
    why: list[str]
    sides: set[str] = field(default_factory=set)


class Needs:
    """What the plan should hold, chosen from the exercises that safety allows."""

    def __init__(self, catalog: Catalog, profile: Profile, phase: Phase) -> None:
        self.catalog = catalog
        self.profile = profile
        self.phase = phase
        self.excluded: dict[str, list[str]] = {}
        for exercise in catalog.exercises:
            reasons = exclusion_reasons(exercise, profile, phase)
            if reasons:
                self.excluded[exercise.id] = reasons
        self.chosen: dict[str, Choice] = {}

    def allowed(self, exercise_id: str) -> bool:
        return exercise_id in self.catalog and exercise_id not in self.excluded

    def suits(self, exercise: Exercise) -> bool:
        return self.phase in exercise.phases

    def take(
        self,
        candidates: Iterable[str],
        why: str,
        priority: int,
        side: str | None = None,
    ) -> Choice | None:
        """Give ``why`` to the first candidate already chosen or allowed; ``None`` if none is."""
        ordered = list(dict.fromkeys(candidates))
        for exercise_id in ordered:
            if exercise_id in self.chosen:
                return self._add(self.chosen[exercise_id], why, priority, side)
        for must_suit in (True, False):
            for exercise_id in ordered:
                if not self.allowed(exercise_id):
                    continue
                exercise = self.catalog[exercise_id]
                if must_suit and not self.suits(exercise):
                    continue
                choice = Choice(exercise=exercise, priority=priority, why=[])
                self.chosen[exercise_id] = choice
                return self._add(choice, why, priority, side)
        return None

    @staticmethod
    def _add(choice: Choice, why: str, priority: int, side: str | None) -> Choice:
        if why not in choice.why:
            choice.why.append(why)
        choice.priority = min(choice.priority, priority)
        if side:
            choice.sides.add(side)
        return choice

    def ids(self, **tags: str) -> list[str]:
        return [
            e.id
            for e in sorted(self.catalog.exercises, key=lambda e: (e.level, e.id))
            if all(getattr(e, key) == value for key, value in tags.items())
        ]


def select(needs: Needs, findings: list[Finding]) -> None:
    profile, phase, catalog = needs.profile, needs.phase, needs.catalog
    confirmed = profile.confirmed_conditions

    for condition in needs_flexion(profile):
        needs.take(
            [*FLEXION_CHOICES[phase], *needs.ids(direction="flexion")],
            "Gently rounds the lower back (flexion), which eases the nerves with "
            f"{condition.replace('_', ' ')}.",
            SAFETY,
        )

    if "disc_herniation" in confirmed:
        needs.take(
            DIRECTIONAL_TRIAL[phase],
            "A careful trial of gently arching back (directional preference), which eases leg "
            "pain for many people with a disc problem. The weekly review removes it if your "
            "symptoms spread further down the leg.",
            INDICATION,
        )
    if "piriformis_syndrome" in confirmed:
        needs.take(
            [
                "piriformis_stretch",
                "seated_piriformis_stretch",
                *(e.id for e in catalog.with_target("piriformis_length")),
            ],
            "Stretches the piriformis muscle in the buttock, which can press on the sciatic nerve.",
            INDICATION,
        )
        if phase != "relief":
            needs.take(
                [
                    "clamshell",
                    *(e.id for e in catalog.with_target("hip_external_rotator_strength")),
                    *(e.id for e in catalog.with_target("hip_abductor_strength")),
                ],
                "Strengthens the hip muscles around the piriformis so they share its work.",
                INDICATION,
            )

    for finding in findings:
        needs.take(
            [*finding.answers, *(e.id for e in catalog.with_target(finding.target))],
            f"Answers your assessment: {finding.text}",
            FINDING,
            side=finding.side,
        )

    basic_why = {
        "relief": "One of the program's basic relief exercises.",
        "recovery": "Builds the strength and flexibility that protect your back.",
        "maintenance": "Keeps your back strong and supple for good.",
    }[phase]
    for exercise_id in BASICS[phase]:
        if len(needs.chosen) >= MAX_ITEMS[phase]:
            break
        needs.take([exercise_id], basic_why, BASIC)

    _promote_or_take(
        needs,
        "stretch",
        "Every plan holds a stretch: stretches restore flexibility and relieve quickly.",
    )
    if phase != "relief":
        _promote_or_take(
            needs,
            "strengthen",
            "Strengthening builds the support that keeps sciatica from coming back.",
        )


def _promote_or_take(needs: Needs, kind: str, why: str) -> None:
    """Contract plan rule 2: make sure one item of ``kind`` is placed first, in both sessions."""
    of_kind = [c for c in needs.chosen.values() if c.exercise.kind == kind]
    if of_kind:
        best = min(of_kind, key=lambda c: c.priority)
        best.priority = SAFETY
        return
    needs.take(needs.ids(kind=kind), why, SAFETY)


def apply_variant_step(needs: Needs, step: int) -> None:
    """Harder (step > 0) or easier (step < 0) variants: only where safe, same kind and direction."""
    if step == 0:
        return
    link = "harder" if step > 0 else "easier"
    replaced: dict[str, Choice] = {}
    for exercise_id, choice in needs.chosen.items():
        current = choice.exercise
        for _ in range(abs(step)):
            next_id = getattr(current, link)
            if next_id is None or not needs.allowed(next_id):
                break
            candidate = needs.catalog[next_id]
            if (candidate.kind, candidate.direction) != (current.kind, current.direction):
                break
            current = candidate
        if current.id != exercise_id:
            note = (
                "A harder variant, as you have progressed."
                if step > 0
                else ("An easier variant while the pain settles.")
            )
            choice = Choice(current, choice.priority, [*choice.why, note], choice.sides)
        if current.id in replaced:
            merged = replaced[current.id]
            merged.why.extend(w for w in choice.why if w not in merged.why)
            merged.priority = min(merged.priority, choice.priority)
            merged.sides |= choice.sides
        else:
            replaced[current.id] = choice
    needs.chosen = replaced
