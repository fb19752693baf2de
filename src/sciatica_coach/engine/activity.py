"""Daily walking (contract plan rule 7): how many minutes a walk, and how many walks a day.

Staying active is the first advice for sciatica (NICE NG59); walking is the activity everyone can
do and the one people with stenosis are most often limited in. Starting each walk below the
distance that brings the symptoms on, and adding a little each week, is graded activity.
"""

from typing import Final

from sciatica_coach.engine.profile import Profile
from sciatica_coach.engine.validation import Output
from sciatica_coach.engine.vocabulary import Phase

WALKING: Final = "walking"
DEFAULT_MINUTES: Final[dict[Phase, int]] = {"relief": 5, "recovery": 10, "maintenance": 20}
WALKS_PER_DAY: Final[dict[Phase, int]] = {"relief": 3, "recovery": 2, "maintenance": 2}
# Rule 7: a walk is 80 % of what the person can manage before the leg stops them.
TOLERANCE_FRACTION: Final = 0.8
# Rule 7: a review without spreading symptoms raises a walk by 10-20 %: the program takes 15 %,
# and the least, 10 %, in a week the pain got worse (at least a minute, so short walks grow too).
WEEKLY_RAISE: Final = 0.15
RAISE_WHEN_WORSE: Final = 0.10
# The contract sets no ceiling; an hour a walk, twice a day, is far beyond what the program needs,
# so the minutes stop growing there rather than without end.
MAX_MINUTES: Final = 60


class DailyActivity(Output):
    exercise: str
    minutes: int
    walks_per_day: int
    why: list[str]


def first_minutes(profile: Profile, phase: Phase) -> int:
    if profile.walking_tolerance_min is not None:
        return max(1, int(profile.walking_tolerance_min * TOLERANCE_FRACTION))
    return DEFAULT_MINUTES[phase]


def raised(minutes: int, *, worse: bool = False, tolerance: int | None = None) -> int:
    """Rule 7: next week's walk after a review without peripheralisation.

    Rule 7 also says a walk is 80 % of the known tolerance; where the two meet, a raise never
    takes a walk past that (someone with stenosis is not walked into their claudication).
    """
    fraction = RAISE_WHEN_WORSE if worse else WEEKLY_RAISE
    walk = min(MAX_MINUTES, max(minutes + 1, round(minutes * (1 + fraction))))
    if tolerance is not None:
        # A tolerance told again and lower than before brings the walk down to it at once.
        walk = min(walk, max(1, int(tolerance * TOLERANCE_FRACTION)))
    return walk


def daily_walk(
    profile: Profile,
    phase: Phase,
    minutes: int | None = None,
    *,
    held: bool = False,
    kept: bool = False,
) -> DailyActivity:
    """``minutes``: set by a review from last week's walk (``held`` when it did not grow because
    the symptoms spread); otherwise from the profile."""
    walk = minutes if minutes is not None else first_minutes(profile, phase)
    per_day = WALKS_PER_DAY[phase]
    why = [
        f"Walk for {walk} minute{'s' if walk != 1 else ''}, {per_day} times a day. Keeping active "
        "helps sciatica settle, and short walks spread over the day keep you moving without "
        "overdoing it."
    ]
    tolerance = profile.walking_tolerance_min
    if minutes is None and tolerance is not None:
        why.append(
            f"That is a little less than the {tolerance} minutes you can walk before your leg "
            "makes you stop, so each walk ends before the symptoms build."
        )
    elif held:
        why.append("Your walks stay as they were this week, because your symptoms spread.")
    elif kept:
        why.append("Your walks stay as your last plan had them.")
    elif (
        minutes is not None
        and tolerance is not None
        and minutes >= int(tolerance * TOLERANCE_FRACTION)
    ):
        why.append(
            f"That is about 80% of the {tolerance} minutes you can walk before your leg stops "
            "you. When you can walk further, say so at your weekly review and the walks grow."
        )
    elif minutes is not None:
        why.append("Each week without spreading symptoms adds a little to each walk.")
    if "spinal_stenosis" in profile.all_conditions and "flexion" not in profile.avoid_directions:
        why.append(
            "With spinal stenosis, lean forward slightly as you walk, on a shopping trolley or a "
            "stick, or sit down for a minute before the symptoms build."
        )
    return DailyActivity(exercise=WALKING, minutes=walk, walks_per_day=per_day, why=why)
