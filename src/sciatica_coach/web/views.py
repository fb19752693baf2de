"""The front door and the error pages: never a traceback, always a way on."""

import logging
import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from sciatica_coach.web.database_watch import DatabaseGone, database_health, unavailable

logger = logging.getLogger(__name__)


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("today")
    return render(request, "home.html")


@never_cache
@require_GET
def health(request: HttpRequest) -> HttpResponse:
    """For load balancers and monitoring: 200 only when the database answers and takes writes,
    and is still the file this server opened."""
    try:
        database_health()
    except (DatabaseError, DatabaseGone) as problem:
        logger.error("health check failed: %s", problem)
        return HttpResponse("database unavailable", content_type="text/plain", status=503)
    return HttpResponse("ok", content_type="text/plain")


@never_cache
@require_GET
def alive(request: HttpRequest) -> HttpResponse:
    """The process answers (a liveness probe, and the benchmark's floor): the full middleware,
    no database."""
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Called while the exception is being handled, wherever it was raised (a middleware too):
    # a database that cannot be reached is "try again" (503), not "something broke" (500).
    problem = sys.exc_info()[1]
    if isinstance(problem, OperationalError | InterfaceError | DatabaseGone):
        return unavailable(request)
    # No context processors that touch the database: the database may be why we are here.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403.html", status=403)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)
