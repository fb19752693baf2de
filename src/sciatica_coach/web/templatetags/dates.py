"""``{{ day|plain_date }}``: a day as the app writes it in words, "28 November".

One filter rather than a format string per template, so the same day never reads as
"Nov. 28, 2026" on one page and "28 November" on the next. The year is added only when it is
not this year: "28 November" alone is clear within the year, not for a plan made last winter.
"""

import datetime as dt

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils import timezone

register = template.Library()


@register.filter
def plain_date(day: dt.date | None) -> str:
    if day is None:
        return ""
    return date_filter(day, "j F" if day.year == timezone.localdate().year else "j F Y")
