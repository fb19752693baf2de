"""The contract's words (``vocabulary.json``), as typed constants.

The JSON file is a copy of ``shared/contract/vocabulary.json``; a test checks that the two agree and
that the ``Literal`` types below list exactly the ids the JSON file holds.
"""

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final, Literal, get_args

CONTRACT: Final = "sciatica-coach/1"

Urgency = Literal["emergency", "urgent", "soon", "routine", "self_care"]
RedFlagId = Literal[
    "saddle_numbness",
    "bladder_change",
    "bowel_change",
    "bilateral_leg_weakness",
    "progressive_weakness",
    "bilateral_sciatica",
    "bilateral_longstanding",
    "gait_disturbance",
    "fever_or_infection",
    "infection_risk",
    "significant_trauma",
    "fracture_risk",
    "cancer_history",
    "unexplained_weight_loss",
    "constant_night_pain",
    "pregnancy_warning_signs",
    "calf_swelling",
    "breathless_chest_pain",
]
# Where each red flag sends the person (``where_to_go``), most urgent first.
Place = Literal["emergency_department", "maternity_unit", "same_day_doctor", "doctor_within_days"]
Condition = Literal[
    "disc_herniation",
    "spinal_stenosis",
    "isthmic_spondylolisthesis",
    "degenerative_spondylolisthesis",
    "piriformis_syndrome",
    "pregnancy_related",
    "nonspecific",
]
Extent = Literal["none", "back", "buttock", "thigh", "below_knee", "foot"]
Phase = Literal["relief", "recovery", "maintenance"]
Kind = Literal["stretch", "strengthen", "mobility", "nerve_glide", "position", "aerobic"]
Position = Literal["supine", "prone", "side_lying", "quadruped", "kneeling", "sitting", "standing"]
Direction = Literal["flexion", "extension", "neutral", "mixed"]
Equipment = Literal["stability_ball", "towel", "chair", "wall", "band", "pillow"]
Sex = Literal["female", "male", "other", "unspecified"]
LegSide = Literal["left", "right", "both", "none"]
SidedFinding = Literal["negative", "positive_left", "positive_right", "positive_both"]
Slot = Literal["morning", "midday", "afternoon", "evening"]
SpineDirection = Literal["flexion", "extension"]
DirectionalPreference = Literal["extension", "flexion", "none", "unknown"]

URGENCY_ORDER: Final[tuple[Urgency, ...]] = get_args(Urgency)  # most urgent first
EXTENT_ORDER: Final[tuple[Extent, ...]] = get_args(Extent)  # least to most peripheral
PHASE_ORDER: Final[tuple[Phase, ...]] = get_args(Phase)
CONDITION_ORDER: Final[tuple[Condition, ...]] = get_args(Condition)


PLACE_ORDER: Final[tuple[Place, ...]] = get_args(Place)


@dataclass(frozen=True, slots=True)
class RedFlag:
    id: RedFlagId
    level: Urgency
    clearable: bool
    text: str
    where: Place


def _load() -> dict[str, Any]:
    raw = resources.files("sciatica_coach.engine").joinpath("data/vocabulary.json").read_text()
    data: dict[str, Any] = json.loads(raw)
    return data


VOCABULARY: Final = _load()

RED_FLAGS: Final[dict[RedFlagId, RedFlag]] = {
    fid: RedFlag(
        id=fid,
        level=entry["level"],
        clearable=entry["clearable"],
        text=entry["text"],
        where=entry["where"],
    )
    for fid, entry in VOCABULARY["red_flags"].items()
}
WHERE_TO_GO: Final[dict[Place, str]] = dict(VOCABULARY["where_to_go"])
DIRECTIONAL_PREFERENCE_TEXT: Final[dict[DirectionalPreference, str]] = {
    key: value
    for key, value in VOCABULARY["directional_preference"].items()
    if not key.startswith("_")
}
URGENCY_TEXT: Final[dict[Urgency, str]] = {
    level: VOCABULARY["urgency_levels"][level] for level in URGENCY_ORDER
}
CONDITION_TEXT: Final[dict[Condition, str]] = dict(VOCABULARY["conditions"])
PHASE_TEXT: Final[dict[Phase, str]] = dict(VOCABULARY["phases"])
REQUIRED_EXERCISES: Final[dict[str, dict[str, Any]]] = {
    key: value for key, value in VOCABULARY["required_exercises"].items() if not key.startswith("_")
}
IMBALANCE_TESTS: Final[dict[str, str]] = dict(VOCABULARY["imbalance_tests"])


def most_urgent(levels: list[Urgency]) -> Urgency:
    """The most urgent of ``levels``; ``self_care`` when there are none."""
    return min(levels, key=URGENCY_ORDER.index, default="self_care")


def is_more_urgent(a: Urgency, b: Urgency) -> bool:
    return URGENCY_ORDER.index(a) < URGENCY_ORDER.index(b)


def extent_rank(extent: Extent) -> int:
    return EXTENT_ORDER.index(extent)
