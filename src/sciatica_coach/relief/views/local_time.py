"""Show and read times in the person's own time zone (from their reminder settings)."""

from collections.abc import Callable
from functools import wraps
from zoneinfo import ZoneInfo

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from sciatica_coach.reminders import selectors as reminder_selectors

View = Callable[..., HttpResponse]


def in_local_time(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        zone = reminder_selectors.time_zone_of(user=request.user)
        with timezone.override(ZoneInfo(zone)):
            return view(request, *args, **kwargs)

    return wrapper
