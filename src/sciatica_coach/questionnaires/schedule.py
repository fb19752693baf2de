"""When each questionnaire is due: PEG weekly, PGIC at each weekly review, RMDQ and ODI monthly."""

import datetime as dt
from typing import Final

EVERY: Final[dict[str, dt.timedelta]] = {
    "peg": dt.timedelta(days=7),
    "rmdq": dt.timedelta(days=28),
    "odi": dt.timedelta(days=28),
}


def is_due(
    instrument: str,
    *,
    last: dt.date | None,
    today: dt.date,
    last_review: dt.date | None = None,
) -> bool:
    if instrument == "pgic":
        # Asked after each review: there is a review newer than the last answer.
        return last_review is not None and (last is None or last < last_review)
    return last is None or today - last >= EVERY[instrument]
