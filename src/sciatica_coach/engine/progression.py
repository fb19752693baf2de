"""What a plan may hold, and where each progression stands (contract plan rule 4).

A *line* is a progression: the catalog's chain of ``easier``/``harder`` entries, gentlest first.
A first plan starts every line at level 1, and a directional line at its gentlest entry
(``prone_lying``, never ``prone_on_elbows``). A plan made by a review finds each line where the
reviewed plan had it and moves it at most one step (``step``), skipping entries that are not
allowed; a line new to the plan starts at level 1 like in a first plan.
"""

from dataclasses import dataclass, field
from typing import Final

from sciatica_coach.engine.catalog import Catalog, Exercise
from sciatica_coach.engine.clinician_plan import REMOVED
from sciatica_coach.engine.direction import DirectionPolicy
from sciatica_coach.engine.profile import Profile
from sciatica_coach.engine.safety import Exclusions
from sciatica_coach.engine.vocabulary import Extent, Phase

# Where the contract is silent: a review that moves the plan on moves at most two lines one step,
# and a directional line alone, so that symptoms spreading the week after can be traced to one
# change (a physiotherapist's reading of the revised engine).
MAX_LINES_MOVED_ON: Final = 2


@dataclass(frozen=True)
class Standing:
    """Where the reviewed plan had each line, and which way the review moves them."""

    positions: dict[str, str] = field(default_factory=dict)  # line id -> exercise id
    step: int = 0  # +1 one step harder, -1 one step easier, 0 stay
    # Why the lines move, in the words of each item's why ("your symptoms spread this week").
    because: str = ""

    @classmethod
    def of(
        cls, exercise_ids: list[str], catalog: Catalog, step: int, because: str = ""
    ) -> "Standing":
        positions = {catalog.line_id(e): e for e in exercise_ids if e in catalog}
        return cls(positions=positions, step=max(-1, min(1, step)), because=because)


@dataclass(frozen=True)
class Move:
    """A line the review moved: from the reviewed plan's entry to this plan's."""

    from_id: str
    to_id: str


class Pool:
    """The entries a plan may take, with the reasons for those it may not."""

    def __init__(
        self,
        catalog: Catalog,
        profile: Profile,
        phase: Phase,
        policy: DirectionPolicy,
        *,
        extent: Extent | None = None,
        standing: Standing | None = None,
    ) -> None:
        self.catalog = catalog
        self.profile = profile
        self.phase = phase
        self.policy = policy
        self.standing = standing or Standing()
        # Rule 4's exclusions for this person: what the plan says was left out, and why.
        rules = Exclusions(profile, phase, extent)
        self.excluded: dict[str, list[str]] = {}
        for exercise in catalog.exercises:
            if exercise.check_only:
                continue
            reasons = rules.reasons(exercise)
            if exercise.id in profile.clinician_plan.remove:
                reasons = [*reasons, REMOVED]
            if reasons:
                self.excluded[exercise.id] = reasons
        self.moves: dict[str, Move] = {}
        self._moved_on: list[Exercise] = []  # the lines moved one step harder, by their entry

    def usable(self, exercise: Exercise, *, trial: bool = False) -> bool:
        """``trial``: taking the unknown-preference trial, the one directional item it allows."""
        return (
            not exercise.check_only
            and exercise.id not in self.excluded
            and self.phase in exercise.phases
            and self.policy.permits(exercise.direction, trial=trial)
        )

    def why_not(self, exercise: Exercise) -> list[str]:
        """Why ``exercise`` cannot answer a need now (for ``unanswered``)."""
        reasons = list(self.excluded.get(exercise.id, []))
        if not self.policy.permits(exercise.direction, trial=True):
            reasons.append(f"direction: this plan holds no {exercise.direction} item")
        if self.phase not in exercise.phases:
            reasons.append(f"{self.phase} phase: not used in this phase")
        return reasons

    def commit(self, entry: Exercise) -> None:
        """``entry`` is in the plan: a line it moved on counts against the review's budget."""
        line = self.catalog.progression(entry.id)
        held = self.standing.positions.get(line[0].id)
        ids = [e.id for e in line]
        if held is not None and ids.index(entry.id) > ids.index(held):
            self._moved_on.append(line[0])

    def _may_move_on(self, root: Exercise) -> bool:
        if any(e.direction != "neutral" for e in self._moved_on):
            return False  # a directional line moved: it moves alone
        if root.direction != "neutral":
            return not self._moved_on
        return len(self._moved_on) < MAX_LINES_MOVED_ON

    def entry_for(self, candidate: str, *, trial: bool = False) -> Exercise | None:
        """The entry of ``candidate``'s line this plan would hold; ``None`` when none may."""
        line = self.catalog.progression(candidate)
        line_id = line[0].id
        held = self.standing.positions.get(line_id)
        if held is not None:
            entry = self._moved(line, [e.id for e in line].index(held), trial)
            if entry is not None and entry.id != held:
                self.moves[line_id] = Move(from_id=held, to_id=entry.id)
            return entry
        if line[0].direction != "neutral":
            # A directional line always starts at its gentlest entry, or not at all.
            first = line[0]
            return first if first.level == 1 and self.usable(first, trial=trial) else None
        at = [e.id for e in line].index(candidate)
        return next(
            (e for e in reversed(line[: at + 1]) if e.level == 1 and self.usable(e, trial=trial)),
            None,
        )

    def _moved(self, line: tuple[Exercise, ...], at: int, trial: bool) -> Exercise | None:
        def usable(exercise: Exercise) -> bool:
            return self.usable(exercise, trial=trial)

        step = self.standing.step
        # The unknown-preference trial stays the gentle trial it is (where the contract is
        # silent): a falling pain score is not a directional preference; the movement test or a
        # clinician sets one, and then the direction's line moves on.
        if step > 0 and not trial and self._may_move_on(line[0]):
            harder = next((e for e in line[at + 1 :] if usable(e)), None)
            if harder is not None:
                return harder
        if step < 0 or not usable(line[at]):
            easier = next((e for e in reversed(line[:at]) if usable(e)), None)
            if easier is not None or not usable(line[at]):
                return easier
        return line[at]
