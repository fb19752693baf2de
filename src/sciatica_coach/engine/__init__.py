"""The clinical engine: pure Python (standard library and pydantic), never Django.

Each entry point takes the contract's JSON input as a dict and returns its JSON output as a dict.
``RefusedInput`` is the one exception raised for a refused input; it names the field and reason.
"""

from sciatica_coach.engine.api import (
    ENGINE_VERSION,
    assess,
    catalog,
    checks,
    movement_test,
    plan,
    replan,
    review,
    score,
    screen,
    session_log,
    triage,
    triage_and_plan,
)
from sciatica_coach.engine.errors import RefusedInput
from sciatica_coach.engine.placement import SLOTS
from sciatica_coach.engine.review import PROGRESS_ADHERENCE, WINDOW_DAYS
from sciatica_coach.engine.review_models import centralised, peripheralised
from sciatica_coach.engine.vocabulary import CONTRACT

__all__ = [
    "CONTRACT",
    "ENGINE_VERSION",
    "PROGRESS_ADHERENCE",
    "SLOTS",
    "WINDOW_DAYS",
    "RefusedInput",
    "assess",
    "catalog",
    "centralised",
    "checks",
    "movement_test",
    "peripheralised",
    "plan",
    "replan",
    "review",
    "score",
    "screen",
    "session_log",
    "triage",
    "triage_and_plan",
]
