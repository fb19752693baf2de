"""Questionnaire scores (contract: Scores)."""

import pytest

from sciatica_coach import engine


def test_odi_scores_answered_sections_only() -> None:
    answer = engine.score("odi", {"sections": [2, 1, 3, 2, 2, 2, 1, None, 2, 1]})
    assert (answer["score"], answer["band"], answer["answered"]) == (35.6, "moderate", 9)


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (10, "minimal"),
        (11, "moderate"),
        (20, "moderate"),
        (30, "severe"),
        (40, "crippled"),
        (41, "bed-bound"),
        (50, "bed-bound"),
    ],
)
def test_odi_bands(total: int, band: str) -> None:
    sections = [min(5, max(0, total - 5 * i)) for i in range(10)]
    assert engine.score("odi", {"sections": sections})["band"] == band


def test_odi_refuses_fewer_than_8_answered_sections() -> None:
    with pytest.raises(engine.RefusedInput, match=r"answers\.sections: only 7 of 10"):
        engine.score("odi", {"sections": [1] * 7 + [None] * 3})


def test_odi_refuses_a_section_above_5() -> None:
    with pytest.raises(
        engine.RefusedInput, match=r"answers.sections\[2\]: 6 is not between 0 and 5"
    ):
        engine.score("odi", {"sections": [1, 1, 6, 1, 1, 1, 1, 1, 1, 1]})


def test_rmdq_counts_yes_answers() -> None:
    assert engine.score("rmdq", {"items": [True] * 7 + [False] * 17})["score"] == 7


def test_rmdq_needs_24_items() -> None:
    with pytest.raises(engine.RefusedInput, match=r"answers\.items"):
        engine.score("rmdq", {"items": [True] * 23})


def test_peg_is_the_mean_to_one_decimal() -> None:
    assert engine.score("peg", {"pain": 7, "enjoyment": 5, "activity": 6})["score"] == 6.0
    assert engine.score("peg", {"pain": 7, "enjoyment": 5, "activity": 5})["score"] == 5.7


@pytest.mark.parametrize(
    ("rating", "label"),
    [(1, "very much improved"), (2, "much improved"), (4, "no change"), (7, "very much worse")],
)
def test_pgic_labels(rating: int, label: str) -> None:
    assert engine.score("pgic", {"rating": rating}) == {
        "instrument": "pgic",
        "score": rating,
        "label": label,
    }


def test_nrs_reports_the_worst_side() -> None:
    answer = engine.score("nrs", {"leg": 6, "back": 3})
    assert (answer["leg"], answer["back"], answer["worst"]) == (6, 3, 6)


def test_an_unknown_instrument_is_refused() -> None:
    with pytest.raises(engine.RefusedInput, match="instrument"):
        engine.score("sf36", {})
