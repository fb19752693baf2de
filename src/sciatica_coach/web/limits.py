"""The ranges every input is held to, in one place: forms, the offline sync and the services
all take theirs from here, so a value the database cannot hold (a step of 10**20 in a small
integer column, a date in year 1) is refused as a 400 naming its field, never a 500.
"""

import datetime as dt
from typing import Any, Final

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# How far back a log may be dated: a phone can be offline for a while, and people enter things
# they did earlier, but a session or a massage is not logged years later.
PAST_LIMIT: Final = dt.timedelta(days=366)
# A day's slack into the future: the phone's date can be a day ahead of the server's.
FUTURE_SLACK: Final = dt.timedelta(days=1)
# The player's step: sessions hold a handful of exercises; the column is a small integer.
STEP_MAX: Final = 100

DATE_OUT_OF_RANGE = _("Please give a date within the last year.")


def date_problem(value: dt.date, *, today: dt.date | None = None) -> str | None:
    """Why ``value`` is not a date a log can have, or None when it is fine."""
    today = today or timezone.localdate()
    if value > today + FUTURE_SLACK:
        return f"{value.isoformat()} is after today"
    if value < today - PAST_LIMIT:
        return f"{value.isoformat()} is more than a year ago"
    return None


@deconstructible
class RecentDate:
    """A form validator: the date (or the date of a datetime) lies within ``PAST_LIMIT``."""

    def __call__(self, value: Any) -> None:
        day = timezone.localtime(value).date() if isinstance(value, dt.datetime) else value
        if isinstance(day, dt.date) and date_problem(day) is not None:
            raise ValidationError(DATE_OUT_OF_RANGE, code="date_range")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RecentDate)

    def __hash__(self) -> int:
        return hash(RecentDate)
