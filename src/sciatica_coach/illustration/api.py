"""The illustration package's two doors: one exercise's SVG, and the gallery page of all of them."""

from functools import cache

from sciatica_coach.engine.catalog import load_catalog
from sciatica_coach.illustration.keyframes import build
from sciatica_coach.illustration.render import MODES, Mode, render


class UnknownExercise(LookupError):
    """The id is not an exercise in the catalog."""

    def __init__(self, exercise_id: str) -> None:
        super().__init__(f"{exercise_id!r} is not an exercise in the catalog")
        self.exercise_id = exercise_id


def illustrate(exercise_id: str, *, mode: Mode = "animated") -> str:
    """The SVG text of one exercise: ``animated`` (loops; still under reduced motion), ``still``
    (the held position) or ``strip`` (start and end side by side, for print)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    if exercise_id not in load_catalog():
        raise UnknownExercise(exercise_id)
    return _cached(exercise_id, mode)


@cache
def _cached(exercise_id: str, mode: Mode) -> str:
    return render(build(exercise_id), mode)
