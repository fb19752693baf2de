"""Plain-word labels for the contract's ids. The ids and their order come from the vocabulary."""

import re
from typing import Final

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sciatica_coach.engine.vocabulary import (
    CONDITION_TEXT,
    EXTENT_ORDER,
    RED_FLAGS,
    RedFlagId,
)

Choices = list[tuple[str, str | Promise]]

LEG_SIDES: Final[Choices] = [
    ("left", _("Left leg")),
    ("right", _("Right leg")),
    ("both", _("Both legs")),
    ("none", _("Neither leg, only my back")),
]
_EXTENT_LABELS: Final[dict[str, Promise]] = {
    "none": _("Nowhere right now"),
    "back": _("Only my lower back"),
    "buttock": _("Down into my buttock"),
    "thigh": _("Down into my thigh"),
    "below_knee": _("Below my knee"),
    "foot": _("Into my foot or toes"),
}
EXTENTS: Final[Choices] = [(level, _EXTENT_LABELS[level]) for level in EXTENT_ORDER]
EXTENT_LABEL: Final = dict(EXTENTS)

SEXES: Final[Choices] = [
    ("female", _("Female")),
    ("male", _("Male")),
    ("other", _("Other")),
    ("unspecified", _("I'd rather not say")),
]
_CONDITION_LABELS: Final[dict[str, Promise]] = {
    "disc_herniation": _("A slipped, bulging or herniated disc"),
    "spinal_stenosis": _("Spinal stenosis (a narrowed spinal canal)"),
    "isthmic_spondylolisthesis": _("Isthmic spondylolisthesis (a slipped bone after a crack)"),
    "degenerative_spondylolisthesis": _(
        "Degenerative spondylolisthesis (a slipped bone from wear)"
    ),
    "piriformis_syndrome": _("Piriformis syndrome (a tight buttock muscle)"),
    "pregnancy_related": _("Pain linked to pregnancy"),
    "nonspecific": _("Sciatica, cause not known"),
}
CONDITIONS: Final[Choices] = [(c, _CONDITION_LABELS.get(c, c)) for c in CONDITION_TEXT]
CONDITION_LABEL: Final = dict(CONDITIONS)

# The red-flag questions use the vocabulary's own plain text, so wording never drifts. Two flags
# are not asked like the others: long-standing pain in both legs follows from where it hurts and
# for how long (triage rule 3), and the pregnancy warning signs are asked only of people who are
# pregnant or gave birth in the last six weeks (triage rule 7).
IMPLIED_ONLY: Final[frozenset[RedFlagId]] = frozenset({"bilateral_longstanding"})
PREGNANCY_FLAG: Final[RedFlagId] = "pregnancy_warning_signs"
RED_FLAG_CHOICES: Final[Choices] = [
    (fid, flag.text)
    for fid, flag in RED_FLAGS.items()
    if fid not in IMPLIED_ONLY and fid != PREGNANCY_FLAG
]
PREGNANCY_FLAG_CHOICES: Final[Choices] = [(PREGNANCY_FLAG, RED_FLAGS[PREGNANCY_FLAG].text)]


def _as_list(text: str) -> tuple[str, tuple[str, ...]]:
    """A sign written as "X, and any of: a, b, or c." as a question and the list it asks about,
    so the page can show a list rather than one long sentence, in the vocabulary's own words."""
    head, _colon, tail = text.partition(" any of: ")
    items = re.split(r",\s+(?:or\s+)?", tail.rstrip("."))
    return f"{head} any of these:", tuple(items)


PREGNANCY_SIGNS_QUESTION, PREGNANCY_SIGNS = _as_list(RED_FLAGS[PREGNANCY_FLAG].text)
# A flag that is never asked has no question to show; it gets a plain name of its own here.
_IMPLIED_LABELS: Final[dict[RedFlagId, Promise]] = {
    "bilateral_longstanding": _("Pain in both legs for more than six weeks"),
}
CLEARABLE_FLAG_CHOICES: Final[Choices] = [
    (fid, _IMPLIED_LABELS.get(fid, flag.text)) for fid, flag in RED_FLAGS.items() if flag.clearable
]


def flag_choices(*, pregnant_or_postpartum: bool) -> Choices:
    """The warning signs to ask about at a check-in: the pregnancy ones only where they apply."""
    if pregnant_or_postpartum:
        return [*RED_FLAG_CHOICES, *PREGNANCY_FLAG_CHOICES]
    return RED_FLAG_CHOICES


EQUIPMENT: Final[Choices] = [
    ("towel", _("A towel")),
    ("pillow", _("A pillow")),
    ("chair", _("A sturdy chair")),
    ("wall", _("A clear bit of wall")),
    ("band", _("An exercise band")),
    ("stability_ball", _("A big exercise ball")),
]
KINDS: Final[Choices] = [
    ("stretch", _("Stretches")),
    ("strengthen", _("Strengthening")),
    ("mobility", _("Gentle movement")),
    ("nerve_glide", _("Nerve glides")),
    ("position", _("Resting positions")),
    ("aerobic", _("Walking")),
]
POSITIONS: Final[Choices] = [
    ("supine", _("Lying on your back")),
    ("prone", _("Lying on your front")),
    ("side_lying", _("Lying on your side")),
    ("quadruped", _("On hands and knees")),
    ("kneeling", _("Kneeling")),
    ("sitting", _("Sitting")),
    ("standing", _("Standing")),
]
SLOTS: Final[dict[str, Promise]] = {
    "morning": _("Morning"),
    "midday": _("Midday"),
    "afternoon": _("Afternoon"),
    "evening": _("Evening"),
}
PHASES: Final[dict[str, Promise]] = {
    "relief": _("Calming the pain"),
    "recovery": _("Building strength"),
    "maintenance": _("Keeping it up"),
}
# What each phase is for, in our own words: the vocabulary's phase texts speak of correcting the
# imbalances as if they were the cause, which the evidence does not show.
PHASE_DESCRIPTIONS: Final[dict[str, Promise]] = {
    "relief": _("Calm the pain: gentle positions, stretches and short walks."),
    "recovery": _("Build strength and flexibility: stretches and strengthening, within comfort."),
    "maintenance": _("Keep it up: strengthening and daily stretches, twice a day, for good."),
}
SIDED: Final[Choices] = [
    ("", _("Not done")),
    ("negative", _("Neither side")),
    ("positive_left", _("Left side")),
    ("positive_right", _("Right side")),
    ("positive_both", _("Both sides")),
]
