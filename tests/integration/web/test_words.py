"""The shell maps the engine's ids to words and re-states none of its rules: every id the engine
can answer with has words on the pages."""

from typing import get_args

from sciatica_coach import engine
from sciatica_coach.engine.review_models import Decision
from sciatica_coach.engine.vocabulary import (
    CONDITION_ORDER,
    EXTENT_ORDER,
    PHASE_ORDER,
    URGENCY_ORDER,
    Kind,
    Position,
    SpineDirection,
)
from sciatica_coach.offline.views import STOP_HEADINGS
from sciatica_coach.program import choices
from sciatica_coach.program.views.review import DECISION_LABEL, DIRECTION_WORDS


def test_every_slot_the_engine_plans_has_words() -> None:
    assert set(engine.SLOTS) <= set(choices.SLOTS)


def test_every_extent_condition_phase_kind_and_position_has_words() -> None:
    assert set(EXTENT_ORDER) <= set(choices.EXTENT_LABEL)
    assert set(CONDITION_ORDER) <= set(choices.CONDITION_LABEL)
    assert set(PHASE_ORDER) <= set(choices.PHASES) & set(choices.PHASE_DESCRIPTIONS)
    assert set(get_args(Kind)) <= {k for k, _ in choices.KINDS}
    assert set(get_args(Position)) <= {p for p, _ in choices.POSITIONS}


def test_every_urgency_that_stops_a_session_has_a_heading() -> None:
    assert set(URGENCY_ORDER) - {"self_care"} <= set(STOP_HEADINGS)


def test_every_review_decision_and_direction_has_words() -> None:
    assert set(get_args(Decision)) <= set(DECISION_LABEL)
    assert set(get_args(SpineDirection)) <= set(DIRECTION_WORDS)
