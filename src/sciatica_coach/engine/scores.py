"""Questionnaire scores (contract: Scores). The copyrighted ODI wording is never reproduced: the
engine scores section values only. Minimal important changes: ODI 10 points, RMDQ 5 points or 30 %,
NRS 2 points or 30 % (Ostelo 2008; Farrar 2001); PGIC is public domain."""

from collections.abc import Callable
from typing import Annotated, Any, Final, Literal

from pydantic import Field

from sciatica_coach.engine.validation import Input, between, parse

ODI_SECTIONS: Final = 10
ODI_MIN_ANSWERED: Final = 8
ODI_BANDS: Final = ((20, "minimal"), (40, "moderate"), (60, "severe"), (80, "crippled"))
ODI_MIC: Final = 10
RMDQ_ITEMS: Final = 24
RMDQ_MIC: Final = 5
NRS_MIC: Final = 2
# The PEG is the mean of three 0-10 ratings (Krebs 2009); the rating scales' 2-point rule applies.
PEG_MIC: Final = NRS_MIC
# Minimal important change per instrument, for callers that show a score against it.
MIC: Final[dict[str, float]] = {"odi": ODI_MIC, "rmdq": RMDQ_MIC, "peg": PEG_MIC, "nrs": NRS_MIC}
PGIC_LABELS: Final = {
    1: "very much improved",
    2: "much improved",
    3: "minimally improved",
    4: "no change",
    5: "minimally worse",
    6: "much worse",
    7: "very much worse",
}

Instrument = Literal["odi", "rmdq", "peg", "pgic", "nrs"]
INSTRUMENTS: Final[tuple[Instrument, ...]] = ("odi", "rmdq", "peg", "pgic", "nrs")
ZeroToTen = Annotated[int, between(0, 10)]
OdiSection = Annotated[int, between(0, 5)]


class OdiAnswers(Input):
    sections: list[OdiSection | None] = Field(min_length=ODI_SECTIONS, max_length=ODI_SECTIONS)


class RmdqAnswers(Input):
    items: list[bool] = Field(min_length=RMDQ_ITEMS, max_length=RMDQ_ITEMS)


class PegAnswers(Input):
    pain: ZeroToTen
    enjoyment: ZeroToTen
    activity: ZeroToTen


class PgicAnswers(Input):
    rating: Annotated[int, between(1, 7)]


class NrsAnswers(Input):
    leg: ZeroToTen
    back: ZeroToTen


class RefusedScore(ValueError):
    pass


def odi(answers: OdiAnswers) -> dict[str, Any]:
    answered = [v for v in answers.sections if v is not None]
    if len(answered) < ODI_MIN_ANSWERED:
        raise RefusedScore(
            f"only {len(answered)} of 10 sections answered; at least {ODI_MIN_ANSWERED} are needed"
        )
    score = round(sum(answered) / (5 * len(answered)) * 100, 1)
    band = next((name for limit, name in ODI_BANDS if score <= limit), "bed-bound")
    return {"score": score, "band": band, "answered": len(answered), "mic": ODI_MIC}


def rmdq(answers: RmdqAnswers) -> dict[str, Any]:
    return {"score": sum(answers.items), "mic": RMDQ_MIC}


def peg(answers: PegAnswers) -> dict[str, Any]:
    mean = (answers.pain + answers.enjoyment + answers.activity) / 3
    return {"score": round(mean, 1), "mic": PEG_MIC}


def pgic(answers: PgicAnswers) -> dict[str, Any]:
    return {"score": answers.rating, "label": PGIC_LABELS[answers.rating]}


def nrs(answers: NrsAnswers) -> dict[str, Any]:
    return {
        "leg": answers.leg,
        "back": answers.back,
        "worst": max(answers.leg, answers.back),
        "mic": NRS_MIC,
    }


_SCORERS: Final[dict[str, tuple[type[Input], Callable[[Any], dict[str, Any]]]]] = {
    "odi": (OdiAnswers, odi),
    "rmdq": (RmdqAnswers, rmdq),
    "peg": (PegAnswers, peg),
    "pgic": (PgicAnswers, pgic),
    "nrs": (NrsAnswers, nrs),
}


def score_answers(instrument: str, data: object) -> dict[str, Any]:
    """Raises ``RefusedInput`` (via ``parse``) or ``RefusedScore``; the API turns both into one."""
    model, scorer = _SCORERS[instrument]
    return scorer(parse(model, data, "answers"))
