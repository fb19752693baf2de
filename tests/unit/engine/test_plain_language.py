"""Red-flag and advice wording is checked for plain language: short sentences, no clinical jargon
without an explanation. A person reading these may be in pain and frightened."""

import re

import pytest

from sciatica_coach import engine
from sciatica_coach.engine import advice
from sciatica_coach.engine.vocabulary import RED_FLAGS
from tests.factories import profile

JARGON = (
    "radiculopathy",
    "peripheralis",
    "centralis",
    "contraindicat",
    "bilateral",
    "lumbar",
    "neurogenic",
    "claudication",
    "perineal",
    "sphincter",
    "urinary retention",
    "paraesthesia",
    "aetiology",
    "prognosis",
    "dorsiflex",
    "efficacy",
)
MAX_WORDS_PER_SENTENCE = 40
# The contract's red-flag texts are single sentences of up to 28 words; ours stay below that.
MAX_MEAN_WORDS = 28


def sentences(text: str) -> list[str]:
    """Sentences, with a list after "any of:" read item by item, as the pages show it (a list of
    warning signs is a list, not one long sentence)."""
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
        head, colon, tail = sentence.partition("any of:")
        found += [head, *re.split(r",\s+(?:or\s+)?", tail)] if colon else [sentence]
    return [s for s in found if s.strip()]


def user_texts() -> list[str]:
    texts = [
        value for name, value in vars(advice).items() if name.isupper() and isinstance(value, str)
    ]
    for group in (advice.URGENCY_ADVICE, advice.PHASE_ADVICE):
        texts += [t for tips in group.values() for t in tips]
    texts += list(advice.CONDITION_ADVICE.values())
    texts += [flag.text for flag in RED_FLAGS.values()]
    answer = engine.triage(profile(red_flags=list(RED_FLAGS), diagnoses=[], age=12))
    texts += [r["text"] for r in answer["reasons"]]
    return texts


@pytest.mark.parametrize("text", user_texts())
def test_advice_and_red_flag_wording_uses_no_unexplained_jargon(text: str) -> None:
    lowered = text.lower()
    for word in JARGON:
        assert word not in lowered, f"{word!r} in: {text}"
    if "cauda equina" in lowered:
        assert "nerves at the bottom of the spine" in lowered or "signs of cauda" in lowered


@pytest.mark.parametrize("text", user_texts())
def test_advice_and_red_flag_sentences_are_short(text: str) -> None:
    lengths = [len(s.split()) for s in sentences(text)]
    assert max(lengths) <= MAX_WORDS_PER_SENTENCE, text
    assert sum(lengths) / len(lengths) <= MAX_MEAN_WORDS, text
